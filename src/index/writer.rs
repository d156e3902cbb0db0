//! Building and incrementally updating an index from folders and files.
//!
//! Each document has a stable key (canonical path, plus `#record-id` for JSON Lines) and a hash of
//! its raw bytes. A run adds new keys, replaces changed ones, removes keys that vanished from an
//! indexed folder, and leaves the rest alone; everything lands in one commit, so a crash leaves
//! the previous commit intact.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, TantivyError, Term};

use super::document::{build, text_hash};
use super::manifest::{FileEntry, Manifest};
use super::store::{IndexError, IndexStore};
use super::Fields;
use crate::ingest::{read_file, walk::find_files, FileRead, Problem, SourceDoc};

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
    /// Items left out (as opposed to indexed after a repair).
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }

    /// Skipped items counted by reason ("empty file", "not a JSON record"), most frequent first.
    pub fn skipped_reasons(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for problem in self.problems.iter().filter(|p| p.skipped) {
            *counts.entry(reason(&problem.what)).or_default() += 1;
        }
        let mut reasons: Vec<(String, usize)> = counts.into_iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        reasons
    }

    /// The one-line summary printed after a run.
    pub fn summary_line(&self) -> String {
        let reasons = self.skipped_reasons();
        let skipped = if reasons.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
            format!(" ({})", list.join(", "))
        };
        format!(
            "indexed {} files: {} added, {} updated, {} removed, {} unchanged, {} duplicates, {} skipped{skipped}; {:.1} MB in {:.2} s; {} documents in the index",
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

/// The general reason of a problem message: its words before any detail (a colon, a
/// parenthesis, a quoted value or a number).
fn reason(what: &str) -> String {
    let end = what
        .find(|c: char| matches!(c, ':' | '(' | '"' | ';') || c.is_ascii_digit())
        .unwrap_or(what.len());
    let general = what[..end].trim();
    if general.is_empty() {
        what.to_owned()
    } else {
        general.to_owned()
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
        // Every key of the segment in ordinal order, streamed once: looking each up by ordinal
        // decompresses a dictionary block per document.
        let mut by_ord: Vec<String> = Vec::with_capacity(keys.num_terms());
        let mut stream = keys.dictionary().stream()?;
        while stream.advance() {
            debug_assert_eq!(stream.term_ord() as usize, by_ord.len());
            by_ord.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| bits.is_deleted(doc)) {
                continue;
            }
            let Some(key) = keys
                .term_ords(doc)
                .next()
                .and_then(|ord| by_ord.get(ord as usize))
            else {
                continue;
            };
            let hash = hashes.first(doc).unwrap_or(0);
            let text = text_hashes.first(doc).unwrap_or(0);
            existing.insert(key.clone(), (hash, text));
        }
    }
    Ok(existing)
}

/// The live keys of each file: a file the manifest shows unchanged keeps them all.
fn keys_by_path(existing: &HashMap<String, (u64, u64)>) -> HashMap<&str, Vec<&str>> {
    let mut by_path: HashMap<&str, Vec<&str>> = HashMap::new();
    for key in existing.keys() {
        let path = key.split('#').next().unwrap_or(key);
        by_path.entry(path).or_default().push(key);
    }
    by_path
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

/// Files read at once: enough to keep both cores busy, few enough that documents reach the
/// writer while later files are still being read (a batch ends at either bound).
const FILES_PER_BATCH: usize = 64;
const BYTES_PER_BATCH: u64 = 4 << 20;
/// Documents analysed and handed to the writer at once: bounds memory on large corpora.
const DOCS_PER_CHUNK: usize = 512;
/// Batches of read files waiting for the writer.
const READ_AHEAD_BATCHES: usize = 2;

/// Where a run stands, for a progress display.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    /// Documents read so far (added, updated, unchanged or duplicates).
    pub documents: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// One read file, or one left unread because the manifest shows it unchanged.
enum Ingested {
    Read(PathBuf, Option<FileEntry>, FileRead),
    Unchanged(PathBuf, FileEntry),
}

/// Reads `files` on the rayon pool in order, batch by batch, skipping files the manifest knows.
fn read_files(
    files: &[PathBuf],
    sizes: &[u64],
    manifest: &Manifest,
    send: SyncSender<Vec<Ingested>>,
) {
    let mut start = 0;
    while start < files.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < files.len() && end - start < FILES_PER_BATCH && bytes < BYTES_PER_BATCH {
            bytes += sizes[end];
            end += 1;
        }
        let batch = &files[start..end];
        start = end;
        let ingested: Vec<Ingested> = batch
            .par_iter()
            .map(|path| {
                let entry = FileEntry::of(path);
                match entry {
                    Some(entry) if manifest.has(path, &entry) => {
                        Ingested::Unchanged(path.clone(), entry)
                    }
                    _ => Ingested::Read(path.clone(), entry, read_file(path)),
                }
            })
            .collect();
        if send.send(ingested).is_err() {
            return;
        }
    }
}

