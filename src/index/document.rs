//! From an article and its extracted facts to a tantivy document, and back for display.

use serde::{Deserialize, Serialize};
use tantivy::schema::Facet;
use tantivy::{DateTime, TantivyDocument};

use super::Fields;
use crate::data::provinces::place_path;
use crate::extract::article_facts;
use crate::extract::people::person_key;
use crate::ingest::SourceDoc;
use crate::model::{ArticleFacts, Date};
use xxhash_rust::xxh3::Xxh3;

/// What a hit shows besides its body, stored as one JSON value. The shape is internal; the
/// public JSON shape is `search::output`.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct StoredMeta {
    pub id: String,
    pub key: String,
    pub path: String,
    pub line: Option<usize>,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub date_source: Option<String>,
    /// `certain`, `likely` or `guess` (see `model::DateConfidence`); `None` when undated.
    #[serde(default)]
    pub date_confidence: Option<String>,
    pub year_only: bool,
    pub primary_province: Option<String>,
    pub provinces: Vec<String>,
    pub references: Vec<String>,
    /// The cited documents, one per label of `references` (same order); empty in an index
    /// built before citations had kinds.
    #[serde(default)]
    pub citations: Vec<StoredCitation>,
    pub category: Option<String>,
    pub author: Option<String>,
    /// People named with an office, in order of first mention; empty in an index built
    /// before people were extracted.
    #[serde(default)]
    pub people: Vec<StoredPerson>,
}

/// One person as stored and shown (JSON `people`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredPerson {
    pub name: String,
    pub role: String,
    pub role_as_written: String,
    pub body: Option<String>,
}

/// One cited document as stored and shown (JSON `citations`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredCitation {
    pub label: String,
    pub kind: String,
    pub issuer: Option<String>,
    /// `party`, `state`, `local` or `unresolved`.
    pub level: String,
}

