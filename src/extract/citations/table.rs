//! The document tables as the citation rules use them: kinds by code or word, a table row's
//! facet and label, signing dates as `Date`s. One kind table (`index_schema/document_kinds.tsv`)
//! answers every kind question, so adding a kind is one line there.

use crate::data::documents::{documents, kinds, roman, DocumentRow, Kind};
use crate::data::issuers::issuer_of_code;
use crate::model::{Citation, Date, Level};
use crate::text::fold;

/// The kind whose symbol type code is `code` (any case: "QĐI" → Quy định), with the code in its
/// canonical case ("QĐi").
pub fn kind_of_code(code: &str) -> Option<(&'static str, &'static Kind)> {
    let up = code.to_uppercase();
    kinds().iter().find_map(|k| {
        k.codes
            .iter()
            .find(|c| c.to_uppercase() == up)
            .map(|c| (*c, k))
    })
}

/// The kind a word names: its name ("nghị quyết", with or without diacritics) or its short
/// form ("NQ").
pub fn kind_of_word(word: &str) -> Option<&'static str> {
    let w = fold(&word.to_lowercase());
    kinds()
        .iter()
        .find(|k| {
            fold(&k.name.to_lowercase()) == w
                || k.short.is_some_and(|s| fold(&s.to_lowercase()) == w)
        })
        .map(|k| k.name)
}

/// The kind table's row for a kind name.
pub fn kind(name: &str) -> &'static Kind {
    crate::data::documents::kind(name)
        .unwrap_or_else(|| panic!("document kind {name:?} is not in document_kinds.tsv"))
}

/// The kinds a plenum issues, in table order ("Hội nghị Trung ương 4" means any of them).
pub fn plenum_kinds() -> impl Iterator<Item = &'static str> {
    kinds().iter().filter(|k| k.plenum).map(|k| k.name)
}

/// The code of a bare number's symbol ("Chỉ thị 05" → `CT`).
pub fn bare_code(kind_name: &str) -> &'static str {
    kind(kind_name).bare_code.unwrap_or("QĐ")
}

/// Issuers of local Party bodies: tỉnh/thành ủy, huyện ủy, đảng ủy (khối), quận ủy...
pub fn is_local_issuer(issuer: &str) -> bool {
    let head = issuer.split('-').next().unwrap_or("");
    matches!(
        head,
        "TU" | "HU" | "QU" | "TXU" | "TPU" | "ĐU" | "ĐUK" | "ĐUQS"
    )
}

/// A row's signing date.
pub fn signed(row: &DocumentRow) -> Option<Date> {
    row.signed.and_then(|(y, m, d)| Date::new(y, m, d))
}

/// The issuer facets name for a Party symbol's code (`TW` → "Trung ương", `BTCTW` → "Ban Tổ
/// chức Trung ương").
pub fn party_issuer_name(symbol: &str) -> &'static str {
    let code = symbol.rsplit('/').next().unwrap_or("");
    issuer_of_code(code).map_or(CENTRAL, |(i, _)| i.name)
}

/// The issuer of plenum and congress documents: the Central Committee.
pub const CENTRAL: &str = "Trung ương";

/// A table row's facet path (see the module docs of `citations`).
pub fn facet_of(row: &DocumentRow) -> Vec<String> {
    let root = Level::Party.facet_root().to_owned();
    let khoa = format!("khóa {}", roman(row.term));
    if row.is_congress() {
        return vec![root, row.kind.into(), "Đại hội".into(), khoa];
    }
    match row.plenum {
        Some(p) => {
            let mut f = vec![root, row.kind.into(), format!("TW{p}"), khoa];
            if row.is_one_of_several() {
                f.push(row.symbol.into());
            }
            f
        }
        None => vec![
            root,
            row.kind.into(),
            party_issuer_name(row.symbol).into(),
            row.symbol.into(),
            khoa,
        ],
    }
}

/// A central Party citation of a kind, with its label and facet.
pub fn party_citation(
    label: String,
    facet: Vec<String>,
    kind: &str,
    issuer: &str,
    term_inferred: bool,
) -> Citation {
    Citation {
        label,
        facet,
        term_inferred,
        kind: kind.to_owned(),
        issuer: Some(issuer.to_owned()),
        level: Level::Party,
    }
}

/// The citation of a table row.
pub fn citation_of(row: &DocumentRow, term_inferred: bool) -> Citation {
    let issuer = if row.is_congress() || row.plenum.is_some() {
        CENTRAL
    } else {
        party_issuer_name(row.symbol)
    };
    party_citation(
        row.canonical.into(),
        facet_of(row),
        row.kind,
        issuer,
        term_inferred,
    )
}

