//! Flags shared by several commands, and how flags become the one request model
//! ([`crate::api::Params`]) that batch lines and HTTP parameters also fill.

use clap::builder::PossibleValue;

use crate::api::Params;
use crate::search::facets::Dimension;
use crate::search::SortOrder;

/// Filters shared by `search` and `facets`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only articles that mention this province (any spelling, with or without diacritics); repeatable
    #[arg(long, value_name = "NAME")]
    pub province: Vec<String>,
    /// Only articles that mention a province of this region; repeatable
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    /// Match provinces through the 34 units in force since July 2025 ("Phú Thọ" also finds Hòa Bình)
    #[arg(long)]
    pub merged: bool,
    /// Only articles citing this document: "Nghị quyết Trung ương 4", "NQ TW4 khóa XII", 35-CT/TW; repeatable (all must match)
    #[arg(long, value_name = "DOCUMENT")]
    pub resolution: Vec<String>,
    /// Only articles dated in this year
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Only articles dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only articles of this category (JSON Lines `category`)
    #[arg(long, value_name = "NAME")]
    pub category: Option<String>,
}

impl FilterArgs {
    /// Copies the filter flags into a request; values are judged later, by `Params::resolve`.
    pub fn apply(&self, params: &mut Params) {
        params.province = self.province.clone();
        params.region = self.region.clone();
        params.merged = self.merged;
        params.resolution = self.resolution.clone();
        params.year = self.year;
        params.from = self.from.clone();
        params.to = self.to.clone();
        params.category = self.category.clone();
    }
}

/// Output format shared by commands.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct FormatArgs {
    /// One JSON object (shape in README, "JSON output")
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// JSON Lines: one hit per line and nothing else on stdout
    #[arg(long)]
    pub jsonl: bool,
}

// The engine's vocabularies, offered to clap for `--help` and completions; the names come from
// the engine, so a new sort order or facet dimension needs no change here.
impl clap::ValueEnum for SortOrder {
    fn value_variants<'a>() -> &'a [Self] {
        &SortOrder::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self {
            SortOrder::Relevance => "Best match first",
            SortOrder::Date => "Newest first",
            SortOrder::DateAsc => "Oldest first",
        };
        Some(PossibleValue::new(self.name()).help(help))
    }
}

impl clap::ValueEnum for Dimension {
    fn value_variants<'a>() -> &'a [Self] {
        &Dimension::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}
