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
    /// The publication time in the article's URL (`…-20201001163534963.htm`, `/2019/07/28/`).
    Url,
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
            DateSource::Url => "url",
            DateSource::Dateline => "dateline",
            DateSource::Inferred => "inferred",
        }
    }
}

/// How far an article's date can be trusted: what the year facet and date filters may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateConfidence {
    /// Stated by the page or the record as its publication date: header, `published`, URL.
    Certain,
    /// Read from the text by a rule whose year was right at least 95% of the time it fired on
    /// the measured corpora (see `crate::extract::date`).
    Likely,
    /// Read from the text by a rule below that bar: kept, shown as a guess, and left out of the
    /// year facet and date filters unless asked for.
    Guess,
}

impl DateConfidence {
    /// The name JSON output and stored metadata use (`date_confidence`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateConfidence::Certain => "certain",
            DateConfidence::Likely => "likely",
            DateConfidence::Guess => "guess",
        }
    }

    /// Whether the year facet and date filters use a date of this confidence by default.
    pub fn is_trusted(self) -> bool {
        self != DateConfidence::Guess
    }
}

/// The article date, where it came from, how far it can be trusted, and whether only its year
/// is known (then month = day = 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    pub date: Date,
    pub source: DateSource,
    pub confidence: DateConfidence,
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

/// Where a cited document sits: the first segment of its facet and the JSON `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// The Party's central bodies: Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư, the
    /// central boards, Quân ủy Trung ương; plenums and congresses.
    Party,
    /// The State's central bodies: National Assembly, President, Government, Prime Minister,
    /// ministries, courts.
    State,
    /// Provincial and lower bodies, Party (Tỉnh ủy, Đảng ủy) and State (UBND, HĐND).
    Local,
    /// A number with a kind and nothing that says who issued it ("Nghị quyết 29").
    Unresolved,
}

impl Level {
    /// The name JSON output uses (`level`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Party => "party",
            Level::State => "state",
            Level::Local => "local",
            Level::Unresolved => "unresolved",
        }
    }

    /// The first segment of the citation's facet path.
    pub fn facet_root(self) -> &'static str {
        match self {
            Level::Party => "Đảng",
            Level::State => "Nhà nước",
            Level::Local => "Địa phương",
            Level::Unresolved => "Chưa xác định",
        }
    }
}

/// A document an article cites, resolved: its canonical label (the JSON `references` entry),
/// the facet path it is counted under (the `resolution` facet), its kind, issuer and level.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Citation {
    /// Canonical label, e.g. "NQ TW4 khóa XII", "CT 05-CT/TW khóa XII", "NĐ 61/2017/NĐ-CP".
    pub label: String,
    /// Facet path segments, level first (see `crate::extract::citations`).
    pub facet: Vec<String>,
    /// The khóa was inferred from the article date, not stated.
    pub term_inferred: bool,
    /// Kind name: "Nghị quyết", "Nghị định", "Luật".
    pub kind: String,
    /// Issuer as facets name it ("Trung ương", "Chính phủ"); `None` when unresolved.
    pub issuer: Option<String>,
    pub level: Level,
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
    /// People named with an office beside the name, in order of first mention.
    pub people: Vec<Person>,
}

/// A person the article names with an office written beside the name: "Bí thư Tỉnh ủy Trà
/// Vinh Ngô Chí Cường", "ông Trần Mưu - Phó Giám đốc Công an TP. Đà Nẵng".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as the article first writes it in full (normalised text).
    pub name: String,
    /// The normalised role (`index_schema/roles.tsv`): "Bí thư", "Chủ tịch UBND".
    pub role: String,
    /// The office as written beside the name, body included: "Phó Bí thư Thường trực Tỉnh ủy
    /// Trà Vinh".
    pub role_as_written: String,
    /// The province or body the office belongs to, as written: "Tỉnh ủy Trà Vinh".
    pub body: Option<String>,
}
