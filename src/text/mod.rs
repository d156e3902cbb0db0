//! Vietnamese text analysis: one chain shared by the indexer, the query parser and the snippet
//! builder, so that the three can never disagree about what a syllable is.
//!
//! normalise characters (NFC, Ð→Đ, odd spaces) → place the tone mark by rule → split into
//! syllables → lower case → one spelling for the i/y variants of a word → (for the folded view)
//! strip every mark. One file per step.

pub mod fold;
mod memo;
pub mod normalize;
pub mod spelling;
pub mod syllables;
pub mod tantivy_analyzer;
pub mod tone;
pub mod unfold;
pub mod words;

pub use fold::{fold, has_diacritics};
pub use normalize::normalize_text;
pub use syllables::{analyze, Syllable};
