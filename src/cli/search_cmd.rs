//! `vnsearch search`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{bail, Result};

use super::color::Colors;
use super::output::{write_facets, write_hit};
use super::{Cli, FilterArgs, FormatArgs};
use crate::api::json::{hit_line, search_json};
use crate::api::{Bounds, Params};
use crate::search::facets::Dimension;
use crate::search::SortOrder;

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
    #[arg(long, default_value_t = crate::api::request::MAX_SNIPPETS)]
    pub snippets: usize,
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

impl SearchArgs {
    /// The flags as a request; batch lines start from it and override what they name.
    pub fn params(&self) -> Params {
        let mut params = Params {
            query: self.query.join(" "),
            limit: self.limit,
            offset: self.offset,
            sort: self.sort,
            facets: if self.facets {
                Dimension::ALL.to_vec()
            } else {
                Vec::new()
            },
            snippets: self.snippets,
            fields: self.fields.clone(),
            ..Params::default()
        };
        self.filters.apply(&mut params);
        params
    }
}

pub fn run(cli: &Cli, args: &SearchArgs, colors: Colors) -> Result<i32> {
    if args.fields.is_some() && !(args.format.json || args.format.jsonl || args.batch.is_some()) {
        bail!("--fields trims JSON output: add --json, --jsonl or --batch");
    }
    let params = args.params();
    // Judged before the index is opened, so a bad flag never triggers a build.
    let mut request = params.resolve(Bounds::NONE)?;
    request.explain = args.explain;
    let engine = super::open_engine(cli)?;
    if let Some(source) = &args.batch {
        return super::batch::run(&engine, source, &params);
    }
    let fields = params.fields.as_deref();
    let query = &request.query;
    let response = engine.search(&request)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format.json {
        serde_json::to_writer(&mut out, &search_json(&request, &response, fields))?;
        writeln!(out)?;
    } else if args.format.jsonl {
        for hit in &response.hits {
            serde_json::to_writer(&mut out, &hit_line(query, hit, fields))?;
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
