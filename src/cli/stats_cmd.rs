//! `vnsearch stats`.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::location::index_dir;
use super::{Cli, EXIT_FOUND};
use crate::index::store::IndexStore;

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// One JSON object
    #[arg(long)]
    pub json: bool,
}

fn folder_bytes(dir: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

pub fn run(cli: &Cli, args: &StatsArgs) -> Result<i32> {
    let (dir, _) = index_dir(cli);
    let store = IndexStore::open(&dir)?;
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let documents = searcher.num_docs();
    let bytes = folder_bytes(&dir);
    let segments = searcher.segment_readers().len();
    let meta = &store.meta;
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = json!({
            "version": super::output::JSON_VERSION,
            "index": dir.display().to_string(),
            "documents": documents,
            "index_bytes": bytes,
            "segments": segments,
            "roots": meta.roots,
            "schema_version": meta.schema_version,
            "last_indexed": meta.last_indexed,
        });
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
        return Ok(EXIT_FOUND);
    }
    writeln!(out, "index           {}", dir.display())?;
    writeln!(out, "documents       {documents}")?;
    writeln!(
        out,
        "index size      {:.2} MB ({bytes} bytes, {segments} segments)",
        bytes as f64 / 1e6
    )?;
    writeln!(out, "schema version  {}", meta.schema_version)?;
    match meta.last_indexed {
        Some(secs) => writeln!(out, "last indexed    {} (unix {secs})", format_utc(secs))?,
        None => writeln!(out, "last indexed    never")?,
    }
    writeln!(out, "corpus roots")?;
    for root in &meta.roots {
        writeln!(out, "  {}", root.display())?;
    }
    Ok(EXIT_FOUND)
}

/// Unix seconds as "YYYY-MM-DD HH:MM:SS UTC".
fn format_utc(secs: u64) -> String {
    let rem = secs % 86_400;
    let day = i64::try_from(secs / 86_400)
        .ok()
        .and_then(crate::model::Date::from_days_since_epoch)
        .map_or_else(|| "????-??-??".to_owned(), |d| d.to_string());
    format!(
        "{day} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_formatting() {
        assert_eq!(super::format_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(super::format_utc(1_564_272_000), "2019-07-28 00:00:00 UTC");
    }
}
