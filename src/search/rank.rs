//! The ranking pass's pieces: candidates ordered as typed first, then by score; the second
//! phase's rewards added to the best of them; and the as-typed flag of a page sorted by date.

use tantivy::collector::{Collector, TopDocs};
use tantivy::query::{EnableScoring, Query, Scorer};
use tantivy::{DocAddress, DocId, DocSet, Searcher, SeekDangerResult};

use super::request::SearchRequest;
use super::typed::{Tier, TypedFirst};

/// One ranked match: whether it holds the words as typed (the first key), its score, where it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Candidate {
    pub(super) as_typed: bool,
    pub(super) score: f32,
    pub(super) address: DocAddress,
}

/// Best first: as typed before the rest, then by score, ties in index order.
pub(super) fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.as_typed
        .cmp(&a.as_typed)
        .then(b.score.total_cmp(&a.score))
        .then(a.address.cmp(&b.address))
}

/// The ranking pass's collector: the requested page when nothing is rescored, else the
/// `RESCORE_DEPTH` best, paged after the rewards are added. With a tier, the matches as typed
/// come first over the whole match set, so the candidates are the best of them when there are
/// enough, and the rewards can never lift a match of another form above one as typed.
pub(super) fn candidates(
    request: &SearchRequest,
    rewards: &[Box<dyn Query>],
    tier: Option<Tier>,
) -> impl Collector<Fruit = Vec<Candidate>> {
    let top = if rewards.is_empty() {
        TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset)
    } else {
        TopDocs::with_limit((request.offset + request.limit).max(RESCORE_DEPTH))
    };
    let ranked = top.order_by(TypedFirst { tier });
    CandidateCollector { ranked }
}

/// Turns the sort keys into candidates (without a tier every match is as typed, so the order
/// is the plain score order).
struct CandidateCollector<C> {
    ranked: C,
}

impl<C> Collector for CandidateCollector<C>
where
    C: Collector<Fruit = Vec<((bool, f32), DocAddress)>>,
{
    type Fruit = Vec<Candidate>;
    type Child = C::Child;

    fn for_segment(
        &self,
        segment_local_id: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        self.ranked.for_segment(segment_local_id, segment)
    }

    fn requires_scoring(&self) -> bool {
        self.ranked.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as tantivy::collector::SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Vec<Candidate>> {
        Ok(self
            .ranked
            .merge_fruits(fruits)?
            .into_iter()
            .map(|((as_typed, score), address)| Candidate {
                as_typed,
                score,
                address,
            })
            .collect())
    }
}

/// How many of the best matches by base score have the phrase and neighbour rewards added
/// (two-phase ranking). A match further down would need a reward worth more than the gap to
/// the 300th, which the relevance set never showed; deeper costs time on common syllables.
pub(super) const RESCORE_DEPTH: usize = 300;

/// Adds the reward clauses' score to each candidate that they match, then orders the
/// candidates best first (ties in index order). Exactly the score the one-query form gave:
/// tantivy sums the scores of a boolean query's matching clauses. Each clause is asked about
/// each candidate alone (`seek_danger`): a phrase scorer's `seek` would scan on to the next
/// document holding the phrase, which is most of the cost for a phrase that is rare.
pub(super) fn rescore(
    searcher: &Searcher,
    mut candidates: Vec<Candidate>,
    rewards: &[Box<dyn Query>],
) -> tantivy::Result<Vec<Candidate>> {
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let weights = rewards
        .iter()
        .map(|reward| reward.weight(scoring))
        .collect::<tantivy::Result<Vec<_>>>()?;
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| candidates[i].address);
    let mut segment: Option<u32> = None;
    // Each scorer with the first document it can still hold: asking about an earlier one is
    // answered "no" here (tantivy's phrase scorer asserts it is never asked).
    let mut scorers: Vec<(Box<dyn Scorer>, DocId)> = Vec::new();
    for i in order {
        let address = candidates[i].address;
        let target = address.doc_id;
        if segment != Some(address.segment_ord) {
            // Each scorer starts at the segment's first candidate (`scorer_danger`), not at its
            // first match: a phrase scorer built the plain way scans to its first match, which
            // for a phrase of common syllables that is rare or absent is most of the matches of
            // its words, in every segment; that scan grew with the corpus and was half the time
            // of such queries at 4× baomoi (README, "How cost grows").
            let reader = searcher.segment_reader(address.segment_ord);
            scorers.clear();
            for weight in &weights {
                let (found, mut scorer) = weight.scorer_danger(reader, target, 1.0)?;
                let floor = match found {
                    SeekDangerResult::Found => {
                        candidates[i].score += scorer.score();
                        target
                    }
                    SeekDangerResult::SeekLowerBound(bound) => bound,
                };
                scorers.push((scorer, floor));
            }
            segment = Some(address.segment_ord);
            continue;
        }
        for (scorer, floor) in &mut scorers {
            if target < *floor {
                continue;
            }
            match scorer.seek_danger(target) {
                SeekDangerResult::Found => {
                    candidates[i].score += scorer.score();
                    *floor = target;
                }
                SeekDangerResult::SeekLowerBound(bound) => *floor = bound.max(scorer.doc()),
            }
        }
    }
    candidates.sort_by(best_first);
    Ok(candidates)
}

/// Says of each hit of a page whether it is as typed (a page sorted by date, whose order the
/// tier does not decide).
pub(super) fn mark_typed(
    tier: &Tier,
    searcher: &Searcher,
    page: &mut [Candidate],
) -> tantivy::Result<()> {
    let mut order: Vec<usize> = (0..page.len()).collect();
    order.sort_by_key(|&i| page[i].address);
    let mut reader = None;
    let mut segment = None;
    for i in order {
        let address = page[i].address;
        if segment != Some(address.segment_ord) {
            reader = Some(tier.segment(searcher.segment_reader(address.segment_ord))?);
            segment = Some(address.segment_ord);
        }
        if let Some(reader) = reader.as_mut() {
            page[i].as_typed = reader.holds(address.doc_id);
        }
    }
    Ok(())
}
