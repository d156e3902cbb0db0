//! Times queries in one process over an open index, for `bench/run`: the engine is opened once,
//! then each query runs as `vnsearch search` runs it (top 10, snippets, filters).
//!
//!     cargo run --release --example query_latency -- INDEX_DIR QUERIES.jsonl
//!
//! QUERIES.jsonl holds one `{"q": "...", "province": "...", "year": 2017}` a line (filters
//! optional). Prints one line per query: microseconds, total hits, hits returned.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use serde::Deserialize;
use vnsearch::data::provinces::place_path;
use vnsearch::index::store::IndexStore;
use vnsearch::search::{Engine, Filters, SearchRequest};

/// The allocator the `vnsearch` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Deserialize)]
struct BenchQuery {
    q: String,
    province: Option<String>,
    year: Option<i32>,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, index, queries] = args.as_slice() else {
        anyhow::bail!("usage: query_latency INDEX_DIR QUERIES.jsonl");
    };
    let engine = Engine::open(IndexStore::open(&PathBuf::from(index))?)?;
    let file = std::fs::File::open(queries).with_context(|| format!("cannot open {queries}"))?;
    let mut out = std::io::stdout().lock();
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let query: BenchQuery = serde_json::from_str(&line)?;
        let started = Instant::now();
        let mut filters = Filters {
            year: query.year,
            ..Filters::default()
        };
        if let Some(name) = &query.province {
            let province = vnsearch::data::provinces::lookup_province(name)
                .with_context(|| format!("unknown province {name}"))?;
            filters.places.extend(place_path(province.name, false));
        }
        let request = SearchRequest {
            query: query.q.clone(),
            limit: 10,
            filters,
            ..SearchRequest::default()
        };
        let response = engine.search(&request)?;
        let micros = started.elapsed().as_secs_f64() * 1e6;
        writeln!(
            out,
            "{micros:.1}\t{}\t{}",
            response.total,
            response.hits.len()
        )?;
    }
    Ok(())
}
