//! A change to a data table refreshes what an existing index holds, with no code change and no
//! revision bump: the analysis fingerprint covers every table in `index_schema/`.
//!
//! The real binary reads its tables from a folder given by the hidden `VNSEARCH_TABLES_DIR`
//! (test seam: a file there replaces the compiled-in table of the same name, and goes through
//! the same parser and the same fingerprint). The test edits one list entry, re-indexes the same
//! corpus, and watches the facets change.

mod common;

use std::path::Path;

use common::{corpus, facet_counts, Fixture};
use serde_json::Value;

const TABLES_ENV: &str = "VNSEARCH_TABLES_DIR";

fn index_with_tables(f: &Fixture, tables: Option<&Path>) -> String {
    let mut cmd = f.cmd();
    cmd.args(["index", corpus().to_str().unwrap()]);
    match tables {
        Some(dir) => cmd.env(TABLES_ENV, dir),
        None => cmd.env_remove(TABLES_ENV),
    };
    let out = cmd.output().expect("run vnsearch index");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn provinces_of(f: &Fixture, id: &str) -> Vec<String> {
    let out = f.run(&["show", id, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect()
}

/// Province facet values with their counts, in output order.
fn province_counts(f: &Fixture) -> Vec<(String, u64)> {
    let out = f.run(&["facets", "--field", "province", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    facet_counts(&serde_json::from_slice(&out.stdout).unwrap(), "province")
}

fn has(counts: &[(String, u64)], name: &str) -> bool {
    counts.iter().any(|(n, c)| n == name && *c == 1)
}

#[test]
fn editing_a_word_list_refreshes_facets() {
    let f = Fixture::seeds();
    let seed0 = "000_bfae6d5170b3b064";
    assert_eq!(provinces_of(&f, seed0), ["Khánh Hòa", "Đắk Lắk"]);
    let before = province_counts(&f);
    assert!(
        has(&before, "Khánh Hòa") && has(&before, "Hòa Bình"),
        "{before:?}"
    );
    assert_eq!(before.len(), 16);

    // The same tables, read from a folder: same fingerprint, nothing re-read.
    let tables = tempfile::tempdir().unwrap();
    let compiled = Path::new(env!("CARGO_MANIFEST_DIR")).join("index_schema/province_context.txt");
    let list = std::fs::read_to_string(&compiled).unwrap();
    std::fs::write(tables.path().join("province_context.txt"), &list).unwrap();
    let log = index_with_tables(&f, Some(tables.path()));
    assert!(
        log.contains("0 updated") && log.contains("5 unchanged"),
        "{log}"
    );

    // One word added to the list of words that make a province name something else: "ủy", so
    // "Tỉnh ủy Khánh Hòa" and "Tỉnh uỷ Hoà Bình" no longer count as the provinces.
    let edited = list.replacen("[unit_or_feature]\n", "[unit_or_feature]\nủy\n", 1);
    assert_ne!(edited, list);
    std::fs::write(tables.path().join("province_context.txt"), edited).unwrap();
    let log = index_with_tables(&f, Some(tables.path()));
    assert!(log.contains("5 updated"), "{log}");
    assert_eq!(provinces_of(&f, seed0), ["Đắk Lắk"]);
    let after = province_counts(&f);
    assert!(
        !has(&after, "Khánh Hòa") && !has(&after, "Hòa Bình"),
        "{after:?}"
    );
    assert_eq!(after.len(), 14);

    // Back to the compiled-in tables: refreshed again, as before.
    let log = index_with_tables(&f, None);
    assert!(log.contains("5 updated"), "{log}");
    assert_eq!(provinces_of(&f, seed0), ["Khánh Hòa", "Đắk Lắk"]);
    assert_eq!(province_counts(&f), before);
}
