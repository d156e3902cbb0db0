//! The command line: flags (clap), one module per command, exit statuses decided here.
//!
//! Exit status, as grep: 0 when something was found (or a command succeeded), 1 when a search
//! found nothing, 2 on any error.

pub mod args;
pub mod batch;
pub mod color;
pub mod eval_cmd;
pub mod facets_cmd;
pub mod index_cmd;
pub mod output;
pub mod search_cmd;
pub mod show_cmd;
pub mod stats_cmd;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use args::{FilterArgs, FormatArgs};

pub const EXIT_FOUND: i32 = 0;
pub const EXIT_NOT_FOUND: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// The exit status of a command that counted matches: grep's 0 or 1.
pub fn exit_for_matches(total: usize) -> i32 {
    if total == 0 {
        EXIT_NOT_FOUND
    } else {
        EXIT_FOUND
    }
}

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
    Search(search_cmd::SearchArgs),
    /// Build or update the index from folders and files (.txt pages, .jsonl records)
    #[command(
        after_help = "Examples:\n  vnsearch index                 # corpus/\n  vnsearch index ../shared/corpus/baomoi ../shared/corpus/raw-sample\n  vnsearch index --rebuild corpus/"
    )]
    Index(index_cmd::IndexArgs),
    /// Count documents by province, region, year, cited document or category
    #[command(
        after_help = "Examples:\n  vnsearch facets --field year\n  vnsearch facets \"Nghị quyết Trung ương 4\" --field province\n  vnsearch facets --field resolution --json"
    )]
    Facets(facets_cmd::FacetsArgs),
    /// Print one article: metadata, then the cleaned text
    #[command(
        after_help = "Examples:\n  vnsearch show 002_a8f0a175735bcb91\n  vnsearch show baomoi-21471880 --raw"
    )]
    Show(show_cmd::ShowArgs),
    /// Document count, index size, corpus roots, schema version, last indexing time
    #[command(after_help = "Examples:\n  vnsearch stats\n  vnsearch stats --json | jq .documents")]
    Stats(stats_cmd::StatsArgs),
    /// Score ranking against a judged query set: nDCG@10, MRR, recall@100 (and peers' runs)
    #[command(
        after_help = "Examples:\n  vnsearch eval tests/relevance/queries.jsonl\n  vnsearch eval tests/relevance/queries.jsonl --peer-run fts5.run --json\n  bench/eval   # builds the FTS5 peer and prints both systems"
    )]
    Eval(eval_cmd::EvalArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  vnsearch completions bash > ~/.local/share/bash-completion/completions/vnsearch\n  vnsearch completions zsh > ~/.zfunc/_vnsearch\n  vnsearch completions fish > ~/.config/fish/completions/vnsearch.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Opens the index `--index` names (or the default one, built on first use) for searching.
fn open_engine(cli: &Cli) -> anyhow::Result<crate::search::Engine> {
    let store = crate::api::location::open_for_search(cli.index.as_deref())?;
    Ok(crate::search::Engine::open(store)?)
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            if !err.use_stderr() {
                // --help and --version: clap's own output, on stdout.
                let _ = err.print();
                return EXIT_FOUND;
            }
            eprintln!("vnsearch: error: {} (see --help)", flag_error_line(&err));
            return EXIT_ERROR;
        }
    };
    let colors = color::Colors::choose(cli.color);
    let result = match &cli.command {
        Command::Search(args) => search_cmd::run(&cli, args, colors),
        Command::Index(args) => index_cmd::run(&cli, args),
        Command::Facets(args) => facets_cmd::run(&cli, args, colors),
        Command::Show(args) => show_cmd::run(&cli, args, colors),
        Command::Stats(args) => stats_cmd::run(&cli, args),
        Command::Eval(args) => eval_cmd::run(&cli, args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            use std::io::Write;
            // Generated into memory first: clap_complete panics when stdout closes early.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "vnsearch", &mut script);
            std::io::stdout()
                .write_all(&script)
                .map(|()| EXIT_FOUND)
                .map_err(anyhow::Error::from)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return EXIT_FOUND;
            }
            eprintln!("vnsearch: error: {}", one_line(&err));
            EXIT_ERROR
        }
    }
}

/// clap's message for a bad flag, on one line: its usage block and tips are dropped.
fn flag_error_line(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let first = rendered
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("bad command line");
    let mut line = first.trim_start_matches("error: ").trim().to_owned();
    for tip in rendered
        .lines()
        .filter_map(|l| l.trim().strip_prefix("tip: "))
    {
        line.push_str("; ");
        line.push_str(tip);
    }
    line
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An error and its causes on one line.
pub(crate) fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string().replace('\n', " ");
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}
