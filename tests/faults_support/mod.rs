//! Shared by the fault tests: two versions of a generated corpus, the binary, and what a
//! search says about an index.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// Words the generated articles are made of; every article also says "hồ sơ lưu trữ" once.
pub const WORDS: [&str; 24] = [
    "công", "tác", "tổ", "chức", "xây", "dựng", "Đảng", "hội", "nghị", "cán", "bộ", "đảng", "viên",
    "chi", "nhiệm", "vụ", "chính", "trị", "phát", "triển", "kinh", "tế", "xã", "hội",
];

pub fn article(kind: &str, n: usize, marker: &str) -> String {
    let mut seed = (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ kind.len() as u64;
    let mut text = format!("Bài {kind} số {n}\n\nHồ sơ lưu trữ {marker} của bài {kind} số {n}. ");
    for paragraph in 0..6 {
        for _ in 0..60 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
            text.push(' ');
        }
        text.push_str(&format!("đoạn {paragraph} bài {kind} {n}.\n"));
    }
    text
}

/// The two versions of the corpus the kill test switches between.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Version {
    One,
    Two,
}

pub const SHARED: usize = 120;
pub const ONLY_ONE: usize = 30;
pub const ONLY_TWO: usize = 45;
pub const CHANGED: usize = 20;

impl Version {
    pub fn documents(self) -> usize {
        match self {
            Version::One => SHARED + ONLY_ONE,
            Version::Two => SHARED + ONLY_TWO,
        }
    }

    pub fn other(self) -> Version {
        match self {
            Version::One => Version::Two,
            Version::Two => Version::One,
        }
    }

    /// Writes this version into `dir`: shared files (the first CHANGED of them reworded in
    /// version two), plus files of its own; the other version's own files are removed.
    pub fn write(self, dir: &Path) {
        fs::create_dir_all(dir).unwrap();
        for n in 0..SHARED {
            let marker = if self == Version::Two && n < CHANGED {
                "phiên bản hai"
            } else {
                "gốc"
            };
            fs::write(
                dir.join(format!("s{n:03}.txt")),
                article("chung", n, marker),
            )
            .unwrap();
        }
        let (own, own_count, other, other_count) = match self {
            Version::One => ("a", ONLY_ONE, "b", ONLY_TWO),
            Version::Two => ("b", ONLY_TWO, "a", ONLY_ONE),
        };
        for n in 0..own_count {
            fs::write(
                dir.join(format!("{own}{n:03}.txt")),
                article(own, n, "riêng"),
            )
            .unwrap();
        }
        for n in 0..other_count {
            let _ = fs::remove_file(dir.join(format!("{other}{n:03}.txt")));
        }
    }
}

pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("vnsearch")
}

pub fn vnsearch(index: &Path) -> Command {
    let mut cmd = Command::new(binary());
    cmd.arg("--index")
        .arg(index)
        .env_remove("VNSEARCH_INDEX")
        .env("NO_COLOR", "1");
    cmd
}

pub fn spawn_index(index: &Path, corpus: &Path) -> Child {
    vnsearch(index)
        .args(["index", corpus.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

pub fn run(index: &Path, args: &[&str]) -> Output {
    vnsearch(index).args(args).output().unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a search says about the index.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// No index yet (killed before the first commit), reported cleanly.
    Missing,
    /// Documents in total, and how many hold the version-two wording.
    Answers { total: usize, reworded: usize },
}

pub fn total(index: &Path, query: &str) -> Result<usize, String> {
    let out = run(index, &["search", "--json", "--limit", "1", "--", query]);
    match out.status.code() {
        Some(0) | Some(1) => {
            let json: serde_json::Value =
                serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
            Ok(json["total"].as_u64().unwrap() as usize)
        }
        _ => Err(stderr(&out)),
    }
}

pub fn state(index: &Path) -> State {
    match total(index, "hồ sơ lưu trữ") {
        Ok(total) => State::Answers {
            total,
            reworded: total_or_panic(index, "\"phiên bản hai\""),
        },
        Err(err) => {
            assert_eq!(
                err.trim_end(),
                format!(
                    "vnsearch: error: no index at {}: run `vnsearch index PATH` to build one",
                    index.display()
                ),
                "an error other than a missing index"
            );
            State::Missing
        }
    }
}

pub fn total_or_panic(index: &Path, query: &str) -> usize {
    total(index, query).unwrap_or_else(|err| panic!("search {query:?} failed: {err}"))
}

pub fn committed(version: Version) -> State {
    State::Answers {
        total: version.documents(),
        reworded: if version == Version::Two { CHANGED } else { 0 },
    }
}

pub fn total_of(state: &State) -> usize {
    match state {
        State::Missing => 0,
        State::Answers { total, .. } => *total,
    }
}
