//! Every flag of every command, with its documentation beside it (as ripgrep keeps its flags).
//! Flags become the one request model ([`crate::api::Params`]) that batch lines and HTTP
//! parameters also fill; the commands in the other files of `cli/` only run what is parsed here.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand};

use super::color;

use crate::api::Params;
use crate::search::facets::Dimension;
use crate::search::trend::TrendBy;
use crate::search::SortOrder;

#[derive(Parser, Debug)]
#[command(
    name = "vnsearch",
    version,
    about = "Full-text search for Vietnamese news and reports on Party-building work",
    long_about = "Full-text search for Vietnamese news and reports on Party-building work \
(công tác tổ chức xây dựng Đảng): diacritic-insensitive, tone-placement-aware, phrase-aware \
ranking, highlighted snippets, facets by province, year and cited Party documents.",
    after_help = "Examples:\n  vnsearch search \"Nghị quyết Trung ương 4\"\n  vnsearch search \"nghi quyet trung uong 4\" --province \"Hải Phòng\"\n  vnsearch index corpus/ ../more-news/\n  vnsearch facets --field year"
)]
pub struct Cli {
    /// Index folder [default: $VNSEARCH_INDEX, else .vnsearch in the current folder]
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// When to colour output: auto (a terminal, and NO_COLOR unset), always, never
    #[arg(long, global = true, value_enum, default_value_t = color::ColorChoice::Auto)]
    pub color: color::ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Search the index; builds it from corpus/ on first use
    #[command(
        after_help = "Examples:\n  vnsearch search \"Nghị quyết Trung ương 4\"\n  vnsearch search \"tinh giản biên chế\" --year 2019 --limit 5\n  vnsearch search --json -- '\"Búa liềm vàng\" -captcha'\n  vnsearch search \"hoa binh\" --province \"Hòa Bình\"\n  vnsearch search --resolution \"NQ TW4 khóa XI\" --sort date\n\nQuery syntax: words must all match (two thirds of them, if no document has all); \"quoted phrase\"; -word or NOT word;\nOR; parentheses; title:word, source:word, body:word.\nExit status: 0 hits, 1 no hits, 2 error."
    )]
    Search(SearchArgs),
    /// Build or update the index from folders and files (.txt pages, .jsonl records)
    #[command(
        after_help = "Examples:\n  vnsearch index                 # corpus/\n  vnsearch index ../shared/corpus/baomoi ../shared/corpus/raw-sample\n  vnsearch index --rebuild corpus/"
    )]
    Index(IndexArgs),
    /// Count documents by province, region, year, cited document, category, person or role
    #[command(
        after_help = "Examples:\n  vnsearch facets --field year\n  vnsearch facets --field person --field role\n  vnsearch facets \"Nghị quyết Trung ương 4\" --field province\n  vnsearch facets --field resolution --json"
    )]
    Facets(FacetsArgs),
    /// Matching articles per year, month or province, as a bar chart or JSON
    #[command(
        after_help = "Examples:\n  vnsearch trend \"Nghị quyết Trung ương 4\"\n  vnsearch trend \"tinh giản biên chế\" --by month --year 2017\n  vnsearch trend \"Chỉ thị 05\" --by province --per 1000\n  vnsearch trend \"Đảng\" --json | jq -c '.periods[]'\n\nThe same matching and filters as search: each year's count is what `search --year` counts.\nUndated articles, articles with only a guessed date and (by month) articles known only by\ntheir year are counted apart. Exit status: 0 matches, 1 none, 2 error."
    )]
    Trend(TrendArgs),
    /// One document's card: what the tables know of it, and the articles that cite it
    #[command(
        after_help = "Examples:\n  vnsearch doc 04-NQ/TW\n  vnsearch doc \"NQ TW4 khóa XII\" --province \"Hà Nội\"\n  vnsearch doc \"Quy định 47\" --json | jq .articles\n\nA number several documents share is read as the one the corpus cites most (the others are listed).\nExit status: 0 a card, 2 an unknown document (the closest names are suggested) or another error."
    )]
    Doc(DocArgs),
    /// Print one article: metadata, then the cleaned text
    #[command(
        after_help = "Examples:\n  vnsearch show 002_a8f0a175735bcb91\n  vnsearch show baomoi-21471880 --raw"
    )]
    Show(ShowArgs),
    /// Document count, index size, corpus roots, schema version, last indexing time
    #[command(after_help = "Examples:\n  vnsearch stats\n  vnsearch stats --json | jq .documents")]
    Stats(StatsArgs),
    /// Score ranking against a judged query set: nDCG@10, MRR, recall@100 (and peers' runs)
    #[command(
        after_help = "Examples:\n  vnsearch eval tests/relevance/queries.jsonl\n  vnsearch eval tests/relevance/queries.jsonl --peer-run fts5.run --json\n  vnsearch eval tests/relevance/queries.jsonl --collisions tests/relevance/collisions.jsonl\n  bench/eval   # builds the FTS5 peer and prints both systems"
    )]
    Eval(EvalArgs),
    /// Serve the page and the HTTP API on this machine (http://127.0.0.1:7373/ by default)
    #[command(
        after_help = "Examples:\n  vnsearch serve                        # then open http://127.0.0.1:7373/\n  vnsearch serve --index ~/news --bind 127.0.0.1:8080\n  vnsearch serve --cors https://tools.example.org\n\nAPI: /api/search, /api/facets, /api/trend, /api/doc-card, /api/doc/ID, /api/stats, /api/health; described at /api/openapi.json.\nStops on Ctrl-C (exit 0)."
    )]
    Serve(ServeArgs),
    /// Write the index (or part of it) for OpenSearch, Elasticsearch or Quickwit: documents, index definition, README
    #[command(
        after_help = "Examples:\n  vnsearch export --to opensearch --out export/\n  vnsearch export --to quickwit --out qw/ --province \"Hải Phòng\" --until 2023\n  vnsearch export --to opensearch --out nightly/ --since export/export-state.json\n\nFilters are those of `search`; the date upper bound is --until (--to names the engine).\nDIR gets bulk-NNNN.ndjson (or docs-NNNN.ndjson), index.json (or quickwit-index.yaml), README.md\nwith the commands to load them, and export-state.json for the next --since.\nExit status: 0 written, 2 error (an unknown engine lists the engines)."
    )]
    Export(ExportArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  vnsearch completions bash > ~/.local/share/bash-completion/completions/vnsearch\n  vnsearch completions zsh > ~/.zfunc/_vnsearch\n  vnsearch completions fish > ~/.config/fish/completions/vnsearch.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

impl Cli {
    /// Opens the index `--index` names (or the default one, built on first use) for searching.
    pub fn engine(&self) -> anyhow::Result<crate::search::Engine> {
        let store = crate::api::location::open_for_search(self.index.as_deref())?;
        Ok(crate::search::Engine::open(store)?)
    }
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// What to look for (several words are read as one query)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// How many hits to show
    #[arg(short = 'n', long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits first (pagination)
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order: relevance, date (newest first) or -date (oldest first)
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    pub sort: SortOrder,
    /// Also count hits: by region, province, year, cited document and category, or by the
    /// dimensions named (--facets person,role; also month)
    #[arg(
        long,
        num_args = 0..=1,
        require_equals = false,
        default_missing_value = "all",
        value_name = "DIMENSIONS"
    )]
    pub facets: Option<String>,
    /// Snippets per hit (0 to 3)
    #[arg(long, default_value_t = crate::api::request::MAX_SNIPPETS)]
    pub snippets: usize,
    /// Hit fields to keep in JSON output, comma-separated (e.g. id,title,score,snippets)
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub fields: Option<Vec<String>>,
    /// Run one query per line of FILE (`-`: stdin), a bare query or a JSON object; JSON Lines out
    #[arg(long, value_name = "FILE", conflicts_with_all = ["query", "json"])]
    pub batch: Option<PathBuf>,
    /// Print what vnsearch would ask another engine for this query and its filters: the Query
    /// DSL for opensearch or elasticsearch, the query and aggregations for quickwit
    #[arg(long, value_name = "ENGINE", conflicts_with_all = ["batch", "json", "jsonl"])]
    pub explain_as: Option<String>,
    /// Attach the score explanation to each hit in --json output (for ranking work)
    #[arg(long, hide = true)]
    pub explain: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(clap::Args, Debug)]
