//! The tantivy index: schema, the mapping from articles to documents, building and updating.

pub mod document;
pub mod manifest;
pub mod meta;
pub mod schema;
pub mod store;
pub mod writer;

pub use schema::{Fields, SCHEMA_VERSION};
pub use store::IndexStore;
