//! vnsearch: full-text search for Vietnamese news and reports on Party-building work.

pub mod text;
pub mod extract;
pub mod ingest;
pub mod index;
pub mod search;
