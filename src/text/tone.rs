//! Tone-mark placement: a Vietnamese syllable carries at most one tone mark, and where it sits
//! is a rule of the spelling, not a choice of the writer. "hoà"/"hòa" (the two conventions for
//! open "oa", "oe", "uy") and "baỏ", "lựơng", "nghịêm", "đaị" (a mark typed on the wrong vowel,
//! as some input methods and hurried typing produce) are all re-placed by that rule:
//!
//! 1. on the vowel with a quality mark (ă â ê ô ơ ư); in "ươ" on the "ơ": "lượng", "nghiệm";
//! 2. else, with a final consonant, on the last vowel: "hoàn", "huỳnh";
//! 3. else on the middle of three vowels ("ngoài", "xoáy") or the first of two ("bảo", "hòa",
//!    "thủy", "của"): the placement most news uses today.
//!
//! "qu" and "gi" before a vowel are consonants ("quý", "già"). Only a syllable that parses as
//! Vietnamese (known initial, vowel cluster and final) with a single tone mark is rewritten;
//! anything else (names, loanwords, "café", two marks) is left as typed.

use std::borrow::Cow;
use std::cell::RefCell;

use unicode_normalization::char::{compose, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

use super::memo::{WordMap, MAX_REMEMBERED_WORDS};

const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Longest Vietnamese syllable ("nghiêng") is seven letters.
const MAX_LETTERS: usize = 8;

/// Consonants a syllable may start with ("qu" and "gi" are read separately).
const INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
];

/// Consonants a syllable may end with.
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel clusters of open Vietnamese syllables, without tone (after "qu"/"gi" are taken).
const OPEN_NUCLEI: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu",
];

/// Vowel clusters before a final consonant ("eo", "ua", "ai" … only end a syllable: "Léon" and
/// the typo "chủan" are not Vietnamese syllables).
const CLOSED_NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "iê", "yê", "oa", "oă", "oe", "oo",
    "uâ", "uê", "uô", "ươ", "uy", "uyê",
];

fn is_tone_mark(c: char) -> bool {
    TONE_MARKS.contains(&c)
}

/// Splits a precomposed letter into the letter without its tone and the tone mark, if any.
pub(super) fn split_tone(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c, None);
    }
    // Canonical decompositions are at most four characters long.
    let mut parts = ['\0'; 8];
    let mut len = 0;
    decompose_canonical(c, |d| {
        if len < parts.len() {
            parts[len] = d;
            len += 1;
        }
    });
    let parts = &parts[..len];
    let tone = parts.iter().copied().find(|d| TONE_MARKS.contains(d));
    let Some(tone) = tone else {
        return (c, None);
    };
    let mut base = parts[0];
    for &mark in parts[1..].iter().filter(|&&d| d != tone) {
        base = compose(base, mark).unwrap_or(base);
    }
    (base, Some(tone))
}

