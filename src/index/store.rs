//! Opening and creating an index directory, with errors a person can act on.

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};
use thiserror::Error;

use super::meta::IndexMeta;
use super::schema::{build_schema, fields_of, Fields, SCHEMA_VERSION};
use crate::text::tantivy_analyzer;

/// Why an index cannot be used; each message names the remedy, as the user has to act on it.
#[derive(Debug, Error)]
pub enum IndexError {
    #[error("no index at {0}: run `vnsearch index PATH` to build one")]
    Missing(PathBuf),
    #[error(
        "the index at {dir} was built by schema version {found}, this vnsearch uses {expected}: rebuild it with `vnsearch index --rebuild`"
    )]
    OldSchema {
        dir: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("the index at {0} is locked by another process (another `vnsearch index` is running); try again when it ends")]
    Locked(PathBuf),
    #[error("the index at {dir} is damaged ({cause}): rebuild it with `vnsearch index --rebuild`")]
    Damaged { dir: PathBuf, cause: String },
    #[error("cannot write the index at {dir}: {cause}")]
    Io { dir: PathBuf, cause: String },
}

/// An open vnsearch index.
pub struct IndexStore {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    pub meta: IndexMeta,
}

fn damaged(dir: &Path, cause: impl ToString) -> IndexError {
    IndexError::Damaged {
        dir: dir.to_owned(),
        cause: cause.to_string(),
    }
}

/// A segment file deleted behind vnsearch's back shows up at open, for every command, rather
/// than as a failed search later (or as "unchanged" files in an index that cannot answer).
fn check_segment_files(dir: &Path, index: &Index) -> Result<(), IndexError> {
    use tantivy::index::SegmentComponent::*;
    let segments = index
        .searchable_segment_metas()
        .map_err(|e| damaged(dir, e))?;
    for segment in segments {
        let mut components = vec![Postings, Positions, Terms, Store, FastFields, FieldNorms];
        if segment.has_deletes() {
            components.push(Delete);
        }
        for component in components {
            let file = segment.relative_path(component);
            if !dir.join(&file).exists() {
                return Err(damaged(dir, format!("{} is missing", file.display())));
            }
        }
    }
    Ok(())
}

impl IndexStore {
    /// Whether `dir` holds a vnsearch index (of any version).
    pub fn exists(dir: &Path) -> bool {
        IndexMeta::path(dir).exists()
    }

    /// Opens an existing index, checking its schema version and that its segment files are all
    /// there, so a damaged index fails here with the remedy rather than in a search.
    pub fn open(dir: &Path) -> Result<IndexStore, IndexError> {
        let meta = match IndexMeta::load(dir) {
            Ok(Some(meta)) => meta,
            Ok(None) => return Err(IndexError::Missing(dir.to_owned())),
            Err(err) => return Err(damaged(dir, format!("{err:#}"))),
        };
        if meta.schema_version != SCHEMA_VERSION {
            return Err(IndexError::OldSchema {
                dir: dir.to_owned(),
                found: meta.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let index = Index::open_in_dir(dir).map_err(|e| damaged(dir, e))?;
        check_segment_files(dir, &index)?;
        tantivy_analyzer::register(&index);
        let fields = fields_of(&index.schema()).map_err(|e| damaged(dir, e))?;
        Ok(IndexStore {
            dir: dir.to_owned(),
            index,
            fields,
            meta,
        })
    }

    /// Replaces an index that cannot be opened (older schema, damaged) by an empty one. Only
    /// the files an index is made of are removed, whatever else the folder holds.
    pub fn recreate(dir: &Path) -> Result<IndexStore, IndexError> {
        let io = |e: std::io::Error| IndexError::Io {
            dir: dir.to_owned(),
            cause: e.to_string(),
        };
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if path.is_file() && is_index_file(&name) {
                std::fs::remove_file(&path).map_err(io)?;
            }
        }
        Self::create(dir)
    }

    /// Creates an empty index in `dir` (made if missing).
    pub fn create(dir: &Path) -> Result<IndexStore, IndexError> {
        let io = |e: &dyn std::fmt::Display| IndexError::Io {
            dir: dir.to_owned(),
            cause: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| io(&e))?;
        let (schema, fields) = build_schema();
        let directory = MmapDirectory::open(dir).map_err(|e| io(&e))?;
        let index = Index::open_or_create(directory, schema).map_err(|e| io(&e))?;
        tantivy_analyzer::register(&index);
        let meta = IndexMeta {
            schema_version: SCHEMA_VERSION,
            ..IndexMeta::default()
        };
        meta.save(dir).map_err(|e| io(&format!("{e:#}")))?;
        Ok(IndexStore {
            dir: dir.to_owned(),
            index,
            fields,
            meta,
        })
    }

    /// A reader that sees the last commit; searches never block on a running indexer.
    pub fn reader(&self) -> Result<IndexReader, IndexError> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| damaged(&self.dir, e))
    }
}

/// An index's figures as `stats` reports them.
#[derive(Debug, Clone)]
pub struct IndexStats {
    pub dir: PathBuf,
    pub documents: u64,
    /// Bytes of every file in the index folder.
    pub bytes: u64,
    pub segments: usize,
    pub roots: Vec<PathBuf>,
    pub schema_version: u32,
    pub last_indexed: Option<u64>,
}

impl IndexStore {
    /// Counts documents, segments and bytes as of the last commit.
    pub fn stats(&self) -> Result<IndexStats, IndexError> {
        let searcher = self.reader()?.searcher();
        let bytes = walkdir::WalkDir::new(&self.dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        Ok(IndexStats {
            dir: self.dir.clone(),
            documents: searcher.num_docs(),
            bytes,
            segments: searcher.segment_readers().len(),
            roots: self.meta.roots.clone(),
            schema_version: self.meta.schema_version,
            last_indexed: self.meta.last_indexed,
        })
    }

    /// A reader that moves to each new commit by itself, a moment after it lands (tantivy
    /// watches `meta.json`): what a long-running server uses while `vnsearch index` updates
    /// the index. It never takes the writer lock.
    pub fn following_reader(&self) -> Result<IndexReader, IndexError> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| damaged(&self.dir, e))
    }
}

/// Files tantivy and vnsearch keep in an index folder.
fn is_index_file(name: &str) -> bool {
    const NAMES: [&str; 4] = [
        "meta.json",
        ".managed.json",
        super::meta::META_FILE,
        "vnsearch.json.tmp",
    ];
    const ENDINGS: [&str; 8] = [
        ".idx",
        ".pos",
        ".term",
        ".store",
        ".store.temp",
        ".fast",
        ".fieldnorm",
        ".del",
    ];
    NAMES.contains(&name)
        || ENDINGS.iter().any(|e| name.ends_with(e))
        || (name.starts_with(".tantivy-") && name.ends_with(".lock"))
}
