//! TEMPORARY: stands in for `src/api/` (the one request parser) until it lands on main; every
//! function here is replaced by a call into it.

use axum::http::StatusCode;
use serde_json::{json, Value};

use super::error::ApiError;
use super::routes::{MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS};
use crate::cli::output::{facets_json, response_json, JSON_VERSION};
use crate::cli::FilterArgs;
use crate::index::document::StoredMeta;
use crate::search::facets::Dimension;
use crate::search::{Engine, Filters, SearchRequest, SearchResponse, SortOrder};

pub struct Parsed {
    pub request: SearchRequest,
    pub filters: Filters,
}

fn bad(message: String) -> ApiError {
    ApiError::bad_request(message)
}

fn number<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, ApiError> {
    value
        .parse()
        .map_err(|_| bad(format!("bad {key} {value:?}: a number")))
}

fn flag(key: &str, value: &str) -> Result<bool, ApiError> {
    match value {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(bad(format!("bad {key} {value:?}: true or false"))),
    }
}

fn dimension(value: &str) -> Result<Dimension, ApiError> {
    <Dimension as clap::ValueEnum>::from_str(value, true)
        .map_err(|_| bad(format!("unknown facet field {value:?}")))
}

fn parse(pairs: &[(String, String)], facets_endpoint: bool) -> Result<Parsed, ApiError> {
    let mut request = SearchRequest::default();
    let mut args = FilterArgs::default();
    for (key, value) in pairs {
        match key.as_str() {
            "q" | "query" => request.query = value.clone(),
            "limit" if !facets_endpoint => request.limit = number(key, value)?,
            "offset" if !facets_endpoint => request.offset = number(key, value)?,
            "snippets" if !facets_endpoint => {
                request.snippets = number(key, value)?;
                if request.snippets > 3 {
                    return Err(bad(format!("bad snippets {value}: use 0 to 3")));
                }
            }
            "sort" if !facets_endpoint => {
                request.sort = <SortOrder as clap::ValueEnum>::from_str(value, true)
                    .map_err(|_| bad(format!("bad sort {value:?}: relevance, date or -date")))?
            }
            "facets" if !facets_endpoint => {
                if value.contains(',') || dimension(value).is_ok() {
                    for name in value.split(',') {
                        request.facets.push(dimension(name)?);
                    }
                } else if flag(key, value)? {
                    request.facets = Dimension::ALL.to_vec();
                }
            }
            "field" if facets_endpoint => {
                for name in value.split(',') {
                    request.facets.push(dimension(name)?);
                }
            }
            "province" => args.province.push(value.clone()),
            "region" => args.region.push(value.clone()),
            "resolution" => args.resolution.push(value.clone()),
            "merged" => args.merged = flag(key, value)?,
            "year" => args.year = Some(number(key, value)?),
            "from" => args.from = Some(value.clone()),
            "to" => args.to = Some(value.clone()),
            "category" => args.category = Some(value.clone()),
            "guessed_dates" => args.guessed_dates = flag(key, value)?,
            _ => return Err(bad(format!("unknown parameter {key:?}"))),
        }
    }
    if request.query.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the query is over {MAX_QUERY_CHARS} characters"),
        ));
    }
    if request.limit > MAX_LIMIT {
        return Err(bad(format!(
            "bad limit {}: at most {MAX_LIMIT}",
            request.limit
        )));
    }
    if request.offset > MAX_OFFSET {
        return Err(bad(format!(
            "bad offset {}: at most {MAX_OFFSET}",
            request.offset
        )));
    }
    if facets_endpoint {
        request.limit = 0;
        request.snippets = 0;
        if request.facets.is_empty() {
            request.facets = Dimension::ALL.to_vec();
        }
    }
    let filters = crate::cli::filters::resolve(&args).map_err(|e| bad(format!("{e:#}")))?;
    request.filters = filters.clone();
    Ok(Parsed { request, filters })
}

pub fn search_request(pairs: &[(String, String)]) -> Result<Parsed, ApiError> {
    parse(pairs, false)
}

pub fn facets_request(pairs: &[(String, String)]) -> Result<Parsed, ApiError> {
    parse(pairs, true)
}

pub fn search_json(parsed: &Parsed, response: &SearchResponse) -> Value {
    let r = &parsed.request;
    response_json(
        &r.query,
        &serde_json::to_value(&parsed.filters).expect("filters serialise"),
        r.limit,
        r.offset,
        response,
    )
}

pub fn facets_json_response(parsed: &Parsed, response: &SearchResponse) -> Value {
    json!({
        "version": JSON_VERSION,
        "query": parsed.request.query,
        "filters": parsed.filters,
        "total": response.total,
        "facets": facets_json(&response.facets),
    })
}

pub fn doc_query(pairs: &[(String, String)]) -> Result<Option<String>, ApiError> {
    let mut query = None;
    for (key, value) in pairs {
        match key.as_str() {
            "q" | "query" => query = Some(value.clone()),
            _ => return Err(bad(format!("unknown parameter {key:?}"))),
        }
    }
    Ok(query.filter(|q| !q.trim().is_empty()))
}

pub fn doc_json(
    meta: &StoredMeta,
    text: String,
    query: Option<String>,
    highlights: Option<Vec<[usize; 2]>>,
) -> Value {
    let mut value = json!({ "version": JSON_VERSION });
    if let Value::Object(fields) = serde_json::to_value(meta).expect("meta serialises") {
        value.as_object_mut().expect("an object").extend(fields);
    }
    value["text"] = text.into();
    value["raw"] = false.into();
    if let (Some(query), Some(highlights)) = (query, highlights) {
        value["query"] = query.into();
        value["highlights"] = json!(highlights);
    }
    value
}

pub fn stats_json(engine: &Engine) -> anyhow::Result<Value> {
    let dir = &engine.store.dir;
    let meta = crate::index::meta::IndexMeta::load(dir)?.unwrap_or_default();
    let searcher = engine.searcher();
    let bytes: u64 = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    Ok(json!({
        "version": JSON_VERSION,
        "index": dir.display().to_string(),
        "documents": searcher.num_docs(),
        "index_bytes": bytes,
        "segments": searcher.segment_readers().len(),
        "roots": meta.roots,
        "schema_version": meta.schema_version,
        "last_indexed": meta.last_indexed,
    }))
}
