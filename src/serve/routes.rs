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
use super::{assets, guard, interim, AppState, MAX_QUEUE_WAIT};
use crate::search::Engine;

/// Longest query text searched, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most hits one page of results may hold.
pub const MAX_LIMIT: usize = 100;
/// Deepest page: `offset` beyond this is refused (use filters to narrow instead).
pub const MAX_OFFSET: usize = 10_000;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/api/search", get(search))
        .route("/api/facets", get(facets))
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

async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let pairs = match query_pairs(raw.as_deref()) {
        Ok(pairs) => pairs,
        Err(err) => return err.into_response(),
    };
    let result = with_engine(&state, move |engine| {
        let parsed = interim::search_request(&pairs)?;
        let response = engine.search(&parsed.request).map_err(engine_error)?;
        Ok(interim::search_json(&parsed, &response))
    })
    .await;
    match result {
        Ok(value) => answer(value),
        Err(err) => err.into_response(),
    }
}

async fn facets(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    let pairs = match query_pairs(raw.as_deref()) {
        Ok(pairs) => pairs,
        Err(err) => return err.into_response(),
    };
    let result = with_engine(&state, move |engine| {
        let parsed = interim::facets_request(&pairs)?;
        let response = engine.search(&parsed.request).map_err(engine_error)?;
        Ok(interim::facets_json_response(&parsed, &response))
    })
    .await;
    match result {
        Ok(value) => answer(value),
        Err(err) => err.into_response(),
    }
}

async fn doc(
    State(state): State<AppState>,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Ok(Path(id)) = id else {
        return ApiError::bad_request("the document id is not valid UTF-8").into_response();
    };
    let pairs = match query_pairs(raw.as_deref()) {
        Ok(pairs) => pairs,
        Err(err) => return err.into_response(),
    };
    let result = with_engine(&state, move |engine| {
        let query = interim::doc_query(&pairs)?;
        let found = engine.find(&id).map_err(engine_error)?;
        let Some((meta, text)) = found.into_iter().next() else {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no article with id {id:?}"),
            ));
        };
        let highlights = query.as_deref().map(|q| engine.highlight(q, &text));
        Ok(interim::doc_json(&meta, text, query, highlights))
    })
    .await;
    match result {
        Ok(value) => answer(value),
        Err(err) => err.into_response(),
    }
}

async fn stats(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    if let Err(err) = no_parameters(raw.as_deref()) {
        return err.into_response();
    }
    match with_engine(&state, |engine| {
        interim::stats_json(engine).map_err(engine_error)
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
        "version": crate::cli::output::JSON_VERSION,
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
