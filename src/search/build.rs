//! From a parsed query to a tantivy query that ranks the way Vietnamese needs.
//!
//! - Every syllable matches through the folded view; a syllable typed with diacritics also
//!   scores its exact form, so "hòa" ranks "hòa" above "hóa" and "hoa". A syllable typed without
//!   diacritics does not, so "hoa binh" is not pulled towards the flower "hoa".
//! - Vietnamese words are several syllables, so runs of bare words also score as a phrase and
//!   as adjacent pairs: documents holding them adjacent and in order outrank the rest.
//! - The title outweighs the body.

use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::query::{Expr, Scope, TermExpr};
use crate::index::Fields;
use crate::text::{analyze, Syllable};

const TITLE_BOOST: f32 = 2.0;
const SOURCE_BOOST: f32 = 1.0;
/// Extra weight of a syllable matched with the diacritics the user typed.
const EXACT_BOOST: f32 = 0.6;
/// A run of bare words found as a whole phrase.
const PHRASE_BOOST: f32 = 2.5;
/// Two neighbouring bare words found adjacent.
const PAIR_BOOST: f32 = 0.8;

/// What the snippet builder highlights: folded syllables of every positive term.
#[derive(Debug, Default, Clone)]
pub struct Highlights {
    pub terms: Vec<String>,
}

impl Highlights {
    fn add(&mut self, syllables: &[Syllable]) {
        for s in syllables {
            if !self.terms.contains(&s.folded) {
                self.terms.push(s.folded.clone());
            }
        }
    }
}

/// How bare words combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Every bare word must match.
    All,
    /// Any bare word may match (the fallback when nothing matches all).
    Any,
}

struct FieldPair {
    exact: Field,
    folded: Field,
    boost: f32,
}

