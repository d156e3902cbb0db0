//! Vietnamese text analysis: one chain shared by the indexer, the query parser and the snippet
//! builder, so that the three can never disagree about what a syllable is.
//!
//! normalise characters (NFC, Ð→Đ, odd spaces) → unify tone placement → split into syllables
//! → lower case → (for the folded view) strip every mark.

pub mod fold;
pub mod normalize;
pub mod syllables;
pub mod tantivy_analyzer;
pub mod tone;
pub mod words;

pub use fold::{fold, has_diacritics};
pub use normalize::normalize_text;
pub use syllables::{analyze, Syllable};
