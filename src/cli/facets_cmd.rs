//! `vnsearch facets`.

use std::io::{BufWriter, Write};

use anyhow::Result;
use serde_json::json;

use super::color::Colors;
use super::filters::prepare;
use super::output::{facets_json, write_facets, JSON_VERSION};
use super::{Cli, FilterArgs};
use crate::search::facets::Dimension;
use crate::search::SearchRequest;

#[derive(clap::Args, Debug)]
pub struct FacetsArgs {
    /// Count only documents matching this query [default: all documents]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Which counts: province, region, year, resolution, category; repeatable [default: all]
    #[arg(long, value_enum)]
    pub field: Vec<Dimension>,
    /// One JSON object
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

pub fn run(cli: &Cli, args: &FacetsArgs, colors: Colors) -> Result<i32> {
    let (filters, query, engine) = prepare(cli, &args.filters, &args.query)?;
    let dimensions = if args.field.is_empty() {
        Dimension::ALL.to_vec()
    } else {
        args.field.clone()
    };
    let request = SearchRequest {
        query: query.clone(),
        limit: 0,
        facets: dimensions,
        filters: filters.clone(),
        snippets: 0,
        ..SearchRequest::default()
    };
    let response = engine.search(&request)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        let value = json!({
            "version": JSON_VERSION,
            "query": query,
            "filters": filters,
            "total": response.total,
            "facets": facets_json(&response.facets),
        });
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    } else {
        let scope = if query.is_empty() {
            "all documents".to_owned()
        } else {
            format!("documents matching {query:?}")
        };
        writeln!(
            out,
            "{}",
            colors.dim(&format!("{} {scope}", response.total))
        )?;
        write_facets(&mut out, &response.facets, colors)?;
    }
    out.flush()?;
    Ok(super::exit_for_matches(response.total))
}
