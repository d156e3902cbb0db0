//! The as-typed tier. In Vietnamese the marks are the meaning: "dựa vào" (to rely on) is not
//! "đưa vào" (to put in), though both fold to "dua vao". For a query typed with diacritics,
//! every match that holds the words as typed ranks above every match that holds them only in
//! another form; the others follow, so nothing is lost when the typed form is rare.
//!
//! A match is as typed when each syllable typed with marks is there with those marks and, for
//! each pair of neighbouring words of a run (or a quoted phrase) that carries a mark, the
//! document does not hold the pair only in another form: if the folded pair is there, the pair
//! as typed is there too (`pairs_exact`). A syllable typed without marks matches any form, so
//! a query that mixes is read syllable by syllable. A query with no marks builds no tier.
//!
//! The tier is a document set, not a score: ranking sorts by (as typed, score), so it orders
//! every match, not only the candidates that the phrase rewards rescore, and leaves totals,
//! facets and the scores shown as they were.

use tantivy::collector::{SegmentSortKeyComputer, SortKeyComputer};
use tantivy::query::{
    BooleanQuery, EnableScoring, Occur, Query, RegexQuery, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

use crate::index::Fields;
use crate::text::tantivy_analyzer::pair_token;
use crate::text::unfold::{forms_pattern, push_literal};
use crate::text::Syllable;

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.pop().expect("one query");
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// Every one of the queries (none: `None`, no condition).
pub fn all_of(mut queries: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Must, q)).collect(),
        ))),
    }
}

/// Either of the queries.
pub fn either(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    any_of(queries)
}

/// One syllable as typed in the given exact fields; `None` when it was typed without marks.
pub fn syllable(exact_fields: &[Field], syllable: &Syllable) -> Option<Box<dyn Query>> {
    syllable.has_marks().then(|| {
        any_of(
            exact_fields
                .iter()
                .map(|&field| term(field, &syllable.exact))
                .collect(),
        )
    })
}

/// The pair of neighbouring syllables as typed in `pairs_exact`: the exact token when both carry
/// marks, else every written form of the unmarked one beside the marked one as typed.
fn exact_pair(field: Field, a: &Syllable, b: &Syllable) -> Box<dyn Query> {
    if a.has_marks() && b.has_marks() {
        return term(field, &pair_token(&a.exact, &b.exact, false));
    }
    let side = |s: &Syllable| {
        if s.has_marks() {
            let mut literal = String::new();
            s.exact.chars().for_each(|c| push_literal(&mut literal, c));
            literal
        } else {
            forms_pattern(&s.folded)
        }
    };
    let pattern = format!("{} {}", side(a), side(b));
    match RegexQuery::from_pattern(&pattern, field) {
        Ok(query) => Box::new(query),
        // The pattern is built from letters and escapes only; were it ever refused, the pair
        // would be asked for as written, which is what a fully marked pair asks for.
        Err(_) => term(field, &pair_token(&a.exact, &b.exact, false)),
    }
}

