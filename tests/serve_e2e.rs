//! `vnsearch serve` over real HTTP on a free loopback port: the API answers as the CLI's
//! `--json` does, filters and facets, one article with its matches, every kind of bad request,
//! the OpenAPI description checked against real answers, hostile paths, headers, an index
//! update picked up while serving, and a clean stop on Ctrl-C.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::server::{serve_index, vnsearch, with_query, Answer, Server};
use common::{facet_counts, seed_numbers, Fixture};
use serde_json::Value;

fn seeds_server() -> (Fixture, Server) {
    let fixture = Fixture::seeds();
    let server = serve_index(&fixture.index_dir(), &[]);
    (fixture, server)
}

/// The same answer without what differs run to run.
fn without_timing(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.remove("took_ms");
    }
    value
}

fn cli_json(fixture: &Fixture, args: &[&str]) -> Value {
    let out = fixture.run(args);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("CLI JSON")
}

fn ok_json(answer: &Answer) -> Value {
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.header("content-type"), Some("application/json"));
    answer.json()
}

#[test]
fn search_answers_exactly_as_the_cli_does() {
    let (fixture, server) = seeds_server();
    // (API parameters, the same request as CLI flags)
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        (&[("q", "Nghị quyết Trung ương 4")], &[]),
        (
            &[("q", "nghi quyet trung uong 4"), ("province", "Hải Phòng")],
            &["--province", "Hải Phòng"],
        ),
        (
            &[
                ("q", "Đảng"),
                ("year", "2023"),
                ("sort", "date"),
                ("limit", "1"),
                ("offset", "1"),
            ],
            &[
                "--year", "2023", "--sort", "date", "--limit", "1", "--offset", "1",
            ],
        ),
        (
            &[
                ("q", "tổ chức"),
                ("resolution", "NQ TW4 khóa XII"),
                ("snippets", "1"),
                ("facets", "true"),
            ],
            &[
                "--resolution",
                "NQ TW4 khóa XII",
                "--snippets",
                "1",
                "--facets",
            ],
        ),
        (
            &[("q", ""), ("province", "Hòa Bình"), ("merged", "true")],
            &["--province", "Hòa Bình", "--merged"],
        ),
        (
            &[
                ("q", "Đảng"),
                ("from", "2020-01"),
                ("to", "2022"),
                ("region", "Đồng bằng sông Cửu Long"),
                ("region", "Trung du và miền núi phía Bắc"),
            ],
            &[
                "--from",
                "2020-01",
                "--to",
                "2022",
                "--region",
                "Đồng bằng sông Cửu Long",
                "--region",
                "Trung du và miền núi phía Bắc",
            ],
        ),
        (&[("q", "\"Búa liềm")], &[]),
    ];
    for (pairs, flags) in cases {
        let api = ok_json(&server.get_pairs("/api/search", pairs));
        let query = pairs.iter().find(|(k, _)| *k == "q").unwrap().1;
        let mut args = vec!["search", "--json"];
        args.extend_from_slice(flags);
        args.extend(["--", query]);
        let cli = cli_json(&fixture, &args);
        assert_eq!(without_timing(api), without_timing(cli), "{pairs:?}");
    }
    // And exact expectations, so the comparison above is not of two empty answers.
    let api = ok_json(&server.get_pairs("/api/search", &[("q", "nghi quyet trung uong 4")]));
    assert_eq!(seed_numbers(&api), ["003", "002", "001", "004"]);
    assert_eq!(api["version"], 1);
    let first = &api["hits"][0]["snippets"][0];
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    let [start, end] = [0, 1].map(|i| first["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(
        text[start..end].iter().collect::<String>(),
        "Nghị quyết Trung ương 4"
    );
    let filtered = ok_json(&server.get_pairs(
        "/api/search",
        &[("q", "Đảng"), ("resolution", "NQ TW4 khóa XII")],
    ));
    assert_eq!(seed_numbers(&filtered), ["001", "003", "002"]);
    let merged = ok_json(&server.get_pairs(
        "/api/search",
        &[("province", "Hòa Bình"), ("merged", "true")],
    ));
    assert_eq!(merged["total"], 1);
    assert_eq!(
        merged["filters"]["places"][0][1], "Phú Thọ",
        "Hòa Bình rolls up into Phú Thọ"
    );
    let unparsed = ok_json(&server.get_pairs("/api/search", &[("q", "\"Búa liềm")]));
    assert_eq!(unparsed["fallback"], true);
    assert_eq!(unparsed["total"], 1);
}

