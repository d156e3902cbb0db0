//! How often vnsearch's article dates are right, per date source: the table of issue 18.
//!
//! `cargo run --release --example date_accuracy -- [--text-only] FILE.jsonl...` reads JSON Lines
//! records whose `published` field holds the true publication date, removes `published` (and
//! `url` with `--text-only`), extracts each article's date as indexing does, and prints one row
//! per date source and confidence: articles, right year, right day.
//! `--known-year YYYY DIR` does the same for a folder of `.txt` pages all published in one
//! year (the raw sample: crawled February to July 2017): only the year is judged.
//! `--hint-every N` keeps `published` on every Nth record of a file and judges only the others:
//! the kept dates make the file's crawl window, which bounds the others' guesses.
//! `bench/dates` runs these for the shared corpora.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use vnsearch::extract::article::{from_record, parse_raw_text, RecordFields};
use vnsearch::extract::article_facts;
use vnsearch::extract::date::parse_published;
use vnsearch::model::{Article, ArticleDate, Date};

#[derive(Default)]
struct Row {
    articles: usize,
    right_year: usize,
    right_day: usize,
    day_known: usize,
}

/// What is known of the truth: a full date, or a year.
#[derive(Clone, Copy)]
enum Truth {
    Day(Date),
    Year(i32),
}

fn label(d: &ArticleDate) -> String {
    let kind = if d.year_only { ", year only" } else { "" };
    format!("`{}` ({}{kind})", d.source.as_str(), d.confidence.as_str())
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let text_only = take_flag(&mut args, "--text-only");
    let hint_every: Option<usize> = match args.iter().position(|a| a == "--hint-every") {
        Some(i) => {
            args.remove(i);
            Some(args.remove(i).parse().expect("--hint-every N"))
        }
        None => None,
    };
    let known_year: Option<i32> = match args.iter().position(|a| a == "--known-year") {
        Some(i) => {
            args.remove(i);
            Some(args.remove(i).parse().expect("--known-year YYYY"))
        }
        None => None,
    };
    if args.is_empty() {
        eprintln!("usage: date_accuracy [--text-only] FILE.jsonl... | --known-year YYYY DIR");
        std::process::exit(2);
    }
    let mut cases: Vec<(Article, Truth)> = Vec::new();
    for path in &args {
        let path = PathBuf::from(path);
        match known_year {
            Some(year) => read_pages(&path, year, &mut cases),
            None => read_records(&path, text_only, hint_every, &mut cases),
        }
    }
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    let mut undated = 0;
    for (article, truth) in &cases {
        let Some(found) = article_facts(article).date else {
            undated += 1;
            continue;
        };
        let row = rows.entry(label(&found)).or_default();
        row.articles += 1;
        let (year, day) = match *truth {
            Truth::Day(d) => (d.year(), Some(d)),
            Truth::Year(y) => (y, None),
        };
        row.right_year += usize::from(found.date.year() == year);
        if let Some(d) = day {
            if !found.year_only {
                row.day_known += 1;
                row.right_day += usize::from(found.date == d);
            }
        }
    }
    let pct = |n: usize, of: usize| {
        if of == 0 {
            "—".to_owned()
        } else {
            format!("{n} ({:.0}%)", 100.0 * n as f64 / of as f64)
        }
    };
    println!("| date source vnsearch gave | articles | right year | right day |");
    println!("| --- | --- | --- | --- |");
    let (mut trusted, mut trusted_right, mut guessed, mut guessed_right) = (0, 0, 0, 0);
    for (name, r) in &rows {
        if name.contains("(guess") {
            guessed += r.articles;
            guessed_right += r.right_year;
        } else {
            trusted += r.articles;
            trusted_right += r.right_year;
        }
        let day = if r.day_known == 0 {
            "—".to_owned()
        } else {
            pct(r.right_day, r.day_known)
        };
        println!(
            "| {name} | {} | {} | {day} |",
            r.articles,
            pct(r.right_year, r.articles)
        );
    }
    println!("| none | {undated} | — | — |");
    println!(
        "\n{} articles: {} with a certain or likely date ({:.1}%), right year for {}; {} more with a guess, right year for {}.",
        cases.len(),
        trusted,
        100.0 * trusted as f64 / cases.len().max(1) as f64,
        pct(trusted_right, trusted),
        guessed,
        pct(guessed_right, guessed)
    );
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn read_records(
    path: &Path,
    text_only: bool,
    hint_every: Option<usize>,
    out: &mut Vec<(Article, Truth)>,
) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut hints = Vec::new();
    let first = out.len();
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON Lines record");
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("");
        let Some(truth) = parse_published(field("published")) else {
            continue;
        };
        if hint_every.is_some_and(|n| i % n == 0) {
            hints.push(Some(truth));
            continue;
        }
        let body = if field("body").is_empty() {
            field("content")
        } else {
            field("body")
        };
        let record = RecordFields {
            title: field("title"),
            summary: field("summary"),
            body,
            url: if text_only { "" } else { field("url") },
            published: "",
            category: field("category"),
            author: field("author"),
        };
        out.push((from_record(&record), Truth::Day(truth)));
    }
    // As indexing does: the file's stated dates (here the kept hints) make its crawl window.
    let window = vnsearch::extract::date::crawl_window(hints.into_iter());
    for (article, _) in &mut out[first..] {
        article.crawl_window = window;
    }
}

fn read_pages(dir: &Path, year: i32, out: &mut Vec<(Article, Truth)>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).expect("read page");
        out.push((parse_raw_text(&text), Truth::Year(year)));
    }
}
