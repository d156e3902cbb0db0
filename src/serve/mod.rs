//! `vnsearch serve`: the HTTP API and the local page, a thin layer over the same engine and the
//! same request parser the command line uses.
//!
//! The server treats every request and every document as hostile: it only answers GET and
//! HEAD, reads nothing from disk but the index (the page's files are compiled in), bounds the
//! work one request can ask for and how many searches run at once, and sends headers that stop
//! a browser from running anything but the page's own script.

mod assets;
mod error;
mod guard;
mod routes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use axum::http::HeaderValue;
use tokio::sync::Semaphore;

use crate::index::store::IndexStore;
use crate::search::Engine;

/// The address `vnsearch serve` listens on unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:7373";

/// Searches (and other index work) running at once; more requests wait their turn.
const MAX_CONCURRENT_WORK: usize = 4;
/// How long a request may wait for its turn before it is told the server is busy (503).
const MAX_QUEUE_WAIT: Duration = Duration::from_secs(10);
/// How long a shutdown waits for requests still being answered.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// What `vnsearch serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: SocketAddr,
    /// The one origin allowed to call the API from another site's page (`--cors`).
    pub cors: Option<String>,
}

/// What every handler shares.
#[derive(Clone)]
struct AppState {
    engine: Arc<Engine>,
    permits: Arc<Semaphore>,
    cors: Option<HeaderValue>,
}

/// Refuses a `--cors` value that is not one origin.
pub fn check_cors(origin: &str) -> Result<()> {
    guard::cors_origin(origin).map(|_| ())
}

/// Serves the index until Ctrl-C (or SIGTERM); returns once the last request is answered.
pub fn run(store: IndexStore, options: &ServeOptions) -> Result<()> {
    let cors = match &options.cors {
        Some(origin) => Some(guard::cors_origin(origin)?),
        None => None,
    };
    let index_dir = store.dir.clone();
    let engine = Engine::open_following(store)?;
    let state = AppState {
        engine: Arc::new(engine),
        permits: Arc::new(Semaphore::new(MAX_CONCURRENT_WORK)),
        cors,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(MAX_CONCURRENT_WORK + 2)
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.bind)
            .await
            .with_context(|| format!("cannot listen on {}", options.bind))?;
        let address = listener.local_addr()?;
        if !address.ip().is_loopback() {
            eprintln!(
                "vnsearch: warning: listening on {address}, not a loopback address: anyone who can reach this machine can read the index"
            );
        }
        println!(
            "vnsearch: serving {} at {} (Ctrl-C to stop)",
            index_dir.display(),
            page_url(address)
        );
        use std::io::Write;
        std::io::stdout().flush()?;
        let app = routes::router(state);
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stop_rx.await;
                })
                .await
        });
        shutdown_signal().await;
        let _ = stop_tx.send(());
        // Open keep-alive connections from a browser must not hold the process forever.
        match tokio::time::timeout(SHUTDOWN_GRACE, server).await {
            Ok(joined) => joined.context("the server stopped abnormally")??,
            Err(_) => eprintln!("vnsearch: stopped with requests still open"),
        }
        Ok(())
    })
}

/// The address a person opens: a wildcard bind is reached locally through loopback.
fn page_url(address: SocketAddr) -> String {
    let shown = if address.ip().is_unspecified() {
        let loopback: std::net::IpAddr = if address.is_ipv4() {
            std::net::Ipv4Addr::LOCALHOST.into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        };
        SocketAddr::new(loopback, address.port())
    } else {
        address
    };
    format!("http://{shown}/")
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_binds_show_a_loopback_url() {
        assert_eq!(
            page_url("0.0.0.0:7373".parse().unwrap()),
            "http://127.0.0.1:7373/"
        );
        assert_eq!(page_url("[::]:80".parse().unwrap()), "http://[::1]:80/");
        assert_eq!(
            page_url("192.168.1.5:7373".parse().unwrap()),
            "http://192.168.1.5:7373/"
        );
    }
}
