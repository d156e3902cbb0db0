//! Provinces an article mentions: the matching rules. The facts (names, aliases, context words)
//! live in `index_schema/` and are read by `crate::data::provinces`, which also answers user
//! look-ups and gives facet paths. Matching runs on `normalize_text` output, so "Hoà Bình"/"Hòa Bình" and "Ð"/"Đ" are
//! already one spelling. Capitalisation decides: the patterns are the capitalised (and the
//! all-caps) spellings only, so "hòa bình" (peace), "thái bình" or "long an" in running text never
//! match. Context rules then drop the remaining traps:
//! - a bare name that continues into a longer proper name (`not_before`: "Thái Bình Dương",
//!   "Điện Biên Phủ") or follows a word that makes it something else (`not_after`: "Thái Bình
//!   Dương" seen from "Bình Dương", "Nobel Hòa Bình");
//! - a name right after a lower administrative unit or a geographic feature ("phường Hà Giang 1",
//!   "sông Đồng Nai", "đường Điện Biên Phủ"), or after a Vietnamese name syllable ("Nguyễn Thị
//!   Huế", "Trần Văn Long An"): that is a ward, a river, a street or a person;
//! - "Hồ Chí Minh" counts only with `TP`/`Thành phố` (the table's `bare_name = no`), because bare
//!   it is the person ("tư tưởng Hồ Chí Minh").
//!

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::data::provinces::{name_syllables, rows, unit_or_feature_words, Era, ProvinceRow};
use crate::model::facts::ArticleProvinces;
use crate::text::normalize_text;

