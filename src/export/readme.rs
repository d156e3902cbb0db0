//! The README written beside the exported files: what is there, the exact commands to create
//! the index and load it, and three typical vnsearch searches in the engine's own language
//! (translated by `translate`, not written by hand).

use std::fmt::Write;

use super::translate::{quickwit_body, search_body};
use super::{ExportSummary, Target};
use crate::search::build::Matching;
use crate::search::facets::Dimension;
use crate::search::SearchRequest;

pub const README_FILE: &str = "README.md";
pub const INDEX_FILE: &str = "index.json";
pub const QUICKWIT_CONFIG_FILE: &str = "quickwit-index.yaml";
/// Quickwit delete tasks (one JSON body a line) for documents removed or replaced.
pub const DELETE_TASKS_FILE: &str = "delete-tasks.ndjson";

/// The shard size aimed at: the middle of OpenSearch's advice (10–50 GB a shard).
pub const TARGET_SHARD_BYTES: u64 = 30 * 1024 * 1024 * 1024;

/// Primary shards for the exported documents, assuming (stated, not measured: no cluster here)
/// that the engine's index is about the size of the NDJSON, as vnsearch's own index is 1.36×
/// its corpus and the NDJSON already carries each text in several views. A `--since` export
/// holds only the changes, so it says nothing of the size: one shard, as for a small index.
pub fn shards_for(summary: &ExportSummary) -> u32 {
    if summary.since {
        return 1;
    }
    let bytes: u64 = summary.files.iter().map(|f| f.bytes).sum();
    bytes.div_ceil(TARGET_SHARD_BYTES).clamp(1, 1024) as u32
}

/// The three searches every README shows: a phrase, an unaccented query, a faceted query.
pub fn examples() -> Vec<(&'static str, &'static str, SearchRequest)> {
    let request = |query: &str| SearchRequest {
        query: query.to_owned(),
        ..SearchRequest::default()
    };
    vec![
        (
            "A phrase, diacritics as typed",
            "vnsearch search '\"Nghị quyết Trung ương 4\"'",
            request("\"Nghị quyết Trung ương 4\""),
        ),
        (
            "Without diacritics (matches every accented form)",
            "vnsearch search 'nghi quyet trung uong 4'",
            request("nghi quyet trung uong 4"),
        ),
        (
            "With counts by province and year",
            "vnsearch search 'tinh giản biên chế' --facets",
            SearchRequest {
                facets: vec![Dimension::Province, Dimension::Year],
                ..request("tinh giản biên chế")
            },
        ),
    ]
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON to memory")
}

/// The README text for an export.
pub fn render(summary: &ExportSummary, selection: &str) -> String {
    let target = summary.target;
    let name = &summary.name;
    let mut r = String::new();
    let _ = writeln!(r, "# vnsearch export for {}\n", target.title());
    let what = if selection.is_empty() {
        "the whole index".to_owned()
    } else {
        format!("the documents selected by `{selection}`")
    };
    let _ = writeln!(
        r,
        "Written by `vnsearch export --to {}` from {what}: {} documents{}{}, index `{name}`.\n",
        target.name(),
        summary.written,
        if summary.since {
            format!(
                " changed or new since the earlier export ({} unchanged)",
                summary.unchanged
            )
        } else {
            String::new()
        },
        if summary.deleted > 0 {
            format!(", {} removed", summary.deleted)
        } else {
            String::new()
        },
    );
    r.push_str(
        "This export was written and checked as files (they parse, every action has its source,\n\
         the mapping names every field, the analysis reproduces vnsearch's matches); it was not\n\
         loaded into a live cluster where vnsearch was tested, as none can be installed there.\n\n",
    );
    r.push_str("| file | records | size |\n| --- | --- | --- |\n");
    for f in &summary.files {
        let file = f
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let _ = writeln!(r, "| `{file}` | {} | {} |", f.records, size(f.bytes));
    }
    r.push('\n');
    match target {
        Target::Quickwit => quickwit_commands(&mut r, summary),
        _ => bulk_commands(&mut r, summary),
    }
    analysis_choice(&mut r, target);
    r.push_str("## The same searches there\n\n");
    r.push_str("What vnsearch asks the engine for each (`vnsearch search --explain-as ");
    let _ = writeln!(
        r,
        "{} QUERY` prints it for any query, with the same filters as `search`).\n",
        target.name()
    );
    for (title, command, request) in examples() {
        let _ = writeln!(r, "### {title}\n\n```sh\n{command}\n```\n");
        match target {
            Target::Quickwit => {
                let body = quickwit_body(&request, Matching::All, None);
                let _ = writeln!(
                    r,
                    "```sh\ncurl -s -XPOST \"$QW/api/v1/{name}/search\" -H 'Content-Type: application/json' --data-binary @- <<'EOF'\n{}\nEOF\n```\n",
                    pretty(&body)
                );
            }
            _ => {
                let body = search_body(&request, Matching::All, None);
                let _ = writeln!(
                    r,
                    "```sh\ncurl -s -XPOST \"$ES/{name}/_search\" -H 'Content-Type: application/json' --data-binary @- <<'EOF'\n{}\nEOF\n```\n",
                    pretty(&body)
                );
            }
        }
    }
    r.push_str(
        "The year facet is `year_trusted` (certain and likely dates, as vnsearch counts by\n\
         default); the `dating` counts `none` and `guess` are vnsearch's `undated` and `guessed`.\n",
    );
    r
}

