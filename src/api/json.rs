//! The versioned JSON shapes every front end prints (`--json`, `--batch`, the HTTP API), built
//! in one place so a script sees the same object whichever way it asked. The shape is
//! documented in `docs/json-output.schema.json`.

use serde_json::{json, Map, Value};

use crate::data::documents::roman;
use crate::extract::citations::known::KnownDocument;
use crate::index::document::StoredMeta;
use crate::index::store::IndexStats;
use crate::search::card::{Card, CardRequest};
use crate::search::facets::{Dimension, FacetCount};
use crate::search::named::NamedDocument;
use crate::search::trend::{Trend, TrendBy, TrendRequest};
use crate::search::{Hit, SearchRequest, SearchResponse};

/// Version of the JSON shape; bumped on any incompatible change (new keys are compatible).
pub const JSON_VERSION: u32 = 1;

/// Every field of a hit object, in output order; `fields` picks among them.
pub const HIT_FIELDS: &[&str] = &[
    "rank",
    "score",
    "as_typed",
    "id",
    "key",
    "path",
    "line",
    "title",
    "source",
    "url",
    "date",
    "date_source",
    "date_confidence",
    "year_only",
    "primary_province",
    "provinces",
    "references",
    "citations",
    "category",
    "author",
    "people",
    "snippets",
    "explanation",
];

/// Facet counts by dimension name.
pub fn facets_json(facets: &[(Dimension, Vec<FacetCount>)]) -> Value {
    let mut map = Map::new();
    for (dimension, counts) in facets {
        map.insert(
            dimension.name().to_owned(),
            serde_json::to_value(counts).expect("facets serialise"),
        );
    }
    Value::Object(map)
}

fn filters_json(request: &SearchRequest) -> Value {
    serde_json::to_value(&request.filters).expect("filters serialise")
}

/// The object for one search (`search --json`, a batch answer, `GET /api/search`), its hits
/// trimmed to `fields` when given.
pub fn search_json(
    request: &SearchRequest,
    response: &SearchResponse,
    fields: Option<&[String]>,
) -> Value {
    let mut value = json!({
        "version": JSON_VERSION,
        "query": request.query,
        "filters": filters_json(request),
        "total": response.total,
        "offset": request.offset,
        "limit": request.limit,
        "took_ms": (response.took_ms * 1000.0).round() / 1000.0,
        "matching": response.matching,
        "fallback": response.fallback,
        "hits": response.hits,
    });
    if !response.facets.is_empty() {
        value["facets"] = facets_json(&response.facets);
    }
    if !response.documents.is_empty() {
        value["documents"] = response
            .documents
            .iter()
            .map(|d| {
                let mut doc = named_document_json(&d.named);
                doc["name"] = json!(d.name);
                doc["rest"] = json!(d.rest);
                doc
            })
            .collect();
    }
    if let Some(fields) = fields {
        trim_hits(&mut value["hits"], fields);
    }
    value
}

/// The object for facet counts alone (`facets --json`, `GET /api/facets`).
pub fn facets_response_json(request: &SearchRequest, response: &SearchResponse) -> Value {
    json!({
        "version": JSON_VERSION,
        "query": request.query,
        "filters": filters_json(request),
        "total": response.total,
        "facets": facets_json(&response.facets),
    })
}

/// The object for a trend (`trend --json`, `GET /api/trend`): periods oldest first (by
/// province: a ranking), and what no period holds counted apart.
pub fn trend_json(request: &TrendRequest, trend: &Trend) -> Value {
    let mut value = json!({
        "version": JSON_VERSION,
        "query": request.search.query,
        "filters": filters_json(&request.search),
        "by": request.by.name(),
        "periods": trend.periods,
        "total": trend.total,
        "took_ms": (trend.took_ms * 1000.0).round() / 1000.0,
        "matching": trend.matching,
        "fallback": trend.fallback,
    });
    if let Some(per) = request.per {
        value["per"] = json!(per);
    }
    match request.by {
        TrendBy::Province => value["unplaced"] = json!(trend.unplaced),
        by => {
            value["undated"] = json!(trend.undated);
            if let Some(guessed) = trend.guessed {
                value["guessed"] = json!(guessed);
            }
            if by == TrendBy::Month {
                value["year_only"] = json!(trend.year_only);
            }
        }
    }
    value
}

