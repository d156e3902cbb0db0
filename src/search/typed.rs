//! The as-typed tier. In Vietnamese the marks are the meaning: "dựa vào" (to rely on) is not
//! "đưa vào" (to put in), though both fold to "dua vao". For a query typed with diacritics,
//! every match that holds the words as typed ranks above every match that holds them only in
//! another form; the others follow, so nothing is lost when the typed form is rare.
//!
//! A match is as typed when it holds each run of words typed together (or quoted) together,
//! with the marks typed: the run as a phrase of one exact field (`title`, `body` or `source`,
//! which keep positions, and leave one empty at punctuation, so "phòng, chống" is not
//! "phòng chống"), and each word typed alone with its marks. A syllable typed without marks
//! matches any of its written forms, so a query that mixes is read syllable by syllable. A
//! query with no marks builds no tier. Matches that hold the words only apart, or only in
//! another form, come after, in score order.
//!
//! The tier is a document set, not a score: ranking sorts by (as typed, score), so it orders
//! every match, not only the candidates that the phrase rewards rescore, and leaves totals,
//! facets and the scores shown as they were.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::collector::sort_key::{Comparator, NaturalComparator};
use tantivy::collector::{SegmentSortKeyComputer, SortKeyComputer, TopNComputer};
use tantivy::query::{
    EnableScoring, PhraseQuery, Query, RegexPhraseQuery, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SeekDangerResult, SegmentReader, Term, TERMINATED};
use tantivy_fst::Regex;

use crate::text::tantivy_analyzer::pair_token;
use crate::text::unfold::{forms_pattern, push_literal};
use crate::text::Syllable;

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// Which documents are as typed: queries joined by "all of" and "any of". Kept a tree of our
/// own rather than a tantivy `BooleanQuery`, so the tier reader asks each phrase about one
/// document at a time (`seek_danger`): a union of phrases would be moved by `seek`, which scans
/// on through the positions of every document to the next one holding a phrase.
#[derive(Debug)]
pub enum TierQuery {
    Leaf(Box<dyn Query>),
    All(Vec<TierQuery>),
    Any(Vec<TierQuery>),
}

fn any_of(mut queries: Vec<TierQuery>) -> TierQuery {
    if queries.len() == 1 {
        return queries.pop().expect("one query");
    }
    TierQuery::Any(queries)
}

/// Every one of the queries (none: `None`, no condition).
pub fn all_of(mut queries: Vec<TierQuery>) -> Option<TierQuery> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(TierQuery::All(queries)),
    }
}

/// Either of the queries.
pub fn either(queries: Vec<TierQuery>) -> TierQuery {
    any_of(queries)
}

/// One syllable as typed in the given exact fields; `None` when it was typed without marks.
pub fn syllable(exact_fields: &[Field], syllable: &Syllable) -> Option<TierQuery> {
    syllable.has_marks().then(|| {
        any_of(
            exact_fields
                .iter()
                .map(|&field| TierQuery::Leaf(term(field, &syllable.exact)))
                .collect(),
        )
    })
}

/// A run of two syllables or more as a phrase of one exact field: each marked syllable as
/// typed, each unmarked one in any written form (a regex phrase, only when the run mixes).
fn phrase(field: Field, run: &[Syllable]) -> Box<dyn Query> {
    let exact = || -> Box<dyn Query> {
        let terms = run
            .iter()
            .map(|s| Term::from_field_text(field, &s.exact))
            .collect();
        Box::new(PhraseQuery::new(terms))
    };
    if run.iter().all(Syllable::has_marks) {
        return exact();
    }
    let slots: Option<Vec<(usize, String, Arc<Regex>)>> = run
        .iter()
        .enumerate()
        .map(|(offset, s)| {
            let pattern = if s.has_marks() {
                let mut literal = String::new();
                s.exact.chars().for_each(|c| push_literal(&mut literal, c));
                literal
            } else {
                forms_pattern(&s.folded)
            };
            let regex = compiled(&pattern)?;
            Some((offset, pattern, regex))
        })
        .collect();
    match slots {
        Some(slots) => Box::new(RegexPhraseQuery::from_regexes(field, slots, 0)),
        // The patterns are letters, classes and escapes only; were one ever refused, the run
        // would be asked for as written, which is what a fully marked run asks for.
        None => exact(),
    }
}

/// How many compiled patterns are kept: a few hundred syllables make most queries.
const COMPILED_MAX: usize = 2048;

/// The automaton of a pattern, compiled once per process: building it is most of a regex
/// phrase's cost, the same syllables recur from query to query, and each of the fields of a
/// scope shares it. `None` if the pattern is refused.
fn compiled(pattern: &str) -> Option<Arc<Regex>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(regex) = cache.lock().ok()?.get(pattern) {
        return Some(Arc::clone(regex));
    }
    let regex = Arc::new(Regex::new(pattern).ok()?);
    let mut cache = cache.lock().ok()?;
    if cache.len() >= COMPILED_MAX {
        cache.clear();
    }
    cache.insert(pattern.to_owned(), Arc::clone(&regex));
    Some(regex)
}

