//! What a search is asked and what it answers: the request every front end builds (through
//! `api::Params`), the hits and counts it gets back, and the one error a search can raise.

use serde::Serialize;
use thiserror::Error;

use super::facets::{self, Dimension, FacetCount};
use super::named::QueryDocument;
use super::snippet::Snippet;
use crate::index::document::StoredMeta;
use crate::index::store::IndexError;
use crate::model::Date;

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
    /// Oldest first.
    #[serde(rename = "-date")]
    DateAsc,
}

impl SortOrder {
    /// Every order, for front ends that list or parse them by name.
    pub const ALL: [SortOrder; 3] = [SortOrder::Relevance, SortOrder::Date, SortOrder::DateAsc];

    /// The name users type (`--sort -date`, `sort=-date`).
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Date => "date",
            SortOrder::DateAsc => "-date",
        }
    }
}

/// Filters, already resolved to facet paths and dates.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Filters {
    /// Region → province paths; a document matches any of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Vec<String>>,
    /// Roll provinces up into the units in force since July 2025.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub merged: bool,
    /// Each inner list is one `--resolution` filter: any of its paths matches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Vec<Vec<String>>>,
    /// Date filters and the year facet also use guessed dates (`DateConfidence::Guess`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub guessed_dates: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Each entry is one `--person` filter, as the folded key of the name
    /// (`extract::people::person_key`): a document must name every one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub person: Vec<String>,
    #[serde(skip)]
    pub from_date: Option<Date>,
    #[serde(skip)]
    pub to_date: Option<Date>,
}

impl Filters {
    /// What facet counting needs to know of the filters.
    pub fn counting(&self) -> facets::Counting {
        facets::Counting {
            merged: self.merged,
            guessed_dates: self.guessed_dates,
        }
    }
}

/// One search, resolved and checked: what `api::Params::resolve` produces for every front end.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    pub filters: Filters,
    pub facets: Vec<Dimension>,
    pub snippets: usize,
    /// Attach tantivy's score explanation to each hit (for ranking work).
    pub explain: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            limit: 10,
            offset: 0,
            sort: SortOrder::Relevance,
            filters: Filters::default(),
            facets: Vec::new(),
            snippets: 3,
            explain: false,
        }
    }
}

/// One ranked article of a page of results, as JSON prints it (its metadata flattened in).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    /// The relevance score within the hit's tier (as typed, or not): what ranks it among the
    /// hits of the same tier. 0 when sorted by date.
    pub score: f32,
    /// The hit holds the query's words as typed, diacritics included (`search::typed`); always
    /// true for a query typed without marks.
    pub as_typed: bool,
    #[serde(flatten)]
    pub meta: StoredMeta,
    pub snippets: Vec<Snippet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<serde_json::Value>,
}

/// A page of hits with the total, how the query was matched, and the facet counts asked for.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResponse {
    pub total: usize,
    pub took_ms: f64,
    /// "all" when every bare word had to match, "most" after the fallback.
    pub matching: &'static str,
    /// The query did not parse and was read as plain words.
    pub fallback: bool,
    pub hits: Vec<Hit>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facets: Vec<(Dimension, Vec<FacetCount>)>,
    /// The document the query names, as it was read (see `search::named`).
    #[serde(skip)]
    pub documents: Vec<QueryDocument>,
}

/// A search that could not run: the index, not the query (a query never fails to parse).
#[derive(Debug, Error)]
pub enum SearchError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("search failed: {}{}", .0, remedy(.0))]
    Tantivy(#[from] tantivy::TantivyError),
}

/// What to do about a failure that means damaged index files.
fn remedy(err: &tantivy::TantivyError) -> &'static str {
    use tantivy::TantivyError::*;
    match err {
        DataCorruption(_) | OpenReadError(_) | IoError(_) | OpenDirectoryError(_) => {
            " (the index is damaged: rebuild it with `vnsearch index --rebuild`)"
        }
        _ => "",
    }
}