/// Words too common in titles to tell two documents apart.
const TITLE_STOP: [&str; 24] = [
    "ve", "va", "cua", "cac", "nhung", "mot", "so", "trong", "tinh", "hinh", "moi", "tiep", "tuc",
    "doi", "voi", "nham", "de", "la", "nay", "theo", "huong", "cho", "den", "nam",
];

fn title_words(text: &str) -> Vec<String> {
    fold(&text.to_lowercase())
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2 && !TITLE_STOP.contains(w))
        .map(str::to_owned)
        .collect()
}

/// What the text says a document is about, right after the mention: "về công tác phụ nữ",
/// ": “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”". Empty when it says nothing.
pub fn topic(about: &str) -> Vec<String> {
    let a = about.trim_start_matches([' ', ',', ':', '“', '"', '(']);
    let mut a = fold(&a.to_lowercase());
    // "của Bộ Chính trị về ...", "ngày 27/4/2007 về ...": the topic follows the issuer or date.
    if ["cua ", "do ", "ngay "].iter().any(|w| a.starts_with(w)) {
        // Only over an issuer or a date, not over "và các quy định về ...".
        if let Some(i) = a
            .find(" ve ")
            .filter(|&i| i < 80 && !a[..i].contains(" va ") && !a[..i].contains(','))
        {
            a = a[i + 1..].to_owned();
        }
    }
    let said = a.starts_with("ve ") || about.trim_start().starts_with([':', '“', '"']);
    if !said {
        return Vec::new();
    }
    title_words(&a).into_iter().take(12).collect()
}

/// Among table rows, the one whose title the topic names: clearly more of its pairs of
/// neighbouring words than any other row's, and at least three. `Err(())` when a topic of three
/// words or more shares no pair with any row's title (then the table does not know the document
/// meant); `Ok(None)` when there is no topic or no clear winner.
pub fn row_by_topic<'r>(
    rows: &[&'r DocumentRow],
    topic: &[String],
) -> Result<Option<&'r DocumentRow>, ()> {
    if topic.is_empty() || rows.is_empty() {
        return Ok(None);
    }
    // Pairs of neighbouring words: "quốc phòng" and "quốc tế" share a word, not a pair.
    let pairs = |words: &[String]| -> Vec<(String, String)> {
        words
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect()
    };
    let asked = pairs(topic);
    let mut scored: Vec<(usize, &DocumentRow)> = rows
        .iter()
        .map(|r| {
            let t = pairs(&title_words(r.title));
            (asked.iter().filter(|p| t.contains(p)).count(), *r)
        })
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    let best = scored[0].0;
    if best == 0 && topic.len() >= 3 && rows.iter().all(|r| !r.title.is_empty()) {
        return Err(());
    }
    if best >= 3 && scored.get(1).is_none_or(|s| s.0 < best) {
        return Ok(Some(scored[0].1));
    }
    Ok(None)
}

/// The table rows with this symbol.
pub fn rows_with_symbol(symbol: &str) -> impl Iterator<Item = &'static DocumentRow> + '_ {
    documents().iter().filter(move |r| r.symbol == symbol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_kind_table_answers_every_question() {
        assert_eq!(
            kind_of_code("qđi").map(|(c, k)| (c, k.name)),
            Some(("QĐi", "Quy định"))
        );
        assert_eq!(kind_of_code("QĐNS").unwrap().1.name, "Quyết định");
        assert_eq!(kind_of_code("CTR").unwrap().1.label, "CTr");
        assert_eq!(kind_of_code("XX"), None);
        assert_eq!(kind_of_word("nghi quyet"), Some("Nghị quyết"));
        assert_eq!(kind_of_word("QĐ"), Some("Quy định"));
        assert_eq!(kind_of_word("quyết định"), Some("Quyết định"));
        assert_eq!(kind_of_word("hướng"), None);
        assert_eq!(bare_code("Quyết định"), "QĐ");
        assert_eq!(
            plenum_kinds().collect::<Vec<_>>(),
            ["Nghị quyết", "Kết luận", "Quy định"]
        );
    }

    /// Every code of the kind table is found by the symbol pattern, so a kind added to the
    /// table is also matched in text.
    #[test]
    fn every_code_is_matched_in_text() {
        for k in kinds() {
            for code in &k.codes {
                let text = format!("số 12-{code}/TW ngày");
                let found = super::super::scan(&text);
                assert!(!found.is_empty(), "{text}");
            }
        }
    }
}
