//! Which document a name means, read against the corpus. The filter parser says what a name
//! may mean (facet prefixes: "Quy định 47" is number 47 of every body that issues a Quy định);
//! here each document under those prefixes — the table's, and any other the index has counted
//! there — is weighed by how many articles cite it, and the most cited is the reading (the
//! kind and khóa written have already narrowed the prefixes). The others are kept, to say so.

use std::collections::BTreeMap;

use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::extract::citations::in_query::name_in_query;
use crate::extract::citations::known::{suggest, table_documents_under, under, KnownDocument};
use crate::extract::citations::resolution_filter;
use crate::index::Fields;
use crate::model::Level;

/// The deepest a citation's facet path goes (level, kind, issuer, symbol, year or khóa).
const MAX_DEPTH: usize = 6;

/// What a name was read as.
#[derive(Debug, Clone)]
pub struct NamedDocument {
    pub document: KnownDocument,
    /// Articles of the whole index citing it (filters aside).
    pub articles: u64,
    /// Other documents the name may mean, most cited first.
    pub also: Vec<(KnownDocument, u64)>,
}

/// A document named inside a search query.
#[derive(Debug, Clone)]
pub struct QueryDocument {
    pub named: NamedDocument,
    /// The words that name it, as typed.
    pub name: String,
    /// The rest of the query, which still has to match.
    pub rest: String,
}

/// Articles citing the document (its facet or below).
pub fn cites(fields: &Fields, document: &KnownDocument) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(fields.resolution, &Facet::from_path(&document.facet)),
        IndexRecordOption::Basic,
    ))
}

fn facet_term(fields: &Fields, path: &[String]) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(fields.resolution, &Facet::from_path(path)),
        IndexRecordOption::Basic,
    ))
}

/// Every facet node the index holds under the prefixes, with its article count.
fn nodes_under(
    searcher: &Searcher,
    fields: &Fields,
    prefixes: &[Vec<String>],
) -> tantivy::Result<BTreeMap<Vec<String>, u64>> {
    let field_name = searcher
        .schema()
        .get_field_name(fields.resolution)
        .to_owned();
    let any = BooleanQuery::new(
        prefixes
            .iter()
            .map(|p| (Occur::Should, facet_term(fields, p)))
            .collect(),
    );
    let mut nodes = BTreeMap::new();
    for prefix in prefixes {
        let n = searcher.search(&*facet_term(fields, prefix), &Count)? as u64;
        if n > 0 {
            nodes.insert(prefix.clone(), n);
        }
    }
    let mut frontier: Vec<Facet> = nodes.keys().map(Facet::from_path).collect();
    for _ in 0..MAX_DEPTH {
        if frontier.is_empty() {
            break;
        }
        let mut collector = FacetCollector::for_field(&field_name);
        for facet in &frontier {
            collector.add_facet(facet.clone());
        }
        let counts = searcher.search(&any, &collector)?;
        let mut next = Vec::new();
        for parent in &frontier {
            for (facet, n) in counts.get(parent.clone()) {
                let path: Vec<String> = facet.to_path().into_iter().map(str::to_owned).collect();
                if nodes.insert(path, n).is_none() {
                    next.push(facet.clone());
                }
            }
        }
        frontier = next;
    }
    Ok(nodes)
}

/// The documents under `prefixes`, most cited first; `None` when there are none.
pub fn read_prefixes(
    searcher: &Searcher,
    fields: &Fields,
    prefixes: &[Vec<String>],
) -> tantivy::Result<Option<NamedDocument>> {
    let nodes = nodes_under(searcher, fields, prefixes)?;
    let table = table_documents_under(prefixes);
    let count = |facet: &[String]| nodes.get(facet).copied().unwrap_or(0);
    let mut candidates: Vec<(KnownDocument, u64)> =
        table.iter().map(|d| (d.clone(), count(&d.facet))).collect();
    // Documents the table does not hold, as the index counted them: the leaves of the tree
    // under the prefixes that hold no table document. A bare number with no issuer is no
    // document. A name that is a table document's own path means that document alone.
    let exact = table.iter().any(|d| prefixes.contains(&d.facet));
    for (path, &n) in nodes.iter().filter(|_| !exact) {
        let is_leaf = !nodes
            .keys()
            .any(|other| other.len() > path.len() && other.starts_with(path));
        let holds_table = table
            .iter()
            .any(|d| d.facet.starts_with(path) || path.starts_with(&d.facet));
        let unresolved = path.first().map(String::as_str) == Some(Level::Unresolved.facet_root());
        if is_leaf && !holds_table && !unresolved && under(path, prefixes) {
            candidates.push((KnownDocument::at(path), n));
        }
    }
    // Most cited first; ties keep the table's order, table documents first.
    candidates.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut candidates = candidates.into_iter();
    let Some((document, articles)) = candidates.next() else {
        return Ok(None);
    };
    Ok(Some(NamedDocument {
        document,
        articles,
        also: candidates.collect(),
    }))
}

/// A name read whole (`vnsearch doc NAME`); `Err` carries the closest known names when it
/// names no document the tables or the index know.
pub fn read_name(
    searcher: &Searcher,
    fields: &Fields,
    name: &str,
) -> Result<Result<NamedDocument, Vec<String>>, tantivy::TantivyError> {
    let prefixes = match resolution_filter(name) {
        Ok(prefixes) => prefixes,
        Err(_) => return Ok(Err(suggest(name))),
    };
    Ok(read_prefixes(searcher, fields, &prefixes)?.ok_or_else(|| suggest(name)))
}

/// The document a search query names, if it names one (see `extract::citations::in_query`).
pub fn read_query(
    searcher: &Searcher,
    fields: &Fields,
    query: &str,
) -> tantivy::Result<Option<QueryDocument>> {
    let Some(found) = name_in_query(query) else {
        return Ok(None);
    };
    Ok(
        read_prefixes(searcher, fields, &found.prefixes)?.map(|named| QueryDocument {
            named,
            name: found.name,
            rest: found.rest,
        }),
    )
}
