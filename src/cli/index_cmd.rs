//! `vnsearch index`.

use std::io::IsTerminal;
use std::time::Instant;

use anyhow::{bail, Result};

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
    let mut bar = ProgressBar::new(std::io::stderr().is_terminal());
    let report = index_paths(&mut store, &paths, &options, |state| bar.draw(state))?;
    bar.clear();
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

/// A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second.
struct ProgressBar {
    visible: bool,
    started: Instant,
    last_drawn: Option<Instant>,
}

const BAR_WIDTH: usize = 24;

impl ProgressBar {
    fn new(visible: bool) -> Self {
        ProgressBar {
            visible,
            started: Instant::now(),
            last_drawn: None,
        }
    }

    fn draw(&mut self, state: &Progress) {
        if !self.visible
            || self
                .last_drawn
                .is_some_and(|at| at.elapsed().as_millis() < 100)
        {
            return;
        }
        self.last_drawn = Some(Instant::now());
        eprint!(
            "\r\x1b[2K{}",
            progress_line(state, self.started.elapsed().as_secs_f64())
        );
    }

    fn clear(&self) {
        if self.visible && self.last_drawn.is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}

/// "[=====>     ]  42%  14,210 docs  5,120 docs/s  18.4 MB/s  ETA 6 s"
fn progress_line(state: &Progress, seconds: f64) -> String {
    let seconds = seconds.max(1e-3);
    let fraction = if state.bytes_total > 0 {
        (state.bytes_done as f64 / state.bytes_total as f64).min(1.0)
    } else {
        0.0
    };
    let filled = (fraction * BAR_WIDTH as f64) as usize;
    let mut bar = "=".repeat(filled);
    if filled < BAR_WIDTH {
        bar.push('>');
        bar.push_str(&" ".repeat(BAR_WIDTH - filled - 1));
    }
    let rate = state.bytes_done as f64 / seconds;
    let eta = if rate > 0.0 {
        format!(
            "{:.0} s",
            state.bytes_total.saturating_sub(state.bytes_done) as f64 / rate
        )
    } else {
        "?".into()
    };
    format!(
        "[{bar}] {:>3.0}%  {} docs  {:.0} docs/s  {:.1} MB/s  ETA {eta}",
        fraction * 100.0,
        state.documents,
        state.documents as f64 / seconds,
        rate / 1e6,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_line_shows_rates_and_eta() {
        let state = Progress {
            files_done: 1,
            files_total: 4,
            documents: 1000,
            bytes_done: 10_000_000,
            bytes_total: 40_000_000,
        };
        assert_eq!(
            progress_line(&state, 2.0),
            "[======>                 ]  25%  1000 docs  500 docs/s  5.0 MB/s  ETA 6 s"
        );
    }
}