#[test]
fn facets_months_docs_stats_and_health() {
    let (fixture, server) = seeds_server();
    let api = ok_json(&server.get_pairs("/api/facets", &[("field", "province")]));
    let cli = cli_json(&fixture, &["facets", "--json", "--field", "province"]);
    assert_eq!(api, cli);
    assert_eq!(api["total"], 5);
    assert_eq!(api["facets"]["province"].as_array().unwrap().len(), 16);

    let all = ok_json(&server.get_pairs("/api/facets", &[("q", "Đảng")]));
    let cli_all = cli_json(&fixture, &["facets", "--json", "--", "Đảng"]);
    assert_eq!(all, cli_all);

    let months = |pairs: &[(&str, &str)]| -> Vec<(String, u64)> {
        facet_counts(&ok_json(&server.get_pairs("/api/facets", pairs)), "month")
    };
    // Seed 000's 2023-12-08 is a guess (a dateline with no header): counted, like the year
    // facet, only with guessed_dates.
    assert_eq!(
        months(&[("field", "month"), ("year", "2023")]),
        [("2023-06".to_owned(), 1)]
    );
    assert_eq!(
        months(&[
            ("field", "month"),
            ("year", "2023"),
            ("guessed_dates", "true")
        ]),
        [("2023-12".to_owned(), 1), ("2023-06".to_owned(), 1)]
    );
    let api = ok_json(&server.get_pairs(
        "/api/facets",
        &[("field", "year"), ("guessed_dates", "true")],
    ));
    let cli = cli_json(
        &fixture,
        &["facets", "--json", "--field", "year", "--guessed-dates"],
    );
    assert_eq!(api, cli);

    // Cited documents carry the filter text that selects them; it does.
    let resolutions = ok_json(&server.get_pairs("/api/facets", &[("field", "resolution")]));
    let node = resolutions["facets"]["resolution"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == serde_json::json!(["Đảng", "Nghị quyết", "TW4", "khóa XII"]))
        .expect("NQ TW4 khóa XII counted")
        .clone();
    assert_eq!(node["count"], 3);
    let filter = node["filter"].as_str().unwrap();
    let selected = ok_json(&server.get_pairs("/api/search", &[("resolution", filter)]));
    assert_eq!(selected["total"], 3);
    assert!(resolutions["facets"]["resolution"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["path"].as_array().unwrap().len() <= 2)
        .all(|level_or_kind| level_or_kind.get("filter").is_none()));

    // One article, as `show --json` prints it; with ?q= its matches as ranges of its text.
    let id = "003_b09fdb954b2a7c93";
    let doc = ok_json(&server.get(&format!("/api/doc/{id}")));
    assert_eq!(doc, cli_json(&fixture, &["show", "--json", id]));
    let marked = ok_json(&server.get_pairs(
        &format!("/api/doc/{id}"),
        &[("q", "nghi quyet trung uong 4")],
    ));
    assert_eq!(marked["query"], "nghi quyet trung uong 4");
    let text: Vec<char> = marked["text"].as_str().unwrap().chars().collect();
    let spans: Vec<String> = marked["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            text[a..b].iter().collect()
        })
        .collect();
    assert!(spans.len() >= 3, "{spans:?}");
    assert!(
        spans.iter().any(|s| s == "Nghị quyết Trung ương 4"),
        "{spans:?}"
    );
    let words = ["nghị", "quyết", "trung", "ương", "4"];
    for span in &spans {
        for word in span.split(' ') {
            assert!(words.contains(&word.to_lowercase().as_str()), "{span:?}");
        }
    }
    // A key works as an id does (slashes percent-encoded).
    let by_key = ok_json(&server.get(&format!(
        "/api/doc/{}",
        common::server::encode(doc["key"].as_str().unwrap())
    )));
    assert_eq!(by_key["id"], id);

    let stats = ok_json(&server.get("/api/stats"));
    let cli_stats = cli_json(&fixture, &["stats", "--json"]);
    assert_eq!(stats, cli_stats);
    let health = ok_json(&server.get("/api/health"));
    assert_eq!(
        health,
        serde_json::json!({"version": 1, "status": "ok", "documents": 5})
    );
    let head = server.request("HEAD", "/api/health");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn bad_requests_are_json_errors_never_500() {
    let (_fixture, server) = seeds_server();
    let long_query = "Đảng ".repeat(250);
    let long_url = format!("/api/search?q={}", "a".repeat(9000));
    let cases: Vec<(String, u16, &str)> = vec![
        (
            with_query("/api/search", &[("q", "x"), ("provnce", "Huế")]),
            400,
            "unknown parameter \"provnce\"",
        ),
        (
            with_query("/api/search", &[("from", "2019-13-01")]),
            400,
            "bad date \"2019-13-01\"",
        ),
        (
            with_query("/api/search", &[("from", "2023"), ("to", "2019")]),
            400,
            "is after",
        ),
        (
            with_query("/api/search", &[("province", "Hai Phong2")]),
            400,
            "did you mean Hải Phòng",
        ),
        (
            with_query("/api/search", &[("region", "Tây Bắc Bộ xa")]),
            400,
            "unknown region",
        ),
        (
            with_query(
                "/api/search",
                &[("resolution", "Nghị quyết Đại hội khóa XIII")],
            ),
            400,
            "did you mean NQ Đại hội XIII",
        ),
        (with_query("/api/search", &[("limit", "ten")]), 400, "limit"),
        (with_query("/api/search", &[("limit", "101")]), 400, "limit"),
        (
            with_query("/api/search", &[("offset", "10001")]),
            400,
            "offset",
        ),
        (
            with_query("/api/search", &[("snippets", "4")]),
            400,
            "snippets",
        ),
        (
            with_query("/api/search", &[("sort", "random")]),
            400,
            "sort",
        ),
        (
            with_query("/api/search", &[("year", "twenty")]),
            400,
            "year",
        ),
        (
            with_query("/api/facets", &[("field", "colour")]),
            400,
            "colour",
        ),
        ("/api/search?q=%FF%FE".to_owned(), 400, "UTF-8"),
        (
            with_query("/api/search", &[("q", &long_query)]),
            414,
            "1000 characters",
        ),
        (long_url, 414, "8192 bytes"),
        ("/api/doc/no_such_article".to_owned(), 404, "no article"),
        ("/api/doc/%FF".to_owned(), 400, "UTF-8"),
        (
            with_query("/api/doc/003_b09fdb954b2a7c93", &[("x", "1")]),
            400,
            "unknown parameter",
        ),
        ("/api/stats?verbose=1".to_owned(), 400, "unknown parameter"),
        (
            with_query("/api/facets", &[("q", "Đảng"), ("limit", "5")]),
            400,
            "parameter \"limit\" does not apply to /api/facets",
        ),
        (
            with_query("/api/facets", &[("sort", "date")]),
            400,
            "parameter \"sort\" does not apply to /api/facets",
        ),
        ("/api/nothing".to_owned(), 404, "no endpoint"),
    ];
    for (target, status, needle) in &cases {
        let answer = server.get(target);
        assert_eq!(answer.status, *status, "{target}: {}", answer.text());
        let body = answer.json();
        assert_eq!(body["version"], 1, "{target}");
        let error = body["error"].as_str().expect("error message");
        assert!(
            error.contains(needle),
            "{target}: {error:?} lacks {needle:?}"
        );
        assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
    }
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
        let answer = server.request(method, "/api/search?q=x");
        assert_eq!(answer.status, 405, "{method}");
        assert_eq!(answer.header("allow"), Some("GET, HEAD"));
        assert!(answer.json()["error"].as_str().unwrap().contains(method));
    }
    // The server is still there and answering.
    assert_eq!(server.get("/api/health").status, 200);
}

