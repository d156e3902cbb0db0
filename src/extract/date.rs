//! Placeholder until the extraction branch lands: header date lines and `published` only.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    Header,
    Published,
    Dateline,
    Inferred,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Header => "header",
            DateSource::Published => "published",
            DateSource::Dateline => "dateline",
            DateSource::Inferred => "inferred",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    pub date: Date,
    pub source: DateSource,
    pub year_only: bool,
}

fn dmy(parts: &[&str]) -> Option<Date> {
    let day: u32 = parts.first()?.parse().ok()?;
    let month: u32 = parts.get(1)?.parse().ok()?;
    let year: i32 = parts.get(2)?.parse().ok()?;
    ((1..=31).contains(&day) && (1..=12).contains(&month) && (1900..=2100).contains(&year))
        .then_some(Date { year, month, day })
}

pub fn parse_date_line(line: &str) -> Option<Date> {
    let line = line.trim();
    if line.len() > 40 {
        return None;
    }
    line.split(|c: char| c.is_whitespace())
        .find(|w| w.matches('/').count() == 2)
        .and_then(|w| dmy(&w.split('/').collect::<Vec<_>>()))
}

pub fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    let date_part = s.get(..10)?;
    let parts: Vec<&str> = date_part.split('-').collect();
    if parts.len() == 3 {
        return dmy(&[parts[2], parts[1], parts[0]]);
    }
    parse_date_line(s)
}

pub fn find_article_date(
    header: Option<Date>,
    published: Option<Date>,
    _title: &str,
    _body: &str,
) -> Option<ArticleDate> {
    header
        .map(|date| (date, DateSource::Header))
        .or(published.map(|date| (date, DateSource::Published)))
        .map(|(date, source)| ArticleDate {
            date,
            source,
            year_only: false,
        })
}
