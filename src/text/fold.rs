//! The diacritic-folded view: every tone and vowel mark removed and đ→d, so that text typed
//! without diacritics ("nghi quyet") meets the accented text ("Nghị quyết").

use unicode_normalization::char::decompose_canonical;

/// Strips all marks from one character; "đ"/"Đ" become "d"/"D".
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'đ' | 'ð' => return 'd',
        'Đ' | 'Ð' => return 'D',
        _ => {}
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    let base = base.unwrap_or(c);
    if is_combining_mark(base) {
        c
    } else {
        base
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Folds a whole string; combining marks left over from NFD input are dropped.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    text.chars()
        .filter(|&c| !is_combining_mark(c))
        .map(fold_char)
        .collect()
}

/// Whether the text carries any Vietnamese mark, i.e. whether its user chose diacritics.
pub fn has_diacritics(text: &str) -> bool {
    !text.is_ascii() && fold(text) != text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vietnamese_mark() {
        let cases = [
            ("nghị quyết trung ương", "nghi quyet trung uong"),
            ("đảng", "dang"),
            ("Ðảng", "Dang"),
            ("hòa hóa hoa", "hoa hoa hoa"),
            ("ho\u{0300}a", "hoa"),
            ("ăâêôơư", "aaeoou"),
            ("20.777", "20.777"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn diacritics_are_detected() {
        assert!(has_diacritics("hòa"));
        assert!(has_diacritics("đi"));
        assert!(!has_diacritics("hoa"));
        assert!(!has_diacritics("35-ct/tw"));
    }
}
