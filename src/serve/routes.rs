//! The routes: `/api/…` answers in the same JSON shapes (and `version`) as the CLI's `--json`,
//! every other path is one of the page's compiled-in files or a 404.

use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::json;

use super::error::{answer, ApiError};
use super::{assets, guard, AppState, MAX_QUEUE_WAIT};
use crate::api::json::{
    card_json, document_json, facets_response_json, search_json, stats_json, trend_json,
    JSON_VERSION,
};
use crate::api::{Bounds, CardParams, Params, RequestError, TrendParams};
use crate::search::facets::Dimension;
use crate::search::{Engine, SearchRequest};

/// The work one HTTP request may ask for: a page of at most 100 hits, no deeper than 10,000
/// (narrow with filters instead), a query of at most 1,000 characters.
pub const BOUNDS: Bounds = Bounds {
    max_limit: 100,
    max_offset: 10_000,
    max_query_chars: 1000,
};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/search", get(search))
        .route("/api/facets", get(facets))
        .route("/api/trend", get(trend))
        .route("/api/doc-card", get(doc_card))
        .route("/api/doc/{id}", get(doc))
        .route("/api/stats", get(stats))
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(|| async { json_file(OPENAPI) }))
        .route(
            "/api/json-output.schema.json",
            get(|| async { json_file(JSON_SCHEMA) }),
        )
        .fallback(page_or_not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}

/// The key/value pairs of a query string, in order, percent-decoded; invalid UTF-8 is refused.
pub fn query_pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    let mut pairs = Vec::new();
    for part in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let decode = |s: &str| {
            let spaced = s.replace('+', " ");
            percent_encoding::percent_decode_str(&spaced)
                .decode_utf8()
                .map(|text| text.into_owned())
                .map_err(|_| ApiError::bad_request("the query string is not valid UTF-8"))
        };
        pairs.push((decode(key)?, decode(value)?));
    }
    Ok(pairs)
}

/// Runs index work on the blocking pool, at most `MAX_CONCURRENT_WORK` at once; a request that
/// cannot get its turn within `MAX_QUEUE_WAIT` is told the server is busy.
async fn with_engine<T, F>(state: &AppState, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Engine) -> Result<T, ApiError> + Send + 'static,
{
    let permit = tokio::time::timeout(MAX_QUEUE_WAIT, state.permits.clone().acquire_owned())
        .await
        .map_err(|_| busy(MAX_QUEUE_WAIT))?
        .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping"))?;
    let engine = state.engine.clone();
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&engine)
    })
    .await
    .map_err(|_| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the search failed unexpectedly",
        )
    })?
}

fn busy(waited: Duration) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "the server is busy: no turn within {} s, try again",
            waited.as_secs()
        ),
    )
}

/// An engine failure: the index is damaged or unreadable, not the request's fault.
fn engine_error(err: impl std::fmt::Display) -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, err.to_string())
}

/// The query string as one request, through the parser every front end shares.
fn params(pairs: &[(String, String)]) -> Result<Params, ApiError> {
    let mut params = Params::default();
    params.apply_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    Ok(params)
}

/// Keys that shape a page of hits: `/api/facets` answers counts only, so it refuses them rather
/// than accept and silently ignore them.
const HIT_PAGE_KEYS: &[&str] = &["limit", "offset", "sort", "snippets", "fields"];

/// `/api/facets` counts only: no page of hits, every dimension unless some are named.
fn facets_request(pairs: &[(String, String)]) -> Result<SearchRequest, ApiError> {
    if let Some((key, _)) = pairs
        .iter()
        .find(|(k, _)| HIT_PAGE_KEYS.contains(&k.as_str()))
    {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("parameter \"{key}\" does not apply to /api/facets, which answers counts only (use /api/search?facets=… for hits and counts)"),
        ));
    }
    let mut request = params(pairs)?.resolve(BOUNDS)?;
    request.limit = 0;
    request.snippets = 0;
    if request.facets.is_empty() {
        request.facets = Dimension::ALL.to_vec();
    }
    Ok(request)
}

/// Parses the query string, then runs `work` on the engine and answers its JSON.
async fn query_endpoint<F>(state: AppState, raw: Option<String>, work: F) -> Response
where
    F: FnOnce(&Engine, Vec<(String, String)>) -> Result<serde_json::Value, ApiError>
        + Send
        + 'static,
{
    let pairs = match query_pairs(raw.as_deref()) {
        Ok(pairs) => pairs,
        Err(err) => return err.into_response(),
    };
    match with_engine(&state, move |engine| work(engine, pairs)).await {
        Ok(value) => answer(value),
        Err(err) => err.into_response(),
    }
}

async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    query_endpoint(state, raw, |engine, pairs| {
        let params = params(&pairs)?;
        let request = params.resolve(BOUNDS)?;
        let response = engine.search(&request).map_err(engine_error)?;
        Ok(search_json(&request, &response, params.fields.as_deref()))
    })
    .await
}

