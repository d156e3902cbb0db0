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
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Inverse of days_from_civil (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
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
