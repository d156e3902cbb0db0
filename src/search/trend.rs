//! Trends: how many articles match a search per year, per month or per province, over exactly
//! the matching and filters of `search`, so each count is a total `search` gives for the same
//! query with `--year`, `--from/--to` or `--province`. Nothing is dropped: undated articles,
//! articles with only a guessed date, articles known only by a year (by month) and articles
//! that name no province (by province) are counted apart.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::date_counts::{DateCounter, DateCounts};
use super::facets::{self, both, dating_is, trusted_dates, Dimension};
use super::{Engine, SearchError, SearchRequest};

/// What the periods of a trend are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TrendBy {
    Year,
    Month,
    /// Not a period: a ranking of the provinces the matching articles mention.
    Province,
}

impl TrendBy {
    pub const ALL: [TrendBy; 3] = [TrendBy::Year, TrendBy::Month, TrendBy::Province];

    /// The name users type and JSON prints (`--by month`, `"by": "month"`).
    pub fn name(self) -> &'static str {
        match self {
            TrendBy::Year => "year",
            TrendBy::Month => "month",
            TrendBy::Province => "province",
        }
    }
}

/// A trend to count: the search (its query and filters; paging is ignored), the periods, and
/// the optional normalisation (`--per 1000`: matches per 1,000 articles of the period).
#[derive(Debug, Clone)]
pub struct TrendRequest {
    pub search: SearchRequest,
    pub by: TrendBy,
    pub per: Option<u32>,
}

/// One period (a year "2019", a month "2019-07") or one province.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Period {
    pub period: String,
    /// A province's region (by province only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub count: u64,
    /// With `per`: the articles of this period (or province) under the same filters, any text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<u64>,
    /// With `per`: `count × per ÷ base`, to two decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
}

/// The counts of a trend; `total` is what `search` counts for the same request.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub periods: Vec<Period>,
    /// By month: articles dated only by a year, per year (in no month).
    pub year_only: Vec<Period>,
    /// Articles with no date (by year or month).
    pub undated: u64,
    /// Articles whose only date is a guess, left out of the periods unless guesses are counted
    /// (`None` then).
    pub guessed: Option<u64>,
    /// By province: articles that name no province.
    pub unplaced: u64,
    pub total: usize,
    pub matching: &'static str,
    pub fallback: bool,
    pub took_ms: f64,
}

fn rate(count: u64, base: u64, per: u32) -> f64 {
    if base == 0 {
        return 0.0;
    }
    (count as f64 * f64::from(per) / base as f64 * 100.0).round() / 100.0
}

fn period(
    name: String,
    count: u64,
    base: Option<&HashMap<String, u64>>,
    per: Option<u32>,
) -> Period {
    let base = base.map(|b| b.get(&name).copied().unwrap_or(0));
    Period {
        rate: base.zip(per).map(|(b, per)| rate(count, b, per)),
        period: name,
        region: None,
        count,
        base,
    }
}

fn month_name((year, month): (i32, u32)) -> String {
    format!("{year:04}-{month:02}")
}

/// Every month from the first to the last, so gaps show as zeros.
fn months_between(first: (i32, u32), last: (i32, u32)) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let mut at = first;
    while at <= last {
        out.push(at);
        at = if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    out
}

/// Per-period counts of a dated count, by year or month, keyed by period name.
fn named_counts(counts: &DateCounts, by: TrendBy) -> BTreeMap<String, u64> {
    match by {
        TrendBy::Month => counts
            .by_month()
            .into_iter()
            .map(|(m, n)| (month_name(m), n))
            .collect(),
        _ => counts
            .by_year()
            .into_iter()
            .map(|(y, n)| (y.to_string(), n))
            .collect(),
    }
}

