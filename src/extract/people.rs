//! People named with an office beside the name. Precision first: a wrong name in the person
//! facet is worse than a missing one, so a name is only taken where the text itself says it is
//! one, in the three ways the news writes an official:
//! - the office before the name, its body between: "Bí thư Thành uỷ Hải Phòng Lê Tiến Châu",
//!   "Phó Chủ tịch UBND tỉnh Quảng Trị - ông Hoàng Nam";
//! - the name, then the office after a comma, a dash or a parenthesis, possibly a chain of
//!   them: "đồng chí Nguyễn Phi Long, Ủy viên dự khuyết BCH TƯ Đảng, Bí thư Tỉnh ủy";
//! - a list under a plural office: "Các Phó Thủ tướng Trịnh Đình Dũng, Vũ Đức Đam".
//!
//! A name is a run of two to four capitalised Vietnamese syllables that starts with a family
//! name (`surnames.txt`), ends where the capitals end, and holds no word that cannot be part of
//! a name (`person_words.txt`); a province (`extract::province`) or a known place or body
//! ("Hàn Quốc", "Ngô Quyền") is never part of one. After an administrative unit ("huyện Krông
//! Bông Nguyễn Văn A") the run must hold a place before the name; right after a district or
//! commune committee a two-syllable run is taken for the place it usually is.
//!
//! The role of a person is the office nearest the name at its first mention with one, skipping
//! seats on committees ("Ủy viên Bộ Chính trị") unless nothing else is written; offices come
//! from `roles.tsv`, which also normalises them ("Phó Bí thư Thường trực Tỉnh ủy" → "Phó Bí
//! thư", "Chủ tịch xã" → "Chủ tịch UBND").
//!
//! Why one file of over 600 lines: the three forms share one reading of a name (the run of
//! capitals, its stops, its places) and one reading of an office (role, body, chain); each form
//! is a short function over those, and split apart they would pass the same cursor state and
//! tables between files.

use std::borrow::Cow;

use crate::data::people::{tables, PeopleTables, RoleRow};
use crate::data::provinces::unit_or_feature_words;
use crate::extract::province::{find_mentions, Mention};
use crate::model::facts::Person;
use crate::text::fold;
use crate::text::normalize::canonical_lower;
use crate::text::words::is_alphanumeric;

/// The longest body written between an office and a name, in words ("Ủy ban nhân dân thành phố
/// Hồ Chí Minh" is 9); past it the office has no name beside it.
const MAX_BODY_WORDS: usize = 14;
/// The longest chain of offices after a name ("Ủy viên BCT, Bí thư TƯ Đảng, Trưởng ban …").
const MAX_CHAIN: usize = 5;

/// The key a person is filtered by: the name folded (no marks, đ→d), lower case, one i/y
/// spelling, single spaces; "Nguyễn Thị Kim Ngân", "nguyen thi kim ngan" and "NGUYỄN  THỊ KIM
/// NGÂN" are one person.
pub fn person_key(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fold(&canonical_lower(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word of the text, with the characters between it and the previous word.
#[derive(Debug)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Lower case; the text itself when it is already (most words are).
    lower: Cow<'a, str>,
    gap: &'a str,
    /// Inside a province mention or a `not_a_name` phrase.
    place: bool,
    /// Can be a syllable of a name (see [`Scanner::is_name_syllable`]); computed once.
    name: bool,
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut last_end = 0;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if i < text.len() && is_alphanumeric(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                start: s,
                end: i,
                text: &text[s..i],
                lower: lower_case(&text[s..i]),
                gap: &text[last_end..s],
                place: false,
                name: false,
            });
            last_end = i;
        }
    }
    out
}

/// `word` in lower case, borrowed when lower-casing changes nothing.
fn lower_case(word: &str) -> Cow<'_, str> {
    let unchanged = word.chars().all(|c| {
        if c.is_ascii() {
            return !c.is_ascii_uppercase();
        }
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    });
    if unchanged {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// A gap that joins two words of one phrase: spaces only, no line break.
fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t')
}

