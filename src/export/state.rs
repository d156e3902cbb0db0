//! `export-state.json`: what an export held (each document's key and content hash), so the
//! next export with `--since` writes only what changed, and delete actions for what went.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Bumped when the exported documents change shape: a state of another format makes the next
/// `--since` export everything again, as the documents it holds are no longer what is written.
pub const EXPORT_FORMAT: u32 = 1;

/// The state file's name in the output folder.
pub const STATE_FILE: &str = "export-state.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ExportState {
    pub version: u32,
    pub format: u32,
    pub target: String,
    pub index_name: String,
    /// Seconds since 1970 when the export ran.
    pub exported_at: u64,
    /// The query and filters the export selected with (empty: the whole index).
    pub selection: String,
    /// Stable key → content hash (hex) of every document the cluster holds after this export.
    pub documents: BTreeMap<String, String>,
}

/// What changed between an earlier export and now.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    /// Keys new since the earlier export, or whose content changed.
    pub upserts: Vec<String>,
    /// Keys the earlier export held that are gone (or no longer selected).
    pub deletes: Vec<String>,
    /// Documents the earlier export already holds as they are.
    pub unchanged: usize,
}

pub fn hash_text(hash: u64) -> String {
    format!("{hash:016x}")
}

impl ExportState {
    pub fn load(path: &Path) -> Result<ExportState, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the export state {}: {e}", path.display()))?;
        let state: ExportState = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{} is not an export state written by `vnsearch export` ({e})",
                path.display()
            )
        })?;
        if state.version != 1 {
            return Err(format!(
                "{} is export state version {}; this vnsearch reads version 1",
                path.display(),
                state.version
            ));
        }
        Ok(state)
    }

    /// The documents to write and delete to bring a cluster from this state to `now`.
    pub fn changes(&self, now: &BTreeMap<String, String>) -> Changes {
        let same_format = self.format == EXPORT_FORMAT;
        let mut changes = Changes::default();
        for (key, hash) in now {
            match self.documents.get(key) {
                Some(old) if same_format && old == hash => changes.unchanged += 1,
                _ => changes.upserts.push(key.clone()),
            }
        }
        changes.deletes = self
            .documents
            .keys()
            .filter(|key| !now.contains_key(*key))
            .cloned()
            .collect();
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(docs: &[(&str, &str)]) -> ExportState {
        ExportState {
            version: 1,
            format: EXPORT_FORMAT,
            target: "opensearch".into(),
            index_name: "vnsearch".into(),
            exported_at: 0,
            selection: String::new(),
            documents: docs
                .iter()
                .map(|(k, h)| (k.to_string(), h.to_string()))
                .collect(),
        }
    }

    #[test]
    fn changed_new_and_removed_documents_are_found() {
        let before = state(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let now = state(&[("a", "1"), ("b", "9"), ("d", "4")]).documents;
        let changes = before.changes(&now);
        assert_eq!(changes.upserts, ["b", "d"]);
        assert_eq!(changes.deletes, ["c"]);
        assert_eq!(changes.unchanged, 1);
        let mut old_format = before.clone();
        old_format.format = 0;
        assert_eq!(old_format.changes(&now).upserts, ["a", "b", "d"]);
    }
}
