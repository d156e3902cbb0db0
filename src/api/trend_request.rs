//! A trend request (`vnsearch trend`, `GET /api/trend`): the query and filters of a search,
//! read by [`Params`] like every other request, plus what the periods are (`by`) and the
//! normalisation (`per`).

use super::request::{Bounds, Params, RequestError};
use crate::search::trend::{TrendBy, TrendRequest};

/// Keys of a search that mean nothing to a trend (it counts every match, shows no hits).
const NOT_FOR_TREND: &[&str] = &[
    "limit", "offset", "sort", "facets", "field", "snippets", "fields",
];

/// The largest `per`: a rate per million articles is as fine as a count needs.
pub const MAX_PER: u32 = 1_000_000;

/// A trend as a front end states it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendParams {
    /// The query and filters (paging and facet keys are refused).
    pub search: Params,
    pub by: Option<TrendBy>,
    pub per: Option<u32>,
}

/// "year", "month" or "province".
pub fn parse_by(value: &str) -> Result<TrendBy, RequestError> {
    TrendBy::ALL
        .into_iter()
        .find(|by| by.name().eq_ignore_ascii_case(value.trim()))
        .ok_or_else(|| RequestError::BadValue {
            key: "by",
            value: value.to_owned(),
            expected: "use year, month or province".to_owned(),
        })
}

/// A whole number from 1 to [`MAX_PER`].
pub fn parse_per(value: &str) -> Result<u32, RequestError> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=MAX_PER).contains(n))
        .ok_or_else(|| RequestError::BadValue {
            key: "per",
            value: value.to_owned(),
            expected: format!("use a whole number from 1 to {MAX_PER}, e.g. 1000"),
        })
}

impl TrendParams {
    /// Applies key/value pairs in order (an HTTP query string): `by` and `per` here, the
    /// query and filters through [`Params`].
    pub fn apply_pairs<'a>(
        &mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<(), RequestError> {
        let mut rest = Vec::new();
        for (key, value) in pairs {
            match key {
                "by" => self.by = Some(parse_by(value)?),
                "per" => {
                    self.per = match value.trim() {
                        "" => None,
                        v => Some(parse_per(v)?),
                    }
                }
                _ if NOT_FOR_TREND.contains(&key) => {
                    return Err(RequestError::BadValue {
                        key: "parameter",
                        value: key.to_owned(),
                        expected: "a trend counts every match: it takes q, by, per and the filters"
                            .to_owned(),
                    })
                }
                _ => rest.push((key, value)),
            }
        }
        self.search.apply_pairs(rest)
    }

    /// Checks every value, as [`Params::resolve`] does for a search.
    pub fn resolve(&self, bounds: Bounds) -> Result<TrendRequest, RequestError> {
        if let Some(per) = self.per {
            parse_per(&per.to_string())?;
        }
        let mut search = self.search.resolve(bounds)?;
        search.limit = 0;
        search.offset = 0;
        search.snippets = 0;
        search.facets.clear();
        Ok(TrendRequest {
            search,
            by: self.by.unwrap_or(TrendBy::Year),
            per: self.per,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_pairs(pairs: &[(&str, &str)]) -> Result<TrendRequest, RequestError> {
        let mut params = TrendParams::default();
        params.apply_pairs(pairs.iter().copied())?;
        params.resolve(Bounds::NONE)
    }

    #[test]
    fn by_and_per_beside_the_filters() {
        let request = from_pairs(&[
            ("q", "Đảng"),
            ("by", "Month"),
            ("per", "1000"),
            ("year", "2019"),
            ("province", "Huế"),
        ])
        .unwrap();
        assert_eq!(request.by, TrendBy::Month);
        assert_eq!(request.per, Some(1000));
        assert_eq!(request.search.query, "Đảng");
        assert_eq!(request.search.filters.year, Some(2019));
        assert_eq!(request.search.filters.places.len(), 1);
        assert_eq!(from_pairs(&[]).unwrap().by, TrendBy::Year);
    }

    #[test]
    fn bad_values_say_what_to_use() {
        let err = |pairs: &[(&str, &str)]| from_pairs(pairs).unwrap_err().to_string();
        assert_eq!(
            err(&[("by", "week")]),
            "bad by \"week\": use year, month or province"
        );
        assert_eq!(
            err(&[("per", "0")]),
            "bad per \"0\": use a whole number from 1 to 1000000, e.g. 1000"
        );
        assert_eq!(
            err(&[("limit", "3")]),
            "bad parameter \"limit\": a trend counts every match: it takes q, by, per and the filters"
        );
        assert!(err(&[("province", "Ha Noii")]).contains("did you mean Hà Nội"));
        assert!(err(&[("bye", "year")]).starts_with("unknown field `bye`"));
    }
}
