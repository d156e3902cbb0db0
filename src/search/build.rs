//! From a parsed query to a tantivy query that ranks the way Vietnamese needs.
//!
//! - Every syllable matches through the folded view. When the query is typed with diacritics,
//!   each syllable's exact form carries most of the weight and a folded-only match is
//!   discounted, so "hòa" ranks "hòa" above "hóa" and "hoa" (and "tinh giản" prefers "tinh" to
//!   "tỉnh"). A query typed without any diacritics is matched through folding alone, so
//!   "hoa binh" is not pulled towards the flower "hoa".
//! - Vietnamese words are several syllables, so runs of bare words also score as a phrase and
//!   as adjacent pairs: documents holding them adjacent and in order outrank the rest.
//! - Each pair of neighbouring bare words is also looked up as one token of the pairs field,
//!   so BM25 weighs it by the pair's own rarity (close to the word's); typed capitalised, its
//!   name token prefers the proper noun ("Hòa Bình" the province over "hòa bình", peace).
//! - The title outweighs the body.
//! - Typed with diacritics, the matches that hold the words as typed come first, whatever their
//!   score (`typed`: the as-typed tier, built here beside the query).

use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::forward_only::forward_only;
use super::query::{Expr, Scope, TermExpr};
use super::typed::{self, TierQuery};
use crate::index::Fields;
use crate::text::tantivy_analyzer::{is_capitalised, pair_token};
use crate::text::{analyze, Syllable};

pub const TITLE_BOOST: f32 = 2.0;
pub const SOURCE_BOOST: f32 = 1.5;
/// Weight of a folded-only match when the user typed diacritics.
pub const FOLDED_DISCOUNT: f32 = 0.3;
/// Weight of the diacritic-exact match of a syllable in a quoted phrase or symbol.
pub const EXACT_BOOST: f32 = 0.6;
/// A run of bare words found as a whole phrase.
pub const PHRASE_BOOST: f32 = 3.0;
/// Two neighbouring bare words found adjacent.
pub const PAIR_BOOST: f32 = 0.8;

/// Two neighbouring bare words found as one token of the pairs field: BM25 weighs the pair by
/// its own rarity, close to the Vietnamese word's (schema 2; figures in tests/relevance).
pub const WORD_PAIR_BOOST: f32 = 2.0;
/// The same pair typed capitalised and found capitalised: a name, not the common words
/// ("Hòa Bình" the province rather than "hòa bình", peace).
pub const NAME_BOOST: f32 = 2.0;

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
    /// Two thirds of the bare words (at least two) must match: the fallback when nothing
    /// matches all of them, for queries of three words or more.
    Any,
}

impl Matching {
    /// How JSON names it (`"matching"`): "all", or "most" after the fallback.
    pub fn name(self) -> &'static str {
        match self {
            Matching::All => "all",
            Matching::Any => "most",
        }
    }
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
///
/// Typed without diacritics, it matches through folding alone. Typed with them, it matches the
/// same syllable (any tone placement) and the same letters written without any mark (text typed
/// without diacritics), the latter discounted; with `loose`, any syllable that folds alike too
/// ("hòa" finds "hóa" and "hoa" below "hòa").
fn syllable_query(ctx: &Ctx, scope: Scope, syllable: &Syllable, loose: bool) -> Box<dyn Query> {
    let mut clauses = Vec::new();
    for pair in field_pairs(ctx.fields, scope) {
        if !ctx.accented {
            clauses.push(boosted(
                term_query(pair.folded, &syllable.folded),
                pair.boost,
            ));
            continue;
        }
        clauses.push(boosted(term_query(pair.exact, &syllable.exact), pair.boost));
        if syllable.has_marks() {
            clauses.push(boosted(
                term_query(pair.exact, &syllable.folded),
                pair.boost * FOLDED_DISCOUNT,
            ));
        }
        if loose {
            clauses.push(boosted(
                term_query(pair.folded, &syllable.folded),
                pair.boost * FOLDED_DISCOUNT,
            ));
        }
    }
    union(clauses)
}

/// What every clause of one query shares.
struct Ctx<'a> {
    fields: &'a Fields,
    /// The user typed diacritics somewhere in the query.
    accented: bool,
}

