//! What extraction (date, provinces, cited documents) costs per article, apart from the rest of
//! indexing: reads a corpus as `vnsearch index` does, then times `article_facts` alone over every
//! document, one thread.
//!
//! ```sh
//! cargo run --release --example extract_cost -- ../shared/corpus/baomoi
//! ```

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        eprintln!("usage: extract_cost PATH...");
        std::process::exit(2);
    }
    let (files, _) = vnsearch::ingest::walk::find_files(&roots);
    let docs: Vec<_> = files
        .iter()
        .flat_map(|f| vnsearch::ingest::read_file(f).docs)
        .collect();
    let bytes: usize = docs
        .iter()
        .map(|d| d.article.title.len() + d.article.summary.len() + d.article.body.len())
        .sum();
    let mut citations = 0;
    let start = Instant::now();
    for d in &docs {
        citations += vnsearch::extract::article_facts(&d.article).citations.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB: extraction {:.2} s ({:.1} µs per document, {:.1} MB/s), {} citations",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        secs * 1e6 / docs.len().max(1) as f64,
        bytes as f64 / 1e6 / secs,
        citations
    );
}
