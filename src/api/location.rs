//! Where the index lives, and building it from `corpus/` on first use.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::index::store::{IndexError, IndexStore};
use crate::index::writer::{index_paths, IndexOptions};

pub const INDEX_ENV: &str = "VNSEARCH_INDEX";
pub const DEFAULT_INDEX_DIR: &str = ".vnsearch";

/// The index folder: `--index`, else `$VNSEARCH_INDEX`, else `.vnsearch` here. The flag says
/// whether the user named it (a named index is never built behind their back).
pub fn index_dir(named: Option<&Path>) -> (PathBuf, bool) {
    if let Some(dir) = named {
        return (dir.to_owned(), true);
    }
    if let Some(dir) = std::env::var_os(INDEX_ENV).filter(|v| !v.is_empty()) {
        return (PathBuf::from(dir), true);
    }
    (PathBuf::from(DEFAULT_INDEX_DIR), false)
}

/// The sample corpus: `corpus/` here, else the one shipped beside this build.
pub fn default_corpus() -> Option<PathBuf> {
    let here = Path::new("corpus");
    if here.is_dir() {
        return Some(here.to_owned());
    }
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    shipped.is_dir().then_some(shipped)
}

/// Opens the index for reading; with no index at the default place, builds it from the
/// sample corpus first and says so in one line on stderr.
pub fn open_for_search(named: Option<&Path>) -> Result<IndexStore> {
    let (dir, named) = index_dir(named);
    if IndexStore::exists(&dir) || named {
        return Ok(IndexStore::open(&dir)?);
    }
    let Some(corpus) = default_corpus() else {
        return Err(IndexError::Missing(dir).into());
    };
    let mut store = IndexStore::create(&dir)?;
    let report = index_paths(
        &mut store,
        std::slice::from_ref(&corpus),
        &IndexOptions::default(),
        |_| {},
    )?;
    eprintln!(
        "vnsearch: no index yet: built {} from {} ({} articles, {:.1} s)",
        dir.display(),
        corpus.display(),
        report.documents,
        report.seconds
    );
    Ok(IndexStore::open(&dir)?)
}
