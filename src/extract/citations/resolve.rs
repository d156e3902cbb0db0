//! From mentions to citations: each mention gets its canonical label, facet path and khóa (see
//! the module docs of `citations` for the khóa rules), deduplicated by label.

use std::collections::BTreeMap;

use super::khoa::term_start;
use super::scan::DocumentMention;
use super::state::bare_citation;
use super::table::{
    citation_of, facet_of, is_local_issuer, kind, party_citation, party_issuer_name, row_by_topic,
    rows_with_symbol, signed, CENTRAL,
};
use crate::data::documents::{documents, parse_roman, roman, DocumentRow};
use crate::model::{Citation, Date, Level};

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
                topic,
            } => add(
                &mut out,
                numbered(kind, symbol, *stated_term, topic, article_date),
            ),
            DocumentMention::Plenum {
                kind,
                plenum,
                terms,
                topic,
            } => {
                if terms.is_empty() {
                    let rows: Vec<&DocumentRow> = documents()
                        .iter()
                        .filter(|r| r.kind == *kind && r.plenum == Some(*plenum))
                        .collect();
                    // A title names the khóa: "Nghị quyết TW4: “Một số vấn đề cấp bách về xây
                    // dựng Đảng hiện nay”" is khóa XI's even in 2017.
                    let term = match row_by_topic(&rows, topic) {
                        Ok(Some(row)) => Some(Term::Explicit(row.term)),
                        _ => infer_plenum_term(kind, *plenum, article_date),
                    };
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
            DocumentMention::Document(doc) => add(&mut out, doc.citation()),
            DocumentMention::Law(law) => add(&mut out, law.citation()),
            DocumentMention::Bare { kind, number } => {
                if !cited_with_issuer(mentions, kind, *number) {
                    add(&mut out, bare_citation(super::table::kind(kind), *number));
                }
            }
        }
    }
    keep_precise(out.into_values().collect())
}

/// Whether the article also cites this kind and number with its issuer or symbol ("Chỉ thị
/// 05-CT/TW ... thực hiện Chỉ thị 05"): then a bare "Chỉ thị 05" is that document, already
/// counted.
fn cited_with_issuer(mentions: &[DocumentMention], kind_name: &str, number: u32) -> bool {
    mentions.iter().any(|m| match m {
        DocumentMention::Numbered { kind, symbol, .. } => {
            *kind == kind_name
                && symbol
                    .split(['-', '/'])
                    .next()
                    .and_then(|n| n.parse::<u32>().ok())
                    == Some(number)
        }
        DocumentMention::Document(doc) => doc.kind.name == kind_name && doc.number == number,
        _ => false,
    })
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
            if c.level != Level::Party {
                None
            } else if c.facet.len() >= 4 {
                // A several-document plenum of a known khóa: its documents.
                same_plenum.filter_map(signed).max()
            } else if c.facet.get(2).is_some_and(|f| f.starts_with("TW")) {
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

/// The same document cited once precisely and once not ("Kế hoạch số 4-KH/TW ngày
/// 16/11/2016", later "Kế hoạch số 04-KH/TW"; "Nghị định 87/2015/NĐ-CP", later "Nghị định số
/// 87"): keep the precise one, the one whose facet goes one level deeper (khóa, year).
fn keep_precise(citations: Vec<Citation>) -> Vec<Citation> {
    citations
        .iter()
        .filter(|c| {
            c.facet.last().is_some_and(|f| f.starts_with("khóa "))
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
    topic: &[String],
    article_date: Option<Date>,
) -> Citation {
    let issuer = symbol.rsplit('/').next().unwrap_or("");
    let mut rows: Vec<&DocumentRow> = rows_with_symbol(symbol).collect();
    let mut by_title = None;
    match row_by_topic(&rows, topic) {
        Ok(found) => by_title = found,
        // The text says what it is about, and no row is about that: another khóa's document
        // of the same number, which the table does not know.
        Err(()) => rows.clear(),
    }
    let term = if is_local_issuer(issuer) {
        None
    } else if let Some(t) = stated_term {
        Some(Term::Explicit(t))
    } else if let Some(row) = by_title {
        Some(Term::Explicit(row.term))
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
    let issuer = party_issuer_name(symbol);
    let mut label = format!("{} {symbol}", kind(kind_name).label);
    let mut facet = vec![
        Level::Party.facet_root().to_owned(),
        kind_name.to_owned(),
        issuer.to_owned(),
        symbol.to_owned(),
    ];
    if let Some(t) = t {
        label.push_str(&format!(" khóa {}", roman(t)));
        facet.push(format!("khóa {}", roman(t)));
    }
    party_citation(label, facet, kind_name, issuer, inferred && t.is_some())
}

/// A plenum document by (kind, plenum, khóa).
fn plenum_citation(kind_name: &'static str, plenum: u32, term: Option<Term>) -> Citation {
    let abbr = kind(kind_name).label;
    let (t, inferred) = match term {
        Some(Term::Explicit(t)) => (t, false),
        Some(Term::Inferred(t)) => (t, true),
        None => {
            return party_citation(
                format!("{abbr} TW{plenum}"),
                vec![
                    Level::Party.facet_root().into(),
                    kind_name.into(),
                    format!("TW{plenum}"),
                ],
                kind_name,
                CENTRAL,
                false,
            )
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
    party_citation(
        format!("{abbr} TW{plenum} khóa {}", roman(t)),
        vec![
            Level::Party.facet_root().into(),
            kind_name.into(),
            format!("TW{plenum}"),
            format!("khóa {}", roman(t)),
        ],
        kind_name,
        CENTRAL,
        inferred,
    )
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
        .unwrap_or_else(|| {
            party_citation(
                format!("NQ Đại hội {}", roman(t)),
                vec![
                    Level::Party.facet_root().into(),
                    "Nghị quyết".into(),
                    "Đại hội".into(),
                    format!("khóa {}", roman(t)),
                ],
                "Nghị quyết",
                CENTRAL,
                false,
            )
        })
}
