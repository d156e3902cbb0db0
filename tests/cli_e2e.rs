//! The command line as scripts and people meet it: the documented JSON shape, `--batch`,
//! `--fields`, paging and sorting, exit statuses, errors, colour, help and completions.

mod common;

use common::schema::{assert_valid, validator};
use common::{seed_numbers, Fixture};
use serde_json::Value;

/// Every stdout line parsed as JSON; fails on any line that is not.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    let text = std::str::from_utf8(stdout).expect("stdout is UTF-8");
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}: {line}", i + 1))
        })
        .collect()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ids(hits: &Value) -> Vec<String> {
    hits.as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().unwrap()[..3].to_owned())
        .collect()
}

#[test]
fn every_json_output_matches_the_documented_shape() {
    let f = Fixture::seeds();
    let response = f.search_json(
        "Nghị quyết Trung ương 4",
        &["--facets", "--province", "Hải Phòng", "--from", "2019"],
    );
    assert_eq!(seed_numbers(&response), ["003"]);
    assert_valid("search_response", &response);

    let none = f.search_json("zzzzqqq", &[]);
    assert_eq!(none["total"], 0);
    assert_valid("search_response", &none);

    let out = f.run(&["search", "--jsonl", "Hòa Bình"]);
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_valid("jsonl_hit", line);
    }

    let out = f.run(&["facets", "--json", "--field", "resolution"]);
    assert_valid(
        "facets_response",
        &serde_json::from_slice(&out.stdout).unwrap(),
    );
    let out = f.run(&["show", "--json", "004_8864829e34b5b12f"]);
    assert_valid(
        "show_article",
        &serde_json::from_slice(&out.stdout).unwrap(),
    );
    let out = f.run(&["stats", "--json"]);
    assert_valid("stats", &serde_json::from_slice(&out.stdout).unwrap());

    // The schema is strict enough to catch a broken shape, so this test can fail.
    let mut broken = response.clone();
    broken["hits"][0]["score"] = Value::String("high".into());
    assert!(!validator("search_response").is_valid(&broken));
    let mut extra = response.clone();
    extra["undocumented"] = Value::Bool(true);
    assert!(!validator("search_response").is_valid(&extra));
}

/// 200 lines mixing good queries, JSON requests, and lines that must fail one by one.
fn mixed_batch() -> (Vec<u8>, Vec<usize>) {
    let good = [
        "Nghị quyết Trung ương 4",
        "nghi quyet trung uong 4",
        r#"{"query": "Hòa Bình", "limit": 1, "tag": "hb"}"#,
        r#"{"query": "Đảng", "province": "Lạng Sơn", "snippets": 0}"#,
        r#"{"query": "tinh giản biên chế", "sort": "date", "year": 2023, "guessed_dates": true}"#,
        "zzzzqqq",
        r#"{"query": "", "resolution": "Nghị quyết Trung ương 4", "facets": true}"#,
        r#""Búa liềm vàng" -captcha"#,
    ];
    let bad: [&[u8]; 6] = [
        r#"{"query": "Đảng", "provence": "Huế"}"#.as_bytes(),
        r#"{"query": "Đảng", "province": "Hà Nộii"}"#.as_bytes(),
        r#"{"query": "Đảng", "from": "2019-02-30"}"#.as_bytes(),
        r#"{"query": "Đảng""#.as_bytes(),
        b"\xffbad bytes\xfe",
        br#"{"query": ["not", "a", "string"]}"#,
    ];
    let mut input = Vec::new();
    let mut bad_lines = Vec::new();
    for line_no in 1..=200 {
        if line_no % 7 == 0 {
            input.extend_from_slice(bad[(line_no / 7) % bad.len()]);
            bad_lines.push(line_no);
        } else {
            input.extend_from_slice(good[line_no % good.len()].as_bytes());
        }
        input.extend_from_slice(if line_no % 2 == 0 { b"\r\n" } else { b"\n" });
    }
    (input, bad_lines)
}