#[test]
fn nothing_outside_the_compiled_in_page_can_be_read() {
    let (_fixture, server) = seeds_server();
    for target in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/app.js/../../../etc/passwd",
        "/api/../../etc/passwd",
        "/api/doc/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/doc/%2Fetc%2Fpasswd",
        "/Cargo.toml",
        "/src/serve/assets/app.js",
        "/.vnsearch/meta.json",
        "/%00",
        "http://localhost/etc/passwd",
    ] {
        let answer = server.get(target);
        assert!(
            answer.status == 404 || answer.status == 400,
            "{target}: {}",
            answer.status
        );
        let text = answer.text();
        assert!(!text.contains("root:"), "{target} leaked a file");
        assert!(!text.contains("[package]"), "{target} leaked a file");
    }
    // The page's own files, with the right types.
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "image/svg+xml"),
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.header("content-type"), Some(kind), "{path}");
    }
}

#[test]
fn every_answer_carries_the_safety_headers_and_no_cors_by_default() {
    let (fixture, server) = seeds_server();
    for target in [
        "/",
        "/app.js",
        "/api/search?q=x",
        "/api/nope",
        "/nope",
        "/api/doc/zz",
    ] {
        let answer = server.get(target);
        let csp = answer.header("content-security-policy").expect("CSP");
        assert!(csp.contains("script-src 'self'"), "{target}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{target}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{target}: {csp}");
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(answer.header("access-control-allow-origin"), None);
    }
    let page = server.get("/").text();
    assert!(page.contains("<script src=\"/app.js\" defer></script>"));
    drop(server);

    let origin = "https://tools.example.org";
    let with_cors = serve_index(&fixture.index_dir(), &["--cors", origin]);
    let answer = with_cors.get("/api/search?q=x");
    assert_eq!(answer.header("access-control-allow-origin"), Some(origin));
    let preflight = with_cors.request("OPTIONS", "/api/search?q=x");
    assert_eq!(preflight.status, 204);
    assert_eq!(
        preflight.header("access-control-allow-methods"),
        Some("GET, HEAD")
    );
    drop(with_cors);

    let refused = vnsearch()
        .arg("--index")
        .arg(fixture.index_dir())
        .args(["serve", "--bind", "127.0.0.1:0", "--cors", "*"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("bad --cors origin"));
}

/// The OpenAPI description is the file in docs/, every route it names answers, and every
/// answer validates against the response schema it documents for that status.
#[test]
fn openapi_describes_the_real_answers() {
    let (_fixture, server) = seeds_server();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let spec: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("openapi.json")).unwrap()).unwrap();
    assert_eq!(ok_json(&server.get("/api/openapi.json")), spec);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("json-output.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(ok_json(&server.get("/api/json-output.schema.json")), schema);
    assert_eq!(spec["openapi"], "3.1.0");

    let id = "003_b09fdb954b2a7c93";
    // (path in the spec, request, expected status)
    let requests: Vec<(&str, String, u16)> = vec![
        (
            "/api/search",
            with_query(
                "/api/search",
                &[("q", "Nghị quyết Trung ương 4"), ("facets", "true")],
            ),
            200,
        ),
        ("/api/search", with_query("/api/search", &[("q", "")]), 200),
        (
            "/api/search",
            with_query("/api/search", &[("province", "Huế2")]),
            400,
        ),
        (
            "/api/search",
            with_query("/api/search", &[("q", &"a ".repeat(600))]),
            414,
        ),
        (
            "/api/facets",
            with_query(
                "/api/facets",
                &[("field", "month"), ("field", "resolution")],
            ),
            200,
        ),
        (
            "/api/facets",
            with_query("/api/facets", &[("year", "x")]),
            400,
        ),
        (
            "/api/trend",
            with_query(
                "/api/trend",
                &[
                    ("q", "Đảng"),
                    ("by", "month"),
                    ("per", "1000"),
                    ("guessed_dates", "true"),
                ],
            ),
            200,
        ),
        (
            "/api/trend",
            with_query("/api/trend", &[("by", "week")]),
            400,
        ),
        (
            "/api/doc-card",
            with_query(
                "/api/doc-card",
                &[("name", "NQ TW4 khóa XII"), ("year", "2023")],
            ),
            200,
        ),
        (
            "/api/doc-card",
            with_query("/api/doc-card", &[("name", "Nghị quyết 999")]),
            400,
        ),
        ("/api/doc/{id}", format!("/api/doc/{id}"), 200),
        (
            "/api/doc/{id}",
            with_query(&format!("/api/doc/{id}"), &[("q", "Đảng")]),
            200,
        ),
        ("/api/doc/{id}", "/api/doc/nope".to_owned(), 404),
        ("/api/stats", "/api/stats".to_owned(), 200),
        ("/api/stats", "/api/stats?x=1".to_owned(), 400),
        ("/api/health", "/api/health".to_owned(), 200),
        ("/api/openapi.json", "/api/openapi.json".to_owned(), 200),
        (
            "/api/json-output.schema.json",
            "/api/json-output.schema.json".to_owned(),
            200,
        ),
    ];
    let documented: Vec<&String> = spec["paths"].as_object().unwrap().keys().collect();
    for path in &documented {
        assert!(
            requests.iter().any(|(p, _, s)| p == path && *s == 200),
            "{path} is documented but not exercised"
        );
    }
    for (path, target, status) in &requests {
        let answer = server.get(target);
        assert_eq!(answer.status, *status, "{target}: {}", answer.text());
        let operation = &spec["paths"][*path]["get"];
        assert!(operation.is_object(), "{path} is not documented");
        let response = &operation["responses"][status.to_string()];
        assert!(
            response.is_object(),
            "{path}: status {status} is not documented"
        );
        let documented = &response["content"]["application/json"]["schema"];
        let value = answer.json();
        let validator = match documented["$ref"].as_str() {
            Some(reference) => {
                let kind = reference
                    .strip_prefix("json-output.schema.json#/$defs/")
                    .unwrap_or_else(|| panic!("{path}: unexpected $ref {reference}"));
                let mut narrowed = schema.clone();
                assert!(
                    narrowed["$defs"][kind].is_object(),
                    "no {kind} in the schema"
                );
                let object = narrowed.as_object_mut().unwrap();
                object.remove("oneOf");
                object.insert("$ref".into(), Value::String(format!("#/$defs/{kind}")));
                jsonschema::validator_for(&narrowed).unwrap()
            }
            None => jsonschema::validator_for(documented).unwrap(),
        };
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{target}: {errors:?}");
        // Every parameter the request used is documented for that path.
        if let Some((_, query)) = target.split_once('?') {
            for pair in query.split('&') {
                let key = pair.split('=').next().unwrap();
                let known = operation["parameters"]
                    .as_array()
                    .is_some_and(|ps| ps.iter().any(|p| p["name"] == key));
                assert!(
                    known || *status == 400,
                    "{path}: parameter {key} undocumented"
                );
            }
        }
    }
}

