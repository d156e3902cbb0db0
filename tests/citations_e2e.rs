//! Precision and recall of cited documents against the hand labels of `tests/citations/`
//! (see its README): the labelled articles are copied from `../shared/corpus` into a temporary
//! corpus, indexed by the real binary, and each article's `citations` are read back with
//! `vnsearch show --json`. The table is printed (`-- --nocapture`); the targets of the citations
//! issue are asserted: recall ≥ 0.9 and precision ≥ 0.95 for Party and State documents that
//! carry a symbol, a plenum or a congress.
//!
//! `VNSEARCH_BIN=/path/to/vnsearch` scores another build (e.g. an older one for the "before"
//! figures) without asserting; a build that has no `citations` key is scored by its
//! `references` labels, each given the level its label's form implies.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const LEVELS: [&str; 4] = ["party", "state", "local", "unresolved"];
/// Classes that the targets are about.
const TARGET_CLASSES: [&str; 3] = ["symbol", "plenum", "congress"];

struct Gold {
    id: String,
    source: String,
    /// (label, level, class); class `other` is listed for readers but never scored.
    documents: Vec<(String, String, String)>,
}

/// `$VNSEARCH_SHARED/corpus` (for a checkout outside the usual layout), else
/// `$CARGO_MANIFEST_DIR/../shared/corpus`.
fn shared_corpus() -> Option<PathBuf> {
    let shared = std::env::var_os("VNSEARCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus");
    dir.join("raw-sample").is_dir().then_some(dir)
}

fn labels() -> Vec<Gold> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/citations/labels.jsonl");
    let text = std::fs::read_to_string(&path).expect("tests/citations/labels.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("a JSON line");
            let s = |v: &Value, k: &str| v[k].as_str().expect(k).to_owned();
            Gold {
                id: s(&v, "id"),
                source: s(&v, "source"),
                documents: v["documents"]
                    .as_array()
                    .expect("documents")
                    .iter()
                    .map(|d| (s(d, "label"), s(d, "level"), s(d, "class")))
                    .collect(),
            }
        })
        .collect()
}

/// The level a label's form implies, for builds that report labels only.
fn level_of_label(label: &str) -> &'static str {
    let local = ["/TU", "/HU", "/QU", "/ĐU", "/ĐUK", "-UBND", "-HĐND"];
    if local.iter().any(|s| label.contains(s)) {
        "local"
    } else if label.contains("TW") || label.contains("Đại hội") {
        "party"
    } else if label.contains('/') || label.starts_with("Luật") || label.starts_with("Bộ luật")
    {
        "state"
    } else {
        "unresolved"
    }
}

/// Copies the labelled articles into `dir`: raw-sample pages as files, baomoi records as one
/// JSON Lines file.
fn build_corpus(shared: &Path, gold: &[Gold], dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let wanted: BTreeSet<&str> = gold
        .iter()
        .filter(|g| g.source == "baomoi")
        .map(|g| g.id.as_str())
        .collect();
    for g in gold.iter().filter(|g| g.source == "raw-sample") {
        let name = format!("{}.txt", g.id);
        std::fs::copy(shared.join("raw-sample").join(&name), dir.join(&name))
            .unwrap_or_else(|e| panic!("raw-sample/{name}: {e}"));
    }
    let mut out = std::fs::File::create(dir.join("baomoi-labelled.jsonl")).unwrap();
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(shared.join("baomoi")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            // The id is the first key of every record; avoid parsing 35,000 lines.
            let Some(id) = line
                .split_once("\"id\": \"")
                .or_else(|| line.split_once("\"id\":\""))
                .and_then(|(_, rest)| rest.split('"').next())
            else {
                continue;
            };
            if wanted.contains(id) && found.insert(id.to_owned()) {
                writeln!(out, "{line}").unwrap();
            }
        }
    }
    assert_eq!(
        found.len(),
        wanted.len(),
        "labelled baomoi articles missing"
    );
}

#[derive(Default, Clone, Copy)]
struct Count {
    gold: usize,
    found: usize,
    predicted: usize,
    correct: usize,
}

impl Count {
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }
}

