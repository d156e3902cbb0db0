//! Handing an index over to a distributed engine: documents as NDJSON (OpenSearch and
//! Elasticsearch `_bulk`, or Quickwit's one object a line), the index definition, a README with
//! the commands to load them, and a state file so the next export sends only what changed.
//!
//! vnsearch grows no cluster of its own: it writes files that the engine's own tools load.

pub mod document;
pub mod mapping;
pub mod readme;
pub mod state;
pub mod translate;
pub mod writer;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::json;
use thiserror::Error;

use crate::search::stored::StoredReader;
use crate::search::{Engine, SearchError, SearchRequest};
use document::Analyzers;
use state::{hash_text, ExportState, EXPORT_FORMAT, STATE_FILE};
use writer::{ChunkFile, ChunkWriter};

/// The engines an export can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    OpenSearch,
    Elasticsearch,
    Quickwit,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::OpenSearch, Target::Elasticsearch, Target::Quickwit];

    pub fn name(self) -> &'static str {
        match self {
            Target::OpenSearch => "opensearch",
            Target::Elasticsearch => "elasticsearch",
            Target::Quickwit => "quickwit",
        }
    }

    /// The engine as people write it.
    pub fn title(self) -> &'static str {
        match self {
            Target::OpenSearch => "OpenSearch",
            Target::Elasticsearch => "Elasticsearch",
            Target::Quickwit => "Quickwit",
        }
    }

    pub fn parse(name: &str) -> Result<Target, ExportError> {
        Target::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| ExportError::UnknownTarget(name.to_owned()))
    }

    /// The prefix of the document files: `_bulk` bodies or plain documents.
    pub fn file_prefix(self) -> &'static str {
        match self {
            Target::Quickwit => "docs",
            _ => "bulk",
        }
    }
}

/// The names of every target, for messages.
pub fn target_names() -> String {
    Target::ALL.map(Target::name).join(", ")
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("unknown target {0:?}; targets: {names}", names = target_names())]
    UnknownTarget(String),
    #[error("bad index name {0:?}: use 3 to 255 lower-case letters, digits, '-' and '_', starting with a letter")]
    BadName(String),
    #[error("{0}")]
    State(String),
    #[error("cannot write {path}: {cause}")]
    Write { path: PathBuf, cause: String },
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// What to export, and where.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub target: Target,
    pub out: PathBuf,
    /// The query and filters; an empty query selects every document.
    pub request: SearchRequest,
    /// The selection as the user stated it, recorded in the state file.
    pub selection: String,
    /// An earlier export's state: write only what changed since.
    pub since: Option<PathBuf>,
    /// Each NDJSON file stays under this size (a single larger document gets a file alone).
    pub chunk_bytes: u64,
    /// The index name in the engine [default: the earlier export's, else `vnsearch`].
    pub name: Option<String>,
}

/// The default size of one NDJSON file, in KiB: 10 MiB, well inside Elasticsearch's and
/// OpenSearch's default request limit (100 MB) and the size their docs suggest for `_bulk`.
pub const DEFAULT_CHUNK_KB: u64 = 10 * 1024;

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct ExportSummary {
    pub target: Target,
    pub name: String,
    pub out: PathBuf,
    /// Documents written (all of them, or those changed and new since the state).
    pub written: usize,
    /// Delete actions (or Quickwit delete terms) for documents gone since the state.
    pub deleted: usize,
    /// Documents the earlier export already holds unchanged (0 without `--since`).
    pub unchanged: usize,
    pub since: bool,
    pub files: Vec<ChunkFile>,
}

fn write_error(path: &Path, err: impl ToString) -> ExportError {
    ExportError::Write {
        path: path.to_owned(),
        cause: err.to_string(),
    }
}

/// Index names every engine accepts: Elasticsearch and OpenSearch want lower case without
/// `\/*?"<>| ,#:`, Quickwit 3 to 255 characters starting with a letter.
fn check_name(name: &str) -> Result<(), ExportError> {
    let ok = (3..=255).contains(&name.len())
        && name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ExportError::BadName(name.to_owned()))
    }
}

/// Files an earlier export left in the folder, so that two exports never mix there.
fn remove_old_files(out: &Path) -> Result<(), ExportError> {
    let entries = match std::fs::read_dir(out) {
        Ok(entries) => entries,
        Err(_) => return Ok(()),
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = ["bulk-", "docs-"]
            .iter()
            .any(|p| name.starts_with(p) && name.ends_with(".ndjson"))
            || name == readme::DELETE_TASKS_FILE;
        if ours {
            std::fs::remove_file(entry.path()).map_err(|e| write_error(&entry.path(), e))?;
        }
    }
    Ok(())
}

/// Writes a file whole or not at all (a state cut short would make the next `--since` wrong).
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).map_err(|e| write_error(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| write_error(path, e))
}

/// Keys per Quickwit delete task: one task rewrites the splits it touches, so deletes are
/// grouped rather than sent one by one.
const KEYS_PER_DELETE_TASK: usize = 100;

