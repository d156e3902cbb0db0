//! Facet paths (region → province, year, document references, category) and their counts.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::date_counts::DateCounter;
use crate::extract::citations::resolution_filter_text;
use crate::extract::people::person_key;
use crate::index::Fields;

/// The facet dimensions users ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Province,
    Region,
    Year,
    Resolution,
    Category,
    /// Dated documents by month ("2023-06"), from the date field: what the page's timeline
    /// draws inside one year. Not among `ALL`: asked for by name.
    Month,
    /// People named with an office (`extract::people`). Not among `ALL`: a corpus names
    /// thousands, so they are asked for by name.
    Person,
    /// The normalised roles of those people ("Bí thư", "Chủ tịch UBND"). Asked for by name.
    Role,
}

impl Dimension {
    /// The dimensions counted when none is named (`--facets`, `facets` without `--field`).
    pub const ALL: [Dimension; 5] = [
        Dimension::Region,
        Dimension::Province,
        Dimension::Year,
        Dimension::Resolution,
        Dimension::Category,
    ];

    /// Every dimension that can be asked for by name: `ALL`, the month timeline, people and
    /// their roles.
    pub const NAMED: [Dimension; 8] = [
        Dimension::Region,
        Dimension::Province,
        Dimension::Year,
        Dimension::Resolution,
        Dimension::Category,
        Dimension::Month,
        Dimension::Person,
        Dimension::Role,
    ];

    /// The name users type and JSON prints (`--field province`, `"facets": {"province": …}`).
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Province => "province",
            Dimension::Region => "region",
            Dimension::Year => "year",
            Dimension::Resolution => "resolution",
            Dimension::Category => "category",
            Dimension::Month => "month",
            Dimension::Person => "person",
            Dimension::Role => "role",
        }
    }
}

/// One counted value: its full path (e.g. region then province) and how many documents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FacetCount {
    pub value: String,
    pub path: Vec<String>,
    pub count: u64,
    /// For cited documents: the `--resolution` text that selects this node (absent where no
    /// filter names it alone, e.g. a kind).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
}

/// The filters that change how facets count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counting {
    /// Provinces through the units in force since July 2025.
    pub merged: bool,
    /// The year facet also counts guessed dates.
    pub guessed_dates: bool,
}

/// The year facet's extra values: articles with no date at all, and (unless guesses are
/// counted) articles whose only date is a guess. Always listed, so a year facet never hides
/// how much it leaves out.
pub const UNDATED: &str = "undated";
pub const GUESSED: &str = "guessed";

/// Documents whose date has this confidence (`certain`, `likely`, `guess`) or none (`none`).
pub fn dating_is(fields: &Fields, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(fields.dating, &Facet::from_path([value])),
        IndexRecordOption::Basic,
    ))
}

/// Documents whose date is certain or likely: what date filters and the year facet use unless
/// guesses are asked for.
pub fn trusted_dates(fields: &Fields) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, dating_is(fields, "certain")),
        (Occur::Should, dating_is(fields, "likely")),
    ]))
}

/// Both queries must match.
pub fn both(a: &dyn Query, b: Box<dyn Query>) -> BooleanQuery {
    BooleanQuery::new(vec![(Occur::Must, a.box_clone()), (Occur::Must, b)])
}

/// Counts documents matching `query` along `dimension`, most frequent first (ties by name);
/// years newest first, then the undated (and guessed) counts.
pub fn count(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    dimension: Dimension,
    counting: &Counting,
) -> tantivy::Result<Vec<FacetCount>> {
    let merged = counting.merged;
    let original = query;
    let trusted;
    // Months are the year facet drawn finer: they count the same dates.
    let dated = matches!(dimension, Dimension::Year | Dimension::Month);
    let query: &dyn Query = if dated && !counting.guessed_dates {
        trusted = both(query, trusted_dates(fields));
        &trusted
    } else {
        query
    };
    if dimension == Dimension::Month {
        return count_months(searcher, query);
    }
    let field = match dimension {
        Dimension::Month => unreachable!("months are counted from the date field"),
        Dimension::Province | Dimension::Region if merged => fields.place_now,
        Dimension::Province | Dimension::Region => fields.place,
        Dimension::Year => fields.year,
        Dimension::Resolution => fields.resolution,
        Dimension::Category => fields.category,
        Dimension::Person => fields.person,
        Dimension::Role => fields.role,
    };
    let field_name = searcher.schema().get_field_name(field).to_owned();
    // Provinces are the second level under regions; cited documents are counted at
    // their leaves (each leaf is one cited document) and at every level above.
    let depth = match dimension {
        Dimension::Region
        | Dimension::Year
        | Dimension::Category
        | Dimension::Person
        | Dimension::Role => 1,
        Dimension::Province => 2,
        Dimension::Resolution => 5,
        Dimension::Month => 0,
    };
    let mut results: Vec<FacetCount> = Vec::new();
    let mut frontier = vec![Facet::root()];
    for _ in 1..=depth {
        if frontier.is_empty() {
            break;
        }
        let mut collector = FacetCollector::for_field(&field_name);
        for facet in &frontier {
            collector.add_facet(facet.clone());
        }
        let counts = searcher.search(query, &collector)?;
        let mut next = Vec::new();
        for parent in &frontier {
            for (facet, n) in counts.get(parent.clone()) {
                let path: Vec<String> = facet.to_path().into_iter().map(str::to_owned).collect();
                let filter = if dimension == Dimension::Resolution {
                    cached_filter_text(&path)
                } else {
                    None
                };
                results.push(FacetCount {
                    value: path.last().cloned().unwrap_or_default(),
                    path,
                    count: n,
                    filter,
                });
                next.push(facet.clone());
            }
        }
        frontier = next;
    }
    if dimension == Dimension::Year {
        results.sort_by(|a, b| b.value.cmp(&a.value));
        let mut extra = vec![(UNDATED, "none")];
        if !counting.guessed_dates {
            extra.push((GUESSED, "guess"));
        }
        for (value, dating) in extra {
            let count = searcher.search(&both(original, dating_is(fields, dating)), &Count)? as u64;
            results.push(FacetCount {
                value: value.to_owned(),
                path: vec![value.to_owned()],
                count,
                filter: None,
            });
        }
        return Ok(results);
    }
    if dimension == Dimension::Person {
        results = one_per_person(results);
    }
    let mut ordered = tree_order(results);
    if dimension == Dimension::Province {
        ordered.retain(|c| c.path.len() == 2);
    }
    Ok(ordered)
}

