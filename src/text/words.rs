//! UAX #29 word boundaries, fast for the common case: most of a Vietnamese text is runs of Latin
//! letters between spaces, and such a run is one word whatever its letters, so only the runs
//! that hold digits' neighbours, punctuation or other scripts go through the full segmenter.
//! Indexing spends most of its analysis time here, hence the shortcut.

use unicode_segmentation::UnicodeSegmentation;

/// ASCII whitespace: UAX #29 never joins it to a following letter or digit, so the text between
/// two of them can be segmented on its own.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Letters and digits that UAX #29 keeps together in one word (ALetter or Numeric, rule WB5,
/// WB8–WB10), plus the combining marks that attach to them (Extend, WB4).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c,
            '\u{00C0}'..='\u{00D6}'
            | '\u{00D8}'..='\u{00F6}'
            | '\u{00F8}'..='\u{024F}'
            | '\u{0300}'..='\u{036F}'
            | '\u{1E00}'..='\u{1EFF}')
}

/// `char::is_alphanumeric`, answered without the Unicode tables for ASCII and the Latin letters
/// Vietnamese is written in (every character of those ranges is a letter); the tables' lookup
/// was a few percent of indexing in the extractors' per-character scans.
pub fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c,
            '\u{00C0}'..='\u{00D6}'
            | '\u{00D8}'..='\u{00F6}'
            | '\u{00F8}'..='\u{024F}'
            | '\u{1E00}'..='\u{1EFF}')
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// Whether `c` at the start of a run would, in the whole text, attach to the whitespace before
/// it (Extend/Format/ZWJ under WB4, or a space joining a space under WB3d).
fn attaches_to_space(c: char) -> bool {
    let mut buffer = [0u8; 8];
    buffer[0] = b' ';
    let len = c.encode_utf8(&mut buffer[1..]).len();
    let pair = std::str::from_utf8(&buffer[..1 + len]).expect("valid UTF-8");
    pair.split_word_bounds().nth(1).is_none()
}

/// Calls `emit(offset, segment)` for every UAX #29 word-boundary segment of `text` that holds a
/// non-whitespace character, in order, exactly as `split_word_bound_indices` gives them; the
/// whitespace between them is passed as segments too (possibly grouped differently), so the
/// segments always concatenate to `text`.
pub fn for_each_word_bound<'a>(text: &'a str, mut emit: impl FnMut(usize, &'a str)) {
    if needs_full_segmenter(text) {
        for (offset, segment) in text.split_word_bound_indices() {
            emit(offset, segment);
        }
        return;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        if is_ascii_space(bytes[at]) {
            while at < bytes.len() && is_ascii_space(bytes[at]) {
                at += 1;
            }
            emit(start, &text[start..at]);
            continue;
        }
        while at < bytes.len() && !is_ascii_space(bytes[at]) {
            at += 1;
        }
        let run = &text[start..at];
        let simple = run.bytes().all(|b| b.is_ascii_alphanumeric())
            || (!run.starts_with(is_mark) && run.chars().all(is_word_char));
        if simple {
            emit(start, run);
        } else {
            for (offset, segment) in run.split_word_bound_indices() {
                emit(start + offset, segment);
            }
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Whether some run after whitespace starts with a character that joins that whitespace (the
/// one case the shortcut cannot handle); a byte scan, as only non-ASCII characters can.
fn needs_full_segmenter(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] >= 0xC0 && is_ascii_space(bytes[i - 1]) {
            let c = text[i..].chars().next().expect("char boundary");
            if is_mark(c) || (!is_word_char(c) && attaches_to_space(c)) {
                return true;
            }
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_alphanumeric_test_agrees_with_the_tables_on_every_character() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word_bound(text, |at, s| out.push((at, s)));
        out
    }

    fn non_space(segments: Vec<(usize, &str)>) -> Vec<(usize, &str)> {
        segments
            .into_iter()
            .filter(|(_, s)| !s.chars().all(char::is_whitespace))
            .collect()
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    fn same(text: &str) {
        let fast = fast(text);
        assert_eq!(fast.concat_len(), text.len(), "{text:?}");
        assert_eq!(non_space(fast), non_space(reference(text)), "{text:?}");
    }

    trait ConcatLen {
        fn concat_len(&self) -> usize;
    }
    impl ConcatLen for Vec<(usize, &str)> {
        fn concat_len(&self) -> usize {
            self.iter().map(|(_, s)| s.len()).sum()
        }
    }

    #[test]
    fn agrees_with_the_full_segmenter() {
        for text in [
            "Nghị quyết Trung ương 4 (khoá XI, XII)",
            "TP.HCM 20.777 2:11' 28/7/2019 35-CT/TW l'État",
            "“Đảng” viên, ho\u{0300}a  \t\r\nbình\u{00A0}x\u{200B}y \u{0301}a \u{FEFF}b",
            " \u{2002}abc\u{3000} def\n\u{0301}x",
            "a1b 1a2 ½ ŉ ǅ Ǆ ǆ ờ ẞ ß µ ª 日本語 한국어 ไทย",
            "",
            "   ",
            "abc",
            "emoji 👍🏽 zwj 👨\u{200D}👩 x",
            "a\u{3000} \u{0301}b \u{00AD}c",
        ] {
            same(text);
        }
    }

    #[test]
    fn every_latin_letter_joins_its_neighbours() {
        for c in (0xC0u32..=0x24F)
            .chain(0x1E00..=0x1EFF)
            .chain(0x300..=0x36F)
        {
            let c = char::from_u32(c).unwrap();
            if is_word_char(c) {
                let word = format!("a{c}b");
                assert_eq!(word.split_word_bounds().count(), 1, "{c:?}");
            }
        }
    }

    #[test]
    fn agrees_on_the_sample_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            same(&text);
        }
    }

    /// Every text of the shared corpus (all of baomoi: run with `--release -- --ignored`).
    #[test]
    #[ignore]
    fn agrees_on_the_shared_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("skipped: {dir} is absent");
            return;
        };
        for folder in entries {
            for file in std::fs::read_dir(folder.unwrap().path()).unwrap() {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
                for line in text.lines() {
                    same(line);
                }
            }
        }
    }
}
