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
    // Only the last three characters matter; read them from the end without collecting.
    let mut from_end = word.char_indices().rev();
    let Some((_, last)) = from_end.next() else {
        return Cow::Borrowed(word);
    };
    let Some((first_at, first)) = from_end.next() else {
        return Cow::Borrowed(word);
    };
    let (last_base, last_tone) = split_tone(last);
    let Some(tone) = last_tone else {
        return Cow::Borrowed(word);
    };
    let (first_base, first_tone) = split_tone(first);
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
    if let Some((_, before)) = from_end.next() {
        let before = split_tone(before).0;
        let before_lower = before.to_lowercase().next().unwrap_or(before);
        if is_vowel_base(before) || (pair.0 == 'u' && before_lower == 'q') {
            return Cow::Borrowed(word);
        }
    }
    let mut out = String::with_capacity(word.len());
    out.push_str(&word[..first_at]);
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
