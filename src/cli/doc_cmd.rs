//! `vnsearch doc`: one document's card, for people or as JSON.

use std::io::{BufWriter, Write};

use anyhow::Result;

use super::args::{Cli, DocArgs};
use super::chart::{write_chart, Row};
use super::color::Colors;
use super::exit::EXIT_FOUND;
use super::output::document_line;
use crate::api::json::card_json;
use crate::api::{Bounds, CardParams, RequestError};
use crate::index::document::StoredMeta;
use crate::search::card::Card;
use crate::search::facets::{GUESSED, UNDATED};

/// How many provinces the terminal card lists (JSON has them all).
const PROVINCES_SHOWN: usize = 10;

pub fn run(cli: &Cli, args: &DocArgs, colors: Colors) -> Result<i32> {
    let mut params = CardParams {
        name: args.name.join(" "),
        ..CardParams::default()
    };
    args.filters.apply(&mut params.search);
    let request = params.resolve(Bounds::NONE)?;
    let engine = cli.engine()?;
    let card = match engine.card(&request)? {
        Ok(card) => card,
        Err(suggestions) => {
            return Err(RequestError::Unknown {
                kind: "document",
                name: request.name.clone(),
                suggestions,
            }
            .into())
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &card_json(&request, &card))?;
        writeln!(out)?;
    } else {
        write_card(&mut out, &card, colors)?;
    }
    out.flush()?;
    Ok(EXIT_FOUND)
}

fn article_line(meta: &StoredMeta) -> String {
    format!(
        "{}  {}  {}",
        meta.date.as_deref().unwrap_or("undated"),
        meta.id,
        if meta.title.is_empty() {
            "(untitled)"
        } else {
            &meta.title
        }
    )
}

fn write_card(out: &mut impl Write, card: &Card, colors: Colors) -> Result<()> {
    let d = &card.named.document;
    writeln!(
        out,
        "{}",
        colors.bold(&document_line(d, card.named.articles))
    )?;
    let aliases = d.aliases();
    if !aliases.is_empty() {
        writeln!(
            out,
            "  {}",
            colors.dim(&format!("also written: {}", aliases.join("; ")))
        )?;
    }
    if let Some(filter) = &d.filter {
        writeln!(
            out,
            "  {}",
            colors.dim(&format!("filter: --resolution {filter:?}"))
        )?;
    }
    if !d.in_table {
        writeln!(
            out,
            "  {}",
            colors.dim("not in index_schema/documents.tsv: known from how articles cite it")
        )?;
    }
    writeln!(
        out,
        "\n{} {} it",
        card.articles,
        if card.articles == 1 {
            "article cites"
        } else {
            "articles cite"
        }
    )?;
    if let Some(first) = &card.first {
        writeln!(out, "  first   {}", article_line(first))?;
    }
    if let Some(latest) = &card.latest {
        writeln!(out, "  latest  {}", article_line(latest))?;
    }
    if card.articles > 0 {
        writeln!(out, "\n{}", colors.bold("by year"))?;
        let mut years: Vec<Row> = card
            .by_year
            .iter()
            .filter(|c| c.value != UNDATED && c.value != GUESSED)
            .map(|c| Row {
                label: c.value.clone(),
                value: c.count as f64,
                figure: c.count.to_string(),
            })
            .collect();
        years.reverse();
        write_chart(out, &years, colors)?;
        let apart: Vec<String> = card
            .by_year
            .iter()
            .filter(|c| c.value == UNDATED || c.value == GUESSED)
            .map(|c| match c.value.as_str() {
                UNDATED => format!("undated: {}", c.count),
                _ => format!("only a guessed date: {}", c.count),
            })
            .collect();
        writeln!(out, "{}", colors.dim(&apart.join("; ")))?;
        writeln!(out, "\n{}", colors.bold("by province mentioned"))?;
        let provinces: Vec<Row> = card
            .by_province
            .iter()
            .take(PROVINCES_SHOWN)
            .map(|c| Row {
                label: c.value.clone(),
                value: c.count as f64,
                figure: c.count.to_string(),
            })
            .collect();
        write_chart(out, &provinces, colors)?;
        if card.by_province.len() > PROVINCES_SHOWN {
            writeln!(
                out,
                "{}",
                colors.dim(&format!(
                    "(+{} more provinces: --json lists them all)",
                    card.by_province.len() - PROVINCES_SHOWN
                ))
            )?;
        }
        if !card.cited_with.is_empty() {
            writeln!(out, "\n{}", colors.bold("cited most often beside it"))?;
            for (label, n) in &card.cited_with {
                writeln!(out, "  {n:>5}  {label}")?;
            }
        }
    }
    if !card.named.also.is_empty() {
        let also: Vec<String> = card
            .named
            .also
            .iter()
            .take(5)
            .map(|(d, n)| format!("{} ({n})", d.label))
            .collect();
        writeln!(
            out,
            "\n{}",
            colors.dim(&format!(
                "the name may also mean (articles citing each): {}",
                also.join(", ")
            ))
        )?;
    }
    Ok(())
}
