//! People named with an office, through the real binary over the sample corpus: the `person`
//! and `role` facets, `--person` in any spelling (flag, batch line), the JSON `people` of a hit
//! and the error for a name that is not one. The extractor's precision and recall on the
//! hand-labelled sample are measured by `cargo test --lib extract::people_sample`.

mod common;

use common::{facet_counts, hit_ids, seed_numbers, Fixture};
use serde_json::{json, Value};

fn facet(f: &Fixture, field: &str) -> Vec<(String, u64)> {
    let out = f.run(&["facets", "--field", field, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    facet_counts(&serde_json::from_slice(&out.stdout).unwrap(), field)
}

fn counts(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(v, n)| (v.to_string(), *n)).collect()
}

#[test]
fn the_person_and_role_facets_count_the_officials_of_the_sample_corpus() {
    let f = Fixture::seeds();
    assert_eq!(
        facet(&f, "person"),
        counts(&[
            ("Hoàng Văn Nghiệm", 1),
            ("Huỳnh Công Lập", 1),
            ("Lê Tiến Châu", 1),
            ("Nguyễn Phi Long", 1),
            ("Nguyễn Quang Dương", 1),
            ("Ngô Chí Cường", 1),
            ("Phan Thăng An", 1),
            ("Phạm Minh Tấn", 1),
            ("Đào Trọng Đức", 1),
        ])
    );
    assert_eq!(
        facet(&f, "role"),
        counts(&[
            ("Phó Bí thư", 3),
            ("Bí thư", 2),
            ("Phó Trưởng Ban Tổ chức", 2),
            ("Trưởng Ban Tổ chức", 1),
        ])
    );
    // Asked for by name beside the hits, and not among the default dimensions.
    let response = f.search_json("", &["--facets", "person,role"]);
    let names: Vec<&String> = response["facets"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["person", "role"]);
    let response = f.search_json("", &["--facets"]);
    assert!(response["facets"].get("person").is_none());
    // A query right after a bare --facets is read as its list: the error says where it goes.
    let out = f.run(&["search", "--facets", "Đảng"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        "vnsearch: error: bad field \"Đảng\": use one of region, province, year, resolution, \
         category, month, person, role (--facets takes an optional list: put the query before \
         it, or after --)"
    );
}

#[test]
fn a_person_is_found_in_any_spelling() {
    let f = Fixture::seeds();
    for spelling in ["ngo chi cuong", "Ngô Chí Cường", "NGÔ  CHÍ CƯỜNG"] {
        let response = f.search_json("", &["--person", spelling]);
        assert_eq!(seed_numbers(&response), ["002"], "{spelling}");
        assert_eq!(response["filters"]["person"], json!(["ngo chi cuong"]));
    }
    // Two people: an article must name both.
    let both = ["--person", "le tien chau", "--person", "Đào Trọng Đức"];
    assert_eq!(f.ranked("", &both), ["003"]);
    assert_eq!(
        f.ranked(
            "",
            &["--person", "le tien chau", "--person", "ngo chi cuong"]
        ),
        Vec::<String>::new()
    );
    // With a query, and through a batch line.
    assert_eq!(f.ranked("Đắk Lắk", &["--person", "pham minh tan"]), ["000"]);
    let out = f
        .cmd()
        .args(["search", "--batch", "-", "--snippets", "0"])
        .write_stdin("{\"query\": \"\", \"person\": \"nguyen phi long\"}\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seed_numbers(&answer), ["004"]);
}

#[test]
fn a_hit_lists_its_people_with_role_and_body() {
    let f = Fixture::seeds();
    let response = f.search_json("", &["--person", "huynh cong lap", "--fields", "id,people"]);
    assert_eq!(
        response["hits"][0]["people"],
        json!([
            {
                "name": "Ngô Chí Cường",
                "role": "Phó Bí thư",
                "role_as_written": "Phó Bí thư Thường trực Tỉnh ủy Trà Vinh",
                "body": "Tỉnh ủy Trà Vinh"
            },
            {
                "name": "Huỳnh Công Lập",
                "role": "Phó Trưởng Ban Tổ chức",
                "role_as_written": "Phó Trưởng Ban Tổ chức Tỉnh ủy Trà Vinh",
                "body": "Ban Tổ chức Tỉnh ủy Trà Vinh"
            }
        ])
    );
}

#[test]
fn a_name_that_is_not_a_full_name_is_one_clear_error() {
    let f = Fixture::seeds();
    let out = f.run(&["search", "--person", "Cường", "Đảng"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad person \"Cường\": give the full name"),
        "{stderr}"
    );
}

#[test]
fn the_http_api_takes_person_and_counts_people() {
    let f = Fixture::seeds();
    let server = common::server::serve_index(&f.index_dir(), &[]);
    let answer = server.get_pairs(
        "/api/search",
        &[
            ("q", ""),
            ("person", "nguyen quang duong"),
            ("facets", "person,role"),
        ],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let body = answer.json();
    assert_eq!(seed_numbers(&body), ["003"]);
    assert_eq!(
        body["facets"]["role"],
        json!([
            {"value": "Bí thư", "path": ["Bí thư"], "count": 1},
            {"value": "Phó Trưởng Ban Tổ chức", "path": ["Phó Trưởng Ban Tổ chức"], "count": 1},
            {"value": "Trưởng Ban Tổ chức", "path": ["Trưởng Ban Tổ chức"], "count": 1}
        ])
    );
    let answer = server.get_pairs(
        "/api/facets",
        &[("field", "person"), ("person", "NGÔ CHÍ CƯỜNG")],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let names: Vec<String> = answer.json()["facets"]["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Huỳnh Công Lập", "Ngô Chí Cường"]);
    let answer = server.get_pairs("/api/search", &[("q", "Đảng"), ("person", "Cường")]);
    assert_eq!(answer.status, 400, "{}", answer.text());
}

/// One official whose name the articles spell two ways (i/y): one facet value, in the spelling
/// most articles use, counting every article; `--person` in either spelling finds them all.
const TWO_SPELLINGS: &str = r#"{"id": "s1", "title": "Hội nghị Tỉnh ủy", "body": "Đồng chí Phạm Sĩ Quý, Bí thư Tỉnh ủy, phát biểu chỉ đạo hội nghị.", "published": "2024-03-02"}
{"id": "s2", "title": "Kiểm tra công tác cán bộ", "body": "Đoàn công tác do đồng chí Phạm Sỹ Quý, Bí thư Tỉnh ủy, làm trưởng đoàn đã làm việc với huyện.", "published": "2024-04-10"}
{"id": "s3", "title": "Tổng kết năm", "body": "Phát biểu tại hội nghị, đồng chí Phạm Sỹ Quý, Bí thư Tỉnh ủy, đánh giá cao kết quả năm qua.", "published": "2024-12-20"}
"#;

#[test]
fn spellings_of_one_person_count_as_one_facet_value() {
    let f = Fixture::with_files(&[("news.jsonl", TWO_SPELLINGS)]);
    assert_eq!(facet(&f, "person"), counts(&[("Phạm Sỹ Quý", 3)]));
    for spelling in ["Phạm Sĩ Quý", "Phạm Sỹ Quý"] {
        let response = f.search_json("", &["--person", spelling, "--sort", "date"]);
        assert_eq!(hit_ids(&response), ["s3", "s2", "s1"], "{spelling}");
    }
}
