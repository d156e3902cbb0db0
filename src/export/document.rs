//! One indexed article as the document another engine loads: vnsearch's normalised text (so
//! the engine's own folding reproduces vnsearch's folded view), vnsearch's own tokens of each
//! view as whitespace-separated fields (so a whitespace tokenizer indexes exactly vnsearch's
//! analysis), and the facet values as keywords.

use serde_json::{json, Map, Value};
use tantivy::tokenizer::TextAnalyzer;

use crate::extract::people::person_key;
use crate::index::store::IndexStore;
use crate::search::stored::StoredDoc;
use crate::text::normalize_text;
use crate::text::tantivy_analyzer::{EXACT, FOLDED, PAIRS};

/// A searchable text of an article and the names of its exported fields.
#[derive(Debug, Clone, Copy)]
pub struct TextField {
    /// The normalised text, analysed by the engine's own analysers (`vi_exact`, and
    /// `vi_folded` in the `.folded` sub-field).
    pub name: &'static str,
    /// vnsearch's tokens with diacritics (term frequencies: the exact-diacritic preference).
    pub exact: &'static str,
    /// vnsearch's folded tokens (positions: phrases and proximity).
    pub folded: &'static str,
    /// vnsearch's weight of the text in ranking.
    pub boost: f32,
}

pub const TITLE: TextField = TextField {
    name: "title",
    exact: "title_exact_tokens",
    folded: "title_folded_tokens",
    boost: crate::search::build::TITLE_BOOST,
};
pub const BODY: TextField = TextField {
    name: "body",
    exact: "body_exact_tokens",
    folded: "body_folded_tokens",
    boost: 1.0,
};
pub const SOURCE: TextField = TextField {
    name: "source",
    exact: "source_exact_tokens",
    folded: "source_folded_tokens",
    boost: crate::search::build::SOURCE_BOOST,
};
pub const TEXT_FIELDS: [TextField; 3] = [TITLE, BODY, SOURCE];

/// vnsearch's neighbouring-syllable pairs of title and body, one token per pair.
pub const PAIRS_FIELD: &str = "pairs_tokens";

/// Keyword fields (exact values, for filters and facet counts), in the order documents list them.
pub const KEYWORDS: &[&str] = &[
    "key",
    "id",
    "url",
    "author",
    "category",
    "date_source",
    "date_confidence",
    "dating",
    "year",
    "year_trusted",
    "month",
    "month_trusted",
    "primary_province",
    "province",
    "region",
    "province_merged",
    "region_merged",
    "references",
    "person",
    "person_key",
    "role",
];

/// How many levels of the cited-document path are exported, each as `resolution_N` (the path's
/// first N parts joined by [`PATH_SEPARATOR`]). vnsearch's facet tree is five levels deep.
pub const RESOLUTION_LEVELS: usize = 5;

/// Joins the parts of a facet path: document symbols hold "/" ("35-CT/TW"), never " / ".
pub const PATH_SEPARATOR: &str = " / ";

/// The name of the keyword field for the cited-document paths of `depth` parts (1-based).
pub fn resolution_field(depth: usize) -> String {
    format!("resolution_{depth}")
}

/// The value of a cited-document path in its `resolution_N` field.
pub fn path_value(path: &[String]) -> String {
    path.join(PATH_SEPARATOR)
}

/// A pair token of vnsearch ("nghi quyet", "^hoa binh" for a name) as one whitespace-free
/// token: syllables never hold "_" next to a letter, so the join cannot be confused.
pub fn pair_field_token(pair: &str) -> String {
    pair.replace(' ', "_")
}

/// Dates whose year vnsearch's year facet and date filters use by default.
pub const TRUSTED_DATINGS: [&str; 2] = ["certain", "likely"];

/// vnsearch's three analyzers, as the index registered them (the same ones indexing used).
pub struct Analyzers {
    exact: TextAnalyzer,
    folded: TextAnalyzer,
    pairs: TextAnalyzer,
}

impl Analyzers {
    pub fn of(store: &IndexStore) -> Analyzers {
        let manager = store.index.tokenizers();
        let get = |name: &str| {
            manager
                .get(name)
                .unwrap_or_else(|| panic!("the {name} tokenizer is registered on every open"))
        };
        Analyzers {
            exact: get(EXACT),
            folded: get(FOLDED),
            pairs: get(PAIRS),
        }
    }
}

/// The token texts of `text`, separated by single spaces.
fn joined_tokens(analyzer: &mut TextAnalyzer, text: &str, pairs: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if !out.is_empty() {
            out.push(' ');
        }
        if pairs {
            out.push_str(&pair_field_token(&token.text));
        } else {
            out.push_str(&token.text);
        }
    }
    out
}

