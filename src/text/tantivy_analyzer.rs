//! The analysis chain as tantivy tokenizers. Registered on every `Index::open`, because tantivy
//! starts each opened index with a fresh `TokenizerManager` and would silently fall back.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

use std::cell::RefCell;
use std::rc::Rc;

use super::syllables::{analyze, Syllable};

/// Tokenizer name for fields that keep diacritics.
pub const EXACT: &str = "vi_exact";
/// Tokenizer name for the diacritic-folded fields.
pub const FOLDED: &str = "vi_folded";
/// Tokenizer name for the field of neighbouring syllable pairs (see `syllable_pairs`).
pub const PAIRS: &str = "vi_pairs";

#[derive(Clone)]
pub struct VietnameseTokenizer {
    folded: bool,
}

/// The texts analysed last on this thread and their syllables. Every text is indexed in several
/// views, and tantivy indexes a document field by field (title, title folded, body, body folded,
/// source…, then the pairs of title and body, then the marked pairs of title and body), so one
/// remembered text was not enough: the body came back after the title had pushed it out and was
/// analysed three times. A few entries cover one document's texts.
struct LastAnalysis {
    text: String,
    syllables: Rc<Vec<Syllable>>,
}

/// Texts remembered per thread: a document's title, body and source, and one to spare.
const CACHED_TEXTS: usize = 4;

thread_local! {
    static LAST: RefCell<Vec<LastAnalysis>> = const { RefCell::new(Vec::new()) };
}

/// Texts shorter than this are cheaper to analyse again than to copy for the cache.
const CACHE_MIN_BYTES: usize = 64;

fn analyze_cached(text: &str) -> Rc<Vec<Syllable>> {
    if text.len() < CACHE_MIN_BYTES {
        return Rc::new(analyze(text));
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(hit) = last.iter().find(|l| l.text == text) {
            return Rc::clone(&hit.syllables);
        }
        let syllables = Rc::new(analyze(text));
        let entry = LastAnalysis {
            text: text.to_owned(),
            syllables: Rc::clone(&syllables),
        };
        // The oldest entry goes: entries are kept in the order they were analysed.
        if last.len() >= CACHED_TEXTS {
            last.remove(0);
        }
        last.push(entry);
        syllables
    })
}

/// Texts longer than this are analysed a piece at a time: a whole analysis holds about 25 bytes
/// per byte of text, which for a 50 MB article would be more than a gigabyte.
const PIECE_BYTES: usize = 1 << 20;

/// Where the piece of `text` starting at `start` ends: about `PIECE_BYTES` on, at a white space,
/// so that no syllable is cut (a pair across the cut is the only thing lost).
fn piece_end(text: &str, start: usize) -> usize {
    if text.len() - start <= PIECE_BYTES {
        return text.len();
    }
    let mut end = start + PIECE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[start..end].rfind(char::is_whitespace) {
        Some(at) if at > 0 => start + at,
        _ => end,
    }
}

/// The syllables of a text, whole when it is short, else piece after piece.
struct Pieces<'a> {
    text: &'a str,
    /// Where the next piece starts; `text.len()` when there is none.
    next: usize,
    /// Byte offset of the current piece in `text`.
    offset: usize,
    syllables: Rc<Vec<Syllable>>,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str) -> Pieces<'a> {
        if text.len() <= PIECE_BYTES {
            return Pieces {
                text,
                next: text.len(),
                offset: 0,
                syllables: analyze_cached(text),
            };
        }
        Pieces {
            text,
            next: 0,
            offset: 0,
            syllables: Rc::new(Vec::new()),
        }
    }

    /// Moves to the next piece; false at the end of the text.
    fn load_next(&mut self) -> bool {
        if self.next >= self.text.len() {
            return false;
        }
        let end = piece_end(self.text, self.next);
        self.syllables = Rc::new(analyze(&self.text[self.next..end]));
        self.offset = self.next;
        self.next = end;
        true
    }
}

