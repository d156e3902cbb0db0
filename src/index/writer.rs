//! Building and incrementally updating an index from folders and files.
//!
//! Each document has a stable key (canonical path, plus `#record-id` for JSON Lines) and a hash of
//! its raw bytes. A run adds new keys, replaces changed ones, removes keys that vanished from an
//! indexed folder, and leaves the rest alone; everything lands in one commit, so a crash leaves
//! the previous commit intact.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::document::{build, text_hash};
use super::store::{IndexError, IndexStore};
use crate::ingest::{read_file, walk::find_files, Problem, SourceDoc};

/// How an indexing run is done.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// tantivy's writer memory budget, in bytes, shared by its threads.
    pub memory_budget: usize,
    /// Drop every document first.
    pub rebuild: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            memory_budget: 256 << 20,
            rebuild: false,
        }
    }
}

/// What a run did.
#[derive(Debug, Default)]
pub struct IndexReport {
    pub files: usize,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Same text as an already indexed document: (key of the copy, key of the one kept).
    pub duplicates: Vec<(String, String)>,
    pub problems: Vec<Problem>,
    pub bytes: usize,
    pub seconds: f64,
    pub documents: u64,
}

impl IndexReport {
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }

    /// The one-line summary printed after a run.
    pub fn summary_line(&self) -> String {
        format!(
            "indexed {} files: {} added, {} updated, {} removed, {} unchanged, {} duplicates, {} skipped; {:.1} MB in {:.2} s; {} documents in the index",
            self.files,
            self.added,
            self.updated,
            self.removed,
            self.unchanged,
            self.duplicates.len(),
            self.skipped(),
            self.bytes as f64 / 1e6,
            self.seconds,
            self.documents,
        )
    }
}

/// Key → (content hash, text hash) of every live document.
fn existing_documents(store: &IndexStore) -> Result<HashMap<String, (u64, u64)>> {
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let mut existing = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(keys) = fast.str("key")? else {
            continue;
        };
        let hashes = fast.u64("content_hash")?;
        let text_hashes = fast.u64("text_hash")?;
        let alive = segment.alive_bitset();
        let mut key = String::new();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| bits.is_deleted(doc)) {
                continue;
            }
            let Some(ord) = keys.term_ords(doc).next() else {
                continue;
            };
            key.clear();
            keys.ord_to_str(ord, &mut key)?;
            let hash = hashes.first(doc).unwrap_or(0);
            let text = text_hashes.first(doc).unwrap_or(0);
            existing.insert(key.clone(), (hash, text));
        }
    }
    Ok(existing)
}

/// Whether a document key lies under one of the roots of this run.
fn under_roots(key: &str, roots: &[PathBuf]) -> bool {
    let path = key.split('#').next().unwrap_or(key);
    roots.iter().any(|root| Path::new(path).starts_with(root))
}

fn canonical_roots(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut roots = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match path.canonicalize() {
            Ok(root) => roots.push(root),
            Err(err) => problems.push(Problem {
                path: path.clone(),
                line: None,
                what: format!("cannot open: {err}"),
                skipped: true,
            }),
        }
    }
    (roots, problems)
}

/// Files read per batch: bounds memory on large corpora while keeping both cores busy.
const FILES_PER_BATCH: usize = 64;

