//! Party documents an article cites ("Nghị quyết Trung ương 4 (khóa XI, XII)", "Chỉ thị số
//! 35-CT/TW", "Quy định 96 ngày 2-2-2023 của Bộ Chính trị", "Nghị quyết Đại hội XIII"), as
//! canonical labels and facet paths. Facts come from `index_schema/documents.tsv`; the forms
//! handled are those of `shared/gazetteer/reference-patterns.md`.
//!
//! # Labels and facets
//!
//! A document known to the table gets the table's `canonical` label, so "Nghị quyết số 04-NQ/TW"
//! and "Nghị quyết Trung ương 4 khóa XII" are both `NQ TW4 khóa XII`. Facet paths, kind first:
//!
//! | document | label | facet |
//! | --- | --- | --- |
//! | plenum, one document | `NQ TW4 khóa XII` | `Nghị quyết / TW4 / khóa XII` |
//! | plenum mention, several documents (TW6 khóa XII: 18..21) | `NQ TW6 khóa XII` | `Nghị quyết / TW6 / khóa XII` |
//! | one of them by number | `NQ TW6 khóa XII số 18` | `Nghị quyết / TW6 / khóa XII / 18-NQ/TW` |
//! | plenum, khóa unknown | `NQ TW4` | `Nghị quyết / TW4` |
//! | numbered document | `CT 35-CT/TW khóa XII` | `Chỉ thị / 35-CT/TW / khóa XII` |
//! | numbered, khóa unknown or local | `CTr 04-CTr/TU` | `Chương trình hành động / 04-CTr/TU` |
//! | congress | `NQ Đại hội XIII` | `Nghị quyết / Đại hội / khóa XIII` |
//!
//! So the filter "Nghị quyết Trung ương 4" is the prefix `Nghị quyết / TW4` (every term), "NQ TW4
//! khóa XII" is `Nghị quyết / TW4 / khóa XII`, and "35-CT/TW" is `Chỉ thị / 35-CT/TW` (both
//! terms that issued a 35-CT/TW). A bare plenum mention of a several-document plenum does not
//! match a filter for one of its documents by number.
//!
//! # Khóa
//!
//! Numbers restart every khóa. A symbol's khóa comes from an explicit "khóa XII" in the same
//! clause, else from a date attached to the reference ("ngày 26-4-2019": the khóa in office
//! then), else (marked `term_inferred`) from the table: the latest term whose document with that
//! symbol predates the article (compared by year, because an inferred article date may be a bare
//! year stored as 1 January). A plenum without khóa takes the latest term whose plenum of that
//! number had issued a document of that kind before the article date (`term_inferred`). A symbol
//! the table does not know gets no khóa unless the text gives one: "Quy định 293" cited in 2022
//! is khóa X, not the khóa of the article date. Local documents (`/TU`, `/HU`, `/ĐU`...) never
//! get a khóa.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use super::date::Date;
use super::province::closest;
use crate::text::{fold, normalize_text};

/// One cited Party document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocumentRef {
    /// Canonical label, e.g. "NQ TW4 khóa XII", "CT 05-CT/TW khóa XII", "CTr 04-CTr/TU".
    pub label: String,
    /// Facet path segments (see the module docs).
    pub facet: Vec<String>,
    /// The khóa was inferred from the article date.
    pub term_inferred: bool,
}

struct DocRow {
    canonical: &'static str,
    kind: &'static str,
    symbol: &'static str,
    term: u32,
    plenum: Option<u32>,
    date: Option<Date>,
}

impl DocRow {
    fn is_congress(&self) -> bool {
        self.symbol.is_empty()
    }

    fn facet(&self) -> Vec<String> {
        let khoa = format!("khóa {}", roman(self.term));
        if self.is_congress() {
            return vec![self.kind.into(), "Đại hội".into(), khoa];
        }
        match self.plenum {
            Some(p) => {
                let mut f = vec![self.kind.into(), format!("TW{p}"), khoa];
                if self.canonical.contains(" số ") {
                    f.push(self.symbol.into());
                }
                f
            }
            None => vec![self.kind.into(), self.symbol.into(), khoa],
        }
    }

    fn to_ref(&self, term_inferred: bool) -> DocumentRef {
        DocumentRef {
            label: self.canonical.into(),
            facet: self.facet(),
            term_inferred,
        }
    }
}

pub(crate) const DOCUMENTS_TABLE: &str = include_str!("../../index_schema/documents.tsv");

fn documents() -> &'static [DocRow] {
    static ROWS: OnceLock<Vec<DocRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        DOCUMENTS_TABLE
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                let cell = |i: usize| f.get(i).copied().unwrap_or("").trim();
                DocRow {
                    canonical: cell(0),
                    kind: cell(1),
                    symbol: cell(2),
                    term: parse_roman(cell(3))
                        .unwrap_or_else(|| panic!("documents.tsv: bad term in {line}")),
                    plenum: cell(4).parse().ok(),
                    date: Date::parse_iso(cell(5)),
                }
            })
            .collect()
    })
}

const ROMANS: [&str; 15] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
];

