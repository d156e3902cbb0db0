//! Faults through the real binary: two indexers at once, searches while indexing, an index of
//! an older schema, a deleted or truncated segment file, a full disk. Afterwards the index must
//! answer from its last commit, or say in one line what to do. (`kill -9`: faults_kill_e2e.rs.)

#![cfg(unix)]

mod common;
mod faults_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::Duration;

use common::Fixture;
use faults_support::*;

/// Builds version one, then starts an update to version two in the background.
fn index_being_updated(fixture: &Fixture) -> (PathBuf, PathBuf, Child) {
    let index = fixture.dir.path().join("index");
    let corpus = fixture.dir.path().join("corpus");
    Version::One.write(&corpus);
    let out = run(&index, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    Version::Two.write(&corpus);
    // Enough new files that the update lasts well beyond the moment the second run starts.
    for n in 0..600 {
        fs::write(
            corpus.join(format!("x{n:03}.txt")),
            article("thêm", n, "bổ sung"),
        )
        .unwrap();
    }
    let child = spawn_index(&index, &corpus);
    (index, corpus, child)
}

#[test]
fn a_second_indexer_is_refused_and_searches_keep_answering() {
    let fixture = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    let (index, corpus, first) = index_being_updated(&fixture);
    // Give the first run time to take the writer lock (it reads the old keys first).
    sleep(Duration::from_millis(300));
    let mut first = first;
    let first_ended_early = first.try_wait().unwrap().is_some();
    let second = run(&index, &["index", corpus.to_str().unwrap()]);
    let mut searches = Vec::new();
    // Tries left once the first run has ended: on a fast machine it can end before one
    // observation came through whole, so observe at least once more (from its last commit).
    let mut tries_after_end = 20;
    loop {
        // Two searches make one observation: kept only if no commit fell between them.
        let seen = state(&index);
        if total(&index, "hồ sơ lưu trữ").ok() == Some(total_of(&seen)) {
            searches.push(seen);
        }
        if first.try_wait().unwrap().is_some() {
            tries_after_end -= 1;
            if !searches.is_empty() || tries_after_end == 0 {
                break;
            }
        }
    }
    let first = first.wait_with_output().unwrap();
    let refusal = format!(
        "vnsearch: error: the index at {} is locked by another process (another `vnsearch index` is running); try again when it ends",
        index.display()
    );
    let second_found_nothing_to_do = stderr(&second).contains(" 0 added, 0 updated, 0 removed,");
    if first_ended_early || (first.status.success() && second_found_nothing_to_do) {
        // A machine fast enough to finish the update before the second run took the lock: the
        // runs did not overlap (the refusal itself is checked by
        // `a_held_writer_lock_refuses_an_indexer`).
        println!("the first run ended before the second started; the runs did not overlap");
        assert!(first.status.success() && second.status.success());
    } else {
        // Whichever run took the lock first finishes; the other one is refused in one line.
        let (winner, loser) = if first.status.success() {
            (&first, &second)
        } else {
            (&second, &first)
        };
        assert!(winner.status.success(), "{}", stderr(winner));
        assert_eq!(loser.status.code(), Some(2), "{}", stderr(loser));
        assert_eq!(stderr(loser).trim_end(), refusal);
    }

    // Every search during the update answered from a commit: all of version one, or all of two.
    assert!(!searches.is_empty());
    let updated = State::Answers {
        total: Version::Two.documents() + 600,
        reworded: CHANGED,
    };
    for seen in &searches {
        assert!(
            *seen == committed(Version::One) || *seen == updated,
            "{seen:?}"
        );
    }
    assert_eq!(
        state(&index),
        State::Answers {
            total: Version::Two.documents() + 600,
            reworded: CHANGED
        }
    );
}

#[test]
fn a_held_writer_lock_refuses_an_indexer() {
    let fixture = Fixture::seeds();
    let index = fixture.index_dir();
    let store = vnsearch::index::store::IndexStore::open(&index).unwrap();
    let writer = store
        .index
        .writer::<tantivy::TantivyDocument>(15_000_000)
        .unwrap();
    let out = fixture.run(&["index", common::corpus().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        format!(
            "vnsearch: error: the index at {} is locked by another process (another `vnsearch index` is running); try again when it ends",
            index.display()
        )
    );
    // Searching does not need the lock.
    assert_eq!(fixture.ranked("Búa liềm vàng", &[]).len(), 1);
    drop(writer);
    let out = fixture.run(&["index", common::corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_index_of_an_older_schema_names_the_remedy() {
    let fixture = Fixture::seeds();
    let index = fixture.index_dir();
    let meta_path = index.join("vnsearch.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&meta_path).unwrap()).unwrap();
    let current = meta["schema_version"].as_u64().unwrap();
    meta["schema_version"] = serde_json::json!(current - 1);
    fs::write(&meta_path, meta.to_string()).unwrap();

    let expected = format!(
        "vnsearch: error: the index at {} was built by schema version {}, this vnsearch uses {current}: rebuild it with `vnsearch index --rebuild`",
        index.display(),
        current - 1
    );
    for args in [
        vec!["search", "Đảng"],
        vec!["stats"],
        vec!["index", common::corpus().to_str().unwrap()],
    ] {
        let out = fixture.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out).trim_end(), expected, "{args:?}");
    }
    let out = fixture.run(&["index", "--rebuild", common::corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fixture.ranked("Búa liềm vàng", &[]).len(), 1);
}

#[test]
fn a_deleted_or_truncated_segment_file_names_the_remedy() {
    let fixture = Fixture::seeds();
    let index = fixture.index_dir();
    let mut segment_files: Vec<PathBuf> = fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pos"))
        .collect();
    segment_files.sort();
    let victim = segment_files.first().expect("a segment").clone();
    fs::write(index.join("notes.txt"), "the user's own file").unwrap();
    fs::remove_file(&victim).unwrap();
    let expected = format!(
        "vnsearch: error: the index at {} is damaged ({} is missing): rebuild it with `vnsearch index --rebuild`",
        index.display(),
        victim.file_name().unwrap().to_string_lossy()
    );
    for args in [
        vec!["search", "Đảng"],
        vec!["facets", "--field", "year"],
        vec!["stats"],
        vec!["index", common::corpus().to_str().unwrap()],
    ] {
        let out = fixture.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out).trim_end(), expected, "{args:?}");
    }
    let out = fixture.run(&["index", "--rebuild", common::corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fixture.ranked("Búa liềm vàng", &[]).len(), 1);
    assert!(
        index.join("notes.txt").exists(),
        "--rebuild removed a file it does not own"
    );

    // A truncated file is found at search time: the same remedy, no panic.
    let store = fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pos"))
        .unwrap();
    fs::write(&store, b"truncated").unwrap();
    let out = fixture.run(&["search", "Đảng"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("rebuild it with `vnsearch index --rebuild`"),
        "{err}"
    );
}

/// A size-limited tmpfs; `None` (with a message) where mounting is not allowed.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(under: &Path, size: &str) -> Option<SmallDisk> {
        let path = under.join("small-disk");
        fs::create_dir(&path).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .stderr(Stdio::null())
            .status();
        match status {
            Ok(s) if s.success() => Some(SmallDisk { path }),
            _ => {
                println!("SKIPPED: cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN); the full-disk case is not tested");
                None
            }
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn a_full_disk_is_one_clear_line_and_the_index_survives() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(dir.path(), "300k") else {
        return;
    };
    let index = disk.path.join("index");
    let out = run(&index, &["index", common::corpus().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let big = dir.path().join("big");
    Version::One.write(&big);
    let expected = format!(
        "vnsearch: error: cannot write the index at {}: the disk is full (free some space and run it again); the index is unchanged, as the last completed run left it",
        index.display()
    );
    for attempt in 0..2 {
        let out = run(&index, &["index", big.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "attempt {attempt}: {}",
            stderr(&out)
        );
        assert_eq!(stderr(&out).trim_end(), expected, "attempt {attempt}");
        assert_eq!(total_or_panic(&index, "Đảng"), 5, "attempt {attempt}");
    }
}