/// Indexes `paths` into `store`.
pub fn index_paths(
    store: &mut IndexStore,
    paths: &[PathBuf],
    options: &IndexOptions,
    mut progress: impl FnMut(usize, usize, usize),
) -> Result<IndexReport> {
    let started = Instant::now();
    let mut report = IndexReport::default();
    let (roots, problems) = canonical_roots(paths);
    report.problems.extend(problems);
    let (files, problems) = find_files(&roots);
    report.problems.extend(problems);
    report.files = files.len();

    let existing = if options.rebuild {
        HashMap::new()
    } else {
        existing_documents(store)?
    };
    let mut by_text: HashMap<u64, String> = existing
        .iter()
        .map(|(key, &(_, text))| (text, key.clone()))
        .collect();
    let mut writer: IndexWriter<TantivyDocument> = store
        .index
        .writer(options.memory_budget)
        .map_err(|err| match err {
            tantivy::TantivyError::LockFailure(..) => IndexError::Locked(store.dir.clone()).into(),
            other => anyhow::Error::from(other).context("cannot open the index for writing"),
        })?;
    // Files left by a killed or failed run (a full disk) are freed before anything is written.
    writer.garbage_collect_files().wait().ok();
    if options.rebuild {
        writer.delete_all_documents()?;
    }
    let fields = store.fields;
    let mut seen: HashSet<String> = HashSet::new();
    let mut docs_done = 0;
    for batch in files.chunks(FILES_PER_BATCH) {
        let reads: Vec<_> = batch.par_iter().map(|path| read_file(path)).collect();
        let mut fresh: Vec<SourceDoc> = Vec::new();
        for read in reads {
            report.bytes += read.bytes;
            report.problems.extend(read.problems);
            for doc in read.docs {
                if !seen.insert(doc.key.clone()) {
                    report.problems.push(Problem {
                        path: doc.path.clone(),
                        line: doc.line,
                        what: format!("key {} seen twice in this run; the first is kept", doc.key),
                        skipped: true,
                    });
                    continue;
                }
                match existing.get(&doc.key) {
                    Some(&(hash, _)) if hash == doc.content_hash => report.unchanged += 1,
                    _ => fresh.push(doc),
                }
            }
        }
        let texts: Vec<u64> = fresh.par_iter().map(text_hash).collect();
        let mut to_build = Vec::new();
        for (doc, text) in fresh.into_iter().zip(texts) {
            if let Some(kept) = by_text.get(&text) {
                if kept != &doc.key {
                    report.duplicates.push((doc.key.clone(), kept.clone()));
                    if existing.contains_key(&doc.key) {
                        writer.delete_term(Term::from_field_text(fields.key, &doc.key));
                        report.removed += 1;
                    }
                    continue;
                }
            }
            by_text.insert(text, doc.key.clone());
            to_build.push(doc);
        }
        let built: Vec<TantivyDocument> =
            to_build.par_iter().map(|doc| build(&fields, doc)).collect();
        for (doc, tantivy_doc) in to_build.iter().zip(built) {
            if existing.contains_key(&doc.key) {
                writer.delete_term(Term::from_field_text(fields.key, &doc.key));
                report.updated += 1;
            } else {
                report.added += 1;
            }
            if let Err(err) = writer.add_document(tantivy_doc) {
                return Err(abandon(writer, &store.dir, err));
            }
        }
        docs_done += batch.len();
        progress(docs_done, files.len(), report.bytes);
    }
    for key in existing.keys() {
        if !seen.contains(key) && under_roots(key, &roots) {
            writer.delete_term(Term::from_field_text(fields.key, key));
            report.removed += 1;
        }
    }
    if let Err(err) = writer.commit() {
        return Err(abandon(writer, &store.dir, err));
    }
    writer.wait_merging_threads().ok();

    let reader = store.reader()?;
    report.documents = reader.searcher().num_docs();
    for root in roots {
        if !store.meta.roots.contains(&root) {
            store.meta.roots.push(root);
        }
    }
    store.meta.documents = report.documents;
    store.meta.last_indexed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs());
    store.meta.save(&store.dir)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Gives up a failed run: its files are removed and the index stays at its last commit.
fn abandon(
    mut writer: IndexWriter<TantivyDocument>,
    dir: &Path,
    err: TantivyError,
) -> anyhow::Error {
    writer.rollback().ok();
    writer.garbage_collect_files().wait().ok();
    let text = err.to_string();
    let cause = if text.contains("No space left") || text.contains("os error 28") {
        "the disk is full (free some space and run it again)".to_owned()
    } else if text.contains("index writer was killed") {
        "the index writer failed (a full disk is the usual cause)".to_owned()
    } else {
        text
    };
    IndexError::Io {
        dir: dir.to_owned(),
        cause: format!("{cause}; the index is unchanged, as the last completed run left it"),
    }
    .into()
}
