//! End-to-end search over the sample corpus, through the real binary and a real index.

mod common;

use common::{seed_numbers, Fixture};
use std::collections::BTreeSet;

fn set(ids: &[String]) -> BTreeSet<String> {
    ids.iter().cloned().collect()
}

#[test]
fn resolution_query_ranks_the_three_citing_seeds_first() {
    let f = Fixture::seeds();
    let expected: BTreeSet<String> = ["001", "002", "003"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for query in ["Nghị quyết Trung ương 4", "nghi quyet trung uong 4"] {
        let ranked = f.ranked(query, &[]);
        assert!(ranked.len() >= 3, "{query}: {ranked:?}");
        assert_eq!(set(&ranked[..3]), expected, "{query}: {ranked:?}");
    }
}

#[test]
fn province_spellings_find_the_hoa_binh_seed_first() {
    let f = Fixture::seeds();
    for query in ["Hoà Bình", "Hòa Bình", "hoa binh", "HOÀ BÌNH"] {
        assert_eq!(
            f.ranked(query, &[]).first().map(String::as_str),
            Some("004"),
            "{query}"
        );
    }
}

#[test]
fn eth_and_d_stroke_are_one_letter() {
    let f = Fixture::seeds();
    let with_eth = f.ranked("Ðảng", &[]);
    assert_eq!(with_eth, f.ranked("Đảng", &[]));
    assert_eq!(with_eth.len(), 5);
}

#[test]
fn compound_words_and_phrases() {
    let f = Fixture::seeds();
    assert_eq!(
        f.ranked("tinh giản biên chế", &[])
            .first()
            .map(String::as_str),
        Some("002")
    );
    assert_eq!(f.ranked("Búa liềm vàng", &[]), ["002"]);
    assert_eq!(f.ranked("\"Búa liềm vàng\"", &[]), ["002"]);
}

#[test]
fn numbers_and_document_symbols_are_findable() {
    let f = Fixture::seeds();
    assert_eq!(f.ranked("20.777", &[]), ["000"]);
    assert_eq!(f.ranked("05-KL/BTCTW", &[]), ["002"]);
    assert_eq!(f.ranked("35-CT/TW", &[]), ["002"]);
    // "2020-2025" and "2020 - 2025" alike, in the three seeds that hold the term of office.
    let mut term = f.ranked("2020-2025", &[]);
    term.sort();
    assert_eq!(term, ["000", "001", "004"]);
}

#[test]
fn boilerplate_is_not_indexed_and_exit_status_follows_grep() {
    let f = Fixture::seeds();
    for query in [
        "captcha",
        "Phản hồi",
        "\"Các tin khác\"",
        "DetailController",
        "\"Bài cùng chuyên mục\"",
    ] {
        let out = f.run(&["search", query]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{query}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    assert_eq!(f.run(&["search", "Đảng"]).status.code(), Some(0));
    let missing = assert_cmd::Command::cargo_bin("vnsearch")
        .unwrap()
        .args(["--index", "/nonexistent/vnsearch-index", "search", "Đảng"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("vnsearch index"), "{stderr}");
}

#[test]
fn accented_queries_prefer_exact_diacritics() {
    let f = Fixture::seeds();
    let ranked = f.ranked("hòa", &[]);
    // 000 ("Khánh Hòa") and 004 ("Hoà Bình") hold "hòa"; the others only "hóa".
    assert_eq!(
        set(&ranked[..2]),
        set(&["000".into(), "004".into()]),
        "{ranked:?}"
    );
    assert_eq!(ranked.len(), 5);
}

#[test]
fn query_syntax_operators() {
    let f = Fixture::seeds();
    assert_eq!(f.ranked("Búa liềm vàng OR 20.777", &[]).len(), 2);
    let without = f.ranked("Nghị quyết Trung ương 4 -Lạng", &[]);
    assert!(!without.contains(&"001".to_string()), "{without:?}");
    assert_eq!(f.ranked("title:\"Hải Phòng\"", &[]), ["003"]);
    // An unbalanced quote falls back to the plain words instead of failing.
    let response = f.search_json("\"Búa liềm vàng", &[]);
    assert_eq!(response["fallback"], true);
    assert_eq!(seed_numbers(&response), ["002"]);
}

#[test]
fn json_highlights_point_at_the_matched_text() {
    let f = Fixture::seeds();
    for query in ["nghi quyet", "Nghị quyết Trung ương 4", "Búa liềm vàng"] {
        let response = f.search_json(query, &[]);
        assert!(response["total"].as_u64().unwrap() > 0);
        assert!(response["took_ms"].as_f64().is_some());
        assert_eq!(response["query"], query);
        let folded_query = vnsearch::text::fold(&query.to_lowercase());
        for hit in response["hits"].as_array().unwrap() {
            for key in ["id", "path", "title", "score"] {
                assert!(!hit[key].is_null(), "{key} missing in {hit}");
            }
            let snippets = hit["snippets"].as_array().unwrap();
            assert!((1..=3).contains(&snippets.len()));
            for snippet in snippets {
                let chars: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
                for range in snippet["highlights"].as_array().unwrap() {
                    let (a, b) = (
                        range[0].as_u64().unwrap() as usize,
                        range[1].as_u64().unwrap() as usize,
                    );
                    let marked: String = chars[a..b].iter().collect();
                    let folded = vnsearch::text::fold(&marked.to_lowercase());
                    assert!(
                        folded
                            .split(' ')
                            .all(|w| folded_query.split(' ').any(|q| q == w)),
                        "{query}: highlight {marked:?} is not a query word"
                    );
                }
            }
        }
    }
}

#[test]
fn plain_output_marks_highlights_and_respects_no_color() {
    let f = Fixture::seeds();
    let out = f.run(&["search", "Búa liềm vàng"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("**Búa liềm vàng**"), "{text}");
    assert!(!text.contains('\x1b'), "no escape codes when piped");
    let coloured = f.run(&["--color", "always", "search", "Búa liềm vàng"]);
    assert!(String::from_utf8(coloured.stdout)
        .unwrap()
        .contains("\x1b[1m\x1b[33mBúa liềm vàng\x1b[0m"));
}

#[test]
fn first_search_builds_the_index_from_the_corpus() {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir(work.path().join("corpus")).unwrap();
    for entry in std::fs::read_dir(common::corpus()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            work.path().join("corpus").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    let run = || {
        assert_cmd::Command::cargo_bin("vnsearch")
            .unwrap()
            .current_dir(work.path())
            .env_remove("VNSEARCH_INDEX")
            .args(["search", "Búa liềm vàng"])
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(first.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("built"), "{stderr}");
    assert!(work.path().join(".vnsearch").is_dir());
    let second = run();
    assert_eq!(second.status.code(), Some(0));
    assert!(second.stderr.is_empty(), "no rebuild the second time");
}

#[test]
fn index_env_variable_names_the_index() {
    let f = Fixture::seeds();
    let out = assert_cmd::Command::cargo_bin("vnsearch")
        .unwrap()
        .env("VNSEARCH_INDEX", f.index_dir())
        .args(["search", "--json", "20.777"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seed_numbers(&value), ["000"]);
}
