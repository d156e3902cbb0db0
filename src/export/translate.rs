//! A vnsearch request as another engine's query: the OpenSearch/Elasticsearch Query DSL, or a
//! Quickwit query string with its aggregations. The translation walks the same query tree and
//! the same rules as `search::build` (which syllables must match, exact or folded, which runs
//! are rewarded as phrases and pairs, with vnsearch's weights), over the exported token fields;
//! vnsearch analyses the query itself, so the engine needs no analysis of its own to match it.
//!
//! Why one file of over 600 lines: it mirrors `search::build` rule for rule, and the two
//! targets (the Query DSL and Quickwit's query string) are two printers of one tree built here;
//! kept together, a change to a rule in `search::build` has one place to go.

use serde_json::{json, Map, Value};

use super::document::{
    pair_field_token, path_value, resolution_field, TextField, BODY, PAIRS_FIELD,
    RESOLUTION_LEVELS, SOURCE, TEXT_FIELDS, TITLE, TRUSTED_DATINGS,
};
use crate::model::Date;
use crate::search::build::{
    runs_of, single_syllable, Matching, Run, EXACT_BOOST, FOLDED_DISCOUNT, NAME_BOOST, PAIR_BOOST,
    PHRASE_BOOST, WORD_PAIR_BOOST,
};
use crate::search::engine::{partly_covered_years, NAMED_BOOST};
use crate::search::facets::Dimension;
use crate::search::named::QueryDocument;
use crate::search::query::{parse, Expr, Scope, TermExpr};
use crate::search::{Filters, SearchRequest, SortOrder};
use crate::text::tantivy_analyzer::pair_token;
use crate::text::{analyze, has_diacritics, Syllable};

/// How many best matches the phrase and pair rewards rescore, as vnsearch's second phase
/// does (`RESCORE_DEPTH` in the engine).
pub const RESCORE_WINDOW: usize = 300;

/// A query in terms both renderings share.
#[derive(Debug, Clone, PartialEq)]
pub enum Q {
    Term {
        field: String,
        value: String,
        boost: f32,
    },
    Phrase {
        field: String,
        tokens: Vec<String>,
        boost: f32,
    },
    Bool {
        must: Vec<Q>,
        should: Vec<Q>,
        must_not: Vec<Q>,
        filter: Vec<Q>,
        /// At least this many `should` clauses (the "most words" fallback).
        minimum: Option<usize>,
    },
    DateRange {
        from: Option<Date>,
        to: Option<Date>,
    },
    /// Matches what `query` matches, with a fixed score (citing the document a query names).
    Constant {
        query: Box<Q>,
        boost: f32,
    },
    All,
    Nothing,
}

fn term(field: &str, value: &str, boost: f32) -> Q {
    Q::Term {
        field: field.to_owned(),
        value: value.to_owned(),
        boost,
    }
}

fn phrase(field: &str, syllables: &[Syllable], boost: f32) -> Q {
    Q::Phrase {
        field: field.to_owned(),
        tokens: syllables.iter().map(|s| s.folded.clone()).collect(),
        boost,
    }
}

fn bool_of(must: Vec<Q>, should: Vec<Q>, must_not: Vec<Q>) -> Q {
    Q::Bool {
        must,
        should,
        must_not,
        filter: Vec::new(),
        minimum: None,
    }
}

fn union(mut clauses: Vec<Q>) -> Q {
    if clauses.len() == 1 {
        return clauses.pop().expect("one clause");
    }
    bool_of(Vec::new(), clauses, Vec::new())
}

fn fields_of(scope: Scope) -> Vec<TextField> {
    match scope {
        Scope::Any => TEXT_FIELDS.to_vec(),
        Scope::Title => vec![TITLE],
        Scope::Body => vec![BODY],
        Scope::Source => vec![SOURCE],
    }
}

