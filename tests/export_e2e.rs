//! `vnsearch export` and `search --explain-as`, through the real binary and a real index: the
//! files parse and hold what the index holds, ids are stable, `--since` writes exactly the
//! changes, and (over the first 2,000 baomoi records) the exported analysis, applied here in
//! Rust as the mapping states it, matches the documents vnsearch returns.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use common::{corpus, Fixture};
use serde_json::{json, Value};

/// An index over some files, in a temporary folder.
fn fixture_of(paths: &[&Path]) -> Fixture {
    let fixture = Fixture {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let mut args = vec!["index", "--quiet"];
    let texts: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(texts.iter().map(String::as_str));
    let out = fixture.run(&args);
    assert!(
        out.status.success(),
        "index: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    fixture
}

fn export(fixture: &Fixture, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["export", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    fixture.run(&args)
}

fn export_ok(fixture: &Fixture, out: &Path, extra: &[&str]) -> String {
    let run = export(fixture, out, extra);
    assert_eq!(
        run.status.code(),
        Some(0),
        "export {extra:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// The NDJSON files of one prefix, in order.
fn files(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{prefix}-")) && name.ends_with(".ndjson")
        })
        .collect();
    found.sort();
    found
}

/// One `_bulk` action with its source (none for a delete).
#[derive(Debug)]
struct Action {
    kind: String,
    id: String,
    source: Option<Value>,
}

/// Reads `_bulk` files strictly: every line JSON, each `index` action followed by its source,
/// every file ending with a newline.
fn bulk_actions(dir: &Path) -> Vec<Action> {
    let mut out = Vec::new();
    for file in files(dir, "bulk") {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.ends_with('\n'),
            "{} ends with a newline",
            file.display()
        );
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let action: Value = serde_json::from_str(line).expect("an action line is JSON");
            let (kind, meta) = action.as_object().unwrap().iter().next().unwrap();
            assert_eq!(meta["_index"], "vnsearch");
            let id = meta["_id"].as_str().unwrap().to_owned();
            let source = match kind.as_str() {
                "index" => {
                    let line = lines.next().expect("an index action has its source line");
                    let source: Value = serde_json::from_str(line).expect("a source line is JSON");
                    assert_eq!(source["key"], id.as_str(), "the _id is the stable key");
                    Some(source)
                }
                "delete" => None,
                other => panic!("unexpected action {other}"),
            };
            out.push(Action {
                kind: kind.clone(),
                id,
                source,
            });
        }
    }
    out
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The keys of a search's hits (every hit), as `search --json` gives them.
fn search_keys(fixture: &Fixture, args: &[&str]) -> BTreeSet<String> {
    let mut all = vec!["search", "--json", "--limit", "100000", "--snippets", "0"];
    all.extend_from_slice(args);
    let out = fixture.run(&all);
    let response: Value = serde_json::from_slice(&out.stdout).expect("search --json");
    response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["key"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn bulk_files_hold_every_document_with_its_facets_and_a_mapping_for_every_field() {
    let fixture = Fixture::seeds();
    let out = fixture.dir.path().join("os");
    let message = export_ok(&fixture, &out, &["--to", "opensearch"]);
    assert!(
        message.contains("exported 5 documents for OpenSearch"),
        "{message}"
    );
    let actions = bulk_actions(&out);
    assert_eq!(actions.len(), 5);
    assert!(actions.iter().all(|a| a.kind == "index"));
    let ids: HashSet<&str> = actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 5, "ids are unique");

    let hai_phong = actions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .find(|s| s["id"] == "003_b09fdb954b2a7c93")
        .expect("seed 003");
    // The facets are vnsearch's own: the same values `search --json` shows for the article.
    let shown = fixture.search_json("", &[]);
    let hit = shown["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "003_b09fdb954b2a7c93")
        .unwrap();
    assert_eq!(hai_phong["province"], hit["provinces"]);
    assert_eq!(hai_phong["province"], json!(["Hải Phòng"]));
    assert_eq!(hai_phong["region"], json!(["Đồng bằng sông Hồng"]));
    assert_eq!(hai_phong["references"], hit["references"]);
    assert_eq!(hai_phong["primary_province"], "Hải Phòng");
    assert_eq!(hai_phong["date"], "2023-06-23");
    assert_eq!(hai_phong["year_trusted"], "2023");
    assert_eq!(hai_phong["dating"], "certain");
    assert_eq!(hai_phong["resolution_1"], json!(["Đảng"]));
    let level_4: Vec<&str> = hai_phong["resolution_4"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        level_4.contains(&"Đảng / Nghị quyết / TW4 / khóa XI")
            && level_4.contains(&"Đảng / Nghị quyết / TW4 / khóa XII"),
        "{level_4:?}"
    );
    let title_folded = hai_phong["title_folded_tokens"].as_str().unwrap();
    assert!(
        title_folded.starts_with("hoi nghi giao ban cong tac to chuc xay dung dang"),
        "{title_folded}"
    );
    assert!(hai_phong["pairs_tokens"]
        .as_str()
        .unwrap()
        .contains("^hai_phong"));

    // The mapping names every field a document uses, and strictly.
    let index = read_json(&out.join("index.json"));
    assert_eq!(index["mappings"]["dynamic"], "strict");
    let properties = index["mappings"]["properties"].as_object().unwrap();
    let analyzers = index["settings"]["analysis"]["analyzer"]
        .as_object()
        .unwrap();
    for action in &actions {
        for field in action.source.as_ref().unwrap().as_object().unwrap().keys() {
            assert!(properties.contains_key(field), "{field} is in the mapping");
        }
    }
    for (field, spec) in properties {
        if let Some(analyzer) = spec["analyzer"].as_str() {
            assert!(analyzers.contains_key(analyzer), "{field}: {analyzer}");
        }
        if field.ends_with("_tokens") {
            assert_eq!(
                analyzers[spec["analyzer"].as_str().unwrap()]["tokenizer"],
                "whitespace"
            );
        }
    }
    assert_eq!(
        properties["body_folded_tokens"]["index_options"],
        "positions"
    );
    assert_eq!(
        properties["body"]["fields"]["folded"]["index_options"],
        "positions"
    );
    assert_eq!(properties["date"]["type"], "date");
    for keyword in [
        "province",
        "region",
        "year",
        "category",
        "resolution_1",
        "resolution_5",
    ] {
        assert_eq!(properties[keyword]["type"], "keyword", "{keyword}");
    }
    let folded = &analyzers["vi_folded"]["filter"];
    assert_eq!(
        *folded,
        json!(["lowercase", "asciifolding", "vi_iy_folded"])
    );

    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    for needle in [
        "curl -s -XPUT \"$ES/vnsearch\"",
        "_bulk",
        "application/x-ndjson",
        "not\nloaded into a live cluster",
        "\"match_phrase\"",
        "\"rescore\"",
        "\"aggs\"",
    ] {
        assert!(readme.contains(needle), "README holds {needle:?}");
    }
    let state = read_json(&out.join("export-state.json"));
    assert_eq!(state["documents"].as_object().unwrap().len(), 5);
    assert_eq!(state["target"], "opensearch");

    // A second export of the same index writes the same files, byte for byte.
    let again = fixture.dir.path().join("os2");
    export_ok(&fixture, &again, &["--to", "opensearch"]);
    for (a, b) in files(&out, "bulk").iter().zip(files(&again, "bulk")) {
        assert_eq!(
            std::fs::read(a).unwrap(),
            std::fs::read(b).unwrap(),
            "stable export"
        );
    }
    // Small chunks: one document a file, never a document split.
    let small = fixture.dir.path().join("small");
    export_ok(
        &fixture,
        &small,
        &["--to", "elasticsearch", "--chunk-kb", "1"],
    );
    assert_eq!(files(&small, "bulk").len(), 5);
    assert_eq!(bulk_actions(&small).len(), 5);
}

#[test]
fn quickwit_config_is_yaml_with_every_field_and_the_folding_tokenizer() {
    use yaml_rust2::YamlLoader;
    let fixture = Fixture::seeds();
    let out = fixture.dir.path().join("qw");
    export_ok(
        &fixture,
        &out,
        &["--to", "quickwit", "--name", "party-news"],
    );
    let docs: Vec<Value> = files(&out, "docs")
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).expect("one JSON document a line"))
                .collect::<Vec<Value>>()
        })
        .collect();
    assert_eq!(docs.len(), 5);
    let yaml = YamlLoader::load_from_str(
        &std::fs::read_to_string(out.join("quickwit-index.yaml")).unwrap(),
    )
    .expect("the config is YAML");
    let config = &yaml[0];
    assert_eq!(config["index_id"].as_str(), Some("party-news"));
    let mapping = &config["doc_mapping"];
    assert_eq!(mapping["mode"].as_str(), Some("strict"));
    let tokenizer = &mapping["tokenizers"][0];
    assert_eq!(tokenizer["name"].as_str(), Some("vi_folded"));
    assert_eq!(tokenizer["type"].as_str(), Some("simple"));
    let filters: Vec<&str> = tokenizer["filters"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(filters, ["remove_long", "lower_caser", "ascii_folding"]);
    let fields: HashMap<&str, &yaml_rust2::Yaml> = mapping["field_mappings"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f))
        .collect();
    for doc in &docs {
        for (name, value) in doc.as_object().unwrap() {
            let field = fields
                .get(name.as_str())
                .unwrap_or_else(|| panic!("{name} is mapped"));
            let kind = field["type"].as_str().unwrap();
            if value.is_array() {
                assert!(
                    kind.starts_with("array<") || kind == "json",
                    "{name} is an array: {kind}"
                );
            }
        }
    }
    assert_eq!(fields["body"]["tokenizer"].as_str(), Some("vi_folded"));
    assert_eq!(fields["body"]["record"].as_str(), Some("position"));
    assert_eq!(
        fields["body_folded_tokens"]["tokenizer"].as_str(),
        Some("whitespace")
    );
    assert_eq!(fields["province"]["fast"].as_bool(), Some(true));
    assert_eq!(fields["year_trusted"]["fast"].as_bool(), Some(true));
    assert_eq!(fields["date"]["type"].as_str(), Some("datetime"));
    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        readme.contains("quickwit index ingest --index party-news --input-path"),
        "{readme}"
    );
}

