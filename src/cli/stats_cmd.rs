//! `vnsearch stats`.

use std::io::Write;

use anyhow::Result;

use super::args::{Cli, StatsArgs};
use super::exit::EXIT_FOUND;
use crate::api::json::stats_json;
use crate::api::location::index_dir;
use crate::index::store::{IndexStats, IndexStore};

pub fn run(cli: &Cli, args: &StatsArgs) -> Result<i32> {
    let (dir, _) = index_dir(cli.index.as_deref());
    let stats = IndexStore::open(&dir)?.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &stats_json(&stats))?;
        writeln!(out)?;
        return Ok(EXIT_FOUND);
    }
    let IndexStats {
        documents,
        bytes,
        segments,
        ..
    } = stats;
    writeln!(out, "index           {}", dir.display())?;
    writeln!(out, "documents       {documents}")?;
    writeln!(
        out,
        "index size      {:.2} MB ({bytes} bytes, {segments} segments)",
        bytes as f64 / 1e6
    )?;
    writeln!(out, "schema version  {}", stats.schema_version)?;
    match stats.last_indexed {
        Some(secs) => writeln!(out, "last indexed    {} (unix {secs})", format_utc(secs))?,
        None => writeln!(out, "last indexed    never")?,
    }
    writeln!(out, "corpus roots")?;
    for root in &stats.roots {
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
