//! One request parser for every front end: CLI flags, `--batch` lines and HTTP query
//! parameters all fill the same [`Params`], and [`Params::resolve`] alone turns it into the
//! engine's [`SearchRequest`]; so a value is checked once, and the three can never disagree.

use serde_json::Value;
use thiserror::Error;

use crate::data::provinces::{
    lookup_province, lookup_region, place_path, suggest_provinces, suggest_regions,
};
use crate::extract::citations::resolution_filter;
use crate::extract::people::person_key;
use crate::model::Date;
use crate::search::facets::Dimension;
use crate::search::{Filters, SearchRequest, SortOrder};

use super::json::HIT_FIELDS;

/// The most snippets a hit can carry.
pub const MAX_SNIPPETS: usize = 3;

/// A search as a front end states it, before anything is resolved. Defaults are the CLI's.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    /// Facet dimensions to count beside the hits.
    pub facets: Vec<Dimension>,
    pub snippets: usize,
    pub province: Vec<String>,
    pub region: Vec<String>,
    pub merged: bool,
    pub resolution: Vec<String>,
    pub year: Option<i32>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub category: Option<String>,
    /// People the documents must name, in any spelling (`extract::people::person_key`).
    pub person: Vec<String>,
    /// Date filters and the year (and month) facet also use guessed dates.
    pub guessed_dates: bool,
    /// Hit fields to keep in JSON output; `None` keeps them all.
    pub fields: Option<Vec<String>>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            query: String::new(),
            limit: 10,
            offset: 0,
            sort: SortOrder::Relevance,
            facets: Vec::new(),
            snippets: MAX_SNIPPETS,
            province: Vec::new(),
            region: Vec::new(),
            merged: false,
            resolution: Vec::new(),
            year: None,
            from: None,
            to: None,
            category: None,
            person: Vec::new(),
            guessed_dates: false,
            fields: None,
        }
    }
}

/// How much work one request may ask for. The CLI trusts its user; a server does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub max_limit: usize,
    pub max_offset: usize,
    /// Characters, not bytes: a Vietnamese letter takes up to three bytes.
    pub max_query_chars: usize,
}

impl Bounds {
    /// No bound but what memory allows: a person at a terminal asking for 100,000 hits means it.
    pub const NONE: Bounds = Bounds {
        max_limit: usize::MAX,
        max_offset: usize::MAX,
        max_query_chars: usize::MAX,
    };
}

/// Why a request cannot run; every variant is the user's to fix, so each says how.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RequestError {
    #[error("unknown field `{key}`{}; known fields: {}", did_you_mean(.suggestion), KEYS.join(", "))]
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
    },
    #[error("invalid type for `{key}`: {found}, expected {expected}")]
    InvalidType {
        key: String,
        found: &'static str,
        expected: &'static str,
    },
    #[error("bad {key} {value:?}: {expected}")]
    BadValue {
        key: &'static str,
        value: String,
        expected: String,
    },
    #[error("bad date {0:?}: use YYYY-MM-DD, YYYY-MM or YYYY")]
    BadDate(String),
    #[error("--from {from} is after --to {to}")]
    DatesReversed { from: String, to: String },
    #[error("unknown {kind} {name:?}{}", suggestions_text(.suggestions))]
    Unknown {
        kind: &'static str,
        name: String,
        suggestions: Vec<String>,
    },
    #[error("province {0:?} has no unit since July 2025")]
    NoCurrentUnit(String),
    #[error("unknown hit field {name:?} in fields; known fields: {}", HIT_FIELDS.join(", "))]
    UnknownHitField { name: String },
    #[error("the query is {chars} characters; at most {limit} characters are searched")]
    QueryTooLong { chars: usize, limit: usize },
    #[error("{what} is {size}; the limit is {limit}")]
    TooLarge {
        what: &'static str,
        size: usize,
        limit: usize,
    },
}

fn did_you_mean(suggestion: &Option<&'static str>) -> String {
    suggestion.map_or(String::new(), |s| format!(" (did you mean `{s}`?)"))
}

