//! From mentions to citations: each mention gets its canonical label, facet path and khóa (see
//! the module docs of `citations` for the khóa rules), deduplicated by label.

use std::collections::BTreeMap;

use super::khoa::term_start;
use super::scan::DocumentMention;
use super::table::{citation_of, facet_of, is_local_issuer, kind, rows_with_symbol, signed};
use crate::data::documents::{documents, parse_roman, roman, DocumentRow};
use crate::model::{Citation, Date};

/// Where a citation's khóa came from.
#[derive(Clone, Copy)]
enum Term {
    Explicit(u32),
    Inferred(u32),
}

/// The citations of an article's mentions, resolved against its date (`None`: undated),
/// deduplicated and sorted by label.
pub fn resolve(mentions: &[DocumentMention], article_date: Option<Date>) -> Vec<Citation> {
    let mut out: BTreeMap<String, Citation> = BTreeMap::new();
    for mention in mentions {
        match mention {
            DocumentMention::Numbered {
                kind,
                symbol,
                stated_term,
            } => add(&mut out, numbered(kind, symbol, *stated_term, article_date)),
            DocumentMention::Plenum {
                kind,
                plenum,
                terms,
            } => {
                if terms.is_empty() {
                    let term = infer_plenum_term(kind, *plenum, article_date);
                    add(&mut out, plenum_citation(kind, *plenum, term));
                }
                for &t in terms {
                    add(
                        &mut out,
                        plenum_citation(kind, *plenum, Some(Term::Explicit(t))),
                    );
                }
            }
            DocumentMention::Congress { term } => add(&mut out, congress(*term)),
        }
    }
    keep_precise(out.into_values().collect())
}

/// The signing date of the latest table document the mentions cite (for a plenum of unknown
/// khóa, its earliest occurrence), else the first day of the latest khóa they name explicitly:
/// a lower bound for the article's date when the text states no year at all.
pub fn latest_cited_document_date(mentions: &[DocumentMention]) -> Option<Date> {
    let citations = resolve(mentions, None);
    let rows = documents();
    citations
        .iter()
        .filter_map(|c| {
            if let Some(row) = rows.iter().find(|row| row.canonical == c.label) {
                return signed(row);
            }
            let same_plenum = rows
                .iter()
                .filter(|row| facet_of(row).starts_with(&c.facet));
            if c.facet.len() >= 3 {
                // A several-document plenum of a known khóa: its documents.
                same_plenum.filter_map(signed).max()
            } else if c.facet.get(1).is_some_and(|f| f.starts_with("TW")) {
                // A plenum of unknown khóa: it exists at the earliest from its first occurrence.
                same_plenum.filter_map(signed).min()
            } else {
                None
            }
        })
        .max()
        .or_else(|| {
            citations
                .iter()
                .filter(|c| !c.term_inferred)
                .filter_map(|c| c.facet.iter().find_map(|f| f.strip_prefix("khóa ")))
                .filter_map(parse_roman)
                .max()
                .and_then(term_start)
        })
}

fn add(out: &mut BTreeMap<String, Citation>, c: Citation) {
    match out.get_mut(&c.label) {
        Some(old) => old.term_inferred &= c.term_inferred,
        None => {
            out.insert(c.label.clone(), c);
        }
    }
}

/// The same document cited once with its khóa and once without ("Kế hoạch số 4-KH/TW ngày
/// 16/11/2016", later "Kế hoạch số 04-KH/TW"): keep the precise one.
fn keep_precise(citations: Vec<Citation>) -> Vec<Citation> {
    citations
        .iter()
        .filter(|c| {
            c.facet.len() > 2
                || !citations
                    .iter()
                    .any(|o| o.facet.len() > c.facet.len() && o.facet.starts_with(&c.facet))
        })
        .cloned()
        .collect()
}

/// A numbered document: its khóa (stated, else inferred from the table and the article date)
/// and its table row.
fn numbered(
    kind_name: &'static str,
    symbol: &str,
    stated_term: Option<u32>,
    article_date: Option<Date>,
) -> Citation {
    let issuer = symbol.rsplit('/').next().unwrap_or("");
    let rows: Vec<&DocumentRow> = rows_with_symbol(symbol).collect();
    let term = if is_local_issuer(issuer) {
        None
    } else if let Some(t) = stated_term {
        Some(Term::Explicit(t))
    } else if let Some(date) = article_date {
        rows.iter()
            .filter(|r| signed(r).is_none_or(|d| d.year() <= date.year()))
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
            return citation_of(row, inferred);
        }
    }
    let mut label = format!("{} {symbol}", kind(kind_name).label);
    let mut facet = vec![kind_name.to_owned(), symbol.to_owned()];
    if let Some(t) = t {
        label.push_str(&format!(" khóa {}", roman(t)));
        facet.push(format!("khóa {}", roman(t)));
    }
    Citation {
        label,
        facet,
        term_inferred: inferred && t.is_some(),
    }
}

/// A plenum document by (kind, plenum, khóa).
fn plenum_citation(kind_name: &'static str, plenum: u32, term: Option<Term>) -> Citation {
    let abbr = kind(kind_name).label;
    let (t, inferred) = match term {
        Some(Term::Explicit(t)) => (t, false),
        Some(Term::Inferred(t)) => (t, true),
        None => {
            return Citation {
                label: format!("{abbr} TW{plenum}"),
                facet: vec![kind_name.into(), format!("TW{plenum}")],
                term_inferred: false,
            }
        }
    };
    let rows: Vec<&DocumentRow> = documents()
        .iter()
        .filter(|r| r.kind == kind_name && r.plenum == Some(plenum) && r.term == t)
        .collect();
    if let [row] = rows.as_slice() {
        return citation_of(row, inferred);
    }
    if let Some(row) = rows.iter().find(|r| !r.is_one_of_several()) {
        return citation_of(row, inferred);
    }
    Citation {
        label: format!("{abbr} TW{plenum} khóa {}", roman(t)),
        facet: vec![
            kind_name.into(),
            format!("TW{plenum}"),
            format!("khóa {}", roman(t)),
        ],
        term_inferred: inferred,
    }
}

/// The khóa of a plenum cited without one: the latest term whose plenum `n` had issued a
/// document of this kind before the article date.
fn infer_plenum_term(kind_name: &str, plenum: u32, article_date: Option<Date>) -> Option<Term> {
    let date = article_date?;
    documents()
        .iter()
        .filter(|r| r.kind == kind_name && r.plenum == Some(plenum))
        .filter(|r| signed(r).is_some_and(|d| d.year() <= date.year()))
        .map(|r| r.term)
        .max()
        .map(Term::Inferred)
}

/// A national congress resolution.
fn congress(t: u32) -> Citation {
    documents()
        .iter()
        .find(|r| r.is_congress() && r.term == t)
        .map(|r| citation_of(r, false))
        .unwrap_or_else(|| Citation {
            label: format!("NQ Đại hội {}", roman(t)),
            facet: vec![
                "Nghị quyết".into(),
                "Đại hội".into(),
                format!("khóa {}", roman(t)),
            ],
            term_inferred: false,
        })
}
