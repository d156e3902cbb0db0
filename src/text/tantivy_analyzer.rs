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

/// Registers both Vietnamese analyzers on an index (new or freshly opened).
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(EXACT, VietnameseTokenizer { folded: false });
    manager.register(FOLDED, VietnameseTokenizer { folded: true });
}
