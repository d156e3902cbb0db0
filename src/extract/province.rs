//! Provinces an article mentions, and province/region look-ups for user filters.
//!
//! Facts live in `index_schema/provinces.tsv` (shaped from the shared gazetteer); this file holds
//! the rules. Matching runs on `normalize_text` output, so "Hoà Bình"/"Hòa Bình" and "Ð"/"Đ" are
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
//! Regions: an extracted province is a pre-merger canonical name, and [`region_of`] gives its
//! pre-merger region. The since-2025 units have their own regions ([`region_of_unit`]); the
//! since-2025 Gia Lai (old Gia Lai + Bình Định) has none, because the sources disagree, so a
//! region filter matches old Gia Lai articles through "Tây Nguyên" and never guesses for the new
//! unit.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::{fold, normalize_text};

/// One provincial-level unit of one era (see `index_schema/README.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    pub name: &'static str,
    pub kind: &'static str,
    pub era: Era,
    pub merged_into: Option<&'static str>,
    pub region: Option<&'static str>,
}

/// Which list a unit belongs to: the 63 units until 30 June 2025, the 34 since 1 July 2025, or
/// both (unchanged by the merger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Until2025,
    Since2025,
    Both,
}

/// Provinces an article mentions. `all` is sorted, deduplicated canonical names (pre-merger era
/// names, e.g. "Hòa Bình", "Trà Vinh", "Hồ Chí Minh", "Huế"); `primary` is the article's main
/// province, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleProvinces {
    pub primary: Option<String>,
    pub all: Vec<String>,
}

/// The six socio-economic regions, with the short forms users type.
const REGIONS: &[(&str, &[&str])] = &[
    (
        "Trung du và miền núi phía Bắc",
        &["miền núi phía Bắc", "trung du miền núi phía Bắc", "TDMNPB"],
    ),
    ("Đồng bằng sông Hồng", &["ĐBSH", "đồng bằng Bắc Bộ"]),
    (
        "Bắc Trung Bộ và Duyên hải miền Trung",
        &["Bắc Trung Bộ", "duyên hải miền Trung", "miền Trung"],
    ),
    ("Tây Nguyên", &[]),
    ("Đông Nam Bộ", &[]),
    (
        "Đồng bằng sông Cửu Long",
        &["ĐBSCL", "miền Tây", "miền Tây Nam Bộ"],
    ),
];

/// Words after which a capitalised province name is a ward, a district, a street, a river...
const NOT_A_PROVINCE_AFTER: &[&str] = &[
    "phường",
    "xã",
    "huyện",
    "quận",
    "trấn",
    "ấp",
    "thôn",
    "làng",
    "đường",
    "phố",
    "sông",
    "cầu",
    "chợ",
    "bến",
    "núi",
    "đèo",
    "đảo",
    "hẻm",
    "ngõ",
    "Phường",
    "Xã",
    "Huyện",
    "Quận",
    "Đường",
    "Phố",
    "Sông",
    "Cầu",
    "Chợ",
];

/// Name syllables: a province name right after one of these is part of a person's name.
const NAME_SYLLABLES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Ngô", "Lý", "Đào", "Đinh", "Trương", "Lương", "Văn", "Thị", "Hữu", "Đức", "Công", "Quốc",
    "Xuân", "Ngọc", "Thanh", "Minh",
];

