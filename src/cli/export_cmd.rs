//! `vnsearch export`, and `search --explain-as`: the hand-over to a distributed engine.

use std::io::Write;

use anyhow::Result;

use super::args::{Cli, ExportArgs};
use super::exit::EXIT_FOUND;
use crate::api::{Bounds, Params};
use crate::export::translate::{quickwit_body, search_body};
use crate::export::{export, ExportOptions, Target};
use crate::search::{Engine, SearchRequest};

/// The selection as flags, recorded in the state file and the README.
fn selection(args: &ExportArgs) -> String {
    let mut parts: Vec<String> = Vec::new();
    let quote = |s: &str| format!("{s:?}");
    let chosen = &args.selection;
    if !args.query.is_empty() {
        parts.push(format!("--query {}", quote(&args.query)));
    }
    for (flag, values) in [
        ("--province", &chosen.province),
        ("--region", &chosen.region),
        ("--resolution", &chosen.resolution),
        ("--person", &chosen.person),
    ] {
        parts.extend(values.iter().map(|v| format!("{flag} {}", quote(v))));
    }
    if chosen.merged {
        parts.push("--merged".into());
    }
    if let Some(year) = chosen.year {
        parts.push(format!("--year {year}"));
    }
    for (flag, value) in [
        ("--from", &chosen.from),
        ("--until", &args.until),
        ("--category", &chosen.category),
    ] {
        if let Some(v) = value {
            parts.push(format!("{flag} {}", quote(v)));
        }
    }
    if chosen.guessed_dates {
        parts.push("--guessed-dates".into());
    }
    parts.join(" ")
}

pub fn run(cli: &Cli, args: &ExportArgs) -> Result<i32> {
    // Judged before the index is opened, so a bad flag never triggers a build.
    let target = Target::parse(&args.target)?;
    let mut params = Params {
        query: args.query.clone(),
        ..Params::default()
    };
    args.apply(&mut params);
    let request = params.resolve(Bounds::NONE)?;
    let engine = cli.engine()?;
    let options = ExportOptions {
        target,
        out: args.out.clone(),
        request,
        selection: selection(args),
        since: args.since.clone(),
        chunk_bytes: args.chunk_kb * 1024,
        name: args.name.clone(),
    };
    let summary = export(&engine, &options)?;
    let bytes: u64 = summary.files.iter().map(|f| f.bytes).sum();
    let mut line = format!("vnsearch: exported {} documents", summary.written);
    if summary.since {
        line.push_str(&format!(
            " changed or new, {} deletes, {} unchanged",
            summary.deleted, summary.unchanged
        ));
    }
    eprintln!(
        "{line} for {} (index `{}`) to {}: {} files, {:.1} MB; load them as {}/README.md says",
        target.title(),
        summary.name,
        summary.out.display(),
        summary.files.len(),
        bytes as f64 / 1e6,
        summary.out.display()
    );
    Ok(EXIT_FOUND)
}

/// Prints the request as the engine's query: the `_search` body for OpenSearch and
/// Elasticsearch, the search body (query string and aggregations) for Quickwit.
pub fn explain_as(engine: &Engine, target: Target, request: &SearchRequest) -> Result<i32> {
    let (matching, named) = engine.reading(request)?;
    let body = match target {
        Target::Quickwit => quickwit_body(request, matching, named.as_ref()),
        _ => search_body(request, matching, named.as_ref()),
    };
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &body)?;
    writeln!(out)?;
    Ok(EXIT_FOUND)
}
