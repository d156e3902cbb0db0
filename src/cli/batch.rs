//! `vnsearch search --batch FILE|-`: many lookups over one open index, one JSON line per input
//! line, so a script can match answers to questions by line number even when some lines fail.
//!
//! A line is either a bare query or a JSON object (`{"query": …, "province": …, "limit": …}`)
//! whose keys are the search flags; flags given on the command line are the defaults that an
//! object overrides. Blank lines and lines starting with `#` are skipped.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::filters::resolve;
use super::output::{response_json, trim_hits, JSON_VERSION};
use super::search_cmd::SearchArgs;
use super::{FilterArgs, EXIT_ERROR, EXIT_FOUND};
use crate::search::facets::Dimension;
use crate::search::{Engine, SearchRequest, SortOrder};

/// Lines longer than this are rejected as errors rather than searched.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// One or several values: `"province": "Huế"` or `"province": ["Huế", "Đà Nẵng"]`.
#[derive(Deserialize, Debug)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(value) => vec![value],
            OneOrMany::Many(values) => values,
        }
    }
}

/// A JSON batch line; unknown keys are errors, so a misspelt filter is never silently ignored.
#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
struct LineRequest {
    query: Option<String>,
    /// Anything the caller wants echoed back (an id of its own).
    tag: Option<Value>,
    limit: Option<usize>,
    offset: Option<usize>,
    sort: Option<String>,
    facets: Option<bool>,
    snippets: Option<usize>,
    province: Option<OneOrMany>,
    region: Option<OneOrMany>,
    merged: Option<bool>,
    resolution: Option<OneOrMany>,
    year: Option<i32>,
    from: Option<String>,
    to: Option<String>,
    category: Option<String>,
    guessed_dates: Option<bool>,
}

/// The request a line asks for, with the command line's flags as defaults.
struct LineSearch {
    query: String,
    tag: Option<Value>,
    limit: usize,
    offset: usize,
    sort: SortOrder,
    facets: bool,
    snippets: usize,
    filters: FilterArgs,
}

impl LineSearch {
    fn defaults(args: &SearchArgs) -> LineSearch {
        LineSearch {
            query: String::new(),
            tag: None,
            limit: args.limit,
            offset: args.offset,
            sort: args.sort,
            facets: args.facets,
            snippets: usize::from(args.snippets),
            filters: args.filters.clone(),
        }
    }

    fn parse(line: &str, args: &SearchArgs) -> Result<LineSearch> {
        let mut search = LineSearch::defaults(args);
        if !line.starts_with('{') {
            search.query = line.to_owned();
            return Ok(search);
        }
        let request: LineRequest =
            serde_json::from_str(line).context("not a valid JSON request")?;
        if let Some(query) = request.query {
            search.query = query;
        }
        search.tag = request.tag;
        if let Some(limit) = request.limit {
            search.limit = limit;
        }
        if let Some(offset) = request.offset {
            search.offset = offset;
        }
        if let Some(sort) = request.sort {
            search.sort = <SortOrder as clap::ValueEnum>::from_str(&sort, true)
                .map_err(|_| anyhow::anyhow!("bad sort {sort:?}: use relevance, date or -date"))?;
        }
        if let Some(facets) = request.facets {
            search.facets = facets;
        }
        if let Some(snippets) = request.snippets {
            if snippets > 3 {
                bail!("bad snippets {snippets}: use 0 to 3");
            }
            search.snippets = snippets;
        }
        let filters = &mut search.filters;
        if let Some(province) = request.province {
            filters.province = province.into_vec();
        }
        if let Some(region) = request.region {
            filters.region = region.into_vec();
        }
        if let Some(merged) = request.merged {
            filters.merged = merged;
        }
        if let Some(resolution) = request.resolution {
            filters.resolution = resolution.into_vec();
        }
        if request.year.is_some() {
            filters.year = request.year;
        }
        if request.from.is_some() {
            filters.from = request.from;
        }
        if request.to.is_some() {
            filters.to = request.to;
        }
        if request.category.is_some() {
            filters.category = request.category;
        }
        if let Some(guessed) = request.guessed_dates {
            filters.guessed_dates = guessed;
        }
        Ok(search)
    }
}

/// Answers one line: the `--json` object of that search plus `line` (and `tag`).
fn answer(engine: &Engine, line: &str, args: &SearchArgs) -> Result<Value> {
    let search = LineSearch::parse(line, args)?;
    let filters = resolve(&search.filters)?;
    let request = SearchRequest {
        query: search.query.clone(),
        limit: search.limit,
        offset: search.offset,
        sort: search.sort,
        filters: filters.clone(),
        facets: if search.facets {
            Dimension::ALL.to_vec()
        } else {
            Vec::new()
        },
        snippets: search.snippets,
        explain: false,
    };
    let response = engine.search(&request)?;
    let mut value = response_json(
        &search.query,
        &serde_json::to_value(&filters)?,
        search.limit,
        search.offset,
        &response,
    );
    if let Some(fields) = &args.fields {
        trim_hits(&mut value["hits"], fields);
    }
    if let Some(tag) = search.tag {
        value["tag"] = tag;
    }
    Ok(value)
}

/// `version` and `line` lead each record, so a person reading the stream sees them first.
fn with_line_first(line_no: usize, value: Value) -> Value {
    let mut record = serde_json::Map::new();
    record.insert("version".into(), json!(JSON_VERSION));
    record.insert("line".into(), json!(line_no));
    if let Value::Object(fields) = value {
        for (key, field) in fields {
            record.entry(key).or_insert(field);
        }
    }
    Value::Object(record)
}

fn error_record(line_no: usize, input: &str, err: &anyhow::Error) -> Value {
    json!({
        "version": JSON_VERSION,
        "line": line_no,
        "input": input,
        "error": super::one_line(err),
    })
}