/// A run of neighbouring words (or a quoted phrase) as typed: its marked syllables with their
/// marks, and no pair of it that carries a mark held only in another form. `pairs` says whether
/// the scope has pair views (title and body do, the publisher line does not). `None` when
/// nothing of the run carries a mark.
pub fn run(
    fields: &Fields,
    exact_fields: &[Field],
    pairs: bool,
    run: &[Syllable],
) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = run
        .iter()
        .filter_map(|s| syllable(exact_fields, s))
        .map(|q| (Occur::Must, q))
        .collect();
    if clauses.is_empty() {
        return None;
    }
    if pairs {
        for window in run.windows(2) {
            let (a, b) = (&window[0], &window[1]);
            if !a.has_marks() && !b.has_marks() {
                continue;
            }
            // Held folded but not as typed: only in another form.
            let other_form = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    term(fields.pairs, &pair_token(&a.folded, &b.folded, false)),
                ),
                (Occur::MustNot, exact_pair(fields.pairs_exact, a, b)),
            ]);
            clauses.push((Occur::MustNot, Box::new(other_form)));
        }
    }
    if clauses.len() == 1 {
        return clauses.pop().map(|(_, q)| q);
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// The tier's query made ready for one searcher: which documents are as typed. No scoring:
/// it only says yes or no.
pub struct Tier {
    weight: Box<dyn Weight>,
}

impl Tier {
    pub fn new(searcher: &Searcher, query: &dyn Query) -> tantivy::Result<Tier> {
        Ok(Tier {
            weight: query.weight(EnableScoring::disabled_from_searcher(searcher))?,
        })
    }

    /// A reader of the tier over one segment, asked about documents in increasing order.
    pub fn segment(&self, reader: &SegmentReader) -> tantivy::Result<TierReader> {
        Ok(TierReader {
            scorer: Some(self.weight.scorer(reader, 1.0)?),
        })
    }
}

/// The tier over one segment. Asked about documents in increasing order, it moves through the
/// tier's documents once, so asking about every match costs one pass over the tier.
pub struct TierReader {
    /// `None` once the tier has no more documents in the segment.
    scorer: Option<Box<dyn Scorer>>,
}

impl TierReader {
    /// Whether `doc` is as typed; `doc` must not be below a document asked about before.
    pub fn holds(&mut self, doc: DocId) -> bool {
        let Some(scorer) = self.scorer.as_mut() else {
            return false;
        };
        let mut at = scorer.doc();
        if at < doc {
            at = scorer.seek(doc);
        }
        if at == TERMINATED {
            self.scorer = None;
        }
        at == doc
    }
}

/// The sort key of the ranking pass: as typed first (all true without a tier), then the score.
pub struct TypedFirst {
    pub tier: Option<Tier>,
}

impl SortKeyComputer for TypedFirst {
    type SortKey = bool;
    type Child = TypedFirstSegment;
    type Comparator = tantivy::collector::sort_key::NaturalComparator;

    fn segment_sort_key_computer(
        &self,
        reader: &SegmentReader,
    ) -> tantivy::Result<TypedFirstSegment> {
        Ok(TypedFirstSegment {
            tier: self.tier.as_ref().map(|t| t.segment(reader)).transpose()?,
        })
    }
}

/// `TypedFirst` over one segment.
pub struct TypedFirstSegment {
    tier: Option<TierReader>,
}

impl SegmentSortKeyComputer for TypedFirstSegment {
    type SortKey = bool;
    type SegmentSortKey = bool;
    type SegmentComparator = tantivy::collector::sort_key::NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, _score: Score) -> bool {
        self.tier.as_mut().is_none_or(|tier| tier.holds(doc))
    }

    fn convert_segment_sort_key(&self, typed: bool) -> bool {
        typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;
    use tantivy::collector::DocSetCollector;
    use tantivy::schema::Schema;
    use tantivy::{doc, Index};

    /// An index of the three pair views of a few texts, as the real schema analyses them.
    fn index(texts: &[&str]) -> (Index, Fields) {
        let (schema, fields): (Schema, Fields) = crate::index::schema::build_schema();
        let index = Index::create_in_ram(schema);
        crate::text::tantivy_analyzer::register(&index);
        let mut writer = index.writer_with_num_threads(1, 20_000_000).unwrap();
        for text in texts {
            writer
                .add_document(doc!(
                    fields.body => *text,
                    fields.pairs => *text,
                    fields.pairs_exact => *text,
                ))
                .unwrap();
        }
        writer.commit().unwrap();
        (index, fields)
    }

    fn typed(texts: &[&str], query: &str) -> Vec<usize> {
        let (index, fields) = index(texts);
        let searcher = index.reader().unwrap().searcher();
        let syllables = analyze(query);
        let Some(tier) = run(&fields, &[fields.body], true, &syllables) else {
            return (0..texts.len()).collect();
        };
        let mut docs: Vec<usize> = searcher
            .search(&*tier, &DocSetCollector)
            .unwrap()
            .into_iter()
            .map(|a| a.doc_id as usize)
            .collect();
        docs.sort_unstable();
        docs
    }

    const TEXTS: &[&str] = &[
        "Chúng tôi dựa vào dân.",             // 0: as typed
        "Đưa vào sử dụng, dựa trên luật.",    // 1: "dựa" there, the pair only as "đưa vào"
        "Dựa vào quy định, đưa vào vận hành", // 2: both forms: holds it as typed
        "Dựa trên quy định, vào ngày mai",    // 3: the words apart, no other form of the pair
        "dua vao dan",                        // 4: typed without marks: another form
    ];

    #[test]
    fn a_pair_held_only_in_another_form_is_not_as_typed() {
        assert_eq!(typed(TEXTS, "dựa vào"), [0, 2, 3]);
        assert_eq!(typed(TEXTS, "đưa vào"), [1, 2]);
    }

    #[test]
    fn a_mixed_query_is_read_syllable_by_syllable() {
        // "vao" typed without marks matches any form of it; "dựa" must be as typed.
        assert_eq!(typed(TEXTS, "dựa vao"), [0, 2, 3]);
        assert_eq!(typed(TEXTS, "dua vào"), [0, 1, 2, 3]);
        // No marks at all: no tier.
        assert!(run(&index(TEXTS).1, &[], true, &analyze("dua vao")).is_none());
    }

    #[test]
    fn the_reader_answers_in_increasing_order_and_past_the_end() {
        let (index, fields) = index(TEXTS);
        let searcher = index.reader().unwrap().searcher();
        let query = run(&fields, &[fields.body], true, &analyze("dựa vào")).unwrap();
        let tier = Tier::new(&searcher, &*query).unwrap();
        let mut reader = tier.segment(searcher.segment_reader(0)).unwrap();
        let answers: Vec<bool> = (0..6).map(|doc| reader.holds(doc)).collect();
        assert_eq!(answers, [true, false, true, true, false, false]);
    }
}