struct Tables {
    rows: Vec<Row>,
    /// Pattern index → row index (only until-2025 / both rows are matched in text).
    pattern_row: Vec<usize>,
    matcher: AhoCorasick,
    /// Folded key (lower case, letters and digits only) → row, until-2025/both preferred.
    by_key: HashMap<String, usize>,
    /// Every known spelling, for suggestions: (folded key, canonical name).
    spellings: Vec<(String, &'static str)>,
}

struct Row {
    province: Province,
    spellings: Vec<&'static str>,
    not_before: Vec<&'static str>,
    not_after: Vec<&'static str>,
}

fn split_list(cell: &'static str) -> impl Iterator<Item = &'static str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Lower case, folded, letters and digits only: "TP. Hồ Chí Minh" → "tphochiminh".
fn key(s: &str) -> String {
    fold(&normalize_text(s))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key without a leading unit word ("tinh", "thanhpho", "tp"), so "tỉnh Đắk Lắk" and
/// "TP.HCM" reach "daklak" and "hcm".
fn strip_unit_prefix(k: &str) -> &str {
    for p in ["thanhpho", "tinh", "tp"] {
        if let Some(rest) = k.strip_prefix(p) {
            if rest.len() >= 2 {
                return rest;
            }
        }
    }
    k
}

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

pub(crate) const TABLE: &str = include_str!("../../index_schema/provinces.tsv");

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let data: &'static str = TABLE;
        let mut rows = Vec::new();
        for line in data.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let cell = |i: usize| f.get(i).copied().unwrap_or("").trim();
            let era = match cell(2) {
                "until-2025" => Era::Until2025,
                "since-2025" => Era::Since2025,
                "both" => Era::Both,
                other => panic!("provinces.tsv: unknown era {other:?}"),
            };
            let opt = |s: &'static str| (!s.is_empty()).then_some(s);
            let mut spellings: Vec<&'static str> = Vec::new();
            if cell(7) != "no" {
                spellings.push(cell(0));
            }
            spellings.extend(split_list(cell(5)));
            spellings.extend(split_list(cell(6)));
            rows.push(Row {
                province: Province {
                    name: cell(0),
                    kind: cell(1),
                    era,
                    merged_into: opt(cell(3)),
                    region: opt(cell(4)),
                },
                spellings,
                not_before: split_list(cell(8)).collect(),
                not_after: split_list(cell(9)).collect(),
            });
        }

        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_row = Vec::new();
        for (i, row) in rows.iter().enumerate() {
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

        let mut by_key = HashMap::new();
        let mut spellings = Vec::new();
        // Until-2025/both rows first, so a name in both eras resolves to the pre-merger unit.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| rows[i].province.era == Era::Since2025);
        for i in order {
            let row = &rows[i];
            let mut names = vec![row.province.name];
            names.extend(row.spellings.iter().copied());
            for n in names {
                let k = key(n);
                by_key.entry(strip_unit_prefix(&k).to_owned()).or_insert(i);
                by_key.entry(k.clone()).or_insert(i);
                spellings.push((k, row.province.name));
            }
        }
        spellings.sort();
        spellings.dedup();
        Tables {
            rows,
            pattern_row,
            matcher,
            by_key,
            spellings,
        }
    })
}

/// A province mention found in text: byte range and canonical name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
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

fn accept(text: &str, start: usize, end: usize, row: &Row) -> bool {
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
    if NOT_A_PROVINCE_AFTER.contains(&prev) {
        // "thành phố Hải Phòng" is the province itself, "phố Huế" a street.
        let (before_prev, _) = prev_word(text, prev_start);
        if !(prev == "phố" || prev == "Phố") || !matches!(before_prev, "thành" | "Thành") {
            return false;
        }
    }
    if NAME_SYLLABLES.contains(&prev) {
        return false;
    }
    true
}

/// Every province mention in already-normalised text, in text order, without overlaps.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let t = tables();
    let mut found: Vec<Mention> = Vec::new();
    for m in t.matcher.find_overlapping_iter(text) {
        let row = &t.rows[t.pattern_row[m.pattern().as_usize()]];
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
/// than any other.
pub fn extract_provinces(title: &str, source: Option<&str>, body: &str) -> ArticleProvinces {
    let source = source.map(normalize_text);
    extract_provinces_normalized(
        &normalize_text(title),
        source.as_deref(),
        &normalize_text(body),
    )
}

/// `extract_provinces` for texts already through `normalize_text`.
pub fn extract_provinces_normalized(
    title: &str,
    source: Option<&str>,
    body: &str,
) -> ArticleProvinces {
    let title_m = find_mentions(title);
    let body_m = find_mentions(body);
    let source_m = source.map(find_mentions).unwrap_or_default();

    let mut all: Vec<String> = title_m
        .iter()
        .chain(&body_m)
        .chain(&source_m)
        .map(|m| m.name.to_owned())
        .collect();
    all.sort();
    all.dedup();

    let primary = source_m
        .first()
        .map(|m| m.name)
        .or_else(|| venue_province(body, &body_m))
        .or_else(|| venue_province(title, &title_m))
        .or_else(|| title_m.first().map(|m| m.name))
        .or_else(|| most_mentioned(&body_m))
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

/// Finds a province from a user's filter text: any alias, any tone placement, with or without
/// diacritics, case-insensitive ("dak lak", "TP.HCM", "hoa binh"). A name in both eras resolves to
/// the until-2025 unit.
pub fn lookup_province(name: &str) -> Option<&'static Province> {
    let t = tables();
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    t.by_key
        .get(&k)
        .or_else(|| t.by_key.get(strip_unit_prefix(&k)))
        .map(|&i| &t.rows[i].province)
}

/// Every unit of the table (both eras), in table order.
pub fn all_provinces() -> impl Iterator<Item = &'static Province> {
    tables().rows.iter().map(|r| &r.province)
}