fn suggestions_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// Every key a request may carry, as batch JSON keys and HTTP parameters name them.
pub const KEYS: &[&str] = &[
    "query",
    "q",
    "limit",
    "offset",
    "sort",
    "facets",
    "field",
    "snippets",
    "province",
    "region",
    "merged",
    "resolution",
    "year",
    "from",
    "to",
    "category",
    "person",
    "guessed_dates",
    "fields",
];

/// Keys that may be given more than once (each value adds a filter or a dimension).
const REPEATABLE: &[&str] = &["province", "region", "resolution", "person", "field"];

fn closest_key(key: &str) -> Option<&'static str> {
    KEYS.iter()
        .map(|k| (strsim::levenshtein(k, key), *k))
        .filter(|(distance, k)| *distance <= 2 && *distance < k.len())
        .min()
        .map(|(_, k)| k)
}

fn parse_number<T: std::str::FromStr>(key: &'static str, value: &str) -> Result<T, RequestError> {
    value.trim().parse().map_err(|_| RequestError::BadValue {
        key,
        value: value.to_owned(),
        expected: "use a whole number".to_owned(),
    })
}

fn parse_bool(key: &'static str, value: &str) -> Result<bool, RequestError> {
    match value.trim() {
        "" | "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(RequestError::BadValue {
            key,
            value: value.to_owned(),
            expected: "use true or false".to_owned(),
        }),
    }
}

/// "relevance", "date" (newest first) or "-date" (oldest first).
pub fn parse_sort(value: &str) -> Result<SortOrder, RequestError> {
    SortOrder::ALL
        .into_iter()
        .find(|order| order.name().eq_ignore_ascii_case(value.trim()))
        .ok_or_else(|| RequestError::BadValue {
            key: "sort",
            value: value.to_owned(),
            expected: "use relevance, date or -date".to_owned(),
        })
}

