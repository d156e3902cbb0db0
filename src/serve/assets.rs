//! The page's files, compiled into the binary: the server reads nothing from disk to serve
//! them, so no request path can reach any other file.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One compiled-in file.
pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

/// Every file the page is made of; nothing else is served outside `/api/`.
pub const ASSETS: &[Asset] = &[
    Asset {
        path: "/",
        content_type: "text/html; charset=utf-8",
        body: include_bytes!("assets/index.html"),
    },
    Asset {
        path: "/app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("assets/app.js"),
    },
    Asset {
        path: "/app.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("assets/app.css"),
    },
    Asset {
        path: "/favicon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("assets/favicon.svg"),
    },
];

/// The compiled-in file at exactly this path, if any (no decoding, no joining of paths).
pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

impl IntoResponse for &'static Asset {
    fn into_response(self) -> Response {
        let mut response = (StatusCode::OK, self.body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        // Small files, and a new binary may bring new ones: the browser asks each time.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_paths_are_assets() {
        assert!(find("/app.js").is_some());
        for path in [
            "/../app.js",
            "/app.js/",
            "//app.js",
            "/APP.JS",
            "/%2e%2e/etc/passwd",
            "/etc/passwd",
        ] {
            assert!(find(path).is_none(), "{path}");
        }
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        let html = std::str::from_utf8(find("/").unwrap().body).unwrap();
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(!html.contains("<script>"), "no inline script");
        assert!(!html.contains("style="), "no inline style");
        let js = std::str::from_utf8(find("/app.js").unwrap().body).unwrap();
        assert!(
            !js.contains("innerHTML"),
            "document text is set with textContent"
        );
        assert!(!js.contains("eval("));
    }
}
