//! Every matching document read back whole: what an export needs, where a search reads only a
//! page of hits. The facet paths come from the index's own facet columns, so an exported
//! document carries exactly the values vnsearch filters and counts by.

use tantivy::collector::DocSetCollector;
use tantivy::schema::Facet;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::build::Matching;
use super::engine::{Engine, SearchError, SearchRequest};
use super::named::QueryDocument;
use crate::index::document::StoredMeta;

/// One indexed article as stored: metadata, cleaned body, content hash and facet paths.
#[derive(Debug, Clone)]
pub struct StoredDoc {
    pub meta: StoredMeta,
    pub body: String,
    /// Changes whenever the file's text or vnsearch's analysis changes.
    pub content_hash: u64,
    /// Region → province paths (provinces before the July 2025 merger).
    pub places: Vec<Vec<String>>,
    /// Region → unit paths of the 34 units in force since July 2025.
    pub places_now: Vec<Vec<String>>,
    /// Cited documents: level → kind → issuer or plenum → document paths, as added (the facet
    /// column holds each path itself, not its ancestors).
    pub resolutions: Vec<Vec<String>>,
}

/// Every document a request matches, in index order, with the searcher they belong to (an
/// address means nothing in another commit).
pub struct Matches {
    pub searcher: Searcher,
    pub addresses: Vec<DocAddress>,
    /// Whether every bare word had to match, or most of them (the search's own fallback).
    pub matching: Matching,
}

/// A document's stable key and content hash, read from fast fields without the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyHash {
    pub key: String,
    pub content_hash: u64,
}

impl Engine {
    /// Every document the request matches, not only a page: the same query, filters and
    /// "most words" fallback as [`Engine::search`] (through [`Engine::matching`]), unranked.
    pub fn matches(&self, request: &SearchRequest) -> Result<Matches, SearchError> {
        let searcher = self.searcher();
        let matched = self.matching(&searcher, request)?;
        let mut addresses: Vec<DocAddress> = searcher
            .search(&matched.query, &DocSetCollector)?
            .into_iter()
            .collect();
        addresses.sort();
        Ok(Matches {
            searcher,
            addresses,
            matching: matched.matching,
        })
    }

    /// How the search reads the request's words: all of them must match, or most of them when
    /// no document has them all (and the query used no operator); and the Party document the
    /// query names, if it names one.
    pub fn reading(
        &self,
        request: &SearchRequest,
    ) -> Result<(Matching, Option<QueryDocument>), SearchError> {
        let matched = self.matching(&self.searcher(), request)?;
        Ok((matched.matching, matched.named))
    }
}

/// Reads documents one at a time, keeping each segment's facet columns open between them.
pub struct StoredReader<'a> {
    searcher: &'a Searcher,
    segment: Option<(u32, SegmentColumns)>,
}

struct SegmentColumns {
    place: tantivy::fastfield::FacetReader,
    place_now: tantivy::fastfield::FacetReader,
    resolution: tantivy::fastfield::FacetReader,
    content_hash: tantivy::columnar::Column<u64>,
}

fn facet_paths(
    reader: &tantivy::fastfield::FacetReader,
    doc: tantivy::DocId,
) -> tantivy::Result<Vec<Vec<String>>> {
    let mut facet = Facet::root();
    let mut out = Vec::new();
    for ord in reader.facet_ords(doc) {
        reader.facet_from_ord(ord, &mut facet)?;
        out.push(facet.to_path().into_iter().map(str::to_owned).collect());
    }
    Ok(out)
}

