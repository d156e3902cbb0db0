//! Turning the paths a user names into articles: walking folders, decoding bytes, reading
//! `.txt` pages and `.jsonl` records. Whatever cannot be read is reported, never fatal.

pub mod decode;
pub mod legacy;
pub mod walk;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::extract::article::{from_record, parse_raw_text, RecordFields};
use crate::model::Article;

/// One article read from disk, with the identity incremental indexing keys on.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// Stable key: the canonical path, plus `#<record id>` for JSON Lines records.
    pub key: String,
    /// Short id for people: the file stem or the record id.
    pub id: String,
    pub path: PathBuf,
    /// 1-based line of a JSON Lines record.
    pub line: Option<usize>,
    /// Hash of the raw bytes of the file or record.
    pub content_hash: u64,
    pub bytes: usize,
    pub article: Article,
}

/// Something that was read with a repair or could not be read at all.
#[derive(Debug, Clone)]
pub struct Problem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub what: String,
    /// Skipped entirely (true) or indexed after a repair (false).
    pub skipped: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let verb = if self.skipped { "skipped" } else { "repaired" };
        write!(f, ": {verb}: {}", self.what)
    }
}

/// What reading one file produced.
#[derive(Debug, Default)]
pub struct FileRead {
    pub docs: Vec<SourceDoc>,
    pub problems: Vec<Problem>,
    pub bytes: usize,
}

/// Content hash of a document's bytes, seeded with the analysis fingerprint: the same bytes
/// analysed by a different extractor are a changed document.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(bytes, crate::extract::analysis_fingerprint())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads one `.txt` or `.jsonl` file.
pub fn read_file(path: &Path) -> FileRead {
    let mut read = FileRead::default();
    let problem = |what: String, skipped: bool| Problem {
        path: path.to_owned(),
        line: None,
        what,
        skipped,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            read.problems
                .push(problem(format!("cannot read: {err}"), true));
            return read;
        }
    };
    read.bytes = bytes.len();
    let decoded = match decode::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(reason) => {
            read.problems.push(problem(reason, true));
            return read;
        }
    };
    if let Some(repair) = &decoded.repair {
        read.problems.push(problem(repair.clone(), false));
    }
    let key = path.display().to_string();
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    if is_jsonl {
        read_jsonl(path, &key, &decoded.text, &mut read);
    } else {
        let article = parse_raw_text(&decoded.text);
        if article.title.is_empty() && article.body.is_empty() {
            read.problems.push(problem(
                "no article text (empty or only page chrome)".into(),
                true,
            ));
            return read;
        }
        read.docs.push(SourceDoc {
            key,
            id: stem(path),
            path: path.to_owned(),
            line: None,
            content_hash: hash_bytes(&bytes),
            bytes: bytes.len(),
            article,
        });
    }
    read
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Record {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    category: Option<String>,
    author: Option<String>,
    summary: Option<String>,
    body: Option<String>,
}

fn read_jsonl(path: &Path, key: &str, text: &str, read: &mut FileRead) {
    let mut seen_ids = std::collections::HashMap::new();
    let mut records: Vec<(usize, String, &str, Record)> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let problem = |what: String| Problem {
            path: path.to_owned(),
            line: Some(line_no),
            what,
            skipped: true,
        };
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(err) => {
                problems.push(problem(format!("not a JSON record: {err}")));
                continue;
            }
        };
        let record_id = match &record.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}:{line_no}", stem(path)),
        };
        let first = *seen_ids.entry(record_id.clone()).or_insert(line_no);
        let unique_id = if first == line_no {
            record_id
        } else {
            // Kept under a new id, so a repair rather than a skip.
            problems.push(Problem {
                skipped: false,
                ..problem(format!(
                    "duplicate id {record_id:?} (first on line {first}); this record is kept under {record_id}@{line_no}"
                ))
            });
            format!("{record_id}@{line_no}")
        };
        records.push((line_no, unique_id, line, record));
    }
    // Cleaning the text is most of the reading time: done for all records in parallel, in order.
    let articles: Vec<Article> = records
        .par_iter()
        .map(|(_, _, _, record)| {
            from_record(&RecordFields {
                title: record.title.as_deref().unwrap_or(""),
                summary: record.summary.as_deref().unwrap_or(""),
                body: record.body.as_deref().unwrap_or(""),
                url: record.url.as_deref().unwrap_or(""),
                published: record.published.as_deref().unwrap_or(""),
                category: record.category.as_deref().unwrap_or(""),
                author: record.author.as_deref().unwrap_or(""),
            })
        })
        .collect();
    for ((line_no, unique_id, line, _), article) in records.into_iter().zip(articles) {
        if article.title.is_empty() && article.body.is_empty() && article.summary.is_empty() {
            problems.push(Problem {
                path: path.to_owned(),
                line: Some(line_no),
                what: "record has no text".into(),
                skipped: true,
            });
            continue;
        }
        read.docs.push(SourceDoc {
            key: format!("{key}#{unique_id}"),
            id: unique_id,
            path: path.to_owned(),
            line: Some(line_no),
            content_hash: hash_bytes(line.as_bytes()),
            bytes: line.len(),
            article,
        });
    }
    // Reported in line order, as read.
    problems.sort_by_key(|p| p.line);
    read.problems.extend(problems);
}