fn roman(n: u32) -> &'static str {
    ROMANS
        .get(n.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

fn parse_roman(s: &str) -> Option<u32> {
    let up = s.trim().to_uppercase();
    ROMANS
        .iter()
        .position(|r| *r == up)
        .map(|i| i as u32 + 1)
        .or_else(|| up.parse().ok().filter(|n| (1..=15).contains(n)))
}

/// Plenum or term number written as digits, a Roman numeral or a Vietnamese word.
fn parse_number(s: &str) -> Option<u32> {
    let w = fold(&s.to_lowercase());
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let word = match w.as_str() {
        "nhat" | "mot" => Some(1),
        "hai" => Some(2),
        "ba" => Some(3),
        "tu" | "bon" => Some(4),
        "nam" => Some(5),
        "sau" => Some(6),
        "bay" => Some(7),
        "tam" => Some(8),
        "chin" => Some(9),
        "muoi" => Some(10),
        "muoi mot" => Some(11),
        "muoi hai" => Some(12),
        "muoi ba" => Some(13),
        "muoi bon" => Some(14),
        "muoi lam" => Some(15),
        _ => None,
    };
    word.or_else(|| w.parse().ok())
        .or_else(|| parse_roman(&w))
        .filter(|n| (1..=20).contains(n))
}

/// First day of khóa III (1960) to XIV (2026): the national congresses.
const TERM_STARTS: [(u32, (i32, u32, u32)); 12] = [
    (3, (1960, 9, 10)),
    (4, (1976, 12, 20)),
    (5, (1982, 3, 31)),
    (6, (1986, 12, 18)),
    (7, (1991, 6, 27)),
    (8, (1996, 7, 1)),
    (9, (2001, 4, 22)),
    (10, (2006, 4, 25)),
    (11, (2011, 1, 19)),
    (12, (2016, 1, 28)),
    (13, (2021, 2, 1)),
    (14, (2026, 1, 23)),
];

/// The khóa in office on a date.
fn term_of_date(d: Date) -> Option<u32> {
    TERM_STARTS
        .iter()
        .rev()
        .find(|(_, (y, m, day))| (d.year, d.month, d.day) >= (*y, *m, *day))
        .map(|(t, _)| *t)
}

fn term_start(t: u32) -> Option<Date> {
    let (_, (y, m, d)) = TERM_STARTS.iter().find(|(n, _)| *n == t)?;
    Date::new(*y, *m, *d)
}

/// Kind name and label abbreviation for a symbol's type code.
fn kind_of_code(code: &str) -> Option<(&'static str, &'static str, &'static str)> {
    // (canonical code, kind, label abbreviation)
    Some(match code.to_uppercase().as_str() {
        "NQ" => ("NQ", "Nghị quyết", "NQ"),
        "CT" => ("CT", "Chỉ thị", "CT"),
        "KL" => ("KL", "Kết luận", "KL"),
        "QĐ" => ("QĐ", "Quy định", "QĐ"),
        "QĐI" => ("QĐi", "Quy định", "QĐ"),
        "QĐNS" => ("QĐNS", "Quyết định", "QĐ"),
        "HD" => ("HD", "Hướng dẫn", "HD"),
        "CTR" => ("CTr", "Chương trình hành động", "CTr"),
        "KH" => ("KH", "Kế hoạch", "KH"),
        "TB" => ("TB", "Thông báo", "TB"),
        "CV" => ("CV", "Công văn", "CV"),
        _ => return None,
    })
}

fn abbreviation(kind: &str) -> &'static str {
    match kind {
        "Nghị quyết" => "NQ",
        "Chỉ thị" => "CT",
        "Kết luận" => "KL",
        "Quy định" | "Quyết định" => "QĐ",
        _ => "VB",
    }
}

fn code_of_kind(kind: &str) -> &'static str {
    match kind {
        "Nghị quyết" => "NQ",
        "Chỉ thị" => "CT",
        "Kết luận" => "KL",
        _ => "QĐ",
    }
}

fn kind_of_word(word: &str) -> Option<&'static str> {
    match fold(&word.to_lowercase()).as_str() {
        "nghi quyet" | "nq" => Some("Nghị quyết"),
        "ket luan" | "kl" => Some("Kết luận"),
        "quy dinh" | "qd" => Some("Quy định"),
        "chi thi" | "ct" => Some("Chỉ thị"),
        "quyet dinh" => Some("Quyết định"),
        _ => None,
    }
}

/// Issuers that put a document in the central Party (symbol suffix `TW` family).
fn is_central_issuer(issuer: &str) -> bool {
    issuer == "TW" || (issuer.ends_with("TW") && !issuer.contains('-'))
}

/// Issuers of local Party bodies: tỉnh/thành ủy, huyện ủy, đảng ủy (khối), quận ủy...
fn is_local_issuer(issuer: &str) -> bool {
    let head = issuer.split('-').next().unwrap_or("");
    matches!(
        head,
        "TU" | "HU" | "QU" | "TXU" | "TPU" | "ĐU" | "ĐUK" | "ĐUQS"
    )
}

/// A plenum number. ASCII word boundaries keep the regexes on the fast engines; "tư" ends in a
/// non-ASCII letter, so it checks the character after it instead.
const N: &str = r"(?:(?:\d{1,2}|(?-i:XV|XIV|XIII|XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)|mười\s+(?:một|hai|ba|bốn|lăm)|mười|nhất|hai|ba|bốn|năm|sáu|bảy|tám|chín)(?-u:\b)|tư(?:\s|$|[,.;:)]))";
const R: &str = r"(?:(?-i:XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V)|1[0-4]|[89])";

