//! `vnsearch show`.

use std::io::{BufRead, BufReader, Write};

use anyhow::{bail, Context, Result};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::color::Colors;
use super::output::JSON_VERSION;
use super::{Cli, EXIT_FOUND};
use crate::index::document::StoredMeta;
use crate::search::Engine;

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// The article's id (as search prints it) or key
    pub id: String,
    /// Print the original text as ingested, not the cleaned one
    #[arg(long)]
    pub raw: bool,
    /// One JSON object: metadata and text
    #[arg(long)]
    pub json: bool,
}

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
    let engine = Engine::open(super::location::open_for_search(cli)?)?;
    let fields = engine.store.fields;
    let searcher = engine.searcher();
    let mut found = Vec::new();
    for field in [fields.id, fields.key] {
        let query = TermQuery::new(
            Term::from_field_text(field, &args.id),
            IndexRecordOption::Basic,
        );
        found = searcher.search(&query, &TopDocs::with_limit(5).order_by_score())?;
        if !found.is_empty() {
            break;
        }
    }
    if found.is_empty() {
        bail!(
            "no article with id {:?}: ids are printed by `vnsearch search`",
            args.id
        );
    }
    if found.len() > 1 {
        eprintln!("vnsearch: warning: {} articles share id {:?}; showing the first (use its key to pick another)", found.len(), args.id);
    }
    let doc: TantivyDocument = searcher.doc(found[0].1)?;
    let (meta, body) = StoredMeta::from_document(&doc, &fields);
    let text = if args.raw { raw_text(&meta)? } else { body };
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut value = serde_json::json!({ "version": JSON_VERSION });
        if let serde_json::Value::Object(fields) = serde_json::to_value(&meta)? {
            value.as_object_mut().expect("an object").extend(fields);
        }
        value["text"] = text.into();
        value["raw"] = args.raw.into();
        serde_json::to_writer(&mut out, &value)?;
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