pub struct SyllableStream<'a> {
    pieces: Pieces<'a>,
    folded: bool,
    index: usize,
    position: usize,
    token: Token,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        SyllableStream {
            pieces: Pieces::new(text),
            folded: self.folded,
            index: 0,
            position: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        while self.index >= self.pieces.syllables.len() {
            if !self.pieces.load_next() {
                return false;
            }
            self.index = 0;
        }
        let syllable = &self.pieces.syllables[self.index];
        // The exact view leaves a position empty where punctuation splits two syllables, so a
        // phrase on it (the as-typed tier) never reads "phòng, chống" as "phòng chống"; the
        // folded view's phrases (the rewards) run on across it, as they always have.
        if !self.folded && self.index > 0 {
            let piece = &self.pieces.text[self.pieces.offset..];
            let previous = &self.pieces.syllables[self.index - 1];
            if !together(&piece[previous.end..syllable.start]) {
                self.position += 1;
            }
        }
        self.token.offset_from = self.pieces.offset + syllable.start;
        self.token.offset_to = self.pieces.offset + syllable.end;
        self.token.position = self.position;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(if self.folded {
            &syllable.folded
        } else {
            &syllable.exact
        });
        self.index += 1;
        self.position += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Neighbouring syllables as one token each, folded: Vietnamese words are mostly two
/// syllables, so a pair is close to a word and gets the word's own rarity in ranking.
#[derive(Clone)]
pub struct PairTokenizer;

/// The pair tokens of a text, made a piece at a time (the whole text when it is short). Each
/// token's text is written into one buffer as the stream advances: a pair is no allocation.
pub struct PairStream<'a> {
    pieces: Pieces<'a>,
    /// (index of the first syllable, name token) of each pair of the current piece.
    pairs: Vec<(usize, bool)>,
    index: usize,
    position: usize,
    token: Token,
}

impl<'a> PairStream<'a> {
    fn new(text: &'a str) -> PairStream<'a> {
        // A short text was just analysed for its other views: `Pieces` reuses that analysis.
        let mut stream = PairStream {
            pieces: Pieces::new(text),
            pairs: Vec::new(),
            index: 0,
            position: 0,
            token: Token::default(),
        };
        stream.fill();
        stream
    }

    /// The pairs of the current piece.
    fn fill(&mut self) {
        let piece = &self.pieces.text[self.pieces.offset..];
        self.pairs.clear();
        for_each_pair(piece, &self.pieces.syllables, |first, name| {
            self.pairs.push((first, name))
        });
        self.index = 0;
    }
}

impl TokenStream for PairStream<'_> {
    fn advance(&mut self) -> bool {
        while self.index >= self.pairs.len() {
            if !self.pieces.load_next() {
                return false;
            }
            self.fill();
        }
        let (first, name) = self.pairs[self.index];
        let (a, b) = (
            &self.pieces.syllables[first],
            &self.pieces.syllables[first + 1],
        );
        let offset = self.pieces.offset;
        self.token.offset_from = offset + a.start;
        self.token.offset_to = offset + b.end;
        self.token.text.clear();
        push_pair_token(&mut self.token.text, &a.folded, &b.folded, name);
        self.token.position = self.position;
        self.position += 1;
        self.index += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream<'a> {
        PairStream::new(text)
    }
}

/// Marks the pair token of two capitalised syllables: a name ("Hòa Bình" the province, not
/// "hòa bình" peace).
pub const NAME_MARK: char = '^';

/// The pair token for two folded syllables, marked as a name when both were capitalised.
pub fn pair_token(first: &str, second: &str, name: bool) -> String {
    let mut token = String::with_capacity(first.len() + second.len() + 2);
    push_pair_token(&mut token, first, second, name);
    token
}

fn push_pair_token(out: &mut String, first: &str, second: &str, name: bool) {
    if name {
        out.push(NAME_MARK);
    }
    out.push_str(first);
    out.push(' ');
    out.push_str(second);
}

/// Whether the original text of a syllable starts with a capital letter.
pub fn is_capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Pairs of neighbouring syllables not split by punctuation (a hyphen does not split), as
/// (start, end, token); a pair of two capitalised syllables also yields its name token.
pub fn syllable_pairs(text: &str) -> Vec<(usize, usize, String)> {
    pairs_of(text, &analyze(text))
}

fn pairs_of(text: &str, syllables: &[Syllable]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for_each_pair(text, syllables, |first, name| {
        let (a, b) = (&syllables[first], &syllables[first + 1]);
        out.push((a.start, b.end, pair_token(&a.folded, &b.folded, name)));
    });
    out
}

/// Calls `emit(first, name)` for each pair of neighbouring syllables `first` and `first + 1`
/// not split by punctuation, once as a pair and once more as a name when both are capitalised.
fn for_each_pair(text: &str, syllables: &[Syllable], mut emit: impl FnMut(usize, bool)) {
    for (first, pair) in syllables.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if !together(&text[a.end..b.start]) {
            continue;
        }
        emit(first, false);
        if is_capitalised(&text[a.start..a.end]) && is_capitalised(&text[b.start..b.end]) {
            emit(first, true);
        }
    }
}