/// One facet dimension by name (province, region, year, resolution, category, month).
pub fn parse_dimension(value: &str) -> Result<Dimension, RequestError> {
    Dimension::NAMED
        .into_iter()
        .find(|d| d.name().eq_ignore_ascii_case(value.trim()))
        .ok_or_else(|| RequestError::BadValue {
            key: "field",
            value: value.to_owned(),
            expected: format!(
                "use one of {}",
                Dimension::NAMED.map(Dimension::name).join(", ")
            ),
        })
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

impl Params {
    /// Sets one key from its text form, as an HTTP parameter or a batch line states it. A
    /// repeatable key adds to what is there; any other key replaces it.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), RequestError> {
        match key {
            "query" | "q" => self.query = value.to_owned(),
            "limit" => self.limit = parse_number("limit", value)?,
            "offset" => self.offset = parse_number("offset", value)?,
            "sort" => self.sort = parse_sort(value)?,
            "snippets" => self.snippets = parse_number("snippets", value)?,
            "facets" => {
                // `facets=true` counts every dimension; `facets=year,province` picks some.
                self.facets = match value.trim() {
                    "" | "true" | "1" | "all" => Dimension::ALL.to_vec(),
                    "false" | "0" | "none" => Vec::new(),
                    list => list
                        .split(',')
                        .map(parse_dimension)
                        .collect::<Result<_, _>>()?,
                };
            }
            "field" => {
                let dimension = parse_dimension(value)?;
                if !self.facets.contains(&dimension) {
                    self.facets.push(dimension);
                }
            }
            "province" => self.province.push(value.to_owned()),
            "region" => self.region.push(value.to_owned()),
            "resolution" => self.resolution.push(value.to_owned()),
            "merged" => self.merged = parse_bool("merged", value)?,
            "year" => {
                self.year = optional(value)
                    .map(|y| parse_number("year", &y))
                    .transpose()?
            }
            "from" => self.from = optional(value),
            "to" => self.to = optional(value),
            "category" => self.category = optional(value),
            "person" => self.person.push(value.to_owned()),
            "guessed_dates" => self.guessed_dates = parse_bool("guessed_dates", value)?,
            "fields" => {
                self.fields = Some(
                    value
                        .split(',')
                        .map(|f| f.trim().to_owned())
                        .filter(|f| !f.is_empty())
                        .collect(),
                )
            }
            other => {
                return Err(RequestError::UnknownKey {
                    key: other.to_owned(),
                    suggestion: closest_key(other),
                })
            }
        }
        Ok(())
    }

    /// Applies key/value pairs in order (an HTTP query string). A repeatable key given several
    /// times adds each value; the first pair that does not parse is the error.
    pub fn apply_pairs<'a>(
        &mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<(), RequestError> {
        let mut cleared: Vec<&str> = Vec::new();
        for (key, value) in pairs {
            // Values given here replace the defaults of a repeatable key, not add to them.
            if REPEATABLE.contains(&key) && !cleared.contains(&key) {
                cleared.push(key);
                self.clear(key);
            }
            self.set(key, value)?;
        }
        Ok(())
    }

    fn clear(&mut self, key: &str) {
        match key {
            "province" => self.province.clear(),
            "region" => self.region.clear(),
            "resolution" => self.resolution.clear(),
            "person" => self.person.clear(),
            "field" => self.facets.clear(),
            _ => {}
        }
    }

    /// Applies a JSON object (a `--batch` line): the same keys as [`Params::set`], with
    /// strings, numbers, booleans, or arrays of them for repeatable keys.
    pub fn apply_json(
        &mut self,
        object: &serde_json::Map<String, Value>,
    ) -> Result<(), RequestError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, value) in object {
            let invalid = |found: &'static str, expected: &'static str| RequestError::InvalidType {
                key: key.clone(),
                found,
                expected,
            };
            let expected = expected_type(key).ok_or_else(|| RequestError::UnknownKey {
                key: key.clone(),
                suggestion: closest_key(key),
            })?;
            let texts: Vec<String> = match value {
                Value::Array(items) if REPEATABLE.contains(&key.as_str()) => items
                    .iter()
                    .map(|item| {
                        scalar_text(item, expected).map_err(|found| invalid(found, expected))
                    })
                    .collect::<Result<_, _>>()?,
                Value::Array(items) if key == "fields" => {
                    let names = items
                        .iter()
                        .map(|item| {
                            scalar_text(item, expected).map_err(|found| invalid(found, expected))
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    vec![names.join(",")]
                }
                Value::Null => continue,
                other => {
                    vec![scalar_text(other, expected).map_err(|found| invalid(found, expected))?]
                }
            };
            pairs.extend(texts.into_iter().map(|text| (key.clone(), text)));
        }
        self.apply_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Checks every value and resolves names to facet paths and dates: the one place a
    /// request is judged, for every front end.
    pub fn resolve(&self, bounds: Bounds) -> Result<SearchRequest, RequestError> {
        let too_large = |what, size, limit| {
            if size > limit {
                Err(RequestError::TooLarge { what, size, limit })
            } else {
                Ok(())
            }
        };
        let chars = self.query.chars().count();
        if chars > bounds.max_query_chars {
            return Err(RequestError::QueryTooLong {
                chars,
                limit: bounds.max_query_chars,
            });
        }
        too_large("limit", self.limit, bounds.max_limit)?;
        too_large("offset", self.offset, bounds.max_offset)?;
        if self.snippets > MAX_SNIPPETS {
            return Err(RequestError::BadValue {
                key: "snippets",
                value: self.snippets.to_string(),
                expected: format!("use 0 to {MAX_SNIPPETS}"),
            });
        }
        if let Some(fields) = &self.fields {
            if let Some(unknown) = fields.iter().find(|f| !HIT_FIELDS.contains(&f.as_str())) {
                return Err(RequestError::UnknownHitField {
                    name: unknown.clone(),
                });
            }
        }
        Ok(SearchRequest {
            query: self.query.clone(),
            limit: self.limit,
            offset: self.offset,
            sort: self.sort,
            filters: self.filters()?,
            facets: self.facets.clone(),
            snippets: self.snippets,
            explain: false,
        })
    }

    /// The filters alone, resolved: provinces, regions and documents to facet paths.
    pub fn filters(&self) -> Result<Filters, RequestError> {
        let mut filters = Filters {
            merged: self.merged,
            guessed_dates: self.guessed_dates,
            year: self.year,
            category: self.category.clone(),
            ..Filters::default()
        };
        if let Some(from) = &self.from {
            filters.from_date = Some(parse_day(from, false)?);
            filters.from = filters.from_date.map(|d| d.to_string());
        }
        if let Some(to) = &self.to {
            filters.to_date = Some(parse_day(to, true)?);
            filters.to = filters.to_date.map(|d| d.to_string());
        }
        if let (Some(from), Some(to)) = (filters.from_date, filters.to_date) {
            if from > to {
                return Err(RequestError::DatesReversed {
                    from: from.to_string(),
                    to: to.to_string(),
                });
            }
        }
        for name in &self.province {
            let province = lookup_province(name).ok_or_else(|| RequestError::Unknown {
                kind: "province",
                name: name.clone(),
                suggestions: owned(suggest_provinces(name)),
            })?;
            let path = place_path(province.name, self.merged)
                .ok_or_else(|| RequestError::NoCurrentUnit(name.clone()))?;
            filters.places.push(path);
        }
        for name in &self.region {
            let region = lookup_region(name).ok_or_else(|| RequestError::Unknown {
                kind: "region",
                name: name.clone(),
                suggestions: owned(suggest_regions(name)),
            })?;
            filters.places.push(vec![region.to_owned()]);
        }
        for name in &self.resolution {
            let paths = resolution_filter(name).map_err(|suggestions| RequestError::Unknown {
                kind: "document",
                name: name.clone(),
                suggestions,
            })?;
            filters.resolutions.push(paths);
        }
        for name in &self.person {
            let key = person_key(name);
            if key.split(' ').count() < 2 {
                return Err(RequestError::BadValue {
                    key: "person",
                    value: name.clone(),
                    expected: "give the full name, family name first (\"Nguyễn Xuân Phúc\", \
                               \"nguyen xuan phuc\")"
                        .to_owned(),
                });
            }
            filters.person.push(key);
        }
        Ok(filters)
    }
}

fn owned(names: Vec<&str>) -> Vec<String> {
    names.into_iter().map(str::to_owned).collect()
}

/// The JSON type a batch key takes, or `None` for an unknown key.
fn expected_type(key: &str) -> Option<&'static str> {
    Some(match key {
        "limit" | "offset" | "snippets" | "year" => "a number",
        "merged" | "guessed_dates" => "a boolean",
        "facets" => "a boolean or a string",
        _ if KEYS.contains(&key) => "a string",
        _ => return None,
    })
}

