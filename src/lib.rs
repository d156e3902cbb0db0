//! vnsearch: full-text search for Vietnamese news and reports on Party-building work.

pub mod cli;
pub mod data;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod model;
pub mod search;
pub mod text;
