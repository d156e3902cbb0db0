//! `vnsearch index`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Result};

use super::location::{default_corpus, index_dir};
use super::{Cli, EXIT_ERROR, EXIT_FOUND};
use crate::index::store::{IndexError, IndexStore};
use crate::index::writer::{index_paths, IndexOptions};

#[derive(clap::Args, Debug)]
pub struct IndexArgs {
    /// Folders and files to index (.txt pages, .jsonl records) [default: corpus/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Start from an empty index (the old one stays usable until the new one is committed)
    #[arg(long)]
    pub rebuild: bool,
    /// Memory budget of the index writer, in MB
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(32..=8192))]
    pub memory_mb: u64,
    /// Do not list skipped and repaired files
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(cli: &Cli, args: &IndexArgs) -> Result<i32> {
    let paths = if args.paths.is_empty() {
        match default_corpus() {
            Some(corpus) => vec![corpus],
            None => bail!("no PATH given and no corpus/ folder here: name the folders to index"),
        }
    } else {
        args.paths.clone()
    };
    let (dir, _) = index_dir(cli);
    let mut store = if IndexStore::exists(&dir) {
        match IndexStore::open(&dir) {
            Ok(store) => store,
            Err(IndexError::OldSchema { .. } | IndexError::Damaged { .. }) if args.rebuild => {
                IndexStore::recreate(&dir)?
            }
            Err(err) => return Err(err.into()),
        }
    } else {
        IndexStore::create(&dir)?
    };
    let options = IndexOptions {
        memory_budget: (args.memory_mb as usize) << 20,
        rebuild: args.rebuild,
    };
    let show_progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let report = index_paths(&mut store, &paths, &options, |done, total, bytes| {
        if show_progress {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            let eta = if done > 0 {
                secs / done as f64 * (total - done) as f64
            } else {
                0.0
            };
            eprint!(
                "\r\x1b[2Kindexing: {done}/{total} files, {:.1} MB/s, ETA {:.0} s",
                bytes as f64 / 1e6 / secs,
                eta
            );
        }
    })?;
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    if !args.quiet {
        for problem in &report.problems {
            eprintln!("vnsearch: warning: {problem}");
        }
        for (copy, kept) in &report.duplicates {
            eprintln!("vnsearch: duplicate: {copy} has the same text as {kept}; not indexed twice");
        }
    }
    eprintln!("vnsearch: {}", report.summary_line());
    let indexed_something = report.added + report.updated + report.unchanged > 0;
    if !indexed_something && report.skipped() > 0 {
        eprintln!("vnsearch: error: nothing could be indexed");
        return Ok(EXIT_ERROR);
    }
    Ok(EXIT_FOUND)
}