/// One value per person however the articles spell the name ("Phạm Sĩ Quý", "Phạm Sỹ Quý"),
/// as `--person` selects them: the counts of the spellings added, shown in the most frequent
/// one. The sum is exact because an article names each person once, in one spelling
/// (`extract_people` keeps one entry per `person_key`).
fn one_per_person(values: Vec<FacetCount>) -> Vec<FacetCount> {
    let mut by_key: HashMap<String, (FacetCount, u64)> = HashMap::new();
    for value in values {
        let key = person_key(&value.value);
        match by_key.get_mut(&key) {
            None => {
                let count = value.count;
                by_key.insert(key, (value, count));
            }
            Some((shown, total)) => {
                *total += value.count;
                let more = (value.count, std::cmp::Reverse(&value.value))
                    > (shown.count, std::cmp::Reverse(&shown.value));
                if more {
                    *shown = value;
                }
            }
        }
    }
    by_key
        .into_values()
        .map(|(shown, total)| FacetCount {
            count: total,
            ..shown
        })
        .collect()
}

/// `resolution_filter_text`, remembered: a page asks for the same tree on every keystroke,
/// and each answer runs the filter parser to check itself.
fn cached_filter_text(path: &[String]) -> Option<String> {
    use std::sync::{Mutex, OnceLock};
    type Memo = Mutex<HashMap<Vec<String>, Option<String>>>;
    static MEMO: OnceLock<Memo> = OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    if let Some(known) = memo.lock().ok().and_then(|m| m.get(path).cloned()) {
        return known;
    }
    let text = resolution_filter_text(path);
    if let Ok(mut m) = memo.lock() {
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(path.to_vec(), text.clone());
    }
    text
}

/// Matching documents per calendar month of their date, newest month first. An article known
/// only by its year is in no month (a `--from YYYY-01 --to YYYY-01` filter leaves it out too);
/// `vnsearch trend --by month` reports those apart.
fn count_months(searcher: &Searcher, query: &dyn Query) -> tantivy::Result<Vec<FacetCount>> {
    let counts = searcher.search(query, &DateCounter)?;
    Ok(counts
        .by_month()
        .into_iter()
        .rev()
        .map(|((year, month), count)| FacetCount {
            value: format!("{year:04}-{month:02}"),
            path: vec![format!("{year:04}"), format!("{month:02}")],
            count,
            filter: None,
        })
        .collect())
}

/// Depth-first order: siblings by count (descending) then name, each followed by its children.
fn tree_order(items: Vec<FacetCount>) -> Vec<FacetCount> {
    use std::cmp::Reverse;
    use std::collections::HashMap;
    let counts: HashMap<Vec<String>, u64> =
        items.iter().map(|c| (c.path.clone(), c.count)).collect();
    let sort_key = |c: &FacetCount| -> Vec<(Reverse<u64>, String)> {
        (1..=c.path.len())
            .map(|i| {
                let prefix = c.path[..i].to_vec();
                (
                    Reverse(counts.get(&prefix).copied().unwrap_or(0)),
                    c.path[i - 1].clone(),
                )
            })
            .collect()
    };
    let mut keyed: Vec<_> = items.into_iter().map(|c| (sort_key(&c), c)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(name: &str, count: u64) -> FacetCount {
        FacetCount {
            value: name.to_owned(),
            path: vec![name.to_owned()],
            count,
            filter: None,
        }
    }

    #[test]
    fn spellings_of_one_person_are_one_value_in_the_most_frequent_spelling() {
        let mut merged = one_per_person(vec![
            value("Phạm Sĩ Quý", 2),
            value("Nguyễn Văn A", 4),
            value("Phạm Sỹ Quý", 3),
            value("PHẠM SỸ QUÝ", 1),
        ]);
        merged.sort_by(|a, b| a.value.cmp(&b.value));
        let got: Vec<(&str, u64)> = merged.iter().map(|c| (c.value.as_str(), c.count)).collect();
        assert_eq!(got, [("Nguyễn Văn A", 4), ("Phạm Sỹ Quý", 6)]);
        assert_eq!(merged[1].path, ["Phạm Sỹ Quý"]);
        // A tie goes to the spelling first in name order, whatever the order counted.
        let tie = one_per_person(vec![value("Phạm Sỹ Quý", 2), value("Phạm Sĩ Quý", 2)]);
        assert_eq!(tie[0].value, "Phạm Sĩ Quý");
    }
}
