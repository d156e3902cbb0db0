//! Running a search: query, filters, ranking, paging, snippets and facets over one open index.

use std::time::Instant;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DateTime, DocAddress, IndexReader, Order, Searcher, TantivyDocument, Term};

use super::build::{build, Built, Highlights, Matching};
use super::facets;
use super::named::{cites, read_query, QueryDocument};
use super::query::parse;
use super::rank::{candidates, mark_typed, rescore, Candidate};
use super::snippet::snippets;
use super::typed::{Tier, TierQuery};
use crate::index::document::{to_datetime, StoredMeta};
use crate::index::store::IndexStore;
use crate::model::Date;

pub use super::request::{Filters, Hit, SearchError, SearchRequest, SearchResponse, SortOrder};

/// What citing the document a query names adds to an article's score: more than the text
/// scores of this ranking reach (BM25 with the phrase rewards stays well under 100 on the
/// judged set), so the articles citing it come first, in the order of their text scores.
pub const NAMED_BOOST: f32 = 100.0;

/// The years a date range covers only in part (it starts after 1 January or ends before 31
/// December of them); `None` when it covers every year it touches whole.
pub fn partly_covered_years(from: Option<Date>, to: Option<Date>) -> Option<Vec<i32>> {
    let mut partial = Vec::new();
    if let Some(from) = from.filter(|d| (d.month(), d.day()) != (1, 1)) {
        partial.push(from.year());
    }
    if let Some(to) = to.filter(|d| (d.month(), d.day()) != (12, 31)) {
        if !partial.contains(&to.year()) {
            partial.push(to.year());
        }
    }
    (!partial.is_empty()).then_some(partial)
}

/// Leaves out articles known only by a year among `years`: a bare "2019" is stored as 1
/// January, but nothing says it falls in January or in any part of the year a range covers.
fn not_year_only_in(fields: &crate::index::Fields, years: &[i32]) -> Box<dyn Query> {
    let bare_year = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_bool(fields.year_only, true),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>,
        ),
        (
            Occur::Must,
            any_of(
                years
                    .iter()
                    .map(|y| facet_filter(fields.year, &[y.to_string()]))
                    .collect(),
            ),
        ),
    ]);
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
        (Occur::MustNot, Box::new(bare_year)),
    ]))
}

/// An index opened for searching; reuse it for many queries (batch mode opens it once).
pub struct Engine {
    pub store: IndexStore,
    reader: IndexReader,
}

fn facet_filter(field: tantivy::schema::Field, path: &[String]) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(field, &Facet::from_path(path)),
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

impl Engine {
    /// An engine over the index's last commit; commands that run once need no more.
    pub fn open(store: IndexStore) -> Result<Engine, SearchError> {
        let reader = store.reader()?;
        Ok(Engine { store, reader })
    }

    /// An engine that follows new commits by itself (for a server that outlives indexing runs).
    pub fn open_following(store: IndexStore) -> Result<Engine, SearchError> {
        let reader = store.following_reader()?;
        Ok(Engine { store, reader })
    }

    /// Where a query's words occur in `text`, as `[start, end)` character ranges: the same
    /// marks a snippet of that query carries, over a whole article.
    pub fn highlight(&self, query: &str, text: &str) -> Vec<[usize; 2]> {
        let parsed = parse(query);
        let mut highlights = Highlights::default();
        if let Some(expr) = &parsed.expr {
            let accented = crate::text::has_diacritics(query);
            build(
                &self.store.fields,
                expr,
                accented,
                Matching::All,
                &mut highlights,
            );
        }
        super::snippet::mark_all(text, &highlights.terms)
    }