/// The incremental bookkeeping of one run and the writer it feeds.
struct Run<'a> {
    writer: IndexWriter<TantivyDocument>,
    state: Progress,
    progress: &'a mut dyn FnMut(&Progress),
    fields: Fields,
    existing: &'a HashMap<String, (u64, u64)>,
    by_text: HashMap<u64, String>,
    seen: HashSet<String>,
    report: IndexReport,
    pending: Vec<SourceDoc>,
}

impl Run<'_> {
    /// Sorts the documents of one read file into unchanged and to-be-indexed.
    fn take(&mut self, read: FileRead) -> Result<()> {
        self.report.problems.extend(read.problems);
        self.report.bytes += read.bytes;
        let mut bytes_left = read.bytes as u64;
        for doc in read.docs {
            self.state.documents += 1;
            let bytes = (doc.bytes as u64).min(bytes_left);
            bytes_left -= bytes;
            self.state.bytes_done += bytes;
            if !self.seen.insert(doc.key.clone()) {
                self.report.problems.push(Problem {
                    path: doc.path.clone(),
                    line: doc.line,
                    what: format!("seen twice in this run: key {}; the first is kept", doc.key),
                    skipped: true,
                });
                continue;
            }
            match self.existing.get(&doc.key) {
                Some(&(hash, _)) if hash == doc.content_hash => self.report.unchanged += 1,
                _ => self.pending.push(doc),
            }
            if self.pending.len() >= DOCS_PER_CHUNK {
                self.flush()?;
                (self.progress)(&self.state);
            }
        }
        self.state.bytes_done += bytes_left;
        self.state.files_done += 1;
        Ok(())
    }

    /// Counts a file the manifest shows unchanged: its live documents stay as they are.
    fn keep(&mut self, keys: &[&str], entry: FileEntry) {
        self.report.unchanged += keys.len();
        self.seen.extend(keys.iter().map(|k| (*k).to_owned()));
        self.report.bytes += entry.bytes as usize;
        self.state.bytes_done += entry.bytes;
        self.state.documents += keys.len();
        self.state.files_done += 1;
    }

    /// Drops duplicates, analyses the pending documents in parallel and hands them to tantivy.
    fn flush(&mut self) -> Result<()> {
        let fresh = std::mem::take(&mut self.pending);
        let texts: Vec<u64> = fresh.par_iter().map(text_hash).collect();
        let mut to_build = Vec::with_capacity(fresh.len());
        for (doc, text) in fresh.into_iter().zip(texts) {
            if let Some(kept) = self.by_text.get(&text) {
                if kept != &doc.key {
                    self.report.duplicates.push((doc.key.clone(), kept.clone()));
                    if self.existing.contains_key(&doc.key) {
                        self.writer
                            .delete_term(Term::from_field_text(self.fields.key, &doc.key));
                        self.report.removed += 1;
                    }
                    continue;
                }
            }
            self.by_text.insert(text, doc.key.clone());
            to_build.push((doc, text));
        }
        let fields = self.fields;
        let built: Vec<TantivyDocument> = to_build
            .par_iter()
            .map(|(doc, text)| build(&fields, doc, *text))
            .collect();
        for ((doc, _), tantivy_doc) in to_build.iter().zip(built) {
            if self.existing.contains_key(&doc.key) {
                self.writer
                    .delete_term(Term::from_field_text(self.fields.key, &doc.key));
                self.report.updated += 1;
            } else {
                self.report.added += 1;
            }
            self.writer.add_document(tantivy_doc)?;
        }
        Ok(())
    }
}

