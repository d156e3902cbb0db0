//! One document as vnsearch knows it, for a card or a query that names it: what
//! `documents.tsv` says of a Party document (kind, symbol, khóa, plenum, date, title), the forms
//! news writes it in (aliases, each read back by the filter parser to this document), and for a
//! document the table does not hold (a State decree, a law, a local programme) what its facet
//! path says.

use super::filter::{resolution_filter, resolution_filter_text};
use super::marks::restore_marks;
use super::scan::scan;
use super::table::{facet_of, kind, party_issuer_name, signed, CENTRAL};
use crate::data::closest;
use crate::data::documents::{documents, roman, DocumentRow};
use crate::data::laws::laws;
use crate::model::{Date, Level};
use crate::text::{fold, normalize_text};

/// A document, as much as is known of it.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownDocument {
    /// The canonical label articles' `references` use ("NQ TW4 khóa XII").
    pub label: String,
    /// Its `resolution` facet path: every article citing it is counted under this path.
    pub facet: Vec<String>,
    pub kind: String,
    /// Number and symbol ("04-NQ/TW", "61/NĐ-CP"), when it has one.
    pub symbol: Option<String>,
    pub number: Option<u32>,
    /// Who issued it, as facets name it ("Trung ương", "Chính phủ").
    pub issuer: Option<String>,
    pub level: Level,
    /// The khóa (Party term) that issued it.
    pub term: Option<u32>,
    /// The Hội nghị Trung ương that issued it.
    pub plenum: Option<u32>,
    /// Year of a State document or a law, when its facet says it.
    pub year: Option<i32>,
    pub signed: Option<Date>,
    /// Trích yếu.
    pub title: Option<String>,
    /// The `--resolution` text that selects exactly this document.
    pub filter: Option<String>,
    /// Whether `documents.tsv` holds it (else only its facet path is known).
    pub in_table: bool,
}

fn number_of(symbol: &str) -> Option<u32> {
    symbol
        .split(['-', '/'])
        .next()
        .and_then(|n| n.trim().parse().ok())
}

/// Whether `facet` lies at or under one of `prefixes`.
pub fn under(facet: &[String], prefixes: &[Vec<String>]) -> bool {
    prefixes.iter().any(|p| facet.starts_with(p))
}

impl KnownDocument {
    /// A row of `documents.tsv`.
    pub fn from_row(row: &DocumentRow) -> KnownDocument {
        let facet = facet_of(row);
        let issuer = if row.is_congress() || row.plenum.is_some() {
            CENTRAL
        } else {
            party_issuer_name(row.symbol)
        };
        let symbol = (!row.symbol.is_empty()).then(|| row.symbol.to_owned());
        KnownDocument {
            label: row.canonical.to_owned(),
            filter: resolution_filter_text(&facet),
            facet,
            kind: row.kind.to_owned(),
            number: symbol.as_deref().and_then(number_of),
            symbol,
            issuer: Some(issuer.to_owned()),
            level: Level::Party,
            term: Some(row.term),
            plenum: row.plenum,
            year: None,
            signed: signed(row),
            title: (!row.title.is_empty()).then(|| row.title.to_owned()),
            in_table: true,
        }
    }

    /// A document the table does not hold, from its facet path (as the index counts it).
    pub fn from_facet(facet: &[String]) -> KnownDocument {
        let level = [Level::Party, Level::State, Level::Local, Level::Unresolved]
            .into_iter()
            .find(|l| facet.first().map(String::as_str) == Some(l.facet_root()))
            .unwrap_or(Level::Unresolved);
        let kind_name = facet.get(1).cloned().unwrap_or_default();
        let (issuer, doc, below) = if level == Level::Unresolved {
            (None, facet.get(2), None)
        } else {
            (facet.get(2).cloned(), facet.get(3), facet.get(4))
        };
        let symbol = doc.filter(|d| d.contains(['/', '-'])).cloned();
        let number = match &symbol {
            Some(s) => number_of(s),
            None => doc.and_then(|d| d.parse().ok()),
        };
        let term = below
            .and_then(|b| b.strip_prefix("khóa "))
            .and_then(crate::data::documents::parse_roman);
        let year = below.and_then(|b| b.parse().ok());
        let filter = resolution_filter_text(facet);
        KnownDocument {
            label: label_of(facet, filter.as_deref()),
            facet: facet.to_vec(),
            kind: kind_name,
            symbol,
            number,
            issuer,
            level,
            term,
            plenum: None,
            year,
            signed: None,
            title: None,
            filter,
            in_table: false,
        }
    }

