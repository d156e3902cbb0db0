//! Finding the article files under the paths a user names.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Problem;

/// File endings vnsearch reads.
pub fn is_article_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        e == "txt" || e == "jsonl" || e == "ndjson"
    })
}

/// All article files under `roots`, sorted, with what could not be walked.
pub fn find_files(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in roots {
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        if !root.exists() {
            problems.push(Problem {
                path: root.clone(),
                line: None,
                what: "no such file or folder".into(),
                skipped: true,
            });
            continue;
        }
        // walkdir does not follow links by default, so a symlink loop cannot trap it; links to
        // files are read through `is_file`.
        for entry in WalkDir::new(root).sort_by_file_name() {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if (entry.file_type().is_file() || path.is_file()) && is_article_file(path) {
                        files.push(path.to_owned());
                    }
                }
                Err(err) => problems.push(Problem {
                    path: err
                        .path()
                        .map(Path::to_owned)
                        .unwrap_or_else(|| root.clone()),
                    line: None,
                    what: format!("cannot walk: {err}"),
                    skipped: true,
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}
