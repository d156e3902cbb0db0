//! Splitting text into syllables, with byte offsets into the ORIGINAL text so that highlights
//! land on what the reader sees, whatever normalisation the token went through.

use std::cell::RefCell;

use super::fold::fold;
use super::memo::{WordMap, MAX_REMEMBERED_WORDS};
use super::normalize::canonical_lower;
use super::spelling::unify_folded_spelling;
use super::words::for_each_word_bound;

/// Longer "words" are URLs, base64 or glued garbage: not worth a posting list.
const MAX_SYLLABLE_BYTES: usize = 80;

/// One syllable (or number, or piece of a document symbol) of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// Byte range in the analysed text.
    pub start: usize,
    pub end: usize,
    /// Canonical lower-case form with diacritics (NFC, Ð→đ, tone placed by rule, one spelling
    /// for i/y variants).
    pub exact: String,
    /// The same with every mark removed (and every i/y pair of the rule in one form).
    pub folded: String,
}

impl Syllable {
    /// Whether the syllable carries a Vietnamese mark: whether its user chose diacritics.
    pub fn has_marks(&self) -> bool {
        !self.exact.is_ascii() && self.exact != self.folded
    }
}

/// Characters that UAX #29 keeps inside a word ("TP.HCM", "l'État") but that separate
/// syllables in Vietnamese; kept only between two digits ("20.777", "2:11").
fn is_inner_separator(c: char) -> bool {
    matches!(c, '.' | ':' | '\'' | '’' | '·' | '_')
}