    /// Other names news uses for it, each of which reads back to it (table documents only;
    /// computed on demand: each form is checked by the filter parser).
    pub fn aliases(&self) -> Vec<String> {
        documents()
            .iter()
            .find(|r| self.in_table && r.canonical == self.label)
            .map(aliases)
            .unwrap_or_default()
    }

    /// The document at a facet path: the table's when it holds one there.
    pub fn at(facet: &[String]) -> KnownDocument {
        documents()
            .iter()
            .find(|r| facet_of(r) == facet)
            .map(KnownDocument::from_row)
            .unwrap_or_else(|| KnownDocument::from_facet(facet))
    }
}

/// The label the article reader gives the document at `facet`: its filter text read as an
/// article would be, else the path's last segments.
fn label_of(facet: &[String], filter: Option<&str>) -> String {
    if let Some(text) = filter {
        let text = restore_marks(&normalize_text(text));
        if let Some(c) = super::resolve(&scan(&text), None)
            .into_iter()
            .find(|c| c.facet == facet)
        {
            return c.label;
        }
    }
    match facet {
        [root, kind_name, number] if root == Level::Unresolved.facet_root() => {
            format!("{kind_name} {number}")
        }
        [_, kind_name, _, rest @ ..] => {
            format!("{} {}", kind(kind_name).label, rest.join(" "))
        }
        _ => facet.join(" / "),
    }
}

/// The forms news writes a table document in, kept when the filter parser reads each back to
/// it (and to no other table document).
fn aliases(row: &DocumentRow) -> Vec<String> {
    let k = kind(row.kind);
    let t = roman(row.term);
    let mut forms: Vec<String> = Vec::new();
    if row.is_congress() {
        forms.push(format!("Nghị quyết Đại hội {t}"));
        forms.push(format!(
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ {t} của Đảng"
        ));
    } else {
        // The number as the symbol writes it ("04"), as news does.
        let n = row.symbol.split('-').next().unwrap_or("");
        if let Some(p) = row.plenum {
            forms.push(format!("{} Trung ương {p} khóa {t}", row.kind));
            forms.push(format!("{} Hội nghị Trung ương {p} khóa {t}", row.kind));
            if let Some(short) = k.short {
                forms.push(format!("{short} TW{p} khóa {t}"));
            }
        }
        forms.push(format!("{} số {}", row.kind, row.symbol));
        forms.push(row.symbol.to_owned());
        forms.push(format!("{} khóa {t}", row.symbol));
        forms.push(format!("{} {n}", row.kind));
        forms.push(format!("{} {n} khóa {t}", row.kind));
    }
    let mut out: Vec<String> = Vec::new();
    for form in forms {
        if form == row.canonical || out.contains(&form) {
            continue;
        }
        let Ok(prefixes) = resolution_filter(&form) else {
            continue;
        };
        let rows = table_rows_under(&prefixes);
        if rows.len() == 1 && rows[0].canonical == row.canonical {
            out.push(form);
        }
    }
    out
}

/// Every document of `documents.tsv`.
pub fn table_documents() -> impl Iterator<Item = KnownDocument> {
    documents().iter().map(KnownDocument::from_row)
}

/// The table documents a reading of a name (its facet prefixes) means, in table order: those
/// whose facet is one of the prefixes exactly ("NQ TW4 khóa XII" is 04-NQ/TW, though the
/// plenum's other resolutions sit below its path), else every one under them ("Nghị quyết
/// Trung ương 4": every khóa's).
pub fn table_documents_under(prefixes: &[Vec<String>]) -> Vec<KnownDocument> {
    table_rows_under(prefixes)
        .into_iter()
        .map(KnownDocument::from_row)
        .collect()
}

fn table_rows_under(prefixes: &[Vec<String>]) -> Vec<&'static DocumentRow> {
    let exact: Vec<&DocumentRow> = documents()
        .iter()
        .filter(|r| prefixes.contains(&facet_of(r)))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    documents()
        .iter()
        .filter(|r| under(&facet_of(r), prefixes))
        .collect()
}