struct Patterns {
    symbol: Regex,
    state_style: Regex,
    bare: Regex,
    plenum_kind: Regex,
    plenum_meeting: Regex,
    plenum_long: Regex,
    khoa_after: Regex,
    kinds_before: Regex,
    congress: Regex,
    attached_date: Regex,
    khoa_in_tail: Regex,
    central_issuer: Regex,
    other_issuer: Regex,
    number: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("reference regex");
        let nlist = format!(r"{N}(?:\s*(?:,|;|và)\s*{N})*");
        Patterns {
            symbol: r(r"(?i)(?-u:\b)(\d{1,4})\s*[-–]\s*(QĐNS|QĐi|QĐ|NQ|CT|KL|HD|CTr|KH|TB|CV)\s*/\s*([A-ZĐƯ][A-ZĐƯ.]*(?:-[A-ZĐ]+)?)"),
            state_style: r(r"(?i)(?-u:\b)(\d{1,4})\s*/\s*(NQ|CT|KL|QĐ)\s*-\s*(TW|TƯ)"),
            bare: r(r"(?i)(?-u:\b)(nghị quyết|chỉ thị|kết luận|quy định|quyết định)\s+(?:số\s+)?(\d{1,4}(?:\s*(?:,|và)\s*(?:số\s+)?\d{1,4}(?-u:\b))*)"),
            plenum_kind: r(&format!(
                r"(?i)(?-u:\b)(nghị quyết|kết luận|quy định|NQ|KL)\s*(?:của\s+)?(?:hội nghị\s+)?(?:BCH\s*)?(?:trung ương|T\.?W|T\.?Ư)\s*(?:đảng\s+)?(?:lần\s+thứ\s+)?({nlist})"
            )),
            plenum_meeting: r(&format!(
                r"(?i)(?-u:\b)hội nghị\s+(?:BCH\s*)?(?:trung ương|T\.?W|T\.?Ư)\s*(?:đảng\s+)?(?:lần\s+thứ\s+)?({nlist})"
            )),
            plenum_long: r(&format!(
                r"(?i)(?-u:\b)hội nghị\s+(?:lần\s+thứ\s+)?({nlist})\s*,?\s*(?:của\s+)?(?:ban chấp hành|BCH)\s*trung ương(?:\s+đảng)?(?:\s+cộng sản việt nam)?"
            )),
            khoa_after: r(&format!(
                r"(?i)^\s*[,(]?\s*\(?\s*khóa\s+({R}(?-u:\b)(?:\s*(?:,|;|và)\s*(?:khóa\s+)?{R}(?-u:\b))*)"
            )),
            kinds_before: r(r"(?i)((?:nghị quyết|kết luận|quy định)(?:\s*(?:,|và)\s*(?:nghị quyết|kết luận|quy định))*)\s*(?:của\s+)?(?:các\s+)?$"),
            congress: r(r"(?i)(?-u:\b)nghị quyết\s+(?:của\s+)?đại hội\s+(?:đại biểu\s+)?(?:đảng\s+)?(?:đại biểu\s+)?(?:toàn quốc\s+)?(?:lần\s+thứ\s+)?((?-i:XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II))(?-u:\b)"),
            attached_date: r(r"^\s*,?\s*(?:ban hành\s+)?(?:ngày\s+)?(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})"),
            khoa_in_tail: r(&format!(r"(?i)khóa\s+({R})(?-u:\b)")),
            central_issuer: r(r"(?i)(?:của|do)\s+(?:(Ban Tổ chức Trung ương|BTCTW)|Bộ Chính trị|BCT(?-u:\b)|Ban Bí thư|BBT(?-u:\b)|Ban Chấp hành Trung ương|BCH\s*T[WƯ]|Trung ương|T\.?[WƯ](?-u:\b))"),
            other_issuer: r(r"(?i)(?:của|do)\s+(?:các\s+)?(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban|UBND|UBTVQH|HĐND|Hội đồng|Quân ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Đảng ủy|Ban Thường vụ|BTV|Đoàn|Công đoàn|MTTQ|Mặt trận|Bộ\s+(?:trưởng|Công an|Quốc phòng|Nội vụ|Tài chính|Y tế|Giáo dục))"),
            number: r(r"\d{1,4}"),
        }
    })
}

/// The clause after a reference: up to `max` bytes, cut at a sentence or clause end.
fn clause_after(text: &str, from: usize, max: usize) -> &str {
    let mut end = (from + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let tail = &text[from..end];
    let cut = tail.find(['.', ';', '\n', '!', '?']).unwrap_or(tail.len());
    &tail[..cut]
}

fn window_before(text: &str, to: usize, max: usize) -> &str {
    let mut start = to.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..to]
}

/// Where a reference's khóa came from.
#[derive(Clone, Copy)]
enum Term {
    Explicit(u32),
    Inferred(u32),
}

/// An explicit khóa in the clause after a reference, unless it belongs to something else
/// (another document, the National Assembly, a provincial congress).
fn explicit_khoa(tail: &str) -> Option<u32> {
    let p = patterns();
    let c = p.khoa_in_tail.captures(tail)?;
    let before = fold(&tail[..c.get(0)?.start()].to_lowercase());
    const OTHER: [&str; 10] = [
        "quoc hoi",
        "hdnd",
        "hoi dong",
        "dang bo",
        "nhiem ky",
        "nghi quyet",
        "chi thi",
        "ket luan",
        "quy dinh",
        "dai hoi",
    ];
    if OTHER.iter().any(|w| before.contains(w)) {
        return None;
    }
    parse_roman(&c[1])
}

