//! Indexing at scale, on a slice of the shared corpus: `.jsonl` and `.txt` mixed in one run,
//! incremental re-runs (unchanged, modified, removed), duplicate JSONL ids, `stats --json`.
//! Skipped, with a printed message, when `../shared/corpus` is absent.

mod common;

use std::path::{Path, PathBuf};

use common::Fixture;
use serde_json::Value;

/// Records taken from the head of one baomoi file, and raw-sample pages.
const RECORDS: usize = 60;
const PAGES: usize = 5;
/// A word found nowhere in the corpus.
const MARKER: &str = "zyxvnsearchmarker";

fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.join("baomoi").is_dir() && dir.join("raw-sample").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "scale_e2e: skipped: the shared corpus ({}) is absent",
            dir.display()
        );
        None
    }
}

/// A corpus folder in a temporary directory: `news/slice.jsonl` (the first RECORDS records of
/// baomoi-000 plus a record that repeats the first id with other text) and `pages/` (the first
/// PAGES raw-sample pages). Returns the folder and the first record's id.
fn slice(shared: &Path, into: &Path) -> (PathBuf, String) {
    let corpus = into.join("corpus");
    std::fs::create_dir_all(corpus.join("news")).unwrap();
    std::fs::create_dir_all(corpus.join("pages")).unwrap();
    let text = std::fs::read_to_string(shared.join("baomoi/baomoi-000.jsonl")).unwrap();
    let mut lines: Vec<String> = text.lines().take(RECORDS).map(str::to_owned).collect();
    let first: Value = serde_json::from_str(&lines[0]).unwrap();
    let first_id = first["id"].as_str().unwrap().to_owned();
    let repeat = serde_json::json!({
        "id": first_id,
        "title": "Bản ghi trùng mã",
        "body": format!("Một bài khác mang cùng mã với bài đầu: {MARKER}."),
    });
    lines.push(repeat.to_string());
    std::fs::write(corpus.join("news/slice.jsonl"), lines.join("\n") + "\n").unwrap();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(shared.join("raw-sample"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    for page in pages.iter().take(PAGES) {
        std::fs::copy(page, corpus.join("pages").join(page.file_name().unwrap())).unwrap();
    }
    (corpus, first_id)
}

/// Runs `index` over the corpus; its stderr, after checking success.
fn index(fixture: &Fixture, corpus: &Path) -> String {
    let out = fixture.run(&["index", corpus.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "index failed: {stderr}");
    stderr
}

/// The counts of the summary line: added, updated, removed, unchanged, duplicates, skipped.
fn counts(stderr: &str) -> [usize; 6] {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("vnsearch: indexed "))
        .unwrap_or_else(|| panic!("no summary line in {stderr}"));
    let number = |label: &str| -> usize {
        let end = line.find(&format!(" {label}")).expect(label);
        let start = line[..end].rfind([' ', ':']).unwrap() + 1;
        line[start..end].trim().parse().expect(label)
    };
    [
        number("added"),
        number("updated"),
        number("removed"),
        number("unchanged"),
        number("duplicates"),
        number("skipped"),
    ]
}

fn hit_ids(fixture: &Fixture, query: &str) -> Vec<String> {
    let found = fixture.search_json(query, &[]);
    found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect()
}

fn stats(fixture: &Fixture) -> Value {
    let out = fixture.run(&["stats", "--json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn empty_fixture() -> Fixture {
    Fixture {
        dir: tempfile::tempdir().unwrap(),
    }
}

#[test]
fn mixed_jsonl_and_txt_are_indexed_and_duplicate_ids_kept() {
    let Some(shared) = shared_corpus() else {
        return;
    };
    let fixture = empty_fixture();
    let (corpus, first_id) = slice(&shared, fixture.dir.path());
    let stderr = index(&fixture, &corpus);
    let total = RECORDS + 1 + PAGES;
    assert_eq!(counts(&stderr), [total, 0, 0, 0, 0, 0], "{stderr}");
    assert!(
        stderr.contains("indexed 6 files:"),
        "one .jsonl and five .txt: {stderr}"
    );
    // Not a terminal: no progress bar.
    assert!(!stderr.contains('\r'));
    // The repeated id is reported with its line and kept under a new id.
    let line = RECORDS + 1;
    let report = format!(
        "slice.jsonl:{line}: repaired: duplicate id \"{first_id}\" (first on line 1); this record is kept under {first_id}@{line}"
    );
    assert!(stderr.contains(&report), "{stderr}");
    assert_eq!(hit_ids(&fixture, MARKER), [format!("{first_id}@{line}")]);
    let first = fixture.run(&["show", &first_id]);
    assert!(first.status.success(), "the first record keeps its id");

    let stats = stats(&fixture);
    assert_eq!(stats["documents"], total);
    assert!(stats["index_bytes"].as_u64().unwrap() > 10_000);
    assert_eq!(
        stats["roots"],
        serde_json::json!([corpus.canonicalize().unwrap()])
    );
    assert_eq!(stats["schema_version"], vnsearch::index::SCHEMA_VERSION);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let last = stats["last_indexed"].as_u64().unwrap();
    assert!(
        last <= now && now - last < 600,
        "last_indexed {last}, now {now}"
    );
}

#[test]
fn rerun_changes_nothing_and_the_index_follows_edits_and_removals() {
    let Some(shared) = shared_corpus() else {
        return;
    };
    let fixture = empty_fixture();
    let (corpus, _) = slice(&shared, fixture.dir.path());
    let total = RECORDS + 1 + PAGES;
    index(&fixture, &corpus);

    let stderr = index(&fixture, &corpus);
    assert_eq!(counts(&stderr), [0, 0, 0, total, 0, 0], "{stderr}");
    assert_eq!(stats(&fixture)["documents"], total);

    // Edit a page, edit one record, remove a page.
    let mut pages: Vec<PathBuf> = std::fs::read_dir(corpus.join("pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let edited = &pages[0];
    let edited_id = edited.file_stem().unwrap().to_str().unwrap().to_owned();
    let old_title = std::fs::read_to_string(edited)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(hit_ids(&fixture, &format!("\"{old_title}\"")).contains(&edited_id));
    std::fs::write(
        edited,
        format!("Tiêu đề mới hoàn toàn\n\nNội dung mới có từ {MARKER}1 duy nhất.\n"),
    )
    .unwrap();
    let removed_id = pages[1].file_stem().unwrap().to_str().unwrap().to_owned();
    std::fs::remove_file(&pages[1]).unwrap();
    let jsonl = corpus.join("news/slice.jsonl");
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut record: Value = serde_json::from_str(&lines[1]).unwrap();
    let record_id = record["id"].as_str().unwrap().to_owned();
    record["body"] = Value::String(format!("Thân bài đã sửa: {MARKER}2."));
    lines[1] = record.to_string();
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();

    let stderr = index(&fixture, &corpus);
    assert_eq!(counts(&stderr), [0, 2, 1, total - 3, 0, 0], "{stderr}");
    assert_eq!(stats(&fixture)["documents"], total - 1);
    assert_eq!(
        hit_ids(&fixture, &format!("{MARKER}1")),
        std::slice::from_ref(&edited_id)
    );
    assert_eq!(hit_ids(&fixture, &format!("{MARKER}2")), [record_id]);
    assert!(!hit_ids(&fixture, &format!("\"{old_title}\"")).contains(&edited_id));
    assert!(!fixture.run(&["show", &removed_id]).status.success());

    // And once more: nothing left to do.
    let stderr = index(&fixture, &corpus);
    assert_eq!(counts(&stderr), [0, 0, 0, total - 1, 0, 0], "{stderr}");
}

#[test]
fn rebuild_starts_from_scratch() {
    let Some(shared) = shared_corpus() else {
        return;
    };
    let fixture = empty_fixture();
    let (corpus, _) = slice(&shared, fixture.dir.path());
    index(&fixture, &corpus);
    let out = fixture.run(&["index", "--rebuild", corpus.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        counts(&stderr),
        [RECORDS + 1 + PAGES, 0, 0, 0, 0, 0],
        "{stderr}"
    );
}
