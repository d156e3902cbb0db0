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
        // Links to folders are not followed, so a symlink loop cannot trap the walk; links to
        // files are read. Both kinds of odd link are reported rather than silently dropped.
        for entry in WalkDir::new(root).sort_by_file_name() {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if entry.file_type().is_symlink() {
                        match link_target_problem(path) {
                            None if is_article_file(path) => files.push(path.to_owned()),
                            None => {}
                            Some(what) => problems.push(Problem {
                                path: path.to_owned(),
                                line: None,
                                what,
                                skipped: true,
                            }),
                        }
                    } else if entry.file_type().is_file() && is_article_file(path) {
                        files.push(path.to_owned());
                    } else if !entry.file_type().is_dir() && is_article_file(path) {
                        // A FIFO would block the run forever; a device is no article.
                        problems.push(Problem {
                            path: path.to_owned(),
                            line: None,
                            what: "not a regular file (a FIFO, socket or device)".into(),
                            skipped: true,
                        });
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

/// Why a symbolic link met during a walk is not read, or `None` for a link to a file.
fn link_target_problem(link: &Path) -> Option<String> {
    match std::fs::metadata(link) {
        Ok(target) if target.is_dir() => Some(
            "symbolic link to a folder, not followed (name the folder itself to index it)".into(),
        ),
        Ok(target) if target.is_file() => None,
        Ok(_) => is_article_file(link).then(|| "not a regular file".into()),
        Err(err) => Some(format!("broken or looping symbolic link: {err}")),
    }
}