/// Region from user text (with or without diacritics): the canonical region name.
pub fn lookup_region(name: &str) -> Option<&'static str> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    let k = k.strip_prefix("vung").filter(|r| r.len() > 3).unwrap_or(&k);
    REGIONS
        .iter()
        .find(|(canon, aliases)| key(canon) == k || aliases.iter().any(|a| key(a) == k))
        .map(|(canon, _)| *canon)
}

/// The since-2025 unit a province (by canonical name or alias) belongs to now: "Hòa Bình" →
/// "Phú Thọ", "Hà Nội" → "Hà Nội".
pub fn current_unit(name: &str) -> Option<&'static str> {
    let p = by_name(name).or_else(|| lookup_province(name))?;
    match p.era {
        Era::Until2025 => p.merged_into,
        Era::Both | Era::Since2025 => Some(p.name),
    }
}

fn by_name(name: &str) -> Option<&'static Province> {
    let rows = &tables().rows;
    let find = |era_ok: fn(Era) -> bool| {
        rows.iter()
            .map(|r| &r.province)
            .find(|p| p.name == name && era_ok(p.era))
    };
    find(|e| e != Era::Since2025).or_else(|| find(|e| e == Era::Since2025))
}

/// The region of a province by canonical name: the pre-merger region for a pre-merger name (all
/// extracted names are), so "Gia Lai" → "Tây Nguyên".
pub fn region_of(name: &str) -> Option<&'static str> {
    by_name(name).and_then(|p| p.region)
}

/// The region of a since-2025 unit; `None` for the since-2025 Gia Lai (sources disagree).
pub fn region_of_unit(name: &str) -> Option<&'static str> {
    tables()
        .rows
        .iter()
        .map(|r| &r.province)
        .find(|p| p.name == name && p.era != Era::Until2025)
        .and_then(|p| p.region)
}

/// Edit distance over chars; inputs are short keys.
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `n` closest candidates by edit distance on folded keys, within a distance that grows with
/// the input's length; canonical names, deduplicated.
pub(crate) fn closest<'a>(
    input_key: &str,
    candidates: impl Iterator<Item = (String, &'a str)>,
    n: usize,
) -> Vec<&'a str> {
    let limit = (input_key.chars().count() / 2).max(2);
    let mut scored: Vec<(usize, &'a str)> = candidates
        .filter_map(|(k, name)| {
            let d = levenshtein(input_key, &k);
            (d <= limit).then_some((d, name))
        })
        .collect();
    scored.sort();
    let mut out: Vec<&'a str> = Vec::new();
    for (_, name) in scored {
        if !out.contains(&name) {
            out.push(name);
            if out.len() == n {
                break;
            }
        }
    }
    out
}

/// Up to 3 closest known names (provinces and aliases, compared folded) for "unknown province"
/// messages.
pub fn suggest_provinces(name: &str) -> Vec<&'static str> {
    let k = key(name);
    let k = strip_unit_prefix(&k).to_owned();
    closest(
        &k,
        tables().spellings.iter().map(|(k, n)| (k.clone(), *n)),
        3,
    )
}

