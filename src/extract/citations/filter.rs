//! The `--resolution` filter: a user's name for a document ("Nghị quyết Trung ương 4", "NQ TW4
//! khóa XII", "35-CT/TW", "Chỉ thị 05", with or without diacritics) as the facet path prefixes
//! that match it, so a filter finds every citation the extractor labelled that way.

use std::sync::OnceLock;

use regex::Regex;

use super::khoa::parse_number;
use super::table::{bare_code, facet_of, kind_of_code, kind_of_word, plenum_kinds};
use crate::data::closest;
use crate::data::documents::{documents, parse_roman, roman};
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
        let khoa = r"(?:\s*,?\s*\(?\s*khoa\s+(xiv|xiii|xii|xi|x|ix|viii|1[0-4])\b\s*\)?)?";
        FilterPatterns {
            symbol: r(&format!(
                r"^(?:[a-z ]*?\s)?(\d{{1,4}})\s*[-–]\s*(qdns|qdi|qd|nq|ct|kl|hd|ctr|kh|tb|cv)\s*/\s*([a-z.]+){khoa}\s*$"
            )),
            plenum: r(&format!(
                r"^(?:(nghi quyet|ket luan|quy dinh|nq|kl|qd)\s*)?(?:cua\s+)?(?:hoi nghi\s+)?(?:bch\s*)?(?:trung uong|t\.?w|t\.?u)\s*(?:dang\s+)?(?:lan\s+thu\s+)?({num}){khoa}\s*$"
            )),
            congress: r(r"^(?:nghi quyet|nq)\s+(?:cua\s+)?dai hoi\s+(?:dai bieu\s+)?(?:dang\s+)?(?:toan quoc\s+)?(?:lan\s+thu\s+)?(xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii)?\s*(?:cua dang)?\s*$"),
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
            f.truncate(2);
        }
        if !out.contains(&f) {
            out.push(f);
        }
    }
    if !found {
        let mut f = vec![kind.to_owned(), symbol.to_owned()];
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
            let symbol = format!("{n:02}-{code}/{issuer}");
            return Ok(symbol_prefixes(&symbol, kind, term(c.get(4))));
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
                    let mut f = vec![kind.to_owned(), format!("TW{n}")];
                    if let Some(t) = t {
                        f.push(format!("khóa {}", roman(t)));
                    }
                    f
                })
                .collect());
        }
    }
    if let Some(c) = congress.captures(&k) {
        let mut f = vec!["Nghị quyết".to_owned(), "Đại hội".to_owned()];
        if let Some(t) = term(c.get(1)) {
            f.push(format!("khóa {}", roman(t)));
        }
        return Ok(vec![f]);
    }
    if let Some(c) = bare.captures(&k) {
        if let Some(kind) = kind_of_word(&c[1]) {
            let n: u32 = c[2].parse().unwrap_or(0);
            let symbol = format!("{n:02}-{}/TW", bare_code(kind));
            return Ok(symbol_prefixes(&symbol, kind, term(c.get(3))));
        }
    }
    let labels = documents()
        .iter()
        .map(|r| (folded_key(r.canonical), r.canonical));
    Err(closest(&k, labels, 3)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// The `--resolution` text that selects exactly the documents under this facet path (what a
/// page sends when a person clicks a node of the cited-documents tree): `Nghị quyết / TW4 /
/// khóa XII` → "Nghị quyết TW4 khóa XII". `None` for a node no filter names on its own (a kind
/// alone). Only offered when `resolution_filter` gives the path back.
pub fn resolution_filter_text(path: &[String]) -> Option<String> {
    let (kind, rest) = path.split_first()?;
    let text = match rest {
        [congress] if congress == "Đại hội" => format!("{kind} Đại hội"),
        [congress, t] if congress == "Đại hội" => {
            format!("{kind} Đại hội {}", t.strip_prefix("khóa ")?)
        }
        [plenum] if plenum.starts_with("TW") => format!("{kind} {plenum}"),
        [plenum, t] if plenum.starts_with("TW") => format!("{kind} {plenum} {t}"),
        [plenum, t, symbol] if plenum.starts_with("TW") => format!("{symbol} {t}"),
        [symbol] if symbol.contains('/') => symbol.clone(),
        [symbol, t] if symbol.contains('/') => format!("{symbol} {t}"),
        _ => return None,
    };
    let paths = resolution_filter(&text).ok()?;
    paths.iter().any(|p| p == path).then_some(text)
}

#[cfg(test)]
mod filter_text_tests {
    use super::*;

    #[test]
    fn facet_paths_give_filters_that_select_them() {
        let path = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["Nghị quyết"], None),
            (&["Nghị quyết", "Đại hội"], None),
            (
                &["Nghị quyết", "Đại hội", "khóa XIII"],
                Some("Nghị quyết Đại hội XIII"),
            ),
            (&["Nghị quyết", "TW4"], Some("Nghị quyết TW4")),
            (
                &["Kết luận", "TW6", "khóa XIII"],
                Some("Kết luận TW6 khóa XIII"),
            ),
            (&["Kết luận", "05-KL/BTCTW"], Some("05-KL/BTCTW")),
            (
                &["Quy định", "96-QĐ/TW", "khóa XIII"],
                Some("96-QĐ/TW khóa XIII"),
            ),
        ];
        for (parts, want) in cases {
            assert_eq!(
                resolution_filter_text(&path(parts)).as_deref(),
                *want,
                "{parts:?}"
            );
        }
        // Every document of the table, by its facet path, round-trips.
        for row in documents() {
            let facet = facet_of(row);
            assert!(resolution_filter_text(&facet).is_some(), "{facet:?}");
        }
    }
}
