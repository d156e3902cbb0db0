//! The `--resolution` filter: a user's name for a document ("Nghị quyết Trung ương 4", "NQ TW4
//! khóa XII", "35-CT/TW", "19/NQ-CP", "Nghị quyết 19 của Chính phủ", "NĐ 61/2017", "Luật Đất
//! đai 2013", "Chỉ thị 05", with or without diacritics) as the facet path prefixes that match
//! it, so a filter finds every citation the extractor labelled that way.
//!
//! The Party's forms are read here; every other form is read by the article reader itself
//! (`scan` + `resolve`) on the input with its marks put back (`marks`), so a filter accepts
//! whatever an article may write. A kind and a number alone ("Nghị quyết 29") match that
//! number of every issuer that issues the kind, and the unresolved citation of that name.

use std::sync::OnceLock;

use regex::Regex;

use super::khoa::parse_number;
use super::marks::restore_marks;
use super::scan::{scan, DocumentMention};
use super::state::{bare_citation, NumberedDoc};
use super::table::{
    bare_code, facet_of, kind, kind_of_code, kind_of_word, party_issuer_name, plenum_kinds,
};
use crate::data::closest;
use crate::data::documents::{documents, parse_roman, roman};
use crate::data::issuers::{issuer_of_code, issuers, IssuerLevel};
use crate::data::laws::laws;
use crate::model::Level;
use crate::text::{fold, normalize_text};

fn folded_key(s: &str) -> String {
    fold(&normalize_text(s).to_lowercase())
}

/// The forms a filter may take, matched on the folded, lower-case input.
struct FilterPatterns {
    /// "35-CT/TW", "QĐ 96-QĐ/TW khóa XIII".
    symbol: Regex,
    /// "Nghị quyết Trung ương 4", "NQ TW4 khóa XII", "Hội nghị Trung ương 4".
    plenum: Regex,
    /// "Nghị quyết Đại hội XIII".
    congress: Regex,
    /// "Chỉ thị 05", "chi thi so 5".
    bare: Regex,
}

fn filter_patterns() -> &'static FilterPatterns {
    static P: OnceLock<FilterPatterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("filter regex");
        let num = r"(?:\d{1,2}|xv|xiv|xiii|xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i|muoi\s+(?:mot|hai|ba|bon|lam)|muoi|nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin)";
        let khoa = r"(?:\s*,?\s*\(?\s*khoa\s+(xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i|1[0-4]|[1-9])\b\s*\)?)?";
        FilterPatterns {
            symbol: r(&format!(
                r"^(?:[a-z ]*?\s)?(\d{{1,4}})\s*[-–]\s*(qdns|qdi|qd|nq|ct|kl|hd|ctr|kh|tb|cv)\s*/\s*([a-z.]+){khoa}\s*$"
            )),
            plenum: r(&format!(
                r"^(?:(nghi quyet|ket luan|quy dinh|nq|kl|qd)\s*)?(?:cua\s+)?(?:hoi nghi\s+)?(?:bch\s*)?(?:trung uong|t\.?w|t\.?u)\s*(?:dang\s+)?(?:lan\s+thu\s+)?({num}){khoa}\s*$"
            )),
            congress: r(r"^(?:nghi quyet|nq)\s+(?:cua\s+)?dai hoi\s+(?:dai bieu\s+)?(?:dang\s+)?(?:toan quoc\s+)?(?:lan\s+thu\s+)?(xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i|1[0-4]|[1-9])?\s*(?:cua dang)?\s*$"),
            bare: r(&format!(
                r"^(chi thi|nghi quyet|ket luan|quy dinh|quyet dinh|ct|nq|kl|qd)\s*(?:so\s*)?(\d{{1,4}}){khoa}\s*$"
            )),
        }
    })
}

/// Facet prefixes for the table rows with a symbol (optionally of one khóa); plenum rows give
/// their full path, other rows `kind / symbol` (every khóa) or `kind / symbol / khóa`.
fn symbol_prefixes(symbol: &str, kind: &str, term: Option<u32>) -> Vec<Vec<String>> {
    let fsym = fold(&symbol.to_lowercase());
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut found = false;
    for row in documents()
        .iter()
        .filter(|r| !r.is_congress() && fold(&r.symbol.to_lowercase()) == fsym)
    {
        found = true;
        if term.is_some_and(|t| t != row.term) {
            continue;
        }
        let mut f = facet_of(row);
        if row.plenum.is_none() && term.is_none() {
            // Level, kind, issuer, symbol: every khóa.
            f.truncate(4);
        }
        if !out.contains(&f) {
            out.push(f);
        }
    }
    if !found {
        let mut f = vec![
            Level::Party.facet_root().to_owned(),
            kind.to_owned(),
            party_issuer_name(symbol).to_owned(),
            symbol.to_owned(),
        ];
        if let Some(t) = term {
            f.push(format!("khóa {}", roman(t)));
        }
        out.push(f);
    }
    out
}

