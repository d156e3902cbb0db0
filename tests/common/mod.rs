//! Helpers shared by the integration tests: the real binary over a real index built from a copy
//! of the sample corpus in a temporary folder.

#![allow(dead_code)]

pub mod schema;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A temporary index built from the sample corpus.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A temporary index built from these files (written into the temporary folder first).
    pub fn with_files(files: &[(&str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).expect("corpus dir");
        for (name, text) in files {
            std::fs::write(corpus.join(name), text).expect("write a corpus file");
        }
        let fixture = Fixture { dir };
        let out = fixture.run(&["index", corpus.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        fixture
    }

    /// A command's stdout as one JSON object; fails unless it exits with `code`.
    pub fn json(&self, args: &[&str], code: i32) -> Value {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("one JSON object")
    }

    pub fn seeds() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture = Fixture { dir };
        let out = fixture.run(&["index", corpus().to_str().unwrap()]);
        assert!(
            out.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        fixture
    }

    pub fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("vnsearch").expect("binary");
        cmd.arg("--index")
            .arg(self.index_dir())
            .env_remove("VNSEARCH_INDEX")
            .env("NO_COLOR", "1");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run vnsearch")
    }

    /// `search --json` for a query (and extra flags); the parsed object.
    pub fn search_json(&self, query: &str, extra: &[&str]) -> Value {
        let mut args = vec!["search", "--json", "--limit", "20"];
        args.extend_from_slice(extra);
        args.push("--");
        args.push(query);
        let out = self.run(&args);
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "search {query:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("search --json prints one JSON object")
    }

    /// Ids of the hits, in rank order, shortened to the seed number ("002").
    pub fn ranked(&self, query: &str, extra: &[&str]) -> Vec<String> {
        seed_numbers(&self.search_json(query, extra))
    }
}

/// One facet dimension of a JSON response as (value, count), in output order.
pub fn facet_counts(response: &Value, dimension: &str) -> Vec<(String, u64)> {
    response["facets"][dimension]
        .as_array()
        .expect("that facet")
        .iter()
        .map(|c| {
            (
                c["value"].as_str().expect("a value").to_owned(),
                c["count"].as_u64().expect("a count"),
            )
        })
        .collect()
}

/// The ids of a response's hits, in order.
pub fn hit_ids(response: &Value) -> Vec<String> {
    response["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("an id").to_owned())
        .collect()
}

/// The seed numbers ("000" … "004") of a response's hits over the sample corpus, in order.
pub fn seed_numbers(response: &Value) -> Vec<String> {
    hit_ids(response)
        .into_iter()
        .map(|id| id[..3].to_owned())
        .collect()
}