impl<'a> StoredReader<'a> {
    pub fn new(searcher: &'a Searcher) -> StoredReader<'a> {
        StoredReader {
            searcher,
            segment: None,
        }
    }

    fn columns(&mut self, segment_ord: u32) -> tantivy::Result<&SegmentColumns> {
        if self.segment.as_ref().map(|(ord, _)| *ord) != Some(segment_ord) {
            let reader = self.searcher.segment_reader(segment_ord);
            let columns = SegmentColumns {
                place: reader.facet_reader("place")?,
                place_now: reader.facet_reader("place_now")?,
                resolution: reader.facet_reader("resolution")?,
                content_hash: reader.fast_fields().u64("content_hash")?,
            };
            self.segment = Some((segment_ord, columns));
        }
        Ok(&self.segment.as_ref().expect("just set").1)
    }

    /// The whole stored document at `address`.
    pub fn read(&mut self, engine: &Engine, address: DocAddress) -> Result<StoredDoc, SearchError> {
        let doc: TantivyDocument = self.searcher.doc(address)?;
        let (meta, body) = StoredMeta::from_document(&doc, &engine.store.fields);
        let columns = self.columns(address.segment_ord)?;
        let id = address.doc_id;
        Ok(StoredDoc {
            meta,
            body,
            content_hash: columns.content_hash.first(id).unwrap_or(0),
            places: facet_paths(&columns.place, id)?,
            places_now: facet_paths(&columns.place_now, id)?,
            resolutions: facet_paths(&columns.resolution, id)?,
        })
    }

    /// The key and content hash at `address`, from fast fields alone (no document store):
    /// enough to tell which documents changed since an earlier export.
    pub fn key_hash(&mut self, address: DocAddress) -> Result<KeyHash, SearchError> {
        let content_hash = self
            .columns(address.segment_ord)?
            .content_hash
            .first(address.doc_id)
            .unwrap_or(0);
        let reader = self.searcher.segment_reader(address.segment_ord);
        let mut key = String::new();
        if let Some(column) = reader.fast_fields().str("key")? {
            if let Some(ord) = column.term_ords(address.doc_id).next() {
                column
                    .ord_to_str(ord, &mut key)
                    .map_err(|e| SearchError::Tantivy(e.into()))?;
            }
        }
        Ok(KeyHash { key, content_hash })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::test_support::seeds;

    fn request(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.to_owned(),
            ..SearchRequest::default()
        }
    }

    #[test]
    fn every_match_is_read_back_with_its_facet_paths_and_hash() {
        let (_dir, engine) = seeds();
        let all = engine.matches(&request("")).unwrap();
        assert_eq!(all.addresses.len(), 5);
        let found = engine.matches(&request("Hải Phòng")).unwrap();
        assert_eq!((found.addresses.len(), found.matching), (2, Matching::All));
        let most = engine.matches(&request("Hải Phòng zzzz Đảng")).unwrap();
        assert_eq!((most.addresses.len(), most.matching), (2, Matching::Any));
        let quoted = engine.matches(&request("\"Hải Phòng zzzz\"")).unwrap();
        assert_eq!(
            (quoted.addresses.len(), quoted.matching),
            (0, Matching::All)
        );

        let mut reader = StoredReader::new(&found.searcher);
        let mut ids = Vec::new();
        for &address in &found.addresses {
            let doc = reader.read(&engine, address).unwrap();
            let light = reader.key_hash(address).unwrap();
            assert_eq!(
                (&light.key, light.content_hash),
                (&doc.meta.key, doc.content_hash)
            );
            assert_ne!(doc.content_hash, 0);
            // Both words, not necessarily together: an unquoted query matches words.
            let text =
                crate::text::fold(&format!("{} {}", doc.meta.title, doc.body).to_lowercase());
            assert!(
                text.contains("hai") && text.contains("phong"),
                "{}",
                doc.meta.id
            );
            ids.push(doc.meta.id.clone());
            if doc.meta.id == "003_b09fdb954b2a7c93" {
                assert_eq!(doc.places, [["Đồng bằng sông Hồng", "Hải Phòng"]]);
                assert!(doc
                    .resolutions
                    .iter()
                    .any(|p| p == &["Đảng", "Nghị quyết", "TW4", "khóa XII"]));
            }
        }
        ids.sort();
        assert!(ids.contains(&"003_b09fdb954b2a7c93".to_owned()), "{ids:?}");
    }
}
