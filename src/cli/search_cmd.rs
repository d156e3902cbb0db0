//! `vnsearch search`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Result};

use super::color::Colors;
use super::filters::prepare;
use super::output::{
    hit_line, response_json, trim_hit, trim_hits, write_facets, write_hit, HIT_FIELDS,
};
use super::{Cli, FilterArgs, FormatArgs};
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
    /// Hit fields to keep in JSON output, comma-separated (e.g. id,title,score,snippets)
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub fields: Option<Vec<String>>,
    /// Run one query per line of FILE (`-`: stdin), a bare query or a JSON object; JSON Lines out
    #[arg(long, value_name = "FILE", conflicts_with_all = ["query", "json"])]
    pub batch: Option<PathBuf>,
    /// Attach the score explanation to each hit in --json output (for ranking work)
    #[arg(long, hide = true)]
    pub explain: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Flags that only make sense together, checked before the index is opened.
fn check_fields(args: &SearchArgs) -> Result<()> {
    let Some(fields) = &args.fields else {
        return Ok(());
    };
    if !(args.format.json || args.format.jsonl || args.batch.is_some()) {
        bail!("--fields trims JSON output: add --json, --jsonl or --batch");
    }
    if let Some(unknown) = fields.iter().find(|f| !HIT_FIELDS.contains(&f.as_str())) {
        bail!(
            "unknown hit field {unknown:?} in --fields; known fields: {}",
            HIT_FIELDS.join(", ")
        );
    }
    Ok(())
}

pub fn run(cli: &Cli, args: &SearchArgs, colors: Colors) -> Result<i32> {
    check_fields(args)?;
    let (filters, query, engine) = prepare(cli, &args.filters, &args.query)?;
    if let Some(source) = &args.batch {
        return super::batch::run(&engine, source, args);
    }
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
        let mut value = response_json(&query, &filters_json, args.limit, args.offset, &response);
        if let Some(fields) = &args.fields {
            trim_hits(&mut value["hits"], fields);
        }
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    } else if args.format.jsonl {
        for hit in &response.hits {
            let mut line = hit_line(&query, hit);
            if let Some(fields) = &args.fields {
                trim_hit(&mut line, fields);
            }
            serde_json::to_writer(&mut out, &line)?;
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
    Ok(super::exit_for_matches(response.total))
}