/// A JSON scalar as the text `Params::set` reads; the found type's name when it is not one
/// the key takes (a query must be a string, a limit a number).
fn scalar_text(value: &Value, expected: &str) -> Result<String, &'static str> {
    match value {
        Value::String(s) if expected.contains("string") || expected == "a number" => Ok(s.clone()),
        Value::Number(n) if expected == "a number" => Ok(n.to_string()),
        Value::Bool(b) if expected.contains("boolean") => Ok(b.to_string()),
        Value::String(_) => Err("a string"),
        Value::Number(_) => Err("a number"),
        Value::Bool(_) => Err("a boolean"),
        Value::Array(_) => Err("an array"),
        Value::Object(_) => Err("an object"),
        Value::Null => Err("null"),
    }
}

/// "2019", "2019-07" or "2019-07-28"; `end` picks the last day of a year or month.
pub fn parse_day(text: &str, end: bool) -> Result<Date, RequestError> {
    let bad = || RequestError::BadDate(text.to_owned());
    let parts: Vec<&str> = text.trim().split('-').collect();
    if parts.len() > 3 {
        return Err(bad());
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let year = parts
        .first()
        .and_then(|s| s.parse::<i32>().ok())
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(bad)?;
    let month = match parts.get(1) {
        Some(m) => number(m).filter(|m| (1..=12).contains(m)).ok_or_else(bad)?,
        None if end => 12,
        None => 1,
    };
    match parts.get(2) {
        Some(d) => number(d)
            .and_then(|d| Date::new(year, month, d))
            .ok_or_else(bad),
        None if end => Date::last_of_month(year, month).ok_or_else(bad),
        None => Date::new(year, month, 1).ok_or_else(bad),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn from_pairs(pairs: &[(&str, &str)]) -> Result<Params, RequestError> {
        let mut params = Params::default();
        params.apply_pairs(pairs.iter().copied())?;
        Ok(params)
    }

    fn from_json(value: Value) -> Result<Params, RequestError> {
        let mut params = Params::default();
        params.apply_json(value.as_object().unwrap())?;
        Ok(params)
    }

    #[test]
    fn days_months_and_years_parse() {
        assert_eq!(
            parse_day("2019-01-01", false).unwrap().to_string(),
            "2019-01-01"
        );
        assert_eq!(parse_day("2020", true).unwrap().to_string(), "2020-12-31");
        assert_eq!(
            parse_day("2020-02", true).unwrap().to_string(),
            "2020-02-29"
        );
        assert_eq!(
            parse_day("2019-02", true).unwrap().to_string(),
            "2019-02-28"
        );
        assert_eq!(
            parse_day("2019-04", false).unwrap().to_string(),
            "2019-04-01"
        );
        for bad in [
            "2019-13-01",
            "2019-02-30",
            "yesterday",
            "19",
            "2019-01-01-01",
            "",
        ] {
            assert_eq!(
                parse_day(bad, false),
                Err(RequestError::BadDate(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn pairs_and_json_lines_make_the_same_request() {
        let pairs = from_pairs(&[
            ("q", "Đảng"),
            ("province", "Huế"),
            ("province", "Đà Nẵng"),
            ("limit", "2"),
            ("sort", "-date"),
            ("merged", "true"),
            ("year", "2019"),
            ("facets", "year,province"),
        ])
        .unwrap();
        let line = from_json(json!({
            "query": "Đảng", "province": ["Huế", "Đà Nẵng"], "limit": 2, "sort": "-date",
            "merged": true, "year": 2019, "facets": "year,province"
        }))
        .unwrap();
        assert_eq!(pairs, line);
        assert_eq!(pairs.sort, SortOrder::DateAsc);
        assert_eq!(pairs.facets, vec![Dimension::Year, Dimension::Province]);
        let request = pairs.resolve(Bounds::NONE).unwrap();
        assert_eq!(request.filters.places.len(), 2);
        assert_eq!(request.limit, 2);
    }

    #[test]
    fn guessed_dates_is_a_flag_of_every_front_end() {
        let pairs = from_pairs(&[("year", "2023"), ("guessed_dates", "true")]).unwrap();
        let line = from_json(json!({"year": 2023, "guessed_dates": true})).unwrap();
        assert_eq!(pairs, line);
        let filters = pairs.resolve(Bounds::NONE).unwrap().filters;
        assert!(filters.guessed_dates);
        assert!(!Params::default().filters().unwrap().guessed_dates);
        let err = from_json(json!({"guessed_dates": "yes"})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type for `guessed_dates`: a string, expected a boolean"
        );
        let err = from_pairs(&[("guessed_dates", "perhaps")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad guessed_dates \"perhaps\": use true or false"
        );
    }

    #[test]
    fn repeated_keys_replace_the_defaults_once_then_add() {
        let mut params = Params {
            province: vec!["Hà Nội".into()],
            ..Params::default()
        };
        params
            .apply_pairs([("province", "Huế"), ("province", "Cà Mau")])
            .unwrap();
        assert_eq!(params.province, vec!["Huế", "Cà Mau"]);
        params
            .apply_pairs([("field", "year"), ("field", "year")])
            .unwrap();
        assert_eq!(params.facets, vec![Dimension::Year]);
    }

    #[test]
    fn bad_values_say_what_to_use() {
        for (pairs, expected) in [
            (
                vec![("provence", "Huế")],
                "unknown field `provence` (did you mean `province`?)",
            ),
            (
                vec![("sort", "newest")],
                "bad sort \"newest\": use relevance, date or -date",
            ),
            (
                vec![("limit", "ten")],
                "bad limit \"ten\": use a whole number",
            ),
            (
                vec![("merged", "maybe")],
                "bad merged \"maybe\": use true or false",
            ),
            (
                vec![("field", "people")],
                "bad field \"people\": use one of region, province",
            ),
        ] {
            let err = from_pairs(&pairs).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{pairs:?}: {err}");
        }
        for (value, expected) in [
            (
                json!({"query": 5}),
                "invalid type for `query`: a number, expected a string",
            ),
            (json!({"limit": "x"}), "bad limit \"x\""),
            (
                json!({"merged": "yes"}),
                "invalid type for `merged`: a string, expected a boolean",
            ),
            (
                json!({"province": {"a": 1}}),
                "invalid type for `province`: an object",
            ),
        ] {
            let err = from_json(value.clone()).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{value}: {err}");
        }
    }

    #[test]
    fn a_person_is_one_key_in_any_spelling() {
        let pairs =
            from_pairs(&[("person", "Nguyễn Xuân Phúc"), ("person", "le dinh son")]).unwrap();
        let line = from_json(json!({"person": ["Nguyễn Xuân Phúc", "le dinh son"]})).unwrap();
        assert_eq!(pairs, line);
        let filters = pairs.resolve(Bounds::NONE).unwrap().filters;
        assert_eq!(filters.person, ["nguyen xuan phuc", "le dinh son"]);
        let err = from_pairs(&[("person", "Phúc")])
            .unwrap()
            .resolve(Bounds::NONE)
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad person \"Phúc\": give the full name"),
            "{err}"
        );
    }

    #[test]
    fn resolving_checks_names_ranges_and_bounds() {
        let resolve = |pairs: &[(&str, &str)], bounds| from_pairs(pairs).unwrap().resolve(bounds);
        let err = resolve(&[("province", "Ha Noii")], Bounds::NONE).unwrap_err();
        assert!(err.to_string().contains("did you mean Hà Nội"), "{err}");
        let err = resolve(&[("from", "2020"), ("to", "2019")], Bounds::NONE).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--from 2020-01-01 is after --to 2019-12-31"
        );
        let err = resolve(&[("snippets", "9")], Bounds::NONE).unwrap_err();
        assert_eq!(err.to_string(), "bad snippets \"9\": use 0 to 3");
        let err = resolve(&[("fields", "id,provence")], Bounds::NONE).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("unknown hit field \"provence\""),
            "{err}"
        );
        let tight = Bounds {
            max_limit: 100,
            max_offset: 1000,
            max_query_chars: 10,
        };
        let err = resolve(&[("limit", "101")], tight).unwrap_err();
        assert_eq!(err.to_string(), "limit is 101; the limit is 100");
        let err = resolve(&[("q", "Nghị quyết Trung ương")], tight).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the query is 21 characters; at most 10 characters are searched"
        );
        let err = from_pairs(&[("field", "month"), ("field", "colour")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad field \"colour\": use one of region, province, year, resolution, category, month, \
             person, role"
        );
        let request =
            resolve(&[("region", "Tây Nguyên"), ("to", "2019-02")], Bounds::NONE).unwrap();
        assert_eq!(request.filters.places, vec![vec!["Tây Nguyên".to_owned()]]);
        assert_eq!(request.filters.to.as_deref(), Some("2019-02-28"));
    }
}
