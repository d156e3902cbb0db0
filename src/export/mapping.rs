//! The index definitions: OpenSearch/Elasticsearch settings and mappings (`index.json`) and a
//! Quickwit index config (`quickwit-index.yaml`), both naming every field a document carries.
//!
//! Two analyses of the same article are offered side by side, and README says which to keep:
//! the engine's own (a syllable tokenizer, lower case, ASCII folding: the text is already
//! vnsearch's normalisation, NFC with one tone placement, so folding gives vnsearch's folded
//! view) on `title`/`body`/`source`, and vnsearch's exact tokens on the `*_tokens` fields, read
//! by a whitespace tokenizer.

use serde_json::{json, Map, Value};

use super::document::{resolution_field, KEYWORDS, PAIRS_FIELD, RESOLUTION_LEVELS, TEXT_FIELDS};

/// The syllable tokenizer as a pattern of its matches (Java and Rust regex alike): a number
/// with `.`, `,` or `:` inside ("20.777", "2:11"), else a run of letters, marks and digits, so
/// "TP.HCM" is two syllables and "35-CT/TW" three, as vnsearch splits them.
pub const SYLLABLE_PATTERN: &str = r"\p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{M}\p{N}]+";

/// vnsearch's folded view writes every i/y pair of the spelling rule with "y" ("ti", "ty" →
/// "ty"; `text::spelling::unify_folded_spelling`): the same rule as a token filter.
/// A named group: Java reads `$1y` as group 1 then "y", Rust's regex as a group named "1y";
/// `${initial}` means the same to both.
pub const IY_PATTERN: &str = "^(?<initial>h|k|l|m|s|t|qu)i$";
pub const IY_REPLACEMENT: &str = "${initial}y";

/// Analyzer names in `index.json`.
pub const EXACT_ANALYZER: &str = "vi_exact";
pub const FOLDED_ANALYZER: &str = "vi_folded";
pub const TOKENS_ANALYZER: &str = "vi_tokens";

/// The OpenSearch/Elasticsearch index body (`PUT /NAME` with this JSON): both accept it as is.
pub fn index_json(shards: u32) -> Value {
    let mut properties = Map::new();
    for field in TEXT_FIELDS {
        properties.insert(
            field.name.into(),
            json!({
                "type": "text",
                "analyzer": EXACT_ANALYZER,
                "index_options": "freqs",
                "fields": {
                    "folded": {"type": "text", "analyzer": FOLDED_ANALYZER, "index_options": "positions"}
                }
            }),
        );
        properties.insert(
            field.exact.into(),
            json!({"type": "text", "analyzer": TOKENS_ANALYZER, "index_options": "freqs"}),
        );
        properties.insert(
            field.folded.into(),
            json!({"type": "text", "analyzer": TOKENS_ANALYZER, "index_options": "positions"}),
        );
    }
    properties.insert(
        PAIRS_FIELD.into(),
        json!({"type": "text", "analyzer": TOKENS_ANALYZER, "index_options": "freqs"}),
    );
    for &keyword in KEYWORDS {
        properties.insert(keyword.into(), json!({"type": "keyword"}));
    }
    for depth in 1..=RESOLUTION_LEVELS {
        properties.insert(resolution_field(depth), json!({"type": "keyword"}));
    }
    properties.insert(
        "date".into(),
        json!({"type": "date", "format": "yyyy-MM-dd"}),
    );
    properties.insert("year_only".into(), json!({"type": "boolean"}));
    properties.insert(
        "citations".into(),
        json!({"type": "object", "enabled": false}),
    );
    json!({
        "settings": {
            "index": {"number_of_shards": shards, "number_of_replicas": 1},
            "analysis": {
                "tokenizer": {
                    "vi_syllable": {"type": "pattern", "pattern": SYLLABLE_PATTERN, "group": 0}
                },
                "filter": {
                    "vi_iy_folded": {
                        "type": "pattern_replace",
                        "pattern": IY_PATTERN,
                        "replacement": IY_REPLACEMENT
                    }
                },
                "analyzer": {
                    EXACT_ANALYZER: {
                        "type": "custom", "tokenizer": "vi_syllable", "filter": ["lowercase"]
                    },
                    FOLDED_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "vi_syllable",
                        "filter": ["lowercase", "asciifolding", "vi_iy_folded"]
                    },
                    TOKENS_ANALYZER: {"type": "custom", "tokenizer": "whitespace"}
                }
            }
        },
        "mappings": {"dynamic": "strict", "properties": properties}
    })
}

/// The Quickwit tokenizer for the normalised text: Quickwit offers only `simple`, `ngram` and
/// `regex` tokenizers with `remove_long`, `lower_caser` and `ascii_folding` filters, so the
/// i/y rule cannot be stated there; the `*_folded_tokens` fields carry it.
pub const QUICKWIT_TOKENIZER: &str = "vi_folded";

