//! vnsearch: full-text search for Vietnamese news and reports on Party-building work.

pub mod api;
pub mod cli;
pub mod data;
pub mod export;
pub mod extract;
pub mod index;
pub mod ingest;
#[cfg(test)]
mod layers;
pub mod model;
pub mod search;
pub mod serve;
pub mod text;
