//! `vnsearch trend` and `GET /api/trend` through the real binary: counts per period that agree
//! with `search --year` and `--from/--to` exactly, articles in no period counted apart, rates,
//! provinces, the chart, errors, and the JSON shape.

mod common;

use common::schema::assert_valid;
use common::server::{serve_index, with_query};
use common::Fixture;
use serde_json::{json, Value};

/// Five records: January and March 2016, one known only by its year (2016, a guess from the
/// text), one undated, February 2017; two name Hải Phòng.
const DATED: &str = r#"{"id": "r1", "title": "Đảng bộ xã họp tháng Một", "body": "Đảng bộ xã họp bàn công tác đầu năm.", "published": "2016-01-10"}
{"id": "r2", "title": "Đảng bộ quận sơ kết quý I", "body": "Đảng bộ quận Lê Chân, thành phố Hải Phòng sơ kết quý I.", "published": "2016-03-05"}
{"id": "r3", "title": "Đảng bộ phấn đấu", "body": "Năm 2016 đạt ... mục tiêu đến năm 2030, tầm nhìn 2045, nhiệm kỳ 2015 - 2020"}
{"id": "r4", "title": "Đảng bộ không ghi ngày", "body": "Không có năm nào, 1.722 lượt."}
{"id": "r5", "title": "Đảng bộ Hải Phòng ra quân", "body": "Đảng bộ thành phố Hải Phòng ra quân đầu xuân.", "published": "2017-02-01"}
"#;

fn dated() -> Fixture {
    Fixture::with_files(&[("dated.jsonl", DATED)])
}

