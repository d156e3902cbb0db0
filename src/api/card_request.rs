//! A document card request (`vnsearch doc`, `GET /api/doc-card`): the document's name and the
//! filters that narrow its articles, read by [`Params`] like every other request.

use super::request::{Bounds, Params, RequestError};
use crate::search::card::CardRequest;

/// Keys of a search that mean nothing to a card.
const NOT_FOR_CARD: &[&str] = &[
    "q", "query", "limit", "offset", "sort", "facets", "field", "snippets", "fields",
];

/// A card as a front end states it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardParams {
    /// The document's name in any form the filters take ("04-NQ/TW", "NQ TW4 khóa XII").
    pub name: String,
    /// The filters (query, paging and facet keys are refused).
    pub search: Params,
}

impl CardParams {
    /// Applies key/value pairs in order (an HTTP query string): `name` here, the filters
    /// through [`Params`].
    pub fn apply_pairs<'a>(
        &mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<(), RequestError> {
        let mut rest = Vec::new();
        for (key, value) in pairs {
            match key {
                "name" => self.name = value.to_owned(),
                _ if NOT_FOR_CARD.contains(&key) => {
                    return Err(RequestError::BadValue {
                        key: "parameter",
                        value: key.to_owned(),
                        expected: "a document card takes name and the filters".to_owned(),
                    })
                }
                _ => rest.push((key, value)),
            }
        }
        self.search.apply_pairs(rest)
    }

    /// Checks the name's length and every filter.
    pub fn resolve(&self, bounds: Bounds) -> Result<CardRequest, RequestError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(RequestError::BadValue {
                key: "name",
                value: String::new(),
                expected: "name a document: 04-NQ/TW, \"NQ TW4 khóa XII\", \"Quy định 47\""
                    .to_owned(),
            });
        }
        let chars = name.chars().count();
        if chars > bounds.max_query_chars {
            return Err(RequestError::QueryTooLong {
                chars,
                limit: bounds.max_query_chars,
            });
        }
        Ok(CardRequest {
            name: name.to_owned(),
            filters: self.search.filters()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_pairs(pairs: &[(&str, &str)]) -> Result<CardRequest, RequestError> {
        let mut params = CardParams::default();
        params.apply_pairs(pairs.iter().copied())?;
        params.resolve(Bounds::NONE)
    }

    #[test]
    fn a_name_and_filters() {
        let request = from_pairs(&[("name", " Quy định 47 "), ("year", "2017")]).unwrap();
        assert_eq!(request.name, "Quy định 47");
        assert_eq!(request.filters.year, Some(2017));
        let err = |pairs: &[(&str, &str)]| from_pairs(pairs).unwrap_err().to_string();
        assert!(err(&[]).starts_with("bad name \"\": name a document"));
        assert_eq!(
            err(&[("name", "x"), ("q", "Đảng")]),
            "bad parameter \"q\": a document card takes name and the filters"
        );
        assert!(err(&[("name", "x"), ("province", "Ha Noii")]).contains("did you mean Hà Nội"));
    }
}
