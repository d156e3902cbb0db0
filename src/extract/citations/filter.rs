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
    read_filter(input).ok_or_else(|| {
        let k = folded_key(input);
        let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
        let labels = documents()
            .iter()
            .map(|r| (folded_key(r.canonical), r.canonical))
            .chain(laws().iter().map(|l| (folded_key(l.name), l.name)));
        closest(&k, labels, 3)
            .into_iter()
            .map(str::to_owned)
            .collect()
    })
}

/// [`resolution_filter`] without the suggestions: `None` when the input names no document
/// (for readers that try many inputs, such as the words of a query).
pub fn read_filter(input: &str) -> Option<Vec<Vec<String>>> {
    let k = folded_key(input);
    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
    // "TƯ" written in capitals is the Central Committee; folded it is any "tu" ("từ 8").
    if !may_name_a_document(&k) && !input.contains("TƯ") {
        return None;
    }
    read_folded(input, &k)
}

/// `read_filter` once `k`, the folded and spaced input, may name a document.
fn read_folded(input: &str, k: &str) -> Option<Vec<Vec<String>>> {
    let FilterPatterns {
        symbol,
        plenum,
        congress,
        bare,
    } = filter_patterns();
    let term = |m: Option<regex::Match<'_>>| m.and_then(|m| parse_roman(m.as_str()));

    if let Some(c) = symbol.captures(k) {
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
                return Some(symbol_prefixes(&symbol, kind, term(c.get(4))));
            }
        }
    }
    if let Some(c) = plenum.captures(k) {
        if let Some(n) = parse_number(&c[2]) {
            let kinds: Vec<&'static str> = match c.get(1).and_then(|m| kind_of_word(m.as_str())) {
                Some(kind) => vec![kind],
                None => plenum_kinds().collect(),
            };
            let t = term(c.get(3));
            return Some(
                kinds
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
                    .collect(),
            );
        }
    }
    if let Some(c) = congress.captures(k) {
        let mut f = vec![
            Level::Party.facet_root().to_owned(),
            "Nghị quyết".to_owned(),
            "Đại hội".to_owned(),
        ];
        if let Some(t) = term(c.get(1)) {
            f.push(format!("khóa {}", roman(t)));
        }
        return Some(vec![f]);
    }
    if let Some(c) = bare.captures(k) {
        if let Some(kind) = kind_of_word(&c[1]) {
            let n: u32 = c[2].parse().unwrap_or(0);
            let symbol = format!("{n:02}-{}/TW", bare_code(kind));
            return Some(match term(c.get(3)) {
                Some(t) => symbol_prefixes(&symbol, kind, Some(t)),
                None => every_issuer(kind, n),
            });
        }
    }
    read_as_text(input)
}

/// The words that any name of a document holds one of (folded, lower case): kinds' names,
/// their codes and abbreviations, laws' abbreviations, and the words of plenums and congresses.
fn naming_vocabulary() -> &'static (Vec<String>, Vec<String>) {
    static WORDS: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let key = |s: &str| fold(&s.to_lowercase());
        let mut phrases: Vec<String> = ["trung uong", "dai hoi", "hoi nghi"]
            .map(str::to_owned)
            .to_vec();
        let mut codes: Vec<String> = vec!["tw".to_owned()];
        for k in crate::data::documents::kinds() {
            phrases.push(key(k.name));
            codes.push(key(k.label));
            codes.extend(k.codes.iter().chain(&k.short).map(|c| key(c)));
        }
        for law in laws() {
            codes.extend(law.short.iter().map(|c| key(c)));
        }
        phrases.sort();
        phrases.dedup();
        codes.sort();
        codes.dedup();
        (phrases, codes)
    })
}

/// Whether folded, lower-case input can name a document at all: a symbol ("47-qd/tw",
/// "61/2017"), a kind's name ("nghi quyet"), a code or abbreviation alone or with its number
/// ("nq", "tw4", "blhs"), or a plenum's or congress's words. Everything else is left before
/// the article reader, whose patterns take some 20 ms to compile: most of a cold `search`
/// whose query holds a number ("Đảng 2023") and names nothing. `read_filter` reads exactly the
/// same with or without it (checked over baomoi's titles, `cargo test --release --lib
/// gate_reads_the_same -- --ignored`).
fn may_name_a_document(folded: &str) -> bool {
    if folded.contains('/') || folded.contains("t.w") || folded.contains("t.u") {
        return true;
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (phrases, codes) = naming_vocabulary();
    let symbol_like = folded
        .split_whitespace()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c == '-' || c == '–'));
    let code_like = words.iter().any(|w| {
        let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
        codes.iter().any(|c| c == letters)
    });
    if symbol_like || code_like {
        return true;
    }
    let plain = format!(" {} ", words.join(" "));
    phrases.iter().any(|p| plain.contains(&format!(" {p} ")))
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

