//! The analysis chain as tantivy tokenizers. Registered on every `Index::open`, because tantivy
//! starts each opened index with a fresh `TokenizerManager` and would silently fall back.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::Index;

use super::syllables::analyze;

/// Tokenizer name for fields that keep diacritics.
pub const EXACT: &str = "vi_exact";
/// Tokenizer name for the diacritic-folded fields.
pub const FOLDED: &str = "vi_folded";

#[derive(Clone)]
pub struct VietnameseTokenizer {
    folded: bool,
}

pub struct SyllableStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for VietnameseTokenizer {
    type TokenStream<'a> = SyllableStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream {
        let tokens = analyze(text)
            .into_iter()
            .enumerate()
            .map(|(position, s)| Token {
                offset_from: s.start,
                offset_to: s.end,
                position,
                text: if self.folded { s.folded } else { s.exact },
                position_length: 1,
            })
            .collect();
        SyllableStream { tokens, index: 0 }
    }
}

impl TokenStream for SyllableStream {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

/// Registers both Vietnamese analyzers on an index (new or freshly opened).
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(EXACT, VietnameseTokenizer { folded: false });
    manager.register(FOLDED, VietnameseTokenizer { folded: true });
}
