//! `vnsearch.json` beside the tantivy files: what tantivy does not record about an index.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// vnsearch's own file in the index folder; its presence is what makes a folder an index.
pub const META_FILE: &str = "vnsearch.json";

/// What vnsearch records about an index beside tantivy's files: the schema version (to refuse an
/// older index with the remedy instead of misreading it), the roots, the last run.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct IndexMeta {
    pub schema_version: u32,
    /// Canonical folders and files indexed into this index.
    pub roots: Vec<PathBuf>,
    /// Unix seconds of the last completed indexing run.
    pub last_indexed: Option<u64>,
    pub documents: u64,
}

impl IndexMeta {
    /// Where the file of the index in `index_dir` lives.
    pub fn path(index_dir: &Path) -> PathBuf {
        index_dir.join(META_FILE)
    }

    /// `None` when the folder holds no index; an error, naming the remedy, when the file is
    /// damaged.
    pub fn load(index_dir: &Path) -> Result<Option<IndexMeta>> {
        let path = Self::path(index_dir);
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let meta = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is damaged; rebuild with `vnsearch index --rebuild`",
                path.display()
            )
        })?;
        Ok(Some(meta))
    }

    /// Written through a temporary file and a rename, so a crash leaves the old or the new file.
    pub fn save(&self, index_dir: &Path) -> Result<()> {
        let path = Self::path(index_dir);
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}
