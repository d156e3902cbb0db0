//! Test helpers: the project's seed pages and the shared raw sample, read through the
//! production page parser (`parse_raw_text`), as the indexer reads them.

use std::path::PathBuf;

use super::article::parse_raw_text;
use crate::model::Article;

/// The seed page whose file name starts with `prefix` ("002"), from `corpus/` in the crate,
/// parsed.
pub fn seed(prefix: &str) -> Article {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt in {}", dir.display()));
    parse_raw_text(&std::fs::read_to_string(entry.path()).expect("read seed"))
}

/// The raw-sample articles as (file name, text, parsed article), or `None` when the shared
/// corpus is not next to the crate.
pub fn raw_sample() -> Option<Vec<(String, String, Article)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/raw-sample");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).expect("read raw-sample");
                let article = parse_raw_text(&text);
                (name, text, article)
            })
            .collect(),
    )
}
