//! `vnsearch search`.

use std::io::{BufWriter, Write};

use anyhow::Result;

use super::color::Colors;
use super::filters::prepare;
use super::output::{hit_line, response_json, write_facets, write_hit};
use super::{Cli, FilterArgs, FormatArgs, EXIT_FOUND, EXIT_NOT_FOUND};
use crate::search::facets::Dimension;
use crate::search::{SearchRequest, SortOrder};

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// What to look for (several words are read as one query)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// How many hits to show
    #[arg(short = 'n', long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits first (pagination)
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order: relevance, date (newest first) or -date (oldest first)
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    pub sort: SortOrder,
    /// Also count hits by region, province, year, cited document and category
    #[arg(long)]
    pub facets: bool,
    /// Snippets per hit (0 to 3)
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub snippets: u8,
    /// Attach the score explanation to each hit in --json output (for ranking work)
    #[arg(long, hide = true)]
    pub explain: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub format: FormatArgs,
}

pub fn run(cli: &Cli, args: &SearchArgs, colors: Colors) -> Result<i32> {
    let (filters, query, engine) = prepare(cli, &args.filters, &args.query)?;
    let request = SearchRequest {
        query: query.clone(),
        limit: args.limit,
        offset: args.offset,
        sort: args.sort,
        filters: filters.clone(),
        facets: if args.facets {
            Dimension::ALL.to_vec()
        } else {
            Vec::new()
        },
        snippets: usize::from(args.snippets),
        explain: args.explain,
    };
    let response = engine.search(&request)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let filters_json = serde_json::to_value(&filters)?;
    if args.format.json {
        let value = response_json(&query, &filters_json, args.limit, args.offset, &response);
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    } else if args.format.jsonl {
        for hit in &response.hits {
            serde_json::to_writer(&mut out, &hit_line(&query, hit))?;
            writeln!(out)?;
        }
    } else {
        let shown = response.hits.len();
        let range = if shown == 0 {
            String::new()
        } else {
            format!(", showing {}–{}", args.offset + 1, args.offset + shown)
        };
        let mut header = format!(
            "{} {} for {:?}{range} ({:.1} ms)",
            response.total,
            if response.total == 1 { "hit" } else { "hits" },
            query,
            response.took_ms
        );
        if response.matching == "most" {
            header.push_str("; no document has every word, showing those with most of them");
        }
        if response.fallback {
            header.push_str("; the query did not parse and was read as plain words");
        }
        writeln!(out, "{}\n", colors.dim(&header))?;
        for hit in &response.hits {
            write_hit(&mut out, hit, colors)?;
        }
        if response.total > args.offset + shown && shown > 0 {
            writeln!(
                out,
                "{}",
                colors.dim(&format!(
                    "{} more: --offset {} for the next page",
                    response.total - args.offset - shown,
                    args.offset + shown
                ))
            )?;
        }
        if !response.facets.is_empty() {
            writeln!(out)?;
            write_facets(&mut out, &response.facets, colors)?;
        }
    }
    out.flush()?;
    Ok(if response.total == 0 {
        EXIT_NOT_FOUND
    } else {
        EXIT_FOUND
    })
}