fn pair_term(first: &Syllable, second: &Syllable, name: bool, boost: f32) -> Q {
    let token = pair_field_token(&pair_token(&first.folded, &second.folded, name));
    term(PAIRS_FIELD, &token, boost)
}

/// The request's text as the engine's query, and the rewards to rescore the best matches with.
struct Translated {
    query: Option<Q>,
    rewards: Vec<Q>,
}

struct Ctx {
    accented: bool,
}

impl Ctx {
    fn syllable(&self, scope: Scope, syllable: &Syllable, loose: bool) -> Q {
        let mut clauses = Vec::new();
        for f in fields_of(scope) {
            if !self.accented {
                clauses.push(term(f.folded, &syllable.folded, f.boost));
                continue;
            }
            clauses.push(term(f.exact, &syllable.exact, f.boost));
            if syllable.has_marks() {
                clauses.push(term(f.exact, &syllable.folded, f.boost * FOLDED_DISCOUNT));
            }
            if loose {
                clauses.push(term(f.folded, &syllable.folded, f.boost * FOLDED_DISCOUNT));
            }
        }
        union(clauses)
    }

    fn sequence(&self, scope: Scope, syllables: &[Syllable], quoted: bool) -> Q {
        let fields = fields_of(scope);
        let whole = union(
            fields
                .iter()
                .map(|f| phrase(f.folded, syllables, f.boost))
                .collect(),
        );
        let (mut must, mut should) = (vec![whole], Vec::new());
        for syllable in syllables.iter().filter(|s| s.has_marks()) {
            let exact = union(
                fields
                    .iter()
                    .map(|f| term(f.exact, &syllable.exact, f.boost * EXACT_BOOST))
                    .collect(),
            );
            if quoted {
                must.push(exact);
            } else {
                should.push(exact);
            }
        }
        bool_of(must, should, Vec::new())
    }

    fn term_expr(&self, t: &TermExpr) -> Option<Q> {
        let syllables = analyze(&t.text);
        match syllables.len() {
            0 => None,
            1 => Some(self.syllable(t.scope, &syllables[0], true)),
            _ => Some(self.sequence(t.scope, &syllables, t.quoted)),
        }
    }

    fn expr(&self, expr: &Expr, matching: Matching) -> Option<Q> {
        match expr {
            Expr::Term(t) => self.term_expr(t),
            Expr::Not(inner) => {
                let inner = self.expr(inner, matching)?;
                Some(bool_of(vec![Q::All], Vec::new(), vec![inner]))
            }
            Expr::Or(parts) => {
                let clauses: Vec<Q> = parts
                    .iter()
                    .filter_map(|p| self.expr(p, matching))
                    .collect();
                (!clauses.is_empty()).then(|| union(clauses))
            }
            Expr::And(parts) => self.and(parts, matching, None),
        }
    }