/// Whether two syllables with this gap between them are neighbours (a pair): only white space
/// and hyphens between them.
pub fn together(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || c == '-' || c == '–')
}

/// Registers the Vietnamese analyzers on an index (new or freshly opened).
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(EXACT, VietnameseTokenizer { folded: false });
    manager.register(FOLDED, VietnameseTokenizer { folded: true });
    manager.register(PAIRS, PairTokenizer);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(tokenizer: &mut impl Tokenizer, text: &str) -> Vec<(usize, usize, usize, String)> {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.offset_from, t.offset_to, t.position, t.text.clone()));
        }
        out
    }

    #[test]
    fn a_documents_texts_are_analysed_once_whatever_the_field_order() {
        let title = "Tỉnh ủy Hòa Bình quán triệt Nghị quyết Trung ương 4 khóa XII về Đảng";
        let body = "Ngày 12/3, Thành ủy Hải Phòng tổ chức hội nghị quán triệt Nghị quyết.";
        let source = "Báo Hải Phòng điện tử, cơ quan của Đảng bộ thành phố Hải Phòng";
        // tantivy's order: each field's views, then the pairs of title and body, then again.
        let first: Vec<Rc<Vec<Syllable>>> = [title, body, source]
            .into_iter()
            .map(analyze_cached)
            .collect();
        for _ in 0..2 {
            for (text, earlier) in [title, body].into_iter().zip(&first) {
                let again = analyze_cached(text);
                assert!(Rc::ptr_eq(&again, earlier), "{text} analysed again");
            }
        }
        assert_eq!(*first[1], analyze(body));
    }

    #[test]
    fn a_long_text_is_analysed_in_pieces_with_the_same_tokens() {
        let sentence = "Tỉnh uỷ Hoà Bình quán triệt Nghị quyết Trung ương 4 khóa XII. ";
        let text = sentence.repeat(PIECE_BYTES / sentence.len() * 2 + 7);
        assert!(text.len() > 2 * PIECE_BYTES);
        let whole: Vec<(usize, usize, usize, String)> = analyze(&text)
            .into_iter()
            .enumerate()
            .map(|(i, s)| (s.start, s.end, i, s.folded))
            .collect();
        let pieces = tokens(&mut VietnameseTokenizer { folded: true }, &text);
        assert_eq!(pieces.len(), whole.len());
        assert!(pieces == whole, "pieces must give the whole text's tokens");
        // Pairs: only a pair across a cut (at most one per piece) may be missing.
        let pairs = tokens(&mut PairTokenizer, &text);
        let all_pairs = syllable_pairs(&text);
        assert!(pairs.len() <= all_pairs.len() && pairs.len() + 4 >= all_pairs.len());
        assert!(pairs.windows(2).all(|w| w[0].2 + 1 == w[1].2));
        let last = pairs.last().unwrap();
        assert_eq!(&text[last.0..last.1], "khóa XII");
    }

    #[test]
    fn the_exact_view_skips_a_position_at_punctuation_and_the_folded_view_does_not() {
        let text = "Phòng, chống tham-nhũng. Dựa vào";
        let positions = |folded| -> Vec<(usize, String)> {
            tokens(&mut VietnameseTokenizer { folded }, text)
                .into_iter()
                .map(|t| (t.2, t.3))
                .collect()
        };
        let owned = |v: &[(usize, &str)]| -> Vec<(usize, String)> {
            v.iter().map(|(p, t)| (*p, t.to_string())).collect()
        };
        assert_eq!(
            positions(false),
            owned(&[
                (0, "phòng"),
                (2, "chống"),
                (3, "tham"),
                (4, "nhũng"),
                (6, "dựa"),
                (7, "vào")
            ])
        );
        assert_eq!(
            positions(true),
            owned(&[
                (0, "phong"),
                (1, "chong"),
                (2, "tham"),
                (3, "nhung"),
                (4, "dua"),
                (5, "vao")
            ])
        );
    }

    #[test]
    fn pairs_mark_names_and_stop_at_punctuation() {
        let tokens: Vec<String> = syllable_pairs("Tỉnh Hòa Bình, hòa bình. Thừa Thiên - Huế")
            .into_iter()
            .map(|(_, _, t)| t)
            .collect();
        assert_eq!(
            tokens,
            [
                "tinh hoa",
                "^tinh hoa",
                "hoa binh",
                "^hoa binh",
                "hoa binh",
                "thua thien",
                "^thua thien",
                "thien hue",
                "^thien hue",
            ]
        );
    }
}