/// Runs an export: reads every selected document, writes the files, then the state.
pub fn export(engine: &Engine, options: &ExportOptions) -> Result<ExportSummary, ExportError> {
    let earlier = match &options.since {
        Some(path) => Some(ExportState::load(path).map_err(ExportError::State)?),
        None => None,
    };
    let name = options
        .name
        .clone()
        .or_else(|| earlier.as_ref().map(|s| s.index_name.clone()))
        .unwrap_or_else(|| "vnsearch".to_owned());
    check_name(&name)?;

    let matches = engine.matches(&options.request)?;
    let mut reader = StoredReader::new(&matches.searcher);
    let mut now: BTreeMap<String, String> = BTreeMap::new();
    let mut keys = Vec::with_capacity(matches.addresses.len());
    for &address in &matches.addresses {
        let found = reader.key_hash(address)?;
        now.insert(found.key.clone(), hash_text(found.content_hash));
        keys.push(found.key);
    }
    let (upserts, deletes, unchanged) = match &earlier {
        Some(state) => {
            let changes = state.changes(&now);
            (changes.upserts, changes.deletes, changes.unchanged)
        }
        None => (now.keys().cloned().collect(), Vec::new(), 0),
    };
    let upsert_set: HashSet<&str> = upserts.iter().map(String::as_str).collect();

    let out = &options.out;
    std::fs::create_dir_all(out).map_err(|e| write_error(out, e))?;
    remove_old_files(out)?;
    let mut analyzers = Analyzers::of(&engine.store);
    let mut chunks = ChunkWriter::new(out, options.target.file_prefix(), options.chunk_bytes);
    let mut written = 0;
    let mut seen: HashSet<&str> = HashSet::new();
    for (&address, key) in matches.addresses.iter().zip(&keys) {
        if !upsert_set.contains(key.as_str()) || !seen.insert(key.as_str()) {
            continue;
        }
        let doc = reader.read(engine, address)?;
        let source = document::source(&doc, &mut analyzers);
        let mut record = Vec::with_capacity(doc.body.len() * 5);
        if options.target != Target::Quickwit {
            let action = json!({"index": {"_index": name, "_id": key}});
            serde_json::to_writer(&mut record, &action).expect("JSON to memory");
            record.push(b'\n');
        }
        serde_json::to_writer(&mut record, &source).expect("JSON to memory");
        record.push(b'\n');
        chunks.write(&record).map_err(|e| write_error(out, e))?;
        written += 1;
    }
    if options.target == Target::Quickwit {
        // Quickwit has no upsert: an updated document is deleted first, then ingested again.
        let replaced = upserts.iter().filter(|k| {
            earlier
                .as_ref()
                .is_some_and(|s| s.documents.contains_key(*k))
        });
        let gone: Vec<&String> = deletes.iter().chain(replaced).collect();
        if !gone.is_empty() {
            let mut tasks = Vec::new();
            for group in gone.chunks(KEYS_PER_DELETE_TASK) {
                let query = group
                    .iter()
                    .map(|k| {
                        translate::quickwit(
                            &translate::Q::Term {
                                field: "key".into(),
                                value: (*k).clone(),
                                boost: 1.0,
                            },
                            &mut Vec::new(),
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" OR ");
                serde_json::to_writer(&mut tasks, &json!({ "query": query }))
                    .expect("JSON to memory");
                tasks.push(b'\n');
            }
            let path = out.join(readme::DELETE_TASKS_FILE);
            write_atomically(&path, &tasks)?;
        }
    } else {
        for key in &deletes {
            let mut record = Vec::new();
            serde_json::to_writer(
                &mut record,
                &json!({"delete": {"_index": name, "_id": key}}),
            )
            .expect("JSON to memory");
            record.push(b'\n');
            chunks.write(&record).map_err(|e| write_error(out, e))?;
        }
    }
    let files = chunks.finish().map_err(|e| write_error(out, e))?;

    let summary = ExportSummary {
        target: options.target,
        name: name.clone(),
        out: out.clone(),
        written,
        deleted: deletes.len(),
        unchanged,
        since: earlier.is_some(),
        files,
    };
    match options.target {
        Target::Quickwit => {
            let path = out.join(readme::QUICKWIT_CONFIG_FILE);
            write_atomically(&path, mapping::quickwit_yaml(&name).as_bytes())?;
        }
        _ => {
            let shards = readme::shards_for(&summary);
            let path = out.join(readme::INDEX_FILE);
            let text =
                serde_json::to_string_pretty(&mapping::index_json(shards)).expect("JSON to memory");
            write_atomically(&path, format!("{text}\n").as_bytes())?;
        }
    }
    let text = readme::render(&summary, &options.selection);
    write_atomically(&out.join(readme::README_FILE), text.as_bytes())?;
    let state = ExportState {
        version: 1,
        format: EXPORT_FORMAT,
        target: options.target.name().to_owned(),
        index_name: name,
        exported_at: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        selection: options.selection.clone(),
        documents: now,
    };
    let text = serde_json::to_string(&state).expect("JSON to memory");
    write_atomically(&out.join(STATE_FILE), format!("{text}\n").as_bytes())?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_by_name_and_an_unknown_one_lists_them() {
        assert_eq!(Target::parse("OpenSearch").unwrap(), Target::OpenSearch);
        assert_eq!(Target::parse("quickwit").unwrap(), Target::Quickwit);
        let err = Target::parse("solr").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown target \"solr\"; targets: opensearch, elasticsearch, quickwit"
        );
        assert!(check_name("vnsearch-2026_01").is_ok());
        for bad in ["VNsearch", "a b", "ab", "2026-news", "_news"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
