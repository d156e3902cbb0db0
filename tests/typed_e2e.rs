//! Diacritics typed are meaning: small articles holding phrases that fold alike ("sữa chua",
//! yogurt / "sửa chữa", repair; "dựa vào", to rely on / "đưa vào", to put in), indexed by the
//! real binary. A query typed with marks ranks every article that holds its words as typed above
//! every one that holds them only in another form, says which are which (`as_typed`), and still
//! finds the others; a query typed without marks finds every form, each as typed.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::{json, Value};

/// (id, title, body).
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "yogurt",
        "Làm sữa chua tại nhà",
        "Sữa chua tự làm tốt cho sức khỏe: chỉ cần sữa tươi và men sữa chua.",
    ),
    (
        "breakfast",
        "Bữa sáng của học sinh",
        "Bữa sáng có bánh mì, trứng và một hộp sữa chua.",
    ),
    (
        // Holds "sữa" and "chua" with their marks, but the pair only as "sửa chữa".
        "pipes",
        "Sửa chữa đường ống nước",
        "Đội sửa chữa đã sửa chữa xong đường ống. Sửa chữa kịp thời, quán sữa đầu ngõ mở cửa, \
         bán chanh chua.",
    ),
    (
        "bridge",
        "Sửa chữa cầu Long Biên",
        "Công nhân sửa chữa cầu suốt đêm.",
    ),
    (
        "fridge",
        "Việc nhà cuối tuần",
        "Sau khi sửa chữa tủ lạnh, chị cất sữa chua vào ngăn mát.",
    ),
    (
        "rely",
        "Sức mạnh của dân",
        "Chúng ta dựa vào dân để xây dựng chính quyền.",
    ),
    (
        // Holds "dựa" and "vào", the pair only as "đưa vào".
        "opening",
        "Đưa vào sử dụng cầu mới",
        "Cầu được đưa vào sử dụng. Đưa vào vận hành từ tháng 5, dựa trên thiết kế cũ.",
    ),
    (
        "apart",
        "Luật đất đai",
        "Dựa trên luật, người dân vào cuộc giám sát.",
    ),
    (
        "citizen",
        "Tiếp công dân",
        "Một người dân đến gặp lãnh đạo xã.",
    ),
    (
        // Holds both pairs of "một người dân", "một người" and "người dân", but apart.
        "meeting",
        "Họp tổ",
        "Mỗi nhà cử một người đi họp, người dân góp ý.",
    ),
];

struct Corpus {
    dir: tempfile::TempDir,
}

impl Corpus {
    fn build() -> Corpus {
        let dir = tempfile::tempdir().expect("temp dir");
        let records: Vec<String> = ARTICLES
            .iter()
            .map(|(id, title, body)| json!({"id": id, "title": title, "body": body}).to_string())
            .collect();
        std::fs::write(dir.path().join("articles.jsonl"), records.join("\n") + "\n").unwrap();
        let corpus = Corpus { dir };
        let out = corpus
            .cmd()
            .arg("index")
            .arg(corpus.dir.path().join("articles.jsonl"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        corpus
    }

    fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("vnsearch").unwrap();
        cmd.arg("--index")
            .arg(self.index_dir())
            .env_remove("VNSEARCH_INDEX")
            .env("NO_COLOR", "1");
        cmd
    }

    fn search(&self, query: &str, extra: &[&str]) -> Value {
        let out = self
            .cmd()
            .args(["search", "--json", "--limit", "50"])
            .args(extra)
            .args(["--", query])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{query}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The hits in rank order, each with its `as_typed` flag.
    fn ranked(&self, query: &str, extra: &[&str]) -> Vec<(String, bool)> {
        self.search(query, extra)["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| {
                (
                    h["id"].as_str().unwrap().to_owned(),
                    h["as_typed"].as_bool().expect("as_typed on every hit"),
                )
            })
            .collect()
    }
}

fn hits(expected: &[(&str, bool)]) -> Vec<(String, bool)> {
    expected
        .iter()
        .map(|(id, t)| (id.to_string(), *t))
        .collect()
}

#[test]
fn the_phrase_as_typed_ranks_above_every_other_form() {
    let corpus = Corpus::build();
    // Yogurt first, the one-line mention and the article holding both forms included; then the
    // repair stories, still found.
    assert_eq!(
        corpus.ranked("sữa chua", &[]),
        hits(&[
            ("yogurt", true),
            ("fridge", true),
            ("breakfast", true),
            ("pipes", false),
            ("bridge", false),
        ])
    );
    assert_eq!(
        corpus.ranked("sửa chữa", &[]),
        hits(&[
            ("pipes", true),
            ("bridge", true),
            ("fridge", true),
            ("yogurt", false),
            ("breakfast", false),
        ])
    );
    // "dựa vào": the phrase first; the words apart and "đưa vào" after it, by score.
    assert_eq!(
        corpus.ranked("dựa vào", &[]),
        hits(&[("rely", true), ("opening", false), ("apart", false)])
    );
    assert_eq!(
        corpus.ranked("đưa vào", &[]),
        hits(&[("opening", true), ("rely", false)])
    );
}

#[test]
fn a_three_word_run_is_as_typed_only_as_a_phrase_not_as_its_pairs_held_apart() {
    let corpus = Corpus::build();
    assert_eq!(
        corpus.ranked("một người dân", &[]),
        hits(&[("citizen", true), ("meeting", false)])
    );
    // Mixed: "dan" in any form, the run still a phrase.
    assert_eq!(
        corpus.ranked("một người dan", &[]),
        hits(&[("citizen", true), ("meeting", false)])
    );
}

#[test]
fn a_mixed_query_is_read_syllable_by_syllable_and_no_marks_match_every_form() {
    let corpus = Corpus::build();
    // "vao" typed without marks matches any form beside "dựa"; "dựa" must be as typed, so the
    // article that holds the pair only as "đưa vào" is not.
    assert_eq!(
        corpus.ranked("dựa vao", &[]),
        hits(&[("rely", true), ("opening", false)])
    );
    // Without any mark every form is what was typed.
    let unaccented = corpus.ranked("sua chua", &[]);
    assert_eq!(unaccented.len(), 5);
    assert!(unaccented.iter().all(|(_, typed)| *typed), "{unaccented:?}");
}

#[test]
fn totals_are_unchanged_and_date_order_still_says_which_hits_are_as_typed() {
    let corpus = Corpus::build();
    let response = corpus.search("sữa chua", &["--facets"]);
    assert_eq!(response["total"], 5);
    let by_date = corpus.ranked("sữa chua", &["--sort", "date"]);
    let mut typed: Vec<&str> = by_date
        .iter()
        .filter(|(_, t)| *t)
        .map(|(id, _)| id.as_str())
        .collect();
    typed.sort_unstable();
    assert_eq!(typed, ["breakfast", "fridge", "yogurt"]);
    assert_eq!(by_date.len(), 5);
    // `--fields` can ask for the flag alone.
    let out = corpus
        .cmd()
        .args([
            "search",
            "--jsonl",
            "--fields",
            "id,as_typed",
            "--",
            "đưa vào",
        ])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "opening");
    assert_eq!(lines[0]["as_typed"], true);
    assert_eq!(lines[1]["as_typed"], false);
}