impl Engine {
    /// Counts a trend (see the module docs).
    pub fn trend(&self, request: &TrendRequest) -> Result<Trend, SearchError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let matched = self.matching(&searcher, &request.search)?;
        let mut trend = Trend {
            periods: Vec::new(),
            year_only: Vec::new(),
            undated: 0,
            guessed: None,
            unplaced: 0,
            total: matched.total,
            matching: matched.matching.name(),
            fallback: matched.fallback,
            took_ms: 0.0,
        };
        let base_query = request.per.map(|_| self.filtered(&request.search.filters));
        match request.by {
            TrendBy::Year | TrendBy::Month => self.count_periods(
                &searcher,
                &*matched.query,
                base_query.as_deref(),
                request,
                &mut trend,
            )?,
            TrendBy::Province => self.count_provinces(
                &searcher,
                &*matched.query,
                base_query.as_deref(),
                request,
                &mut trend,
            )?,
        }
        trend.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(trend)
    }

    fn count_periods(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        base_query: Option<&dyn Query>,
        request: &TrendRequest,
        trend: &mut Trend,
    ) -> Result<(), SearchError> {
        let fields = &self.store.fields;
        let guessed_dates = request.search.filters.guessed_dates;
        // The dates the year facet and date filters use: certain and likely, unless guesses too.
        let dated = |q: &dyn Query| -> Box<dyn Query> {
            if guessed_dates {
                q.box_clone()
            } else {
                Box::new(both(q, trusted_dates(fields)))
            }
        };
        let counts = searcher.search(&*dated(query), &DateCounter)?;
        let all = match base_query {
            Some(q) => Some(searcher.search(&*dated(q), &DateCounter)?),
            None => None,
        };
        let base: Option<HashMap<String, u64>> = all
            .as_ref()
            .map(|all| named_counts(all, request.by).into_iter().collect());
        let base_year_only: Option<HashMap<String, u64>> = all.as_ref().map(|all| {
            all.year_only
                .iter()
                .map(|(y, n)| (y.to_string(), *n))
                .collect()
        });
        let found = named_counts(&counts, request.by);
        let names: Vec<String> = match request.by {
            TrendBy::Month => {
                let months: Vec<(i32, u32)> = counts.by_month().into_keys().collect();
                match (months.first(), months.last()) {
                    (Some(&first), Some(&last)) => months_between(first, last)
                        .into_iter()
                        .map(month_name)
                        .collect(),
                    _ => Vec::new(),
                }
            }
            _ => {
                let years: Vec<i32> = counts.by_year().into_keys().collect();
                match (years.first(), years.last()) {
                    (Some(&first), Some(&last)) => (first..=last).map(|y| y.to_string()).collect(),
                    _ => Vec::new(),
                }
            }
        };
        trend.periods = names
            .into_iter()
            .map(|name| {
                let n = found.get(&name).copied().unwrap_or(0);
                period(name, n, base.as_ref(), request.per)
            })
            .collect();
        if request.by == TrendBy::Month {
            trend.year_only = counts
                .year_only
                .iter()
                .map(|(year, &n)| period(year.to_string(), n, base_year_only.as_ref(), request.per))
                .collect();
        }
        trend.undated = searcher.search(&both(query, dating_is(fields, "none")), &Count)? as u64;
        if !guessed_dates {
            trend.guessed =
                Some(searcher.search(&both(query, dating_is(fields, "guess")), &Count)? as u64);
        }
        Ok(())
    }

    fn count_provinces(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        base_query: Option<&dyn Query>,
        request: &TrendRequest,
        trend: &mut Trend,
    ) -> Result<(), SearchError> {
        let fields = &self.store.fields;
        let counting = request.search.filters.counting();
        let provinces = facets::count(searcher, fields, query, Dimension::Province, &counting)?;
        let base: Option<HashMap<String, u64>> = match base_query {
            Some(q) => Some(
                facets::count(searcher, fields, q, Dimension::Province, &counting)?
                    .into_iter()
                    .map(|c| (c.value, c.count))
                    .collect(),
            ),
            None => None,
        };
        let mut periods: Vec<Period> = provinces
            .into_iter()
            .map(|c| {
                let mut p = period(c.value, c.count, base.as_ref(), request.per);
                p.region = c.path.first().cloned();
                p
            })
            .collect();
        // A ranking: by rate when normalised, else by count; ties by name.
        periods.sort_by(|a, b| {
            let key = |p: &Period| p.rate.unwrap_or(p.count as f64);
            key(b)
                .total_cmp(&key(a))
                .then(b.count.cmp(&a.count))
                .then(a.period.cmp(&b.period))
        });
        trend.periods = periods;
        let place = if counting.merged {
            fields.place_now
        } else {
            fields.place
        };
        let regions = facets::count(searcher, fields, query, Dimension::Region, &counting)?;
        let placed = if regions.is_empty() {
            0
        } else {
            let any_region = BooleanQuery::new(
                regions
                    .iter()
                    .map(|r| {
                        let term = Term::from_facet(place, &Facet::from_path(&r.path));
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(term, IndexRecordOption::Basic))
                                as Box<dyn Query>,
                        )
                    })
                    .collect(),
            );
            searcher.search(&both(query, Box::new(any_region)), &Count)?
        };
        trend.unplaced = trend.total.saturating_sub(placed) as u64;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_run_across_years_and_rates_round() {
        assert_eq!(
            months_between((2019, 11), (2020, 2)),
            [(2019, 11), (2019, 12), (2020, 1), (2020, 2)]
        );
        assert_eq!(months_between((2020, 3), (2020, 3)), [(2020, 3)]);
        assert_eq!(rate(1, 3, 1000), 333.33);
        assert_eq!(rate(0, 0, 1000), 0.0);
        assert_eq!(rate(2, 2, 100), 100.0);
    }
}
