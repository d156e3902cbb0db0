//! Matching articles counted by the day of their date, with articles known only by a year
//! counted apart: a bare "2019" is stored as 1 January, and counting it there would make every
//! January look busy.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::model::Date;

/// What [`DateCounter`] finds: articles per day of a full date, and per year of a bare year.
/// Undated articles are in neither.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DateCounts {
    /// Days since 1970-01-01 → articles.
    pub by_day: HashMap<i64, u64>,
    /// Year → articles whose date is only that year.
    pub year_only: BTreeMap<i32, u64>,
}

impl DateCounts {
    /// Articles with a full date, per (year, month).
    pub fn by_month(&self) -> BTreeMap<(i32, u32), u64> {
        let mut out = BTreeMap::new();
        for (&day, &n) in &self.by_day {
            if let Some(date) = Date::from_days_since_epoch(day) {
                *out.entry((date.year(), date.month())).or_default() += n;
            }
        }
        out
    }

    /// Articles per year, full dates and bare years together (a bare year's year is known).
    pub fn by_year(&self) -> BTreeMap<i32, u64> {
        let mut out = self.year_only.clone();
        for ((year, _), n) in self.by_month() {
            *out.entry(year).or_default() += n;
        }
        out
    }

    fn add(&mut self, other: DateCounts) {
        for (day, n) in other.by_day {
            *self.by_day.entry(day).or_default() += n;
        }
        for (year, n) in other.year_only {
            *self.year_only.entry(year).or_default() += n;
        }
    }
}

/// Counts matching documents by their `date` and `year_only` fast fields.
pub struct DateCounter;

pub struct SegmentDateCounter {
    dates: Column<DateTime>,
    year_only: Column<bool>,
    counts: DateCounts,
}

impl Collector for DateCounter {
    type Fruit = DateCounts;
    type Child = SegmentDateCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentDateCounter> {
        Ok(SegmentDateCounter {
            dates: reader.fast_fields().date("date")?,
            year_only: reader.fast_fields().bool("year_only")?,
            counts: DateCounts::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DateCounts>) -> tantivy::Result<DateCounts> {
        let mut all = DateCounts::default();
        for fruit in fruits {
            all.add(fruit);
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentDateCounter {
    type Fruit = DateCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(date) = self.dates.first(doc) else {
            return;
        };
        let day = date.into_timestamp_secs().div_euclid(86_400);
        if self.year_only.first(doc) == Some(true) {
            if let Some(d) = Date::from_days_since_epoch(day) {
                *self.counts.year_only.entry(d.year()).or_default() += 1;
            }
        } else {
            *self.counts.by_day.entry(day).or_default() += 1;
        }
    }

    fn harvest(self) -> DateCounts {
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_years_add_up_with_bare_years_apart() {
        let day = |y, m, d| Date::new(y, m, d).unwrap().days_since_epoch();
        let counts = DateCounts {
            by_day: HashMap::from([
                (day(2019, 1, 5), 2),
                (day(2019, 1, 31), 1),
                (day(2019, 3, 1), 4),
            ]),
            year_only: BTreeMap::from([(2019, 5), (2017, 1)]),
        };
        assert_eq!(
            counts.by_month(),
            BTreeMap::from([((2019, 1), 3), ((2019, 3), 4)])
        );
        assert_eq!(counts.by_year(), BTreeMap::from([(2017, 1), (2019, 12)]));
    }
}
