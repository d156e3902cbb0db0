//! vnsearch: full-text search for Vietnamese news and reports on Party-building work.

pub mod extract;
pub mod text;