/// The `--resolution` text that selects exactly the documents under this facet path (what a
/// page sends when a person clicks a node of the cited-documents tree): `Đảng / Nghị quyết /
/// TW4 / khóa XII` → "Nghị quyết TW4 khóa XII", `Nhà nước / Nghị định / Chính phủ / 61/NĐ-CP /
/// 2017` → "Nghị định 61/2017/NĐ-CP", `Nhà nước / Luật / Quốc hội / Luật Đất đai` → "Luật Đất
/// đai". `None` for a node no filter names on its own: a level, a kind, an issuer, a number
/// without issuer (its filter also matches every issuer's document of that number). Only
/// offered when `resolution_filter` gives back exactly this path.
pub fn resolution_filter_text(path: &[String]) -> Option<String> {
    let is_plenum = |s: &str| {
        s.strip_prefix("TW")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    // A document by its symbol or name, with the year or khóa of the node below it.
    let document = |kind: &str, doc: &str, below: Option<&str>| -> Option<String> {
        let khoa = below.filter(|b| b.starts_with("khóa "));
        let year = below.filter(|b| b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()));
        if below.is_some() && khoa.is_none() && year.is_none() {
            return None;
        }
        Some(match doc.split_once('/') {
            // A Party symbol (number-code/issuer): the symbol names its kind.
            Some((number, _)) if number.contains('-') => match khoa {
                Some(t) => format!("{doc} {t}"),
                None => doc.to_owned(),
            },
            // A State symbol (number/code-issuer): its year goes after the number.
            Some((number, rest)) => match year {
                Some(y) => format!("{kind} {number}/{y}/{rest}"),
                None => format!("{kind} {doc}"),
            },
            // A law by name.
            None => match year {
                Some(y) => format!("{doc} {y}"),
                None => doc.to_owned(),
            },
        })
    };
    let (level, rest) = path.split_first()?;
    if level == Level::Unresolved.facet_root() {
        return None;
    }
    let text = match rest {
        [kind, congress] if congress == "Đại hội" => format!("{kind} Đại hội"),
        [kind, congress, t] if congress == "Đại hội" => {
            format!("{kind} Đại hội {}", t.strip_prefix("khóa ")?)
        }
        [kind, plenum] if is_plenum(plenum) => format!("{kind} {plenum}"),
        [kind, plenum, t] if is_plenum(plenum) => format!("{kind} {plenum} {t}"),
        [_, plenum, t, symbol] if is_plenum(plenum) => format!("{symbol} {t}"),
        [kind, _issuer, doc] => document(kind, doc, None)?,
        [kind, _issuer, doc, below] => document(kind, doc, Some(below))?,
        _ => return None,
    };
    let paths = resolution_filter(&text).ok()?;
    (paths.len() == 1 && paths[0] == path).then_some(text)
}

#[cfg(test)]
mod filter_text_tests {
    use super::*;

    #[test]
    fn facet_paths_give_filters_that_select_them() {
        let path = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["Đảng"], None),
            (&["Đảng", "Nghị quyết"], None),
            (&["Đảng", "Chỉ thị", "Trung ương"], None),
            (
                &["Đảng", "Nghị quyết", "Đại hội", "khóa XIII"],
                Some("Nghị quyết Đại hội XIII"),
            ),
            (&["Đảng", "Nghị quyết", "TW4"], Some("Nghị quyết TW4")),
            (
                &["Đảng", "Kết luận", "TW6", "khóa XIII"],
                Some("Kết luận TW6 khóa XIII"),
            ),
            (
                &["Đảng", "Nghị quyết", "TW6", "khóa XII", "18-NQ/TW"],
                Some("18-NQ/TW khóa XII"),
            ),
            (
                &["Đảng", "Chỉ thị", "Trung ương", "35-CT/TW"],
                Some("35-CT/TW"),
            ),
            (
                &["Đảng", "Quy định", "Trung ương", "96-QĐ/TW", "khóa XIII"],
                Some("96-QĐ/TW khóa XIII"),
            ),
            (
                &["Nhà nước", "Nghị quyết", "Chính phủ", "19/NQ-CP"],
                Some("Nghị quyết 19/NQ-CP"),
            ),
            (
                &["Nhà nước", "Nghị định", "Chính phủ", "61/NĐ-CP", "2017"],
                Some("Nghị định 61/2017/NĐ-CP"),
            ),
            (
                &["Nhà nước", "Nghị quyết", "Quốc hội", "25/QH14", "2016"],
                Some("Nghị quyết 25/2016/QH14"),
            ),
            (
                &["Nhà nước", "Luật", "Quốc hội", "Luật Đất đai", "2013"],
                Some("Luật Đất đai 2013"),
            ),
            (
                &["Nhà nước", "Luật", "Quốc hội", "Luật Đất đai"],
                Some("Luật Đất đai"),
            ),
            (
                &[
                    "Địa phương",
                    "Chương trình hành động",
                    "Tỉnh ủy, Thành ủy",
                    "04-CTr/TU",
                ],
                Some("04-CTr/TU"),
            ),
            // A number without issuer: its filter is every issuer's of that number.
            (&["Chưa xác định", "Nghị quyết", "29"], None),
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

