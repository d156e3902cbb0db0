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

/// The last text analysed on this thread and its syllables. Every text is indexed twice (exact
/// and folded fields, one after the other in the same indexing thread), so the second field
/// reuses the first one's analysis instead of running it again.
struct LastAnalysis {
    text: String,
    syllables: Rc<Vec<Syllable>>,
}

thread_local! {
    static LAST: RefCell<Option<LastAnalysis>> = const { RefCell::new(None) };
}

/// Texts shorter than this are cheaper to analyse again than to copy for the cache.
const CACHE_MIN_BYTES: usize = 64;

fn analyze_cached(text: &str) -> Rc<Vec<Syllable>> {
    if text.len() < CACHE_MIN_BYTES {
        return Rc::new(analyze(text));
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(hit) = last.as_ref().filter(|l| l.text == text) {
            return Rc::clone(&hit.syllables);
        }
        let syllables = Rc::new(analyze(text));
        *last = Some(LastAnalysis {
            text: text.to_owned(),
            syllables: Rc::clone(&syllables),
        });
        syllables
    })
}

pub struct SyllableStream {
    syllables: Rc<Vec<Syllable>>,
    folded: bool,
    index: usize,
    token: Token,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = SyllableStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream {
        SyllableStream {
            syllables: analyze_cached(text),
            folded: self.folded,
            index: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for SyllableStream {
    fn advance(&mut self) -> bool {
        let Some(syllable) = self.syllables.get(self.index) else {
            return false;
        };
        self.token.offset_from = syllable.start;
        self.token.offset_to = syllable.end;
        self.token.position = self.index;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(if self.folded {
            &syllable.folded
        } else {
            &syllable.exact
        });
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

/// Neighbouring syllables as one token each, folded: Vietnamese words are mostly two
/// syllables, so a pair is close to a word and gets the word's own rarity in ranking.
#[derive(Clone)]
pub struct PairTokenizer;

/// The pair tokens of one text, made up front (a text has few enough).
pub struct PairStream {
    tokens: Vec<Token>,
    index: usize,
}

impl TokenStream for PairStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream {
        // The same text was just analysed for its other views: reuse that analysis.
        let syllables = analyze_cached(text);
        let tokens = pairs_of(text, &syllables)
            .into_iter()
            .enumerate()
            .map(|(position, (start, end, text))| Token {
                offset_from: start,
                offset_to: end,
                position,
                text,
                position_length: 1,
            })
            .collect();
        PairStream { tokens, index: 0 }
    }
}

/// Marks the pair token of two capitalised syllables: a name ("Hòa Bình" the province, not
/// "hòa bình" peace).
pub const NAME_MARK: char = '^';

/// The pair token for two folded syllables, marked as a name when both were capitalised.
pub fn pair_token(first: &str, second: &str, name: bool) -> String {
    if name {
        format!("{NAME_MARK}{first} {second}")
    } else {
        format!("{first} {second}")
    }
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
    for pair in syllables.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = &text[a.end..b.start];
        if gap
            .chars()
            .any(|c| !c.is_whitespace() && c != '-' && c != '–')
        {
            continue;
        }
        out.push((a.start, b.end, pair_token(&a.folded, &b.folded, false)));
        if is_capitalised(&text[a.start..a.end]) && is_capitalised(&text[b.start..b.end]) {
            out.push((a.start, b.end, pair_token(&a.folded, &b.folded, true)));
        }
    }
    out
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