/// The folded pairs field and the exact fields whose texts it holds (title and body). A phrase
/// of those fields implies its folded pairs there (both stop at punctuation), so a term lookup
/// of each rules out, before any position is read, most matches that hold the words apart.
#[derive(Clone, Copy)]
pub struct Pairs<'a> {
    pub field: Field,
    pub covers: &'a [Field],
}

/// The run as a phrase of any of the fields, each phrase of a field that `pairs` covers behind
/// the lookup of its folded pairs.
fn phrase_in(exact_fields: &[Field], pairs: Option<Pairs>, run: &[Syllable]) -> TierQuery {
    let phrases = |fields: Vec<Field>| -> Vec<TierQuery> {
        fields
            .into_iter()
            .map(|field| TierQuery::Leaf(phrase(field, run)))
            .collect()
    };
    let Some(pairs) = pairs else {
        return any_of(phrases(exact_fields.to_vec()));
    };
    let (covered, rest): (Vec<Field>, Vec<Field>) = exact_fields
        .iter()
        .partition(|field| pairs.covers.contains(field));
    let mut branches = Vec::new();
    if !covered.is_empty() {
        let mut all: Vec<TierQuery> = run
            .windows(2)
            .map(|w| {
                let token = pair_token(&w[0].folded, &w[1].folded, false);
                TierQuery::Leaf(term(pairs.field, &token))
            })
            .collect();
        all.push(any_of(phrases(covered)));
        branches.push(TierQuery::All(all));
    }
    branches.extend(phrases(rest));
    any_of(branches)
}

/// The longest run asked for whole. Up to three syllables a run is one word or a word and its
/// neighbour ("một người dân", whose two pairs an article may hold apart); a longer run is
/// several words, and asking for it whole put the few articles holding the exact wording
/// first (`kỷ luật đảng viên` nDCG@10 0.958 → 0.818, all 77 queries 0.897 → 0.890; each
/// window of three 0.895): it is asked for as its pairs of neighbours, each as typed.
pub const WHOLE_RUN_MAX: usize = 3;

/// A run of neighbouring words (or a quoted phrase) as typed: the run as a phrase of one of
/// the scope's exact fields (`phrase`), a run longer than `WHOLE_RUN_MAX` as each pair of
/// neighbours; `None` when nothing of the run carries a mark.
pub fn run(exact_fields: &[Field], pairs: Option<Pairs>, run: &[Syllable]) -> Option<TierQuery> {
    if !run.iter().any(Syllable::has_marks) {
        return None;
    }
    if run.len() < 2 {
        return all_of(
            run.iter()
                .filter_map(|s| syllable(exact_fields, s))
                .collect(),
        );
    }
    let window = if run.len() <= WHOLE_RUN_MAX {
        run.len()
    } else {
        2
    };
    all_of(
        run.windows(window)
            .map(|w| phrase_in(exact_fields, pairs, w))
            .collect(),
    )
}

/// The tier's query made ready for one searcher: which documents are as typed. No scoring:
/// it only says yes or no.
pub struct Tier {
    root: TierWeight,
}

enum TierWeight {
    Leaf(Box<dyn Weight>),
    All(Vec<TierWeight>),
    Any(Vec<TierWeight>),
}

impl TierWeight {
    fn new(query: &TierQuery, scoring: EnableScoring) -> tantivy::Result<TierWeight> {
        let many = |queries: &[TierQuery]| -> tantivy::Result<Vec<TierWeight>> {
            queries
                .iter()
                .map(|q| TierWeight::new(q, scoring))
                .collect()
        };
        Ok(match query {
            TierQuery::Leaf(query) => TierWeight::Leaf(query.weight(scoring)?),
            TierQuery::All(queries) => TierWeight::All(many(queries)?),
            TierQuery::Any(queries) => TierWeight::Any(many(queries)?),
        })
    }

    fn segment(&self, reader: &SegmentReader) -> tantivy::Result<TierNode> {
        let many = |weights: &[TierWeight]| -> tantivy::Result<Vec<TierNode>> {
            weights.iter().map(|w| w.segment(reader)).collect()
        };
        Ok(match self {
            TierWeight::Leaf(weight) => {
                let scorer = weight.scorer(reader, 1.0)?;
                let floor = scorer.doc();
                TierNode::Leaf { scorer, floor }
            }
            TierWeight::All(weights) => TierNode::All(many(weights)?),
            TierWeight::Any(weights) => TierNode::Any(many(weights)?),
        })
    }
}