    /// `search::build::build_and`, clause for clause.
    fn and(&self, parts: &[Expr], matching: Matching, rewards: Option<&mut Vec<Q>>) -> Option<Q> {
        let positives: Vec<&Expr> = parts
            .iter()
            .filter(|p| !matches!(p, Expr::Not(_)))
            .collect();
        let must_not: Vec<Q> = parts
            .iter()
            .filter_map(|p| match p {
                Expr::Not(inner) => self.expr(inner, matching),
                _ => None,
            })
            .collect();
        let singles: Vec<Option<(Scope, Syllable, bool)>> =
            positives.iter().map(|p| single_syllable(p)).collect();
        let runs = runs_of(&singles);
        let whole_run =
            runs.len() == 1 && runs[0].syllables.len() == positives.len() && positives.len() > 1;
        let mut required = Vec::new();
        for (part, single) in positives.iter().zip(&singles) {
            let query = match single {
                Some((scope, syllable, _)) => Some(self.syllable(*scope, syllable, !whole_run)),
                None => self.expr(part, matching),
            };
            required.extend(query);
        }
        if required.is_empty() {
            if must_not.is_empty() {
                return None;
            }
            return Some(bool_of(vec![Q::All], Vec::new(), must_not));
        }
        let mut must = Vec::new();
        let mut should = Vec::new();
        if matching == Matching::Any {
            let n = required.len();
            if n < 3 {
                return None;
            }
            must.push(Q::Bool {
                must: Vec::new(),
                should: required,
                must_not: Vec::new(),
                filter: Vec::new(),
                minimum: Some((2 * n).div_ceil(3).max(2)),
            });
        } else if whole_run && self.accented {
            let (scope, run) = (runs[0].scope, &runs[0].syllables);
            let every_syllable = bool_of(required, Vec::new(), Vec::new());
            let folded_phrase = if matches!(scope, Scope::Any | Scope::Title | Scope::Body) {
                bool_of(
                    run.windows(2)
                        .map(|w| pair_term(&w[0], &w[1], false, FOLDED_DISCOUNT))
                        .collect(),
                    Vec::new(),
                    Vec::new(),
                )
            } else {
                union(
                    fields_of(scope)
                        .iter()
                        .map(|f| phrase(f.folded, run, f.boost * FOLDED_DISCOUNT))
                        .collect(),
                )
            };
            must.push(union(vec![every_syllable, folded_phrase]));
        } else {
            must.extend(required);
        }
        for run in &runs {
            should.extend(pair_terms(run));
        }
        let proximity = runs.iter().flat_map(phrase_rewards);
        match rewards {
            Some(rewards) => rewards.extend(proximity),
            None => should.extend(proximity),
        }
        Some(bool_of(must, should, must_not))
    }
}

fn pair_terms(run: &Run) -> Vec<Q> {
    let mut out = Vec::new();
    if run.syllables.len() < 2 || !matches!(run.scope, Scope::Any | Scope::Title | Scope::Body) {
        return out;
    }
    for (i, w) in run.syllables.windows(2).enumerate() {
        out.push(pair_term(&w[0], &w[1], false, WORD_PAIR_BOOST));
        if run.capitalised[i] && run.capitalised[i + 1] {
            out.push(pair_term(&w[0], &w[1], true, NAME_BOOST));
        }
    }
    out
}

fn phrase_rewards(run: &Run) -> Vec<Q> {
    let mut out = Vec::new();
    if run.syllables.len() < 2 {
        return out;
    }
    for f in fields_of(run.scope) {
        out.push(phrase(f.folded, &run.syllables, f.boost * PHRASE_BOOST));
        if run.syllables.len() > 2 {
            for w in run.syllables.windows(2) {
                out.push(phrase(f.folded, w, f.boost * PAIR_BOOST));
            }
        }
    }
    out
}

fn translate_text(query: &str, matching: Matching) -> Translated {
    let parsed = parse(query);
    let ctx = Ctx {
        accented: has_diacritics(query),
    };
    let mut rewards = Vec::new();
    let built = parsed.expr.as_ref().and_then(|expr| match expr {
        Expr::And(parts) => ctx.and(parts, matching, Some(&mut rewards)),
        other => ctx.expr(other, matching),
    });
    let query = match built {
        Some(q) => Some(q),
        None if !query.trim().is_empty() => Some(Q::Nothing),
        None => None,
    };
    Translated { query, rewards }
}

/// A query that names a Party document also matches the articles citing it (and the rest of
/// the query), at a fixed score above any text score, as `Engine::widen` does.
fn widened(words: Q, named: &QueryDocument, matching: Matching) -> Q {
    let facet = &named.named.document.facet;
    // The export keeps the first `RESOLUTION_LEVELS` parts of a deeper path.
    let depth = facet.len().min(RESOLUTION_LEVELS);
    let cited = Q::Constant {
        query: Box::new(term(
            &resolution_field(depth),
            &path_value(&facet[..depth]),
            1.0,
        )),
        boost: NAMED_BOOST,
    };
    let citing = match translate_text(&named.rest, matching).query {
        Some(rest) => bool_of(vec![cited, rest], Vec::new(), Vec::new()),
        None => cited,
    };
    bool_of(Vec::new(), vec![words, citing], Vec::new())
}