/// Up to 3 closest region names.
pub fn suggest_regions(name: &str) -> Vec<&'static str> {
    let k = key(name);
    closest(
        &k,
        REGIONS.iter().flat_map(|(canon, aliases)| {
            std::iter::once((key(canon), *canon)).chain(aliases.iter().map(|a| (key(a), *canon)))
        }),
        3,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_support::{raw_sample, seed, split_raw};

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
        let a = extract_provinces(
            "Bí thư làm việc",
            Some("Tỉnh uỷ Hoà Bình"),
            "Tỉnh Sơn La cũng dự.",
        );
        assert_eq!(a.primary.as_deref(), Some("Hòa Bình"));
        assert_eq!(a.all, ["Hòa Bình", "Sơn La"]);
        let b = extract_provinces(
            "Hội nghị",
            None,
            "Ngày 8/12, tại thành phố Buôn Ma Thuột, tỉnh Đắk Lắk, đại biểu Khánh Hòa dự.",
        );
        assert_eq!(b.primary.as_deref(), Some("Đắk Lắk"));
        let c = extract_provinces(
            "Giao ban tại Hải Phòng",
            None,
            "Đại biểu Hà Nội, Hà Nội phát biểu.",
        );
        assert_eq!(c.primary.as_deref(), Some("Hải Phòng"));
        let d = extract_provinces("Tin", None, "tư tưởng Hồ Chí Minh, hòa bình");
        assert_eq!(d, ArticleProvinces::default());
        let e = extract_provinces(
            "Tin",
            None,
            "Tỉnh ủy Lạng Sơn họp. Đảng bộ tỉnh Lạng Sơn, Cao Bằng.",
        );
        assert_eq!(e.primary.as_deref(), Some("Lạng Sơn"));
        let f = extract_provinces(
            "Quốc hội thảo luận",
            None,
            "Đại biểu Đồng Nai, đại biểu Cà Mau.",
        );
        assert_eq!((f.primary, f.all.len()), (None, 2));
    }

    #[test]
    fn lookups() {
        let cases = [
            ("dak lak", "Đắk Lắk"),
            ("Đắc Lắc", "Đắk Lắk"),
            ("TP.HCM", "Hồ Chí Minh"),
            ("tp hcm", "Hồ Chí Minh"),
            ("ho chi minh", "Hồ Chí Minh"),
            ("hoa binh", "Hòa Bình"),
            ("Hoà Bình", "Hòa Bình"),
            ("HÒA BÌNH", "Hòa Bình"),
            ("thua thien hue", "Huế"),
            ("tỉnh Khánh Hòa", "Khánh Hòa"),
            ("ba ria vung tau", "Bà Rịa - Vũng Tàu"),
        ];
        for (input, want) in cases {
            assert_eq!(
                lookup_province(input).map(|p| p.name),
                Some(want),
                "{input}"
            );
        }
        assert_eq!(lookup_province("Phú Thọ").unwrap().era, Era::Until2025);
        assert_eq!(lookup_province("Hà Nội").unwrap().era, Era::Both);
        assert!(lookup_province("Hà Tây").is_none());
        assert!(lookup_province("").is_none());
        assert_eq!(current_unit("Hòa Bình"), Some("Phú Thọ"));
        assert_eq!(current_unit("Hà Nội"), Some("Hà Nội"));
        assert_eq!(current_unit("Trà Vinh"), Some("Vĩnh Long"));
        assert_eq!(current_unit("Atlantis"), None);
        assert_eq!(region_of("Quảng Ninh"), Some("Đồng bằng sông Hồng"));
        assert_eq!(region_of("Gia Lai"), Some("Tây Nguyên"));
        assert_eq!(region_of_unit("Gia Lai"), None);
        assert_eq!(
            region_of_unit("Phú Thọ"),
            Some("Trung du và miền núi phía Bắc")
        );
        assert_eq!(lookup_region("tay nguyen"), Some("Tây Nguyên"));
        assert_eq!(lookup_region("ĐBSCL"), Some("Đồng bằng sông Cửu Long"));
        assert_eq!(
            lookup_region("dong bang song cuu long"),
            Some("Đồng bằng sông Cửu Long")
        );
        assert_eq!(lookup_region("Bắc Cực"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest_provinces("Dak Lac").first(), Some(&"Đắk Lắk"));
        assert_eq!(suggest_provinces("Ha Noii").first(), Some(&"Hà Nội"));
        assert!(suggest_provinces("Hoa Binhh").contains(&"Hòa Bình"));
        assert!(suggest_provinces("zzzzzzzzzzzz").is_empty());
        assert!(suggest_provinces("Quang Nm").len() <= 3);
        assert_eq!(suggest_regions("tay nguye").first(), Some(&"Tây Nguyên"));
    }

    #[test]
    fn table_is_consistent() {
        let rows: Vec<_> = all_provinces().collect();
        assert_eq!(rows.len(), 86);
        let before = rows.iter().filter(|p| p.era != Era::Since2025).count();
        let after = rows.iter().filter(|p| p.era != Era::Until2025).count();
        assert_eq!((before, after), (63, 34));
        for p in rows.iter().filter(|p| p.era == Era::Until2025) {
            let target = p.merged_into.expect("merged_into");
            assert!(
                rows.iter()
                    .any(|q| q.name == target && q.era != Era::Until2025),
                "{target}"
            );
        }
        // No folded spelling may lead to two different provinces.
        let t = tables();
        for w in t.spellings.windows(2) {
            assert!(
                w[0].0 != w[1].0 || w[0].1 == w[1].1,
                "{:?} / {:?}",
                w[0],
                w[1]
            );
        }
    }

    fn seed_provinces(prefix: &str) -> ArticleProvinces {
        let raw = seed(prefix);
        let a = split_raw(&raw);
        extract_provinces(&a.title, a.source.as_deref(), &a.body)
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
        for (name, text) in &articles {
            let norm = normalize_text(text);
            let (title, body) = norm.split_once('\n').unwrap_or((&norm, ""));
            let found = extract_provinces(title, None, body);
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
