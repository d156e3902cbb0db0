//! Document cards (`vnsearch doc`, `GET /api/doc-card`) and queries that name a document
//! (`search "Quy định 47"`), through the real binary and server.

mod common;

use common::schema::assert_valid;
use common::server::{serve_index, with_query};
use common::{hit_ids, seed_numbers, Fixture};
use serde_json::{json, Value};

/// Two articles cite Quy định 47-QĐ/TW (one only by its symbol, without the words "quy
/// định"), one cites Decree 47/2017 on base pay and speaks of "quy định", one holds the words
/// "quy định" and "47" apart.
const FORTY_SEVEN: &str = r#"{"id": "a1", "title": "Kiểm điểm việc thực hiện những điều đảng viên không được làm", "body": "Chi bộ kiểm điểm việc thực hiện Quy định số 47-QĐ/TW của Ban Chấp hành Trung ương về những điều đảng viên không được làm.", "published": "2017-03-02"}
{"id": "a2", "title": "Nghiêm túc chấp hành kỷ luật Đảng", "body": "Các chi bộ chấp hành nghiêm 47-QĐ/TW về những điều đảng viên không được làm.", "published": "2017-05-10"}
{"id": "b1", "title": "Tăng lương cơ sở từ 1/7", "body": "Chính phủ ban hành Nghị định 47/2017/NĐ-CP quy định mức lương cơ sở 1.300.000 đồng, theo quy định từ ngày 1/7/2017.", "published": "2017-05-01"}
{"id": "b2", "title": "Quy định mới cho các xã khó khăn", "body": "Tỉnh ban hành quy định mới cho 47 xã đặc biệt khó khăn.", "published": "2017-04-01"}
"#;

fn card(f: &Fixture, name: &str, extra: &[&str]) -> Value {
    let mut args = vec!["doc", "--json"];
    args.extend_from_slice(extra);
    args.push(name);
    let value = f.json(&args, 0);
    assert_valid("card_response", &value);
    value
}

fn facets_total(f: &Fixture, resolution: &str, extra: &[&str]) -> u64 {
    let mut args = vec![
        "facets",
        "--json",
        "--field",
        "year",
        "--resolution",
        resolution,
    ];
    args.extend_from_slice(extra);
    let out = f.run(&args);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    value["total"].as_u64().unwrap()
}

#[test]
fn a_card_is_what_the_table_and_the_corpus_say() {
    let f = Fixture::seeds();
    let c = card(&f, "NQ TW4 khóa XII", &[]);
    let d = &c["document"];
    assert_eq!(
        (&d["label"], &d["kind"], &d["symbol"], &d["number"]),
        (
            &json!("NQ TW4 khóa XII"),
            &json!("Nghị quyết"),
            &json!("04-NQ/TW"),
            &json!(4)
        )
    );
    assert_eq!(
        (&d["khoa"], &d["plenum"], &d["date"], &d["issuer"]),
        (
            &json!("XII"),
            &json!(4),
            &json!("2016-10-30"),
            &json!("Trung ương")
        )
    );
    assert!(d["title"]
        .as_str()
        .unwrap()
        .starts_with("Về tăng cường xây dựng, chỉnh đốn Đảng"));
    assert!(d["aliases"]
        .as_array()
        .unwrap()
        .contains(&json!("Nghị quyết Trung ương 4 khóa XII")));
    assert_eq!(d["also"], json!([]));
    // 001, 002 and 003 cite it: as many as `facets --resolution` counts.
    assert_eq!(c["articles"], 3);
    assert_eq!(facets_total(&f, "NQ TW4 khóa XII", &[]), 3);
    // 001's date is a guess: the first and the latest are by certain or likely dates.
    assert_eq!(c["first"]["id"], "002_a8f0a175735bcb91");
    assert_eq!(c["latest"]["id"], "003_b09fdb954b2a7c93");
    assert_eq!(
        c["by_year"],
        json!([
            {"value": "2023", "path": ["2023"], "count": 1},
            {"value": "2019", "path": ["2019"], "count": 1},
            {"value": "undated", "path": ["undated"], "count": 0},
            {"value": "guessed", "path": ["guessed"], "count": 1}
        ])
    );
    assert_eq!(c["by_province"].as_array().unwrap().len(), 13);
    assert_eq!(
        c["cited_with"],
        json!([
            {"label": "NQ TW4 khóa XI", "articles": 3},
            {"label": "CT 05-CT/TW khóa XII", "articles": 2},
            {"label": "NQ TW6 khóa XII", "articles": 2},
            {"label": "NQ Đại hội XIII", "articles": 2},
            {"label": "CT 35-CT/TW khóa XII", "articles": 1},
            {"label": "CTr 04-CTr/TU", "articles": 1},
            {"label": "KL 05-KL/BTCTW khóa XII", "articles": 1},
            {"label": "KL 48-KL/TW khóa XII", "articles": 1},
            {"label": "KL TW4 khóa XIII", "articles": 1},
            {"label": "KL TW5 khóa XIII", "articles": 1}
        ])
    );
    // The same card by its symbol and without diacritics; filters narrow its articles.
    for name in ["04-NQ/TW", "nghi quyet trung uong 4 khoa xii"] {
        assert_eq!(
            card(&f, name, &[])["document"]["label"],
            "NQ TW4 khóa XII",
            "{name}"
        );
    }
    let narrowed = card(&f, "04-NQ/TW", &["--province", "Hải Phòng"]);
    assert_eq!(narrowed["articles"], 1);
    assert_eq!(
        facets_total(&f, "04-NQ/TW", &["--province", "Hải Phòng"]),
        1
    );
}