fn attached_date(tail: &str) -> Option<Date> {
    let c = patterns().attached_date.captures(tail)?;
    Date::new(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// A numbered document: resolves its khóa (see the module docs) and its table row.
fn numbered_ref(
    kind: &'static str,
    symbol: String,
    tail: &str,
    article_date: Option<Date>,
) -> DocumentRef {
    let issuer = symbol.rsplit('/').next().unwrap_or("");
    let rows: Vec<&DocRow> = documents().iter().filter(|r| r.symbol == symbol).collect();
    let term = if is_local_issuer(issuer) {
        None
    } else if let Some(t) = explicit_khoa(tail) {
        Some(Term::Explicit(t))
    } else if let Some(t) = attached_date(tail).and_then(term_of_date) {
        Some(Term::Explicit(t))
    } else if let Some(date) = article_date {
        rows.iter()
            .filter(|r| r.date.is_none_or(|d| d.year <= date.year))
            .map(|r| r.term)
            .max()
            .map(Term::Inferred)
    } else if rows.len() == 1 {
        Some(Term::Inferred(rows[0].term))
    } else {
        None
    };
    let (t, inferred) = match term {
        Some(Term::Explicit(t)) => (Some(t), false),
        Some(Term::Inferred(t)) => (Some(t), true),
        None => (None, false),
    };
    if let Some(t) = t {
        if let Some(row) = rows.iter().find(|r| r.term == t) {
            return row.to_ref(inferred);
        }
    }
    let abbr = match kind {
        "Chương trình hành động" => "CTr",
        "Hướng dẫn" => "HD",
        "Kế hoạch" => "KH",
        "Thông báo" => "TB",
        "Công văn" => "CV",
        k => abbreviation(k),
    };
    let mut label = format!("{abbr} {symbol}");
    let mut facet = vec![kind.to_owned(), symbol.clone()];
    if let Some(t) = t {
        label.push_str(&format!(" khóa {}", roman(t)));
        facet.push(format!("khóa {}", roman(t)));
    }
    DocumentRef {
        label,
        facet,
        term_inferred: inferred && t.is_some(),
    }
}

/// A plenum document by (kind, plenum, khóa).
fn plenum_ref(kind: &'static str, plenum: u32, term: Option<Term>) -> DocumentRef {
    let abbr = abbreviation(kind);
    let (t, inferred) = match term {
        Some(Term::Explicit(t)) => (t, false),
        Some(Term::Inferred(t)) => (t, true),
        None => {
            return DocumentRef {
                label: format!("{abbr} TW{plenum}"),
                facet: vec![kind.into(), format!("TW{plenum}")],
                term_inferred: false,
            }
        }
    };
    let rows: Vec<&DocRow> = documents()
        .iter()
        .filter(|r| r.kind == kind && r.plenum == Some(plenum) && r.term == t)
        .collect();
    if let [row] = rows.as_slice() {
        return row.to_ref(inferred);
    }
    if let Some(row) = rows.iter().find(|r| !r.canonical.contains(" số ")) {
        return row.to_ref(inferred);
    }
    DocumentRef {
        label: format!("{abbr} TW{plenum} khóa {}", roman(t)),
        facet: vec![
            kind.into(),
            format!("TW{plenum}"),
            format!("khóa {}", roman(t)),
        ],
        term_inferred: inferred,
    }
}

/// The khóa of a plenum cited without one: the latest term whose plenum `n` had issued a
/// document of this kind before the article date.
fn infer_plenum_term(kind: &str, plenum: u32, article_date: Option<Date>) -> Option<Term> {
    let date = article_date?;
    documents()
        .iter()
        .filter(|r| r.kind == kind && r.plenum == Some(plenum))
        .filter(|r| r.date.is_some_and(|d| d.year <= date.year))
        .map(|r| r.term)
        .max()
        .map(Term::Inferred)
}

fn split_numbers(list: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for part in list.split([',', ';']) {
        for piece in part.split(" và ") {
            if let Some(n) = parse_number(piece.trim()) {
                out.push(n);
            }
        }
    }
    out
}

/// Whether a plenum mention belongs to a foreign party ("Hội nghị Trung ương III của Đảng Cộng
/// sản Cuba").
fn foreign_party(tail: &str) -> bool {
    let t = fold(&tail.to_lowercase());
    let t = t.trim_start_matches([' ', ',', '(', ')']);
    let t = t.strip_prefix("cua ").unwrap_or(t);
    (t.starts_with("dang cong san") && !t.starts_with("dang cong san viet nam"))
        || t.starts_with("dang nhan dan")
}

fn add(out: &mut BTreeMap<String, DocumentRef>, r: DocumentRef) {
    match out.get_mut(&r.label) {
        Some(old) => old.term_inferred &= r.term_inferred,
        None => {
            out.insert(r.label.clone(), r);
        }
    }
}

fn add_plenums(
    out: &mut BTreeMap<String, DocumentRef>,
    text: &str,
    kinds: &[&'static str],
    numbers: &[u32],
    end: usize,
    article_date: Option<Date>,
) {
    let p = patterns();
    let (terms, after) = match p.khoa_after.captures(&text[end..]) {
        Some(c) => {
            let terms: Vec<u32> = c[1]
                .split([',', ';'])
                .flat_map(|s| s.split(" và "))
                .filter_map(|s| {
                    let s = s.trim();
                    parse_roman(
                        s.strip_prefix("khóa")
                            .or(s.strip_prefix("Khóa"))
                            .unwrap_or(s),
                    )
                })
                .collect();
            (terms, end + c.get(0).map_or(0, |m| m.end()))
        }
        None => (Vec::new(), end),
    };
    if foreign_party(clause_after(text, after, 60)) {
        return;
    }
    // "năm" followed by a year is a date, not plenum five.
    if text[end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return;
    }
    for &kind in kinds {
        for &n in numbers {
            if terms.is_empty() {
                add(
                    out,
                    plenum_ref(kind, n, infer_plenum_term(kind, n, article_date)),
                );
            }
            for &t in &terms {
                add(out, plenum_ref(kind, n, Some(Term::Explicit(t))));
            }
        }
    }
}

/// Kinds named just before a "Hội nghị Trung ương" mention: "các nghị quyết, kết luận của".
fn kinds_before(text: &str, start: usize) -> Vec<&'static str> {
    let window = window_before(text, start, 60);
    let Some(c) = patterns().kinds_before.captures(window) else {
        return Vec::new();
    };
    let mut kinds: Vec<&'static str> = Vec::new();
    for part in c[1].split([',']).flat_map(|s| s.split(" và ")) {
        if let Some(k) = kind_of_word(part.trim()) {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
    }
    kinds
}

/// Every Party document the text cites, deduplicated, sorted by label.
pub fn extract_references(text: &str, article_date: Option<Date>) -> Vec<DocumentRef> {
    extract_references_normalized(&normalize_text(text), article_date)
}

/// `extract_references` for a text already through `normalize_text`.
pub fn extract_references_normalized(text: &str, article_date: Option<Date>) -> Vec<DocumentRef> {
    let p = patterns();
    let mut out: BTreeMap<String, DocumentRef> = BTreeMap::new();

    // Number + symbol, Party style and Party documents written state-style.
    let mut symbol_spans: Vec<(usize, usize)> = Vec::new();
    for c in p
        .symbol
        .captures_iter(text)
        .chain(p.state_style.captures_iter(text))
    {
        let m = c.get(0).expect("match");
        let issuer: String = c[3]
            .to_uppercase()
            .replace("T.Ư", "TW")
            .replace("TƯ", "TW")
            .replace('.', "");
        if !is_central_issuer(&issuer) && !is_local_issuer(&issuer) {
            continue;
        }
        let Some((code, mut kind, _)) = kind_of_code(&c[2]) else {
            continue;
        };
        if code == "QĐ"
            && window_before(text, m.start(), 40)
                .to_lowercase()
                .contains("quyết định")
        {
            kind = "Quyết định";
        }
        let number: u32 = c[1].parse().unwrap_or(0);
        let symbol = format!("{number:02}-{code}/{issuer}");
        symbol_spans.push((m.start(), m.end()));
        let tail = clause_after(text, m.end(), 120);
        add(&mut out, numbered_ref(kind, symbol, tail, article_date));
    }

    // Number without symbol: "Chỉ thị 05", "Quy định số 293 và 294 của Ban Bí thư".
    for c in p.bare.captures_iter(text) {
        let m = c.get(0).expect("match");
        if text[m.end()..].trim_start().starts_with(['-', '/', '–']) {
            continue;
        }
        if symbol_spans
            .iter()
            .any(|&(s, e)| s < m.end() && m.start() < e)
        {
            continue;
        }
        let Some(kind) = kind_of_word(&c[1]) else {
            continue;
        };
        let tail = clause_after(text, m.end(), 120);
        let central = p.central_issuer.find(tail).map(|x| (x.start(), x));
        let other = p.other_issuer.find(tail).map(|x| x.start());
        let issuer = match (central, other) {
            (Some((cs, x)), o) if o.is_none_or(|os| cs < os) => {
                let btc = p
                    .central_issuer
                    .captures(&tail[x.start()..])
                    .and_then(|cc| cc.get(1))
                    .is_some();
                Some(if btc { "BTCTW" } else { "TW" })
            }
            (_, Some(_)) => continue,
            _ => None,
        };
        for num in p.number.find_iter(&c[2]) {
            let n: u32 = num.as_str().parse().unwrap_or(0);
            let code = code_of_kind(kind);
            let symbol = format!("{n:02}-{code}/{}", issuer.unwrap_or("TW"));
            if issuer.is_none() {
                // No issuer phrase: only a number the table knows under a single document.
                let rows = documents()
                    .iter()
                    .filter(|r| r.kind == kind && r.symbol == symbol)
                    .count();
                if rows != 1 {
                    continue;
                }
            }
            add(&mut out, numbered_ref(kind, symbol, tail, article_date));
        }
    }

    // Plenums.
    for c in p.plenum_kind.captures_iter(text) {
        let Some(kind) = kind_of_word(&c[1]) else {
            continue;
        };
        let end = c.get(0).expect("match").end();
        add_plenums(
            &mut out,
            text,
            &[kind],
            &split_numbers(&c[2]),
            end,
            article_date,
        );
    }
    for re in [&p.plenum_meeting, &p.plenum_long] {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("match");
            let rest = fold(&clause_after(text, m.end(), 24).to_lowercase());
            let rest = rest.trim_start();
            if ["doan", "hoi ", "mttq", "mat tran", "cong doan"]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                continue;
            }
            let kinds = kinds_before(text, m.start());
            if kinds.is_empty() {
                continue;
            }
            add_plenums(
                &mut out,
                text,
                &kinds,
                &split_numbers(&c[1]),
                m.end(),
                article_date,
            );
        }
    }

    // National congress resolutions (never "Đại hội Đảng bộ tỉnh").
    for c in p.congress.captures_iter(text) {
        let m = c.get(0).expect("match");
        let tail = fold(&clause_after(text, m.end(), 40).to_lowercase());
        let tail = tail.trim_start_matches([' ', ',']);
        if tail.starts_with("cua dang bo") || tail.starts_with("dang bo") {
            continue;
        }
        let Some(t) = parse_roman(&c[1]) else {
            continue;
        };
        let r = documents()
            .iter()
            .find(|r| r.is_congress() && r.term == t)
            .map(|r| r.to_ref(false))
            .unwrap_or_else(|| DocumentRef {
                label: format!("NQ Đại hội {}", roman(t)),
                facet: vec![
                    "Nghị quyết".into(),
                    "Đại hội".into(),
                    format!("khóa {}", roman(t)),
                ],
                term_inferred: false,
            });
        add(&mut out, r);
    }

    // The same document cited once with its khóa and once without ("Kế hoạch số 4-KH/TW ngày
    // 16/11/2016", later "Kế hoạch số 04-KH/TW"): keep the precise one.
    let refs: Vec<DocumentRef> = out.into_values().collect();
    refs.iter()
        .filter(|r| {
            r.facet.len() > 2
                || !refs
                    .iter()
                    .any(|o| o.facet.len() > r.facet.len() && o.facet.starts_with(&r.facet))
        })
        .cloned()
        .collect()
}

/// The signing date of the latest table document the text cites (for a plenum of unknown khóa,
/// its earliest occurrence), else the first day of the latest khóa the text names explicitly:
/// a lower bound for the article's date when the text
/// states no year at all.
pub fn latest_cited_document_date(text: &str) -> Option<Date> {
    latest_cited_document_date_normalized(&normalize_text(text))
}

/// `latest_cited_document_date` for a text already through `normalize_text`.
pub fn latest_cited_document_date_normalized(text: &str) -> Option<Date> {
    let refs = extract_references_normalized(text, None);
    let rows = documents();
    refs.iter()
        .filter_map(|r| {
            if let Some(row) = rows.iter().find(|row| row.canonical == r.label) {
                return row.date;
            }
            let same_plenum = rows.iter().filter(|row| row.facet().starts_with(&r.facet));
            if r.facet.len() >= 3 {
                // A several-document plenum of a known khóa: its documents.
                same_plenum.filter_map(|row| row.date).max()
            } else if r.facet.get(1).is_some_and(|f| f.starts_with("TW")) {
                // A plenum of unknown khóa: it exists at the earliest from its first occurrence.
                same_plenum.filter_map(|row| row.date).min()
            } else {
                None
            }
        })
        .max()
        .or_else(|| {
            refs.iter()
                .filter(|r| !r.term_inferred)
                .filter_map(|r| r.facet.iter().find_map(|f| f.strip_prefix("khóa ")))
                .filter_map(parse_roman)
                .max()
                .and_then(term_start)
        })
}

fn folded_key(s: &str) -> String {
    fold(&normalize_text(s).to_lowercase())
}

fn filter_patterns() -> &'static (Regex, Regex, Regex, Regex) {
    static P: OnceLock<(Regex, Regex, Regex, Regex)> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("filter regex");
        let num = r"(?:\d{1,2}|xv|xiv|xiii|xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i|muoi\s+(?:mot|hai|ba|bon|lam)|muoi|nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin)";
        let khoa = r"(?:\s*,?\s*\(?\s*khoa\s+(xiv|xiii|xii|xi|x|ix|viii|1[0-4])\b\s*\)?)?";
        (
            r(&format!(
                r"^(?:[a-z ]*?\s)?(\d{{1,4}})\s*[-–]\s*(qdns|qdi|qd|nq|ct|kl|hd|ctr|kh|tb|cv)\s*/\s*([a-z.]+){khoa}\s*$"
            )),
            r(&format!(
                r"^(?:(nghi quyet|ket luan|quy dinh|nq|kl|qd)\s*)?(?:cua\s+)?(?:hoi nghi\s+)?(?:bch\s*)?(?:trung uong|t\.?w|t\.?u)\s*(?:dang\s+)?(?:lan\s+thu\s+)?({num}){khoa}\s*$"
            )),
            r(r"^(?:nghi quyet|nq)\s+(?:cua\s+)?dai hoi\s+(?:dai bieu\s+)?(?:dang\s+)?(?:toan quoc\s+)?(?:lan\s+thu\s+)?(xiv|xiii|xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii)?\s*(?:cua dang)?\s*$"),
            r(&format!(
                r"^(chi thi|nghi quyet|ket luan|quy dinh|quyet dinh|ct|nq|kl|qd)\s*(?:so\s*)?(\d{{1,4}}){khoa}\s*$"
            )),
        )
    })
}

