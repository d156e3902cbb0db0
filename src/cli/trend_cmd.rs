//! `vnsearch trend`: matching articles per year, month or province, as bars or JSON.

use std::io::{BufWriter, Write};

use anyhow::Result;

use super::args::{Cli, TrendArgs};
use super::chart::{write_chart, Row};
use super::color::Colors;
use crate::api::json::trend_json;
use crate::api::{Bounds, TrendParams};
use crate::search::trend::{Period, Trend, TrendBy, TrendRequest};

impl TrendArgs {
    /// The flags as a request, through the parser every front end shares.
    pub fn params(&self) -> TrendParams {
        let mut params = TrendParams {
            by: Some(self.by),
            per: self.per,
            ..TrendParams::default()
        };
        params.search.query = self.query.join(" ");
        self.filters.apply(&mut params.search);
        params
    }
}

pub fn run(cli: &Cli, args: &TrendArgs, colors: Colors) -> Result<i32> {
    let request = args.params().resolve(Bounds::NONE)?;
    let engine = cli.engine()?;
    let trend = engine.trend(&request)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &trend_json(&request, &trend))?;
        writeln!(out)?;
    } else {
        write_trend(&mut out, &request, &trend, colors)?;
    }
    out.flush()?;
    Ok(super::exit::exit_for_matches(trend.total))
}

/// A count, and with `--per` the rate and what it is out of.
fn figure(p: &Period, per: Option<u32>) -> String {
    match (per, p.rate, p.base) {
        (Some(per), Some(rate), Some(base)) => {
            format!("{rate:.2} per {per} ({} of {base})", p.count)
        }
        _ => p.count.to_string(),
    }
}

fn rows(periods: &[Period], per: Option<u32>, label: impl Fn(&Period) -> String) -> Vec<Row> {
    periods
        .iter()
        .map(|p| Row {
            label: label(p),
            value: if per.is_some() {
                p.rate.unwrap_or(0.0)
            } else {
                p.count as f64
            },
            figure: figure(p, per),
        })
        .collect()
}

fn write_trend(
    out: &mut impl Write,
    request: &TrendRequest,
    trend: &Trend,
    colors: Colors,
) -> Result<()> {
    let query = &request.search.query;
    let scope = if query.is_empty() {
        "articles".to_owned()
    } else {
        format!("articles matching {query:?}")
    };
    let by = match request.by {
        TrendBy::Year => "by year",
        TrendBy::Month => "by month",
        TrendBy::Province => "by province mentioned",
    };
    let mut header = format!("{} {scope}, {by}", trend.total);
    if let Some(per) = request.per {
        header.push_str(&format!(", per {per} articles of each"));
    }
    header.push_str(&format!(" ({:.1} ms)", trend.took_ms));
    if trend.matching == "most" {
        header.push_str("; no article has every word, counting those with most of them");
    }
    writeln!(out, "{}\n", colors.dim(&header))?;
    let per = request.per;
    match request.by {
        TrendBy::Province => {
            let rows = rows(&trend.periods, per, |p| match &p.region {
                Some(region) => format!("{} ({region})", p.period),
                None => p.period.clone(),
            });
            write_chart(out, &rows, colors)?;
            writeln!(
                out,
                "\n{}",
                colors.dim(&format!("naming no province: {}", trend.unplaced))
            )?;
        }
        by => {
            write_chart(
                out,
                &rows(&trend.periods, per, |p| p.period.clone()),
                colors,
            )?;
            if trend.periods.is_empty() {
                writeln!(out, "(no dated article)")?;
            }
            let mut apart: Vec<String> = Vec::new();
            if by == TrendBy::Month && !trend.year_only.is_empty() {
                let years: Vec<String> = trend
                    .year_only
                    .iter()
                    .map(|p| format!("{} {}", p.period, figure(p, per)))
                    .collect();
                apart.push(format!(
                    "known only by year, in no month: {}",
                    years.join(", ")
                ));
            }
            apart.push(format!("undated: {}", trend.undated));
            if let Some(guessed) = trend.guessed {
                apart.push(format!(
                    "only a guessed date: {guessed} (--guessed-dates counts them)"
                ));
            }
            writeln!(out, "\n{}", colors.dim(&apart.join("; ")))?;
        }
    }
    Ok(())
}
