//! The document tables as the citation rules use them: kinds by code or word, a table row's
//! facet and label, signing dates as `Date`s. One kind table (`index_schema/document_kinds.tsv`)
//! answers every kind question, so adding a kind is one line there.

use crate::data::documents::{documents, kinds, roman, DocumentRow, Kind};
use crate::model::{Citation, Date};
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

/// Issuers that put a document in the central Party (symbol suffix `TW` family).
pub fn is_central_issuer(issuer: &str) -> bool {
    issuer == "TW" || (issuer.ends_with("TW") && !issuer.contains('-'))
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

/// A table row's facet path (see the module docs of `citations`).
pub fn facet_of(row: &DocumentRow) -> Vec<String> {
    let khoa = format!("khóa {}", roman(row.term));
    if row.is_congress() {
        return vec![row.kind.into(), "Đại hội".into(), khoa];
    }
    match row.plenum {
        Some(p) => {
            let mut f = vec![row.kind.into(), format!("TW{p}"), khoa];
            if row.is_one_of_several() {
                f.push(row.symbol.into());
            }
            f
        }
        None => vec![row.kind.into(), row.symbol.into(), khoa],
    }
}

/// The citation of a table row.
pub fn citation_of(row: &DocumentRow, term_inferred: bool) -> Citation {
    Citation {
        label: row.canonical.into(),
        facet: facet_of(row),
        term_inferred,
    }
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