async fn facets(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    query_endpoint(state, raw, |engine, pairs| {
        let request = facets_request(&pairs)?;
        let response = engine.search(&request).map_err(engine_error)?;
        Ok(facets_response_json(&request, &response))
    })
    .await
}

async fn trend(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    query_endpoint(state, raw, |engine, pairs| {
        let mut params = TrendParams::default();
        params.apply_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        let request = params.resolve(BOUNDS)?;
        let trend = engine.trend(&request).map_err(engine_error)?;
        Ok(trend_json(&request, &trend))
    })
    .await
}

async fn doc_card(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    query_endpoint(state, raw, |engine, pairs| {
        let mut params = CardParams::default();
        params.apply_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        let request = params.resolve(BOUNDS)?;
        match engine.card(&request).map_err(engine_error)? {
            Ok(card) => Ok(card_json(&request, &card)),
            Err(suggestions) => Err(RequestError::Unknown {
                kind: "document",
                name: request.name.clone(),
                suggestions,
            }
            .into()),
        }
    })
    .await
}

/// `/api/doc/{id}` takes one parameter, the query to mark in the text.
fn doc_query(pairs: &[(String, String)]) -> Result<Option<String>, ApiError> {
    let mut query = None;
    for (key, value) in pairs {
        match key.as_str() {
            "q" | "query" => query = Some(value.clone()),
            other => {
                return Err(RequestError::UnknownKey {
                    key: other.to_owned(),
                    suggestion: None,
                }
                .into())
            }
        }
    }
    let query = query.filter(|q| !q.trim().is_empty());
    if let Some(chars) = query.as_ref().map(|q| q.chars().count()) {
        if chars > BOUNDS.max_query_chars {
            let limit = BOUNDS.max_query_chars;
            return Err(RequestError::QueryTooLong { chars, limit }.into());
        }
    }
    Ok(query)
}

async fn doc(
    State(state): State<AppState>,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Ok(Path(id)) = id else {
        return ApiError::bad_request("the document id is not valid UTF-8").into_response();
    };
    query_endpoint(state, raw, move |engine, pairs| {
        let query = doc_query(&pairs)?;
        let Some((meta, text, _sharing)) = engine.document(&id).map_err(engine_error)? else {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no article with id {id:?}"),
            ));
        };
        let mut value = document_json(&meta, &text, false);
        if let Some(query) = query {
            value["highlights"] = json!(engine.highlight(&query, &text));
            value["query"] = query.into();
        }
        Ok(value)
    })
    .await
}

async fn stats(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    if let Err(err) = no_parameters(raw.as_deref()) {
        return err.into_response();
    }
    match with_engine(&state, |engine| {
        engine
            .store
            .stats()
            .map(|stats| stats_json(&stats))
            .map_err(engine_error)
    })
    .await
    {
        Ok(value) => answer(value),
        Err(err) => err.into_response(),
    }
}

async fn health(State(state): State<AppState>) -> Response {
    let documents = state.engine.searcher().num_docs();
    answer(json!({
        "version": JSON_VERSION,
        "status": "ok",
        "documents": documents,
    }))
}

/// The API's description, the same file as `docs/openapi.json`; its response shapes point into
/// the JSON Schema beside it, served beside it too.
pub const OPENAPI: &str = include_str!("../../docs/openapi.json");
pub const JSON_SCHEMA: &str = include_str!("../../docs/json-output.schema.json");

fn json_file(text: &'static str) -> Response {
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn no_parameters(raw: Option<&str>) -> Result<(), ApiError> {
    match query_pairs(raw)?.first() {
        Some((key, _)) => Err(ApiError::bad_request(format!(
            "unknown parameter {key:?}: this endpoint takes none"
        ))),
        None => Ok(()),
    }
}

/// `/` and the page's files; anything else is 404 (JSON under `/api/`).
async fn page_or_not_found(uri: Uri) -> Response {
    if let Some(asset) = assets::find(uri.path()) {
        return asset.into_response();
    }
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        return ApiError::new(
            StatusCode::NOT_FOUND,
            format!(
                "no endpoint {}: see /api/openapi.json",
                truncate(uri.path(), 200)
            ),
        )
        .into_response();
    }
    let mut response = (
        StatusCode::NOT_FOUND,
        "Không tìm thấy trang này. Not found: the page is at /\n",
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode_in_order() {
        let pairs = query_pairs(Some("q=H%E1%BA%A3i+Ph%C3%B2ng&province=a&province=b&&x")).unwrap();
        assert_eq!(
            pairs,
            [
                ("q".to_owned(), "Hải Phòng".to_owned()),
                ("province".to_owned(), "a".to_owned()),
                ("province".to_owned(), "b".to_owned()),
                ("x".to_owned(), String::new()),
            ]
        );
        assert!(query_pairs(Some("q=%FF")).is_err());
        assert!(query_pairs(None).unwrap().is_empty());
    }
}
