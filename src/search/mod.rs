//! Searching: the query language, ranking, snippets and facets.

pub mod build;
pub mod card;
pub mod collisions;
pub mod date_counts;
pub mod engine;
pub mod eval;
pub mod facets;
pub mod forward_only;
pub mod named;
pub mod query;
mod rank;
pub mod request;
pub mod snippet;
pub mod stored;
#[cfg(test)]
mod test_support;
pub mod trend;
pub mod typed;

pub use engine::{
    Engine, Filters, Hit, Matched, SearchError, SearchRequest, SearchResponse, SortOrder,
};