/// A gap between a name and the office after it: ", ", " - ", " – ", " (".
fn opens_apposition(gap: &str) -> bool {
    let marks: Vec<char> = gap.chars().filter(|c| !c.is_whitespace()).collect();
    !gap.contains('\n') && matches!(marks[..], [',' | '-' | '–' | '('])
}

/// Whether a lower-case, mark-free syllable is spelled like a Vietnamese one: an initial
/// consonant, one to three vowels, a final consonant. Rules out "James", "Prayut", "Jong".
fn is_vietnamese_syllable(folded: &str) -> bool {
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const FINALS: [&str; 9] = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];
    let rhyme_ok = |rest: &str| {
        let vowels = rest
            .chars()
            .take_while(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
            .count();
        (1..=3).contains(&vowels) && FINALS.contains(&&rest[vowels..])
    };
    INITIALS.iter().any(|initial| {
        folded
            .strip_prefix(initial)
            .is_some_and(|rest| rhyme_ok(rest) || (*initial == "gi" && FINALS[..8].contains(&rest)))
    })
}

/// A capitalised Vietnamese syllable of two to seven letters that is not a word names never
/// hold ("Tỉnh", "Ban", "UBND").
fn name_syllable(t: &PeopleTables, text: &str, lower: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && chars.all(char::is_lowercase)
        && (2..=7).contains(&text.chars().count())
        && !t.not_in_name.contains(text)
        && is_vietnamese_syllable(&fold(lower))
}

struct Scanner<'a> {
    t: &'static PeopleTables,
    tokens: Vec<Token<'a>>,
}

/// A person found at one mention.
#[derive(Debug)]
struct Found {
    name: String,
    role: &'static str,
    membership: bool,
    /// The title's catch-all row ("Chủ tịch" with no body) where the table knows more
    /// specific ones: a later mention may say which ("Chủ tịch UBND").
    generic: bool,
    role_as_written: String,
    body: Option<String>,
}

/// An office matched at a token: its table rows' title, where the title ends and the body.
struct Office {
    /// First token of the office (its prefix words excluded).
    start: usize,
    /// One past the title's last token.
    title_end: usize,
    /// One past the body's last token.
    end: usize,
    /// Rows of the title, in table order.
    rows: Vec<usize>,
}

