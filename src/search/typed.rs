//! The as-typed tier. In Vietnamese the marks are the meaning: "dựa vào" (to rely on) is not
//! "đưa vào" (to put in), though both fold to "dua vao". For a query typed with diacritics,
//! every match that holds the words as typed ranks above every match that holds them only in
//! another form; the others follow, so nothing is lost when the typed form is rare.
//!
//! A match is as typed when it holds each run of words typed together (or quoted) together,
//! with the marks typed: every pair of neighbours of the run, as written (`pairs_exact`, the
//! marked pairs of every text), and each word typed alone with its marks. A syllable typed
//! without marks matches any form, so a query that mixes is read syllable by syllable. A query
//! with no marks builds no tier. Matches that hold the words only apart, or only in another
//! form, come after, in score order.
//!
//! The tier is a document set, not a score: ranking sorts by (as typed, score), so it orders
//! every match, not only the candidates that the phrase rewards rescore, and leaves totals,
//! facets and the scores shown as they were.

use tantivy::collector::sort_key::{Comparator, NaturalComparator};
use tantivy::collector::{SegmentSortKeyComputer, SortKeyComputer, TopNComputer};
use tantivy::query::{
    BooleanQuery, EnableScoring, Occur, Query, RegexQuery, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SeekDangerResult, SegmentReader, Term, TERMINATED};

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

/// A run of neighbouring words (or a quoted phrase) as typed: every pair of neighbours of it
/// held together (for three words or more, each pair somewhere: no positions are kept for it), a pair that carries a mark with those marks (`pairs_exact`), one without in
/// any form (`pairs`). `pairs` says whether the scope has pair views (title and body do, the
/// publisher line does not; there each marked syllable as typed is asked for instead). `None`
/// when nothing of the run carries a mark.
pub fn run(
    fields: &Fields,
    exact_fields: &[Field],
    pairs: bool,
    run: &[Syllable],
) -> Option<Box<dyn Query>> {
    if !run.iter().any(Syllable::has_marks) {
        return None;
    }
    if !pairs || run.len() < 2 {
        return all_of(
            run.iter()
                .filter_map(|s| syllable(exact_fields, s))
                .collect(),
        );
    }
    let clauses: Vec<Box<dyn Query>> = run
        .windows(2)
        .map(|w| {
            let (a, b) = (&w[0], &w[1]);
            if a.has_marks() || b.has_marks() {
                exact_pair(fields.pairs_exact, a, b)
            } else {
                term(fields.pairs, &pair_token(&a.folded, &b.folded, false))
            }
        })
        .collect();
    all_of(clauses)
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
        let scorer = self.weight.scorer(reader, 1.0)?;
        let floor = scorer.doc();
        Ok(TierReader { scorer, floor })
    }
}

/// The tier over one segment, asked about documents in increasing order. Each document is
/// asked about alone (`seek_danger`), as the rescoring asks its phrase rewards: a seek would
/// move the tier's phrase and intersection scorers on past documents not asked about.
pub struct TierReader {
    scorer: Box<dyn Scorer>,
    /// The first document the tier can still hold: one below it is answered "no" unasked.
    floor: DocId,
}

impl TierReader {
    /// Whether `doc` is as typed; `doc` must not be below a document asked about before.
    pub fn holds(&mut self, doc: DocId) -> bool {
        if doc < self.floor || self.floor == TERMINATED {
            return false;
        }
        match self.scorer.seek_danger(doc) {
            SeekDangerResult::Found => {
                self.floor = doc;
                true
            }
            SeekDangerResult::SeekLowerBound(bound) => {
                self.floor = bound.max(self.scorer.doc());
                false
            }
        }
    }
}

/// The sort key of the ranking pass: as typed first (every match, without a tier), then the
/// score. The tier is asked about a match only when its answer can matter: once the best so far
/// are all as typed, a match scoring below them cannot enter whatever the answer.
pub struct TypedFirst {
    pub tier: Option<Tier>,
}

impl SortKeyComputer for TypedFirst {
    type SortKey = (bool, Score);
    type Child = TypedFirstSegment;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        true
    }

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
    type SortKey = (bool, Score);
    type SegmentSortKey = (bool, Score);
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> (bool, Score) {
        let typed = self.tier.as_mut().is_none_or(|tier| tier.holds(doc));
        (typed, score)
    }

    fn compute_sort_key_and_collect<C: Comparator<(bool, Score)>>(
        &mut self,
        doc: DocId,
        score: Score,
        top: &mut TopNComputer<(bool, Score), DocId, C>,
    ) {
        // Ties go to the earlier document, so a score equal to the threshold cannot enter.
        if let Some((true, lowest)) = top.threshold {
            if score <= lowest {
                return;
            }
        }
        let key = self.segment_sort_key(doc, score);
        top.push(key, doc);
    }

    fn convert_segment_sort_key(&self, key: (bool, Score)) -> (bool, Score) {
        key
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
                    fields.body_folded => *text,
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
        "Dựa trên quy định, vào ngày mai",    // 3: the words apart: not the phrase
        "dua vao dan",                        // 4: typed without marks: another form
    ];

    #[test]
    fn only_the_phrase_with_its_marks_is_as_typed() {
        assert_eq!(typed(TEXTS, "dựa vào"), [0, 2]);
        assert_eq!(typed(TEXTS, "đưa vào"), [1, 2]);
        // Three syllables: every pair of neighbours as typed.
        assert_eq!(typed(TEXTS, "dựa vào dân"), [0]);
        assert_eq!(
            typed(&["phòng, chống tham nhũng"], "phòng chống tham nhũng"),
            [] as [usize; 0]
        );
    }

    #[test]
    fn a_mixed_query_is_read_syllable_by_syllable() {
        // "vao" typed without marks matches any form of it; "dựa" must be as typed.
        assert_eq!(typed(TEXTS, "dựa vao"), [0, 2]);
        assert_eq!(typed(TEXTS, "dua vào"), [0, 1, 2]);
        // A pair without marks in a run that has some: together, in any form.
        assert_eq!(typed(TEXTS, "vào dan"), [0]);
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
        assert_eq!(answers, [true, false, true, false, false, false]);
    }
}