#[test]
fn unknown_engines_and_bad_input_are_one_line_and_exit_2() {
    let fixture = Fixture::seeds();
    let out = fixture.dir.path().join("x");
    for args in [
        vec!["export", "--to", "solr", "--out", out.to_str().unwrap()],
        vec!["search", "--explain-as", "solr", "Đảng"],
    ] {
        let run = fixture.run(&args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(
            stderr.trim(),
            "vnsearch: error: unknown target \"solr\"; targets: opensearch, elasticsearch, quickwit"
        );
    }
    let bad_name = export(
        &fixture,
        &out,
        &["--to", "opensearch", "--name", "Bad Name"],
    );
    assert_eq!(bad_name.status.code(), Some(2));
    let bad_province = export(
        &fixture,
        &out,
        &["--to", "opensearch", "--province", "Ha Noii"],
    );
    assert_eq!(bad_province.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_province.stderr).contains("did you mean Hà Nội"));
    let no_state = export(
        &fixture,
        &out,
        &["--to", "opensearch", "--since", "/no/such/state.json"],
    );
    assert_eq!(no_state.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_state.stderr)
        .contains("cannot read the export state /no/such/state.json"));
}

#[test]
fn a_filtered_export_holds_what_the_same_search_finds() {
    let fixture = Fixture::seeds();
    for (export_args, search_args) in [
        (
            vec!["--province", "Hải Phòng"],
            vec!["--province", "Hải Phòng", "--", ""],
        ),
        (
            vec!["--until", "2022-12-31"],
            vec!["--to", "2022-12-31", "--", ""],
        ),
        (vec!["--query", "Trà Vinh"], vec!["--", "Trà Vinh"]),
        (
            vec!["--person", "ngo chi cuong"],
            vec!["--person", "ngo chi cuong", "--", ""],
        ),
    ] {
        let out = fixture.dir.path().join("f");
        let mut args = vec!["--to", "opensearch"];
        args.extend_from_slice(&export_args);
        export_ok(&fixture, &out, &args);
        let exported: BTreeSet<String> = bulk_actions(&out).into_iter().map(|a| a.id).collect();
        let found = search_keys(&fixture, &search_args);
        assert!(
            !found.is_empty() && found.len() < 5,
            "{search_args:?} selects some: {found:?}"
        );
        assert_eq!(exported, found, "{export_args:?}");
        // The README says what was selected, as the flags were given.
        let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
        let stated = format!("{} {:?}", export_args[0], export_args[1]);
        assert!(readme.contains(&stated), "{stated} in {readme}");
    }
}

