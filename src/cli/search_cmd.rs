//! `vnsearch search`.

use std::io::{BufWriter, Write};

use anyhow::{bail, Result};

use super::args::{Cli, SearchArgs};
use super::color::Colors;
use super::output::{document_line, write_facets, write_hit};
use crate::api::json::{hit_line, search_json};
use crate::api::RequestError;
use crate::api::{Bounds, Params};
use crate::export::Target;

impl SearchArgs {
    /// The flags as a request; batch lines start from it and override what they name.
    pub fn params(&self) -> Result<Params, RequestError> {
        let mut params = Params {
            query: self.query.join(" "),
            limit: self.limit,
            offset: self.offset,
            sort: self.sort,
            snippets: self.snippets,
            fields: self.fields.clone(),
            ..Params::default()
        };
        if let Some(dimensions) = &self.facets {
            // The one parser of `facets`: "all" (a bare --facets) or a list of dimensions.
            params
                .set("facets", dimensions)
                .map_err(query_after_facets_hint)?;
        }
        self.filters.apply(&mut params);
        Ok(params)
    }
}

/// `--facets` takes an optional list, so `search --facets "Đảng"` reads the query as that list:
/// say where the query goes.
fn query_after_facets_hint(err: RequestError) -> RequestError {
    match err {
        RequestError::BadValue {
            key,
            value,
            expected,
        } => RequestError::BadValue {
            key,
            value,
            expected: format!(
                "{expected} (--facets takes an optional list: put the query before it, or after --)"
            ),
        },
        other => other,
    }
}

pub fn run(cli: &Cli, args: &SearchArgs, colors: Colors) -> Result<i32> {
    if args.fields.is_some() && !(args.format.json || args.format.jsonl || args.batch.is_some()) {
        bail!("--fields trims JSON output: add --json, --jsonl or --batch");
    }
    let params = args.params()?;
    // Judged before the index is opened, so a bad flag never triggers a build.
    let mut request = params.resolve(Bounds::NONE)?;
    request.explain = args.explain;
    if let Some(engine_name) = &args.explain_as {
        let target = Target::parse(engine_name)?;
        return super::export_cmd::explain_as(&cli.engine()?, target, &request);
    }
    let engine = cli.engine()?;
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
        writeln!(out, "{}", colors.dim(&header))?;
        for d in &response.documents {
            writeln!(
                out,
                "{}",
                colors.dim(&format!(
                    "read {:?} as {}",
                    d.name,
                    document_line(&d.named.document, d.named.articles)
                ))
            )?;
        }
        writeln!(out)?;
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
    Ok(super::exit::exit_for_matches(response.total))
}