pub struct IndexArgs {
    /// Folders and files to index (.txt pages, .jsonl records) [default: corpus/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Start from an empty index (the old one stays usable until the new one is committed)
    #[arg(long)]
    pub rebuild: bool,
    /// Memory budget of the index writer, in MB
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(32..=8192))]
    pub memory_mb: u64,
    /// Do not list skipped and repaired files
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(clap::Args, Debug)]
pub struct FacetsArgs {
    /// Count only documents matching this query [default: all documents]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Which counts: province, region, year, resolution, category, month, person, role;
    /// repeatable [default: the first five]
    #[arg(long, value_enum)]
    pub field: Vec<Dimension>,
    /// One JSON object
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(clap::Args, Debug)]
pub struct TrendArgs {
    /// What to count (the query language of search) [default: every article]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Periods: year, month, or province (a ranking of the provinces mentioned)
    #[arg(long, value_enum, default_value_t = TrendBy::Year)]
    pub by: TrendBy,
    /// Normalise: matches per N articles of each period (or province) under the same filters
    #[arg(long, value_name = "N")]
    pub per: Option<u32>,
    /// One JSON object
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(clap::Args, Debug)]
pub struct DocArgs {
    /// The document, in any form a --resolution filter takes: 04-NQ/TW, "NQ TW4 khóa XII", "Quy định 47"
    #[arg(value_name = "NAME", required = true)]
    pub name: Vec<String>,
    /// One JSON object
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// The article's id (as search prints it) or key
    pub id: String,
    /// Print the original text as ingested, not the cleaned one
    #[arg(long)]
    pub raw: bool,
    /// One JSON object: metadata and text
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// One JSON object
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Judged query set (JSON Lines; see tests/relevance/README.md)
    #[arg(value_name = "QUERIES")]
    pub queries: PathBuf,
    /// Another system's ranked answers, TREC run format (qid Q0 docid rank score tag); named after the file stem; repeatable
    #[arg(long, value_name = "FILE")]
    pub peer_run: Vec<PathBuf>,
    /// Also write vnsearch's answers to this file, TREC run format
    #[arg(long, value_name = "FILE")]
    pub write_run: Option<PathBuf>,
    /// Phrases that fold alike (tests/relevance/collisions.jsonl): the share whose top 10 holds the phrase as typed
    #[arg(long, value_name = "FILE")]
    pub collisions: Option<PathBuf>,
    /// One JSON object: per system, overall, per kind and per query
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on (another address than loopback makes the index readable
    /// from the network); port 0 picks a free one
    #[arg(long, value_name = "ADDR:PORT", default_value = crate::serve::DEFAULT_BIND)]
    pub bind: std::net::SocketAddr,
    /// Let pages from this one origin call the API (https://tools.example.org); no CORS otherwise
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The engine: opensearch, elasticsearch or quickwit
    #[arg(long = "to", value_name = "ENGINE")]
    pub target: String,
    /// Folder to write the files into (created if missing; an earlier export's files there are replaced)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Export only the documents this query matches (the query language of `search`) [default: all]
    #[arg(
        long,
        value_name = "QUERY",
        default_value = "",
        hide_default_value = true
    )]
    pub query: String,
    /// Write only what changed since the export that wrote STATE (its DIR/export-state.json):
    /// changed and new documents, and deletes for removed ones
    #[arg(long, value_name = "STATE")]
    pub since: Option<PathBuf>,
    /// Cut the NDJSON files at this size in KiB, so each can be posted as one request
    #[arg(long, value_name = "N", default_value_t = crate::export::DEFAULT_CHUNK_KB,
          value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub chunk_kb: u64,
    /// The index name in the engine [default: the earlier export's, else vnsearch]
    #[arg(long, value_name = "INDEXNAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// Only articles dated on or before this day (`search --to`; here --to names the engine)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

