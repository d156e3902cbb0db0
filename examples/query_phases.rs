//! Where a query's time goes, for the question of bounded totals (README, "How cost grows"):
//! each query is run whole and in parts over an open index, each part timed as the fastest of
//! `RUNS` runs (on a shared machine the other processes only ever add time).
//!
//!     cargo run --release --example query_phases -- INDEX_DIR "của" "Đảng" …
//!
//! Prints one tab-separated line per query: total, then milliseconds of `count` (counting the
//! matches, no score), `top300` (the 300 best by score alone, as tantivy can prune),
//! `top300+count` (both in one pass, the ranking pass without the tier), `search0` (a search
//! with no snippets: plan, ranking with the tier, the rewards of the best 300) and `search3`
//! (as `vnsearch search` runs it, 3 snippets).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use tantivy::collector::{Count, TopDocs};
use vnsearch::index::store::IndexStore;
use vnsearch::search::{Engine, SearchRequest};

/// The allocator the `vnsearch` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 15;

/// The fastest of `RUNS` timings of `f`, in milliseconds.
fn fastest_ms(mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut fastest = f64::INFINITY;
    for _ in 0..RUNS {
        let started = Instant::now();
        f()?;
        fastest = fastest.min(started.elapsed().as_secs_f64() * 1e3);
    }
    Ok(fastest)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let Some((index, queries)) = args.get(1).zip(args.get(2..)) else {
        anyhow::bail!("usage: query_phases INDEX_DIR QUERY…");
    };
    let engine = Engine::open(IndexStore::open(&PathBuf::from(index))?)?;
    println!("query\ttotal\tcount\ttop300\ttop300+count\tsearch0\tsearch3");
    for query in queries {
        let request = SearchRequest {
            query: query.clone(),
            limit: 10,
            ..SearchRequest::default()
        };
        let searcher = engine.searcher();
        let matched = engine.matching(&searcher, &request)?;
        let count = fastest_ms(|| {
            searcher.search(&matched.query, &Count)?;
            Ok(())
        })?;
        let top300 = fastest_ms(|| {
            searcher.search(&matched.query, &TopDocs::with_limit(300).order_by_score())?;
            Ok(())
        })?;
        let both = fastest_ms(|| {
            let top = TopDocs::with_limit(300).order_by_score();
            searcher.search(&matched.query, &(top, Count))?;
            Ok(())
        })?;
        let no_snippets = SearchRequest {
            snippets: 0,
            ..request.clone()
        };
        let search0 = fastest_ms(|| {
            engine.search(&no_snippets)?;
            Ok(())
        })?;
        let search3 = fastest_ms(|| {
            engine.search(&request)?;
            Ok(())
        })?;
        println!(
            "{query}\t{}\t{count:.2}\t{top300:.2}\t{both:.2}\t{search0:.2}\t{search3:.2}",
            matched.total
        );
    }
    Ok(())
}
