//! Tone-mark placement: "hoà" and "hòa" are the same syllable written in two conventions.
//!
//! The two conventions differ only in open syllables whose vowel is "oa", "oe" or "uy" (not after
//! "q", where "u" belongs to the consonant): the older style puts the tone on the second vowel
//! ("hoà", "khoẻ", "uỷ"), the style used by most news today on the first ("hòa", "khỏe", "ủy").
//! Everything else is written the same way in both, so only that case is rewritten.

use std::borrow::Cow;

use unicode_normalization::char::{compose, decompose_canonical};

const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Splits a precomposed letter into the letter without its tone and the tone mark, if any.
fn split_tone(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c, None);
    }
    let mut parts: Vec<char> = Vec::with_capacity(3);
    decompose_canonical(c, |d| parts.push(d));
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

fn with_tone(c: char, tone: char) -> char {
    compose(c, tone).unwrap_or(c)
}

fn is_vowel_base(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Moves the tone of an open "oa"/"oe"/"uy" syllable onto its first vowel; other words are
/// returned untouched (and unallocated).
pub fn unify_tone_placement(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return Cow::Borrowed(word);
    }
    let (last_base, last_tone) = split_tone(chars[n - 1]);
    let Some(tone) = last_tone else {
        return Cow::Borrowed(word);
    };
    let (first_base, first_tone) = split_tone(chars[n - 2]);
    if first_tone.is_some() {
        return Cow::Borrowed(word);
    }
    let pair = (
        first_base.to_lowercase().next().unwrap_or(first_base),
        last_base.to_lowercase().next().unwrap_or(last_base),
    );
    let open_glide = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if !open_glide {
        return Cow::Borrowed(word);
    }
    // A vowel before the pair ("ngoai" is not this case) or a "q" before "uy" means the pair is
    // not the syllable's whole vowel.
    if n >= 3 {
        let before = split_tone(chars[n - 3]).0;
        let before_lower = before.to_lowercase().next().unwrap_or(before);
        if is_vowel_base(before) || (pair.0 == 'u' && before_lower == 'q') {
            return Cow::Borrowed(word);
        }
    }
    let mut out: String = chars[..n - 2].iter().collect();
    out.push(with_tone(first_base, tone));
    out.push(last_base);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(unify_tone_placement(word), word, "{word}");
        }
    }
}
