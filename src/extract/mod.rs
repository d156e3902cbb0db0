//! Extraction: pure functions from a page to an article and from an article to its facts
//! (date, provinces, cited documents). No tantivy types here; `crate::index` maps these values
//! to fields.
//!
//! The pipeline, top to bottom ([`article_facts`]):
//! 1. normalise the title, text and source once ([`crate::text::normalize_text`]);
//! 2. scan the text once for document mentions ([`citations::scan`]);
//! 3. the date, from the page's date line, the record's `published`, the URL, the text, or as
//!    a last resort the documents mentioned ([`date::find_article_date`]), with its confidence;
//! 4. the provinces ([`province::extract_provinces`]);
//! 5. the citations: the mentions resolved against the date ([`citations::resolve`]);
//! 6. the people named with an office beside the name ([`people::extract_people`]).

pub mod article;
pub mod citations;
pub mod date;
pub mod people;
pub mod province;
pub mod url_date;

#[cfg(test)]
mod people_sample;
#[cfg(test)]
pub(crate) mod test_support;

use crate::model::{Article, ArticleFacts};
use crate::text::normalize_text;

/// Bump when a change to the analysis or extraction code changes what is indexed for the same
/// bytes: every document of an existing index is then re-read on the next `vnsearch index`.
/// Changes to the data tables in `index_schema/` are noticed without a bump.
/// Revision 2 was made three times over, apart: tone marks placed by rule and one spelling for
/// i/y variants (branch `spelling`); dates from URLs with their confidence and the crawl window
/// (branch `extract`); State and local documents cited, with kinds, issuers and levels (branch
/// `documents`). Revision 3: all three together, so an index built by any one alone is re-read.
/// Revision 4: the people named with their offices (branch `people`).
const ANALYSIS_REVISION: u64 = 4;

/// A fingerprint of everything that turns bytes into indexed values (code revision, every data
/// table of [`crate::data::TABLES`], crate version); it seeds each document's content hash, so
/// an index built by an older analysis or older tables is refreshed instead of keeping stale
/// facets under an "unchanged" hash.
pub fn analysis_fingerprint() -> u64 {
    static FINGERPRINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let mut material = format!("{ANALYSIS_REVISION}\0{}\0", env!("CARGO_PKG_VERSION"));
        for table in crate::data::TABLES {
            material.push_str(table.name);
            material.push('\0');
            material.push_str(table.text());
            material.push('\0');
        }
        xxhash_rust::xxh3::xxh3_64(material.as_bytes())
    })
}

/// Runs the extraction pipeline over an article (see the module docs).
pub fn article_facts(article: &Article) -> ArticleFacts {
    // Normalised once here for every step: this runs for every indexed article.
    let title = normalize_text(&article.title);
    let text = normalize_text(&format!("{}\n{}", article.summary, article.body));
    let source = article.source.as_deref().map(normalize_text);
    let mentions = citations::scan(&format!("{title}\n{text}"));
    let date = date::find_article_date(
        article.header_date,
        article.published,
        article.url.as_deref(),
        article.crawl_window,
        &title,
        &text,
        &mentions,
    );
    // The province mentions serve the provinces and the people: found once.
    let title_places = province::find_mentions(&title);
    let text_places = province::find_mentions(&text);
    let places = province::provinces_of(
        (&title, &title_places),
        source.as_deref(),
        (&text, &text_places),
    );
    let citations = citations::resolve(&mentions, date.map(|d| d.date));
    let people = people::people_of((&title, &title_places), (&text, &text_places));
    ArticleFacts {
        date,
        primary_province: places.primary,
        provinces: places.all,
        citations,
        people,
    }
}

#[cfg(test)]
mod timing {
    /// Time per article of each pipeline step over the raw sample (a debug build is 10-30x
    /// slower than release): `cargo test --lib timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn raw_sample_timing() {
        use super::{citations, date, people, province};
        use crate::text::normalize_text;
        use std::time::{Duration, Instant};
        let Some(arts) = super::test_support::raw_sample() else {
            eprintln!("skipping: ../shared/corpus/raw-sample not found next to the crate");
            return;
        };
        let mut spent = [Duration::ZERO; 5];
        for (_, _, a) in &arts {
            let title = normalize_text(&a.title);
            let text = normalize_text(&a.body);
            let t0 = Instant::now();
            let mentions = citations::scan(&format!("{title}\n{text}"));
            let t1 = Instant::now();
            let d = date::find_article_date(None, None, None, None, &title, &text, &mentions);
            let t2 = Instant::now();
            let _ = province::extract_provinces(&title, None, &text);
            let t3 = Instant::now();
            let _ = citations::resolve(&mentions, d.map(|d| d.date));
            let t4 = Instant::now();
            let _ = people::extract_people(&title, &text);
            let t5 = Instant::now();
            for (i, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)]
                .into_iter()
                .enumerate()
            {
                spent[i] += b - a;
            }
        }
        let n = arts.len() as u32;
        eprintln!(
            "{n} articles; per article: scan {:?}, date {:?}, provinces {:?}, resolve {:?}, \
             people {:?}",
            spent[0] / n,
            spent[1] / n,
            spent[2] / n,
            spent[3] / n,
            spent[4] / n
        );
    }
}