    /// Whatever an article cites can be clicked: each node of its path that has a filter text
    /// has one that gives back that node alone, and every document node has one.
    #[test]
    fn extracted_citations_can_be_selected() {
        let text = "Nghị quyết Trung ương 4 (khóa XI, XII), Chỉ thị số 35-CT/TW, Quy định 96 ngày \
            2-2-2023 của Bộ Chính trị, Nghị định 61/2017/NĐ-CP và Chỉ thị 05/CT-TTg ngày 6/2/2017, \
            Chỉ thị 29-CT/TU, Luật Đất đai 2013, Nghị quyết số 25/2016/QH14, Nghị quyết Đại hội XIII";
        let date = crate::model::Date::new(2023, 6, 23);
        let citations = super::super::resolve(&scan(&normalize_text(text)), date);
        assert!(citations.len() >= 9, "{citations:?}");
        for c in citations {
            let text = resolution_filter_text(&c.facet)
                .unwrap_or_else(|| panic!("{} {:?}: no filter text", c.label, c.facet));
            assert_eq!(
                resolution_filter(&text).unwrap(),
                std::slice::from_ref(&c.facet),
                "{text}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pass_the_gate_and_plain_words_with_numbers_do_not() {
        for name in [
            "Nghị quyết Trung ương 4",
            "NQ TW4 khóa XII",
            "35-CT/TW",
            "19/NQ-CP",
            "NĐ 61/2017",
            "Luật Đất đai 2013",
            "Chỉ thị 05",
            "QĐ 47",
            "BLHS 2015",
            "Hội nghị T.Ư 6",
            "Đại hội XIII",
        ] {
            let k = folded_key(name);
            assert!(may_name_a_document(&k), "{name}");
        }
        for words in [
            "Đảng 2023",
            "Hải Phòng 2023",
            "khóa XII",
            "năm 2020 tăng 5%",
            "tư tưởng 4",
        ] {
            let k = folded_key(words);
            assert!(!may_name_a_document(&k), "{words}");
            assert_eq!(read_filter(words), None, "{words}");
        }
    }

    /// The gate changes no reading: every run of up to 12 words of every baomoi title (and
    /// the judged queries) reads the same through `read_filter` as through the reader alone.
    #[test]
    #[ignore = "reads the shared corpus; run in release"]
    fn gate_reads_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("../shared/corpus/baomoi");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("SKIPPED: {} is absent", dir.display());
            return;
        };
        let mut texts: Vec<String> = Vec::new();
        for entry in entries.flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for line in text.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(t) = v["title"].as_str() {
                        texts.push(t.to_owned());
                    }
                }
            }
        }
        let queries = std::fs::read_to_string(root.join("tests/relevance/queries.jsonl")).unwrap();
        for line in queries.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            texts.push(v["query"].as_str().unwrap().to_owned());
        }
        // Only the runs a query's reader tries (a digit or a Roman numeral): alone, a word
        // such as "túi" reads as a plenum ("t" "u" "i", Trung ương 1), which the gate rightly
        // leaves out.
        let numbered = |run: &[&str]| {
            run.iter().any(|w| {
                w.chars().any(|c| c.is_ascii_digit())
                    || parse_roman(w.trim_matches(|c: char| !c.is_alphanumeric())).is_some()
            })
        };
        // The one reading the gate drops on purpose: "tu" (từ, tư, tự …) read as "TƯ", so
        // "từ 8" was the 8th plenum.
        let false_plenum = |k: &str, reading: Option<&[Vec<String>]>| {
            reading.is_some_and(|r| {
                r.iter()
                    .all(|p| p.get(2).is_some_and(|s| s.starts_with("TW")))
            }) && !k.contains("trung uong")
                && !k.contains("t.u")
                && !k
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.starts_with("tw"))
        };
        let mut false_plenums: Vec<String> = Vec::new();
        let (mut runs, mut read, mut gated) = (0usize, 0usize, 0usize);
        for text in &texts {
            let words: Vec<&str> = text.split_whitespace().collect();
            for len in 1..=words.len().min(12) {
                for start in 0..=words.len() - len {
                    if !numbered(&words[start..start + len]) {
                        continue;
                    }
                    let run = words[start..start + len].join(" ");
                    let k = folded_key(&run);
                    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
                    let whole = read_folded(&run, &k);
                    runs += 1;
                    read += usize::from(whole.is_some());
                    gated += usize::from(!may_name_a_document(&k));
                    let gated_reading = read_filter(&run);
                    if gated_reading != whole && false_plenum(&k, whole.as_deref()) {
                        false_plenums.push(run);
                        continue;
                    }
                    assert_eq!(gated_reading, whole, "{run:?}");
                }
            }
        }
        false_plenums.sort();
        false_plenums.dedup();
        eprintln!(
            "{} texts, {runs} runs with a number: {read} read as a document, {gated} left out by \
             the gate, of which {} (distinct) were \"tu\" read as a plenum: {:?}",
            texts.len(),
            false_plenums.len(),
            &false_plenums[..false_plenums.len().min(12)]
        );
    }
}
