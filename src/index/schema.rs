//! The index schema. Every analysed text exists in three views: with diacritics (term
//! frequencies and positions, for the exact-diacritic preference and the as-typed tier's
//! phrases), folded (with positions, for phrases and proximity) and as neighbouring-syllable
//! pairs (folded, for two-word queries without a phrase query's cost). Positions on the exact
//! view reuse the terms it already holds, where a field of marked pairs cost a term per
//! distinct written pair (schema 5 → 6).

use tantivy::schema::{
    DateOptions, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};

use crate::text::tantivy_analyzer::{EXACT, FOLDED, PAIRS};

/// Bumped whenever the schema or the analysis changes in a way that needs a rebuild.
/// 3: `key`, `id`, `title` and `date` are no longer stored apart from `meta`, which holds them.
/// 4: the `dating` facet (how far each date can be trusted: certain, likely, guess, none).
/// 5: `pairs_exact`, the marked neighbouring-syllable pairs as written (the as-typed tier);
/// the `year_only` field (the date's precision), so a month never counts a bare year; the
/// `person` and `role` facets and the `person_key` filter field (people named with an office).
/// 6: no `pairs_exact`; `title`, `body` and `source` keep positions (a position left empty at
/// punctuation), and the as-typed tier is a phrase on them: a smaller index, faster to build,
/// and a three-word run no longer passes on its two pairs held apart.
pub const SCHEMA_VERSION: u32 = 6;

/// The fields of the schema, resolved once.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Stable identity for incremental indexing: canonical path (+ `#record-id`).
    pub key: Field,
    /// Short id for people (file stem or record id).
    pub id: Field,
    pub title: Field,
    pub title_folded: Field,
    pub body: Field,
    pub body_folded: Field,
    pub source: Field,
    pub source_folded: Field,
    /// Neighbouring syllable pairs of title and body, with name marks (schema 2).
    pub pairs: Field,
    pub date: Field,
    /// Only the date's year is known (it is stored as 1 January): months and date ranges
    /// that do not cover the whole year must not count it.
    pub year_only: Field,
    pub content_hash: Field,
    pub text_hash: Field,
    /// JSON with what a hit shows besides the body (see `document::StoredMeta`).
    pub meta: Field,
    /// `/region/province` for every province an article mentions (pre-merger units).
    pub place: Field,
    /// `/region/unit` rolled up to the 34 units in force since July 2025.
    pub place_now: Field,
    /// Party documents cited (see `extract::citations`).
    pub resolution: Field,
    pub year: Field,
    /// How far the date can be trusted: `/certain`, `/likely`, `/guess`, or `/none` (undated).
    pub dating: Field,
    pub category: Field,
    /// `/name` of every person named with an office (see `extract::people`).
    pub person: Field,
    /// `/role` of those people, normalised ("Bí thư", "Chủ tịch UBND").
    pub role: Field,
    /// The folded key of each person's name (`extract::people::person_key`), for `--person`.
    pub person_key: Field,
}

fn analysed(tokenizer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// The schema of a new index, and its fields; an existing index's fields come from its own
/// schema ([`fields_of`]), which the version check has already matched to this one.
pub fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let freqs = IndexRecordOption::WithFreqs;
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let fields = Fields {
        // What a hit shows is read from `meta` and `body` alone: nothing else is stored.
        key: builder.add_text_field("key", STRING | FAST),
        id: builder.add_text_field("id", STRING),
        // The exact views keep positions for the as-typed tier's phrases (schema 6).
        title: builder.add_text_field("title", analysed(EXACT, positions, false)),
        title_folded: builder.add_text_field("title_folded", analysed(FOLDED, positions, false)),
        body: builder.add_text_field("body", analysed(EXACT, positions, true)),
        body_folded: builder.add_text_field("body_folded", analysed(FOLDED, positions, false)),
        source: builder.add_text_field("source", analysed(EXACT, positions, false)),
        source_folded: builder.add_text_field("source_folded", analysed(FOLDED, positions, false)),
        pairs: builder.add_text_field("pairs", analysed(PAIRS, freqs, false)),
        date: builder.add_date_field("date", DateOptions::default().set_indexed().set_fast()),
        year_only: builder.add_bool_field(
            "year_only",
            NumericOptions::default().set_indexed().set_fast(),
        ),
        content_hash: builder.add_u64_field("content_hash", NumericOptions::default().set_fast()),
        text_hash: builder.add_u64_field("text_hash", NumericOptions::default().set_fast()),
        meta: builder.add_text_field("meta", STORED),
        place: builder.add_facet_field("place", FacetOptions::default()),
        place_now: builder.add_facet_field("place_now", FacetOptions::default()),
        resolution: builder.add_facet_field("resolution", FacetOptions::default()),
        year: builder.add_facet_field("year", FacetOptions::default()),
        dating: builder.add_facet_field("dating", FacetOptions::default()),
        category: builder.add_facet_field("category", FacetOptions::default()),
        person: builder.add_facet_field("person", FacetOptions::default()),
        role: builder.add_facet_field("role", FacetOptions::default()),
        person_key: builder.add_text_field("person_key", STRING),
    };
    (builder.build(), fields)
}

/// Resolves the fields of an opened index by name.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        key: f("key")?,
        id: f("id")?,
        title: f("title")?,
        title_folded: f("title_folded")?,
        body: f("body")?,
        body_folded: f("body_folded")?,
        source: f("source")?,
        source_folded: f("source_folded")?,
        pairs: f("pairs")?,
        date: f("date")?,
        year_only: f("year_only")?,
        content_hash: f("content_hash")?,
        text_hash: f("text_hash")?,
        meta: f("meta")?,
        place: f("place")?,
        place_now: f("place_now")?,
        resolution: f("resolution")?,
        year: f("year")?,
        dating: f("dating")?,
        category: f("category")?,
        person: f("person")?,
        role: f("role")?,
        person_key: f("person_key")?,
    })
}
