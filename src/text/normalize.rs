//! Character-level clean-up of scraped Vietnamese text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::tone::unify_tone_placement;
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
/// characters removed, and old tone placement ("Hoà", "Khánh Hoà", "uỷ") moved to the modern
/// position ("Hòa", "Khánh Hòa", "ủy"). Extractors run on this form; the index keeps the
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
    if mapped.is_ascii() || !has_old_tone_candidate(&mapped) {
        return mapped;
    }
    let mut out = String::with_capacity(mapped.len());
    for_each_word_bound(&mapped, |_, word| out.push_str(&unify_tone_placement(word)));
    out
}

/// Whether `text` holds an "o"/"u" followed by a toned "a", "e" or "y": the only spelling
/// `unify_tone_placement` may rewrite. Most texts use the modern placement throughout and need
/// no word-by-word pass at all.
fn has_old_tone_candidate(text: &str) -> bool {
    let mut previous_is_glide = false;
    for c in text.chars() {
        if previous_is_glide
            && matches!(
                c,
                'à' | 'á'
                    | 'ả'
                    | 'ã'
                    | 'ạ'
                    | 'À'
                    | 'Á'
                    | 'Ả'
                    | 'Ã'
                    | 'Ạ'
                    | 'è'
                    | 'é'
                    | 'ẻ'
                    | 'ẽ'
                    | 'ẹ'
                    | 'È'
                    | 'É'
                    | 'Ẻ'
                    | 'Ẽ'
                    | 'Ẹ'
                    | 'ỳ'
                    | 'ý'
                    | 'ỷ'
                    | 'ỹ'
                    | 'ỵ'
                    | 'Ỳ'
                    | 'Ý'
                    | 'Ỷ'
                    | 'Ỹ'
                    | 'Ỵ'
            )
        {
            return true;
        }
        previous_is_glide = matches!(c, 'o' | 'O' | 'u' | 'U');
    }
    false
}

/// Normalises one word-sized piece of text to its canonical lower-case syllable form.
pub fn canonical_lower(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
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
        return lowered;
    }
    unify_tone_placement(&lowered).into_owned()
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

    #[test]
    fn texts_without_candidates_need_no_tone_pass() {
        for (text, candidate) in [
            ("Tỉnh ủy Hòa Bình khóa XII", false),
            ("Tỉnh uỷ", true),
            ("Hoà Bình", true),
            ("KHOẺ", true),
            ("quý", true),
        ] {
            assert_eq!(has_old_tone_candidate(text), candidate, "{text}");
        }
        // Every letter pair unify_tone_placement rewrites is a candidate.
        let toned = "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ";
        for glide in ['o', 'O', 'u', 'U', 'ô', 'ư', 'ơ'] {
            for last in toned.chars().chain("âấầăắ".chars()) {
                let word = format!("h{glide}{last}");
                if super::unify_tone_placement(&word) != word {
                    assert!(has_old_tone_candidate(&word), "{word}");
                }
            }
        }
    }

    #[test]
    fn canonical_lower_unifies_case_and_tone() {
        assert_eq!(canonical_lower("HOÀ"), "hòa");
        assert_eq!(canonical_lower("Uỷ"), "ủy");
        assert_eq!(canonical_lower("Ðảng"), "đảng");
        assert_eq!(canonical_lower("TW"), "tw");
    }
}