/// What is known of one document (a card's `document`, an entry of a search's `documents`).
pub fn known_document_json(d: &KnownDocument) -> Value {
    json!({
        "label": d.label,
        "kind": d.kind,
        "symbol": d.symbol,
        "number": d.number,
        "issuer": d.issuer,
        "level": d.level.as_str(),
        "khoa": d.term.map(roman),
        "plenum": d.plenum,
        "date": d.signed.map(|s| s.to_string()),
        "year": d.year,
        "title": d.title,
        "aliases": d.aliases(),
        "facet": d.facet,
        "filter": d.filter,
        "in_table": d.in_table,
    })
}

/// A name's reading: the document, the articles of the index citing it, the other documents
/// the name may mean.
pub fn named_document_json(named: &NamedDocument) -> Value {
    let mut value = known_document_json(&named.document);
    value["articles"] = json!(named.articles);
    value["also"] = named
        .also
        .iter()
        .map(|(d, n)| json!({ "label": d.label, "filter": d.filter, "articles": n }))
        .collect();
    value
}

/// An article as a card names it: enough to find and show it.
fn article_ref(meta: &StoredMeta) -> Value {
    json!({
        "id": meta.id,
        "title": meta.title,
        "date": meta.date,
        "date_confidence": meta.date_confidence,
        "primary_province": meta.primary_province,
    })
}

/// The object for a document card (`doc --json`, `GET /api/doc-card`).
pub fn card_json(request: &CardRequest, card: &Card) -> Value {
    json!({
        "version": JSON_VERSION,
        "name": request.name,
        "filters": serde_json::to_value(&request.filters).expect("filters serialise"),
        "document": named_document_json(&card.named),
        "articles": card.articles,
        "first": card.first.as_ref().map(article_ref),
        "latest": card.latest.as_ref().map(article_ref),
        "by_year": card.by_year,
        "by_province": card.by_province,
        "cited_with": card
            .cited_with
            .iter()
            .map(|(label, n)| json!({ "label": label, "articles": n }))
            .collect::<Vec<_>>(),
        "took_ms": (card.took_ms * 1000.0).round() / 1000.0,
    })
}

/// Keeps only the named fields of a hit (and, on a `--jsonl` line, its `query` and `version`).
pub fn trim_hit(hit: &mut Value, fields: &[String]) {
    if let Value::Object(map) = hit {
        map.retain(|key, _| key == "query" || key == "version" || fields.iter().any(|f| f == key));
    }
}

fn trim_hits(hits: &mut Value, fields: &[String]) {
    if let Value::Array(hits) = hits {
        for hit in hits {
            trim_hit(hit, fields);
        }
    }
}

/// One `--jsonl` line: a hit with the query it answers.
pub fn hit_line(query: &str, hit: &Hit, fields: Option<&[String]>) -> Value {
    let mut value = serde_json::to_value(hit).expect("hits serialise");
    value["query"] = Value::String(query.to_owned());
    value["version"] = json!(JSON_VERSION);
    if let Some(fields) = fields {
        trim_hit(&mut value, fields);
    }
    value
}

/// One article (`show --json`, `GET /api/doc/{id}`): its metadata, then its text.
pub fn document_json(meta: &StoredMeta, text: &str, raw: bool) -> Value {
    let mut value = json!({ "version": JSON_VERSION });
    if let Value::Object(fields) = serde_json::to_value(meta).expect("metadata serialises") {
        value.as_object_mut().expect("an object").extend(fields);
    }
    value["text"] = text.into();
    value["raw"] = raw.into();
    value
}

/// The index's figures (`stats --json`, `GET /api/stats`).
pub fn stats_json(stats: &IndexStats) -> Value {
    json!({
        "version": JSON_VERSION,
        "index": stats.dir.display().to_string(),
        "documents": stats.documents,
        "index_bytes": stats.bytes,
        "segments": stats.segments,
        "roots": stats.roots,
        "schema_version": stats.schema_version,
        "last_indexed": stats.last_indexed,
    })
}

/// An error as scripts receive it (a failed batch line adds `line` and `input`).
pub fn error_json(message: &str) -> Value {
    json!({ "version": JSON_VERSION, "error": message })
}
