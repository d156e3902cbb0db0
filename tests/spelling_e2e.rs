//! One word, several spellings (issue 17): small articles each written in one spelling of a
//! word (i/y: tỷ/tỉ, hy/hi, kỹ/kĩ, lý/lí, quy/qui, sĩ/sỹ; a tone mark typed on the wrong
//! vowel), indexed by the real binary. Every spelling of the query, with and without
//! diacritics, finds every spelling of the word; words that only look alike stay apart.

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::{json, Value};

/// (id, title, body): each article holds its word in one spelling only.
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "ty-y",
        "Doanh thu quý",
        "Doanh nghiệp báo lãi 5 tỷ đồng trong năm.",
    ),
    (
        "ty-i",
        "Doanh thu năm",
        "Hợp tác xã báo lãi 7 tỉ đồng trong năm.",
    ),
    ("ty-other", "Em bé", "Nước đá tí đông lại trong tủ."),
    ("hy-y", "Tưởng niệm", "Các anh đã hy sinh vì Tổ quốc."),
    ("hy-i", "Tri ân", "Các chị đã hi sinh vì quê hương."),
    ("ky-y", "Hội thảo", "Hội thảo về kỹ thuật nuôi cá."),
    ("ky-i", "Tập huấn", "Tập huấn kĩ thuật trồng lúa."),
    ("ly-y", "Học tập", "Bồi dưỡng lý luận chính trị cho cán bộ."),
    ("ly-i", "Bồi dưỡng", "Lớp lí luận chính trị khai giảng."),
    ("quy-y", "Văn bản", "Ban hành quy định mới về đảng viên."),
    ("quy-i", "Thông báo", "Sửa đổi qui định cũ về đảng viên."),
    ("si-i", "Bệnh viện", "Bác sĩ trực đêm ở khoa nhi."),
    ("si-y", "Phòng khám", "Bác sỹ khám cho người già."),
    (
        "tone-1",
        "Tin phòng lab",
        "Ðảm baỏ chất lựơng phòng thí nghịêm hoá học.",
    ),
    ("tone-2", "Hội nghị", "Ông Ba, đaị diện nhóm, phát biểu."),
    ("hand", "Chấn thương", "Anh bị gãy bàn tay trái."),
    ("ear", "Khám bệnh", "Cháu bị đau tai trái."),
    ("though", "Thời tiết", "Tuy trời mưa, chợ vẫn đông."),
    ("bag", "Mua sắm", "Chị mua một cái tui vải."),
    ("tomorrow", "Lịch họp", "Ngày mai họp chi bộ."),
    ("luck", "May mắn", "Anh gặp may trong kinh doanh."),
    ("violate", "Xử lý", "Xử phạt hành vi vi phạm giao thông."),
    ("name", "Ca sĩ", "Nữ ca sĩ Tường Vy ra mắt album."),
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

    fn search(&self, query: &str) -> Value {
        let out = self
            .cmd()
            .args(["search", "--json", "--limit", "50", "--", query])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{query}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn ranked(&self, query: &str) -> Vec<String> {
        self.search(query)["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_owned())
            .collect()
    }

    fn found(&self, query: &str) -> BTreeSet<String> {
        self.ranked(query).into_iter().collect()
    }
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn unaccented(query: &str) -> String {
    vnsearch::text::fold(query).to_lowercase()
}

#[test]
fn every_spelling_finds_every_spelling_with_and_without_diacritics() {
    let corpus = Corpus::build();
    let words: &[(&[&str], &[&str])] = &[
        (&["hy sinh", "hi sinh"], &["hy-y", "hy-i"]),
        (&["kỹ thuật", "kĩ thuật"], &["ky-y", "ky-i"]),
        (&["lý luận", "lí luận"], &["ly-y", "ly-i"]),
        (&["quy định", "qui định"], &["quy-y", "quy-i"]),
        (&["bác sĩ", "bác sỹ"], &["si-i", "si-y"]),
    ];
    for (spellings, ids) in words {
        for spelling in *spellings {
            for query in [spelling.to_string(), unaccented(spelling)] {
                assert_eq!(corpus.found(&query), set(ids), "{query}");
            }
            let quoted = format!("\"{spelling}\"");
            assert_eq!(corpus.found(&quoted), set(ids), "{quoted}");
        }
    }
    // "tí đông" folds like "tỉ đồng": found without diacritics, ranked below the word as typed.
    for query in ["tỷ đồng", "tỉ đồng"] {
        let ranked = corpus.ranked(query);
        assert_eq!(ranked.len(), 3, "{query}: {ranked:?}");
        assert_eq!(
            ranked[..2].iter().cloned().collect::<BTreeSet<_>>(),
            set(&["ty-y", "ty-i"]),
            "{query}: {ranked:?}"
        );
        assert_eq!(
            corpus.found(&format!("\"{query}\"")),
            set(&["ty-y", "ty-i"])
        );
    }
    for query in ["ty dong", "ti dong"] {
        assert_eq!(
            corpus.found(query),
            set(&["ty-y", "ty-i", "ty-other"]),
            "{query}"
        );
    }
}

#[test]
fn a_tone_mark_typed_on_the_wrong_vowel_is_found_by_the_right_spelling() {
    let corpus = Corpus::build();
    for query in [
        "\"Đảm bảo chất lượng phòng thí nghiệm hóa học\"",
        "\"Ðảm baỏ chất lựơng phòng thí nghịêm hoá học\"",
        "Đảm bảo chất lượng",
        "nghiệm",
    ] {
        assert_eq!(corpus.ranked(query), ["tone-1"], "{query}");
    }
    for query in ["\"đại diện\"", "đại diện", "\"đaị diện\"", "dai dien"] {
        assert_eq!(corpus.ranked(query), ["tone-2"], "{query}");
    }
}

#[test]
fn words_that_only_look_alike_stay_apart() {
    let corpus = Corpus::build();
    for (query, ids) in [
        ("tay", &["hand"][..]),
        ("tai", &["ear"]),
        ("tuy", &["though"]),
        ("tui", &["bag"]),
        ("mai", &["tomorrow"]),
        ("may", &["luck"]),
        ("Vy", &["name"]),
        ("vi phạm", &["violate"]),
    ] {
        assert_eq!(corpus.found(query), set(ids), "{query}");
    }
}

#[test]
fn highlights_mark_the_spelling_the_article_uses() {
    let corpus = Corpus::build();
    let marked_in = |query: &str, id: &str| -> Vec<String> {
        let response = corpus.search(query);
        let hit = response["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("{query}: no {id}"))
            .clone();
        let mut marked = Vec::new();
        for snippet in hit["snippets"].as_array().unwrap() {
            let chars: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
            for range in snippet["highlights"].as_array().unwrap() {
                let (a, b) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
                marked.push(chars[a as usize..b as usize].iter().collect());
            }
        }
        marked
    };
    let words = |marked: Vec<String>| -> Vec<String> {
        marked
            .iter()
            .flat_map(|m| m.split(' ').map(str::to_owned).collect::<Vec<_>>())
            .collect()
    };
    assert_eq!(words(marked_in("tỷ đồng", "ty-i")), ["tỉ", "đồng"]);
    assert_eq!(words(marked_in("ti dong", "ty-y")), ["tỷ", "đồng"]);
    assert_eq!(words(marked_in("đại diện", "tone-2")), ["đaị", "diện"]);
    assert_eq!(
        words(marked_in("chất lượng phòng thí nghiệm", "tone-1")),
        ["chất", "lựơng", "phòng", "thí", "nghịêm"]
    );
}