fn keyword_list(values: impl IntoIterator<Item = String>) -> Value {
    let mut list: Vec<String> = Vec::new();
    for v in values {
        if !list.contains(&v) {
            list.push(v);
        }
    }
    Value::from(list)
}

fn insert_some(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value.into());
    }
}

/// The exported source of one document (without `_id`, which is `key`).
pub fn source(doc: &StoredDoc, analyzers: &mut Analyzers) -> Map<String, Value> {
    let meta = &doc.meta;
    let mut out = Map::new();
    out.insert("key".into(), json!(meta.key));
    out.insert("id".into(), json!(meta.id));
    let texts = [
        (TITLE, Some(meta.title.as_str())),
        (BODY, Some(doc.body.as_str())),
        (SOURCE, meta.source.as_deref()),
    ];
    for (field, text) in texts {
        let Some(text) = text else { continue };
        out.insert(field.name.into(), json!(normalize_text(text)));
        out.insert(
            field.exact.into(),
            json!(joined_tokens(&mut analyzers.exact, text, false)),
        );
        out.insert(
            field.folded.into(),
            json!(joined_tokens(&mut analyzers.folded, text, false)),
        );
    }
    // As vnsearch indexes them: the title's pairs, then the body's, in one field.
    let mut pairs = joined_tokens(&mut analyzers.pairs, &meta.title, true);
    let body_pairs = joined_tokens(&mut analyzers.pairs, &doc.body, true);
    if !pairs.is_empty() && !body_pairs.is_empty() {
        pairs.push(' ');
    }
    pairs.push_str(&body_pairs);
    out.insert(PAIRS_FIELD.into(), json!(pairs));
    insert_some(&mut out, "url", meta.url.clone());
    insert_some(&mut out, "author", meta.author.clone());
    insert_some(&mut out, "category", meta.category.clone());
    // A full day for every engine's date type; a year-only date is January 1st, where vnsearch
    // files it too (`year_only` says which).
    let day = meta.date.as_ref().map(|d| match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.clone(),
    });
    insert_some(&mut out, "date", day);
    insert_some(&mut out, "date_source", meta.date_source.clone());
    insert_some(&mut out, "date_confidence", meta.date_confidence.clone());
    let dating = meta.date_confidence.as_deref().unwrap_or("none");
    out.insert("dating".into(), json!(dating));
    if let Some(date) = &meta.date {
        let trusted = TRUSTED_DATINGS.contains(&dating);
        let year = &date[..4.min(date.len())];
        // A date known only by its year has no month, as vnsearch's month facet has it.
        let month = (!meta.year_only && date.len() >= 7).then(|| date[..7].to_owned());
        out.insert("year".into(), json!(year));
        insert_some(&mut out, "month", month.clone());
        if trusted {
            out.insert("year_trusted".into(), json!(year));
            insert_some(&mut out, "month_trusted", month);
        }
    }
    out.insert("year_only".into(), json!(meta.year_only));
    insert_some(&mut out, "primary_province", meta.primary_province.clone());
    let level = |paths: &[Vec<String>], depth: usize| {
        keyword_list(paths.iter().filter_map(|p| p.get(depth - 1).cloned()))
    };
    out.insert("region".into(), level(&doc.places, 1));
    out.insert("province".into(), level(&doc.places, 2));
    out.insert("region_merged".into(), level(&doc.places_now, 1));
    out.insert("province_merged".into(), level(&doc.places_now, 2));
    out.insert("references".into(), json!(meta.references));
    // People as vnsearch counts (`person`, `role`) and filters (`person_key`) them.
    out.insert(
        "person".into(),
        keyword_list(meta.people.iter().map(|p| p.name.clone())),
    );
    out.insert(
        "person_key".into(),
        keyword_list(meta.people.iter().map(|p| person_key(&p.name))),
    );
    out.insert(
        "role".into(),
        keyword_list(meta.people.iter().map(|p| p.role.clone())),
    );
    for depth in 1..=RESOLUTION_LEVELS {
        let values = doc
            .resolutions
            .iter()
            .filter(|p| p.len() >= depth)
            .map(|p| path_value(&p[..depth]));
        out.insert(resolution_field(depth), keyword_list(values));
    }
    let citations: Vec<Value> = meta
        .citations
        .iter()
        .map(|c| json!({"label": c.label, "kind": c.kind, "issuer": c.issuer, "level": c.level}))
        .collect();
    out.insert("citations".into(), Value::from(citations));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_tokens_lose_their_space_only() {
        assert_eq!(pair_field_token("nghi quyet"), "nghi_quyet");
        assert_eq!(pair_field_token("^hoa binh"), "^hoa_binh");
        assert_eq!(
            path_value(&["Đảng".into(), "Chỉ thị".into(), "35-CT/TW".into()]),
            "Đảng / Chỉ thị / 35-CT/TW"
        );
    }
}
