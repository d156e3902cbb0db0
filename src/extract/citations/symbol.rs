//! The grammar of Vietnamese document symbols (số, ký hiệu): a number, a year where there is
//! one, then code parts naming the kind and the issuing body, in either order of separators.
//!
//! | written | number | year | parts | style |
//! | --- | --- | --- | --- | --- |
//! | `61/2017/NĐ-CP` | 61 | 2017 | NĐ, CP | state |
//! | `19-2017/NQ-CP` | 19 | 2017 | NQ, CP | state |
//! | `05/CT-TTg` | 5 | – | CT, TTg | state |
//! | `25/2016/QH14` | 25 | 2016 | QH14 | state |
//! | `35-NQ/TW`, `05 - CT/TƯ` | 35, 5 | – | NQ, TW | party |
//! | `02/KHLT/UBND-UBMTTQ` | 2 | – | KHLT, UBND, UBMTTQ | state |
//! | `211/BTC-TCDN` | 211 | – | BTC, TCDN | state |
//!
//! This layer reads syntax only: which part is a kind code and which an issuer is decided by
//! the tables (`index_schema/document_kinds.tsv`, `issuers.tsv`). A date (`19/5/2017`), a
//! fraction (`460/466`), a plate (`48A - 002.50`) or a price (`8.000 đồng/lít`) has no code
//! part and is never a symbol.

use std::sync::OnceLock;

use regex::Regex;

/// One symbol as written in a text (already through `normalize_text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol<'t> {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub number: u32,
    pub year: Option<i32>,
    /// Code parts in order, as written (case kept, spaces and dots removed).
    pub parts: Vec<String>,
    /// The number is joined to the codes by a dash (`35-NQ/TW`): the Party's style. The
    /// State's puts a slash first (`35/NQ-CP`). News mixes the two, so this is a hint only.
    pub party_style: bool,
    /// The text of the whole symbol.
    pub text: &'t str,
}

