//! `vnsearch index`.

use std::time::Instant;

use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::{Cli, IndexArgs};
use super::exit::{EXIT_ERROR, EXIT_FOUND};
use crate::api::location::{default_corpus, index_dir};
use crate::index::store::{IndexError, IndexStore};
use crate::index::writer::{index_paths, IndexOptions, Progress};

pub fn run(cli: &Cli, args: &IndexArgs) -> Result<i32> {
    let paths = if args.paths.is_empty() {
        match default_corpus() {
            Some(corpus) => vec![corpus],
            None => bail!("no PATH given and no corpus/ folder here: name the folders to index"),
        }
    } else {
        args.paths.clone()
    };
    let (dir, _) = index_dir(cli.index.as_deref());
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
    let bar = progress_bar();
    let started = Instant::now();
    let report = index_paths(&mut store, &paths, &options, |state| {
        bar.set_length(state.bytes_total);
        bar.set_position(state.bytes_done);
        bar.set_message(progress_message(state, started.elapsed().as_secs_f64()));
    })?;
    bar.finish_and_clear();
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

/// The progress bar on stderr: bytes read of the corpus, documents and rate beside it. indicatif
/// draws it at most 20 times a second, and not at all when stderr is not a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "[{bar:24}] {percent:>3}%  {msg}  {binary_bytes_per_sec}  ETA {eta}",
        )
        .expect("a valid template")
        .progress_chars("=> "),
    );
    bar
}

/// Where the run stands, beside the bar: "14210 docs  5120 docs/s".
fn progress_message(state: &Progress, seconds: f64) -> String {
    format!(
        "{} docs  {:.0} docs/s",
        state.documents,
        state.documents as f64 / seconds.max(1e-3)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_message_shows_documents_and_their_rate() {
        let state = Progress {
            files_done: 1,
            files_total: 4,
            documents: 1000,
            bytes_done: 10_000_000,
            bytes_total: 40_000_000,
        };
        assert_eq!(progress_message(&state, 2.0), "1000 docs  500 docs/s");
    }
}