/// Several syllables in a row (a quoted phrase, or a symbol such as "35-CT/TW").
fn sequence_query(ctx: &Ctx, scope: Scope, syllables: &[Syllable], quoted: bool) -> Box<dyn Query> {
    let pairs = field_pairs(ctx.fields, scope);
    let phrase = union(
        pairs
            .iter()
            .map(|pair| boosted(phrase_query(pair.folded, syllables), pair.boost))
            .collect(),
    );
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, phrase)];
    for syllable in syllables.iter().filter(|s| s.has_marks()) {
        let exact = union(
            pairs
                .iter()
                .map(|pair| {
                    boosted(
                        term_query(pair.exact, &syllable.exact),
                        pair.boost * EXACT_BOOST,
                    )
                })
                .collect(),
        );
        // Quoted phrases keep the diacritics the user typed; bare symbols only prefer them.
        clauses.push((if quoted { Occur::Must } else { Occur::Should }, exact));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn term_expr_query(
    ctx: &Ctx,
    term: &TermExpr,
    highlights: Option<&mut Highlights>,
) -> Option<Box<dyn Query>> {
    let syllables = analyze(&term.text);
    if let Some(h) = highlights {
        h.add(&syllables);
    }
    match syllables.len() {
        0 => None,
        1 => Some(syllable_query(ctx, term.scope, &syllables[0], true)),
        _ => Some(sequence_query(ctx, term.scope, &syllables, term.quoted)),
    }
}

/// Neighbour rewards through the pairs field: plain term lookups, cheap enough to score on
/// every match, so the first ranking phase already prefers words written together.
fn pair_term_clauses(fields: &Fields, words: &Run) -> Vec<Box<dyn Query>> {
    let run = &words.syllables;
    let mut out = Vec::new();
    if run.len() < 2 || !matches!(words.scope, Scope::Any | Scope::Title | Scope::Body) {
        return out;
    }
    for (i, window) in run.windows(2).enumerate() {
        out.push(boosted(
            term_query(
                fields.pairs,
                &pair_token(&window[0].folded, &window[1].folded, false),
            ),
            WORD_PAIR_BOOST,
        ));
        if words.capitalised[i] && words.capitalised[i + 1] {
            out.push(boosted(
                term_query(
                    fields.pairs,
                    &pair_token(&window[0].folded, &window[1].folded, true),
                ),
                NAME_BOOST,
            ));
        }
    }
    out
}

/// Phrase rewards for a run of bare single-syllable words: the whole run, and each adjacent
/// pair in every field. Positional, so the costly part of a query: scored in the second phase.
fn phrase_clauses(fields: &Fields, words: &Run) -> Vec<Box<dyn Query>> {
    let (scope, run) = (words.scope, &words.syllables);
    let mut out = Vec::new();
    if run.len() < 2 {
        return out;
    }
    for pair in field_pairs(fields, scope) {
        out.push(boosted(
            phrase_query(pair.folded, run),
            pair.boost * PHRASE_BOOST,
        ));
        if run.len() > 2 {
            for window in run.windows(2) {
                out.push(boosted(
                    phrase_query(pair.folded, window),
                    pair.boost * PAIR_BOOST,
                ));
            }
        }
    }
    out
}

/// Builds the tantivy query; `None` when the query holds nothing searchable.
/// A query split for two-phase ranking: `matching` decides which documents match and gives
/// their base score; `rewards` (phrase and neighbour clauses of the top-level words) only add
/// to the score of documents that match. Scoring the rewards on the best candidates alone,
/// rather than on every match, is what keeps common-syllable queries fast.
pub struct Built {
    pub matching: Box<dyn Query>,
    pub rewards: Vec<Box<dyn Query>>,
    /// The matches that hold the words as typed (`search::typed`); `None` when nothing of the
    /// query carries a mark.
    pub typed: Option<TierQuery>,
}

/// Builds the query tree for an expression: `accented` (the user typed marks) chooses the
/// exact-diacritic clauses; `matching` says whether bare words must all match or most; the
/// terms to highlight are collected on the way, so snippets mark what the query matched.
pub fn build(
    fields: &Fields,
    expr: &Expr,
    accented: bool,
    matching: Matching,
    highlights: &mut Highlights,
) -> Option<Built> {
    let ctx = Ctx { fields, accented };
    let mut rewards = Vec::new();
    let query = match expr {
        Expr::And(parts) => build_and(&ctx, parts, matching, Some(highlights), Some(&mut rewards)),
        _ => build_expr(&ctx, expr, matching, Some(highlights)),
    }?;
    Some(Built {
        matching: query,
        rewards,
        typed: typed_expr(&ctx, expr),
    })
}

fn exact_fields(fields: &Fields, scope: Scope) -> Vec<Field> {
    field_pairs(fields, scope).iter().map(|p| p.exact).collect()
}

/// The as-typed tier of a run of syllables in a scope (one syllable: that syllable as typed).
fn typed_run(ctx: &Ctx, scope: Scope, syllables: &[Syllable]) -> Option<TierQuery> {
    let exact = exact_fields(ctx.fields, scope);
    match syllables {
        [] => None,
        [one] => typed::syllable(&exact, one),
        run => {
            let covers = [ctx.fields.title, ctx.fields.body];
            let pairs = typed::Pairs {
                field: ctx.fields.pairs,
                covers: &covers,
            };
            typed::run(&exact, Some(pairs), run)
        }
    }
}

/// The documents that hold an expression's words as typed: each run of bare words and each
/// quoted phrase as typed, an OR when one of its branches is; `None` when nothing of the
/// expression carries a mark (every match is as typed). What is excluded says nothing.
fn typed_expr(ctx: &Ctx, expr: &Expr) -> Option<TierQuery> {
    match expr {
        Expr::Term(term) => typed_run(ctx, term.scope, &analyze(&term.text)),
        Expr::Not(_) => None,
        Expr::Or(parts) => {
            let tiers: Vec<Option<TierQuery>> = parts.iter().map(|p| typed_expr(ctx, p)).collect();
            if tiers.iter().all(Option::is_none) {
                return None;
            }
            // A branch with no marks is as typed wherever it matches.
            let branches = parts
                .iter()
                .zip(tiers)
                .filter_map(|(part, tier)| {
                    tier.or_else(|| build_expr(ctx, part, Matching::All, None).map(TierQuery::Leaf))
                })
                .collect();
            Some(typed::either(branches))
        }
        Expr::And(parts) => {
            let positives: Vec<&Expr> = parts
                .iter()
                .filter(|p| !matches!(p, Expr::Not(_)))
                .collect();
            let singles: Vec<Option<(Scope, Syllable, bool)>> =
                positives.iter().map(|p| single_syllable(p)).collect();
            let mut tiers: Vec<TierQuery> = runs_of(&singles)
                .iter()
                .filter_map(|run| typed_run(ctx, run.scope, &run.syllables))
                .collect();
            tiers.extend(
                positives
                    .iter()
                    .zip(&singles)
                    .filter(|(_, single)| single.is_none())
                    .filter_map(|(part, _)| typed_expr(ctx, part)),
            );
            typed::all_of(tiers)
        }
    }
}

fn build_expr(
    ctx: &Ctx,
    expr: &Expr,
    matching: Matching,
    mut highlights: Option<&mut Highlights>,
) -> Option<Box<dyn Query>> {
    match expr {
        Expr::Term(term) => term_expr_query(ctx, term, highlights),
        Expr::Not(inner) => {
            let inner = build_expr(ctx, inner, matching, None)?;
            Some(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(tantivy::query::AllQuery)),
                (Occur::MustNot, forward_only(inner)),
            ])))
        }
        Expr::Or(parts) => {
            let clauses: Vec<Box<dyn Query>> = parts
                .iter()
                .filter_map(|p| build_expr(ctx, p, matching, highlights.as_deref_mut()))
                .collect();
            (!clauses.is_empty()).then(|| union(clauses))
        }
        Expr::And(parts) => build_and(ctx, parts, matching, highlights, None),
    }
}