/// Up to three known names closest to `name`: table labels, their aliases, laws.
pub fn suggest(name: &str) -> Vec<String> {
    let key = |s: &str| fold(&normalize_text(s).to_lowercase());
    let docs: Vec<KnownDocument> = table_documents().collect();
    let mut names: Vec<(String, String)> = Vec::new();
    for d in &docs {
        names.push((key(&d.label), d.label.clone()));
        for a in &d.aliases() {
            names.push((key(a), d.label.clone()));
        }
    }
    for l in laws() {
        names.push((key(l.name), l.name.to_owned()));
    }
    closest(
        &key(name),
        names.iter().map(|(k, label)| (k.clone(), label.as_str())),
        3,
    )
    .into_iter()
    .map(str::to_owned)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(label: &str) -> KnownDocument {
        table_documents().find(|d| d.label == label).unwrap()
    }

    #[test]
    fn a_table_row_with_its_forms() {
        let d = doc("NQ TW4 khóa XII");
        assert_eq!(d.symbol.as_deref(), Some("04-NQ/TW"));
        assert_eq!((d.number, d.term, d.plenum), (Some(4), Some(12), Some(4)));
        assert_eq!(
            d.signed.map(|d| d.to_string()).as_deref(),
            Some("2016-10-30")
        );
        assert_eq!(d.facet, ["Đảng", "Nghị quyết", "TW4", "khóa XII"]);
        assert_eq!(d.filter.as_deref(), Some("Nghị quyết TW4 khóa XII"));
        assert!(d
            .aliases()
            .contains(&"Nghị quyết Trung ương 4 khóa XII".to_owned()));
        assert!(d.aliases().contains(&"04-NQ/TW".to_owned()));
        let q47 = doc("QĐ 47-QĐ/TW khóa XI");
        assert!(
            q47.aliases().contains(&"Quy định 47".to_owned()),
            "{:?}",
            q47.aliases()
        );
        assert!(
            d.aliases().contains(&"Nghị quyết 04".to_owned()),
            "{:?}",
            d.aliases()
        );
        assert_eq!(q47.issuer.as_deref(), Some("Trung ương"));
        assert_eq!(q47.filter.as_deref(), Some("47-QĐ/TW khóa XI"));
        // 18-NQ/TW exists in two khóa: "Nghị quyết 18" alone is not an alias of either.
        let nq18 = doc("NQ TW6 khóa XII số 18");
        assert!(!nq18.aliases().contains(&"Nghị quyết 18".to_owned()));
        assert!(nq18
            .aliases()
            .contains(&"Nghị quyết 18 khóa XII".to_owned()));
    }

    #[test]
    fn every_alias_reads_back_to_its_document() {
        for d in table_documents() {
            for alias in &d.aliases() {
                let prefixes = resolution_filter(alias).unwrap();
                let found = table_documents_under(&prefixes);
                assert_eq!(found.len(), 1, "{alias}");
                assert_eq!(found[0].label, d.label, "{alias}");
            }
        }
    }

    #[test]
    fn documents_outside_the_table_from_their_facet() {
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let d = KnownDocument::at(&path(&[
            "Nhà nước",
            "Nghị định",
            "Chính phủ",
            "47/NĐ-CP",
            "2017",
        ]));
        assert!(!d.in_table);
        assert_eq!(d.label, "NĐ 47/2017/NĐ-CP");
        assert_eq!(
            (d.number, d.year, d.level),
            (Some(47), Some(2017), Level::State)
        );
        assert_eq!(d.filter.as_deref(), Some("Nghị định 47/2017/NĐ-CP"));
        let bare = KnownDocument::at(&path(&["Chưa xác định", "Quy định", "47"]));
        assert_eq!(
            (bare.label.as_str(), bare.number),
            ("Quy định 47", Some(47))
        );
        assert!(KnownDocument::at(&path(&["Đảng", "Nghị quyết", "TW4", "khóa XII"])).in_table);
    }

    #[test]
    fn unknown_names_get_the_closest() {
        let s = suggest("KL TW4 khoa XII");
        assert!(s.contains(&"KL TW4 khóa XIII".to_owned()), "{s:?}");
    }
}
