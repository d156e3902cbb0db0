//! Metadata extractors: pure functions from normalised article text to values (provinces,
//! dates, Party document references). No tantivy types here; the index module maps the values
//! to fields.

pub mod date;
pub mod province;
pub mod references;

#[cfg(test)]
pub(crate) mod test_support;
