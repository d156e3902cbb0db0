//! Test helpers: a deliberately simple split of the project's raw seed files (the real page
//! parser lives elsewhere) and access to the shared corpus.

use std::path::PathBuf;

/// A raw seed page split into its parts.
#[allow(dead_code)] // header_line is read by the date tests
pub struct RawArticle {
    pub title: String,
    pub source: Option<String>,
    /// The short date/time line near the top, if any ("2:11' 28/7/2019").
    pub header_line: Option<String>,
    pub body: String,
}

/// Splits a raw page: among the first few non-empty lines, skips scraper noise and section
/// labels, takes a short "Tỉnh ủy …" line as the source, a short line with digits and `/` or `:`
/// as the header date line, and the first other line as the title. The rest is the body.
pub fn split_raw(text: &str) -> RawArticle {
    let lines: Vec<&str> = text.lines().collect();
    let mut title = None;
    let mut source = None;
    let mut header_line = None;
    let mut body_from = lines.len();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        seen += 1;
        let short = l.chars().count() <= 40;
        let digits = l.chars().any(|c| c.is_ascii_digit());
        if l == "DetailController" || l == "Thời sự - Chính trị" {
            continue;
        } else if short
            && (l.starts_with("Tỉnh uỷ") || l.starts_with("Tỉnh ủy") || l.starts_with("Thành ủy"))
        {
            source = Some(l.to_owned());
        } else if short && digits && (l.contains('/') || l.contains(':')) && header_line.is_none() {
            header_line = Some(l.to_owned());
        } else if title.is_none() {
            title = Some(l.to_owned());
        } else {
            body_from = i;
            break;
        }
        if seen > 6 {
            body_from = i + 1;
            break;
        }
    }
    RawArticle {
        title: title.unwrap_or_default(),
        source,
        header_line,
        body: lines[body_from.min(lines.len())..].join("\n"),
    }
}

/// The seed file whose name starts with `prefix` ("002"), from `corpus/` in the crate.
pub fn seed(prefix: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt in {}", dir.display()));
    std::fs::read_to_string(entry.path()).expect("read seed")
}

/// The raw-sample articles (title, blank, summary, blank, body), or `None` when the shared
/// corpus is not next to the crate.
pub fn raw_sample() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/raw-sample");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).expect("read raw-sample"))
            })
            .collect(),
    )
}