impl ExportArgs {
    /// Copies the export's filters into a request, so the one request parser judges them.
    pub fn apply(&self, params: &mut Params) {
        self.selection.apply(params);
        params.to = self.until.clone();
    }
}

/// Filters shared by `search`, `facets`, `trend` and `doc`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// Only articles dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl FilterArgs {
    /// Copies the filter flags into a request; values are judged later, by `Params::resolve`.
    pub fn apply(&self, params: &mut Params) {
        self.selection.apply(params);
        params.to = self.to.clone();
    }
}

/// Every filter but the upper date bound, which `export` spells `--until` (there `--to` names
/// the engine): one set of flags, and one help text, for every command that selects articles.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SelectionArgs {
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
    /// Only articles of this category (JSON Lines `category`)
    #[arg(long, value_name = "NAME")]
    pub category: Option<String>,
    /// Only articles naming this person with an office, any diacritics ("nguyen xuan phuc"); repeatable (all must match)
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Let the year and date filters and the year facet use guessed dates too (by default only certain and likely ones)
    #[arg(long)]
    pub guessed_dates: bool,
}

impl SelectionArgs {
    fn apply(&self, params: &mut Params) {
        params.province = self.province.clone();
        params.region = self.region.clone();
        params.merged = self.merged;
        params.resolution = self.resolution.clone();
        params.year = self.year;
        params.from = self.from.clone();
        params.category = self.category.clone();
        params.person = self.person.clone();
        params.guessed_dates = self.guessed_dates;
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
        &Dimension::NAMED
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

impl clap::ValueEnum for TrendBy {
    fn value_variants<'a>() -> &'a [Self] {
        &TrendBy::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}
