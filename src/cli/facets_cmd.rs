//! `vnsearch facets`.

use std::io::{BufWriter, Write};

use anyhow::Result;

use super::args::{Cli, FacetsArgs};
use super::color::Colors;
use super::output::write_facets;
use crate::api::json::facets_response_json;
use crate::api::{Bounds, Params};
use crate::search::facets::Dimension;

pub fn run(cli: &Cli, args: &FacetsArgs, colors: Colors) -> Result<i32> {
    let mut params = Params {
        query: args.query.join(" "),
        limit: 0,
        snippets: 0,
        facets: if args.field.is_empty() {
            Dimension::ALL.to_vec()
        } else {
            args.field.clone()
        },
        ..Params::default()
    };
    args.filters.apply(&mut params);
    let request = params.resolve(Bounds::NONE)?;
    let engine = cli.engine()?;
    let response = engine.search(&request)?;
    let query = &request.query;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &facets_response_json(&request, &response))?;
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
    Ok(super::exit::exit_for_matches(response.total))
}