#[test]
fn an_index_update_is_picked_up_while_serving_and_ctrl_c_stops_cleanly() {
    let temp = tempfile::tempdir().unwrap();
    let corpus = temp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(common::corpus()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    let index = temp.path().join("index");
    let built = vnsearch()
        .arg("--index")
        .arg(&index)
        .arg("index")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(built.status.success());
    let server = serve_index(&index, &[]);
    assert!(
        server.banner.starts_with("vnsearch: serving ")
            && server
                .banner
                .contains(&format!("http://{}/", server.address))
            && server.banner.ends_with("(Ctrl-C to stop)"),
        "{}",
        server.banner
    );
    let word = [("q", "khinh khí cầu")];
    assert_eq!(ok_json(&server.get_pairs("/api/search", &word))["total"], 0);

    std::fs::write(
        corpus.join("new_article.txt"),
        "Khinh khí cầu bay qua Hà Nội\nNgày 02/12/2026, một chiếc khinh khí cầu bay qua Hà Nội.\n",
    )
    .unwrap();
    // `vnsearch index` runs while the server serves: the server holds no writer lock.
    let update = vnsearch()
        .arg("--index")
        .arg(&index)
        .arg("index")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        update.status.success(),
        "{}",
        String::from_utf8_lossy(&update.stderr)
    );
    let committed = Instant::now();
    let found = loop {
        let answer = ok_json(&server.get_pairs("/api/search", &word));
        if answer["total"] == 1 {
            break answer;
        }
        assert!(
            committed.elapsed() < Duration::from_secs(10),
            "the new commit was not picked up within 10 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(found["hits"][0]["id"], "new_article");
    assert_eq!(ok_json(&server.get("/api/health"))["documents"], 6);
    assert_eq!(ok_json(&server.get("/api/stats"))["documents"], 6);

    let (status, took) = server.interrupt();
    assert_eq!(status.code(), Some(0), "Ctrl-C exits 0");
    assert!(took < Duration::from_secs(5), "stopped in {took:?}");
}

#[test]
fn first_use_builds_the_default_index_and_other_binds_warn() {
    let temp = tempfile::tempdir().unwrap();
    let mut cmd = vnsearch();
    cmd.current_dir(temp.path())
        .args(["serve", "--bind", "0.0.0.0:0"]);
    let server = Server::start(cmd);
    assert!(
        server.stderr_has("no index yet: built .vnsearch"),
        "{}",
        server.stderr()
    );
    assert!(
        server.stderr_has("warning: listening on 0.0.0.0:"),
        "{}",
        server.stderr()
    );
    assert!(
        server.banner.contains("http://127.0.0.1:"),
        "{}",
        server.banner
    );
    assert_eq!(ok_json(&server.get("/api/health"))["documents"], 5);
    assert!(temp.path().join(".vnsearch").is_dir());
    drop(server);

    let loopback = serve_index(&temp.path().join(".vnsearch"), &[]);
    assert!(
        !loopback.stderr().contains("warning"),
        "{}",
        loopback.stderr()
    );
}

#[test]
fn concurrent_requests_all_get_their_answer() {
    let (_fixture, server) = seeds_server();
    let server = std::sync::Arc::new(server);
    let queries = ["Đảng", "dang", "tổ chức", "nghi quyet trung uong 4"];
    let expected: Vec<Value> = queries
        .iter()
        .map(|q| {
            without_timing(ok_json(
                &server.get_pairs("/api/search", &[("q", q), ("facets", "true")]),
            ))
        })
        .collect();
    let threads: Vec<_> = (0..32)
        .map(|i| {
            let server = server.clone();
            std::thread::spawn(move || {
                let q = queries[i % queries.len()];
                let answer = server.get_pairs("/api/search", &[("q", q), ("facets", "true")]);
                (i, answer.status, without_timing(answer.json()))
            })
        })
        .collect();
    for thread in threads {
        let (i, status, value) = thread.join().unwrap();
        assert_eq!(status, 200);
        assert_eq!(value, expected[i % queries.len()]);
    }
}
