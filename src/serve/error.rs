//! The answer that is not a result, `{"version":1,"error":…}`, and the JSON answer itself:
//! both never cached, as the index may change under them.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::api::RequestError;

/// An answer that is not a result: status and one message, as `{"version":1,"error":…}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

/// A request the shared parser refused: 414 for a query too long to search, 400 otherwise.
/// An HTTP client sends parameters, so an unknown key is named as one.
impl From<RequestError> for ApiError {
    fn from(err: RequestError) -> ApiError {
        match err {
            RequestError::QueryTooLong { .. } => {
                ApiError::new(StatusCode::URI_TOO_LONG, err.to_string())
            }
            RequestError::UnknownKey { key, suggestion } => ApiError::bad_request(format!(
                "unknown parameter {key:?}{}",
                suggestion.map_or(String::new(), |s| format!(" (did you mean {s:?}?)"))
            )),
            other => ApiError::bad_request(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = crate::api::json::error_json(&self.message);
        let mut response = (self.status, Json(body)).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

/// A JSON answer; never cached, as the index may change under it.
pub fn answer(value: Value) -> Response {
    let mut response = Json(value).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