impl<'a> Scanner<'a> {
    /// The scanner of `text`, whose province mentions are `mentions` (`find_mentions`).
    fn new(text: &'a str, mentions: &[Mention]) -> Scanner<'a> {
        let t = tables();
        let mut tokens = tokenize(text);
        // Tokens are in text order: those inside a mention start at the first token at or
        // after its start (a binary search, not a pass over every token per mention).
        for m in mentions {
            let first = tokens.partition_point(|tok| tok.start < m.start);
            for tok in tokens[first..]
                .iter_mut()
                .take_while(|tok| tok.end <= m.end)
            {
                tok.place = true;
            }
        }
        // Only tokens that start some phrase are tried against the phrases (most start none).
        for i in 0..tokens.len() {
            let Some(phrases) = t.not_a_name_by_first.get(tokens[i].text) else {
                continue;
            };
            for &p in phrases {
                let phrase = &t.not_a_name[p];
                let n = phrase.len();
                // "Dương Trung Quốc" is a person, "Trung Quốc" alone a country.
                let after_surname =
                    i > 0 && is_space(tokens[i].gap) && t.surnames.contains(tokens[i - 1].text);
                if !after_surname
                    && i + n <= tokens.len()
                    && (0..n).all(|k| {
                        tokens[i + k].text == phrase[k] && (k == 0 || is_space(tokens[i + k].gap))
                    })
                {
                    for tok in &mut tokens[i..i + n] {
                        tok.place = true;
                    }
                }
            }
        }
        for tok in &mut tokens {
            tok.name = name_syllable(t, tok.text, &tok.lower);
        }
        Scanner { t, tokens }
    }

    fn text_of(&self, from: usize, to: usize, source: &'a str) -> &'a str {
        &source[self.tokens[from].start..self.tokens[to - 1].end]
    }

    /// Whether the gap before token `k` stays inside the name of a body: spaces, or the one
    /// mark of "Lao động - Thương binh", "GD&ĐT", "TP.HCM", "T.Ư", "Tp. Đà Nẵng"; a full stop
    /// only after an abbreviation, else it ends the sentence.
    fn joins_body(&self, k: usize) -> bool {
        let gap = self.tokens[k].gap;
        let marks: Vec<char> = gap.chars().filter(|c| !c.is_whitespace()).collect();
        if gap.is_empty() || gap.contains('\n') || marks.len() > 1 {
            return false;
        }
        match marks.first() {
            None => true,
            Some('-' | '–' | '&' | '/') => true,
            Some('.') => {
                let prev = self.tokens[k - 1].text;
                let abbreviation =
                    prev.chars().count() <= 4 && prev.chars().all(char::is_uppercase);
                (gap == "." && abbreviation) || self.tokens[k - 1].lower == "tp"
            }
            _ => false,
        }
    }

    /// The honorific written at `i`, if any: the index after it.
    fn honorific_at(&self, i: usize) -> Option<usize> {
        self.longest_at(i, &self.t.honorifics)
    }

    /// A capitalised word that can be a syllable of a name.
    fn is_name_syllable(&self, i: usize) -> bool {
        self.tokens[i].name
    }

    /// The maximal run of name syllables joined by spaces that starts at `i`.
    fn run_from(&self, i: usize) -> usize {
        let mut end = i;
        while end < self.tokens.len()
            && self.is_name_syllable(end)
            && (end == i || is_space(self.tokens[end].gap))
        {
            end += 1;
        }
        end
    }

    /// Whether the word sequence `words` is written at token `i` (spaces or marks between).
    fn words_at(&self, i: usize, words: &[String]) -> bool {
        i + words.len() <= self.tokens.len()
            && words.iter().enumerate().all(|(k, w)| {
                self.tokens[i + k].lower == *w
                    && (k == 0 || !self.tokens[i + k].gap.contains([',', ';', ':', '\n']))
            })
    }

    /// The longest entry of `list` written at `i`: the index after it.
    fn longest_at(&self, i: usize, list: &[Vec<String>]) -> Option<usize> {
        list.iter()
            .filter(|w| self.words_at(i, w))
            .map(|w| i + w.len())
            .max()
    }

    /// Prefix words ("nguyên", "quyền") then an office, at `i`; the body is not read yet.
    fn office_at(&self, mut i: usize) -> Option<Office> {
        let first = &self.tokens.get(i)?.lower;
        if !self.t.roles_by_first_word.contains_key(first.as_ref())
            && !self.t.role_prefixes.iter().any(|p| p[0] == *first)
        {
            return None;
        }
        while let Some(next) = self.longest_at(i, &self.t.role_prefixes) {
            if next >= self.tokens.len() || !is_space(self.tokens[next].gap) {
                break;
            }
            i = next;
        }
        let candidates = self
            .t
            .roles_by_first_word
            .get(self.tokens.get(i)?.lower.as_ref())?;
        let longest = candidates
            .iter()
            .map(|&r| &self.t.roles[r].title)
            .filter(|title| {
                self.words_at(i, title)
                    && (1..title.len()).all(|k| is_space(self.tokens[i + k].gap))
            })
            .map(Vec::len)
            .max()?;
        let rows = candidates
            .iter()
            .copied()
            .filter(|&r| self.t.roles[r].title.len() == longest)
            .filter(|&r| self.words_at(i, &self.t.roles[r].title))
            .collect();
        Some(Office {
            start: i,
            title_end: i + longest,
            end: i + longest,
            rows,
        })
    }

    /// The row that names this office: the first whose body start is written after the title.
    fn role_row(&self, office: &Office) -> &'static RoleRow {
        let t = self.t;
        office
            .rows
            .iter()
            .map(|&r| &t.roles[r])
            .find(|row| {
                row.body_starts.is_empty()
                    || (office.title_end < office.end
                        && row.body_starts.iter().any(|start| {
                            office.title_end + start.len() <= office.end
                                && self.words_at(office.title_end, start)
                        }))
            })
            .unwrap_or(&t.roles[office.rows[0]])
    }

    /// A word that may continue the name of a body after an office.
    fn is_body_word(&self, i: usize) -> bool {
        let tok = &self.tokens[i];
        let first = tok.text.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || first.is_ascii_digit()
            || self.t.body_words.contains(tok.lower.as_ref())
    }

    /// The administrative unit written right before `i` ("huyện", "thành phố"), if any; `true`
    /// for a province-level one, whose places are all known provinces.
    fn admin_unit_before(&self, i: usize) -> Option<bool> {
        self.t
            .admin_units
            .iter()
            .find(|unit| {
                i >= unit.len()
                    && self.words_at(i - unit.len(), unit)
                    && is_space(self.tokens[i].gap)
            })
            .map(|unit| matches!(unit.join(" ").as_str(), "tỉnh" | "thành phố" | "tp"))
    }

    fn after_admin_unit(&self, i: usize) -> bool {
        self.admin_unit_before(i).is_some()
    }

    /// A run right after a street, a ward, a school ("đường Nguyễn Trãi", "Trường THPT Lê
    /// Quý Đôn") names the place, not a person.
    fn after_place_word(&self, i: usize) -> bool {
        i > 0
            && is_space(self.tokens[i].gap)
            && (unit_or_feature_words().contains(&self.tokens[i - 1].text)
                || self
                    .t
                    .before_place
                    .contains(self.tokens[i - 1].lower.as_ref())
                || self.after_admin_unit(i))
    }

    fn after_local_committee(&self, i: usize) -> bool {
        i >= 2
            && self.t.local_committees.iter().any(|c| {
                c.len() == 2 && self.tokens[i - 2].text == c[0] && self.tokens[i - 1].text == c[1]
            })
    }

    /// The name inside the run `from..to` of name syllables: the first split whose tail starts
    /// with a family name, has two to four syllables and no place in it, after a prefix that
    /// is a place (or nothing, where nothing has to be there).
    fn name_in_run(&self, from: usize, to: usize, needs_place: bool) -> Option<usize> {
        // After a unit, a place comes first: two syllables at least, or a known place. A
        // province-level unit names a known province, so a longer run with none is a name
        // ("Chủ tịch Ủy ban nhân dân tỉnh Phạm Thiện Nghĩa").
        let province_level = self.admin_unit_before(from) == Some(true);
        (from..to).find(|&s| {
            let len = to - s;
            let placed =
                s - from >= 2 || (s > from && self.tokens[from..s].iter().all(|t| t.place));
            (2..=4).contains(&len)
                && (!needs_place || placed || (s == from && province_level && len >= 3))
                && self.t.surnames.contains(self.tokens[s].text)
                && !self.t.middle_names.contains(self.tokens[to - 1].text)
                && self.tokens[s..to].iter().all(|tok| !tok.place)
                && !(s == from && len == 2 && self.after_local_committee(from))
        })
    }

    /// A name opened by an honorific at `h` ("ông Hoàng Nam"): its range.
    fn honoured_name(&self, h: usize) -> Option<(usize, usize)> {
        let n = self.tokens.len();
        let after = self.honorific_at(h)?;
        if after >= n || !is_space(self.tokens[after].gap) || !self.is_name_syllable(after) {
            return None;
        }
        let to = self.run_from(after);
        (self.name_in_run(after, to, false) == Some(after)).then_some((after, to))
    }

    /// Reads the body after an office's title, up to a name written right after it (returned
    /// as its token range) or the first word that belongs to neither.
    fn body_then_name(&self, office: &mut Office) -> Option<(usize, usize)> {
        let n = self.tokens.len();
        let mut k = office.title_end;
        while k < n && k - office.title_end <= MAX_BODY_WORDS {
            let gap = self.tokens[k].gap;
            if k == office.title_end && !is_space(gap) {
                return None;
            }
            if k > office.title_end && !self.joins_body(k) {
                // "…Tỉnh ủy Hà Nam, bà Lê Thị Thủy": an honorific opens the name.
                if opens_apposition(gap) && !gap.contains('(') {
                    let name = self.honoured_name(k)?;
                    office.end = k;
                    return Some(name);
                }
                // "Cục trưởng Cục Báo chí (Bộ Thông tin & Truyền thông) Lưu Đình Phúc".
                if gap.trim() == "(" {
                    let close =
                        (k + 1..n.min(k + 10)).find(|&j| self.tokens[j].gap.contains(')'))?;
                    let after = self.tokens[close].gap.trim();
                    if after == ")" && self.is_name_syllable(close) {
                        let to = self.run_from(close);
                        if self.name_in_run(close, to, false) == Some(close) {
                            office.end = k;
                            return Some((close, to));
                        }
                    }
                }
                return None;
            }
            let word = self.tokens[k].lower.as_ref();
            // "Bí thư Tỉnh ủy là ông Phạm Duy Cường".
            if word == "là" {
                let name = self.honoured_name(k + 1)?;
                office.end = k;
                return Some(name);
            }
            if self.is_name_syllable(k)
                && (k == office.title_end || !self.is_name_syllable(k - 1) || !is_space(gap))
            {
                let to = self.run_from(k);
                let after_place_word = k > 0
                    && self
                        .t
                        .before_place
                        .contains(self.tokens[k - 1].lower.as_ref())
                    && !self.after_admin_unit(k);
                if !after_place_word {
                    if let Some(s) = self.name_in_run(k, to, self.after_admin_unit(k)) {
                        office.end = s;
                        return Some((s, to));
                    }
                }
                k = to;
                continue;
            }
            // "Trưởng Công an huyện Phú Xuyên Đại tá Nguyễn Đình Chiến"; not "… và ông B".
            let joined = k > 0
                && matches!(
                    self.tokens[k - 1].lower.as_ref(),
                    "và" | "cùng" | "với" | "của"
                );
            if !joined {
                if let Some(name) = self.honoured_name(k) {
                    office.end = k;
                    return Some(name);
                }
            }
            if !self.is_body_word(k) || self.t.sentence_words.contains(self.tokens[k].text) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Extends an office after a name over its body: up to the first word that belongs to
    /// neither a body nor a place.
    fn read_body(&self, office: &mut Office) {
        let n = self.tokens.len();
        let mut k = office.title_end;
        while k < n
            && k - office.title_end < MAX_BODY_WORDS
            && self.joins_body(k)
            && self.is_body_word(k)
            && !self.t.sentence_words.contains(self.tokens[k].text)
            // "…Thành ủy Hải Phòng phát biểu": a lower-case word after a place ends the body.
            && (!self.tokens[k - 1].place || self.tokens[k].text.starts_with(char::is_uppercase))
            && self.office_at(k).is_none()
        {
            k += 1;
        }
        while k > office.title_end + 1 && matches!(self.tokens[k - 1].lower.as_ref(), "và" | "của")
        {
            k -= 1;
        }
        office.end = k;
    }

    fn found(&self, name: (usize, usize), office: &Office, source: &str) -> Found {
        let row = self.role_row(office);
        // "Phó Trưởng Ban Tổ chức Tỉnh ủy": the body is the Ban itself.
        let from = if self.tokens[office.title_end - 1].lower == "ban" {
            office.title_end - 1
        } else {
            office.title_end
        };
        let body = (office.title_end < office.end)
            .then(|| self.text_of(from, office.end, source).to_owned());
        Found {
            name: self.text_of(name.0, name.1, source).to_owned(),
            role: row.role,
            membership: row.membership,
            generic: row.body_starts.is_empty() && office.rows.len() > 1,
            role_as_written: self.text_of(office.start, office.end, source).to_owned(),
            body,
        }
    }

    /// Every mention, in text order.
    fn scan(&self, source: &str) -> Vec<Found> {
        let n = self.tokens.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            // The office before the name.
            if let Some(mut office) = self.office_at(i) {
                if let Some(name) = self.body_then_name(&mut office) {
                    out.push(self.found(name, &office, source));
                    let plural = office.start > 0 && self.tokens[office.start - 1].lower == "các";
                    let mut end = name.1;
                    // "Các Phó Thủ tướng A, B và C": each one under the same office.
                    while plural && end < n {
                        let gap = self.tokens[end].gap;
                        let next = if opens_apposition(gap) && gap.contains(',') {
                            end
                        } else if is_space(gap)
                            && self.tokens[end].lower == "và"
                            && end + 1 < n
                            && is_space(self.tokens[end + 1].gap)
                        {
                            end + 1
                        } else {
                            break;
                        };
                        let to = self.run_from(next);
                        if self.name_in_run(next, to, false) != Some(next) {
                            break;
                        }
                        out.push(self.found((next, to), &office, source));
                        end = to;
                    }
                    i = end;
                    continue;
                }
            }
            // The name, then the office after it.
            if self.is_name_syllable(i)
                && (i == 0 || !self.is_name_syllable(i - 1) || !is_space(self.tokens[i].gap))
                && !self.after_place_word(i)
            {
                let to = self.run_from(i);
                if let Some(s) = self.name_in_run(i, to, false) {
                    // Before the name: nothing, a place, or a capitalised honorific ("Anh").
                    let leads = s == i
                        || self.tokens[i..s].iter().all(|t| t.place)
                        || self.honorific_at(i) == Some(s);
                    if leads {
                        if let Some(found) = self.offices_after((s, to), source) {
                            out.push(found);
                            i = to;
                            continue;
                        }
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// The chain of offices after a name; the first that is not a seat on a committee names
    /// the role, else the first.
    fn offices_after(&self, name: (usize, usize), source: &str) -> Option<Found> {
        let n = self.tokens.len();
        let mut at = name.1;
        if at >= n {
            return None;
        }
        let gap = self.tokens[at].gap;
        if gap.trim() == "(" {
            // "ông Phạm Trung Thành (SN 1964)- Trưởng phòng": past the parenthesis.
            if let Some(close) = (at + 1..n.min(at + 8)).find(|&j| self.tokens[j].gap.contains(')'))
            {
                let rest: String = self.tokens[close]
                    .gap
                    .chars()
                    .filter(|&c| c != ')')
                    .collect();
                if opens_apposition(&rest) && !rest.contains('(') {
                    at = close;
                }
            }
        } else if !opens_apposition(gap) {
            return None;
        }
        let mut first: Option<Found> = None;
        for _ in 0..MAX_CHAIN {
            let Some(mut office) = self.office_at(at) else {
                break;
            };
            self.read_body(&mut office);
            let found = self.found(name, &office, source);
            if !found.membership {
                return Some(found);
            }
            first.get_or_insert(found);
            // A seat's body may hold any words ("Ủy viên dự khuyết BCH TƯ Đảng"): the next
            // office of the chain comes after a comma.
            at = office.end;
            while at < n && at - office.end < MAX_BODY_WORDS && is_space(self.tokens[at].gap) {
                at += 1;
            }
            if at >= n
                || !(opens_apposition(self.tokens[at].gap) && self.tokens[at].gap.contains(','))
            {
                break;
            }
        }
        first
    }
}

/// The people an article names with an office beside the name, in order of first mention: the
/// title first, then the text (both already through `normalize_text`). One entry per person
/// (by [`person_key`]); the role is the first office found for them that is not a seat on a
/// committee, else the first seat; a catch-all title ("Chủ tịch") gives way to a specific one
/// written later ("Chủ tịch UBND").
pub fn extract_people(title: &str, text: &str) -> Vec<Person> {
    people_of((title, &find_mentions(title)), (text, &find_mentions(text)))
}

/// [`extract_people`] for a title and a text whose province mentions are known already (the
/// pipeline finds them once for the provinces and the people).
pub fn people_of(title: (&str, &[Mention]), text: (&str, &[Mention])) -> Vec<Person> {
    let mut found: Vec<Found> = Vec::new();
    for (part, mentions) in [title, text] {
        if part.is_empty() {
            continue;
        }
        let scanner = Scanner::new(part, mentions);
        found.extend(scanner.scan(part));
    }
    // Per person: its key, what is known, and whether its role may still be bettered (a seat
    // by an office, a catch-all title by a specific one).
    let mut people: Vec<(String, Person, u8)> = Vec::new();
    let rank = |f: &Found| match (f.membership, f.generic) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    };
    for f in found {
        let key = person_key(&f.name);
        let better = rank(&f);
        match people.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, person, known)) => {
                if better > *known {
                    person.role = f.role.to_owned();
                    person.role_as_written = f.role_as_written;
                    person.body = f.body;
                    *known = better;
                }
            }
            None => people.push((
                key,
                Person {
                    name: f.name,
                    role: f.role.to_owned(),
                    role_as_written: f.role_as_written,
                    body: f.body,
                },
                better,
            )),
        }
    }
    people.into_iter().map(|(_, p, _)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_text;

    fn people(text: &str) -> Vec<(String, String, String, Option<String>)> {
        extract_people("", &normalize_text(text))
            .into_iter()
            .map(|p| (p.name, p.role, p.role_as_written, p.body))
            .collect()
    }

    fn names_roles(text: &str) -> Vec<(String, String)> {
        people(text)
            .into_iter()
            .map(|(n, r, _, _)| (n, r))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn the_issues_examples() {
        assert_eq!(
            people(
                "Dự hội nghị có đồng chí Nguyễn Phi Long, Ủy viên dự khuyết BCH TƯ Đảng, Bí thư \
                 Tỉnh ủy, Chủ tịch HĐND tỉnh."
            ),
            vec![(
                "Nguyễn Phi Long".into(),
                "Bí thư".into(),
                "Bí thư Tỉnh ủy".into(),
                Some("Tỉnh ủy".into())
            )]
        );
        assert_eq!(
            people("Phó Bí thư Thường trực Tỉnh ủy Trà Vinh Ngô Chí Cường phát biểu."),
            vec![(
                "Ngô Chí Cường".into(),
                "Phó Bí thư".into(),
                "Phó Bí thư Thường trực Tỉnh ủy Trà Vinh".into(),
                Some("Tỉnh ủy Trà Vinh".into())
            )]
        );
        assert_eq!(
            people("Bí thư Thành uỷ Hải Phòng Lê Tiến Châu chủ trì."),
            vec![(
                "Lê Tiến Châu".into(),
                "Bí thư".into(),
                "Bí thư Thành ủy Hải Phòng".into(),
                Some("Thành ủy Hải Phòng".into())
            )]
        );
    }

    #[test]
    fn offices_before_the_name() {
        for (text, expected) in [
            (
                "Chủ tịch UBND Thành phố Hà Nội Nguyễn Đức Chung đã có văn bản",
                vec![("Nguyễn Đức Chung", "Chủ tịch UBND")],
            ),
            (
                "Sáng nay, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến đã đến",
                vec![("Nguyễn Thị Kim Tiến", "Bộ trưởng")],
            ),
            (
                "Phó Chủ tịch UBND tỉnh Quảng Trị - ông Hoàng Nam đã dẫn đầu",
                vec![("Hoàng Nam", "Phó Chủ tịch UBND")],
            ),
            (
                "Tại cuộc họp, Bí thư Tỉnh ủy Hà Nam, bà Lê Thị Thủy yêu cầu",
                vec![("Lê Thị Thủy", "Bí thư")],
            ),
            (
                "Thứ trưởng Bộ Xây dựng Đỗ Đức Duy giữ chức Phó Bí thư",
                vec![("Đỗ Đức Duy", "Thứ trưởng")],
            ),
            (
                "ông Vũ Văn Mạnh - Chủ tịch xã Quảng Bị, huyện Chương Mỹ cho biết",
                vec![("Vũ Văn Mạnh", "Chủ tịch UBND")],
            ),
            (
                "Các Phó Thủ tướng Chính phủ Trịnh Đình Dũng, Vũ Đức Đam, Vương Đình Huệ báo cáo",
                vec![
                    ("Trịnh Đình Dũng", "Phó Thủ tướng"),
                    ("Vũ Đức Đam", "Phó Thủ tướng"),
                    ("Vương Đình Huệ", "Phó Thủ tướng"),
                ],
            ),
        ] {
            assert_eq!(names_roles(text), pairs(&expected), "{text}");
        }
    }

    #[test]
    fn no_place_body_or_foreigner_is_a_person() {
        for text in [
            "Chủ tịch UBND tỉnh Lâm Đồng cho biết",
            "Bí thư Tỉnh ủy Hà Tĩnh nói",
            "Chủ tịch UBND huyện Krông Bông kiểm tra",
            "Bí thư Huyện ủy Lâm Hà phát biểu",
            "Bộ trưởng Quốc phòng Mỹ James Mattis nói",
            "Thủ tướng Thái Lan Prayut Chan-ocha khẳng định",
            "Thủ tướng Anh Theresa May cam kết",
            "Thủ tướng Nhật Bản Shinzo Abe cho biết",
            "Thủ tướng Hà Lan Mark Rutte cho biết",
            "Chủ tịch Diễn đàn châu Á - Thái Bình Dương phát biểu",
            "Giám đốc Phạm Văn, ông nói",
            "Trường THPT Lê Quý Đôn, Hiệu trưởng nhà trường",
            "học tập và làm theo tư tưởng Hồ Chí Minh, Chủ tịch Hồ Chí Minh",
            "Trưởng ban Tổ chức Trung ương đã ký",
            "đường Nguyễn Trãi, Giám đốc Sở cho biết",
            "ông Hùng, Chủ tịch UBND xã",
        ] {
            assert_eq!(names_roles(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_place_before_the_name_after_a_unit() {
        assert_eq!(
            names_roles("Chủ tịch UBND huyện Phú Xuyên Nguyễn Văn Thọ trồng cây"),
            pairs(&[("Nguyễn Văn Thọ", "Chủ tịch UBND")])
        );
        assert_eq!(
            names_roles("Bí thư Huyện ủy Lâm Hà Nguyễn Văn Tuấn phát biểu"),
            pairs(&[("Nguyễn Văn Tuấn", "Bí thư")])
        );
    }

    #[test]
    fn one_person_however_the_role_is_written_around_the_name() {
        let found = names_roles(
            "Ủy viên Bộ Chính trị Nguyễn Thiện Nhân làm Trưởng đoàn. Đồng chí Nguyễn Thiện \
             Nhân, Ủy viên Bộ Chính trị, Bí thư Thành ủy Thành phố Hồ Chí Minh phát biểu.",
        );
        assert_eq!(found, pairs(&[("Nguyễn Thiện Nhân", "Bí thư")]));
    }

    #[test]
    fn keys_fold_marks_case_and_spacing() {
        assert_eq!(person_key("Nguyễn Thị Kim Ngân"), "nguyen thi kim ngan");
        assert_eq!(person_key("  NGUYỄN thị  Kim-Ngân "), "nguyen thi kim ngan");
        assert_eq!(person_key("Phạm Sĩ Quý"), person_key("Phạm Sỹ Quý"));
        assert_eq!(person_key("Đinh La Thăng"), "dinh la thang");
    }

    #[test]
    fn syllables_are_spelled_the_vietnamese_way() {
        for ok in [
            "nguyen", "thuong", "huynh", "gin", "quy", "khuong", "a", "oanh",
        ] {
            assert!(is_vietnamese_syllable(ok), "{ok}");
        }
        for bad in ["james", "prayut", "jong", "mattis", "trump", "ocha"] {
            assert!(!is_vietnamese_syllable(bad), "{bad}");
        }
    }
}