#[test]
fn a_batch_of_200_mixed_lines_from_stdin_answers_every_line_in_order() {
    let f = Fixture::seeds();
    let (input, bad_lines) = mixed_batch();
    let out = f
        .cmd()
        .args(["search", "--batch", "-", "--snippets", "1"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a failed line makes the batch exit 2"
    );
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 200, "one record for every line");
    for (i, record) in records.iter().enumerate() {
        let line_no = i + 1;
        assert_eq!(record["line"], line_no, "records come in input order");
        if bad_lines.contains(&line_no) {
            assert!(record["error"].is_string(), "line {line_no}: {record}");
            assert_valid("batch_error", record);
        } else {
            assert!(record.get("error").is_none(), "line {line_no}: {record}");
            assert_valid("batch_answer", record);
        }
    }
    let errors: Vec<&str> = bad_lines[..6]
        .iter()
        .map(|&n| records[n - 1]["error"].as_str().unwrap())
        .collect();
    // Lines 7, 14, …, 42 cycle through the six kinds of bad line, starting at the second.
    assert!(errors[0].contains("did you mean Hà Nội"), "{}", errors[0]);
    assert!(
        errors[1].contains("bad date \"2019-02-30\""),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].contains("not a valid JSON request"),
        "{}",
        errors[2]
    );
    assert!(errors[3].contains("not valid UTF-8"), "{}", errors[3]);
    assert!(errors[4].contains("invalid type"), "{}", errors[4]);
    assert!(
        errors[5].contains("unknown field `provence`"),
        "{}",
        errors[5]
    );
    assert_eq!(records[0]["query"], "nghi quyet trung uong 4");
    assert_eq!(ids(&records[7]["hits"]), ["003", "002", "001", "004"]);

    // Each answer is the answer the single search gives.
    let single: Value = serde_json::from_slice(
        &f.run(&["search", "--json", "--limit", "1", "Hòa Bình"])
            .stdout,
    )
    .unwrap();
    let batch = &records[1];
    assert_eq!(batch["tag"], "hb");
    assert_eq!(batch["total"], single["total"]);
    assert_eq!(ids(&batch["hits"]), ids(&single["hits"]));
    let lang_son = &records[2];
    assert_eq!(ids(&lang_son["hits"]), ["001"]);
    assert_eq!(lang_son["hits"][0]["snippets"], Value::Array(vec![]));
    assert_eq!(
        ids(&records[3]["hits"]),
        ["000", "003"],
        "2023 only (000's date is a guess, asked for), newest first"
    );
    assert_eq!(records[4]["total"], 0);
    let cited = &records[5];
    let mut citing = ids(&cited["hits"]);
    citing.sort();
    assert_eq!(citing, ["001", "002", "003"]);
    assert_eq!(cited["total"], 3);
    assert!(cited["facets"]["year"].is_array());
    assert_eq!(records[14]["query"], "\"Búa liềm vàng\" -captcha");
    assert_eq!(ids(&records[14]["hits"]), ["002"]);

    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("vnsearch: 28 of 200 batch lines failed (first: line 7:"),
        "{err}"
    );
}

#[test]
fn a_batch_file_of_good_lines_exits_0_even_with_lines_without_hits() {
    let f = Fixture::seeds();
    let file = f.dir.path().join("queries.txt");
    std::fs::write(&file, "# topics\nHải Phòng\n\nzzzzqqq\n").unwrap();
    let out = f.run(&[
        "search",
        "--batch",
        file.to_str().unwrap(),
        "--fields",
        "id",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty());
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 2, "comments and blank lines are skipped");
    assert_eq!(records[0]["line"], 2);
    assert_eq!(records[1]["line"], 4);
    assert_eq!(ids(&records[0]["hits"]), ["003", "002"]);
    assert_eq!(
        records[0]["hits"][0].as_object().unwrap().len(),
        1,
        "--fields id"
    );

    let missing = f.run(&["search", "--batch", "/no/such/queries.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(stderr(&missing).lines().count(), 1);
    assert!(stderr(&missing).contains("cannot read batch file /no/such/queries.txt"));
}

#[test]
fn fields_trim_hits_in_json_and_jsonl() {
    let f = Fixture::seeds();
    let response = f.search_json("Hải Phòng", &["--fields", "id,date,score"]);
    for hit in response["hits"].as_array().unwrap() {
        let keys: Vec<&String> = hit.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["score", "id", "date"]);
    }
    let out = f.run(&["search", "--jsonl", "--fields", "title", "Hải Phòng"]);
    for line in json_lines(&out.stdout) {
        let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["title", "query", "version"]);
    }
    let unknown = f.run(&["search", "--json", "--fields", "id,provence", "Đảng"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown hit field \"provence\""));
    let human = f.run(&["search", "--fields", "id", "Đảng"]);
    assert_eq!(human.status.code(), Some(2));
    assert!(stderr(&human).contains("add --json, --jsonl or --batch"));
}