/// A code part: an upper-case letter, then letters (`TTg`, `QĐi`, `CTr`, `HĐND`, `KH&ĐT`),
/// with a term number glued on for National Assembly bodies (`QH14`, `UBTVQH14`). `T.Ư` and
/// `T.W` keep their dot.
const PART: &str = r"(?:T\.[ƯW]|[A-ZĐƯ][A-Za-zĐđƯưƠơÂâĂăÊêÔô&]{0,11}(?:\d{1,2})?)";

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let sep = r"\s*[-/–]\s*";
        Regex::new(&format!(
            r"(\d{{1,5}})(?:\s*([-/–])\s*((?:19|20)\d{{2}}))?\s*([-/–])\s*({PART}(?:{sep}{PART}){{0,3}})"
        ))
        .expect("symbol regex")
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Every symbol in `text`, in order.
pub fn symbols(text: &str) -> Vec<Symbol<'_>> {
    let mut out = Vec::new();
    for c in pattern().captures_iter(text) {
        let whole = c.get(0).expect("match");
        // Not inside a longer token: "1/1/2018", "G20/APEC", "002.50".
        if let Some(prev) = text[..whole.start()].chars().next_back() {
            if is_word_char(prev) || matches!(prev, '/' | '.' | ',' | '-' | '–') {
                continue;
            }
        }
        let mut codes = c.get(5).expect("codes");
        // Trim a trailing part that runs into a word ("CP-là") by backing off to the last
        // part that ends at a word boundary.
        let mut parts_text = codes.as_str();
        loop {
            let end = codes.start() + parts_text.len();
            let next = text[end..].chars().next();
            if next.is_none_or(|n| !is_word_char(n)) {
                break;
            }
            match parts_text.rfind(['-', '/', '–']) {
                Some(i) => parts_text = parts_text[..i].trim_end(),
                None => {
                    parts_text = "";
                    break;
                }
            }
        }
        if parts_text.is_empty() {
            continue;
        }
        let end = codes.start() + parts_text.len();
        codes = c.get(5).expect("codes");
        let _ = codes;
        let parts: Vec<String> = parts_text
            .split(['-', '/', '–'])
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        // A code is at least two letters, or one of the dotted forms.
        if !parts
            .iter()
            .any(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        {
            continue;
        }
        let first_sep = c.get(2).or(c.get(4)).map_or("/", |m| m.as_str());
        out.push(Symbol {
            start: whole.start(),
            end,
            number: c[1].parse().unwrap_or(0),
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
            parts,
            party_style: first_sep != "/",
            text: &text[whole.start()..end],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(u32, Option<i32>, Vec<String>, bool)> {
        symbols(text)
            .into_iter()
            .map(|s| (s.number, s.year, s.parts, s.party_style))
            .collect()
    }

    fn one(text: &str) -> (u32, Option<i32>, Vec<&'static str>, bool) {
        let got = read(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let (n, y, p, s) = got.into_iter().next().unwrap();
        (n, y, p.into_iter().map(|x| &*x.leak()).collect(), s)
    }

    #[test]
    fn the_issue_examples() {
        assert_eq!(
            one("Nghị định 61/2017/NĐ-CP về"),
            (61, Some(2017), vec!["NĐ", "CP"], false)
        );
        assert_eq!(
            one("Nghị quyết 19-2017/NQ-CP ngày"),
            (19, Some(2017), vec!["NQ", "CP"], true)
        );
        assert_eq!(
            one("Chỉ thị 05/CT-TTg ngày 6/2/2017"),
            (5, None, vec!["CT", "TTg"], false)
        );
        assert_eq!(
            one("số 25/2016/QH14,"),
            (25, Some(2016), vec!["QH14"], false)
        );
        assert_eq!(
            one("Nghị quyết 35-NQ/TW"),
            (35, None, vec!["NQ", "TW"], true)
        );
        assert_eq!(one("Chỉ thị 29-CT/TU"), (29, None, vec!["CT", "TU"], true));
        assert_eq!(
            one("Nghị quyết 233/NQ-ĐU"),
            (233, None, vec!["NQ", "ĐU"], false)
        );
        assert_eq!(
            one("Kế hoạch 02/KHLT/UBND-UBMTTQ"),
            (2, None, vec!["KHLT", "UBND", "UBMTTQ"], false)
        );
        assert_eq!(
            one("333/2017/UBTVQH14 ngày"),
            (333, Some(2017), vec!["UBTVQH14"], false)
        );
        assert_eq!(
            one("Thông tư 23/2015/TT-BKHCN."),
            (23, Some(2015), vec!["TT", "BKHCN"], false)
        );
        assert_eq!(
            one("Quyết định 05/2013/QĐ-UBND"),
            (5, Some(2013), vec!["QĐ", "UBND"], false)
        );
        assert_eq!(
            one("Thông báo 652-TB/TU"),
            (652, None, vec!["TB", "TU"], true)
        );
    }

    #[test]
    fn noise_in_spacing_and_dashes() {
        assert_eq!(one("Chỉ thị số 05- CT/TW").2, vec!["CT", "TW"]);
        assert_eq!(one("Chỉ thị số 05 - CT/TƯ").2, vec!["CT", "TƯ"]);
        assert_eq!(one("40 – CT/TW").2, vec!["CT", "TW"]);
        assert_eq!(one("07 - NQ/HU").2, vec!["NQ", "HU"]);
        assert_eq!(one("Nghị quyết T.Ư: 21-NQ/T.Ư").2, vec!["NQ", "T.Ư"]);
        assert_eq!(one("31-QĐ/ĐU-MTTW").2, vec!["QĐ", "ĐU", "MTTW"]);
        assert_eq!(one("08-QĐi/TW").2, vec!["QĐi", "TW"]);
        assert_eq!(one("04-CTr/TU,").2, vec!["CTr", "TU"]);
        assert_eq!(one("211/BTC-TCDN báo cáo").2, vec!["BTC", "TCDN"]);
        assert_eq!(one("204/TTg-ĐMDN ngày").2, vec!["TTg", "ĐMDN"]);
        assert_eq!(one("(506/BC-UBTCNS14)").2, vec!["BC", "UBTCNS14"]);
    }

    #[test]
    fn not_symbols() {
        for text in [
            "ngày 19/5/2017 và 1/1/2018",
            "với tỷ lệ 460/466 đại biểu",
            "BKS 48A - 002.50",
            "giá 8.000 đồng/lít, 100.000 đ/SIM",
            "Cty Dệt may 29/3",
            "Điều 5, khoản 2 Điều 3",
            "ĐT: (080) 45100; (04) 32373667",
            "302/396 ý kiến (76,2 %)",
            "G20/APEC 2017",
            "giai đoạn 2011-2016",
            "tốc độ 60 km/h",
            "đường dây 500 kV Lào-Việt Nam",
            "lúc 14h-16h45",
        ] {
            assert_eq!(read(text), vec![], "{text}");
        }
    }
}
