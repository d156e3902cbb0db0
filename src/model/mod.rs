//! The values vnsearch reasons about, shared by extraction, indexing and search: a calendar
//! [`Date`], and the facts extracted from an article ([`facts`]). Plain data, no tantivy types.

pub mod article;
pub mod date;
pub mod facts;

pub use article::Article;
pub use date::Date;
pub use facts::{ArticleDate, ArticleFacts, Citation, DateConfidence, DateSource, Level, Person};
