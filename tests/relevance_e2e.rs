//! Relevance must not regress: `vnsearch eval` on the judged query set, over a real index of the
//! shared baomoi corpus, must keep nDCG@10 within 0.02 of the figure recorded in
//! `tests/relevance/baseline.json`, and queries typed without diacritics must keep at least 90%
//! of the accented query's top 10.

use std::path::Path;
use std::process::Command;

const ALLOWED_DROP: f64 = 0.02;
const MIN_UNACCENTED_OVERLAP: f64 = 0.90;

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn ndcg_on_the_judged_set_stays_at_the_recorded_figure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/baomoi");
    if !corpus.is_dir() {
        println!(
            "SKIPPED relevance_e2e: the baomoi corpus is not at {} (needs ../shared/corpus)",
            corpus.display()
        );
        return;
    }
    let queries = root.join("tests/relevance/queries.jsonl");
    let baseline = read_json(&root.join("tests/relevance/baseline.json"));
    let recorded = baseline["ndcg_at_10"]
        .as_f64()
        .expect("ndcg_at_10 in baseline.json");
    let binary = env!("CARGO_BIN_EXE_vnsearch");
    let index = tempfile::tempdir().unwrap();

    let started = std::time::Instant::now();
    let indexed = Command::new(binary)
        .arg("--index")
        .arg(index.path())
        .arg("index")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        indexed.status.success(),
        "indexing failed: {}",
        String::from_utf8_lossy(&indexed.stderr)
    );
    println!("indexed baomoi in {:.1} s", started.elapsed().as_secs_f64());

    let eval = Command::new(binary)
        .arg("--index")
        .arg(index.path())
        .arg("eval")
        .arg(&queries)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        eval.status.success(),
        "eval failed: {}",
        String::from_utf8_lossy(&eval.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&eval.stdout).unwrap();
    assert_eq!(
        report["queries"], baseline["queries"],
        "the judged set changed size"
    );
    let ours = &report["systems"][0];
    assert_eq!(ours["system"], "vnsearch");
    let ndcg = ours["overall"]["ndcg"].as_f64().unwrap();
    let overlap = ours["unaccented_overlap"].as_f64().unwrap();
    println!(
        "nDCG@10 {ndcg:.4} (recorded {recorded:.4}), MRR {:.4}, recall@100 {:.4}, unaccented overlap {overlap:.3}",
        ours["overall"]["mrr"].as_f64().unwrap(),
        ours["overall"]["recall"].as_f64().unwrap()
    );
    assert!(
        ndcg >= recorded - ALLOWED_DROP,
        "nDCG@10 fell to {ndcg:.4}, more than {ALLOWED_DROP} below the recorded {recorded:.4}"
    );
    assert!(
        overlap >= MIN_UNACCENTED_OVERLAP,
        "queries without diacritics keep only {:.1}% of the accented top 10",
        overlap * 100.0
    );
    if ndcg > recorded + ALLOWED_DROP {
        println!("nDCG@10 is well above the recorded figure: update tests/relevance/baseline.json");
    }
}
