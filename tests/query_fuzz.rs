//! No query string panics: property tests over the whole query path (parse, query building,
//! ranking, snippets, facets) against a real index of the sample corpus.
//!
//! In CI: `query_path_never_panics` (a few thousand cases) and the hand-picked extremes. The
//! long run (≥ 1 million cases) is `#[ignore]`d; how to run it and its last result are in
//! tests/README.md.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use vnsearch::index::store::IndexStore;
use vnsearch::index::writer::{index_paths, IndexOptions};
use vnsearch::search::engine::{Engine, SearchRequest, SortOrder};
use vnsearch::search::facets::Dimension;
use vnsearch::search::query::parse;

mod common;

/// One engine over the five sample articles, shared by every case.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile::TempDir, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("index");
            let mut store = IndexStore::create(&path).unwrap();
            index_paths(
                &mut store,
                &[common::corpus()],
                &IndexOptions::default(),
                |_| {},
            )
            .unwrap();
            let engine = Engine::open(IndexStore::open(&path).unwrap()).unwrap();
            (dir, engine)
        })
        .1
}

/// Pieces a hostile query is made of.
const PIECES: &[&str] = &[
    // words the sample articles hold, with and without diacritics, old tone placement
    "Nghị",
    "quyết",
    "Trung",
    "ương",
    "4",
    "nghi",
    "quyet",
    "Đảng",
    "dang",
    "Hoà",
    "Bình",
    "hòa",
    "tỉnh",
    "ủy",
    "Búa",
    "liềm",
    "vàng",
    "captcha",
    "Hải",
    "Phòng",
    "tinh",
    "giản",
    "35-CT/TW",
    "05-KL/BTCTW",
    "20.777",
    "2020-2025",
    "TP.HCM",
    "Ðảng",
    // the query language, balanced or not
    "\"",
    "“",
    "”",
    "(",
    ")",
    "-",
    "+",
    "OR",
    "AND",
    "NOT",
    "||",
    "&&",
    "--",
    "-(",
    "title:",
    "body:",
    "source:",
    "tieude:",
    "nguồn:",
    "foo:",
    "unknown:",
    ":",
    "title:(",
    "*",
    "?",
    "~",
    "^2",
    "\\",
    "/",
    "[",
    "]",
    "{",
    "}",
    "'",
    "`",
    ",",
    ".",
    "…",
    // what pasting brings
    "\u{0}",
    "\u{7}",
    "\t",
    "\n",
    "\r",
    "\u{1b}[31m",
    "\u{FEFF}",
    "\u{200B}",
    "\u{00A0}",
    "\u{FFFD}",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    // emoji, marks without a base, right-to-left text and controls, other scripts
    "🇻🇳",
    "👍🏽",
    "👨‍👩‍👧",
    "\u{0301}",
    "\u{0323}\u{0309}",
    "\u{0300}\u{0300}\u{0300}",
    "مرحبا",
    "שלום",
    "\u{202E}",
    "\u{200F}",
    "漢字",
    "한국어",
    "ﷺ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zàáảãạăằắâầấđêềếôồốơờớưừứ]{1,6}",
    ]
}

/// A query: hostile pieces joined by spaces or glued together, or arbitrary text.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec((piece(), proptest::bool::weighted(0.7)), 0..24)
            .prop_map(|parts| {
                let mut q = String::new();
                for (p, spaced) in parts {
                    q.push_str(&p);
                    if spaced {
                        q.push(' ');
                    }
                }
                q
            }),
        1 => any::<String>(),
        1 => "\\PC{0,40}",
    ]
}