/// Dash and spacing variants of a hyphenated name ("Bà Rịa - Vũng Tàu" → "Bà Rịa-Vũng Tàu", ...).
fn dash_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_owned()];
    for dash in ['-', '–'] {
        if let Some((a, b)) = s.split_once(dash) {
            let (a, b) = (a.trim_end(), b.trim_start());
            for sep in [" - ", "-", " – ", "–", " -", "- "] {
                out.push(format!("{a}{sep}{b}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The text matcher over every spelling of the until-2025 units (only they are named in the
/// articles vnsearch extracts from), built once.
struct Matcher {
    matcher: AhoCorasick,
    /// Pattern index → row index.
    pattern_row: Vec<usize>,
}

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_row = Vec::new();
        for (i, row) in rows().iter().enumerate() {
            if row.province.era == Era::Since2025 {
                continue;
            }
            for s in &row.spellings {
                for v in dash_variants(&normalize_text(s)) {
                    let upper = v.to_uppercase();
                    if upper != v {
                        patterns.push(upper);
                        pattern_row.push(i);
                    }
                    patterns.push(v);
                    pattern_row.push(i);
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("province patterns build");
        Matcher {
            matcher,
            pattern_row,
        }
    })
}

/// A province mention found in text: byte range and canonical name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset just after the mention.
    pub end: usize,
    /// The province's canonical (until-2025) name.
    pub name: &'static str,
}

/// The word that touches `start` across spaces (not across punctuation), and where it starts:
/// "Thái" for "Thái Bình Dương" seen from "Bình Dương", nothing for "Thái, Bình Dương".
fn prev_word(text: &str, start: usize) -> (&str, usize) {
    let before = text[..start].trim_end_matches([' ', '\t']);
    if before.len() == start {
        return ("", start);
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    (&before[word_start..], word_start)
}

fn next_word(text: &str, end: usize) -> &str {
    let after = &text[end..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    if trimmed.len() == after.len() {
        return "";
    }
    let len = trimmed
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map(|(i, _)| i)
        .unwrap_or(trimmed.len());
    &trimmed[..len]
}

fn accept(text: &str, start: usize, end: usize, row: &ProvinceRow) -> bool {
    let before_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    if !before_ok || !after_ok {
        return false;
    }
    let next = next_word(text, end);
    let (prev, prev_start) = prev_word(text, start);
    if row.not_before.contains(&next) || row.not_after.contains(&prev) {
        return false;
    }
    if unit_or_feature_words().contains(&prev) {
        // "thành phố Hải Phòng" is the province itself, "phố Huế" a street.
        let (before_prev, _) = prev_word(text, prev_start);
        if !(prev == "phố" || prev == "Phố") || !matches!(before_prev, "thành" | "Thành") {
            return false;
        }
    }
    if name_syllables().contains(&prev) {
        return false;
    }
    true
}

/// Every province mention in already-normalised text, in text order, without overlaps.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let t = matcher();
    let mut found: Vec<Mention> = Vec::new();
    for m in t.matcher.find_overlapping_iter(text) {
        let row = &rows()[t.pattern_row[m.pattern().as_usize()]];
        if accept(text, m.start(), m.end(), row) {
            found.push(Mention {
                start: m.start(),
                end: m.end(),
                name: row.province.name,
            });
        }
    }
    // Longest first at each start, then drop anything overlapping a kept mention
    // ("Thừa Thiên Huế" over "Huế", "TP. Hồ Chí Minh" over nothing else).
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
    for m in found {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        } else if let Some(k) = kept.last_mut() {
            // A longer match starting inside the kept one cannot happen with the sort above
            // unless it extends further; prefer the longer span.
            if m.end > k.end && m.end - m.start > k.end - k.start {
                *k = m;
            }
        }
    }
    kept
}

/// The province a venue/dateline phrase names: "tại thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
/// "tại TP. Trà Vinh", "tại Hải Phòng", within the opening of the body.
fn venue_province(body: &str, mentions: &[Mention]) -> Option<&'static str> {
    const OPENING: usize = 1500;
    const WINDOW: usize = 90;
    let limit = body.len().min(OPENING);
    let mut search_from = 0;
    while let Some(pos) = body[search_from..].find("ại ") {
        let at = search_from + pos;
        search_from = at + 3;
        if at >= limit {
            break;
        }
        // "tại"/"Tại" as a whole word.
        let word_start = at.saturating_sub(1);
        if !body.is_char_boundary(word_start) || !matches!(&body[word_start..at], "t" | "T") {
            continue;
        }
        if body[..word_start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let from = at + 3;
        if let Some(m) = mentions
            .iter()
            .find(|m| m.start >= from && m.start <= from + WINDOW)
        {
            if !body[from..m.start].contains(['.', ';', '\n', ':']) {
                return Some(m.name);
            }
        }
    }
    None
}

/// Provinces an article mentions, and its main one. `primary` comes from, in order: the source
/// line ("Tỉnh uỷ Hoà Bình"), the venue in the opening ("tại TP. Trà Vinh"), the title, then the
/// province mentioned most often in the body, if it is mentioned at least twice and more often
/// than any other. All three texts are already through `normalize_text`.
pub fn extract_provinces(title: &str, source: Option<&str>, body: &str) -> ArticleProvinces {
    provinces_of(
        (title, &find_mentions(title)),
        source,
        (body, &find_mentions(body)),
    )
}

/// [`extract_provinces`] for a title and a body whose mentions are known already.
pub fn provinces_of(
    (title, title_m): (&str, &[Mention]),
    source: Option<&str>,
    (body, body_m): (&str, &[Mention]),
) -> ArticleProvinces {
    let source_m = source.map(find_mentions).unwrap_or_default();

    let mut all: Vec<String> = title_m
        .iter()
        .chain(body_m)
        .chain(&source_m)
        .map(|m| m.name.to_owned())
        .collect();
    all.sort();
    all.dedup();

    let primary = source_m
        .first()
        .map(|m| m.name)
        .or_else(|| venue_province(body, body_m))
        .or_else(|| venue_province(title, title_m))
        .or_else(|| title_m.first().map(|m| m.name))
        .or_else(|| most_mentioned(body_m))
        .map(str::to_owned);
    ArticleProvinces { primary, all }
}

fn most_mentioned(mentions: &[Mention]) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        match counts.iter_mut().find(|c| c.0 == m.name) {
            Some(c) => c.1 += 1,
            None => counts.push((m.name, 1, i)),
        }
    }
    // A national story that quotes delegates from several provinces has no main province: ask
    // for at least two mentions and a strict lead over the runner-up.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    match counts.as_slice() {
        [(name, n, _)] if *n >= 2 => Some(name),
        [(name, n, _), (_, m, _), ..] if *n >= 2 && n > m => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_support::{raw_sample, seed};

    /// `extract_provinces` on texts as a user writes them.
    fn provinces(title: &str, source: Option<&str>, body: &str) -> ArticleProvinces {
        let source = source.map(normalize_text);
        extract_provinces(
            &normalize_text(title),
            source.as_deref(),
            &normalize_text(body),
        )
    }

    fn names(text: &str) -> Vec<&'static str> {
        let mut v: Vec<_> = find_mentions(&normalize_text(text))
            .into_iter()
            .map(|m| m.name)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn spellings_news_uses() {
        let cases: &[(&str, &[&str])] = &[
            ("Tỉnh uỷ Hoà Bình họp", &["Hòa Bình"]),
            ("Ban Tổ chức Tỉnh ủy Khánh Hoà", &["Khánh Hòa"]),
            ("đoàn công tác tỉnh Thanh Hoá", &["Thanh Hóa"]),
            ("Thành ủy TP. Hồ Chí Minh", &["Hồ Chí Minh"]),
            ("Đảng bộ TP.HCM và TPHCM", &["Hồ Chí Minh"]),
            ("tại Thành phố Hồ Chí Minh", &["Hồ Chí Minh"]),
            ("tỉnh Thừa Thiên Huế", &["Huế"]),
            ("tỉnh Thừa Thiên - Huế", &["Huế"]),
            ("Thành ủy Huế", &["Huế"]),
            ("tỉnh Bà Rịa-Vũng Tàu", &["Bà Rịa - Vũng Tàu"]),
            ("tỉnh Bà Rịa - Vũng Tàu", &["Bà Rịa - Vũng Tàu"]),
            ("tỉnh Đắc Lắc", &["Đắk Lắk"]),
            ("TỈNH ỦY ĐẮK LẮK", &["Đắk Lắk"]),
            ("Ðồng Nai", &["Đồng Nai"]),
            (
                "các tỉnh Đồng Tháp, Trà Vinh, Sóc Trăng",
                &["Đồng Tháp", "Sóc Trăng", "Trà Vinh"],
            ),
            ("tại thành phố Hải Phòng", &["Hải Phòng"]),
            ("Bí thư Tỉnh ủy Khánh Hòa Nguyễn Hải Ninh", &["Khánh Hòa"]),
            ("huyện Long An ở Thái Bình", &["Thái Bình"]),
        ];
        for (text, want) in cases {
            let mut want = want.to_vec();
            want.sort();
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn no_false_positives() {
        let cases = [
            "giữ vững hòa bình, ổn định",
            "cuộc sống thái bình, long an",
            "Chiến thắng Điện Biên Phủ năm 1954",
            "đường Điện Biên Phủ, quận 3",
            "biển Thái Bình Dương",
            "học tập tư tưởng Hồ Chí Minh",
            "Chủ tịch Hồ Chí Minh",
            "Học viện Chính trị quốc gia Hồ Chí Minh",
            "Ban Chấp hành Trung ương Đảng",
            "phường Hà Giang 1",
            "bà Nguyễn Thị Huế",
            "giải Nobel Hòa Bình",
            "Khánh Hòaa",
        ];
        for text in cases {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn primary_from_source_venue_title() {
        let a = provinces(
            "Bí thư làm việc",
            Some("Tỉnh uỷ Hoà Bình"),
            "Tỉnh Sơn La cũng dự.",
        );
        assert_eq!(a.primary.as_deref(), Some("Hòa Bình"));
        assert_eq!(a.all, ["Hòa Bình", "Sơn La"]);
        let b = provinces(
            "Hội nghị",
            None,
            "Ngày 8/12, tại thành phố Buôn Ma Thuột, tỉnh Đắk Lắk, đại biểu Khánh Hòa dự.",
        );
        assert_eq!(b.primary.as_deref(), Some("Đắk Lắk"));
        let c = provinces(
            "Giao ban tại Hải Phòng",
            None,
            "Đại biểu Hà Nội, Hà Nội phát biểu.",
        );
        assert_eq!(c.primary.as_deref(), Some("Hải Phòng"));
        let d = provinces("Tin", None, "tư tưởng Hồ Chí Minh, hòa bình");
        assert_eq!(d, ArticleProvinces::default());
        let e = provinces(
            "Tin",
            None,
            "Tỉnh ủy Lạng Sơn họp. Đảng bộ tỉnh Lạng Sơn, Cao Bằng.",
        );
        assert_eq!(e.primary.as_deref(), Some("Lạng Sơn"));
        let f = provinces(
            "Quốc hội thảo luận",
            None,
            "Đại biểu Đồng Nai, đại biểu Cà Mau.",
        );
        assert_eq!((f.primary, f.all.len()), (None, 2));
    }

    /// A seed through the page parser and the extraction pipeline.
    fn seed_provinces(prefix: &str) -> ArticleProvinces {
        let facts = crate::extract::article_facts(&seed(prefix));
        ArticleProvinces {
            primary: facts.primary_province,
            all: facts.provinces,
        }
    }

    #[test]
    fn seeds() {
        let p2 = seed_provinces("002");
        assert_eq!(p2.primary.as_deref(), Some("Trà Vinh"));
        let mut want2 = vec![
            "Trà Vinh",
            "Đồng Tháp",
            "Sóc Trăng",
            "Bạc Liêu",
            "Bến Tre",
            "An Giang",
            "Kiên Giang",
            "Hậu Giang",
            "Cà Mau",
            "Vĩnh Long",
            "Cần Thơ",
        ];
        want2.sort();
        assert_eq!(p2.all, want2);
        let p4 = seed_provinces("004");
        assert_eq!(p4.primary.as_deref(), Some("Hòa Bình"));
        assert_eq!(p4.all, ["Hòa Bình"]);
        let p3 = seed_provinces("003");
        assert_eq!(p3.primary.as_deref(), Some("Hải Phòng"));
        assert_eq!(p3.all, ["Hải Phòng"]);
        let p1 = seed_provinces("001");
        assert_eq!(p1.primary.as_deref(), Some("Lạng Sơn"));
        assert_eq!(p1.all, ["Lạng Sơn"]);
        let p0 = seed_provinces("000");
        assert_eq!(p0.primary.as_deref(), Some("Đắk Lắk"));
        assert_eq!(p0.all, ["Khánh Hòa", "Đắk Lắk"]);
    }

    /// Every province extracted from the raw sample has a capitalised mention in the text, i.e.
    /// none comes from a lower-case common word.
    #[test]
    fn raw_sample_no_lowercase_provinces() {
        let Some(articles) = raw_sample() else {
            eprintln!("skipping: ../shared/corpus/raw-sample not found next to the crate");
            return;
        };
        assert!(articles.len() >= 50, "only {} articles", articles.len());
        let mut with_province = 0;
        for (name, text, article) in &articles {
            let norm = normalize_text(text);
            let facts = crate::extract::article_facts(article);
            let found = ArticleProvinces {
                primary: facts.primary_province,
                all: facts.provinces,
            };
            with_province += usize::from(!found.all.is_empty());
            // Each mention's name part (its last word) is capitalised in the text itself.
            for m in find_mentions(&norm) {
                let span = &norm[m.start..m.end];
                let last = span.rsplit([' ', '.', '-']).next().unwrap_or(span);
                assert!(
                    last.chars().next().is_some_and(char::is_uppercase),
                    "{name}: {} from lower-case {span:?}",
                    m.name
                );
            }
            for p in &found.all {
                assert!(
                    find_mentions(&norm).iter().any(|m| m.name == p),
                    "{name}: {p} without a mention"
                );
            }
        }
        assert!(
            with_province >= articles.len() / 2,
            "{with_province} of {}",
            articles.len()
        );
    }
}