/// Indexes `paths` into `store`.
pub fn index_paths(
    store: &mut IndexStore,
    paths: &[PathBuf],
    options: &IndexOptions,
    mut progress: impl FnMut(&Progress),
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
    let mut manifest = if options.rebuild {
        Manifest::default()
    } else {
        let payload = store.index.load_metas().ok().and_then(|m| m.payload);
        Manifest::load(&store.dir, payload.as_deref())
    };
    let keys_by_path = keys_by_path(&existing);
    let by_text: HashMap<u64, String> = existing
        .iter()
        .map(|(key, &(_, text))| (text, key.clone()))
        .collect();
    let writer: IndexWriter<TantivyDocument> =
        store
            .index
            .writer(options.memory_budget)
            .map_err(|err| match err {
                tantivy::TantivyError::LockFailure(..) => {
                    IndexError::Locked(store.dir.clone()).into()
                }
                other => anyhow::Error::from(other).context("cannot open the index for writing"),
            })?;
    // Files left by a killed or failed run (a full disk) are freed before anything is written.
    writer.garbage_collect_files().wait().ok();
    if options.rebuild {
        writer.delete_all_documents()?;
    }
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let state = Progress {
        files_total: files.len(),
        bytes_total: sizes.iter().sum(),
        ..Progress::default()
    };
    let mut run = Run {
        writer,
        state,
        progress: &mut progress,
        fields: store.fields,
        existing: &existing,
        by_text,
        seen: HashSet::new(),
        report,
        pending: Vec::new(),
    };
    let mut read_cleanly: Vec<(PathBuf, FileEntry)> = Vec::new();
    let outcome = std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = sync_channel(READ_AHEAD_BATCHES);
        let reader_manifest = &manifest;
        let reader_files = &files;
        let reader_sizes = &sizes;
        scope.spawn(move || read_files(reader_files, reader_sizes, reader_manifest, send));
        for batch in receive {
            for ingested in batch {
                match ingested {
                    Ingested::Unchanged(path, entry) => {
                        let keys = keys_by_path
                            .get(path.display().to_string().as_str())
                            .map(Vec::as_slice)
                            .unwrap_or_default();
                        run.keep(keys, entry);
                        read_cleanly.push((path, entry));
                    }
                    Ingested::Read(path, entry, read) => {
                        if let Some(entry) = entry.filter(|_| read.problems.is_empty()) {
                            read_cleanly.push((path, entry));
                        }
                        run.take(read)?;
                    }
                }
            }
            (run.progress)(&run.state);
        }
        run.flush()
    });
    let Run {
        mut writer,
        mut report,
        seen,
        ..
    } = run;
    if let Err(err) = outcome {
        // A failed write (a full disk) leaves the index as the last completed run left it.
        return Err(match err.downcast::<TantivyError>() {
            Ok(write_error) => abandon(writer, &store.dir, write_error),
            Err(other) => {
                writer.rollback().ok();
                other
            }
        });
    }
    let fields = store.fields;
    for key in existing.keys() {
        if !seen.contains(key) && under_roots(key, &roots) {
            writer.delete_term(Term::from_field_text(fields.key, key));
            report.removed += 1;
        }
    }
    // The manifest is written first, tied to this commit by a token in the commit's payload: a
    // kill before the commit leaves a manifest that no commit carries, so it is ignored.
    let token = format!(
        "{:x}-{:x}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
        std::process::id()
    );
    manifest.forget_under(&roots);
    manifest.record(read_cleanly);
    manifest.set_commit(&token);
    if manifest.save(&store.dir).is_err() {
        // Without a manifest the next run reads every file again: slower, never wrong.
        Manifest::remove(&store.dir);
    }
    let committed = match writer.prepare_commit() {
        Ok(mut prepared) => {
            prepared.set_payload(&token);
            prepared.commit().map(drop)
        }
        Err(err) => Err(err),
    };
    if let Err(err) = committed {
        return Err(abandon(writer, &store.dir, err));
    }
    writer.wait_merging_threads().ok();

    let reader = store.reader()?;
    report.documents = reader.searcher().num_docs();
    for root in &roots {
        if !store.meta.roots.contains(root) {
            store.meta.roots.push(root.clone());
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const PAGE_A: &str = "Báo Hải Phòng\n\nHải Phòng học tập Nghị quyết Trung ương 4\n\nNgày 12/03/2017, Thành ủy Hải Phòng tổ chức hội nghị quán triệt Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng.\n";
    const PAGE_B: &str = "Đắk Lắk tinh giản biên chế\n\nNgày 05/09/2019, Tỉnh ủy Đắk Lắk sơ kết việc tinh giản biên chế và sắp xếp bộ máy.\n";

    /// A corpus folder with two pages, and an empty index beside it.
    fn setup() -> (tempfile::TempDir, PathBuf, IndexStore) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        fs::create_dir(&corpus).unwrap();
        fs::write(corpus.join("a.txt"), PAGE_A).unwrap();
        fs::write(corpus.join("b.txt"), PAGE_B).unwrap();
        let store = IndexStore::create(&dir.path().join("index")).unwrap();
        (dir, corpus, store)
    }

    fn run(store: &mut IndexStore, corpus: &Path) -> IndexReport {
        index_paths(
            store,
            &[corpus.to_owned()],
            &IndexOptions::default(),
            |_| {},
        )
        .unwrap()
    }

    fn counts(report: &IndexReport) -> [usize; 5] {
        [
            report.added,
            report.updated,
            report.removed,
            report.unchanged,
            report.duplicates.len(),
        ]
    }

    #[test]
    fn a_second_run_adds_updates_and_removes_only_what_changed() {
        let (_dir, corpus, mut store) = setup();
        let first = run(&mut store, &corpus);
        assert_eq!(counts(&first), [2, 0, 0, 0, 0]);
        assert_eq!(first.documents, 2);

        let again = run(&mut store, &corpus);
        assert_eq!(counts(&again), [0, 0, 0, 2, 0], "nothing changed");

        fs::write(corpus.join("a.txt"), PAGE_A.replace("2017", "2018")).unwrap();
        fs::remove_file(corpus.join("b.txt")).unwrap();
        fs::write(corpus.join("c.txt"), PAGE_B.replace("Đắk Lắk", "Gia Lai")).unwrap();
        let changed = run(&mut store, &corpus);
        assert_eq!(counts(&changed), [1, 1, 1, 0, 0]);
        assert_eq!(changed.documents, 2);
    }

    #[test]
    fn the_same_text_under_two_names_is_indexed_once() {
        let (_dir, corpus, mut store) = setup();
        fs::write(corpus.join("copy.txt"), PAGE_B).unwrap();
        let report = run(&mut store, &corpus);
        assert_eq!(counts(&report), [2, 0, 0, 0, 1]);
        let (copy, kept) = &report.duplicates[0];
        assert!(
            copy.ends_with("copy.txt") != kept.ends_with("copy.txt"),
            "{copy} ~ {kept}"
        );
        assert_eq!(report.documents, 2);
    }

    #[test]
    fn a_rebuild_reads_everything_again() {
        let (_dir, corpus, mut store) = setup();
        run(&mut store, &corpus);
        let options = IndexOptions {
            rebuild: true,
            ..IndexOptions::default()
        };
        let report =
            index_paths(&mut store, std::slice::from_ref(&corpus), &options, |_| {}).unwrap();
        assert_eq!(counts(&report), [2, 0, 0, 0, 0]);
        assert_eq!(report.documents, 2);
    }

    #[test]
    fn documents_outside_this_runs_roots_are_kept() {
        let (dir, corpus, mut store) = setup();
        run(&mut store, &corpus);
        let other = dir.path().join("other");
        fs::create_dir(&other).unwrap();
        fs::write(other.join("d.txt"), PAGE_B.replace("2019", "2020")).unwrap();
        let report = run(&mut store, &other);
        assert_eq!(counts(&report), [1, 0, 0, 0, 0]);
        assert_eq!(report.documents, 3);
    }

    #[test]
    fn problems_are_counted_by_their_general_reason() {
        assert_eq!(
            reason("not a JSON record: expected value at line 1"),
            "not a JSON record"
        );
        assert_eq!(reason("empty file"), "empty file");
        assert_eq!(
            reason("seen twice in this run: key x"),
            "seen twice in this run"
        );
        let (_dir, corpus, mut store) = setup();
        fs::write(corpus.join("empty.txt"), "").unwrap();
        fs::write(corpus.join("blank.txt"), "  \n\n").unwrap();
        let report = run(&mut store, &corpus);
        assert_eq!(report.skipped(), 2, "{:?}", report.problems);
        assert_eq!(report.skipped_reasons().len(), 1, "{:?}", report.problems);
    }

    #[test]
    fn keys_group_by_file_and_roots_bound_removal() {
        let existing: HashMap<String, (u64, u64)> = [
            ("/c/a.jsonl#1".to_owned(), (1, 1)),
            ("/c/a.jsonl#2".to_owned(), (2, 2)),
            ("/c/b.txt".to_owned(), (3, 3)),
        ]
        .into();
        let by_path = keys_by_path(&existing);
        let mut in_a = by_path["/c/a.jsonl"].clone();
        in_a.sort();
        assert_eq!(in_a, ["/c/a.jsonl#1", "/c/a.jsonl#2"]);
        assert_eq!(by_path["/c/b.txt"], ["/c/b.txt"]);
        assert!(under_roots("/c/a.jsonl#1", &[PathBuf::from("/c")]));
        assert!(!under_roots("/cd/a.txt", &[PathBuf::from("/c")]));
    }
}
