//! A query wrapper for excluded clauses (`-word`, `NOT "phrase"`).
//!
//! tantivy 0.27 checks an excluded clause by seeking it to each candidate document, and may ask
//! for a document before the one the clause already stands on. `PhraseScorer` answers that with
//! a debug assertion (tantivy issue #2811), so `Đảng -"Búa liềm"` panicked in debug builds
//! (release builds answered correctly). The wrapper keeps tantivy's default `seek_danger`,
//! which treats a backward seek as "not here", and forwards everything else.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// An excluded clause that never seeks backwards (see the module docs).
#[derive(Debug)]
pub struct ForwardOnlyQuery(Box<dyn Query>);

impl Clone for ForwardOnlyQuery {
    fn clone(&self) -> Self {
        ForwardOnlyQuery(self.0.box_clone())
    }
}

/// Wraps a query whose scorer may receive backward seeks.
pub fn forward_only(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ForwardOnlyQuery(query))
}

impl Query for ForwardOnlyQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ForwardOnlyWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ForwardOnlyWeight(Box<dyn Weight>);

impl Weight for ForwardOnlyWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ForwardOnlyScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

struct ForwardOnlyScorer(Box<dyn Scorer>);

impl DocSet for ForwardOnlyScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.0.doc();
        if doc >= target {
            doc
        } else {
            self.0.seek(target)
        }
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for ForwardOnlyScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
