//! Relevance evaluation: a judged query set, ranked runs, and the metrics that compare them
//! (nDCG@10, MRR, recall@100), so ranking changes are decided by numbers.
//!
//! The query set is JSON Lines, one query a line (see `tests/relevance/README.md`):
//! `{"id", "query", "kind", "judgments": {"doc-id": grade}}`, grades 0 (not relevant),
//! 1 (partly), 2 (about it). A variant (the same query without diacritics, in lower case, ...)
//! names its base with `"same_as"` and shares its judgments. Unjudged documents count as
//! not relevant.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// Depth of the graded ranking metric.
pub const NDCG_DEPTH: usize = 10;
/// Depth of the recall metric, and how many hits a run keeps per query.
pub const RECALL_DEPTH: usize = 100;
/// Depth of the overlap between a variant's ranking and its base query's.
pub const OVERLAP_DEPTH: usize = 10;

/// One query of the judged set, its judgments resolved.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JudgedQuery {
    pub id: String,
    pub query: String,
    pub kind: String,
    /// The base query whose judgments a variant shares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(default)]
    pub judgments: BTreeMap<String, u8>,
}

/// Reads a query set and resolves each variant's judgments from its base.
pub fn load_queries(path: &Path) -> Result<Vec<JudgedQuery>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_queries(&text).with_context(|| format!("in {}", path.display()))
}

/// Reads a judged query set, one JSON object a line; a bad line is an error naming its number.
pub fn parse_queries(text: &str) -> Result<Vec<JudgedQuery>> {
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let query: JudgedQuery =
            serde_json::from_str(line).with_context(|| format!("line {}", n + 1))?;
        if let Some(grade) = query.judgments.values().find(|g| **g > 2) {
            bail!("line {}: grade {grade} is not 0, 1 or 2", n + 1);
        }
        queries.push(query);
    }
    let bases: HashMap<String, BTreeMap<String, u8>> = queries
        .iter()
        .filter(|q| q.same_as.is_none())
        .map(|q| (q.id.clone(), q.judgments.clone()))
        .collect();
    for query in &mut queries {
        if let Some(base) = &query.same_as {
            let Some(judgments) = bases.get(base) else {
                bail!("query {}: same_as {base:?} is not a base query", query.id);
            };
            query.judgments = judgments.clone();
        }
    }
    Ok(queries)
}

/// Ranked document ids per query id (a system's answers).
pub type Run = HashMap<String, Vec<String>>;

/// Reads a TREC run file (`qid Q0 docid rank score tag`, whitespace separated); documents are
/// ordered by their rank column, as TREC tools do.
pub fn load_run(path: &Path) -> Result<Run> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_run(&text).with_context(|| format!("in {}", path.display()))
}

/// Reads another system's answers in TREC run format, so peers are scored by the same code.
pub fn parse_run(text: &str) -> Result<Run> {
    let mut ranked: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            continue;
        }
        if cols.len() < 4 {
            bail!("line {}: expected `qid Q0 docid rank [score tag]`", n + 1);
        }
        let rank: usize = cols[3]
            .parse()
            .with_context(|| format!("line {}: rank {:?} is not a number", n + 1, cols[3]))?;
        ranked
            .entry(cols[0].to_owned())
            .or_default()
            .push((rank, cols[2].to_owned()));
    }
    Ok(ranked
        .into_iter()
        .map(|(qid, mut docs)| {
            docs.sort_by_key(|(rank, _)| *rank);
            (qid, docs.into_iter().map(|(_, d)| d).collect())
        })
        .collect())
}

/// A run in TREC format, for other tools.
pub fn format_run(queries: &[JudgedQuery], run: &Run, tag: &str) -> String {
    let mut out = String::new();
    for query in queries {
        for (i, doc) in run.get(&query.id).into_iter().flatten().enumerate() {
            let score = run.get(&query.id).map_or(0, Vec::len) - i;
            out.push_str(&format!("{} Q0 {doc} {} {score} {tag}\n", query.id, i + 1));
        }
    }
    out
}

fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade) - 1)
}

fn discount(position: usize) -> f64 {
    (position as f64 + 2.0).log2()
}