/// Lines answered together, in parallel; output stays in input order.
const CHUNK_LINES: usize = 64;

/// What one input line yields: nothing (blank or comment), an answer, or an error record.
enum Outcome {
    Skipped,
    Answered(Value),
    Failed(Value, String),
}

fn outcome(engine: &Engine, line_no: usize, bytes: &[u8], args: &SearchArgs) -> Outcome {
    let failed = |input: &str, err: anyhow::Error| {
        Outcome::Failed(
            error_record(line_no, input, &err),
            format!("line {line_no}: {}", super::one_line(&err)),
        )
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        let input = String::from_utf8_lossy(bytes);
        return failed(&input, anyhow::anyhow!("line is not valid UTF-8"));
    };
    let text = text.strip_suffix('\r').unwrap_or(text).trim();
    if text.is_empty() || text.starts_with('#') {
        return Outcome::Skipped;
    }
    if text.len() > MAX_LINE_BYTES {
        let err = anyhow::anyhow!(
            "line is {} bytes; the limit is {MAX_LINE_BYTES}",
            text.len()
        );
        return failed(text, err);
    }
    match answer(engine, text, args) {
        Ok(value) => Outcome::Answered(with_line_first(line_no, value)),
        Err(err) => failed(text, err),
    }
}

/// Reads the next lines: at least one (blocking), then as many as are already buffered, up to
/// `CHUNK_LINES`; so a file is answered in parallel chunks while a script that writes one line
/// and waits for its answer is never kept waiting. Empty at the end of the input.
fn read_chunk(input: &mut BufReader<Box<dyn Read>>) -> Result<Vec<Vec<u8>>> {
    let mut chunk = Vec::new();
    loop {
        let mut line = Vec::new();
        if input
            .read_until(b'\n', &mut line)
            .context("cannot read the batch input")?
            == 0
        {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        chunk.push(line);
        if chunk.len() >= CHUNK_LINES || input.buffer().is_empty() {
            break;
        }
    }
    Ok(chunk)
}

/// Runs a batch from a file or stdin (`-`); exit 0 when every line ran, 2 when any failed.
pub fn run(engine: &Engine, source: &Path, args: &SearchArgs) -> Result<i32> {
    let reader: Box<dyn Read> = if source == Path::new("-") {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            File::open(source)
                .with_context(|| format!("cannot read batch file {}", source.display()))?,
        )
    };
    let mut input = BufReader::with_capacity(1 << 16, reader);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0usize;
    let mut answered = 0usize;
    let mut first_failure: Option<String> = None;
    let mut lines_read = 0usize;
    loop {
        let chunk = read_chunk(&mut input)?;
        if chunk.is_empty() {
            break;
        }
        let first_line_no = lines_read + 1;
        lines_read += chunk.len();
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, bytes)| outcome(engine, first_line_no + i, bytes, args))
            .collect();
        for outcome in outcomes {
            let record = match outcome {
                Outcome::Skipped => continue,
                Outcome::Answered(record) => {
                    answered += 1;
                    record
                }
                Outcome::Failed(record, message) => {
                    failed += 1;
                    first_failure.get_or_insert(message);
                    record
                }
            };
            serde_json::to_writer(&mut out, &record)?;
            writeln!(out)?;
        }
        // Answers go out as they are made, so a script can feed lines through a pipe.
        out.flush()?;
    }
    if let Some(first) = first_failure {
        eprintln!(
            "vnsearch: {failed} of {} batch lines failed (first: {first})",
            failed + answered
        );
        return Ok(EXIT_ERROR);
    }
    Ok(EXIT_FOUND)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn args(flags: &[&str]) -> SearchArgs {
        #[derive(Parser)]
        struct Wrapper {
            #[command(flatten)]
            search: SearchArgs,
        }
        let mut argv = vec!["vnsearch"];
        argv.extend_from_slice(flags);
        Wrapper::parse_from(argv).search
    }

    #[test]
    fn a_bare_line_is_a_query_with_the_flag_defaults() {
        let search =
            LineSearch::parse("Hòa Bình", &args(&["--limit", "3", "--year", "2019"])).unwrap();
        assert_eq!(search.query, "Hòa Bình");
        assert_eq!(search.limit, 3);
        assert_eq!(search.filters.year, Some(2019));
    }

    #[test]
    fn a_json_line_overrides_the_flags() {
        let line = r#"{"query": "Đảng", "province": "Huế", "resolution": ["35-CT/TW"], "limit": 2, "sort": "-date", "tag": 7}"#;
        let search = LineSearch::parse(line, &args(&["--limit", "5"])).unwrap();
        assert_eq!(search.query, "Đảng");
        assert_eq!(search.limit, 2);
        assert_eq!(search.sort, SortOrder::DateAsc);
        assert_eq!(search.filters.province, vec!["Huế"]);
        assert_eq!(search.filters.resolution, vec!["35-CT/TW"]);
        assert_eq!(search.tag, Some(json!(7)));
    }

    #[test]
    fn bad_json_lines_are_errors_that_say_why() {
        for (line, expected) in [
            (
                r#"{"query": "x", "provence": "Huế"}"#,
                "unknown field `provence`",
            ),
            (r#"{"query": "x""#, "not a valid JSON request"),
            (r#"{"query": "x", "sort": "newest"}"#, "bad sort"),
            (r#"{"query": "x", "snippets": 9}"#, "bad snippets"),
            (r#"{"query": 5}"#, "invalid type"),
        ] {
            let err = LineSearch::parse(line, &args(&[])).err().expect(line);
            let message = super::super::one_line(&err);
            assert!(message.contains(expected), "{line}: {message}");
        }
    }
}