/// A bare word of one syllable, with its scope and whether it was typed capitalised.
pub(crate) fn single_syllable(part: &Expr) -> Option<(Scope, Syllable, bool)> {
    match part {
        Expr::Term(t) if !t.quoted => {
            let mut syllables = analyze(&t.text);
            (syllables.len() == 1).then(|| {
                let syllable = syllables.pop().expect("one syllable");
                let capitalised = is_capitalised(&t.text[syllable.start..]);
                (t.scope, syllable, capitalised)
            })
        }
        _ => None,
    }
}

/// A run of neighbouring one-syllable bare words with one scope: a would-be Vietnamese word.
pub(crate) struct Run {
    pub(crate) scope: Scope,
    pub(crate) syllables: Vec<Syllable>,
    pub(crate) capitalised: Vec<bool>,
}

/// The runs of neighbouring one-syllable bare words with one scope, from the positive parts'
/// single syllables (`None` for a part that is not one).
pub(crate) fn runs_of(singles: &[Option<(Scope, Syllable, bool)>]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut previous_single = false;
    for single in singles {
        if let Some((scope, syllable, capitalised)) = single {
            match runs.last_mut() {
                Some(run) if previous_single && run.scope == *scope => {
                    run.syllables.push(syllable.clone());
                    run.capitalised.push(*capitalised);
                }
                _ => runs.push(Run {
                    scope: *scope,
                    syllables: vec![syllable.clone()],
                    capitalised: vec![*capitalised],
                }),
            }
        }
        previous_single = single.is_some();
    }
    runs
}

