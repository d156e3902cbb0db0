//! `vnsearch show`.

use std::io::{BufRead, BufReader, Write};

use anyhow::{Context, Result};

use super::args::{Cli, ShowArgs};
use super::color::Colors;
use super::exit::EXIT_FOUND;
use crate::api::json::document_json;
use crate::index::document::StoredMeta;

/// The original text of a document: the file, or its record's line in a JSON Lines file.
fn raw_text(meta: &StoredMeta) -> Result<String> {
    let bytes = std::fs::read(&meta.path).with_context(|| format!("cannot read {}", meta.path))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match meta.line {
        None => Ok(text),
        Some(line) => {
            let reader = BufReader::new(text.as_bytes());
            reader
                .lines()
                .nth(line - 1)
                .transpose()?
                .with_context(|| format!("{} has no line {line} any more", meta.path))
        }
    }
}

pub fn run(cli: &Cli, args: &ShowArgs, colors: Colors) -> Result<i32> {
    let engine = cli.engine()?;
    let Some((meta, body, sharing)) = engine.document(&args.id)? else {
        anyhow::bail!(
            "no article with id {:?}: ids are printed by `vnsearch search`",
            args.id
        );
    };
    if sharing > 1 {
        eprintln!("vnsearch: warning: {sharing} articles share id {:?}; showing the first (use its key to pick another)", args.id);
    }
    let text = if args.raw { raw_text(&meta)? } else { body };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &document_json(&meta, &text, args.raw))?;
        writeln!(out)?;
        return Ok(EXIT_FOUND);
    }
    writeln!(out, "{}", colors.bold(&meta.title))?;
    let mut rows: Vec<(&str, String)> = vec![("id", meta.id.clone()), ("file", meta.path.clone())];
    if let Some(line) = meta.line {
        rows.push(("line", line.to_string()));
    }
    if let Some(date) = &meta.date {
        rows.push((
            "date",
            format!(
                "{date} ({}, {})",
                meta.date_source.as_deref().unwrap_or("?"),
                meta.date_confidence.as_deref().unwrap_or("?")
            ),
        ));
    }
    for (label, value) in [
        ("source", &meta.source),
        ("url", &meta.url),
        ("category", &meta.category),
        ("author", &meta.author),
    ] {
        if let Some(v) = value {
            rows.push((label, v.clone()));
        }
    }
    if let Some(primary) = &meta.primary_province {
        rows.push(("province", primary.clone()));
    }
    if !meta.provinces.is_empty() {
        rows.push(("mentions", meta.provinces.join(", ")));
    }
    if !meta.references.is_empty() {
        rows.push(("cites", meta.references.join(", ")));
    }
    for (label, value) in rows {
        writeln!(out, "{}", colors.dim(&format!("{label:>9}: {value}")))?;
    }
    writeln!(out)?;
    writeln!(out, "{text}")?;
    Ok(EXIT_FOUND)
}