    /// A searcher of the current commit: one per request, so a request sees one commit
    /// throughout even while a server's reader moves on.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// One article by its id (as hits print it) or its stable key: its metadata, its cleaned
    /// text, and how many articles share that id (JSON Lines ids can repeat across files).
    pub fn document(&self, id: &str) -> Result<Option<(StoredMeta, String, usize)>, SearchError> {
        let fields = &self.store.fields;
        let searcher = self.searcher();
        for field in [fields.id, fields.key] {
            let query = TermQuery::new(Term::from_field_text(field, id), IndexRecordOption::Basic);
            let found = searcher.search(&query, &TopDocs::with_limit(5).order_by_score())?;
            if let Some(&(_, address)) = found.first() {
                let doc: TantivyDocument = searcher.doc(address)?;
                let (meta, body) = StoredMeta::from_document(&doc, fields);
                return Ok(Some((meta, body, found.len())));
            }
        }
        Ok(None)
    }

    fn filter_clauses(&self, filters: &Filters) -> Vec<Box<dyn Query>> {
        let fields = &self.store.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        if !filters.places.is_empty() {
            let field = if filters.merged {
                fields.place_now
            } else {
                fields.place
            };
            out.push(any_of(
                filters
                    .places
                    .iter()
                    .map(|p| facet_filter(field, p))
                    .collect(),
            ));
        }
        for alternatives in &filters.resolutions {
            out.push(any_of(
                alternatives
                    .iter()
                    .map(|p| facet_filter(fields.resolution, p))
                    .collect(),
            ));
        }
        if let Some(category) = &filters.category {
            out.push(facet_filter(
                fields.category,
                std::slice::from_ref(category),
            ));
        }
        for key in &filters.person {
            out.push(Box::new(TermQuery::new(
                Term::from_field_text(fields.person_key, key),
                IndexRecordOption::Basic,
            )));
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
                out.push(facets::trusted_dates(fields));
            }
            let bound = |d: Option<Date>, end: bool| match d {
                Some(d) => {
                    let mut dt = to_datetime(d);
                    if end {
                        dt = DateTime::from_timestamp_secs(dt.into_timestamp_secs() + 86_399);
                    }
                    std::ops::Bound::Included(Term::from_field_date(fields.date, dt))
                }
                None => std::ops::Bound::Unbounded,
            };
            out.push(Box::new(RangeQuery::new(
                bound(from, false),
                bound(to, true),
            )));
            if let Some(partial) = partly_covered_years(from, to) {
                out.push(not_year_only_in(fields, &partial));
            }
        }
        out
    }

    fn full_query(&self, text: Option<Box<dyn Query>>, filters: &Filters) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        match text {
            Some(q) => clauses.push((Occur::Must, q)),
            None => clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)),
            )),
        }
        for filter in self.filter_clauses(filters) {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
        if clauses.len() == 1 {
            return clauses.pop().expect("one clause").1;
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// Runs a search in its phases: plan the query, match and rank (falling back to "most
    /// words" when nothing has them all), then load the page's hits and count the facets.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let named = self.named_document(&searcher, request)?;
        let mut plan = self.plan(request, Matching::All, named.as_ref());
        let mut ranked = self.rank(&searcher, &plan, request)?;
        if ranked.total == 0 && !plan.explicit {
            let most = self.plan(request, Matching::Any, named.as_ref());
            if most.built {
                let most_ranked = self.rank(&searcher, &most, request)?;
                if most_ranked.total > 0 {
                    plan = most;
                    ranked = most_ranked;
                }
            }
        }
        let hits = self.hits(&searcher, &plan, request, ranked.page)?;
        let mut facet_counts = Vec::new();
        for &dimension in &request.facets {
            let counts = facets::count(
                &searcher,
                &self.store.fields,
                &plan.query,
                dimension,
                &request.filters.counting(),
            )?;
            facet_counts.push((dimension, counts));
        }
        Ok(SearchResponse {
            total: ranked.total,
            took_ms: started.elapsed().as_secs_f64() * 1000.0,
            matching: plan.matching.name(),
            fallback: plan.fallback,
            hits,
            facets: facet_counts,
            documents: named.into_iter().collect(),
        })
    }

    /// The document the query names, if it names one and uses no operators (a query with
    /// quotes, OR or NOT says exactly what it wants).
    fn named_document(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
    ) -> Result<Option<QueryDocument>, SearchError> {
        let parsed = parse(&request.query);
        if parsed.explicit || parsed.fallback || parsed.expr.is_none() {
            return Ok(None);
        }
        Ok(read_query(searcher, &self.store.fields, &request.query)?)
    }

    /// What a request matches, exactly as `search` counts it (the "most words" fallback
    /// included), for counts that need no page of hits: trends and document cards.
    pub fn matching(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
    ) -> Result<Matched, SearchError> {
        let named = self.named_document(searcher, request)?;
        let mut plan = self.plan(request, Matching::All, named.as_ref());
        let mut total = searcher.search(&plan.query, &Count)?;
        if total == 0 && !plan.explicit {
            let most = self.plan(request, Matching::Any, named.as_ref());
            if most.built {
                let most_total = searcher.search(&most.query, &Count)?;
                if most_total > 0 {
                    plan = most;
                    total = most_total;
                }
            }
        }
        Ok(Matched {
            query: plan.query,
            total,
            matching: plan.matching,
            fallback: plan.fallback,
            named,
        })
    }

    /// The filters alone, as one query over every article (the denominators of `--per`).
    pub fn filtered(&self, filters: &Filters) -> Box<dyn Query> {
        self.full_query(None, filters)
    }

    /// Phase 1: the request as tantivy queries, matching (text and filters) and rewards.
    fn plan(
        &self,
        request: &SearchRequest,
        matching: Matching,
        named: Option<&QueryDocument>,
    ) -> Plan {
        let fields = &self.store.fields;
        let parsed = parse(&request.query);
        let accented = crate::text::has_diacritics(&request.query);
        let mut highlights = Highlights::default();
        let mut built = parsed
            .expr
            .as_ref()
            .and_then(|expr| build(fields, expr, accented, matching, &mut highlights));
        let was_built = built.is_some();
        if !request.query.trim().is_empty() && built.is_none() {
            // Only punctuation or nothing searchable: nothing can match.
            built = Some(Built {
                matching: super::build::nothing(),
                rewards: Vec::new(),
                typed: None,
            });
        }
        let (text_query, rewards, typed) = match built {
            Some(built) => (Some(built.matching), built.rewards, built.typed),
            None => (None, Vec::new(), None),
        };
        // A query that names a document ranks the articles citing it first, however they write
        // it ("QĐ 47-QĐ/TW" for "Quy định 47"): the words' as-typed tier would undo that.
        let typed = if named.is_some() { None } else { typed };
        let text_query = match (text_query, named) {
            (Some(words), Some(named)) => Some(self.widen(words, named, matching)),
            (words, _) => words,
        };
        Plan {
            query: self.full_query(text_query, &request.filters),
            rewards,
            typed,
            highlights,
            matching,
            built: was_built,
            explicit: parsed.explicit,
            fallback: parsed.fallback,
        }
    }

    /// A query that names a document also matches the articles citing it without its words
    /// (the rest of the query must still match), and every article citing it ranks above the
    /// articles that only share the words: `NAMED_BOOST` is more than any text score reaches.
    fn widen(
        &self,
        words: Box<dyn Query>,
        named: &QueryDocument,
        matching: Matching,
    ) -> Box<dyn Query> {
        let fields = &self.store.fields;
        let cited: Box<dyn Query> = Box::new(ConstScoreQuery::new(
            cites(fields, &named.named.document),
            NAMED_BOOST,
        ));
        let rest = parse(&named.rest).expr.and_then(|expr| {
            let accented = crate::text::has_diacritics(&named.rest);
            build(
                fields,
                &expr,
                accented,
                matching,
                &mut Highlights::default(),
            )
        });
        let widened: Box<dyn Query> = match rest {
            Some(rest) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, cited),
                (Occur::Must, rest.matching),
            ])),
            None => cited,
        };
        Box::new(BooleanQuery::new(vec![
            (Occur::Should, words),
            (Occur::Should, widened),
        ]))
    }

    /// Phase 2: how many documents match, and the requested page of them in order. Ranked by
    /// relevance, the count and the candidates come from one pass over the matches, and the
    /// rewards are added to the best `rank::RESCORE_DEPTH` candidates only.
    fn rank(
        &self,
        searcher: &Searcher,
        plan: &Plan,
        request: &SearchRequest,
    ) -> Result<Ranked, SearchError> {
        if request.limit == 0 {
            let total = searcher.search(&plan.query, &Count)?;
            return Ok(Ranked {
                total,
                page: Vec::new(),
            });
        }
        if request.sort != SortOrder::Relevance {
            let order = if request.sort == SortOrder::Date {
                Order::Desc
            } else {
                Order::Asc
            };
            let top = TopDocs::with_limit(request.limit).and_offset(request.offset);
            let (page, total) = searcher.search(
                &plan.query,
                &(top.order_by_fast_field::<DateTime>("date", order), Count),
            )?;
            let mut page: Vec<Candidate> = page
                .into_iter()
                .map(|(_, address)| Candidate {
                    as_typed: true,
                    score: 0.0,
                    address,
                })
                .collect();
            if let Some(typed) = &plan.typed {
                mark_typed(&Tier::new(searcher, typed)?, searcher, &mut page)?;
            }
            return Ok(Ranked { total, page });
        }
        let tier = match &plan.typed {
            Some(typed) => Some(Tier::new(searcher, typed)?),
            None => None,
        };
        let (candidates, total) = searcher.search(
            &plan.query,
            &(candidates(request, &plan.rewards, tier), Count),
        )?;
        let page = if plan.rewards.is_empty() {
            candidates
        } else {
            let mut ranked = rescore(searcher, candidates, &plan.rewards)?;
            ranked.truncate(request.offset + request.limit);
            ranked.drain(..request.offset.min(ranked.len()));
            ranked
        };
        Ok(Ranked { total, page })
    }

    /// Phase 3: the page's documents, with snippets (and explanations when asked for).
    fn hits(
        &self,
        searcher: &Searcher,
        plan: &Plan,
        request: &SearchRequest,
        page: Vec<Candidate>,
    ) -> Result<Vec<Hit>, SearchError> {
        let fields = &self.store.fields;
        let mut hits = Vec::with_capacity(page.len());
        for (i, candidate) in page.into_iter().enumerate() {
            let Candidate {
                as_typed,
                score,
                address,
            } = candidate;
            let doc: TantivyDocument = searcher.doc(address)?;
            let (meta, body) = StoredMeta::from_document(&doc, fields);
            let explanation = if request.explain {
                explain(searcher, plan, address)
            } else {
                None
            };
            hits.push(Hit {
                rank: request.offset + i + 1,
                score,
                as_typed,
                meta,
                snippets: snippets(&body, &plan.highlights.terms, request.snippets),
                explanation,
            });
        }
        Ok(hits)
    }
}