/// A user's `--resolution` filter ("Nghị quyết Trung ương 4", "NQ TW4 khóa XII", "35-CT/TW",
/// "Chỉ thị 05", with or without diacritics) → the facet path prefixes that match it.
/// `Err` carries up to 3 closest known labels when nothing matches.
pub fn resolution_filter(input: &str) -> Result<Vec<Vec<String>>, Vec<String>> {
    let k = folded_key(input);
    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
    let FilterPatterns {
        symbol,
        plenum,
        congress,
        bare,
    } = filter_patterns();
    let term = |m: Option<regex::Match<'_>>| m.and_then(|m| parse_roman(m.as_str()));

    if let Some(c) = symbol.captures(&k) {
        // Folded input has lost "Đ" and "Ư": restore them in codes and issuers.
        let code_in = c[2].to_uppercase().replacen("QD", "QĐ", 1);
        if let Some((code, kind)) = kind_of_code(&code_in) {
            let kind = kind.name;
            let issuer = c[3].to_uppercase().replace('.', "");
            let issuer = if issuer.starts_with("DU") {
                issuer.replacen("DU", "ĐU", 1)
            } else {
                issuer
            };
            let n: u32 = c[1].parse().unwrap_or(0);
            let central =
                issuer_of_code(&issuer).is_some_and(|(i, _)| i.level == IssuerLevel::Party);
            if central {
                let symbol = format!("{n:02}-{code}/{issuer}");
                return Ok(symbol_prefixes(&symbol, kind, term(c.get(4))));
            }
        }
    }
    if let Some(c) = plenum.captures(&k) {
        if let Some(n) = parse_number(&c[2]) {
            let kinds: Vec<&'static str> = match c.get(1).and_then(|m| kind_of_word(m.as_str())) {
                Some(kind) => vec![kind],
                None => plenum_kinds().collect(),
            };
            let t = term(c.get(3));
            return Ok(kinds
                .into_iter()
                .map(|kind| {
                    let mut f = vec![
                        Level::Party.facet_root().to_owned(),
                        kind.to_owned(),
                        format!("TW{n}"),
                    ];
                    if let Some(t) = t {
                        f.push(format!("khóa {}", roman(t)));
                    }
                    f
                })
                .collect());
        }
    }
    if let Some(c) = congress.captures(&k) {
        let mut f = vec![
            Level::Party.facet_root().to_owned(),
            "Nghị quyết".to_owned(),
            "Đại hội".to_owned(),
        ];
        if let Some(t) = term(c.get(1)) {
            f.push(format!("khóa {}", roman(t)));
        }
        return Ok(vec![f]);
    }
    if let Some(c) = bare.captures(&k) {
        if let Some(kind) = kind_of_word(&c[1]) {
            let n: u32 = c[2].parse().unwrap_or(0);
            let symbol = format!("{n:02}-{}/TW", bare_code(kind));
            return Ok(match term(c.get(3)) {
                Some(t) => symbol_prefixes(&symbol, kind, Some(t)),
                None => every_issuer(kind, n),
            });
        }
    }
    if let Some(paths) = read_as_text(input) {
        return Ok(paths);
    }
    let labels = documents()
        .iter()
        .map(|r| (folded_key(r.canonical), r.canonical))
        .chain(laws().iter().map(|l| (folded_key(l.name), l.name)));
    Err(closest(&k, labels, 3)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// A kind and a number alone: that number of every body that issues the kind, and the
/// unresolved citation of that name ("Nghị quyết 29").
fn every_issuer(kind_name: &'static str, number: u32) -> Vec<Vec<String>> {
    let k = kind(kind_name);
    let mut out = vec![bare_citation(k, number).facet];
    let mut push = |f: Vec<String>| {
        if !out.contains(&f) {
            out.push(f);
        }
    };
    for issuer in issuers() {
        if !issuer.issues(kind_name) && k.issuer != Some(issuer.code) {
            continue;
        }
        if issuer.level == IssuerLevel::Party {
            let symbol = format!("{number:02}-{}/{}", bare_code(kind_name), issuer.code);
            for f in symbol_prefixes(&symbol, kind_name, None) {
                push(f);
            }
            continue;
        }
        let terms: Vec<Option<u32>> = if issuer.termed {
            (11..=15).map(Some).collect()
        } else {
            vec![None]
        };
        for term in terms {
            let doc = NumberedDoc {
                kind: k,
                issuer,
                term,
                number,
                year: None,
                code: if issuer.termed { None } else { k.bare_code },
                units: Vec::new(),
            };
            push(doc.citation().facet);
        }
    }
    out
}

/// Any other form, read as an article would be: its citations' facets (a State document
/// without year matches every year), or a law's name without year.
fn read_as_text(input: &str) -> Option<Vec<Vec<String>>> {
    let text = restore_marks(&normalize_text(input));
    // Plenums and congresses are the Party's forms above, read strictly (the whole input); here
    // only documents by symbol, number or name.
    let mentions: Vec<DocumentMention> = scan(&text)
        .into_iter()
        .filter(|m| {
            !matches!(
                m,
                DocumentMention::Plenum { .. } | DocumentMention::Congress { .. }
            )
        })
        .collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for c in super::resolve(&mentions, None) {
        let paths = match c.level {
            Level::Unresolved => {
                let number = c.facet.last().and_then(|n| n.parse().ok())?;
                every_issuer(kind(&c.kind).name, number)
            }
            _ => vec![c.facet],
        };
        for f in paths {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    }
    if out.is_empty() {
        // A law named without its year: every edition.
        let key = folded_key(&text);
        let law = laws()
            .iter()
            .find(|l| folded_key(l.name) == key || l.short.iter().any(|s| folded_key(s) == key))?;
        let qh = issuer_of_code("QH14").map(|(i, _)| i.name)?;
        out.push(vec![
            Level::State.facet_root().to_owned(),
            law.kind.to_owned(),
            qh.to_owned(),
            law.name.to_owned(),
        ]);
    }
    Some(out)
}
