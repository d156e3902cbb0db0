//! The facts vnsearch knows, as tables compiled in from `index_schema/` and parsed once.
//!
//! Code holds rules, these tables hold facts: a new alias, document, chrome line or list word is
//! a data change here, not a code change. Every table is read through [`TABLES`] and nowhere
//! else, so the analysis fingerprint (`crate::extract::analysis_fingerprint`), which hashes them
//! all, cannot miss one: an edited table refreshes existing indexes by itself.

pub mod boilerplate;
pub mod documents;
pub mod issuers;
pub mod laws;
pub mod legacy;
pub mod people;
pub mod provinces;

use std::sync::OnceLock;

/// One table of `index_schema/`: its file name and the text compiled in.
pub struct Table {
    pub name: &'static str,
    compiled: &'static str,
}

macro_rules! table {
    ($name:literal) => {
        Table {
            name: $name,
            compiled: include_str!(concat!("../../index_schema/", $name)),
        }
    };
}

/// Every table in `index_schema/` (a unit test checks the folder against this list).
pub const TABLES: &[Table] = &[
    table!("boilerplate.txt"),
    table!("documents.tsv"),
    table!("document_kinds.tsv"),
    table!("issuers.tsv"),
    table!("laws.tsv"),
    table!("legacy_encodings.txt"),
    table!("terms.tsv"),
    table!("province_context.txt"),
    table!("provinces.tsv"),
    table!("regions.tsv"),
    table!("roles.tsv"),
    table!("surnames.txt"),
    table!("person_words.txt"),
    // `text::spelling` compiles this file in itself (text sits below data); listed here so the
    // fingerprint covers it.
    table!("spelling.tsv"),
];

/// Hidden test seam: a folder whose files replace the compiled-in tables of the same name, so an
/// end-to-end test can change one entry and watch the real binary re-index with it. Not a user
/// setting (undocumented in `--help`); `tests/README.md` describes it.
pub const OVERRIDE_ENV: &str = "VNSEARCH_TABLES_DIR";

impl Table {
    /// The table's text: the compiled-in file, unless [`OVERRIDE_ENV`] names a folder holding a
    /// file of this name.
    pub fn text(&self) -> &'static str {
        static OVERRIDES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        let overrides = OVERRIDES.get_or_init(|| {
            let Some(dir) = std::env::var_os(OVERRIDE_ENV) else {
                return Vec::new();
            };
            let dir = std::path::PathBuf::from(dir);
            TABLES
                .iter()
                .filter_map(|t| {
                    let text = std::fs::read_to_string(dir.join(t.name)).ok()?;
                    Some((t.name, &*Box::leak(text.into_boxed_str())))
                })
                .collect()
        });
        overrides
            .iter()
            .find(|(name, _)| *name == self.name)
            .map_or(self.compiled, |(_, text)| *text)
    }
}

/// The text of the table named `name`.
///
/// # Panics
/// When `name` is not in [`TABLES`]: a programming error, caught by every test that parses it.
pub fn text(name: &str) -> &'static str {
    TABLES
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("index_schema/{name} is not in data::TABLES"))
        .text()
}

/// The data lines of a table: comments (`#`) and blank lines skipped.
pub(crate) fn lines(name: &str) -> impl Iterator<Item = &'static str> {
    text(name)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// The rows of a tab-separated table after its header, each cell trimmed.
pub(crate) fn rows(name: &str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(name)
        .skip(1)
        .map(|line| line.split('\t').map(str::trim).collect())
}

/// The lines of a sectioned list (`[section]` headers, one entry a line), by section.
pub(crate) fn sections(name: &str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for line in lines(name).map(str::trim) {
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((section, Vec::new()));
        } else if let Some((_, entries)) = out.last_mut() {
            entries.push(line);
        }
    }
    out
}

/// A `;`-separated cell as its non-empty items.
pub(crate) fn split_list(cell: &'static str) -> impl Iterator<Item = &'static str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Up to `n` closest candidates by edit distance (`strsim`'s Levenshtein) on folded keys,
/// within a distance that grows with the input's length; canonical names, deduplicated. The
/// "did you mean" of unknown provinces, regions and documents.
pub fn closest<'a>(
    input_key: &str,
    candidates: impl Iterator<Item = (String, &'a str)>,
    n: usize,
) -> Vec<&'a str> {
    let limit = (input_key.chars().count() / 2).max(2);
    let mut scored: Vec<(usize, &'a str)> = candidates
        .filter_map(|(k, name)| {
            let d = strsim::levenshtein(input_key, &k);
            (d <= limit).then_some((d, name))
        })
        .collect();
    scored.sort();
    let mut out: Vec<&'a str> = Vec::new();
    for (_, name) in scored {
        if !out.contains(&name) {
            out.push(name);
            if out.len() == n {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table added to `index_schema/` but not to [`TABLES`] would escape the fingerprint.
    #[test]
    fn every_file_of_index_schema_is_a_table() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/index_schema");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "README.md")
            .collect();
        files.sort();
        let mut listed: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        listed.sort();
        assert_eq!(files, listed);
    }

    /// The analysis reads its own copy of `spelling.tsv`: the same file.
    #[test]
    fn the_spelling_table_is_the_one_the_analysis_uses() {
        assert_eq!(text("spelling.tsv"), crate::text::spelling::TABLE);
    }

    #[test]
    fn sections_and_rows_parse() {
        let context = sections("province_context.txt");
        assert!(context
            .iter()
            .any(|(s, e)| *s == "unit_or_feature" && e.contains(&"phường")));
        assert!(rows("regions.tsv").all(|r| !r[0].is_empty()));
    }
}