fn build_and(
    ctx: &Ctx,
    parts: &[Expr],
    matching: Matching,
    mut highlights: Option<&mut Highlights>,
    rewards: Option<&mut Vec<Box<dyn Query>>>,
) -> Option<Box<dyn Query>> {
    let positives: Vec<&Expr> = parts
        .iter()
        .filter(|p| !matches!(p, Expr::Not(_)))
        .collect();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for part in parts {
        if let Expr::Not(inner) = part {
            if let Some(q) = build_expr(ctx, inner, matching, None) {
                clauses.push((Occur::MustNot, forward_only(q)));
            }
        }
    }
    // Runs of neighbouring one-syllable bare words with one scope: the would-be Vietnamese words.
    // Each positive part is analysed once here and reused below.
    let singles: Vec<Option<(Scope, Syllable, bool)>> =
        positives.iter().map(|p| single_syllable(p)).collect();
    let runs = runs_of(&singles);
    // The whole query one run of bare words typed with diacritics: a document matches when every
    // syllable matches diacritic-compatibly, or when the whole run is there as a folded phrase.
    let whole_run =
        runs.len() == 1 && runs[0].syllables.len() == positives.len() && positives.len() > 1;
    let mut required: Vec<Box<dyn Query>> = Vec::new();
    for (part, single) in positives.iter().zip(&singles) {
        let query = match single {
            Some((scope, syllable, _)) => {
                if let Some(h) = highlights.as_deref_mut() {
                    h.add(std::slice::from_ref(syllable));
                }
                Some(syllable_query(ctx, *scope, syllable, !whole_run))
            }
            None => build_expr(ctx, part, matching, highlights.as_deref_mut()),
        };
        required.extend(query);
    }
    if required.is_empty() {
        if clauses.is_empty() {
            return None;
        }
        clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        return Some(Box::new(BooleanQuery::new(clauses)));
    }
    if matching == Matching::Any {
        // Most of the words, not any one of them: a two-word query is one Vietnamese word and
        // has no fallback.
        let n = required.len();
        if n < 3 {
            return None;
        }
        let minimum = (2 * n).div_ceil(3).max(2);
        let most = BooleanQuery::with_minimum_required_clauses(
            required.into_iter().map(|q| (Occur::Should, q)).collect(),
            minimum,
        );
        clauses.push((Occur::Must, Box::new(most)));
    } else if whole_run && ctx.accented {
        let (scope, run) = (runs[0].scope, &runs[0].syllables);
        let every_syllable = Box::new(BooleanQuery::new(
            required.into_iter().map(|q| (Occur::Must, q)).collect(),
        ));
        // The run written without (or with other) marks: every neighbouring pair of its folded
        // syllables in the pairs field. Term lookups, not a positional phrase: this clause
        // decides matching, so it runs on every candidate document.
        let folded_phrase: Box<dyn Query> =
            if matches!(scope, Scope::Any | Scope::Title | Scope::Body) {
                Box::new(BooleanQuery::new(
                    run.windows(2)
                        .map(|w| {
                            let token = pair_token(&w[0].folded, &w[1].folded, false);
                            (
                                Occur::Must,
                                boosted(term_query(ctx.fields.pairs, &token), FOLDED_DISCOUNT),
                            )
                        })
                        .collect(),
                ))
            } else {
                union(
                    field_pairs(ctx.fields, scope)
                        .iter()
                        .map(|pair| {
                            boosted(phrase_query(pair.folded, run), pair.boost * FOLDED_DISCOUNT)
                        })
                        .collect(),
                )
            };
        clauses.push((Occur::Must, union(vec![every_syllable, folded_phrase])));
    } else {
        clauses.extend(required.into_iter().map(|q| (Occur::Must, q)));
    }
    for run in &runs {
        clauses.extend(
            pair_term_clauses(ctx.fields, run)
                .into_iter()
                .map(|q| (Occur::Should, q)),
        );
    }
    let proximity = runs.iter().flat_map(|run| phrase_clauses(ctx.fields, run));
    match rewards {
        Some(rewards) => rewards.extend(proximity),
        // Inside OR or NOT the rewards belong to their branch.
        None => clauses.extend(proximity.map(|q| (Occur::Should, q))),
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// A query that matches nothing, for queries with no searchable syllable.
pub fn nothing() -> Box<dyn Query> {
    Box::new(EmptyQuery)
}