/// The Quickwit index config (`quickwit index create --index-config FILE`), as YAML.
pub fn quickwit_yaml(index_id: &str) -> String {
    let mut y = String::new();
    y.push_str("# Quickwit index config written by `vnsearch export --to quickwit`.\n");
    y.push_str("version: 0.8\n");
    y.push_str(&format!("index_id: {}\n", yaml_string(index_id)));
    y.push_str("doc_mapping:\n  mode: strict\n  store_source: true\n  tokenizers:\n");
    y.push_str(&format!(
        "    - name: {QUICKWIT_TOKENIZER}\n      type: simple\n      filters: [remove_long, lower_caser, ascii_folding]\n"
    ));
    y.push_str("  field_mappings:\n");
    let mut field = |lines: &[(&str, String)]| {
        let mut first = true;
        for (key, value) in lines {
            let lead = if first { "    - " } else { "      " };
            first = false;
            y.push_str(&format!("{lead}{key}: {value}\n"));
        }
    };
    let text = |name: &str, tokenizer: &str, record: &str, fast: bool, many: bool| {
        let kind = if many { "array<text>" } else { "text" };
        let mut lines = vec![
            ("name", name.to_owned()),
            ("type", kind.to_owned()),
            ("tokenizer", tokenizer.to_owned()),
            ("record", record.to_owned()),
            ("fieldnorms", (record != "basic").to_string()),
        ];
        if fast {
            lines.push(("fast", "true".to_owned()));
        }
        lines
    };
    for f in TEXT_FIELDS {
        field(&text(f.name, QUICKWIT_TOKENIZER, "position", false, false));
        field(&text(f.exact, "whitespace", "freq", false, false));
        field(&text(f.folded, "whitespace", "position", false, false));
    }
    field(&text(PAIRS_FIELD, "whitespace", "freq", false, false));
    for &keyword in KEYWORDS {
        field(&text(keyword, "raw", "basic", true, is_list(keyword)));
    }
    for depth in 1..=RESOLUTION_LEVELS {
        field(&text(&resolution_field(depth), "raw", "basic", true, true));
    }
    field(&[
        ("name", "date".to_owned()),
        ("type", "datetime".to_owned()),
        ("input_formats", "[\"%Y-%m-%d\"]".to_owned()),
        ("fast", "true".to_owned()),
        ("fast_precision", "seconds".to_owned()),
    ]);
    field(&[
        ("name", "year_only".to_owned()),
        ("type", "bool".to_owned()),
        ("fast", "true".to_owned()),
    ]);
    field(&[
        ("name", "citations".to_owned()),
        ("type", "json".to_owned()),
        ("indexed", "false".to_owned()),
        ("stored", "true".to_owned()),
    ]);
    y.push_str("search_settings:\n  default_search_fields: [");
    let defaults: Vec<&str> = TEXT_FIELDS.iter().map(|f| f.folded).collect();
    y.push_str(&defaults.join(", "));
    y.push_str("]\nindexing_settings:\n  commit_timeout_secs: 30\n");
    y
}

/// Keyword fields that hold a list of values in every document.
pub fn is_list(keyword: &str) -> bool {
    matches!(
        keyword,
        "province"
            | "region"
            | "province_merged"
            | "region_merged"
            | "references"
            | "person"
            | "person_key"
            | "role"
    )
}

/// A YAML scalar that reads back as this exact string.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_syllable_pattern_splits_as_vnsearch() {
        let re = regex::Regex::new(SYLLABLE_PATTERN).unwrap();
        let split = |s: &str| {
            re.find_iter(s)
                .map(|m| m.as_str().to_owned())
                .collect::<Vec<String>>()
        };
        assert_eq!(
            split("TP.HCM có 20.777 đảng viên"),
            ["TP", "HCM", "có", "20.777", "đảng", "viên"]
        );
        assert_eq!(
            split("35-CT/TW, 2020-2025 lúc 2:11"),
            ["35", "CT", "TW", "2020", "2025", "lúc", "2:11"]
        );
        let iy = regex::Regex::new(IY_PATTERN).unwrap();
        assert_eq!(iy.replace("ti", IY_REPLACEMENT), "ty");
        assert_eq!(iy.replace("qui", IY_REPLACEMENT), "quy");
        assert_eq!(iy.replace("thi", IY_REPLACEMENT), "thi");
    }

    #[test]
    fn every_keyword_is_in_both_definitions() {
        let index = index_json(1);
        let properties = index["mappings"]["properties"].as_object().unwrap();
        let yaml = quickwit_yaml("vnsearch");
        for name in properties.keys() {
            assert!(yaml.contains(&format!("- name: {name}\n")), "{name}");
        }
    }
}