/// nDCG@k with gains 2^grade − 1 and log2 discounts; 0 when nothing is judged relevant.
pub fn ndcg(ranked: &[String], judgments: &BTreeMap<String, u8>, k: usize) -> f64 {
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, doc)| gain(judgments.get(doc).copied().unwrap_or(0)) / discount(i))
        .sum();
    let mut ideal: Vec<u8> = judgments.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(*g) / discount(i))
        .sum();
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

/// 1 / rank of the first document graded 1 or more; 0 when there is none.
pub fn reciprocal_rank(ranked: &[String], judgments: &BTreeMap<String, u8>) -> f64 {
    ranked
        .iter()
        .position(|doc| judgments.get(doc).is_some_and(|g| *g > 0))
        .map_or(0.0, |i| 1.0 / (i as f64 + 1.0))
}

/// Share of the documents graded 1 or more found in the first k; 0 when there are none.
pub fn recall(ranked: &[String], judgments: &BTreeMap<String, u8>, k: usize) -> f64 {
    let relevant = judgments.values().filter(|g| **g > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = ranked
        .iter()
        .take(k)
        .filter(|doc| judgments.get(*doc).is_some_and(|g| *g > 0))
        .count();
    found as f64 / relevant as f64
}

/// Share of the base ranking's first k found in the variant's first k (1 when the base found
/// nothing).
pub fn overlap(variant: &[String], base: &[String], k: usize) -> f64 {
    let base: Vec<&String> = base.iter().take(k).collect();
    if base.is_empty() {
        return 1.0;
    }
    let variant: HashSet<&String> = variant.iter().take(k).collect();
    base.iter().filter(|d| variant.contains(*d)).count() as f64 / base.len() as f64
}

/// One query's figures for one system.
#[derive(Debug, Clone, Serialize)]
pub struct QueryScore {
    pub id: String,
    pub kind: String,
    pub ndcg: f64,
    pub mrr: f64,
    pub recall: f64,
    /// For a variant: share of its base query's top 10 that it returns in its own top 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlap: Option<f64>,
}

/// Averages over a group of queries.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Summary {
    pub queries: usize,
    pub ndcg: f64,
    pub mrr: f64,
    pub recall: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlap: Option<f64>,
}

/// A system's figures: per query, per kind and over all queries.
#[derive(Debug, Clone, Serialize)]
pub struct SystemReport {
    pub system: String,
    pub overall: Summary,
    pub by_kind: BTreeMap<String, Summary>,
    /// Variants without diacritics: how much of the accented base's top 10 they keep.
    pub unaccented_overlap: Option<f64>,
    pub queries: Vec<QueryScore>,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn summarise<'a>(scores: impl Iterator<Item = &'a QueryScore> + Clone) -> Summary {
    Summary {
        queries: scores.clone().count(),
        ndcg: mean(scores.clone().map(|s| s.ndcg)).unwrap_or(0.0),
        mrr: mean(scores.clone().map(|s| s.mrr)).unwrap_or(0.0),
        recall: mean(scores.clone().map(|s| s.recall)).unwrap_or(0.0),
        overlap: mean(scores.filter_map(|s| s.overlap)),
    }
}

