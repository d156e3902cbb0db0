//! Turning filter flags into resolved filters, with errors that suggest what was meant.

use anyhow::{bail, Result};

use super::FilterArgs;
use crate::data::provinces::{
    lookup_province, lookup_region, place_path, suggest_provinces, suggest_regions,
};
use crate::extract::citations::resolution_filter;
use crate::model::Date;
use crate::search::Filters;

/// "2019", "2019-07" or "2019-07-28"; `end` picks the last day of a year or month.
pub fn parse_day(text: &str, end: bool) -> Result<Date> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str| s.parse::<u32>().ok();
    let bad = || anyhow::anyhow!("bad date {text:?}: use YYYY-MM-DD, YYYY-MM or YYYY");
    let year = parts
        .first()
        .and_then(|s| s.parse::<i32>().ok())
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(bad)?;
    let month = match parts.get(1) {
        Some(m) => number(m).filter(|m| (1..=12).contains(m)).ok_or_else(bad)?,
        None => {
            if end {
                12
            } else {
                1
            }
        }
    };
    let last_day = Date::last_of_month(year, month).ok_or_else(bad)?.day();
    let day = match parts.get(2) {
        Some(d) => number(d)
            .filter(|d| (1..=last_day).contains(d))
            .ok_or_else(bad)?,
        None => {
            if end {
                last_day
            } else {
                1
            }
        }
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    Date::new(year, month, day).ok_or_else(bad)
}

/// What `search` and `facets` both start from: resolved filters (checked before the index is
/// opened, so a bad flag never triggers a build), the query text and an open engine.
pub fn prepare(
    cli: &super::Cli,
    args: &FilterArgs,
    words: &[String],
) -> Result<(Filters, String, crate::search::Engine)> {
    let filters = resolve(args)?;
    let engine = crate::search::Engine::open(super::location::open_for_search(cli)?)?;
    Ok((filters, words.join(" "), engine))
}

pub fn resolve(args: &FilterArgs) -> Result<Filters> {
    let mut filters = Filters {
        merged: args.merged,
        year: args.year,
        category: args.category.clone(),
        ..Filters::default()
    };
    if let Some(from) = &args.from {
        filters.from_date = Some(parse_day(from, false)?);
        filters.from = filters.from_date.map(|d| d.to_string());
    }
    if let Some(to) = &args.to {
        filters.to_date = Some(parse_day(to, true)?);
        filters.to = filters.to_date.map(|d| d.to_string());
    }
    if let (Some(from), Some(to)) = (filters.from_date, filters.to_date) {
        if from > to {
            bail!("--from {from} is after --to {to}");
        }
    }
    resolve_places(args, &mut filters)?;
    resolve_resolutions(args, &mut filters)?;
    Ok(filters)
}

fn suggestion(kind: &str, name: &str, suggestions: &[&str]) -> anyhow::Error {
    if suggestions.is_empty() {
        anyhow::anyhow!("unknown {kind} {name:?}")
    } else {
        anyhow::anyhow!(
            "unknown {kind} {name:?}; did you mean {}?",
            suggestions.join(", ")
        )
    }
}

fn resolve_places(args: &FilterArgs, filters: &mut Filters) -> Result<()> {
    for name in &args.province {
        let province = lookup_province(name)
            .ok_or_else(|| suggestion("province", name, &suggest_provinces(name)))?;
        let path = place_path(province.name, args.merged)
            .ok_or_else(|| anyhow::anyhow!("province {name:?} has no unit since July 2025"))?;
        filters.places.push(path);
    }
    for name in &args.region {
        let region = lookup_region(name)
            .ok_or_else(|| suggestion("region", name, &suggest_regions(name)))?;
        filters.places.push(vec![region.to_owned()]);
    }
    Ok(())
}

fn resolve_resolutions(args: &FilterArgs, filters: &mut Filters) -> Result<()> {
    for name in &args.resolution {
        match resolution_filter(name) {
            Ok(paths) => filters.resolutions.push(paths),
            Err(suggestions) => {
                let suggestions: Vec<&str> = suggestions.iter().map(String::as_str).collect();
                return Err(suggestion("document", name, &suggestions));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for bad in [
            "2019-13-01",
            "2019-02-30",
            "yesterday",
            "19",
            "2019-01-01-01",
            "",
        ] {
            assert!(parse_day(bad, false).is_err(), "{bad}");
        }
    }
}
