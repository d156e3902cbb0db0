//! Searching: the query language, ranking, snippets and facets.

pub mod build;
pub mod collisions;
pub mod engine;
pub mod eval;
pub mod facets;
pub mod forward_only;
pub mod query;
pub mod snippet;
pub mod typed;

pub use engine::{Engine, Filters, Hit, SearchError, SearchRequest, SearchResponse, SortOrder};