/// The filters as clauses on the exported keyword and date fields (`Engine::filter_clauses`).
fn filter_clauses(filters: &Filters) -> Vec<Q> {
    let mut out = Vec::new();
    if !filters.places.is_empty() {
        let (region, province) = if filters.merged {
            ("region_merged", "province_merged")
        } else {
            ("region", "province")
        };
        out.push(union(
            filters
                .places
                .iter()
                .map(|path| match path.as_slice() {
                    [r] => term(region, r, 1.0),
                    [_, p, ..] => term(province, p, 1.0),
                    [] => Q::All,
                })
                .collect(),
        ));
    }
    for alternatives in &filters.resolutions {
        out.push(union(
            alternatives
                .iter()
                .map(|p| {
                    // The export keeps the first `RESOLUTION_LEVELS` parts of a deeper path.
                    let depth = p.len().min(RESOLUTION_LEVELS);
                    term(&resolution_field(depth), &path_value(&p[..depth]), 1.0)
                })
                .collect(),
        ));
    }
    if let Some(category) = &filters.category {
        out.push(term("category", category, 1.0));
    }
    for key in &filters.person {
        out.push(term("person_key", key, 1.0));
    }
    let (mut from, mut to) = (filters.from_date, filters.to_date);
    if let Some(year) = filters.year {
        if let (Some(first), Some(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) {
            from = Some(from.map_or(first, |f| f.max(first)));
            to = Some(to.map_or(last, |t| t.min(last)));
        }
    }
    if from.is_some() || to.is_some() {
        if !filters.guessed_dates {
            out.push(union(
                TRUSTED_DATINGS
                    .iter()
                    .map(|d| term("dating", d, 1.0))
                    .collect(),
            ));
        }
        out.push(Q::DateRange { from, to });
        // A date known only by its year is 1 January of it: a range covering part of that
        // year must not take it (`Engine::filter_clauses`).
        if let Some(partial) = partly_covered_years(from, to) {
            let years = partial
                .iter()
                .map(|y| term("year", &y.to_string(), 1.0))
                .collect();
            let bare_year = bool_of(
                vec![term("year_only", "true", 1.0), union(years)],
                Vec::new(),
                Vec::new(),
            );
            out.push(bool_of(vec![Q::All], Vec::new(), vec![bare_year]));
        }
    }
    out
}

/// The whole request as one query: text (or everything) and the filters. `named` is the
/// document the engine read the query as naming (`Engine::reading`), if any.
pub fn request_query(
    request: &SearchRequest,
    matching: Matching,
    named: Option<&QueryDocument>,
) -> (Q, Vec<Q>) {
    let text = translate_text(&request.query, matching);
    let filter = filter_clauses(&request.filters);
    let words = match (text.query, named) {
        (Some(words), Some(named)) => Some(widened(words, named, matching)),
        (words, _) => words,
    };
    let must = vec![words.unwrap_or(Q::All)];
    let query = if filter.is_empty() {
        must.into_iter().next().expect("one clause")
    } else {
        Q::Bool {
            must,
            should: Vec::new(),
            must_not: Vec::new(),
            filter,
            minimum: None,
        }
    };
    (query, text.rewards)
}

// ---- OpenSearch / Elasticsearch ----

fn boosted(mut inner: Map<String, Value>, boost: f32) -> Value {
    if (boost - 1.0).abs() > f32::EPSILON {
        // Rounded as vnsearch states its weights (0.3 × 1.5, not 0.45000002).
        inner.insert(
            "boost".into(),
            json!((boost as f64 * 1000.0).round() / 1000.0),
        );
    }
    Value::Object(inner)
}

/// One query in the Query DSL.
pub fn dsl(q: &Q) -> Value {
    match q {
        Q::Term {
            field,
            value,
            boost,
        } => {
            let mut inner = Map::new();
            inner.insert("value".into(), json!(value));
            json!({"term": {field: boosted(inner, *boost)}})
        }
        Q::Phrase {
            field,
            tokens,
            boost,
        } => {
            let mut inner = Map::new();
            inner.insert("query".into(), json!(tokens.join(" ")));
            json!({"match_phrase": {field: boosted(inner, *boost)}})
        }
        Q::Bool {
            must,
            should,
            must_not,
            filter,
            minimum,
        } => {
            let mut inner = Map::new();
            for (name, clauses) in [
                ("must", must),
                ("filter", filter),
                ("should", should),
                ("must_not", must_not),
            ] {
                if !clauses.is_empty() {
                    inner.insert(name.into(), clauses.iter().map(dsl).collect());
                }
            }
            if let Some(minimum) = minimum {
                inner.insert("minimum_should_match".into(), json!(minimum));
            }
            json!({ "bool": inner })
        }
        Q::DateRange { from, to } => {
            let mut inner = Map::new();
            if let Some(from) = from {
                inner.insert("gte".into(), json!(from.to_string()));
            }
            if let Some(to) = to {
                inner.insert("lte".into(), json!(to.to_string()));
            }
            inner.insert("format".into(), json!("yyyy-MM-dd"));
            json!({"range": {"date": inner}})
        }
        Q::Constant { query, boost } => {
            json!({"constant_score": {"filter": dsl(query), "boost": boost}})
        }
        Q::All => json!({"match_all": {}}),
        Q::Nothing => json!({"match_none": {}}),
    }
}

/// The keyword field a facet dimension counts, with the request's merged and guessed choices.
fn facet_field(dimension: Dimension, filters: &Filters) -> Vec<(String, String)> {
    let one = |name: &str, field: &str| vec![(name.to_owned(), field.to_owned())];
    match dimension {
        Dimension::Region if filters.merged => one("region", "region_merged"),
        Dimension::Region => one("region", "region"),
        Dimension::Province if filters.merged => one("province", "province_merged"),
        Dimension::Province => one("province", "province"),
        Dimension::Year if filters.guessed_dates => one("year", "year"),
        Dimension::Year => one("year", "year_trusted"),
        Dimension::Month if filters.guessed_dates => one("month", "month"),
        Dimension::Month => one("month", "month_trusted"),
        Dimension::Category => one("category", "category"),
        Dimension::Person => one("person", "person"),
        Dimension::Role => one("role", "role"),
        Dimension::Resolution => (1..=RESOLUTION_LEVELS)
            .map(|depth| (resolution_field(depth), resolution_field(depth)))
            .collect(),
    }
}

/// Terms aggregations for the facets asked for; the year facet also counts `dating`, whose
/// `none` and `guess` buckets are vnsearch's `undated` and `guessed` counts.
pub fn aggregations(request: &SearchRequest) -> Option<Value> {
    if request.facets.is_empty() {
        return None;
    }
    let mut aggs = Map::new();
    for &dimension in &request.facets {
        for (name, field) in facet_field(dimension, &request.filters) {
            let mut terms = json!({"field": field, "size": 1000});
            if matches!(dimension, Dimension::Year | Dimension::Month) {
                terms["order"] = json!({"_key": "desc"});
            }
            aggs.insert(name, json!({ "terms": terms }));
        }
        if dimension == Dimension::Year {
            aggs.insert(
                "dating".into(),
                json!({"terms": {"field": "dating", "size": 10}}),
            );
        }
    }
    Some(Value::Object(aggs))
}

/// The `_search` body for OpenSearch or Elasticsearch.
pub fn search_body(
    request: &SearchRequest,
    matching: Matching,
    named: Option<&QueryDocument>,
) -> Value {
    let (query, rewards) = request_query(request, matching, named);
    let mut body = Map::new();
    body.insert("query".into(), dsl(&query));
    body.insert("from".into(), json!(request.offset));
    body.insert("size".into(), json!(request.limit));
    body.insert("track_total_hits".into(), json!(true));
    match request.sort {
        SortOrder::Relevance if !rewards.is_empty() => {
            body.insert(
                "rescore".into(),
                json!({
                    "window_size": RESCORE_WINDOW.max(request.offset + request.limit),
                    "query": {
                        "rescore_query": dsl(&union_all(rewards)),
                        "query_weight": 1.0,
                        "rescore_query_weight": 1.0,
                        "score_mode": "total"
                    }
                }),
            );
        }
        SortOrder::Relevance => {}
        SortOrder::Date => {
            body.insert(
                "sort".into(),
                json!([{"date": {"order": "desc", "missing": "_last"}}]),
            );
        }
        SortOrder::DateAsc => {
            body.insert(
                "sort".into(),
                json!([{"date": {"order": "asc", "missing": "_last"}}]),
            );
        }
    }
    if let Some(aggs) = aggregations(request) {
        body.insert("aggs".into(), aggs);
    }
    Value::Object(body)
}

/// Rewards only add to a score: a should-only query with no minimum to meet.
fn union_all(rewards: Vec<Q>) -> Q {
    bool_of(Vec::new(), rewards, Vec::new())
}

// ---- Quickwit ----

/// A value quoted for Quickwit's query language (inside quotes only `"` and `\` are special).
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// More combinations than this for "most words" are not written out; the query then asks for
/// every word (and says so in `note`).
const MAX_COMBINATIONS: usize = 200;

fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    fn go(start: usize, n: usize, k: usize, current: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if current.len() == k {
            out.push(current.clone());
            return;
        }
        for i in start..n {
            if out.len() > MAX_COMBINATIONS {
                return;
            }
            current.push(i);
            go(i + 1, n, k, current, out);
            current.pop();
        }
    }
    let mut out = Vec::new();
    go(0, n, k, &mut Vec::new(), &mut out);
    out
}