#[test]
fn since_writes_exactly_the_changed_new_and_deleted_documents() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("pages");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let fixture = fixture_of(&[&folder]);
    let first = work.path().join("first");
    export_ok(&fixture, &first, &["--to", "opensearch"]);
    let first_qw = work.path().join("first-qw");
    export_ok(&fixture, &first_qw, &["--to", "quickwit"]);

    let key = |name: &str| {
        std::fs::canonicalize(folder.join(name))
            .unwrap()
            .display()
            .to_string()
    };
    let changed = key("001_49afc080ee8d0b53.txt");
    let removed = key("004_8864829e34b5b12f.txt");
    let text = std::fs::read_to_string(folder.join("001_49afc080ee8d0b53.txt")).unwrap();
    // After the title line: the footer ("Các tin khác") and what follows it are not indexed.
    let text = text.replacen(
        '\n',
        "\nĐoạn bổ sung: Chi bộ họp bàn công tác phát triển đảng viên mới.\n",
        1,
    );
    std::fs::write(folder.join("001_49afc080ee8d0b53.txt"), text).unwrap();
    std::fs::remove_file(folder.join("004_8864829e34b5b12f.txt")).unwrap();
    std::fs::write(
        folder.join("005_new.txt"),
        "Đảng bộ xã Tân Phước tổng kết công tác xây dựng Đảng năm 2024\n\nNgày 20/12/2024, Đảng bộ xã Tân Phước tổ chức hội nghị tổng kết công tác xây dựng Đảng.\n",
    )
    .unwrap();
    let added = key("005_new.txt");
    let reindex = fixture.run(&["index", "--quiet", folder.to_str().unwrap()]);
    assert!(
        reindex.status.success(),
        "{}",
        String::from_utf8_lossy(&reindex.stderr)
    );

    let second = work.path().join("second");
    let state = first.join("export-state.json");
    let message = export_ok(
        &fixture,
        &second,
        &["--to", "opensearch", "--since", state.to_str().unwrap()],
    );
    assert!(
        message.contains("exported 2 documents changed or new, 1 deletes, 3 unchanged"),
        "{message}"
    );
    let actions = bulk_actions(&second);
    let indexed: BTreeSet<&str> = actions
        .iter()
        .filter(|a| a.kind == "index")
        .map(|a| a.id.as_str())
        .collect();
    let deleted: Vec<&str> = actions
        .iter()
        .filter(|a| a.kind == "delete")
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(indexed, BTreeSet::from([changed.as_str(), added.as_str()]));
    assert_eq!(deleted, [removed.as_str()]);
    let changed_source = actions
        .iter()
        .find(|a| a.id == changed)
        .unwrap()
        .source
        .as_ref()
        .unwrap();
    assert!(changed_source["body"]
        .as_str()
        .unwrap()
        .contains("Đoạn bổ sung"));
    let state2 = read_json(&second.join("export-state.json"));
    let keys: BTreeSet<&String> = state2["documents"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
    assert!(keys.contains(&added) && !keys.contains(&removed));

    // Nothing changed since the second: nothing to send.
    let third = work.path().join("third");
    let state = second.join("export-state.json");
    let message = export_ok(
        &fixture,
        &third,
        &["--to", "opensearch", "--since", state.to_str().unwrap()],
    );
    assert!(
        message.contains("exported 0 documents changed or new, 0 deletes, 5 unchanged"),
        "{message}"
    );
    assert!(files(&third, "bulk").is_empty());

    // Quickwit: the new versions as documents, and delete tasks for the removed and replaced.
    let second_qw = work.path().join("second-qw");
    let state = first_qw.join("export-state.json");
    export_ok(
        &fixture,
        &second_qw,
        &["--to", "quickwit", "--since", state.to_str().unwrap()],
    );
    let docs: BTreeSet<String> = files(&second_qw, "docs")
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(|l| {
                    let doc: Value = serde_json::from_str(l).unwrap();
                    doc["key"].as_str().unwrap().to_owned()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(docs, BTreeSet::from([changed.clone(), added.clone()]));
    let tasks = std::fs::read_to_string(second_qw.join("delete-tasks.ndjson")).unwrap();
    let task: Value = serde_json::from_str(tasks.lines().next().unwrap()).unwrap();
    assert_eq!(tasks.lines().count(), 1);
    assert_eq!(
        task["query"].as_str().unwrap(),
        format!("key:{removed:?} OR key:{changed:?}")
    );
}

#[test]
fn explain_as_prints_the_query_dsl_with_filters_and_facets() {
    let fixture = Fixture::seeds();
    let run = fixture.run(&[
        "search",
        "--explain-as",
        "opensearch",
        "--province",
        "Hải Phòng",
        "--year",
        "2023",
        "--facets",
        "--",
        "Nghị quyết Trung ương 4",
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let body: Value = serde_json::from_slice(&run.stdout).expect("the DSL is JSON");
    let filter = body["query"]["bool"]["filter"].as_array().unwrap();
    assert_eq!(
        filter[0],
        json!({"term": {"province": {"value": "Hải Phòng"}}})
    );
    assert_eq!(
        filter[1]["bool"]["should"][0],
        json!({"term": {"dating": {"value": "certain"}}})
    );
    assert_eq!(
        filter[2],
        json!({"range": {"date": {"gte": "2023-01-01", "lte": "2023-12-31", "format": "yyyy-MM-dd"}}})
    );
    assert_eq!(body["rescore"]["window_size"], 300);
    let aggs = body["aggs"].as_object().unwrap();
    for name in [
        "region",
        "province",
        "year",
        "dating",
        "resolution_1",
        "resolution_5",
        "category",
    ] {
        assert!(aggs.contains_key(name), "{name}");
    }
    assert_eq!(body["aggs"]["year"]["terms"]["field"], "year_trusted");

    let run = fixture.run(&[
        "search",
        "--explain-as",
        "quickwit",
        "--merged",
        "--province",
        "Hòa Bình",
        "--",
        "nghi quyet",
    ]);
    let body: Value = serde_json::from_slice(&run.stdout).expect("the Quickwit body is JSON");
    let query = body["query"].as_str().unwrap();
    assert!(query.contains("province_merged:\"Phú Thọ\""), "{query}");
    assert!(query.contains("title_folded_tokens:\"nghi\""), "{query}");
    assert_eq!(body["sort_by"], "_score");

    // "most words": no seed has all four, so the DSL asks for three (two thirds, rounded up),
    // as vnsearch does.
    let run = fixture.run(&[
        "search",
        "--explain-as",
        "elasticsearch",
        "--",
        "Hải Phòng zzzz Đảng",
    ]);
    let body: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(
        body["query"]["bool"]["must"][0]["bool"]["minimum_should_match"], 3,
        "{body}"
    );
}

// ---- Analysis equivalence over baomoi ----

/// Lucene's `asciifolding` for what NFC Vietnamese holds: each letter to its base, đ→d.
fn ascii_fold(token: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    token
        .chars()
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect::<String>()
        .nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .collect()
}

/// How a field is analysed, read from the exported mapping.
#[derive(Clone)]
enum Analysis {
    Whitespace,
    Keyword,
    /// A pattern tokenizer (matches are tokens), lower case, then optionally ASCII folding and a
    /// pattern replacement.
    Pattern {
        pattern: regex::Regex,
        fold: bool,
        replace: Option<(regex::Regex, String)>,
    },
}

impl Analysis {
    fn from_mapping(index: &Value, spec: &Value) -> Analysis {
        let Some(name) = spec["analyzer"].as_str() else {
            return Analysis::Keyword;
        };
        let analysis = &index["settings"]["analysis"];
        let analyzer = &analysis["analyzer"][name];
        let tokenizer = analyzer["tokenizer"].as_str().unwrap();
        if tokenizer == "whitespace" {
            return Analysis::Whitespace;
        }
        let tokenizer = &analysis["tokenizer"][tokenizer];
        assert_eq!(tokenizer["type"], "pattern");
        assert_eq!(tokenizer["group"], 0);
        let pattern = regex::Regex::new(tokenizer["pattern"].as_str().unwrap()).unwrap();
        let filters: Vec<&str> = analyzer["filter"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        assert_eq!(filters[0], "lowercase");
        let mut fold = false;
        let mut replace = None;
        for filter in &filters[1..] {
            match *filter {
                "asciifolding" => fold = true,
                custom => {
                    let spec = &analysis["filter"][custom];
                    assert_eq!(spec["type"], "pattern_replace");
                    let re = regex::Regex::new(spec["pattern"].as_str().unwrap()).unwrap();
                    replace = Some((re, spec["replacement"].as_str().unwrap().to_owned()));
                }
            }
        }
        Analysis::Pattern {
            pattern,
            fold,
            replace,
        }
    }

    fn tokens(&self, text: &str) -> Vec<String> {
        match self {
            Analysis::Whitespace => text.split_whitespace().map(str::to_owned).collect(),
            Analysis::Keyword => vec![text.to_owned()],
            Analysis::Pattern {
                pattern,
                fold,
                replace,
            } => pattern
                .find_iter(text)
                .map(|m| {
                    let mut t = m.as_str().to_lowercase();
                    if *fold {
                        t = ascii_fold(&t);
                    }
                    if let Some((re, with)) = replace {
                        t = re.replace(&t, with.as_str()).into_owned();
                    }
                    t
                })
                .collect(),
        }
    }
}

/// One exported document, each field analysed as the mapping says: a list of token lists (one
/// per value of a multi-valued field).
struct Analysed {
    fields: HashMap<String, Vec<Vec<String>>>,
}

/// A field's analysis, and the field to read its text from (`body.folded` reads `body`).
fn analysed_docs(index: &Value, sources: &[Value]) -> Vec<Analysed> {
    let properties = index["mappings"]["properties"].as_object().unwrap();
    let mut analyses: Vec<(String, String, Analysis)> = Vec::new();
    for (name, spec) in properties {
        analyses.push((
            name.clone(),
            name.clone(),
            Analysis::from_mapping(index, spec),
        ));
        if let Some(subfields) = spec["fields"].as_object() {
            for (sub, subspec) in subfields {
                analyses.push((
                    format!("{name}.{sub}"),
                    name.clone(),
                    Analysis::from_mapping(index, subspec),
                ));
            }
        }
    }
    sources
        .iter()
        .map(|source| {
            let mut fields = HashMap::new();
            for (name, from, analysis) in &analyses {
                let values: Vec<&str> = match &source[from] {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                    // A term query on a boolean field gives its value as "true" or "false".
                    Value::Bool(b) => vec![if *b { "true" } else { "false" }],
                    _ => continue,
                };
                fields.insert(
                    name.clone(),
                    values.into_iter().map(|v| analysis.tokens(v)).collect(),
                );
            }
            Analysed { fields }
        })
        .collect()
}

/// Rewrites a query for the engine's own analysis: the token fields become the text fields
/// (`title_folded_tokens` → `title.folded`, `title_exact_tokens` → `title`) and a pair token
/// becomes a phrase of its two syllables in the folded title and body.
fn to_builtin(q: &Value) -> Value {
    let field_of = |f: &str| {
        if let Some(base) = f.strip_suffix("_folded_tokens") {
            format!("{base}.folded")
        } else if let Some(base) = f.strip_suffix("_exact_tokens") {
            base.to_owned()
        } else {
            f.to_owned()
        }
    };
    match q {
        Value::Object(map) => {
            if let Some(Value::Object(term)) = map.get("term") {
                let (field, spec) = term.iter().next().unwrap();
                if field == "pairs_tokens" {
                    let value = spec["value"]
                        .as_str()
                        .unwrap()
                        .trim_start_matches('^')
                        .replace('_', " ");
                    return json!({"bool": {"should": [
                        {"match_phrase": {"title.folded": {"query": value}}},
                        {"match_phrase": {"body.folded": {"query": value}}}
                    ]}});
                }
                return json!({"term": {field_of(field): spec}});
            }
            if let Some(Value::Object(phrase)) = map.get("match_phrase") {
                let (field, spec) = phrase.iter().next().unwrap();
                return json!({"match_phrase": {field_of(field): spec}});
            }
            Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), to_builtin(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(to_builtin).collect()),
        other => other.clone(),
    }
}

/// Whether a document matches a query of the Query DSL subset vnsearch's translation writes.
fn matches(
    q: &Value,
    doc: &Analysed,
    source: &Value,
    search_analysis: &HashMap<String, Analysis>,
) -> bool {
    let (kind, spec) = q.as_object().unwrap().iter().next().unwrap();
    match kind.as_str() {
        "match_all" => true,
        "constant_score" => matches(&spec["filter"], doc, source, search_analysis),
        "match_none" => false,
        "term" => {
            let (field, spec) = spec.as_object().unwrap().iter().next().unwrap();
            let value = spec["value"].as_str().unwrap();
            doc.fields.get(field).is_some_and(|values| {
                values
                    .iter()
                    .any(|tokens| tokens.iter().any(|t| t == value))
            })
        }
        "match_phrase" => {
            let (field, spec) = spec.as_object().unwrap().iter().next().unwrap();
            let wanted = search_analysis[field].tokens(spec["query"].as_str().unwrap());
            if wanted.is_empty() {
                return false;
            }
            doc.fields.get(field).is_some_and(|values| {
                values
                    .iter()
                    .any(|tokens| tokens.windows(wanted.len()).any(|w| w == wanted.as_slice()))
            })
        }
        "range" => {
            let spec = &spec["date"];
            let Some(date) = source["date"].as_str() else {
                return false;
            };
            spec["gte"].as_str().is_none_or(|from| date >= from)
                && spec["lte"].as_str().is_none_or(|to| date <= to)
        }
        "bool" => {
            let list = |name: &str| spec[name].as_array().cloned().unwrap_or_default();
            let (must, filter, should, must_not) = (
                list("must"),
                list("filter"),
                list("should"),
                list("must_not"),
            );
            if !must
                .iter()
                .chain(&filter)
                .all(|c| matches(c, doc, source, search_analysis))
            {
                return false;
            }
            if must_not
                .iter()
                .any(|c| matches(c, doc, source, search_analysis))
            {
                return false;
            }
            let minimum = match spec["minimum_should_match"].as_u64() {
                Some(m) => m as usize,
                None if must.is_empty() && filter.is_empty() && !should.is_empty() => 1,
                None => 0,
            };
            minimum == 0
                || should
                    .iter()
                    .filter(|c| matches(c, doc, source, search_analysis))
                    .count()
                    >= minimum
        }
        other => panic!("the translation wrote a {other} query, which this check does not read"),
    }
}

#[test]
fn the_exported_analysis_matches_what_vnsearch_returns_on_the_relevance_queries() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let records = root.join("../shared/corpus/baomoi/baomoi-000.jsonl");
    if !records.exists() {
        eprintln!(
            "SKIPPED analysis equivalence: the baomoi corpus is not at {} (needs ../shared/corpus)",
            records.display()
        );
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let first: String = std::fs::read_to_string(&records)
        .unwrap()
        .lines()
        .take(2000)
        .map(|l| format!("{l}\n"))
        .collect();
    let sample = work.path().join("baomoi-2000.jsonl");
    std::fs::write(&sample, first).unwrap();
    let fixture = fixture_of(&[&sample]);
    let out = work.path().join("os");
    export_ok(&fixture, &out, &["--to", "opensearch"]);
    let index = read_json(&out.join("index.json"));
    let actions = bulk_actions(&out);
    let ids: Vec<String> = actions.iter().map(|a| a.id.clone()).collect();
    let sources: Vec<Value> = actions.into_iter().map(|a| a.source.unwrap()).collect();
    let docs = analysed_docs(&index, &sources);
    let properties = index["mappings"]["properties"].as_object().unwrap();
    let mut search_analysis: HashMap<String, Analysis> = HashMap::new();
    for (name, spec) in properties {
        search_analysis.insert(name.clone(), Analysis::from_mapping(&index, spec));
        if let Some(subfields) = spec["fields"].as_object() {
            for (sub, subspec) in subfields {
                search_analysis.insert(
                    format!("{name}.{sub}"),
                    Analysis::from_mapping(&index, subspec),
                );
            }
        }
    }

    let queries: Vec<String> = std::fs::read_to_string(root.join("tests/relevance/queries.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["query"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let (mut returned, mut matched_tokens, mut matched_builtin, mut extra) =
        (0usize, 0usize, 0usize, 0usize);
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    for query in &queries {
        let vnsearch = search_keys(&fixture, &["--", query]);
        let run = fixture.run(&["search", "--explain-as", "opensearch", "--", query]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{query}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let body: Value = serde_json::from_slice(&run.stdout).unwrap();
        let tokens_query = &body["query"];
        let builtin_query = to_builtin(tokens_query);
        let mut by_tokens = BTreeSet::new();
        for (i, doc) in docs.iter().enumerate() {
            if matches(tokens_query, doc, &sources[i], &search_analysis) {
                by_tokens.insert(ids[i].clone());
            }
            if vnsearch.contains(&ids[i])
                && matches(&builtin_query, doc, &sources[i], &search_analysis)
            {
                matched_builtin += 1;
            }
        }
        returned += vnsearch.len();
        let hit = vnsearch.intersection(&by_tokens).count();
        matched_tokens += hit;
        extra += by_tokens.difference(&vnsearch).count();
        if hit < vnsearch.len() {
            misses.insert(query.clone(), vnsearch.len() - hit);
        }
    }
    // The filters translate too: the same queries with filters, through the keyword fields.
    let filter_sets: [&[&str]; 5] = [
        &["--province", "Hà Nội"],
        &["--region", "Tây Nguyên", "--merged"],
        &["--resolution", "Nghị quyết Trung ương 4"],
        &["--year", "2017"],
        &["--from", "2017-03", "--to", "2017-05-31", "--guessed-dates"],
    ];
    let (mut filtered_returned, mut filtered_matched, mut filtered_extra) =
        (0usize, 0usize, 0usize);
    for filters in filter_sets {
        for query in ["", "Đảng", "cán bộ"] {
            let mut args: Vec<&str> = filters.to_vec();
            args.extend(["--", query]);
            let vnsearch = search_keys(&fixture, &args);
            let mut explain = vec!["search", "--explain-as", "opensearch"];
            explain.extend_from_slice(&args);
            let run = fixture.run(&explain);
            assert_eq!(
                run.status.code(),
                Some(0),
                "{args:?}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            let body: Value = serde_json::from_slice(&run.stdout).unwrap();
            let by_dsl: BTreeSet<String> = (0..docs.len())
                .filter(|&i| matches(&body["query"], &docs[i], &sources[i], &search_analysis))
                .map(|i| ids[i].clone())
                .collect();
            filtered_returned += vnsearch.len();
            filtered_matched += vnsearch.intersection(&by_dsl).count();
            filtered_extra += by_dsl.difference(&vnsearch).count();
        }
    }
    eprintln!(
        "filters: vnsearch returned {filtered_returned} for 15 filtered searches; the exported query matched {filtered_matched} of them and {filtered_extra} others"
    );
    assert!(
        filtered_returned > 100,
        "the filters select documents: {filtered_returned}"
    );
    assert_eq!(
        (filtered_matched, filtered_extra),
        (filtered_returned, 0),
        "filters translate exactly"
    );
    let share = |n: usize| 100.0 * n as f64 / returned.max(1) as f64;
    eprintln!(
        "analysis equivalence over {} documents, {} queries: vnsearch returned {returned}; the token fields matched {matched_tokens} ({:.2}%), the engine's own analysis matched {matched_builtin} ({:.2}%); the token fields matched {extra} documents vnsearch did not return; misses by query: {misses:?}",
        docs.len(),
        queries.len(),
        share(matched_tokens),
        share(matched_builtin),
    );
    assert!(returned > 1000, "the queries return documents: {returned}");
    assert!(
        share(matched_tokens) >= 99.0,
        "token fields: {:.2}%",
        share(matched_tokens)
    );
    assert!(
        share(matched_builtin) >= 90.0,
        "the engine's own analysis: {:.2}%",
        share(matched_builtin)
    );
}

/// Two articles cite Quy định 47-QĐ/TW (one without the words "Quy định"), one Decree 47 of
/// the Government, one merely has the words.
const FORTY_SEVEN: &str = r#"{"id": "a1", "title": "Kiểm điểm việc thực hiện những điều đảng viên không được làm", "body": "Chi bộ kiểm điểm việc thực hiện Quy định số 47-QĐ/TW của Ban Chấp hành Trung ương về những điều đảng viên không được làm.", "published": "2017-03-02"}
{"id": "a2", "title": "Nghiêm túc chấp hành kỷ luật Đảng", "body": "Các chi bộ chấp hành nghiêm 47-QĐ/TW về những điều đảng viên không được làm.", "published": "2017-05-10"}
{"id": "b1", "title": "Tăng lương cơ sở từ 1/7", "body": "Chính phủ ban hành Nghị định 47/2017/NĐ-CP quy định mức lương cơ sở 1.300.000 đồng, theo quy định từ ngày 1/7/2017.", "published": "2017-05-01"}
{"id": "b2", "title": "Quy định mới cho các xã khó khăn", "body": "Tỉnh ban hành quy định mới cho 47 xã đặc biệt khó khăn.", "published": "2017-04-01"}
"#;

#[test]
fn explain_as_reads_a_query_naming_a_document_as_vnsearch_does() {
    let fixture = Fixture::with_files(&[("news.jsonl", FORTY_SEVEN)]);
    let run = fixture.run(&["search", "--explain-as", "opensearch", "--", "Quy định 47"]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let body: Value = serde_json::from_slice(&run.stdout).unwrap();
    // The words, or citing the document at a score above any text score.
    let should = body["query"]["bool"]["should"].as_array().unwrap();
    assert_eq!(should.len(), 2, "{body:#}");
    assert_eq!(
        should[1],
        json!({"constant_score": {"boost": 100.0, "filter": {"term": {"resolution_5": {
            "value": "Đảng / Quy định / Trung ương / 47-QĐ/TW / khóa XI"
        }}}}})
    );
    // Quickwit's language has no boosts: the same two alternatives.
    let run = fixture.run(&["search", "--explain-as", "quickwit", "--", "Quy định 47"]);
    let body: Value = serde_json::from_slice(&run.stdout).unwrap();
    let query = body["query"].as_str().unwrap();
    assert!(
        query.ends_with(" OR resolution_5:\"Đảng / Quy định / Trung ương / 47-QĐ/TW / khóa XI\")"),
        "{query}"
    );
    // A query naming nothing is unchanged.
    let run = fixture.run(&["search", "--explain-as", "opensearch", "--", "đảng viên"]);
    let body: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert!(!body["query"].to_string().contains("constant_score"));
}
