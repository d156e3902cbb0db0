//! Issuing bodies of documents (`issuers.tsv`): the codes they sign symbols with, their names in
//! prose, and whether they are the central Party, the State or a local body.

use std::sync::OnceLock;

/// Where an issuer sits; the first level of a citation's facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IssuerLevel {
    /// The Party's central bodies (Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư, the
    /// central boards).
    Party,
    /// The State's central bodies: National Assembly, President, Government, Prime Minister,
    /// ministries, courts.
    State,
    /// Provincial and lower bodies, Party (Tỉnh ủy, Đảng ủy) and State (UBND, HĐND) alike.
    Local,
}

/// Whose style of symbol a body signs: the Party's (`29-CT/TU`) or the State's (`05/QĐ-UBND`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Party,
    State,
}

/// One row of `issuers.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The code in symbols, canonical case: `CP`, `TTg`, `QH`, `TW`, `TU`, `UBND`.
    pub code: &'static str,
    /// Other spellings of the code in symbols (`TƯ`, `T.Ư` for `TW`).
    pub variants: Vec<&'static str>,
    /// The name facets show: "Chính phủ", "Trung ương".
    pub name: &'static str,
    pub level: IssuerLevel,
    pub side: Side,
    /// The code carries the National Assembly term: `QH14`, `UBTVQH14`.
    pub termed: bool,
    /// How prose names the body ("của Bộ Chính trị", "của Thủ tướng Chính phủ").
    pub prose: Vec<&'static str>,
    /// The kinds of document it issues (kind names of `document_kinds.tsv`).
    pub kinds: Vec<&'static str>,
}

impl Issuer {
    /// Whether this body issues documents of the kind.
    pub fn issues(&self, kind: &str) -> bool {
        self.kinds.contains(&kind)
    }
}

/// Every row of `issuers.tsv`, in table order.
pub fn issuers() -> &'static [Issuer] {
    static ROWS: OnceLock<Vec<Issuer>> = OnceLock::new();
    ROWS.get_or_init(|| {
        super::rows("issuers.tsv")
            .map(|f| {
                let cell = |i: usize| f.get(i).copied().unwrap_or("");
                Issuer {
                    code: cell(0),
                    variants: super::split_list(cell(1)).collect(),
                    name: cell(2),
                    side: match cell(3) {
                        "party" => Side::Party,
                        "state" => Side::State,
                        other => panic!("issuers.tsv: unknown body {other:?} in {f:?}"),
                    },
                    level: match (cell(3), cell(4)) {
                        (_, "local") => IssuerLevel::Local,
                        ("party", "central") => IssuerLevel::Party,
                        ("state", "central") => IssuerLevel::State,
                        other => panic!("issuers.tsv: unknown tier {other:?} in {f:?}"),
                    },
                    termed: cell(5) == "yes",
                    prose: super::split_list(cell(6)).collect(),
                    kinds: super::split_list(cell(7)).collect(),
                }
            })
            .collect()
    })
}

/// The issuer a symbol's code part names, and the term glued to it: "TƯ" → (TW, None),
/// "QH14" → (QH, Some(14)), "ttg" → (TTg, None). A termed code without its term, or a term on
/// a code that takes none, names nothing.
pub fn issuer_of_code(part: &str) -> Option<(&'static Issuer, Option<u32>)> {
    let digits = part.len() - part.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (letters, term) = part.split_at(part.len() - digits);
    let up = letters.to_uppercase();
    let issuer = issuers().iter().find(|i| {
        i.code.to_uppercase() == up || i.variants.iter().any(|v| v.to_uppercase() == up)
    })?;
    match (issuer.termed, term.parse::<u32>().ok()) {
        (true, Some(t)) if (1..=20).contains(&t) => Some((issuer, Some(t))),
        (false, None) => Some((issuer, None)),
        _ => None,
    }
}

/// The issuer with this code (canonical case).
pub fn issuer(code: &str) -> Option<&'static Issuer> {
    issuers().iter().find(|i| i.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_variants_and_terms() {
        assert_eq!(issuer_of_code("TƯ").unwrap().0.code, "TW");
        assert_eq!(issuer_of_code("T.Ư").unwrap().0.code, "TW");
        assert_eq!(issuer_of_code("TTG").unwrap().0.code, "TTg");
        let (qh, term) = issuer_of_code("QH14").unwrap();
        assert_eq!((qh.code, term), ("QH", Some(14)));
        assert_eq!(issuer_of_code("UBTVQH14").unwrap().0.code, "UBTVQH");
        assert_eq!(issuer_of_code("QH"), None);
        assert_eq!(issuer_of_code("CP14"), None);
        assert_eq!(issuer_of_code("BCT").unwrap().0.name, "Bộ Công Thương");
        assert_eq!(issuer_of_code("XYZ"), None);
        assert_eq!(issuer("TU").unwrap().level, IssuerLevel::Local);
        assert!(issuer("CP").unwrap().issues("Nghị định"));
        // Codes are unique across codes and variants.
        let mut seen = std::collections::HashSet::new();
        for i in issuers() {
            for c in std::iter::once(&i.code).chain(&i.variants) {
                assert!(seen.insert(c.to_uppercase()), "{c} twice");
            }
        }
    }
}