fn joined(parts: Vec<String>, op: &str) -> String {
    match parts.len() {
        0 => "*".to_owned(),
        1 => parts.into_iter().next().expect("one part"),
        _ => format!("({})", parts.join(&format!(" {op} "))),
    }
}

/// One query in Quickwit's query language. Quickwit's language has no boosts, so clauses that
/// only reward (optional `should`) are left out: the same documents match, ranked by plain BM25.
pub fn quickwit(q: &Q, notes: &mut Vec<String>) -> String {
    match q {
        Q::Term { field, value, .. } => format!("{field}:{}", quoted(value)),
        Q::Phrase { field, tokens, .. } => format!("{field}:{}", quoted(&tokens.join(" "))),
        Q::Bool {
            must,
            should,
            must_not,
            filter,
            minimum,
        } => {
            let mut required: Vec<String> = must
                .iter()
                .chain(filter)
                .map(|c| quickwit(c, notes))
                .collect();
            let options: Vec<String> = should.iter().map(|c| quickwit(c, notes)).collect();
            match minimum {
                Some(k) => {
                    let combos = combinations(options.len(), *k);
                    if combos.len() > MAX_COMBINATIONS {
                        notes.push(format!(
                            "\"most words\" ({k} of {}) has too many combinations to write out: every word is required here",
                            options.len()
                        ));
                        required.push(joined(options, "AND"));
                    } else {
                        let alternatives = combos
                            .into_iter()
                            .map(|c| {
                                joined(c.into_iter().map(|i| options[i].clone()).collect(), "AND")
                            })
                            .collect();
                        required.push(joined(alternatives, "OR"));
                    }
                }
                None if must.is_empty() && filter.is_empty() && !options.is_empty() => {
                    required.push(joined(options, "OR"));
                }
                None => {}
            }
            let mut text = joined(required, "AND");
            for excluded in must_not {
                text = format!("{text} AND NOT {}", quickwit(excluded, notes));
            }
            if must_not.is_empty() {
                text
            } else {
                format!("({text})")
            }
        }
        Q::DateRange { from, to } => {
            let day = |d: &Option<Date>, end: bool| match d {
                Some(d) if end => format!("{d}T23:59:59Z"),
                Some(d) => format!("{d}T00:00:00Z"),
                None => "*".to_owned(),
            };
            format!("date:[{} TO {}]", day(from, false), day(to, true))
        }
        // No boosts in Quickwit's language: the same documents, by plain BM25.
        Q::Constant { query, .. } => quickwit(query, notes),
        Q::All => "*".to_owned(),
        Q::Nothing => "(NOT *)".to_owned(),
    }
}

