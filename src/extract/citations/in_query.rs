//! The words of a search query that name a document ("Quy định 47 đảng viên", "kỷ luật theo
//! 47-QĐ/TW", "nghi quyet trung uong 4 khoa xii"), read by the same filter parser (and through
//! it the article reader) as `--resolution`, and the words left over, which still count.
//!
//! A run of words names a document when the parser reads it and every word of it matters:
//! dropping its first or its last word changes the reading (or loses it). So "Nghị quyết 39"
//! is the name in "tinh giản biên chế theo Nghị quyết 39", not "theo Nghị quyết 39" (the
//! parser finds the number inside either). The longest such run wins, then the leftmost.

use std::collections::HashMap;

use super::filter::read_filter;
use crate::data::documents::kinds;
use crate::text::fold;

/// The longest run of words tried as a name, and the most words of a query looked at.
const MAX_NAME_WORDS: usize = 12;
const MAX_QUERY_WORDS: usize = 40;

/// A document name found in a query.
#[derive(Debug, Clone, PartialEq)]
pub struct NameInQuery {
    /// The words that name it, as typed.
    pub name: String,
    /// What the filter parser reads them as: facet path prefixes.
    pub prefixes: Vec<Vec<String>>,
    /// The query without the name (and without kind words beside it: "Quy định số" before
    /// "47-QĐ/TW"), as typed; empty when the query is only the name.
    pub rest: String,
}

/// What the filter parser reads a run of words as, remembered per run: the tightness test
/// reads each run's neighbours, which are runs of their own.
struct Readings<'q> {
    words: &'q [&'q str],
    memo: HashMap<(usize, usize), Option<Vec<Vec<String>>>>,
}

impl Readings<'_> {
    fn of(&mut self, start: usize, end: usize) -> Option<Vec<Vec<String>>> {
        if start >= end {
            return None;
        }
        let words = self.words;
        self.memo
            .entry((start, end))
            .or_insert_with(|| {
                let mut prefixes = read_filter(&words[start..end].join(" "))?;
                prefixes.sort();
                Some(prefixes)
            })
            .clone()
    }
}

fn folded_word(word: &str) -> String {
    let w = fold(&word.to_lowercase());
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// How many of `words` (one or two, read in order) only say what kind of document a name is
/// ("Quy định", "QĐ", "số", "của"): dropped beside the name, so that the rest of the query holds
/// only what it is about. Two words must make a whole kind's name ("chi bộ" is not one).
fn naming_words(words: &[&str]) -> usize {
    let folded: Vec<String> = words.iter().map(|w| folded_word(w)).collect();
    let is_kind = |text: &str| {
        kinds().iter().any(|k| {
            fold(&k.name.to_lowercase()) == text
                || k.short.is_some_and(|s| fold(&s.to_lowercase()) == text)
        })
    };
    if folded.len() == 2 && is_kind(&folded.join(" ")) {
        return 2;
    }
    match folded.last() {
        Some(w) if ["so", "cua", "khoa"].contains(&w.as_str()) || is_kind(w) => 1,
        _ => 0,
    }
}

/// The document name in `query`, if it holds one (see the module docs).
pub fn name_in_query(query: &str) -> Option<NameInQuery> {
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_QUERY_WORDS {
        return None;
    }
    let mut readings = Readings {
        words: &words,
        memo: HashMap::new(),
    };
    for len in (1..=words.len().min(MAX_NAME_WORDS)).rev() {
        for start in 0..=words.len() - len {
            let run = &words[start..start + len];
            // A name holds a digit or a Roman numeral: skip the parser for plain words.
            if !run.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
                && !run.iter().any(|w| {
                    crate::data::documents::parse_roman(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                    )
                    .is_some()
                })
            {
                continue;
            }
            let end = start + len;
            let Some(read) = readings.of(start, end) else {
                continue;
            };
            let tight = len == 1
                || (readings.of(start + 1, end).as_ref() != Some(&read)
                    && readings.of(start, end - 1).as_ref() != Some(&read));
            if !tight {
                continue;
            }
            let (mut from, mut to) = (start, start + len);
            loop {
                let n = naming_words(&words[from.saturating_sub(2)..from]);
                let n = if n == 0 && from >= 1 {
                    naming_words(&words[from - 1..from])
                } else {
                    n
                };
                if n == 0 {
                    break;
                }
                from -= n;
            }
            while to < words.len() && naming_words(&words[to..to + 1]) == 1 {
                to += 1;
            }
            let rest: Vec<&str> = words[..from].iter().chain(&words[to..]).copied().collect();
            return Some(NameInQuery {
                name: run.join(" "),
                prefixes: read,
                rest: rest.join(" "),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(query: &str) -> Option<(String, String)> {
        name_in_query(query).map(|n| (n.name, n.rest))
    }

    #[test]
    fn names_and_what_is_left() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Quy định 47", Some(("Quy định 47", ""))),
            ("quy dinh 47", Some(("quy dinh 47", ""))),
            ("QĐ 47", Some(("QĐ 47", ""))),
            ("47-QĐ/TW", Some(("47-QĐ/TW", ""))),
            ("Quy định số 47-QĐ/TW", Some(("47-QĐ/TW", ""))),
            (
                "Nghị quyết Trung ương 4 khóa XII",
                Some(("Nghị quyết Trung ương 4 khóa XII", "")),
            ),
            ("NQ TW4 khóa XII", Some(("NQ TW4 khóa XII", ""))),
            (
                "tinh giản biên chế theo Nghị quyết 39",
                Some(("Nghị quyết 39", "tinh giản biên chế theo")),
            ),
            ("Quy định 47 đảng viên", Some(("Quy định 47", "đảng viên"))),
            ("Quy định 47 chi bộ", Some(("Quy định 47", "chi bộ"))),
            (
                "kỷ luật theo Quy định số 47-QĐ/TW",
                Some(("47-QĐ/TW", "kỷ luật theo")),
            ),
            ("Chỉ thị 05", Some(("Chỉ thị 05", ""))),
            ("tinh giản biên chế", None),
            ("Hải Phòng 2023", None),
            // "từ", "tù", "tử" fold to "tu", which is not "TƯ" (Trung ương).
            ("tăng lương từ 8", None),
            ("lĩnh án tù 15 năm", None),
            ("Nghị quyết TƯ 8", Some(("Nghị quyết TƯ 8", ""))),
        ];
        for (query, want) in cases {
            let want = want.map(|(a, b)| (a.to_owned(), b.to_owned()));
            assert_eq!(found(query), want, "{query}");
        }
    }

    #[test]
    fn a_name_reads_as_its_filter() {
        let n = name_in_query("nghi quyet trung uong 4 khoa xii").unwrap();
        assert_eq!(n.prefixes, [vec!["Đảng", "Nghị quyết", "TW4", "khóa XII"]]);
    }
}