/// A request turned into queries: what must match and what is rewarded.
struct Plan {
    /// Text and filters; every match counts in the total.
    query: Box<dyn Query>,
    /// Phrase and neighbour rewards, added to the best candidates' scores.
    rewards: Vec<Box<dyn Query>>,
    /// The matches that hold the words as typed, ranked first (`None`: the query has no marks).
    typed: Option<TierQuery>,
    highlights: Highlights,
    matching: Matching,
    /// The query had searchable words (false for an empty or punctuation-only query).
    built: bool,
    /// The query used operators (quotes, OR, -word): no "most words" fallback then.
    explicit: bool,
    /// The query did not parse and was read as plain words.
    fallback: bool,
}

/// A request's matching query and how it matched (see [`Engine::matching`]).
pub struct Matched {
    /// Text and filters: every article it matches is one `search` counts.
    pub query: Box<dyn Query>,
    pub total: usize,
    /// Every bare word, or most of them (the fallback); JSON names it with `Matching::name`.
    pub matching: Matching,
    pub fallback: bool,
    /// The Party document the query names, when it names one: the articles citing it match too.
    pub named: Option<QueryDocument>,
}

/// The matches of a plan: how many, and the requested page, best first.
struct Ranked {
    total: usize,
    page: Vec<Candidate>,
}

