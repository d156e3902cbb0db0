//! Pure functions from raw text to what an article is: title, body, date, places, documents.
//! No tantivy types here; `crate::index` maps these values to fields.

pub mod article;
pub mod boilerplate;
pub mod date;
pub mod province;
pub mod references;

#[cfg(test)]
pub(crate) mod test_support;

use article::Article;
use date::ArticleDate;

/// Bump when a change to the analysis or extraction code changes what is indexed for the same
/// bytes: every document of an existing index is then re-read on the next `vnsearch index`.
/// Changes to the data tables in `index_schema/` are noticed without a bump.
/// Revision 2: tone marks placed by rule wherever typed, one spelling for i/y variants.
const ANALYSIS_REVISION: u64 = 2;

/// A fingerprint of everything that turns bytes into indexed values (code revision, data
/// tables, crate version); it seeds each document's content hash, so an index built by an
/// older analysis is refreshed instead of keeping stale facets under an "unchanged" hash.
pub fn analysis_fingerprint() -> u64 {
    static FINGERPRINT: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let mut material = format!("{ANALYSIS_REVISION}\0{}\0", env!("CARGO_PKG_VERSION"));
        for table in [
            boilerplate::TABLE,
            province::TABLE,
            references::DOCUMENTS_TABLE,
            crate::text::spelling::TABLE,
        ] {
            material.push_str(table);
            material.push('\0');
        }
        xxhash_rust::xxh3::xxh3_64(material.as_bytes())
    })
}

/// A cited document: its canonical label and the facet path it is counted under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub label: String,
    pub facet: Vec<String>,
    pub term_inferred: bool,
}

/// Everything vnsearch extracts from an article besides its text.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    pub date: Option<ArticleDate>,
    pub primary_province: Option<String>,
    /// Canonical (pre-merger) names, sorted.
    pub provinces: Vec<String>,
    pub citations: Vec<Citation>,
}

/// Runs every extractor over an article.
pub fn article_facts(article: &Article) -> ArticleFacts {
    // Normalised once here for all three extractors: this runs for every indexed article.
    let title = crate::text::normalize_text(&article.title);
    let text = crate::text::normalize_text(&format!("{}\n{}", article.summary, article.body));
    let source = article.source.as_deref().map(crate::text::normalize_text);
    let date =
        date::find_article_date_normalized(article.header_date, article.published, &title, &text);
    let places = province::extract_provinces_normalized(&title, source.as_deref(), &text);
    let cited = references::extract_references_normalized(
        &format!("{title}\n{text}"),
        date.map(|d| d.date),
    );
    ArticleFacts {
        date,
        primary_province: places.primary,
        provinces: places.all,
        citations: cited
            .into_iter()
            .map(|r| Citation {
                label: r.label,
                facet: r.facet,
                term_inferred: r.term_inferred,
            })
            .collect(),
    }
}