/// Calls `emit(start, end)` for each syllable-sized piece of `text`.
pub fn for_each_piece(text: &str, mut emit: impl FnMut(usize, usize)) {
    for_each_word_bound(text, |offset, word| {
        if !word.chars().any(char::is_alphanumeric) {
            return;
        }
        if !word.chars().any(is_inner_separator) {
            emit(offset, offset + word.len());
            return;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut piece_start = 0;
        for (i, &(at, c)) in chars.iter().enumerate() {
            if !is_inner_separator(c) {
                continue;
            }
            let between_digits = i > 0
                && chars[i - 1].1.is_ascii_digit()
                && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
            if between_digits {
                continue;
            }
            if at > piece_start {
                emit(offset + piece_start, offset + at);
            }
            piece_start = at + c.len_utf8();
        }
        if piece_start < word.len() {
            emit(offset + piece_start, offset + word.len());
        }
    });
}

/// Analyses a text into its syllables: the one function indexing, querying and snippets share.
pub fn analyze(text: &str) -> Vec<Syllable> {
    let mut out = Vec::new();
    PIECE_FORMS.with(|forms| {
        let mut forms = forms.borrow_mut();
        for_each_piece(text, |start, end| {
            let piece = &text[start..end];
            if piece.len() > MAX_SYLLABLE_BYTES {
                return;
            }
            if let Some((exact, folded)) = forms.get(piece) {
                out.push(Syllable {
                    start,
                    end,
                    exact,
                    folded,
                });
            }
        });
    });
    out
}

/// The canonical and folded forms of a piece, or `None` for a piece that is no syllable.
fn piece_forms(piece: &str) -> Option<(String, String)> {
    let exact = canonical_lower(piece);
    if exact.is_empty() || !exact.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut folded = fold(&exact);
    unify_folded_spelling(&mut folded);
    Some((exact, folded))
}

/// Pieces with a non-ASCII letter, remembered with their forms: a corpus repeats a few tens of
/// thousands of spellings, and normalising, lower-casing and folding each occurrence again was
/// a tenth of the indexing time. Pure ASCII pieces are cheaper to lower-case than to look up.
struct PieceForms {
    known: WordMap<Option<(String, String)>>,
}

impl PieceForms {
    fn get(&mut self, piece: &str) -> Option<(String, String)> {
        if piece.is_ascii() {
            return piece_forms(piece);
        }
        self.with_remembered(piece, Option::clone)
    }

    /// `read` of the forms of a non-ASCII piece, worked out on its first sight (one lookup
    /// for a piece seen before: this runs for every word of every snippet's body).
    fn with_remembered<R>(
        &mut self,
        piece: &str,
        read: impl FnOnce(&Option<(String, String)>) -> R,
    ) -> R {
        if let Some(forms) = self.known.get(piece) {
            return read(forms);
        }
        if self.known.len() >= MAX_REMEMBERED_WORDS {
            self.known.clear();
        }
        let forms = piece_forms(piece);
        let answer = read(&forms);
        self.known.insert(piece.into(), forms);
        answer
    }
}

thread_local! {
    static PIECE_FORMS: RefCell<PieceForms> = RefCell::new(PieceForms {
        known: WordMap::default(),
    });
}

/// The byte range and folded form of each syllable `analyze` would give, without building the
/// syllables: snippets compare every syllable of a hit's body with the query, so this runs over
/// whole bodies at query time.
pub fn for_each_folded(text: &str, mut emit: impl FnMut(usize, usize, &str)) {
    let mut folded = String::new();
    for_each_piece(text, |start, end| {
        let piece = &text[start..end];
        if piece.len() > MAX_SYLLABLE_BYTES {
            return;
        }
        if piece.is_ascii() {
            if !piece.bytes().any(|b| b.is_ascii_alphanumeric()) {
                return;
            }
            folded.clear();
            folded.push_str(piece);
            folded.make_ascii_lowercase();
            unify_folded_spelling(&mut folded);
            emit(start, end, &folded);
            return;
        }
        // Copied out before `emit`, which may analyse text itself (the memory is borrowed).
        let held = PIECE_FORMS.with(|forms| {
            forms
                .borrow_mut()
                .with_remembered(piece, |forms| match forms {
                    Some((_, form)) => {
                        folded.replace_range(.., form);
                        true
                    }
                    None => false,
                })
        });
        if held {
            emit(start, end, &folded);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> Vec<String> {
        analyze(text).into_iter().map(|s| s.exact).collect()
    }

    #[test]
    fn splits_into_canonical_syllables() {
        assert_eq!(
            exact("Nghị quyết Trung ương 4 (khoá XI, XII)"),
            ["nghị", "quyết", "trung", "ương", "4", "khóa", "xi", "xii"]
        );
        assert_eq!(exact("Tỉnh uỷ Hoà Bình"), ["tỉnh", "ủy", "hòa", "bình"]);
        assert_eq!(exact("Ðảng"), ["đảng"]);
    }

    #[test]
    fn numbers_and_symbols_stay_findable() {
        assert_eq!(
            exact("kết nạp 20.777 đảng viên"),
            ["kết", "nạp", "20.777", "đảng", "viên"]
        );
        assert_eq!(exact("2020-2025"), ["2020", "2025"]);
        assert_eq!(exact("05-KL/BTCTW"), ["05", "kl", "btctw"]);
        assert_eq!(exact("35-CT/TW"), ["35", "ct", "tw"]);
        assert_eq!(exact("TP.HCM"), ["tp", "hcm"]);
        assert_eq!(exact("2:11' 28/7/2019"), ["2", "11", "28", "7", "2019"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Tỉnh uỷ Ðảng ho\u{0300}a";
        for syllable in analyze(text) {
            assert_eq!(
                crate::text::normalize::canonical_lower(&text[syllable.start..syllable.end]),
                syllable.exact
            );
        }
        let last = analyze(text).pop().unwrap();
        assert_eq!(last.exact, "hòa");
        assert_eq!(&text[last.start..last.end], "ho\u{0300}a");
    }

    #[test]
    fn folded_ranges_match_the_analysis() {
        let text = "Tỉnh uỷ Ðảng ho\u{0300}a TP.HCM 20.777 đảng_viên ___ x KHOÁ İi ǅ ß ø Ấ";
        let slow: Vec<(usize, usize, String)> = analyze(text)
            .into_iter()
            .map(|s| (s.start, s.end, s.folded))
            .collect();
        // The second pass reads every piece from the remembered forms.
        for _ in 0..2 {
            let mut fast = Vec::new();
            for_each_folded(text, |start, end, folded| {
                fast.push((start, end, folded.to_owned()))
            });
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn folded_ranges_match_the_analysis_on_the_samples() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let mut fast = Vec::new();
            for_each_folded(&text, |start, end, folded| {
                fast.push((start, end, folded.to_owned()))
            });
            let slow: Vec<(usize, usize, String)> = analyze(&text)
                .into_iter()
                .map(|s| (s.start, s.end, s.folded))
                .collect();
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn folded_view_drops_marks() {
        let folded: Vec<String> = analyze("Nghị quyết Đảng")
            .into_iter()
            .map(|s| s.folded)
            .collect();
        assert_eq!(folded, ["nghi", "quyet", "dang"]);
    }
}
