//! The legacy 8-bit Vietnamese encodings TCVN3 and VNI (`legacy_encodings.txt`), parsed once.
//! `crate::ingest::legacy` builds its converters from these rows.

use std::sync::OnceLock;

/// One mapping: in `encoding` ("tcvn3", "vni"), the Unicode `letter` is stored as `bytes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyMapping {
    pub encoding: &'static str,
    pub letter: char,
    pub bytes: Vec<u8>,
}

/// Every mapping of the table, in table order.
pub fn mappings() -> &'static [LegacyMapping] {
    static ROWS: OnceLock<Vec<LegacyMapping>> = OnceLock::new();
    ROWS.get_or_init(|| {
        super::lines("legacy_encodings.txt")
            .filter_map(|line| {
                let cols: Vec<&'static str> = line.split('\t').collect();
                if cols.len() != 3 {
                    return None;
                }
                let letter = cols[1]
                    .chars()
                    .next()
                    .expect("legacy table: empty Unicode cell");
                let bytes = cols[2]
                    .split_whitespace()
                    .map(|h| u8::from_str_radix(h, 16).expect("legacy table: bad hex byte"))
                    .collect();
                Some(LegacyMapping {
                    encoding: cols[0],
                    letter,
                    bytes,
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_encodings_are_read() {
        let rows = super::mappings();
        let count = |e: &str| rows.iter().filter(|r| r.encoding == e).count();
        assert_eq!((count("tcvn3"), count("vni")), (74, 134));
    }
}
