//! Document cards (`vnsearch doc NAME`): what the tables know of one document and what the
//! corpus says of it — how many articles cite it (under the request's filters: the number
//! `facets --resolution` counts for the card's `filter`), the first and the latest of them, by
//! year and by province, and the documents cited most often beside it.

use std::collections::HashMap;
use std::time::Instant;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::{DateTime, Order, TantivyDocument};

use super::facets::{self, both, dating_is, trusted_dates, Dimension, FacetCount};
use super::named::{cites, read_name, NamedDocument};
use super::{Engine, Filters, SearchError};
use crate::index::document::StoredMeta;

/// How many co-cited documents a card lists.
pub const CITED_WITH: usize = 10;

/// A card to build: the name as typed and the filters that narrow its articles.
#[derive(Debug, Clone, Default)]
pub struct CardRequest {
    pub name: String,
    pub filters: Filters,
}

/// One document's card.
#[derive(Debug, Clone)]
pub struct Card {
    /// The document the name was read as, and the others it may mean.
    pub named: NamedDocument,
    /// Articles citing it under the filters.
    pub articles: u64,
    /// The earliest and the latest of them by a certain or likely date (any date with
    /// `guessed_dates`).
    pub first: Option<StoredMeta>,
    pub latest: Option<StoredMeta>,
    /// As the year facet counts them (years newest first, then undated and guessed).
    pub by_year: Vec<FacetCount>,
    /// Provinces mentioned, most articles first.
    pub by_province: Vec<FacetCount>,
    /// Labels of the documents its articles cite most often beside it, with how many articles.
    pub cited_with: Vec<(String, u64)>,
    pub took_ms: f64,
}

impl Engine {
    /// The card of the document `request.name` names; `Ok(Err(names))` when it names none the
    /// tables or the index know, with the closest known names.
    pub fn card(&self, request: &CardRequest) -> Result<Result<Card, Vec<String>>, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let fields = &self.store.fields;
        let named = match read_name(&searcher, fields, &request.name)? {
            Ok(named) => named,
            Err(suggestions) => return Ok(Err(suggestions)),
        };
        let query = both(
            &*self.filtered(&request.filters),
            cites(fields, &named.document),
        );
        let articles = searcher.search(&query, &Count)? as u64;
        let dated: Box<dyn Query> = if request.filters.guessed_dates {
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(query.clone())),
                (Occur::MustNot, dating_is(fields, "none")),
            ]))
        } else {
            Box::new(both(&query, trusted_dates(fields)))
        };
        let end = |order: Order| -> Result<Option<StoredMeta>, SearchError> {
            let top = TopDocs::with_limit(1).order_by_fast_field::<DateTime>("date", order);
            let found = searcher.search(&*dated, &top)?;
            match found.first() {
                Some(&(_, address)) => {
                    let doc: TantivyDocument = searcher.doc(address)?;
                    Ok(Some(StoredMeta::from_document(&doc, fields).0))
                }
                None => Ok(None),
            }
        };
        let first = end(Order::Asc)?;
        let latest = end(Order::Desc)?;
        let counting = request.filters.counting();
        let by_year = facets::count(&searcher, fields, &query, Dimension::Year, &counting)?;
        let mut by_province =
            facets::count(&searcher, fields, &query, Dimension::Province, &counting)?;
        by_province.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        let mut beside: HashMap<String, u64> = HashMap::new();
        for address in searcher.search(&query, &DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let (meta, _) = StoredMeta::from_document(&doc, fields);
            for label in meta.references {
                if label != named.document.label {
                    *beside.entry(label).or_default() += 1;
                }
            }
        }
        let mut cited_with: Vec<(String, u64)> = beside.into_iter().collect();
        cited_with.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cited_with.truncate(CITED_WITH);
        Ok(Ok(Card {
            named,
            articles,
            first,
            latest,
            by_year,
            by_province,
            cited_with,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
        }))
    }
}