impl StoredMeta {
    /// Reads the metadata and the cleaned body back from a stored document.
    pub fn from_document(doc: &TantivyDocument, fields: &Fields) -> (StoredMeta, String) {
        use tantivy::schema::Value;
        let meta = doc
            .get_first(fields.meta)
            .and_then(|v| v.as_str())
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default();
        let body = doc
            .get_first(fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned();
        (meta, body)
    }
}

/// The date as the index stores it: midnight UTC of that day.
pub fn to_datetime(date: Date) -> DateTime {
    DateTime::from_timestamp_secs(date.days_since_epoch() * 86_400)
}

/// The text whose hash detects the same article under two ids.
pub fn text_hash(doc: &SourceDoc) -> u64 {
    let a = &doc.article;
    // Equal to `hash_bytes` of the three joined by newlines, without building that string.
    let mut hasher = Xxh3::with_seed(crate::extract::analysis_fingerprint());
    for (i, part) in [&a.title, &a.summary, &a.body].into_iter().enumerate() {
        if i > 0 {
            hasher.update(b"\n");
        }
        hasher.update(part.as_bytes());
    }
    hasher.digest()
}

/// The body as indexed and shown: the summary (sapo) leads, as on the page.
fn full_body(doc: &SourceDoc) -> String {
    let a = &doc.article;
    if a.summary.is_empty() {
        a.body.clone()
    } else if a.body.is_empty() {
        a.summary.clone()
    } else {
        format!("{}\n{}", a.summary, a.body)
    }
}

/// Builds the document for a source article whose `text_hash` is already known; extraction runs
/// here, off the writer's threads.
pub fn build(fields: &Fields, doc: &SourceDoc, text_hash: u64) -> TantivyDocument {
    let facts = article_facts(&doc.article);
    build_with_facts(fields, doc, &facts, text_hash)
}

/// Builds the document from facts already extracted: tests and tools that hold the facts need
/// not run the pipeline again.
pub fn build_with_facts(
    fields: &Fields,
    doc: &SourceDoc,
    facts: &ArticleFacts,
    text_hash: u64,
) -> TantivyDocument {
    let a = &doc.article;
    let mut out = TantivyDocument::default();
    out.add_text(fields.key, &doc.key);
    out.add_text(fields.id, &doc.id);
    out.add_text(fields.title, &a.title);
    out.add_text(fields.title_folded, &a.title);
    let body = full_body(doc);
    out.add_text(fields.body, &body);
    out.add_text(fields.body_folded, &body);
    out.add_text(fields.pairs, &a.title);
    out.add_text(fields.pairs, &body);
    if let Some(source) = &a.source {
        out.add_text(fields.source, source);
        out.add_text(fields.source_folded, source);
    }
    out.add_u64(fields.content_hash, doc.content_hash);
    out.add_u64(fields.text_hash, text_hash);
    if let Some(found) = &facts.date {
        out.add_date(fields.date, to_datetime(found.date));
        out.add_bool(fields.year_only, found.year_only);
        out.add_facet(
            fields.year,
            Facet::from_path([found.date.year().to_string()]),
        );
    }
    for province in &facts.provinces {
        if let Some(path) = place_path(province, false) {
            out.add_facet(fields.place, Facet::from_path(path));
        }
        if let Some(path) = place_path(province, true) {
            out.add_facet(fields.place_now, Facet::from_path(path));
        }
    }
    for citation in &facts.citations {
        out.add_facet(fields.resolution, Facet::from_path(&citation.facet));
    }
    let dating = facts.date.map_or("none", |d| d.confidence.as_str());
    out.add_facet(fields.dating, Facet::from_path([dating]));
    if let Some(category) = &a.category {
        out.add_facet(fields.category, Facet::from_path([category.as_str()]));
    }
    let mut roles: Vec<&str> = Vec::new();
    for person in &facts.people {
        out.add_facet(fields.person, Facet::from_path([person.name.as_str()]));
        out.add_text(fields.person_key, person_key(&person.name));
        if !roles.contains(&person.role.as_str()) {
            roles.push(&person.role);
            out.add_facet(fields.role, Facet::from_path([person.role.as_str()]));
        }
    }
    let meta = StoredMeta {
        id: doc.id.clone(),
        key: doc.key.clone(),
        path: doc.path.display().to_string(),
        line: doc.line,
        title: a.title.clone(),
        source: a.source.clone(),
        url: a.url.clone(),
        date: facts.date.map(|d| {
            if d.year_only {
                d.date.year().to_string()
            } else {
                d.date.to_string()
            }
        }),
        date_source: facts.date.map(|d| d.source.as_str().to_owned()),
        date_confidence: facts.date.map(|d| d.confidence.as_str().to_owned()),
        year_only: facts.date.is_some_and(|d| d.year_only),
        primary_province: facts.primary_province.clone(),
        provinces: facts.provinces.clone(),
        references: facts.citations.iter().map(|c| c.label.clone()).collect(),
        citations: facts
            .citations
            .iter()
            .map(|c| StoredCitation {
                label: c.label.clone(),
                kind: c.kind.clone(),
                issuer: c.issuer.clone(),
                level: c.level.as_str().to_owned(),
            })
            .collect(),
        category: a.category.clone(),
        author: a.author.clone(),
        people: facts
            .people
            .iter()
            .map(|p| StoredPerson {
                name: p.name.clone(),
                role: p.role.clone(),
                role_as_written: p.role_as_written.clone(),
                body: p.body.clone(),
            })
            .collect(),
    };
    out.add_text(
        fields.meta,
        serde_json::to_string(&meta).expect("metadata serialises"),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hash_is_the_hash_of_the_joined_text() {
        let doc = SourceDoc {
            key: "k".into(),
            id: "i".into(),
            path: "p".into(),
            line: None,
            content_hash: 0,
            bytes: 0,
            article: crate::model::Article {
                title: "Tiêu đề".into(),
                summary: "Tóm tắt".into(),
                body: "Thân bài.".into(),
                ..Default::default()
            },
        };
        assert_eq!(
            text_hash(&doc),
            crate::ingest::hash_bytes("Tiêu đề\nTóm tắt\nThân bài.".as_bytes())
        );
    }

    #[test]
    fn dates_are_stored_at_midnight_utc() {
        let d = Date::new(2019, 7, 28).unwrap();
        assert_eq!(to_datetime(d).into_timestamp_secs(), 18_105 * 86_400);
    }
}
