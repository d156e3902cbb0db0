//! `files.json` beside the index: the size and hash of every file read cleanly in earlier runs,
//! so that a re-run over an unchanged corpus hashes bytes instead of parsing and analysing them.
//!
//! Written after the index commit; a stale manifest only ever names older contents, which no
//! longer match and are read again. Files that were read with problems are never recorded, so
//! their warnings repeat on every run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::ingest::hash_bytes;

pub const MANIFEST_FILE: &str = "files.json";

/// What identifies a file's contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub bytes: u64,
    pub hash: u64,
}

impl FileEntry {
    /// Reads and hashes a file; `None` if it cannot be read (the reader reports why).
    pub fn of(path: &Path) -> Option<FileEntry> {
        let bytes = std::fs::read(path).ok()?;
        Some(FileEntry {
            bytes: bytes.len() as u64,
            hash: hash_bytes(&bytes),
        })
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    files: HashMap<PathBuf, FileEntry>,
}

impl Manifest {
    fn path(index_dir: &Path) -> PathBuf {
        index_dir.join(MANIFEST_FILE)
    }

    /// The manifest of an index; missing or unreadable means empty (everything is read).
    pub fn load(index_dir: &Path) -> Manifest {
        std::fs::read(Self::path(index_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Whether `path` was read cleanly with exactly these contents.
    pub fn has(&self, path: &Path, entry: &FileEntry) -> bool {
        self.files.get(path) == Some(entry)
    }

    /// Forgets every file under `roots`: this run saw all of them again.
    pub fn forget_under(&mut self, roots: &[PathBuf]) {
        self.files
            .retain(|path, _| !roots.iter().any(|root| path.starts_with(root)));
    }

    pub fn record(&mut self, files: impl IntoIterator<Item = (PathBuf, FileEntry)>) {
        self.files.extend(files);
    }

    /// Written through a temporary file and a rename, so a crash leaves the old or the new file.
    pub fn save(&self, index_dir: &Path) -> Result<()> {
        let path = Self::path(index_dir);
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec(self)?)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}
