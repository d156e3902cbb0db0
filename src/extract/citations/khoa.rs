//! Khóa (terms) and the numbers that name plenums and terms: "Trung ương 4", "lần thứ tư",
//! "khóa XII", "khóa 12". The first day of each khóa is a fact of `index_schema/terms.tsv`.

use crate::data::documents::{parse_roman, terms, Body};
use crate::model::Date;
use crate::text::fold;

/// Plenum or term number written as digits, a Roman numeral or a Vietnamese word.
pub fn parse_number(s: &str) -> Option<u32> {
    let w = fold(&s.to_lowercase());
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let word = match w.as_str() {
        "nhat" | "mot" => Some(1),
        "hai" => Some(2),
        "ba" => Some(3),
        "tu" | "bon" => Some(4),
        "nam" => Some(5),
        "sau" => Some(6),
        "bay" => Some(7),
        "tam" => Some(8),
        "chin" => Some(9),
        "muoi" => Some(10),
        "muoi mot" => Some(11),
        "muoi hai" => Some(12),
        "muoi ba" => Some(13),
        "muoi bon" => Some(14),
        "muoi lam" => Some(15),
        _ => None,
    };
    word.or_else(|| w.parse().ok())
        .or_else(|| parse_roman(&w))
        .filter(|n| (1..=20).contains(n))
}

/// "4, 6, 7 và 8" → [4, 6, 7, 8].
pub fn split_numbers(list: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for part in list.split([',', ';']) {
        for piece in part.split(" và ") {
            if let Some(n) = parse_number(piece.trim()) {
                out.push(n);
            }
        }
    }
    out
}

fn starts(body: Body) -> impl DoubleEndedIterator<Item = (u32, Date)> {
    terms()
        .iter()
        .filter(move |t| t.body == body)
        .filter_map(|t| Some((t.term, Date::new(t.start.0, t.start.1, t.start.2)?)))
}

/// The Party khóa in office on a date.
pub fn term_of_date(d: Date) -> Option<u32> {
    starts(Body::Party)
        .rev()
        .find(|(_, start)| d >= *start)
        .map(|(t, _)| t)
}

/// The first day of a Party khóa (its national congress).
pub fn term_start(t: u32) -> Option<Date> {
    starts(Body::Party).find(|(n, _)| *n == t).map(|(_, d)| d)
}

/// The year a National Assembly khóa was elected ("Quốc hội khóa XIV" → 2016).
pub fn assembly_term_year(t: u32) -> Option<i32> {
    starts(Body::Assembly)
        .find(|(n, _)| *n == t)
        .map(|(_, d)| d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_terms() {
        assert_eq!(parse_number("tư"), Some(4));
        assert_eq!(parse_number("mười hai"), Some(12));
        assert_eq!(parse_number("XII"), Some(12));
        assert_eq!(parse_number("bốn mươi"), None);
        assert_eq!(split_numbers("4, 6, 7 và 8"), [4, 6, 7, 8]);
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(term_of_date(d(2016, 1, 27)), Some(11));
        assert_eq!(term_of_date(d(2016, 1, 28)), Some(12));
        assert_eq!(term_of_date(d(1950, 1, 1)), None);
        assert_eq!(term_start(13), Some(d(2021, 2, 1)));
        assert_eq!(assembly_term_year(14), Some(2016));
    }
}
