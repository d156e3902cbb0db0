//! What the search module's unit tests share: a real engine over the sample corpus.

use super::Engine;
use crate::index::store::IndexStore;
use crate::index::writer::{index_paths, IndexOptions};

/// An engine over the five sample articles of `corpus/`, built in a temporary folder (kept
/// alive by the returned guard).
pub fn seeds() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let mut store = IndexStore::create(&index).unwrap();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    index_paths(&mut store, &[corpus], &IndexOptions::default(), |_| {}).unwrap();
    let engine = Engine::open(IndexStore::open(&index).unwrap()).unwrap();
    (dir, engine)
}