/// Scores a run against the judged set. A query the run has no line for ranked nothing.
pub fn evaluate(system: &str, queries: &[JudgedQuery], run: &Run) -> SystemReport {
    let empty = Vec::new();
    let ranked = |id: &str| run.get(id).unwrap_or(&empty);
    let scores: Vec<QueryScore> = queries
        .iter()
        .map(|q| {
            let docs = ranked(&q.id);
            QueryScore {
                id: q.id.clone(),
                kind: q.kind.clone(),
                ndcg: ndcg(docs, &q.judgments, NDCG_DEPTH),
                mrr: reciprocal_rank(docs, &q.judgments),
                recall: recall(docs, &q.judgments, RECALL_DEPTH),
                overlap: q
                    .same_as
                    .as_ref()
                    .map(|base| overlap(docs, ranked(base), OVERLAP_DEPTH)),
            }
        })
        .collect();
    let mut kinds: Vec<&str> = scores.iter().map(|s| s.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let by_kind = kinds
        .into_iter()
        .map(|kind| {
            (
                kind.to_owned(),
                summarise(scores.iter().filter(|s| s.kind == kind)),
            )
        })
        .collect();
    let unaccented_overlap = mean(
        queries
            .iter()
            .zip(&scores)
            .filter(|(q, _)| q.same_as.is_some() && !crate::text::has_diacritics(&q.query))
            .filter_map(|(_, s)| s.overlap),
    );
    SystemReport {
        system: system.to_owned(),
        overall: summarise(scores.iter()),
        by_kind,
        unaccented_overlap,
        queries: scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn judged(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
        pairs.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn ndcg_by_hand() {
        // Ranked: a (2), x (unjudged), b (1). DCG = 3/log2(2) + 0 + 1/log2(4) = 3.5.
        // Ideal: 2, 1, 1 → 3 + 1/log2(3) + 1/2.
        let j = judged(&[("a", 2), ("b", 1), ("c", 1), ("z", 0)]);
        let got = ndcg(&docs(&["a", "x", "b"]), &j, 10);
        let ideal = 3.0 + 1.0 / 3f64.log2() + 0.5;
        assert!(close(got, 3.5 / ideal), "{got}");
        // A perfect ranking scores 1, nothing relevant anywhere scores 0.
        assert!(close(ndcg(&docs(&["a", "b", "c"]), &j, 10), 1.0));
        assert!(close(ndcg(&docs(&["a"]), &judged(&[("a", 0)]), 10), 0.0));
    }

    #[test]
    fn ndcg_cuts_at_k() {
        // The relevant document at rank 3 is beyond k = 2.
        let j = judged(&[("c", 2)]);
        assert!(close(ndcg(&docs(&["a", "b", "c"]), &j, 2), 0.0));
        assert!(close(ndcg(&docs(&["a", "b", "c"]), &j, 3), 0.5));
    }

    #[test]
    fn reciprocal_rank_by_hand() {
        let j = judged(&[("a", 0), ("b", 1), ("c", 2)]);
        assert!(close(
            reciprocal_rank(&docs(&["a", "x", "b", "c"]), &j),
            1.0 / 3.0
        ));
        assert!(close(reciprocal_rank(&docs(&["c"]), &j), 1.0));
        assert!(close(reciprocal_rank(&docs(&["a", "x"]), &j), 0.0));
    }

    #[test]
    fn recall_by_hand() {
        let j = judged(&[("a", 2), ("b", 1), ("c", 1), ("d", 1), ("e", 0)]);
        assert!(close(recall(&docs(&["e", "a", "x", "c"]), &j, 100), 0.5));
        assert!(close(recall(&docs(&["e", "a", "x", "c"]), &j, 2), 0.25));
        assert!(close(recall(&docs(&[]), &judged(&[]), 100), 0.0));
    }

    #[test]
    fn overlap_by_hand() {
        assert!(close(
            overlap(&docs(&["b", "c", "d"]), &docs(&["a", "b", "c", "x"]), 10),
            0.5
        ));
        assert!(close(overlap(&docs(&[]), &docs(&[]), 10), 1.0));
    }

    #[test]
    fn variants_share_judgments_and_runs_parse() {
        let set = parse_queries(
            "{\"id\":\"q1\",\"query\":\"Hòa Bình\",\"kind\":\"place\",\"judgments\":{\"a\":2,\"b\":1}}\n\
             {\"id\":\"q1-u\",\"query\":\"hoa binh\",\"kind\":\"unaccented\",\"same_as\":\"q1\"}\n",
        )
        .unwrap();
        assert_eq!(set[1].judgments, set[0].judgments);
        let run = parse_run("q1 Q0 b 2 1.0 t\nq1 Q0 a 1 2.0 t\nq1-u Q0 b 1 1.0 t\n").unwrap();
        assert_eq!(run["q1"], docs(&["a", "b"]));
        let report = evaluate("t", &set, &run);
        assert!(close(report.queries[0].ndcg, 1.0));
        assert!(close(report.queries[1].overlap.unwrap(), 0.5));
        assert!(close(report.unaccented_overlap.unwrap(), 0.5));
        assert_eq!(report.by_kind["place"].queries, 1);
        assert!(close(report.overall.mrr, 1.0));
        assert!(parse_queries(
            "{\"id\":\"q\",\"query\":\"x\",\"kind\":\"k\",\"same_as\":\"nope\"}"
        )
        .is_err());
        assert!(parse_run("q1 Q0 a\n").is_err());
    }
}
