//! Facet paths (region → province, year, document references, category) and their counts.

use serde::Serialize;
use tantivy::collector::FacetCollector;
use tantivy::query::Query;
use tantivy::schema::Facet;
use tantivy::Searcher;

use crate::index::Fields;

/// The facet dimensions users ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Province,
    Region,
    Year,
    Resolution,
    Category,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Region,
        Dimension::Province,
        Dimension::Year,
        Dimension::Resolution,
        Dimension::Category,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Province => "province",
            Dimension::Region => "region",
            Dimension::Year => "year",
            Dimension::Resolution => "resolution",
            Dimension::Category => "category",
        }
    }
}

/// One counted value: its full path (e.g. region then province) and how many documents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FacetCount {
    pub value: String,
    pub path: Vec<String>,
    pub count: u64,
}

/// Counts documents matching `query` along `dimension`, most frequent first (ties by name).
pub fn count(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    dimension: Dimension,
    merged: bool,
) -> tantivy::Result<Vec<FacetCount>> {
    let field = match dimension {
        Dimension::Province | Dimension::Region if merged => fields.place_now,
        Dimension::Province | Dimension::Region => fields.place,
        Dimension::Year => fields.year,
        Dimension::Resolution => fields.resolution,
        Dimension::Category => fields.category,
    };
    let field_name = searcher.schema().get_field_name(field).to_owned();
    // Provinces are the second level under regions; documents references are counted at
    // their leaves (each leaf is one cited document) and at every level above.
    let depth = match dimension {
        Dimension::Region | Dimension::Year | Dimension::Category => 1,
        Dimension::Province => 2,
        Dimension::Resolution => 4,
    };
    let mut results: Vec<FacetCount> = Vec::new();
    let mut frontier = vec![Facet::root()];
    for _ in 1..=depth {
        if frontier.is_empty() {
            break;
        }
        let mut collector = FacetCollector::for_field(&field_name);
        for facet in &frontier {
            collector.add_facet(facet.clone());
        }
        let counts = searcher.search(query, &collector)?;
        let mut next = Vec::new();
        for parent in &frontier {
            for (facet, n) in counts.get(parent.clone()) {
                let path: Vec<String> = facet.to_path().into_iter().map(str::to_owned).collect();
                results.push(FacetCount {
                    value: path.last().cloned().unwrap_or_default(),
                    path,
                    count: n,
                });
                next.push(facet.clone());
            }
        }
        frontier = next;
    }
    if dimension == Dimension::Year {
        results.sort_by(|a, b| b.value.cmp(&a.value));
        return Ok(results);
    }
    let mut ordered = tree_order(results);
    if dimension == Dimension::Province {
        ordered.retain(|c| c.path.len() == 2);
    }
    Ok(ordered)
}

/// Depth-first order: siblings by count (descending) then name, each followed by its children.
fn tree_order(items: Vec<FacetCount>) -> Vec<FacetCount> {
    use std::cmp::Reverse;
    use std::collections::HashMap;
    let counts: HashMap<Vec<String>, u64> =
        items.iter().map(|c| (c.path.clone(), c.count)).collect();
    let sort_key = |c: &FacetCount| -> Vec<(Reverse<u64>, String)> {
        (1..=c.path.len())
            .map(|i| {
                let prefix = c.path[..i].to_vec();
                (
                    Reverse(counts.get(&prefix).copied().unwrap_or(0)),
                    c.path[i - 1].clone(),
                )
            })
            .collect()
    };
    let mut keyed: Vec<_> = items.into_iter().map(|c| (sort_key(&c), c)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, c)| c).collect()
}
