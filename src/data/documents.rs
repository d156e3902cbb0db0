//! Party documents (`documents.tsv`), their kinds (`document_kinds.tsv`) and the terms (khóa)
//! of the Party and the National Assembly (`terms.tsv`), parsed once.
//!
//! Dates here are `(year, month, day)` triples as written in the tables: this layer sits below
//! `crate::model`, whose `Date` the citation resolver builds from them.

use std::sync::OnceLock;

/// One row of `documents.tsv`: a document as the table knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    /// Unique label: `NQ TW4 khóa XII`, `CT 05-CT/TW khóa XII`, `NQ Đại hội XIII`.
    pub canonical: &'static str,
    /// The kind's name, a `kind` of `document_kinds.tsv`.
    pub kind: &'static str,
    /// Canonical number and symbol (`04-NQ/TW`); empty for congress resolutions.
    pub symbol: &'static str,
    /// The khóa that issued it.
    pub term: u32,
    /// The Hội nghị Trung ương that issued it, for plenum documents.
    pub plenum: Option<u32>,
    /// Signing date, when known, as (year, month, day).
    pub signed: Option<(i32, u32, u32)>,
}

impl DocumentRow {
    /// A national congress resolution (no symbol).
    pub fn is_congress(&self) -> bool {
        self.symbol.is_empty()
    }

    /// One of several documents of one plenum, told apart by number (`NQ TW6 khóa XII số 18`).
    pub fn is_one_of_several(&self) -> bool {
        self.canonical.contains(" số ")
    }
}

/// One row of `document_kinds.tsv`: the whole vocabulary of one kind of document, so that
/// adding a kind is one line there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kind {
    /// "Nghị quyết", "Chỉ thị" ...: the first facet segment.
    pub name: &'static str,
    /// What labels start with ("NQ", "CTr").
    pub label: &'static str,
    /// Type codes in symbols ("QĐ" and "QĐi" for Quy định), canonical case.
    pub codes: Vec<&'static str>,
    /// The code a bare number gets ("Chỉ thị 05" → `05-CT/TW`); `None` when the kind is never
    /// cited by a bare number.
    pub bare_code: Option<&'static str>,
    /// The abbreviation that stands for the kind's name in a plenum mention or a filter ("NQ
    /// Trung ương 4"); `None` when it would be ambiguous ("QĐ" is Quy định, not Quyết định).
    pub short: Option<&'static str>,
    /// Whether plenums (Hội nghị Trung ương) issue this kind.
    pub plenum: bool,
}

/// Which body a term belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// The Communist Party of Vietnam: a khóa starts at its national congress.
    Party,
    /// The National Assembly: a khóa starts at its election.
    Assembly,
}

/// One row of `terms.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermStart {
    pub body: Body,
    pub term: u32,
    /// First day, as (year, month, day).
    pub start: (i32, u32, u32),
}

const ROMANS: [&str; 15] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
];

/// A term number as the tables and labels write it ("XII"); "?" beyond XV.
pub fn roman(n: u32) -> &'static str {
    ROMANS
        .get(n.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// A term number written in Roman numerals (any case) or digits, 1 to 15.
pub fn parse_roman(s: &str) -> Option<u32> {
    let up = s.trim().to_uppercase();
    ROMANS
        .iter()
        .position(|r| *r == up)
        .map(|i| i as u32 + 1)
        .or_else(|| up.parse().ok().filter(|n| (1..=15).contains(n)))
}

fn iso(cell: &str) -> Option<(i32, u32, u32)> {
    let mut it = cell.splitn(3, '-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

/// Every row of `documents.tsv`, in table order.
pub fn documents() -> &'static [DocumentRow] {
    static ROWS: OnceLock<Vec<DocumentRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        super::rows("documents.tsv")
            .map(|f| {
                let cell = |i: usize| f.get(i).copied().unwrap_or("");
                DocumentRow {
                    canonical: cell(0),
                    kind: cell(1),
                    symbol: cell(2),
                    term: parse_roman(cell(3))
                        .unwrap_or_else(|| panic!("documents.tsv: bad term in {f:?}")),
                    plenum: cell(4).parse().ok(),
                    signed: iso(cell(5)),
                }
            })
            .collect()
    })
}

/// Every kind of `document_kinds.tsv`, in table order.
pub fn kinds() -> &'static [Kind] {
    static KINDS: OnceLock<Vec<Kind>> = OnceLock::new();
    KINDS.get_or_init(|| {
        super::rows("document_kinds.tsv")
            .map(|f| {
                let cell = |i: usize| f.get(i).copied().unwrap_or("");
                let opt = |s: &'static str| (!s.is_empty()).then_some(s);
                Kind {
                    name: cell(0),
                    label: cell(1),
                    codes: super::split_list(cell(2)).collect(),
                    bare_code: opt(cell(3)),
                    short: opt(cell(4)),
                    plenum: cell(5) == "yes",
                }
            })
            .collect()
    })
}

/// The kind named `name` ("Nghị quyết").
pub fn kind(name: &str) -> Option<&'static Kind> {
    kinds().iter().find(|k| k.name == name)
}

/// Every row of `terms.tsv`, in table order (each body's terms ascending).
pub fn terms() -> &'static [TermStart] {
    static TERMS: OnceLock<Vec<TermStart>> = OnceLock::new();
    TERMS.get_or_init(|| {
        super::rows("terms.tsv")
            .map(|f| {
                let cell = |i: usize| f.get(i).copied().unwrap_or("");
                TermStart {
                    body: match cell(0) {
                        "party" => Body::Party,
                        "assembly" => Body::Assembly,
                        other => panic!("terms.tsv: unknown body {other:?}"),
                    },
                    term: parse_roman(cell(1))
                        .unwrap_or_else(|| panic!("terms.tsv: bad term in {f:?}")),
                    start: iso(cell(2)).unwrap_or_else(|| panic!("terms.tsv: bad date in {f:?}")),
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        assert_eq!(documents().len(), 83);
        let nq4 = documents()
            .iter()
            .find(|r| r.canonical == "NQ TW4 khóa XII")
            .unwrap();
        assert_eq!(
            (nq4.symbol, nq4.term, nq4.plenum),
            ("04-NQ/TW", 12, Some(4))
        );
        assert_eq!(nq4.signed, Some((2016, 10, 30)));
        // Every document's kind is a kind of the kind table.
        for r in documents() {
            assert!(kind(r.kind).is_some(), "{}", r.canonical);
        }
        assert_eq!(kind("Quy định").unwrap().codes, ["QĐ", "QĐi"]);
        assert_eq!(
            terms()
                .iter()
                .filter(|t| t.body == Body::Party)
                .map(|t| t.term)
                .collect::<Vec<_>>(),
            (3..=14).collect::<Vec<_>>()
        );
        assert_eq!(
            (roman(12), parse_roman("xii"), parse_roman("12")),
            ("XII", Some(12), Some(12))
        );
        assert_eq!(parse_roman("XVI"), None);
    }
}