fn kind_of_folded(w: &str) -> Option<&'static str> {
    kind_of_word(w)
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
        let mut f = row.facet();
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

/// The `--resolution` text that selects exactly the documents under this facet path (what a
/// page sends when a person clicks a node of the cited-documents tree): `Nghị quyết / TW4 /
/// khóa XII` → "Nghị quyết TW4 khóa XII". `None` for a node no filter names on its own (a kind
/// alone, "Nghị quyết / Đại hội"). Only offered when `resolution_filter` gives the path back.
pub fn resolution_filter_text(path: &[String]) -> Option<String> {
    let (kind, rest) = path.split_first()?;
    let term = |t: &String| t.strip_prefix("khóa ").map(str::to_owned);
    let text = match rest {
        [congress, t] if congress == "Đại hội" => {
            format!("{} Đại hội {}", abbreviation(kind), term(t)?)
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

/// A user's `--resolution` filter ("Nghị quyết Trung ương 4", "NQ TW4 khóa XII", "35-CT/TW",
/// "Chỉ thị 05", with or without diacritics) → the facet path prefixes that match it.
/// `Err` carries up to 3 closest known labels when nothing matches.
pub fn resolution_filter(input: &str) -> Result<Vec<Vec<String>>, Vec<String>> {
    let k = folded_key(input);
    let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
    let (symbol, plenum, congress, bare) = filter_patterns();
    let term = |m: Option<regex::Match<'_>>| m.and_then(|m| parse_roman(m.as_str()));

    if let Some(c) = symbol.captures(&k) {
        // Folded input has lost "Đ" and "Ư": restore them in codes and issuers.
        let code_in = c[2].to_uppercase().replacen("QD", "QĐ", 1);
        if let Some((code, kind, _)) = kind_of_code(&code_in) {
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
            let kinds: Vec<&'static str> = match c.get(1).and_then(|m| kind_of_folded(m.as_str())) {
                Some(kind) => vec![kind],
                None => vec!["Nghị quyết", "Kết luận", "Quy định"],
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
        if let Some(kind) = kind_of_folded(&c[1]) {
            let n: u32 = c[2].parse().unwrap_or(0);
            let symbol = format!("{n:02}-{}/TW", code_of_kind(kind));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date::{find_article_date, parse_date_line};
    use crate::extract::test_support::{seed, split_raw};

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn facet_paths_give_filters_that_select_them() {
        let path = |parts: &[&str]| parts.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["Nghị quyết"], None),
            (&["Nghị quyết", "Đại hội"], None),
            (
                &["Nghị quyết", "Đại hội", "khóa XIII"],
                Some("NQ Đại hội XIII"),
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
            let facet = row.to_ref(false).facet;
            let text = resolution_filter_text(&facet);
            assert!(text.is_some(), "{facet:?} ({})", row.canonical);
        }
    }

    fn labels(text: &str, date: Option<Date>) -> Vec<String> {
        extract_references(text, date)
            .into_iter()
            .map(|r| r.label)
            .collect()
    }

    #[test]
    fn list_forms_expand() {
        let cases: &[(&str, &[&str])] = &[
            (
                "thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng",
                &["NQ TW4 khóa XI", "NQ TW4 khóa XII"],
            ),
            (
                "Nghị quyết Trung ương 4 khóa XI, khóa XII",
                &["NQ TW4 khóa XI", "NQ TW4 khóa XII"],
            ),
            (
                "kinh nghiệm thực hiện Nghị quyết Trung ương 6, 7 (khóa XII);",
                &["NQ TW6 khóa XII", "NQ TW7 khóa XII"],
            ),
            (
                "các nghị quyết của Hội nghị Trung ương 4, 5, 6 khóa XIII",
                &["NQ TW4 khóa XIII", "NQ TW5 khóa XIII", "NQ TW6 khóa XIII"],
            ),
            (
                "nhất là nghị quyết Trung ương 4, 6, 7 và 8 (khoá XII)",
                &[
                    "NQ TW4 khóa XII",
                    "NQ TW6 khóa XII",
                    "NQ TW7 khóa XII",
                    "NQ TW8 khóa XII",
                ],
            ),
            ("Nghị quyết TW4 khóa 12", &["NQ TW4 khóa XII"]),
            ("Nghị quyết T.Ư 4, khóa XII", &["NQ TW4 khóa XII"]),
            (
                "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
                &["NQ TW4 khóa XII"],
            ),
            (
                "Kết luận Hội nghị Trung ương 6, 7 khóa XIII",
                &["KL TW6 khóa XIII", "KL TW7 khóa XIII"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text, None), *want, "{text}");
        }
    }

    #[test]
    fn same_document_same_label() {
        let a = extract_references("Nghị quyết số 04-NQ/TW ngày 30/10/2016", None);
        let b = extract_references("Nghị quyết Trung ương 4 khóa XII", None);
        assert_eq!(a[0].label, b[0].label);
        assert_eq!(a[0].facet, ["Nghị quyết", "TW4", "khóa XII"]);
        assert!(!a[0].term_inferred);
    }

    #[test]
    fn numbered_documents() {
        let cases: &[(&str, Option<Date>, &[&str])] = &[
            (
                "theo Kết luận số 05-KL/BTCTW ngày 1-2-2019 của Ban Tổ chức Trung ương",
                None,
                &["KL 05-KL/BTCTW khóa XII"],
            ),
            (
                "Chỉ thị số 35-CT/TW của Bộ Chính trị",
                d(2019, 7, 28),
                &["CT 35-CT/TW khóa XII"],
            ),
            (
                "Chỉ thị số 35-CT/TW của Bộ Chính trị",
                d(2024, 9, 1),
                &["CT 35-CT/TW khóa XIII"],
            ),
            (
                "tinh thần Kết luận 48-KL/TW ngày 26-4-2019 của Ban Bí thư",
                None,
                &["KL 48-KL/TW khóa XII"],
            ),
            (
                "Chương trình hành động số 04-CTr/TU, ngày 6/11/2020 của Ban Chấp hành",
                None,
                &["CTr 04-CTr/TU"],
            ),
            (
                "Chỉ thị số 05- CT/TƯ",
                d(2017, 3, 1),
                &["CT 05-CT/TW khóa XII"],
            ),
            (
                "Nghị quyết 09/NQ-TW ngày 9/02/2007",
                None,
                &["NQ 09-NQ/TW khóa X"],
            ),
            (
                "Nghị quyết số 39-NQ/TW, ngày 20-1-1962",
                None,
                &["NQ 39-NQ/TW khóa III"],
            ),
            (
                "Quy định 96 ngày 2-2-2023 của Bộ Chính trị",
                None,
                &["QĐ 96-QĐ/TW khóa XIII"],
            ),
            (
                "gắn với thực hiện Chỉ thị 05... Qua đó",
                d(2020, 11, 6),
                &["CT 05-CT/TW khóa XII"],
            ),
            (
                "sửa đổi Quy định số 293 và 294 của Ban Bí thư nhằm",
                d(2022, 11, 23),
                &["QĐ 293-QĐ/TW", "QĐ 294-QĐ/TW"],
            ),
            ("Quyết định số 824-QĐ/TTg", None, &[]),
            ("Nghị quyết 35 của Chính phủ", None, &[]),
            (
                "Nghị quyết 19, Nghị quyết 35 của Thủ tướng Chính phủ",
                None,
                &[],
            ),
            (
                "Nghị quyết 382 và Kết luận 763 của Quân ủy Trung ương",
                None,
                &[],
            ),
            ("Nghị quyết số 202/2025/QH15", None, &[]),
        ];
        for (text, date, want) in cases {
            assert_eq!(labels(text, *date), *want, "{text}");
        }
        let r = extract_references("Chỉ thị số 35-CT/TW", d(2019, 7, 28));
        assert!(r[0].term_inferred);
        assert_eq!(r[0].facet, ["Chỉ thị", "35-CT/TW", "khóa XII"]);
        let r = extract_references("Chỉ thị 05-CT/TW", d(2016, 1, 1));
        assert_eq!(r[0].label, "CT 05-CT/TW khóa XII");
        let both = "Kế hoạch số 4-KH/TW ngày 16/11/2016. Thực hiện Kế hoạch số 04-KH/TW, ...";
        assert_eq!(labels(both, None), ["KH 04-KH/TW khóa XII"]);
        let r = extract_references("Chương trình hành động số 04-CTr/TU", None);
        assert_eq!(r[0].facet, ["Chương trình hành động", "04-CTr/TU"]);
    }

    #[test]
    fn congress_and_distractors() {
        let cases: &[(&str, &[&str])] = &[
            ("Nghị quyết Đại hội XIII của Đảng", &["NQ Đại hội XIII"]),
            (
                "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng",
                &["NQ Đại hội XII"],
            ),
            (
                "Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII",
                &["NQ Đại hội XIII"],
            ),
            ("nghị quyết đại hội XIII của Đảng", &["NQ Đại hội XIII"]),
            ("Nghị quyết Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVII", &[]),
            (
                "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII",
                &[],
            ),
            ("Nghị quyết Đại hội Đảng bộ tỉnh khóa XVI", &[]),
            ("đại biểu Quốc hội khóa XIV", &[]),
            ("Hội nghị Ban Chấp hành Trung ương Đoàn lần thứ 5", &[]),
            (
                "Hội nghị Đoàn chủ tịch UB Trung ương MTTQ Việt Nam lần thứ 12 (Khóa VIII)",
                &[],
            ),
            (
                "Nghị quyết Hội nghị Trung ương III của Đảng Cộng sản Cuba",
                &[],
            ),
            ("Nghị quyết Trung ương lần này", &[]),
            ("Ủy viên T.Ư Đảng", &[]),
            ("các nghị quyết của T.Ư và của tỉnh", &[]),
            ("Nghị quyết Trung ương ban hành", &[]),
            ("Hội nghị Trung ương 8 khóa XIII diễn ra", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text, None), *want, "{text}");
        }
    }

    #[test]
    fn plenum_khoa_from_article_date() {
        let r = extract_references(
            "thực hiện Nghị quyết Trung ương 4 về xây dựng Đảng",
            d(2017, 5, 1),
        );
        assert_eq!(r[0].label, "NQ TW4 khóa XII");
        assert!(r[0].term_inferred);
        let r = extract_references("Nghị quyết Trung ương 4", d(2014, 5, 1));
        assert_eq!(r[0].label, "NQ TW4 khóa XI");
        let r = extract_references("Nghị quyết Trung ương 4", None);
        assert_eq!((r[0].label.as_str(), r[0].term_inferred), ("NQ TW4", false));
        assert_eq!(r[0].facet, ["Nghị quyết", "TW4"]);
    }

    fn seed_refs(prefix: &str) -> Vec<String> {
        let a = split_raw(&seed(prefix));
        let header = a.header_line.as_deref().and_then(parse_date_line);
        let date = find_article_date(header, None, &a.title, &a.body).map(|x| x.date);
        labels(&format!("{}\n{}", a.title, a.body), date)
    }

    #[test]
    fn seeds() {
        let must = |prefix: &str, want: &[&str]| {
            let got = seed_refs(prefix);
            for w in want {
                assert!(
                    got.iter().any(|g| g == w),
                    "seed {prefix}: missing {w} in {got:?}"
                );
            }
            got
        };
        must(
            "002",
            &[
                "NQ TW4 khóa XI",
                "NQ TW4 khóa XII",
                "NQ TW6 khóa XII",
                "NQ TW7 khóa XII",
                "NQ TW8 khóa XII",
                "KL 05-KL/BTCTW khóa XII",
                "CT 35-CT/TW khóa XII",
                "CT 05-CT/TW khóa XII",
                "KL 48-KL/TW khóa XII",
            ],
        );
        let s4 = must("004", &["QĐ 293-QĐ/TW", "QĐ 294-QĐ/TW"]);
        assert_eq!(s4.len(), 2, "{s4:?}");
        must(
            "003",
            &[
                "NQ TW4 khóa XI",
                "NQ TW4 khóa XII",
                "NQ TW4 khóa XIII",
                "NQ TW5 khóa XIII",
                "NQ TW6 khóa XIII",
                "QĐ 96-QĐ/TW khóa XIII",
                "NQ Đại hội XIII",
            ],
        );
        let s1 = must(
            "001",
            &[
                "NQ TW4 khóa XI",
                "NQ TW4 khóa XII",
                "NQ TW6 khóa XII",
                "CTr 04-CTr/TU",
                "CT 05-CT/TW khóa XII",
                "NQ Đại hội XIII",
            ],
        );
        assert!(
            !s1.iter().any(|l| l.contains("XVII") || l.contains("XVI")),
            "{s1:?}"
        );
        let s0 = must(
            "000",
            &["KL TW6 khóa XIII", "KL TW7 khóa XIII", "NQ Đại hội XIII"],
        );
        assert_eq!(s0.len(), 3, "{s0:?}");
    }

    #[test]
    fn filters() {
        let ok =
            |input: &str| resolution_filter(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        assert_eq!(ok("Nghị quyết Trung ương 4"), [vec!["Nghị quyết", "TW4"]]);
        assert_eq!(ok("nghi quyet trung uong 4"), [vec!["Nghị quyết", "TW4"]]);
        assert_eq!(
            ok("NQ TW4 khóa XII"),
            [vec!["Nghị quyết", "TW4", "khóa XII"]]
        );
        assert_eq!(
            ok("NQ TW4 khoa XII"),
            [vec!["Nghị quyết", "TW4", "khóa XII"]]
        );
        assert_eq!(ok("35-CT/TW"), [vec!["Chỉ thị", "35-CT/TW"]]);
        assert_eq!(
            ok("35-CT/TW khóa XII"),
            [vec!["Chỉ thị", "35-CT/TW", "khóa XII"]]
        );
        assert_eq!(ok("Chỉ thị 05"), [vec!["Chỉ thị", "05-CT/TW"]]);
        assert_eq!(ok("chi thi so 5"), [vec!["Chỉ thị", "05-CT/TW"]]);
        assert_eq!(ok("04-NQ/TW"), [vec!["Nghị quyết", "TW4", "khóa XII"]]);
        assert_eq!(ok("18-NQ/TW").len(), 2);
        assert_eq!(ok("Hội nghị Trung ương 4").len(), 3);
        assert_eq!(
            ok("Nghị quyết Đại hội XIII"),
            [vec!["Nghị quyết", "Đại hội", "khóa XIII"]]
        );
        assert_eq!(
            ok("04-CTr/TU"),
            [vec!["Chương trình hành động", "04-CTr/TU"]]
        );
        assert_eq!(
            ok("QĐ 96-QĐ/TW khóa XIII"),
            [vec!["Quy định", "96-QĐ/TW", "khóa XIII"]]
        );
        // Every extracted facet is matched by the filter built from its own label.
        for text in [
            "Nghị quyết Trung ương 4 (khóa XI, XII)",
            "Chỉ thị số 35-CT/TW",
            "Quy định 96 ngày 2-2-2023 của Bộ Chính trị",
        ] {
            for r in extract_references(text, d(2023, 6, 23)) {
                let prefixes = ok(&r.label);
                assert!(
                    prefixes.iter().any(|p| r.facet.starts_with(p)),
                    "{} {:?} {:?}",
                    r.label,
                    r.facet,
                    prefixes
                );
            }
        }
        let err = resolution_filter("Nghi quyet Trung uong bon muoi").unwrap_err();
        assert!(err.len() <= 3);
        let err = resolution_filter("NQ TW4 khoa XI1").unwrap_err();
        assert!(err.iter().any(|l| l.starts_with("NQ TW4")), "{err:?}");
        assert!(resolution_filter("").is_err());
    }

    #[test]
    fn cited_date_lower_bound() {
        assert_eq!(
            latest_cited_document_date("thực hiện Nghị quyết Trung ương 4 khóa XII"),
            d(2016, 10, 30)
        );
        assert_eq!(latest_cited_document_date("không có văn bản"), None);
        assert_eq!(
            latest_cited_document_date("thực hiện Nghị quyết TƯ 4, ..."),
            d(2012, 1, 16)
        );
        assert_eq!(
            latest_cited_document_date(
                "Nghị quyết Trung ương 6 khóa X và Nghị quyết Đại hội lần thứ XII"
            ),
            d(2016, 1, 28)
        );
    }
}

#[cfg(test)]
mod timing {
    /// Time per article of the three extractors over the raw sample (a debug build is 10-30x
    /// slower than release): `cargo test --lib timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn raw_sample_timing() {
        use crate::extract::{date, province};
        use std::time::{Duration, Instant};
        let Some(arts) = crate::extract::test_support::raw_sample() else {
            eprintln!("skipping: ../shared/corpus/raw-sample not found next to the crate");
            return;
        };
        let (mut tp, mut td, mut tr) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let mut bytes = 0;
        for (_, text) in &arts {
            bytes += text.len();
            let (title, body) = text.split_once('\n').unwrap_or((text, ""));
            let a = Instant::now();
            let _ = province::extract_provinces(title, None, body);
            let b = Instant::now();
            let d = date::find_article_date(None, None, title, body);
            let c = Instant::now();
            let _ = super::extract_references(text, d.map(|d| d.date));
            tp += b - a;
            td += c - b;
            tr += Instant::now() - c;
        }
        let n = arts.len() as u32;
        eprintln!(
            "{n} articles, {} bytes each on average; per article: provinces {:?}, date {:?}, references {:?}",
            bytes / arts.len(),
            tp / n,
            td / n,
            tr / n
        );
    }
}
