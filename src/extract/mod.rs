//! Pure functions from raw text to what an article is: title, body, date, places, documents.
//! No tantivy types here; `crate::index` maps these values to fields.

pub mod article;
pub mod boilerplate;
pub mod date;