#[test]
fn citations_against_hand_labels() {
    let Some(shared) = shared_corpus() else {
        eprintln!("skipping: ../shared/corpus (raw-sample, baomoi) not found next to the crate");
        return;
    };
    let other_bin = std::env::var_os("VNSEARCH_BIN").map(PathBuf::from);
    let bin = other_bin
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_vnsearch")));
    let gold = labels();
    assert!(gold.len() >= 60, "at least 60 labelled articles");
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    build_corpus(&shared, &gold, &corpus);
    let run = |args: &[&str]| {
        Command::new(&bin)
            .arg("--index")
            .arg(&index)
            .args(args)
            .env_remove("VNSEARCH_INDEX")
            .env("NO_COLOR", "1")
            .output()
            .expect("run vnsearch")
    };
    let out = run(&["index", "--quiet", corpus.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Per level: the overall counts and the counts on the target classes.
    let mut all: BTreeMap<&str, Count> = BTreeMap::new();
    let mut target: BTreeMap<&str, Count> = BTreeMap::new();
    let mut misses = String::new();
    let mut wrong = String::new();
    for g in &gold {
        let out = run(&["show", "--json", &g.id]);
        assert!(out.status.success(), "show {}", g.id);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let predicted: Vec<(String, String)> = match v["citations"].as_array() {
            Some(list) => list
                .iter()
                .map(|c| {
                    (
                        c["label"].as_str().unwrap().to_owned(),
                        c["level"].as_str().unwrap().to_owned(),
                    )
                })
                .collect(),
            None => v["references"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let label = r.as_str().unwrap().to_owned();
                    let level = level_of_label(&label).to_owned();
                    (label, level)
                })
                .collect(),
        };
        let labels: BTreeSet<&str> = predicted.iter().map(|(l, _)| l.as_str()).collect();
        let gold_labels: BTreeSet<&str> = g.documents.iter().map(|(l, _, _)| l.as_str()).collect();
        for (label, level, class) in &g.documents {
            if class == "other" {
                continue;
            }
            let hit = labels.contains(label.as_str());
            let is_target = TARGET_CLASSES.contains(&class.as_str());
            for (map, counted) in [(&mut all, true), (&mut target, is_target)] {
                if counted {
                    let c = map
                        .entry(LEVELS.iter().find(|l| *l == level).unwrap())
                        .or_default();
                    c.gold += 1;
                    c.found += usize::from(hit);
                }
            }
            if !hit {
                let _ = writeln!(misses, "  {} missed {label} ({level}, {class})", g.id);
            }
        }
        for (label, level) in &predicted {
            let Some(level) = LEVELS.iter().find(|l| *l == level) else {
                panic!("{}: unknown level {level:?} of {label}", g.id);
            };
            let ok = gold_labels.contains(label.as_str());
            let c = all.entry(level).or_default();
            c.predicted += 1;
            c.correct += usize::from(ok);
            // Precision on the target: predictions of a level, judged against every label.
            let t = target.entry(level).or_default();
            t.predicted += 1;
            t.correct += usize::from(ok);
            if !ok {
                let _ = writeln!(wrong, "  {} wrongly read {label} ({level})", g.id);
            }
        }
    }
    let mut table = String::from(
        "level   | gold | found | recall | with symbol/plenum: gold, recall | predicted | precision\n",
    );
    for level in LEVELS {
        let a = all.get(level).copied().unwrap_or_default();
        let t = target.get(level).copied().unwrap_or_default();
        let _ = writeln!(
            table,
            "{level:<7} | {:>4} | {:>5} | {:>6.3} | {:>4}, {:>5.3} | {:>9} | {:>9.3}",
            a.gold,
            a.found,
            a.recall(),
            t.gold,
            t.recall(),
            a.predicted,
            a.precision()
        );
    }
    eprintln!(
        "{} articles, {} labelled documents\n{table}\nmissed:\n{misses}\nwrongly read:\n{wrong}",
        gold.len(),
        gold.iter().map(|g| g.documents.len()).sum::<usize>()
    );
    if other_bin.is_some() {
        return;
    }
    for level in ["party", "state"] {
        let t = target[level];
        assert!(
            t.recall() >= 0.9,
            "{level}: recall {:.3} of documents with a symbol or plenum is under 0.9",
            t.recall()
        );
        let a = all[level];
        assert!(
            a.precision() >= 0.95,
            "{level}: precision {:.3} is under 0.95",
            a.precision()
        );
    }
}