/// tantivy's score explanation of one hit. tantivy 0.27 can trip an assertion while explaining
/// nested boolean queries; an explanation is a debugging aid, so its failure must not end the
/// search.
fn explain(searcher: &Searcher, plan: &Plan, address: DocAddress) -> Option<serde_json::Value> {
    let mut clauses = vec![(Occur::Must, plan.query.box_clone())];
    clauses.extend(plan.rewards.iter().map(|r| (Occur::Should, r.box_clone())));
    let explained = BooleanQuery::new(clauses);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        explained.explain(searcher, address)
    }))
    .ok()
    .and_then(Result::ok)
    .and_then(|e| serde_json::from_str(&e.to_pretty_json()).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::facets::Dimension;
    use crate::search::rank::best_first;
    use crate::search::test_support::seeds;

    fn request(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.to_owned(),
            snippets: 0,
            ..SearchRequest::default()
        }
    }

    fn ids(response: &SearchResponse) -> Vec<String> {
        response.hits.iter().map(|h| h.meta.id.clone()).collect()
    }

    #[test]
    fn the_plan_rewards_runs_of_words_and_matches_everything_for_no_words() {
        let (_dir, engine) = seeds();
        let phrase = engine.plan(&request("Nghị quyết Trung ương 4"), Matching::All, None);
        assert!(phrase.built && !phrase.explicit && !phrase.fallback);
        assert!(
            !phrase.rewards.is_empty(),
            "a run of words earns phrase rewards"
        );
        assert!(phrase.highlights.terms.contains(&"nghi".to_owned()));
        let quoted = engine.plan(&request("\"Hải Phòng\""), Matching::All, None);
        assert!(
            quoted.explicit,
            "quotes are an operator: no most-words fallback"
        );
        let empty = engine.plan(&request(""), Matching::All, None);
        assert!(!empty.built && empty.rewards.is_empty());
        let searcher = engine.searcher();
        assert_eq!(searcher.search(&empty.query, &Count).unwrap(), 5);
        let punctuation = engine.plan(&request("?!"), Matching::All, None);
        assert_eq!(searcher.search(&punctuation.query, &Count).unwrap(), 0);
    }

    #[test]
    fn ranking_counts_every_match_and_pages_join_up() {
        let (_dir, engine) = seeds();
        let searcher = engine.searcher();
        let all = request("Nghị quyết Trung ương 4");
        let plan = engine.plan(&all, Matching::All, None);
        let whole = engine.rank(&searcher, &plan, &all).unwrap();
        assert_eq!(whole.total, 4);
        assert_eq!(whole.page.len(), 4);
        assert!(
            whole
                .page
                .windows(2)
                .all(|w| best_first(&w[0], &w[1]).is_lt()),
            "best first"
        );
        let second_page = SearchRequest {
            offset: 2,
            limit: 2,
            ..all.clone()
        };
        let tail = engine.rank(&searcher, &plan, &second_page).unwrap();
        assert_eq!(tail.total, 4);
        assert_eq!(tail.page, whole.page[2..].to_vec());
        let count_only = SearchRequest { limit: 0, ..all };
        let counted = engine.rank(&searcher, &plan, &count_only).unwrap();
        assert_eq!((counted.total, counted.page.len()), (4, 0));
    }

    /// The best ten of the plan's matching query by its own score: the rescoring's input.
    fn best_ten(searcher: &Searcher, plan: &Plan) -> Vec<Candidate> {
        searcher
            .search(&plan.query, &TopDocs::with_limit(10).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(score, address)| Candidate {
                as_typed: true,
                score,
                address,
            })
            .collect()
    }

    #[test]
    fn rewards_reorder_the_base_ranking_only_by_adding_scores() {
        let (_dir, engine) = seeds();
        let searcher = engine.searcher();
        let all = request("Nghị quyết Trung ương 4");
        let plan = engine.plan(&all, Matching::All, None);
        let base = best_ten(&searcher, &plan);
        let rescored = rescore(&searcher, base.clone(), &plan.rewards).unwrap();
        assert_eq!(rescored.len(), base.len());
        for after in &rescored {
            let before = base.iter().find(|c| c.address == after.address).unwrap();
            assert!(after.score >= before.score, "a reward only adds");
        }
    }

    #[test]
    fn rescoring_gives_each_candidate_the_score_of_the_one_query_form() {
        let (_dir, engine) = seeds();
        let searcher = engine.searcher();
        for query in ["Nghị quyết Trung ương 4", "công tác tổ chức xây dựng Đảng"]
        {
            let plan = engine.plan(&request(query), Matching::All, None);
            assert!(
                !plan.rewards.is_empty(),
                "{query}: a run of words earns rewards"
            );
            let base = best_ten(&searcher, &plan);
            let mut clauses = vec![(Occur::Must, plan.query.box_clone())];
            clauses.extend(plan.rewards.iter().map(|r| (Occur::Should, r.box_clone())));
            let whole = searcher
                .search(
                    &BooleanQuery::new(clauses),
                    &TopDocs::with_limit(10).order_by_score(),
                )
                .unwrap();
            let rescored = rescore(&searcher, base, &plan.rewards).unwrap();
            assert_eq!(rescored.len(), whole.len(), "{query}");
            for candidate in &rescored {
                let (score, _) = whole
                    .iter()
                    .find(|(_, address)| *address == candidate.address)
                    .unwrap();
                assert!(
                    (candidate.score - score).abs() < 1e-4,
                    "{query}: {} rescored, {score} in one query",
                    candidate.score
                );
            }
        }
    }

    #[test]
    fn search_falls_back_to_most_words_and_sorts_by_date() {
        let (_dir, engine) = seeds();
        let most = engine.search(&request("Hải Phòng zzzz Đảng")).unwrap();
        assert_eq!((most.total, most.matching), (2, "most"));
        let strict = engine.search(&request("\"Hải Phòng zzzz\"")).unwrap();
        assert_eq!((strict.total, strict.matching), (0, "all"));
        let newest = engine
            .search(&SearchRequest {
                sort: SortOrder::Date,
                ..request("Đảng")
            })
            .unwrap();
        let dates: Vec<String> = newest
            .hits
            .iter()
            .map(|h| h.meta.date.clone().unwrap())
            .collect();
        assert_eq!(
            dates,
            [
                "2023-12-08",
                "2023-06-23",
                "2022-11-23",
                "2020-11-06",
                "2019-07-28"
            ]
        );
        let oldest = engine
            .search(&SearchRequest {
                sort: SortOrder::DateAsc,
                ..request("Đảng")
            })
            .unwrap();
        let mut reversed = ids(&newest);
        reversed.reverse();
        assert_eq!(ids(&oldest), reversed);
    }

    #[test]
    fn facets_follow_the_query_and_documents_are_found_by_id() {
        let (_dir, engine) = seeds();
        let response = engine
            .search(&SearchRequest {
                facets: vec![Dimension::Year],
                ..request("Hải Phòng")
            })
            .unwrap();
        let years = &response.facets[0].1;
        let total: u64 = years.iter().map(|c| c.count).sum();
        assert_eq!(total, 2);
        let id = &response.hits[0].meta.id;
        let (meta, text, sharing) = engine.document(id).unwrap().unwrap();
        assert_eq!((&meta.id, sharing), (id, 1));
        assert!(text.contains("Hải Phòng"));
        assert!(engine.document("no-such-id").unwrap().is_none());
    }
}