#[test]
fn pages_join_up_to_the_full_ranking_and_sorts_follow_dates() {
    let f = Fixture::seeds();
    let page = |limit: &str, offset: &str| -> Value {
        let out = f.run(&[
            "search", "--json", "--limit", limit, "--offset", offset, "Đảng",
        ]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let full = page("10", "0");
    assert_eq!(full["total"], 5);
    let mut paged = Vec::new();
    for offset in ["0", "2", "4"] {
        let part = page("2", offset);
        assert_eq!(part["total"], 5, "total counts every match on every page");
        paged.extend(ids(&part["hits"]));
    }
    assert_eq!(paged, ids(&full["hits"]));
    let beyond = page("10", "5");
    assert_eq!(beyond["hits"], Value::Array(vec![]));

    assert_eq!(
        seed_numbers(&f.search_json("Đảng", &["--sort", "date"])),
        ["000", "003", "004", "001", "002"]
    );
    assert_eq!(
        seed_numbers(&f.search_json("Đảng", &["--sort=-date"])),
        ["002", "001", "004", "003", "000"]
    );

    // People are told there is more, never cut off silently.
    let out = f.run(&["search", "Đảng", "--limit", "2"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("5 hits for \"Đảng\", showing 1–2"), "{text}");
    assert!(
        text.contains("3 more: --offset 2 for the next page"),
        "{text}"
    );
}

#[test]
fn exit_statuses_and_one_line_errors() {
    let f = Fixture::seeds();
    assert_eq!(f.run(&["search", "Hải Phòng"]).status.code(), Some(0));
    assert_eq!(f.run(&["search", "zzzzqqq"]).status.code(), Some(1));
    for (args, message) in [
        (
            vec!["search", "--limt", "3", "Đảng"],
            "unexpected argument '--limt' found; a similar argument exists: '--limit'",
        ),
        (
            vec!["search", "--limit", "abc", "Đảng"],
            "invalid value 'abc' for '--limit",
        ),
        (
            vec!["search", "--from", "2019-13", "Đảng"],
            "bad date \"2019-13\"",
        ),
        (
            vec!["search", "--province", "Ha Noii", "Đảng"],
            "did you mean Hà Nội",
        ),
        (vec!["show", "nope"], "no article with id \"nope\""),
        (
            vec!["serch", "Đảng"],
            "similar subcommands exist: 'serve', 'search'",
        ),
    ] {
        let out = f.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("vnsearch: error: "), "{err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }

    let missing = assert_cmd::Command::cargo_bin("vnsearch")
        .unwrap()
        .args(["--index", f.dir.path().join("nowhere").to_str().unwrap()])
        .args(["search", "Đảng"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("run `vnsearch index PATH` to build one"));

    let meta = f.index_dir().join("vnsearch.json");
    let mut recorded: Value = serde_json::from_slice(&std::fs::read(&meta).unwrap()).unwrap();
    let version = recorded["schema_version"].as_u64().unwrap();
    recorded["schema_version"] = Value::from(version - 1);
    std::fs::write(&meta, recorded.to_string()).unwrap();
    let old = f.run(&["search", "Đảng"]);
    assert_eq!(old.status.code(), Some(2));
    assert!(
        stderr(&old).contains("rebuild it with `vnsearch index --rebuild`"),
        "{}",
        stderr(&old)
    );
}

#[test]
fn colour_follows_the_flag_the_terminal_and_no_color() {
    let f = Fixture::seeds();
    let escape = "\u{1b}[";
    let always = f.run(&["--color", "always", "search", "Hải Phòng"]);
    assert!(String::from_utf8_lossy(&always.stdout).contains(escape));
    // Piped (not a terminal): plain markers, no escapes, with or without NO_COLOR.
    let piped = f
        .cmd()
        .env_remove("NO_COLOR")
        .args(["search", "Hải Phòng"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&piped.stdout);
    assert!(!text.contains(escape));
    assert!(text.contains("**Hải Phòng**"), "{text}");
    let never = f.run(&["--color", "never", "search", "Hải Phòng"]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains(escape));
}

#[test]
fn show_prints_metadata_then_text_and_raw_keeps_the_page() {
    let f = Fixture::seeds();
    let out = f.run(&["show", "004_8864829e34b5b12f"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh\n"));
    assert!(text.contains("2022-11-23"));
    assert!(text.contains("Hòa Bình"));
    assert!(
        !text.contains("DetailController"),
        "boilerplate is not shown"
    );
    let raw = f.run(&["show", "--raw", "004_8864829e34b5b12f"]);
    let raw_text = String::from_utf8(raw.stdout).unwrap();
    let original =
        std::fs::read_to_string(common::corpus().join("004_8864829e34b5b12f.txt")).unwrap();
    assert!(
        raw_text.contains(original.trim()),
        "--raw is the article as ingested"
    );
}

#[test]
fn help_has_vietnamese_examples_and_completions_cover_every_shell() {
    let f = Fixture::seeds();
    for command in ["search", "index", "facets", "show", "stats", "completions"] {
        let out = f.run(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Examples:"), "{command} --help has examples");
    }
    let help = String::from_utf8(f.run(&["search", "--help"]).stdout).unwrap();
    assert!(help.contains("vnsearch search \"Nghị quyết Trung ương 4\""));
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef vnsearch"),
        ("fish", "complete -c vnsearch"),
    ] {
        let out = f.run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}");
        assert!(
            script.contains("batch") && script.contains("resolution"),
            "{shell}"
        );
    }
}

#[test]
fn a_batch_answers_each_line_before_the_next_is_written() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let f = Fixture::seeds();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("vnsearch"))
        .args(["--index", f.index_dir().to_str().unwrap()])
        .args(["search", "--batch", "-", "--fields", "id"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (lines_out, lines_in) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines_out.send(line.unwrap());
        }
    });
    // A script that writes a query and waits for its answer (a coprocess) must get it while
    // stdin is still open; the generous timeout only bounds a hang.
    let wait = std::time::Duration::from_secs(60);
    for (query, expected) in [("Hải Phòng", vec!["003", "002"]), ("Lạng Sơn", vec!["001"])] {
        writeln!(stdin, "{query}").unwrap();
        stdin.flush().unwrap();
        let line = lines_in
            .recv_timeout(wait)
            .expect("an answer while stdin is open");
        let record: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(ids(&record["hits"]), expected);
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
