//! The manifest of clean files (`files.json`) only ever describes the commit it was written
//! for: a stale one (left by a kill between a commit and the manifest's save, in the old
//! design) must not make a re-run skip files whose contents came back.

mod common;

use std::fs;
use std::path::Path;

use common::Fixture;

fn copy_seeds(to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(common::corpus()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

fn total(f: &Fixture, query: &str) -> u64 {
    f.search_json(query, &[])["total"].as_u64().unwrap()
}

#[test]
fn a_manifest_from_another_commit_is_ignored() {
    let f = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    let corpus = f.dir.path().join("corpus");
    copy_seeds(&corpus);
    let index = |f: &Fixture| {
        let out = f.run(&["index", corpus.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    index(&f);
    let manifest = f.index_dir().join("files.json");
    let first_manifest = fs::read(&manifest).expect("a manifest after a clean run");

    // Version two of the corpus: one article reworded, one removed.
    let reworded = corpus.join("001_49afc080ee8d0b53.txt");
    let original = fs::read_to_string(&reworded).unwrap();
    fs::write(&reworded, original.replace("Lạng Sơn", "Xứ Lạng xyzzy")).unwrap();
    let removed = corpus.join("000_bfae6d5170b3b064.txt");
    let removed_text = fs::read(&removed).unwrap();
    fs::remove_file(&removed).unwrap();
    index(&f);
    assert_eq!(total(&f, "xyzzy"), 1);

    // The first manifest comes back (as a kill after the second commit would have left it),
    // and so do the first contents: nothing may be skipped on the manifest's word.
    fs::write(&manifest, first_manifest).unwrap();
    fs::write(&reworded, &original).unwrap();
    fs::write(&removed, removed_text).unwrap();
    let stderr = index(&f);
    assert!(
        stderr.contains("1 added, 1 updated, 0 removed, 3 unchanged"),
        "{stderr}"
    );
    assert_eq!(total(&f, "xyzzy"), 0, "the reworded text is gone");
    assert_eq!(f.search_json("", &[])["total"], 5);
    assert_eq!(total(&f, "Lạng Sơn"), 1);
}