fn bulk_commands(r: &mut String, summary: &ExportSummary) {
    let name = &summary.name;
    let auth = match summary.target {
        Target::Elasticsearch => {
            "ES=https://localhost:9200   # Elasticsearch 8 answers on TLS with a password: add\n\
             #   -u elastic:$ELASTIC_PASSWORD --cacert http_ca.crt to each curl below\n"
        }
        _ => "ES=http://localhost:9200    # the OpenSearch node (add -u admin:PASSWORD when security is on)\n",
    };
    let _ = writeln!(r, "## Load it\n\n```sh\n{auth}cd {}", summary.out.display());
    if !summary.since {
        let _ = writeln!(
            r,
            "curl -s -XPUT \"$ES/{name}\" -H 'Content-Type: application/json' --data-binary @{INDEX_FILE}"
        );
    }
    let _ = writeln!(
        r,
        "for f in bulk-*.ndjson; do\n  curl -s -XPOST \"$ES/_bulk\" -H 'Content-Type: application/x-ndjson' --data-binary @\"$f\" \\\n    | grep -q '\"errors\":false' || echo \"$f: some actions failed\"\ndone\ncurl -s -XPOST \"$ES/{name}/_refresh\"\ncurl -s \"$ES/{name}/_count\"\n```\n"
    );
    r.push_str(
        "Each `bulk-NNNN.ndjson` is one `_bulk` request (an `index` action line with `_id` = the\n\
         document's stable key, then its source; `delete` actions for documents removed since an\n\
         earlier export), cut at `--chunk-kb`. A `--since` export is loaded the same way into the\n\
         existing index: `index` overwrites a changed document, `delete` removes a gone one.\n\n",
    );
}

fn quickwit_commands(r: &mut String, summary: &ExportSummary) {
    let name = &summary.name;
    let _ = writeln!(
        r,
        "## Load it\n\n```sh\nQW=http://localhost:7280\ncd {}",
        summary.out.display()
    );
    if !summary.since {
        let _ = writeln!(
            r,
            "quickwit index create --index-config {QUICKWIT_CONFIG_FILE}"
        );
    }
    let _ = writeln!(
        r,
        "# documents removed or replaced since the earlier export go first (Quickwit has no upsert)\n\
         [ -f {DELETE_TASKS_FILE} ] && while read -r task; do\n  curl -s -XPOST \"$QW/api/v1/{name}/delete-tasks\" -H 'Content-Type: application/json' -d \"$task\"\ndone < {DELETE_TASKS_FILE}\n\
         for f in docs-*.ndjson; do quickwit index ingest --index {name} --input-path \"$f\"; done\n```\n"
    );
    r.push_str(
        "Each `docs-NNNN.ndjson` holds one document a line, cut at `--chunk-kb`. Quickwit appends:\n\
         a changed document is removed by a delete task on its `key` before the new version is\n\
         ingested, so run the delete tasks before the ingest.\n\n",
    );
}

fn analysis_choice(r: &mut String, target: Target) {
    r.push_str("## Which analysis\n\n");
    r.push_str(
        "Every text is there twice. `title`, `body` and `source` hold vnsearch's normalised text\n\
         (NFC, Ð→Đ, one tone placement, plain spaces), analysed by the engine itself; the\n\
         `*_exact_tokens`, `*_folded_tokens` and `pairs_tokens` fields hold vnsearch's own tokens,\n\
         read by a whitespace tokenizer.\n\n",
    );
    match target {
        Target::Quickwit => r.push_str(
            "- The text fields use a `simple` tokenizer with `lower_caser` and `ascii_folding`\n\
             (which maps đ→d; the text is NFC, which it needs), `record: position`: diacritic-\n\
             insensitive phrases for queries typed in Quickwit's own UI. Quickwit has no filter for\n\
             vnsearch's i/y spelling rule (\"ki\"/\"ky\"), and its tokenizer splits \"20.777\".\n",
        ),
        _ => r.push_str(
            "- The text fields use `vi_exact` (a syllable pattern tokenizer and `lowercase`) and,\n\
             in `.folded`, `vi_folded` (`asciifolding`, which maps đ→d and needs NFC, plus the i/y\n\
             rule as a `pattern_replace` filter) with positions: for queries typed in the engine's\n\
             own tools. On OpenSearch with the analysis-icu plugin, `icu_folding` can replace\n\
             `asciifolding`. They do not unify the exact view's i/y spellings (\"tỉ\" and \"tỷ\").\n",
        ),
    }
    r.push_str(
        "- **Choose the token fields** for carrying vnsearch's searches over: they are exactly\n\
         vnsearch's analysis (tone placement, i/y spellings, syllable pairs with name marks),\n\
         so `vnsearch search --explain-as` queries match the documents vnsearch matches; the\n\
         tests measure that on the relevance queries. Keep the text fields for display and\n\
         ad hoc queries; drop the sub-field or the token fields you do not use to save space.\n\n",
    );
}
