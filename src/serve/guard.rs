//! What every request passes through before and after its handler: only GET and HEAD, a bound
//! on the URL's size, and the headers that keep a browser from running or sniffing anything.

use anyhow::{bail, Result};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::AppState;

/// Longest request target (path and query) answered; longer ones get 414.
pub const MAX_URL_BYTES: usize = 8 * 1024;

/// Scripts, styles and images only from the server itself, no inline script or style, no
/// plugins, no framing, and fetches only back to the server.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// `--cors ORIGIN`: one origin, as a browser sends it (`https://tools.example.org`).
pub fn cors_origin(origin: &str) -> Result<HeaderValue> {
    let trimmed = origin.trim_end_matches('/');
    let scheme_ok = trimmed.starts_with("http://") || trimmed.starts_with("https://");
    let host = trimmed.split_once("://").map_or("", |(_, host)| host);
    if !scheme_ok || host.is_empty() || host.contains(['/', '?', '#', ' ', ',']) {
        bail!(
            "bad --cors origin {origin:?}: give one origin like https://tools.example.org (scheme, host and optional port)"
        );
    }
    Ok(HeaderValue::from_str(trimmed)?)
}

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let mut response = if method == Method::OPTIONS && state.cors.is_some() {
        // A CORS preflight from the allowed origin: only GET and HEAD, no credentials.
        let mut preflight = StatusCode::NO_CONTENT.into_response();
        preflight.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, HEAD"),
        );
        preflight.headers_mut().insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        preflight
    } else if method != Method::GET && method != Method::HEAD {
        let mut refused = ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("method {method} not allowed: this server only reads (GET, HEAD)"),
        )
        .into_response();
        refused
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        refused
    } else if request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len())
        > MAX_URL_BYTES
    {
        ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("the URL is over {MAX_URL_BYTES} bytes"),
        )
        .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if let Some(origin) = &state.cors {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_takes_one_origin() {
        assert_eq!(
            cors_origin("https://tools.example.org/").unwrap(),
            "https://tools.example.org"
        );
        assert!(cors_origin("http://localhost:3000").is_ok());
        for bad in [
            "*",
            "tools.example.org",
            "https://a.org/path",
            "https://a.org, https://b.org",
            "https://",
        ] {
            assert!(cors_origin(bad).is_err(), "{bad}");
        }
    }
}
