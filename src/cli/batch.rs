//! `vnsearch search --batch FILE|-`: many lookups over one open index, one JSON line per input
//! line, so a script can match answers to questions by line number even when some lines fail.
//!
//! A line is either a bare query or a JSON object (`{"query": …, "province": …, "limit": …}`)
//! whose keys are the search flags; flags given on the command line are the defaults that an
//! object overrides. Blank lines and lines starting with `#` are skipped.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde_json::{json, Value};

use super::exit::{EXIT_ERROR, EXIT_FOUND};
use crate::api::json::{search_json, JSON_VERSION};
use crate::api::{Bounds, Params};
use crate::search::Engine;

/// Lines longer than this are rejected as errors rather than searched.
const MAX_LINE_BYTES: usize = 64 * 1024;

/// The request a line asks for, with the command line's flags as defaults, and its `tag`
/// (anything the caller wants echoed back, an id of its own).
fn parse_line(line: &str, defaults: &Params) -> Result<(Params, Option<Value>)> {
    let mut params = defaults.clone();
    if !line.starts_with('{') {
        params.query = line.to_owned();
        return Ok((params, None));
    }
    let mut object: serde_json::Map<String, Value> =
        serde_json::from_str(line).context("not a valid JSON request")?;
    let tag = object.remove("tag");
    params.apply_json(&object)?;
    Ok((params, tag))
}

/// Answers one line: the `--json` object of that search plus `line` (and `tag`).
fn answer(engine: &Engine, line: &str, defaults: &Params) -> Result<Value> {
    let (params, tag) = parse_line(line, defaults)?;
    let request = params.resolve(Bounds::NONE)?;
    let response = engine.search(&request)?;
    let mut value = search_json(&request, &response, params.fields.as_deref());
    if let Some(tag) = tag {
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
        "error": super::exit::one_line(err),
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

fn outcome(engine: &Engine, line_no: usize, bytes: &[u8], defaults: &Params) -> Outcome {
    let failed = |input: &str, err: anyhow::Error| {
        Outcome::Failed(
            error_record(line_no, input, &err),
            format!("line {line_no}: {}", super::exit::one_line(&err)),
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
    match answer(engine, text, defaults) {
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
pub fn run(engine: &Engine, source: &Path, defaults: &Params) -> Result<i32> {
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
            .map(|(i, bytes)| outcome(engine, first_line_no + i, bytes, defaults))
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
    use crate::search::SortOrder;

    #[test]
    fn a_bare_line_is_a_query_with_the_flag_defaults() {
        let defaults = Params {
            limit: 3,
            year: Some(2019),
            ..Params::default()
        };
        let (params, tag) = parse_line("Hòa Bình", &defaults).unwrap();
        assert_eq!(params.query, "Hòa Bình");
        assert_eq!(params.limit, 3);
        assert_eq!(params.year, Some(2019));
        assert_eq!(tag, None);
    }

    #[test]
    fn a_json_line_overrides_the_flags() {
        let line = r#"{"query": "Đảng", "province": "Huế", "resolution": ["35-CT/TW"], "limit": 2, "sort": "-date", "tag": 7}"#;
        let defaults = Params {
            limit: 5,
            ..Params::default()
        };
        let (params, tag) = parse_line(line, &defaults).unwrap();
        assert_eq!(params.query, "Đảng");
        assert_eq!(params.limit, 2);
        assert_eq!(params.sort, SortOrder::DateAsc);
        assert_eq!(params.province, vec!["Huế"]);
        assert_eq!(params.resolution, vec!["35-CT/TW"]);
        assert_eq!(tag, Some(json!(7)));
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
            (r#"{"query": 5}"#, "invalid type"),
        ] {
            let err = parse_line(line, &Params::default()).expect_err(line);
            let message = super::super::exit::one_line(&err);
            assert!(message.contains(expected), "{line}: {message}");
        }
    }
}
