//! `files.json` beside the index: the size and hash of every file read cleanly in earlier runs,
//! so that a re-run over an unchanged corpus hashes bytes instead of parsing and analysing them.
//!
//! A manifest describes one commit: it is written just before the commit, with a token that the
//! commit carries as its payload, and is used only while the index is at that commit. (Keyed on
//! contents alone, a manifest left stale by a kill between commit and save could name contents
//! that come back later, and those files would be skipped while the index holds other text.)
//! Files that were read with problems are never recorded, so their warnings repeat every run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::ingest::hash_bytes;

/// The manifest's file in the index folder, beside tantivy's files (and removed with them).
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

/// The files the last committed run read cleanly, with what identified their contents: a file
/// still so is not parsed again. Tied to that commit, so a run killed before committing leaves a
/// manifest that is ignored rather than trusted.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// The payload of the commit this manifest describes.
    #[serde(default)]
    commit: Option<String>,
    files: HashMap<PathBuf, FileEntry>,
}

impl Manifest {
    fn path(index_dir: &Path) -> PathBuf {
        index_dir.join(MANIFEST_FILE)
    }

    /// The manifest of an index at the commit whose payload is `commit`; missing, unreadable
    /// or written for another commit means empty (everything is read).
    pub fn load(index_dir: &Path, commit: Option<&str>) -> Manifest {
        std::fs::read(Self::path(index_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|manifest| commit.is_some() && manifest.commit.as_deref() == commit)
            .unwrap_or_default()
    }

    /// Ties the manifest to the commit that will carry `token` as its payload.
    pub fn set_commit(&mut self, token: &str) {
        self.commit = Some(token.to_owned());
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

    /// Adds the files this run read cleanly (a file with problems is read again next time).
    pub fn record(&mut self, files: impl IntoIterator<Item = (PathBuf, FileEntry)>) {
        self.files.extend(files);
    }

    /// Deletes the manifest: without one the next run reads every file again, slower but never
    /// wrong.
    pub fn remove(index_dir: &Path) {
        let _ = std::fs::remove_file(Self::path(index_dir));
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