/// The letter with a tone mark added: "ê" + dot below is "ệ", which Unicode composes from "ẹ" +
/// circumflex, hence the normalisation when the direct composition does not exist.
fn with_tone(base: char, tone: char) -> Option<char> {
    if let Some(c) = compose(base, tone) {
        return Some(c);
    }
    let mut composed = [base, tone].into_iter().nfc();
    match (composed.next(), composed.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn has_quality_mark(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

fn is_one_of(letters: &[char], set: &[&str]) -> bool {
    set.iter().any(|s| s.chars().eq(letters.iter().copied()))
}

/// Where the tone of a syllable goes (index into its letters), given its toneless lower-case
/// letters; `None` when the letters are not a Vietnamese syllable.
pub(super) fn tone_position(letters: &[char]) -> Option<usize> {
    let n = letters.len();
    let mut start = letters.iter().position(|&c| is_vowel(c))?;
    if !is_one_of(&letters[..start], INITIALS) {
        return None;
    }
    let followed_by_vowel = |at: usize| letters.get(at).is_some_and(|&c| is_vowel(c));
    match &letters[..start] {
        ['q'] if letters[start] == 'u' && followed_by_vowel(start + 1) => start += 1,
        ['q'] => return None,
        ['g'] if letters[start] == 'i' && followed_by_vowel(start + 1) => start += 1,
        _ => {}
    }
    let end = start
        + letters[start..]
            .iter()
            .take_while(|&&c| is_vowel(c))
            .count();
    let nucleus = &letters[start..end];
    let nuclei = if end < n { CLOSED_NUCLEI } else { OPEN_NUCLEI };
    if !is_one_of(&letters[end..n], FINALS) || !is_one_of(nucleus, nuclei) {
        return None;
    }
    if let Some(marked) = nucleus.iter().rposition(|&c| has_quality_mark(c)) {
        return Some(start + marked);
    }
    Some(match (nucleus.len(), end < n) {
        (_, true) => end - 1,
        (3, false) => start + 1,
        _ => start,
    })
}

/// Re-places the single tone mark of one run of letters; `None` when it is already where the
/// rule puts it, or the run is not a Vietnamese syllable with one tone.
fn place_in_syllable(run: &str) -> Option<String> {
    let mut bases = ['\0'; MAX_LETTERS];
    let mut n = 0;
    let mut tone = None;
    let mut tone_at = 0;
    let mut loose_mark = false;
    for c in run.chars() {
        if is_tone_mark(c) {
            // A tone mark NFC could not compose with the letter before it.
            if tone.is_some() || n == 0 {
                return None;
            }
            tone = Some(c);
            tone_at = n - 1;
            loose_mark = true;
            continue;
        }
        if n == MAX_LETTERS || !c.is_alphabetic() {
            return None;
        }
        let (base, mark) = split_tone(c);
        if let Some(mark) = mark {
            if tone.is_some() {
                return None;
            }
            tone = Some(mark);
            tone_at = n;
        }
        bases[n] = base;
        n += 1;
    }
    let tone = tone?;
    let mut letters = ['\0'; MAX_LETTERS];
    for (l, &b) in letters.iter_mut().zip(&bases[..n]) {
        *l = lower(b);
    }
    let target = tone_position(&letters[..n])?;
    if target == tone_at && !loose_mark {
        return None;
    }
    let mut out = String::with_capacity(run.len() + 2);
    for (i, &base) in bases[..n].iter().enumerate() {
        out.push(if i == target {
            with_tone(base, tone)?
        } else {
            base
        });
    }
    Some(out)
}

/// Puts the tone mark of every syllable in `word` where the spelling rule puts it. Words
/// already right are returned untouched (and unallocated); the letters' case is kept.
pub fn unify_tone_placement(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let is_letter = |c: char| c.is_alphabetic() || is_tone_mark(c);
    if word.chars().all(is_letter) {
        return place_in_syllable(word).map_or(Cow::Borrowed(word), Cow::Owned);
    }
    // A word with inner punctuation ("hoà.uỷ"): each run of letters on its own.
    let mut out: Option<String> = None;
    let mut run_start = None;
    let mut copied = 0;
    for (at, c) in word
        .char_indices()
        .chain(std::iter::once((word.len(), ' ')))
    {
        if at < word.len() && is_letter(c) {
            run_start.get_or_insert(at);
            continue;
        }
        let Some(start) = run_start.take() else {
            continue;
        };
        if let Some(placed) = place_in_syllable(&word[start..at]) {
            let buffer = out.get_or_insert_with(|| String::with_capacity(word.len() + 4));
            buffer.push_str(&word[copied..start]);
            buffer.push_str(&placed);
            copied = at;
        }
    }
    match out {
        Some(mut buffer) => {
            buffer.push_str(&word[copied..]);
            Cow::Owned(buffer)
        }
        None => Cow::Borrowed(word),
    }
}

/// Words longer than this are not remembered: glued garbage, seldom seen twice.
const MAX_REMEMBERED_WORD_BYTES: usize = 64;

thread_local! {
    /// Non-ASCII words and their form with the tone placed by rule (`None`: already right).
    static PLACED: RefCell<WordMap<Option<Box<str>>>> = RefCell::new(WordMap::default());
}

/// Appends `word` to `out` as [`unify_tone_placement`] gives it, remembered per thread:
/// normalising every indexed text word by word spent a tenth of the indexing time placing the
/// same few thousand syllables' marks again.
pub fn push_unified(out: &mut String, word: &str) {
    if word.is_ascii() || word.len() > MAX_REMEMBERED_WORD_BYTES {
        out.push_str(&unify_tone_placement(word));
        return;
    }
    PLACED.with(|placed| {
        let mut placed = placed.borrow_mut();
        if let Some(known) = placed.get(word) {
            out.push_str(known.as_deref().unwrap_or(word));
            return;
        }
        let unified = unify_tone_placement(word);
        out.push_str(&unified);
        if placed.len() >= MAX_REMEMBERED_WORDS {
            placed.clear();
        }
        let changed = match unified {
            Cow::Borrowed(_) => None,
            Cow::Owned(changed) => Some(changed.into_boxed_str()),
        };
        placed.insert(word.into(), changed);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_words_give_what_the_rule_gives() {
        let words = [
            "Hoà",
            "hòa",
            "uỷ",
            "Hoà",
            "plain",
            "hoà.uỷ",
            "uỷ",
            "Thuỵ",
            "Thuỵ",
        ];
        for _ in 0..2 {
            for word in words {
                let mut out = String::from("<");
                push_unified(&mut out, word);
                assert_eq!(out, format!("<{}", unify_tone_placement(word)), "{word}");
            }
        }
    }

    #[test]
    fn old_placement_moves_to_the_first_vowel() {
        let cases = [
            ("hoà", "hòa"),
            ("Hoà", "Hòa"),
            ("HOÀ", "HÒA"),
            ("uỷ", "ủy"),
            ("Uỷ", "Ủy"),
            ("khoá", "khóa"),
            ("thuý", "thúy"),
            ("hoạ", "họa"),
            ("khoẻ", "khỏe"),
            ("Thuỵ", "Thụy"),
        ];
        for (old, modern) in cases {
            assert_eq!(unify_tone_placement(old), modern, "{old}");
        }
    }

    #[test]
    fn words_written_alike_in_both_styles_are_untouched() {
        for word in [
            "hòa", "ủy", "quý", "quỳ", "hoàn", "ngoài", "xoáy", "huỳnh", "hoa", "thuở", "của",
        ] {
            assert!(
                matches!(unify_tone_placement(word), Cow::Borrowed(w) if w == word),
                "{word}"
            );
        }
    }

    /// Each rule, with the tone typed on every other vowel of the syllable.
    #[test]
    fn a_misplaced_tone_goes_where_the_rule_puts_it() {
        let cases = [
            // 1. the vowel with a quality mark; "ươ" on "ơ"
            ("lựơng", "lượng"),
            ("lươ\u{0323}ng", "lượng"),
            ("nghịêm", "nghiệm"),
            ("tìên", "tiền"),
            ("qúôc", "quốc"),
            ("múôn", "muốn"),
            ("khủyên", "khuyển"),
            ("tùân", "tuần"),
            ("thúê", "thuế"),
            ("rựơu", "rượu"),
            ("ngừơi", "người"),
            ("hóăc", "hoắc"),
            ("ýêu", "yếu"),
            ("chúôi", "chuối"),
            // 2. a final consonant: the last vowel
            ("hòan", "hoàn"),
            ("tóan", "toán"),
            ("hùynh", "huỳnh"),
            ("khỏanh", "khoảnh"),
            ("túyp", "tuýp"),
            // 3. open: middle of three, first of two
            ("baỏ", "bảo"),
            ("đaị", "đại"),
            ("caí", "cái"),
            ("ngoaì", "ngoài"),
            ("xoaý", "xoáy"),
            ("keọ", "kẹo"),
            ("muà", "mùa"),
            ("miá", "mía"),
            ("tuì", "tùi"),
            ("lọai", "loại"),
            ("đôị", "đội"),
            ("mơí", "mới"),
            ("cuôí", "cuối"),
            ("ngòeo", "ngoèo"),
            ("khủyu", "khuỷu"),
            // "qu" and "gi" before a vowel are consonants
            ("qúa", "quá"),
            ("quí", "quí"),
            ("gìa", "già"),
            ("gìn", "gìn"),
            ("gía", "giá"),
            ("gịong", "giọng"),
            ("gíêng", "giếng"),
            ("gĩưa", "giữa"),
            // case is kept; NFD input; a mark NFC left on a consonant
            ("BAỎ", "BẢO"),
            ("Đaị", "Đại"),
            ("ba\u{0309}o", "bảo"),
            ("nghi\u{0323}\u{00EA}m", "nghiệm"),
            // every syllable of a word with inner punctuation
            ("hoà.uỷ", "hòa.ủy"),
        ];
        // Every toned letter: the tone comes back on every vowel it can sit on.
        for vowel in "aăâeêioôơuưy".chars() {
            for tone in TONE_MARKS {
                let toned = with_tone(vowel, tone).expect("a Vietnamese letter");
                assert_eq!(split_tone(toned), (vowel, Some(tone)), "{toned}");
            }
        }
        for (typed, placed) in cases {
            assert_eq!(unify_tone_placement(typed), placed, "{typed}");
        }
    }

    #[test]
    fn what_is_not_one_vietnamese_syllable_is_left_as_typed() {
        for word in [
            "café",
            "José",
            "Pokémon",
            "Renée",
            "hóà",
            "Seóul",
            "naïve",
            "ǹ",
            "tiếngviệt",
            "Đắk",
            "日本",
            "ß",
            "Lắk",
        ] {
            assert_eq!(unify_tone_placement(word), word, "{word}");
        }
    }

    #[test]
    fn every_syllable_of_the_samples_is_already_placed_or_fixed_once() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for word in text.split(|c: char| !c.is_alphabetic()) {
                let once = unify_tone_placement(word);
                assert_eq!(unify_tone_placement(&once), once, "{word}");
            }
        }
    }
}