impl Tier {
    pub fn new(searcher: &Searcher, query: &TierQuery) -> tantivy::Result<Tier> {
        Ok(Tier {
            root: TierWeight::new(query, EnableScoring::disabled_from_searcher(searcher))?,
        })
    }

    /// A reader of the tier over one segment, asked about documents in increasing order.
    pub fn segment(&self, reader: &SegmentReader) -> tantivy::Result<TierReader> {
        Ok(TierReader {
            root: self.root.segment(reader)?,
        })
    }
}

/// The tier over one segment, asked about documents in increasing order. Each document is
/// asked about alone (`seek_danger`), as the rescoring asks its phrase rewards: a seek would
/// move the tier's phrase and intersection scorers on past documents not asked about.
pub struct TierReader {
    root: TierNode,
}

enum TierNode {
    Leaf {
        scorer: Box<dyn Scorer>,
        /// The first document the leaf can still hold: one below it is answered "no" unasked.
        floor: DocId,
    },
    All(Vec<TierNode>),
    Any(Vec<TierNode>),
}

impl TierNode {
    /// Whether `doc` is held. A leaf not asked (the answer known from its siblings) is simply
    /// asked about a later document next: targets only need to increase.
    fn holds(&mut self, doc: DocId) -> bool {
        match self {
            TierNode::Leaf { scorer, floor } => {
                if doc < *floor || *floor == TERMINATED {
                    return false;
                }
                match scorer.seek_danger(doc) {
                    SeekDangerResult::Found => {
                        *floor = doc;
                        true
                    }
                    SeekDangerResult::SeekLowerBound(bound) => {
                        *floor = bound.max(doc + 1);
                        false
                    }
                }
            }
            TierNode::All(nodes) => nodes.iter_mut().all(|n| n.holds(doc)),
            TierNode::Any(nodes) => nodes.iter_mut().any(|n| n.holds(doc)),
        }
    }
}

impl TierReader {
    /// Whether `doc` is as typed; `doc` must not be below a document asked about before.
    pub fn holds(&mut self, doc: DocId) -> bool {
        self.root.holds(doc)
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
    use crate::index::Fields;
    use crate::text::analyze;
    use tantivy::schema::Schema;
    use tantivy::{doc, Index};

    /// An index of the body views of a few texts, as the real schema analyses them.
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
        let pairs = Pairs {
            field: fields.pairs,
            covers: &[fields.body],
        };
        let Some(tier) = run(&[fields.body], Some(pairs), &syllables) else {
            return (0..texts.len()).collect();
        };
        let tier = Tier::new(&searcher, &tier).unwrap();
        let mut reader = tier.segment(searcher.segment_reader(0)).unwrap();
        (0..texts.len())
            .filter(|&doc| reader.holds(doc as DocId))
            .collect()
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
        // Both pairs of a three-word run held apart are not the run.
        let apart = &[
            "Mỗi nhà cử một người đi họp, người dân góp ý.", // 0: "một người" … "người dân"
            "Một người dân đến gặp lãnh đạo xã.",            // 1: the run
            "Một người, dân làng đều biết.",                 // 2: split by a comma
        ];
        assert_eq!(typed(apart, "một người dân"), [1]);
        assert_eq!(typed(apart, "một người dan"), [1]);
        // Longer than `WHOLE_RUN_MAX`: each pair of neighbours as typed, anywhere.
        let long = &[
            "Thi hành kỷ luật đảng, đảng viên vi phạm.", // 0: every pair, not the run
            "Kỷ luật đối với đảng viên.",                // 1: no "luật đảng"
        ];
        assert_eq!(typed(long, "kỷ luật đảng viên"), [0]);
    }

    #[test]
    fn a_mixed_query_is_read_syllable_by_syllable() {
        // "vao" typed without marks matches any form of it; "dựa" must be as typed.
        assert_eq!(typed(TEXTS, "dựa vao"), [0, 2]);
        assert_eq!(typed(TEXTS, "dua vào"), [0, 1, 2]);
        // A pair without marks in a run that has some: together, in any form.
        assert_eq!(typed(TEXTS, "vào dan"), [0]);
        // No marks at all: no tier.
        assert!(run(&[index(TEXTS).1.body], None, &analyze("dua vao")).is_none());
    }

    #[test]
    fn the_reader_answers_in_increasing_order_and_past_the_end() {
        let (index, fields) = index(TEXTS);
        let searcher = index.reader().unwrap().searcher();
        let query = run(&[fields.body], None, &analyze("dựa vào")).unwrap();
        let tier = Tier::new(&searcher, &query).unwrap();
        let mut reader = tier.segment(searcher.segment_reader(0)).unwrap();
        let answers: Vec<bool> = (0..6).map(|doc| reader.holds(doc)).collect();
        assert_eq!(answers, [true, false, true, false, false, false]);
    }
}