fn total(f: &Fixture, query: &str, extra: &[&str]) -> u64 {
    let mut args = vec!["search", "--json", "--limit", "0"];
    args.extend_from_slice(extra);
    args.extend(["--", query]);
    let out = f.run(&args);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!("{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    });
    value["total"].as_u64().unwrap()
}

fn trend(f: &Fixture, query: &str, extra: &[&str]) -> Value {
    let mut args = vec!["trend", "--json"];
    args.extend_from_slice(extra);
    args.extend(["--", query]);
    let value = f.json(&args, 0);
    assert_valid("trend_response", &value);
    value
}

fn periods(value: &Value) -> Vec<(String, u64)> {
    value["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap().to_owned(),
                p["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn owned(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|(p, n)| (p.to_string(), *n)).collect()
}

#[test]
fn years_and_months_of_the_seeds_with_what_no_period_holds() {
    let f = Fixture::seeds();
    let by_year = trend(&f, "Đảng", &[]);
    // 002 (2019), 004 (2022) and 003 (2023) have page dates; 000 and 001 only guesses.
    assert_eq!(
        periods(&by_year),
        owned(&[
            ("2019", 1),
            ("2020", 0),
            ("2021", 0),
            ("2022", 1),
            ("2023", 1)
        ])
    );
    assert_eq!(
        (&by_year["undated"], &by_year["guessed"], &by_year["total"]),
        (&json!(0), &json!(2), &json!(5))
    );
    let guessed = trend(&f, "Đảng", &["--guessed-dates"]);
    assert_eq!(
        periods(&guessed),
        owned(&[
            ("2019", 1),
            ("2020", 1),
            ("2021", 0),
            ("2022", 1),
            ("2023", 2)
        ])
    );
    assert!(guessed.get("guessed").is_none());
    let by_month = trend(&f, "Đảng", &["--by", "month", "--year", "2023"]);
    assert_eq!(periods(&by_month), owned(&[("2023-06", 1)]));
    assert_eq!(by_month["year_only"], json!([]));
    // A date filter uses certain and likely dates only: 000's guessed 2023 is not in it.
    assert_eq!(
        (&by_month["guessed"], &by_month["total"]),
        (&json!(0), &json!(1))
    );
    // Every month from July 2019 to June 2023, zeros included.
    let all_months = trend(&f, "Đảng", &["--by", "month"]);
    let months = periods(&all_months);
    assert_eq!(months.len(), 48);
    assert_eq!(
        months
            .iter()
            .filter(|(_, n)| *n > 0)
            .cloned()
            .collect::<Vec<_>>(),
        owned(&[("2019-07", 1), ("2022-11", 1), ("2023-06", 1)])
    );
}

/// The issue's rule: each period's count is the total `search` gives for it.
#[test]
fn every_count_is_the_total_search_gives_for_its_period() {
    let f = Fixture::seeds();
    for query in ["Đảng", "Nghị quyết Trung ương 4", "Hải Phòng"] {
        for guessed in [false, true] {
            let extra: &[&str] = if guessed { &["--guessed-dates"] } else { &[] };
            let years = trend(&f, query, extra);
            let mut in_years = 0;
            for (year, n) in periods(&years) {
                let mut args = vec!["--year", year.as_str()];
                args.extend_from_slice(extra);
                assert_eq!(total(&f, query, &args), n, "{query} {year} {extra:?}");
                in_years += n;
            }
            let apart = years["undated"].as_u64().unwrap()
                + years.get("guessed").map_or(0, |g| g.as_u64().unwrap());
            assert_eq!(in_years + apart, total(&f, query, &[]), "{query} {extra:?}");
            assert_eq!(years["total"].as_u64().unwrap(), total(&f, query, &[]));
            let months = trend(&f, query, &[&["--by", "month"], extra].concat());
            for (month, n) in periods(&months) {
                let mut args = vec!["--from", month.as_str(), "--to", month.as_str()];
                args.extend_from_slice(extra);
                assert_eq!(total(&f, query, &args), n, "{query} {month} {extra:?}");
            }
        }
    }
}

#[test]
fn a_bare_year_is_in_its_year_and_in_no_month() {
    let f = dated();
    let months = trend(&f, "Đảng bộ", &["--by", "month", "--guessed-dates"]);
    let found = periods(&months);
    assert_eq!(found.len(), 14, "January 2016 to February 2017");
    assert_eq!(
        found
            .iter()
            .filter(|(_, n)| *n > 0)
            .cloned()
            .collect::<Vec<_>>(),
        owned(&[("2016-01", 1), ("2016-03", 1), ("2017-02", 1)])
    );
    assert_eq!(months["year_only"], json!([{"period": "2016", "count": 1}]));
    assert_eq!(
        (&months["undated"], &months["total"]),
        (&json!(1), &json!(5))
    );
    // Search agrees: the bare 2016 is in 2016 and in the whole of 2016, not in its January.
    let g = ["--guessed-dates"];
    assert_eq!(
        total(&f, "Đảng bộ", &[&["--year", "2016"], &g[..]].concat()),
        3
    );
    assert_eq!(
        total(
            &f,
            "Đảng bộ",
            &[&["--from", "2016-01", "--to", "2016-01"], &g[..]].concat()
        ),
        1
    );
    assert_eq!(
        total(
            &f,
            "Đảng bộ",
            &[&["--from", "2016-01-01", "--to", "2016-12-31"], &g[..]].concat()
        ),
        3
    );
    assert_eq!(
        total(&f, "Đảng bộ", &[&["--from", "2016-02"], &g[..]].concat()),
        2,
        "March 2016 and February 2017"
    );
    let years = trend(&f, "Đảng bộ", &["--guessed-dates"]);
    assert_eq!(periods(&years), owned(&[("2016", 3), ("2017", 1)]));
    // Without guesses the bare year is only a guess: counted as such.
    let trusted = trend(&f, "Đảng bộ", &["--by", "month"]);
    assert_eq!(trusted["year_only"], json!([]));
    assert_eq!(
        (&trusted["guessed"], &trusted["undated"]),
        (&json!(1), &json!(1))
    );
}

#[test]
fn rates_per_articles_of_the_period_and_provinces_ranked() {
    let f = dated();
    let rates = trend(&f, "Hải Phòng", &["--per", "1000"]);
    assert_eq!(rates["per"], 1000);
    assert_eq!(
        rates["periods"],
        json!([
            {"period": "2016", "count": 1, "base": 2, "rate": 500.0},
            {"period": "2017", "count": 1, "base": 1, "rate": 1000.0}
        ])
    );
    let provinces = trend(&f, "Đảng bộ", &["--by", "province"]);
    assert_eq!(
        provinces["periods"],
        json!([{"period": "Hải Phòng", "region": "Đồng bằng sông Hồng", "count": 2}])
    );
    assert_eq!(
        (&provinces["unplaced"], &provinces["total"]),
        (&json!(3), &json!(5))
    );
    assert!(provinces.get("undated").is_none());
    // The same count `search --province` gives.
    assert_eq!(total(&f, "Đảng bộ", &["--province", "Hải Phòng"]), 2);
}

#[test]
fn the_chart_for_people_and_errors_for_bad_input() {
    let f = dated();
    let out = f.run(&["trend", "Đảng bộ", "--guessed-dates"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("5 articles matching \"Đảng bộ\", by year ("),
        "{text}"
    );
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], format!("2016  {} 3", "█".repeat(40)));
    // 1 of 3 is 13⅜ cells.
    assert_eq!(
        lines[3],
        format!("2017  {}▍{}1", "█".repeat(13), " ".repeat(27))
    );
    assert_eq!(lines[5], "undated: 1");
    let none = f.run(&["trend", "zzzqqq"]);
    assert_eq!(none.status.code(), Some(1));
    for (args, message) in [
        (
            vec!["trend", "x", "--by", "week"],
            "invalid value 'week' for '--by",
        ),
        (
            vec!["trend", "x", "--per", "0"],
            "bad per \"0\": use a whole number from 1 to 1000000",
        ),
        (
            vec!["trend", "x", "--province", "Ha Noii"],
            "did you mean Hà Nội",
        ),
        (
            vec!["trend", "x", "--from", "2020", "--to", "2019"],
            "is after --to",
        ),
    ] {
        let out = f.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn the_api_answers_as_the_command_does() {
    let f = dated();
    let server = serve_index(&f.index_dir(), &[]);
    let answer = server.get(&with_query(
        "/api/trend",
        &[("q", "Đảng bộ"), ("by", "month"), ("guessed_dates", "true")],
    ));
    assert_eq!(answer.status, 200, "{}", answer.text());
    let mut api = answer.json();
    assert_valid("trend_response", &api);
    let mut cli = trend(&f, "Đảng bộ", &["--by", "month", "--guessed-dates"]);
    api["took_ms"] = json!(0);
    cli["took_ms"] = json!(0);
    assert_eq!(api, cli);
    for (pairs, status, message) in [
        (vec![("q", "x"), ("by", "week")], 400, "bad by \"week\""),
        (
            vec![("q", "x"), ("limit", "3")],
            400,
            "a trend counts every match",
        ),
        (vec![("q", "x"), ("per", "abc")], 400, "bad per"),
        (
            vec![("q", "x"), ("province", "Atlantis")],
            400,
            "unknown province",
        ),
    ] {
        let answer = server.get(&with_query("/api/trend", &pairs));
        assert_eq!(answer.status, status, "{pairs:?}");
        let body = answer.json();
        assert_valid("api_error", &body);
        assert!(body["error"].as_str().unwrap().contains(message), "{body}");
    }
}
