//! Character-level clean-up of scraped Vietnamese text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::spelling::unify_spelling;
use super::tone::{push_unified, unify_tone_placement};
use super::words::for_each_word_bound;

/// Maps one character to what Vietnamese text means by it, or `None` to drop it.
///
/// Scraped pages write U+00D0 (Icelandic eth) for "Đ", copy non-breaking and typographic spaces
/// from Word, and carry zero-width characters that would otherwise split or glue words.
pub fn map_char(c: char) -> Option<char> {
    match c {
        'Ð' => Some('Đ'),
        'ð' => Some('đ'),
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Some(' '),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        _ => Some(c),
    }
}

/// Whether `c` needs more than a copy: a fast path for the ASCII and already-clean majority.
fn needs_mapping(c: char) -> bool {
    matches!(
        c,
        'Ð' | 'ð' | '\u{00A0}' | '\u{00AD}' | '\u{1680}' | '\u{2000}'
            ..='\u{200D}' | '\u{202F}' | '\u{205F}' | '\u{2060}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// Case-preserving normalisation of a whole text: NFC, Ð→Đ, odd spaces to spaces, zero-width
/// characters removed, and every tone mark where the spelling rule puts it ("Hoà", "uỷ", "baỏ"
/// become "Hòa", "ủy", "bảo"; see `tone`). Extractors run on this form; the index keeps the
/// original text for display.
pub fn normalize_text(input: &str) -> String {
    let composed: String = if is_nfc_quick(input.chars()) == IsNormalized::Yes {
        input.to_owned()
    } else {
        input.nfc().collect()
    };
    let mapped: String = if composed.chars().any(needs_mapping) {
        composed.chars().filter_map(map_char).collect()
    } else {
        composed
    };
    if mapped.is_ascii() {
        return mapped;
    }
    let mut out = String::with_capacity(mapped.len());
    for_each_word_bound(&mapped, |_, word| push_unified(&mut out, word));
    out
}

/// Normalises one word-sized piece of text to its canonical lower-case syllable form: NFC,
/// Ð→đ, lower case, the tone mark where the rule puts it, one spelling of i/y ("Tỉ" → "tỷ").
pub fn canonical_lower(word: &str) -> String {
    if word.is_ascii() {
        let lowered = word.to_ascii_lowercase();
        return match unify_spelling(&lowered) {
            std::borrow::Cow::Borrowed(_) => lowered,
            std::borrow::Cow::Owned(unified) => unified,
        };
    }
    let mut lowered = String::with_capacity(word.len());
    if is_nfc_quick(word.chars()) == IsNormalized::Yes {
        for c in word.chars().filter_map(map_char) {
            lowered.extend(c.to_lowercase());
        }
    } else {
        for c in word.nfc().filter_map(map_char) {
            lowered.extend(c.to_lowercase());
        }
    }
    if lowered.is_ascii() {
        return unify_spelling(&lowered).into_owned();
    }
    let placed = unify_tone_placement(&lowered);
    unify_spelling(&placed).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_the_messy_forms_seen_in_the_corpus() {
        let cases = [
            ("Ðảng", "Đảng"),
            ("ðảng", "đảng"),
            ("Tỉnh uỷ Hoà Bình", "Tỉnh ủy Hòa Bình"),
            ("KHOÁ XII", "KHÓA XII"),
            ("Thanh Hoá", "Thanh Hóa"),
            ("tinh\u{00A0}giản", "tinh giản"),
            ("Đả\u{FEFF}ng", "Đảng"),
            ("ho\u{0300}a", "hòa"), // NFD input
            ("quý", "quý"),
            ("hoàn thành", "hoàn thành"),
            ("plain ascii", "plain ascii"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_text(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.extend(
            [
                "Ðảng uỷ Hoà\u{00A0}Bình ho\u{0300}a KHOÁ Thuỵ",
                "hoà.ủy oà uỷ",
            ]
            .map(String::from),
        );
        for text in texts {
            let once = normalize_text(&text);
            assert_eq!(normalize_text(&once), once);
        }
    }

    /// underthesea's `text_normalize` tests, as written there (tests/pipeline/text_normalize):
    /// the two about marks give the same text; the tab case gives the same syllables.
    #[test]
    fn underthesea_text_normalize_cases() {
        assert_eq!(
            normalize_text("Ðảm baỏ chất lựơng phòng thí nghịêm hoá học"),
            "Đảm bảo chất lượng phòng thí nghiệm hóa học"
        );
        assert_eq!(normalize_text("đaị"), "đại");
        let syllables = |t: &str| -> Vec<String> {
            crate::text::analyze(t)
                .into_iter()
                .map(|s| s.exact)
                .collect()
        };
        assert_eq!(syllables("a\tb"), syllables("a b"));
    }

    #[test]
    fn canonical_lower_unifies_case_and_tone() {
        assert_eq!(canonical_lower("HOÀ"), "hòa");
        assert_eq!(canonical_lower("Uỷ"), "ủy");
        assert_eq!(canonical_lower("Ðảng"), "đảng");
        assert_eq!(canonical_lower("TW"), "tw");
        assert_eq!(canonical_lower("Tỉ"), "tỷ");
        assert_eq!(canonical_lower("QUI"), "quy");
        assert_eq!(canonical_lower("Lí"), "lý");
        assert_eq!(canonical_lower("baỏ"), "bảo");
        assert_eq!(canonical_lower("ĐAỊ"), "đại");
        assert_eq!(canonical_lower("My"), "my");
        assert_eq!(canonical_lower("mi"), "mi");
    }
}
