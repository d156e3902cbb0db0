//! An article as vnsearch understands it: what the page parser (`crate::extract::article`)
//! makes of a scraped page or a JSON Lines record, before facts are extracted.

use super::Date;

/// An article's parts, cleaned for display and indexing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub title: String,
    /// The publisher ("Tỉnh uỷ Hoà Bình", "Nhân Dân", "Báo Quảng Ninh"), searchable.
    pub source: Option<String>,
    pub url: Option<String>,
    /// A date line at the top of the page.
    pub header_date: Option<Date>,
    /// The `published` field of a JSON Lines record, parsed.
    pub published: Option<Date>,
    pub summary: String,
    /// Cleaned body, one paragraph a line: what is indexed and what snippets are cut from.
    pub body: String,
    pub category: Option<String>,
    pub author: Option<String>,
}
