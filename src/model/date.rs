//! A calendar date that is always real (no 30 February), on `jiff`'s civil calendar: leap years
//! and day counts live in that crate, not here.

use std::fmt;

/// A validated calendar date. Fields are private so that every `Date` went through
/// [`Date::new`]; ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// A real calendar date, or `None` (30 February, month 13, year beyond 9999...).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let year = i16::try_from(year).ok()?;
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// The last day of a month ("2024-02" → 29), or `None` for a month that is not one.
    pub fn last_of_month(year: i32, month: u32) -> Option<Date> {
        Date::new(year, month, 1).map(|d| Date(d.0.last_of_month()))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }

    pub fn month(self) -> u32 {
        self.0.month() as u32
    }

    pub fn day(self) -> u32 {
        self.0.day() as u32
    }

    /// Days since 1970-01-01 (negative before): how the index stores a date.
    pub fn days_since_epoch(self) -> i64 {
        let epoch = jiff::civil::date(1970, 1, 1);
        i64::from(
            self.0
                .since((jiff::Unit::Day, epoch))
                .expect("a civil date is within a day span of 1970")
                .get_days(),
        )
    }

    /// The date `days` days after 1970-01-01; `None` outside years 1..=9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let span = jiff::Span::new().try_days(days).ok()?;
        let date = jiff::civil::date(1970, 1, 1).checked_add(span).ok()?;
        (date.year() >= 1).then_some(Date(date))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn calendar() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2023, 4, 31).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 1, 0).is_none());
        assert!(Date::new(100_000, 1, 1).is_none());
        assert_eq!(d(2019, 7, 28).to_string(), "2019-07-28");
        assert!(d(2019, 7, 28) < d(2019, 12, 1));
        assert_eq!(Date::last_of_month(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(Date::last_of_month(2023, 2), Some(d(2023, 2, 28)));
        assert_eq!(Date::last_of_month(2023, 13), None);
        assert_eq!(Date::parse_iso("2016-10-30"), Some(d(2016, 10, 30)));
        assert_eq!(Date::parse_iso("2016-02-30"), None);
    }

    #[test]
    fn epoch_days() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2019, 7, 28).days_since_epoch(), 18_105);
        assert_eq!(d(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(d(2000, 3, 1).days_since_epoch(), 11_017);
        for date in [d(1945, 9, 2), d(2024, 2, 29), d(2030, 12, 31)] {
            assert_eq!(
                Date::from_days_since_epoch(date.days_since_epoch()),
                Some(date)
            );
        }
    }
}
