//! What extraction finds in an article besides its text: its date, its provinces and the Party
//! documents it cites. Produced by `crate::extract`, indexed by `crate::index`.

use super::Date;

/// Where an article's date came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// A date line at the top of the page.
    Header,
    /// A JSON Lines record's `published` field.
    Published,
    /// The event date the article opens with ("Ngày 8/12, tại ...").
    Dateline,
    /// A lower bound read from the dates and years the text states.
    Inferred,
}

impl DateSource {
    /// The name JSON output and stored metadata use (`date_source`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Header => "header",
            DateSource::Published => "published",
            DateSource::Dateline => "dateline",
            DateSource::Inferred => "inferred",
        }
    }
}

/// The article date, where it came from, and whether only its year is known (then month = day
/// = 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    pub date: Date,
    pub source: DateSource,
    pub year_only: bool,
}

/// Provinces an article mentions. `all` is sorted, deduplicated canonical names (pre-merger era
/// names, e.g. "Hòa Bình", "Trà Vinh", "Hồ Chí Minh", "Huế"); `primary` is the article's main
/// province, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleProvinces {
    pub primary: Option<String>,
    pub all: Vec<String>,
}

/// A Party document an article cites, resolved: its canonical label (the JSON `references`
/// entry) and the facet path it is counted under (the `resolution` facet).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Citation {
    /// Canonical label, e.g. "NQ TW4 khóa XII", "CT 05-CT/TW khóa XII", "CTr 04-CTr/TU".
    pub label: String,
    /// Facet path segments, kind first (see `crate::extract::citations`).
    pub facet: Vec<String>,
    /// The khóa was inferred from the article date, not stated.
    pub term_inferred: bool,
}

/// Everything vnsearch extracts from an article besides its text.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    pub date: Option<ArticleDate>,
    pub primary_province: Option<String>,
    /// Canonical (pre-merger) names, sorted.
    pub provinces: Vec<String>,
    /// Sorted by label.
    pub citations: Vec<Citation>,
}