/// The body of a Quickwit search request (`POST /api/v1/INDEX/search`).
pub fn quickwit_body(
    request: &SearchRequest,
    matching: Matching,
    named: Option<&QueryDocument>,
) -> Value {
    let (query, _rewards) = request_query(request, matching, named);
    let mut notes = Vec::new();
    let text = quickwit(&query, &mut notes);
    let mut body = Map::new();
    body.insert("query".into(), json!(text));
    body.insert("max_hits".into(), json!(request.limit));
    body.insert("start_offset".into(), json!(request.offset));
    let sort = match request.sort {
        SortOrder::Relevance => "_score",
        SortOrder::Date => "date",
        SortOrder::DateAsc => "-date",
    };
    body.insert("sort_by".into(), json!(sort));
    if let Some(aggs) = aggregations(request) {
        body.insert("aggs".into(), aggs);
    }
    if !notes.is_empty() {
        body.insert("note".into(), json!(notes.join("; ")));
    }
    Value::Object(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.to_owned(),
            ..SearchRequest::default()
        }
    }

    #[test]
    fn an_unaccented_word_matches_folded_tokens_in_every_text() {
        let (q, rewards) = request_query(&request("dang"), Matching::All, None);
        assert!(rewards.is_empty());
        assert_eq!(
            dsl(&q),
            json!({"bool": {"should": [
                {"term": {"title_folded_tokens": {"value": "dang", "boost": 2.0}}},
                {"term": {"body_folded_tokens": {"value": "dang"}}},
                {"term": {"source_folded_tokens": {"value": "dang", "boost": 1.5}}}
            ]}})
        );
        let mut notes = Vec::new();
        assert_eq!(
            quickwit(&q, &mut notes),
            "(title_folded_tokens:\"dang\" OR body_folded_tokens:\"dang\" OR source_folded_tokens:\"dang\")"
        );
    }

    #[test]
    fn a_quoted_accented_phrase_keeps_its_marks_and_runs_are_rewarded() {
        let body = search_body(&request("\"Búa liềm\""), Matching::All, None);
        let text = body["query"].to_string();
        assert!(
            text.contains(
                r#""match_phrase":{"title_folded_tokens":{"query":"bua liem","boost":2.0}}"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#""term":{"body_exact_tokens":{"value":"búa","boost":0.6}}"#),
            "{text}"
        );
        assert!(
            body.get("rescore").is_none(),
            "a quoted phrase has no run rewards"
        );
        let run = search_body(&request("Hòa Bình"), Matching::All, None);
        let rescore = run["rescore"]["query"]["rescore_query"].to_string();
        assert!(
            rescore.contains(
                r#""match_phrase":{"body_folded_tokens":{"query":"hoa binh","boost":3.0}}"#
            ),
            "{rescore}"
        );
        let matching = run["query"].to_string();
        assert!(
            matching.contains(r#""term":{"pairs_tokens":{"value":"^hoa_binh","boost":2.0}}"#),
            "{matching}"
        );
    }

    #[test]
    fn most_words_is_a_minimum_and_filters_are_keyword_terms() {
        let mut r = request("alpha beta gamma");
        r.filters.places = vec![
            vec!["Tây Nguyên".into()],
            vec!["Đồng bằng sông Hồng".into(), "Hải Phòng".into()],
        ];
        r.filters.year = Some(2023);
        let (q, _) = request_query(&r, Matching::Any, None);
        let text = dsl(&q).to_string();
        assert!(text.contains(r#""minimum_should_match":2"#), "{text}");
        assert!(
            text.contains(r#"{"term":{"region":{"value":"Tây Nguyên"}}}"#),
            "{text}"
        );
        assert!(
            text.contains(r#"{"term":{"province":{"value":"Hải Phòng"}}}"#),
            "{text}"
        );
        assert!(text.contains(r#"{"range":{"date":{"gte":"2023-01-01","lte":"2023-12-31","format":"yyyy-MM-dd"}}}"#), "{text}");
        let mut notes = Vec::new();
        let qw = quickwit(&q, &mut notes);
        assert!(
            qw.contains("date:[2023-01-01T00:00:00Z TO 2023-12-31T23:59:59Z]"),
            "{qw}"
        );
        assert!(
            qw.contains("(dating:\"certain\" OR dating:\"likely\")"),
            "{qw}"
        );
        assert_eq!(combinations(4, 3).len(), 4);
    }

    #[test]
    fn cited_document_filters_name_the_level_of_their_path() {
        let mut r = request("");
        let path = |s: &str| s.split(" / ").map(str::to_owned).collect::<Vec<_>>();
        r.filters.resolutions = vec![vec![
            path("Đảng / Nghị quyết / TW4"),
            path("Đảng / Chỉ thị / Trung ương / 35-CT/TW / khóa XII / x"),
        ]];
        let (q, _) = request_query(&r, Matching::All, None);
        assert_eq!(
            dsl(&q)["bool"]["filter"][0],
            json!({"bool": {"should": [
                {"term": {"resolution_3": {"value": "Đảng / Nghị quyết / TW4"}}},
                {"term": {"resolution_5": {"value": "Đảng / Chỉ thị / Trung ương / 35-CT/TW / khóa XII"}}}
            ]}})
        );
    }

    #[test]
    fn exclusions_and_empty_queries_translate() {
        let (q, _) = request_query(&request("Đảng -captcha"), Matching::All, None);
        let text = dsl(&q).to_string();
        assert!(text.contains(r#""must_not":[{"bool":{"should":[{"term":{"title_exact_tokens":{"value":"captcha","boost":2.0}}}"#), "{text}");
        assert_eq!(
            dsl(&request_query(&request(""), Matching::All, None).0),
            json!({"match_all": {}})
        );
        assert_eq!(
            dsl(&request_query(&request("?!"), Matching::All, None).0),
            json!({"match_none": {}})
        );
        let mut notes = Vec::new();
        assert!(quickwit(
            &request_query(&request("Đảng -captcha"), Matching::All, None).0,
            &mut notes
        )
        .contains(" AND NOT "));
    }

    #[test]
    fn a_range_over_part_of_a_year_leaves_out_dates_known_only_by_that_year() {
        let mut r = request("");
        r.filters.from_date = Date::new(2017, 3, 1);
        r.filters.to_date = Date::new(2018, 12, 31);
        let (q, _) = request_query(&r, Matching::All, None);
        assert_eq!(
            dsl(&q)["bool"]["filter"][2],
            json!({"bool": {"must": [{"match_all": {}}], "must_not": [{"bool": {"must": [
                {"term": {"year_only": {"value": "true"}}},
                {"term": {"year": {"value": "2017"}}}
            ]}}]}})
        );
        // Whole years: a bare year inside them counts.
        r.filters.from_date = Date::new(2017, 1, 1);
        let (q, _) = request_query(&r, Matching::All, None);
        assert_eq!(dsl(&q)["bool"]["filter"].as_array().unwrap().len(), 2);
    }
}
