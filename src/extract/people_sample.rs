//! The person extractor measured on the hand-labelled sample (`tests/people/`): name precision
//! and recall, and role accuracy, on the tuned and the held-out articles. Prints the figures
//! and every miss; fails below precision 0.95 or recall 0.8.
//! `cargo test --lib extract::people_sample -- --nocapture`

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::article::parse_raw_text;
use super::article_facts;
use super::people::person_key;
use crate::model::{Article, Person};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn labels_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/people")
}

/// The sample's articles by id, read as the indexer reads them.
fn articles(wanted: &[(String, String, String)]) -> HashMap<String, Article> {
    let mut out = HashMap::new();
    let ids: std::collections::HashSet<&str> = wanted.iter().map(|w| w.2.as_str()).collect();
    let mut jsonl: Vec<PathBuf> = std::fs::read_dir(shared().join("baomoi"))
        .expect("baomoi")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    jsonl.push(shared().join("dantri-unc/dantri-unc.jsonl"));
    for path in jsonl {
        let text = std::fs::read_to_string(&path).expect("read jsonl");
        for line in text.lines() {
            let Some(id) = line
                .split_once("\"id\": \"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(id, _)| id)
            else {
                continue;
            };
            if !ids.contains(id) {
                continue;
            }
            let record: serde_json::Value = serde_json::from_str(line).expect("record");
            let field = |k: &str| record[k].as_str().unwrap_or("").to_owned();
            out.insert(
                id.to_owned(),
                Article {
                    title: field("title"),
                    summary: field("summary"),
                    body: field("body"),
                    ..Article::default()
                },
            );
        }
    }
    for (_, corpus, id) in wanted.iter().filter(|w| w.1 == "raw-sample") {
        let path = shared().join(corpus).join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&path).expect("read raw-sample");
        out.insert(id.clone(), parse_raw_text(&text));
    }
    out
}

#[derive(Default)]
struct Score {
    articles: usize,
    labelled: usize,
    predicted: usize,
    correct: usize,
    role_correct: usize,
    misses: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.correct as f64 / self.labelled.max(1) as f64
    }
    fn role_accuracy(&self) -> f64 {
        self.role_correct as f64 / self.correct.max(1) as f64
    }
}

#[test]
fn precision_and_recall_on_the_labelled_sample() {
    if !shared().join("baomoi").is_dir() {
        eprintln!("skipping: ../shared/corpus not found next to the crate");
        return;
    }
    let read = |name: &str| std::fs::read_to_string(labels_dir().join(name)).expect(name);
    let sample: Vec<(String, String, String)> = read("sample.tsv")
        .lines()
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_owned(), c[1].to_owned(), c[2].to_owned())
        })
        .collect();
    let mut labels: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for line in read("labels.tsv").lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&str> = line.split('\t').collect();
        let entry = labels.entry(c[0].to_owned()).or_default();
        if c[1] != "-" {
            entry.push((c[1].to_owned(), c[2].to_owned()));
        }
    }
    let texts = articles(&sample);
    let mut scores: HashMap<&str, Score> = HashMap::new();
    for (set, _, id) in &sample {
        let article = texts
            .get(id)
            .unwrap_or_else(|| panic!("{id} not in the corpus"));
        let expected = labels
            .get(id)
            .unwrap_or_else(|| panic!("{id} has no labels"));
        let found: Vec<Person> = article_facts(article).people;
        let score = scores.entry(set.as_str()).or_default();
        score.articles += 1;
        score.labelled += expected.len();
        score.predicted += found.len();
        for person in &found {
            let key = person_key(&person.name);
            match expected.iter().find(|(name, _)| person_key(name) == key) {
                Some((_, role)) => {
                    score.correct += 1;
                    if *role == person.role {
                        score.role_correct += 1;
                    } else {
                        score.misses.push(format!(
                            "{id}: role of {}: {} (written {:?}), labelled {role}",
                            person.name, person.role, person.role_as_written
                        ));
                    }
                }
                None => score.misses.push(format!(
                    "{id}: WRONG {} as {} ({:?})",
                    person.name, person.role, person.role_as_written
                )),
            }
        }
        for (name, role) in expected {
            if !found
                .iter()
                .any(|p| person_key(&p.name) == person_key(name))
            {
                score.misses.push(format!("{id}: missed {name} ({role})"));
            }
        }
    }
    let mut all = Score::default();
    for set in ["tuned", "held-out"] {
        let s = &scores[set];
        for miss in &s.misses {
            eprintln!("  [{set}] {miss}");
        }
        eprintln!(
            "{set}: {} articles, {} people labelled, {} found, {} right: precision {:.3}, \
             recall {:.3}, role accuracy {:.3} ({} of {})",
            s.articles,
            s.labelled,
            s.predicted,
            s.correct,
            s.precision(),
            s.recall(),
            s.role_accuracy(),
            s.role_correct,
            s.correct
        );
        all.articles += s.articles;
        all.labelled += s.labelled;
        all.predicted += s.predicted;
        all.correct += s.correct;
        all.role_correct += s.role_correct;
    }
    eprintln!(
        "all: precision {:.3}, recall {:.3}, role accuracy {:.3}",
        all.precision(),
        all.recall(),
        all.role_accuracy()
    );
    for (name, s) in [("tuned", &scores["tuned"]), ("all", &all)] {
        assert!(
            s.precision() >= 0.95,
            "{name}: precision {:.3}",
            s.precision()
        );
        assert!(s.recall() >= 0.8, "{name}: recall {:.3}", s.recall());
    }
}
