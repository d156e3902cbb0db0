//! Laws, codes and constitutions by name (`laws.tsv`): their short forms and the years (and,
//! where known, symbols) of their editions.

use std::sync::OnceLock;

/// One row of `laws.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Law {
    /// "Luật Đất đai", "Bộ luật Hình sự", "Hiến pháp".
    pub name: &'static str,
    /// "Luật", "Bộ luật" or "Hiến pháp": a kind name of `document_kinds.tsv`.
    pub kind: &'static str,
    /// Short forms news use ("BLHS").
    pub short: Vec<&'static str>,
    /// Editions: year and, when known, symbol (`2015`, `100/2015/QH13`).
    pub editions: Vec<(i32, Option<&'static str>)>,
}

/// Every row of `laws.tsv`, in table order.
pub fn laws() -> &'static [Law] {
    static ROWS: OnceLock<Vec<Law>> = OnceLock::new();
    ROWS.get_or_init(|| {
        super::rows("laws.tsv")
            .map(|f| {
                let cell = |i: usize| f.get(i).copied().unwrap_or("");
                Law {
                    name: cell(0),
                    kind: cell(1),
                    short: super::split_list(cell(2)).collect(),
                    editions: super::split_list(cell(3))
                        .map(|e| {
                            let (year, symbol) = match e.split_once('=') {
                                Some((y, s)) => (y, Some(s)),
                                None => (e, None),
                            };
                            let year = year
                                .parse()
                                .unwrap_or_else(|_| panic!("laws.tsv: bad year in {f:?}"));
                            (year, symbol)
                        })
                        .collect(),
                }
            })
            .collect()
    })
}

/// The law and edition year of a symbol (`100/2015/QH13` → Bộ luật Hình sự, 2015).
pub fn law_of_symbol(symbol: &str) -> Option<(&'static Law, i32)> {
    laws().iter().find_map(|law| {
        law.editions
            .iter()
            .find(|(_, s)| *s == Some(symbol))
            .map(|(y, _)| (law, *y))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        let (law, year) = law_of_symbol("100/2015/QH13").unwrap();
        assert_eq!((law.name, year), ("Bộ luật Hình sự", 2015));
        let hp = laws().iter().find(|l| l.kind == "Hiến pháp").unwrap();
        assert!(hp.editions.iter().any(|(y, _)| *y == 2013));
        for law in laws() {
            assert!(law.name.starts_with(law.kind), "{}", law.name);
            assert!(!law.editions.is_empty(), "{}", law.name);
        }
    }
}
