//! The versioned JSON shapes every front end prints (`--json`, `--batch`, the HTTP API), built
//! in one place so a script sees the same object whichever way it asked. The shape is
//! documented in `docs/json-output.schema.json`.

use serde_json::{json, Map, Value};

use crate::index::document::StoredMeta;
use crate::index::store::IndexStats;
use crate::search::facets::{Dimension, FacetCount};
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