fn field_pairs(fields: &Fields, scope: Scope) -> Vec<FieldPair> {
    let title = FieldPair {
        exact: fields.title,
        folded: fields.title_folded,
        boost: TITLE_BOOST,
    };
    let body = FieldPair {
        exact: fields.body,
        folded: fields.body_folded,
        boost: 1.0,
    };
    let source = FieldPair {
        exact: fields.source,
        folded: fields.source_folded,
        boost: SOURCE_BOOST,
    };
    match scope {
        Scope::Any => vec![title, body, source],
        Scope::Title => vec![title],
        Scope::Body => vec![body],
        Scope::Source => vec![source],
    }
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn phrase_query(field: Field, syllables: &[Syllable]) -> Box<dyn Query> {
    let terms: Vec<Term> = syllables
        .iter()
        .map(|s| Term::from_field_text(field, &s.folded))
        .collect();
    Box::new(PhraseQuery::new(terms))
}

fn union(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if clauses.len() == 1 {
        return clauses.into_iter().next().expect("one clause");
    }
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// One syllable in the fields of a scope.
fn syllable_query(fields: &Fields, scope: Scope, syllable: &Syllable) -> Box<dyn Query> {
    let with_marks = syllable.exact != syllable.folded;
    let mut clauses = Vec::new();
    for pair in field_pairs(fields, scope) {
        clauses.push(boosted(term_query(pair.folded, &syllable.folded), pair.boost));
        if with_marks {
            clauses.push(boosted(term_query(pair.exact, &syllable.exact), pair.boost * EXACT_BOOST));
        }
    }
    union(clauses)
}

/// Several syllables in a row (a quoted phrase, or a symbol such as "35-CT/TW").
fn sequence_query(fields: &Fields, scope: Scope, syllables: &[Syllable], quoted: bool) -> Box<dyn Query> {
    let pairs = field_pairs(fields, scope);
    let phrase = union(
        pairs
            .iter()
            .map(|pair| boosted(phrase_query(pair.folded, syllables), pair.boost))
            .collect(),
    );
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, phrase)];
    for syllable in syllables.iter().filter(|s| s.exact != s.folded) {
        let exact = union(
            pairs
                .iter()
                .map(|pair| boosted(term_query(pair.exact, &syllable.exact), pair.boost * EXACT_BOOST))
                .collect(),
        );
        // Quoted phrases keep the diacritics the user typed; bare symbols only prefer them.
        clauses.push((if quoted { Occur::Must } else { Occur::Should }, exact));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term_expr_query(fields: &Fields, term: &TermExpr, highlights: Option<&mut Highlights>) -> Option<Box<dyn Query>> {
    let syllables = analyze(&term.text);
    if let Some(h) = highlights {
        h.add(&syllables);
    }
    match syllables.len() {
        0 => None,
        1 => Some(syllable_query(fields, term.scope, &syllables[0])),
        _ => Some(sequence_query(fields, term.scope, &syllables, term.quoted)),
    }
}

/// Phrase and adjacent-pair rewards for a run of bare single-syllable words.
fn proximity_clauses(fields: &Fields, scope: Scope, run: &[Syllable]) -> Vec<Box<dyn Query>> {
    let mut out = Vec::new();
    if run.len() < 2 {
        return out;
    }
    for pair in field_pairs(fields, scope).iter().filter(|p| p.folded != fields.source_folded) {
        out.push(boosted(phrase_query(pair.folded, run), pair.boost * PHRASE_BOOST));
        if run.len() > 2 {
            for window in run.windows(2) {
                out.push(boosted(phrase_query(pair.folded, window), pair.boost * PAIR_BOOST));
            }
        }
    }
    out
}

/// Builds the tantivy query; `None` when the query holds nothing searchable.
pub fn build(fields: &Fields, expr: &Expr, matching: Matching, highlights: &mut Highlights) -> Option<Box<dyn Query>> {
    build_expr(fields, expr, matching, Some(highlights))
}

fn build_expr(
    fields: &Fields,
    expr: &Expr,
    matching: Matching,
    mut highlights: Option<&mut Highlights>,
) -> Option<Box<dyn Query>> {
    match expr {
        Expr::Term(term) => term_expr_query(fields, term, highlights),
        Expr::Not(inner) => {
            let inner = build_expr(fields, inner, matching, None)?;
            Some(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(tantivy::query::AllQuery)),
                (Occur::MustNot, inner),
            ])))
        }
        Expr::Or(parts) => {
            let clauses: Vec<Box<dyn Query>> = parts
                .iter()
                .filter_map(|p| build_expr(fields, p, matching, highlights.as_deref_mut()))
                .collect();
            (!clauses.is_empty()).then(|| union(clauses))
        }
        Expr::And(parts) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut positives = 0;
            let mut run: Vec<Syllable> = Vec::new();
            let mut run_scope = Scope::Any;
            let mut proximity: Vec<Box<dyn Query>> = Vec::new();
            for part in parts {
                if let Expr::Not(inner) = part {
                    if let Some(q) = build_expr(fields, inner, matching, None) {
                        clauses.push((Occur::MustNot, q));
                    }
                    continue;
                }
                let single = match part {
                    Expr::Term(t) if !t.quoted => {
                        let syllables = analyze(&t.text);
                        (syllables.len() == 1).then(|| (t.scope, syllables.into_iter().next().expect("one")))
                    }
                    _ => None,
                };
                match single {
                    Some((scope, syllable)) if run.is_empty() || scope == run_scope => {
                        run_scope = scope;
                        run.push(syllable);
                    }
                    Some((scope, syllable)) => {
                        proximity.extend(proximity_clauses(fields, run_scope, &run));
                        run = vec![syllable];
                        run_scope = scope;
                    }
                    None => {
                        proximity.extend(proximity_clauses(fields, run_scope, &run));
                        run.clear();
                    }
                }
                if let Some(q) = build_expr(fields, part, matching, highlights.as_deref_mut()) {
                    positives += 1;
                    let occur = if matching == Matching::All { Occur::Must } else { Occur::Should };
                    clauses.push((occur, q));
                }
            }
            proximity.extend(proximity_clauses(fields, run_scope, &run));
            if positives == 0 {
                if clauses.is_empty() {
                    return None;
                }
                clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
            }
            clauses.extend(proximity.into_iter().map(|q| (Occur::Should, q)));
            Some(Box::new(BooleanQuery::new(clauses)))
        }
    }
}

/// A query that matches nothing, for queries with no searchable syllable.
pub fn nothing() -> Box<dyn Query> {
    Box::new(EmptyQuery)
}