#[test]
fn documents_outside_the_table_and_unknown_names() {
    let f = Fixture::seeds();
    let c = card(&f, "Quy định 293", &[]);
    assert_eq!(
        (
            &c["document"]["label"],
            &c["document"]["in_table"],
            &c["articles"]
        ),
        (&json!("QĐ 293-QĐ/TW"), &json!(false), &json!(1))
    );
    assert_eq!(c["first"]["id"], "004_8864829e34b5b12f");
    let chi_thi = card(&f, "Chỉ thị 05", &[]);
    assert_eq!(chi_thi["document"]["label"], "CT 05-CT/TW khóa XII");
    assert_eq!(chi_thi["articles"], 2);
    for (name, message) in [
        (
            "Nghị quyết 999",
            "unknown document \"Nghị quyết 999\"; did you mean ",
        ),
        ("zzzz", "unknown document \"zzzz\""),
    ] {
        let out = f.run(&["doc", name]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with(&format!("vnsearch: error: {message}")),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1);
    }
    let out = f.run(&["doc", "--color", "never", "Chỉ thị 05"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "CT 05-CT/TW khóa XII: Chỉ thị số 05-CT/TW, Trung ương, khóa XII, 2016-05-15 — "
        ),
        "{text}"
    );
    assert!(text.contains("\n2 articles cite it\n"), "{text}");
}

#[test]
fn a_query_that_names_a_document_finds_every_article_citing_it_first() {
    let f = Fixture::with_files(&[("news.jsonl", FORTY_SEVEN)]);
    for query in ["Quy định 47", "quy dinh 47", "QĐ 47", "47-QĐ/TW"] {
        let found = f.search_json(query, &[]);
        assert_valid("search_response", &found);
        let mut ranked = hit_ids(&found);
        // Both articles citing it come first, a2 too, which does not hold the words "quy
        // định"; then the decree and the words (in the order of their text scores).
        assert!(ranked.len() >= 2, "{query}: {ranked:?}");
        ranked[..2].sort();
        assert_eq!(ranked[..2], ["a1", "a2"], "{query}: {ranked:?}");
        let documents = found["documents"].as_array().unwrap();
        assert_eq!(documents.len(), 1, "{query}");
        assert_eq!(documents[0]["label"], "QĐ 47-QĐ/TW khóa XI", "{query}");
        assert_eq!(documents[0]["articles"], 2);
        assert_eq!(documents[0]["rest"], "");
    }
    // As typed, a1 holds the words too: it leads.
    assert_eq!(
        hit_ids(&f.search_json("Quy định 47", &[]))[..2],
        ["a1", "a2"]
    );
    // The rest of the query still counts: the widened match needs its words.
    let with_words = f.search_json("Quy định 47 chi bộ", &[]);
    assert_eq!(hit_ids(&with_words), ["a1", "a2"]);
    assert_eq!(with_words["documents"][0]["rest"], "chi bộ");
    let other_words = f.search_json("Quy định 47 lương cơ sở", &[]);
    assert_eq!(hit_ids(&other_words), ["b1"]);
    // Quotes say exactly what they want: no document reading.
    let quoted = f.search_json("\"Quy định 47\"", &[]);
    assert!(quoted.get("documents").is_none());
    // One line on a terminal.
    let out = f.run(&[
        "search",
        "--color",
        "never",
        "--snippets",
        "0",
        "Quy định 47",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let second = text.lines().nth(1).unwrap();
    assert!(
        second.starts_with("read \"Quy định 47\" as QĐ 47-QĐ/TW khóa XI: Quy định số 47-QĐ/TW, Trung ương, khóa XI, 2011-11-01 — Về những điều đảng viên không được làm · cited by 2 articles"),
        "{text}"
    );
}

#[test]
fn seeds_that_cite_a_document_without_its_symbol_are_found_by_it() {
    let f = Fixture::seeds();
    // 002 writes "05-CT/TW"; 001 writes "Chỉ thị 05" beside the Party's words.
    assert_eq!(f.ranked("05-CT/TW", &[]), ["002", "001"]);
    assert_eq!(f.ranked("Quy định 293", &[])[0], "004");
}

#[test]
fn the_api_answers_cards_as_the_command_does() {
    let f = Fixture::seeds();
    let server = serve_index(&f.index_dir(), &[]);
    let answer = server.get(&with_query("/api/doc-card", &[("name", "NQ TW4 khóa XII")]));
    assert_eq!(answer.status, 200, "{}", answer.text());
    let mut api = answer.json();
    assert_valid("card_response", &api);
    let mut cli = card(&f, "NQ TW4 khóa XII", &[]);
    api["took_ms"] = json!(0);
    cli["took_ms"] = json!(0);
    assert_eq!(api, cli);
    let search = server
        .get(&with_query("/api/search", &[("q", "05-CT/TW")]))
        .json();
    assert_eq!(seed_numbers(&search), ["002", "001"]);
    assert_eq!(search["documents"][0]["label"], "CT 05-CT/TW khóa XII");
    for (pairs, message) in [
        (
            vec![("name", "Nghị quyết 999")],
            "unknown document \"Nghị quyết 999\"",
        ),
        (vec![], "bad name \"\""),
        (
            vec![("name", "04-NQ/TW"), ("limit", "3")],
            "a document card takes name and the filters",
        ),
    ] {
        let answer = server.get(&with_query("/api/doc-card", &pairs));
        assert_eq!(answer.status, 400, "{pairs:?}");
        let body = answer.json();
        assert_valid("api_error", &body);
        assert!(body["error"].as_str().unwrap().contains(message), "{body}");
    }
}