/// Runs one query through the engine and checks what any answer must satisfy.
fn check(q: &str, sort: SortOrder, facets: bool) -> Result<(), TestCaseError> {
    let parsed = parse(q);
    prop_assert_eq!(&parse(q), &parsed, "parse is not deterministic");
    let request = SearchRequest {
        query: q.to_owned(),
        limit: 3,
        sort,
        facets: if facets {
            vec![Dimension::Year, Dimension::Province, Dimension::Resolution]
        } else {
            Vec::new()
        },
        ..SearchRequest::default()
    };
    let response = engine()
        .search(&request)
        .map_err(|e| TestCaseError::fail(format!("search failed: {e}")))?;
    prop_assert!(response.total <= 5);
    prop_assert!(response.hits.len() <= 3.min(response.total));
    for hit in &response.hits {
        for snippet in &hit.snippets {
            let chars = snippet.text.chars().count();
            for [start, end] in &snippet.highlights {
                prop_assert!(
                    start < end && *end <= chars,
                    "bad highlight in {:?}",
                    snippet
                );
            }
        }
    }
    Ok(())
}

fn cases(default: u32) -> u32 {
    std::env::var("VNSEARCH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn run(cases: u32) {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let strategy = (
        query(),
        prop_oneof![
            Just(SortOrder::Relevance),
            Just(SortOrder::Date),
            Just(SortOrder::DateAsc)
        ],
        proptest::bool::weighted(0.2),
    );
    let started = std::time::Instant::now();
    TestRunner::new(config)
        .run(&strategy, |(q, sort, facets)| check(&q, sort, facets))
        .unwrap();
    println!("{cases} queries, no panic, in {:.1?}", started.elapsed());
}

#[test]
fn query_path_never_panics() {
    run(cases(3_000));
}

/// The documented long run: `VNSEARCH_FUZZ_CASES=1000000 cargo test --release --test
/// query_fuzz -- --ignored --nocapture`.
#[test]
#[ignore]
fn query_path_never_panics_long_run() {
    run(cases(1_000_000));
}

#[test]
fn extreme_queries() {
    let long_word = "nghị".repeat(2_500);
    let long_words = "Nghị quyết Trung ương ".repeat(500);
    let long_quote = format!("\"{}", "tinh giản ".repeat(1_000));
    let opens = "(".repeat(10_000);
    let nested = format!("{}Đảng{}", "(".repeat(5_000), ")".repeat(5_000));
    let nots = "NOT ".repeat(2_500);
    let minuses = "-".repeat(10_000);
    let ors = "a OR ".repeat(2_000);
    let scopes = "title:".repeat(1_700);
    let marks = "\u{0301}".repeat(10_000);
    let emoji = "👍🏽".repeat(2_600);
    let rtl = "\u{202E}مرحبا ".repeat(1_500);
    let controls: String = (0u8..32).map(char::from).cycle().take(10_000).collect();
    for q in [
        long_word, long_words, long_quote, opens, nested, nots, minuses, ors, scopes, marks, emoji,
        rtl, controls,
    ] {
        assert!(q.chars().count() >= 5_000, "{}", q.chars().count());
        check(&q, SortOrder::Relevance, true).unwrap();
    }
}

/// Found by the long run: an excluded phrase or symbol tripped a debug assertion inside
/// tantivy (issue #2811). The answers must be exact, not just free of panics.
#[test]
fn excluded_phrases_and_symbols_exclude_exactly() {
    let ids = |q: &str| -> Vec<String> {
        let request = SearchRequest {
            query: q.to_owned(),
            limit: 10,
            ..SearchRequest::default()
        };
        let mut ids: Vec<String> = engine()
            .search(&request)
            .unwrap()
            .hits
            .iter()
            .map(|h| h.meta.id[..3].to_owned())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("\"Búa liềm\""), ["002"]);
    assert_eq!(ids("35-CT/TW"), ["002"]);
    assert_eq!(ids("Đảng"), ["000", "001", "002", "003", "004"]);
    for q in [
        "Đảng -\"Búa liềm\"",
        "-\"Búa liềm\"",
        "-35-CT/TW",
        "Đảng NOT (Búa liềm)",
    ] {
        assert_eq!(ids(q), ["000", "001", "003", "004"], "{q}");
    }
}
