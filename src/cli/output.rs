//! Printers: one for people (colour or plain markers), one for scripts (JSON / JSON Lines).
//! The JSON shape is versioned and documented in README ("JSON output").

use std::io::Write;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::color::Colors;
use crate::search::facets::{Dimension, FacetCount};
use crate::search::snippet::Snippet;
use crate::search::{Hit, SearchResponse};

/// Version of the JSON shape; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

pub fn facets_json(facets: &[(Dimension, Vec<FacetCount>)]) -> Value {
    let mut map = Map::new();
    for (dimension, counts) in facets {
        map.insert(
            dimension.name().to_owned(),
            serde_json::to_value(counts).expect("facets serialise"),
        );
    }
    Value::Object(map)
}

/// The `--json` object for one search.
pub fn response_json(
    query: &str,
    filters: &Value,
    limit: usize,
    offset: usize,
    response: &SearchResponse,
) -> Value {
    let mut value = json!({
        "version": JSON_VERSION,
        "query": query,
        "filters": filters,
        "total": response.total,
        "offset": offset,
        "limit": limit,
        "took_ms": (response.took_ms * 1000.0).round() / 1000.0,
        "matching": response.matching,
        "fallback": response.fallback,
        "hits": response.hits,
    });
    if !response.facets.is_empty() {
        value["facets"] = facets_json(&response.facets);
    }
    value
}

/// Every field of a hit object, in output order; `--fields` picks among them.
pub const HIT_FIELDS: &[&str] = &[
    "rank",
    "score",
    "id",
    "key",
    "path",
    "line",
    "title",
    "source",
    "url",
    "date",
    "date_source",
    "date_confidence",
    "year_only",
    "primary_province",
    "provinces",
    "references",
    "citations",
    "category",
    "author",
    "snippets",
    "explanation",
];

/// Keeps only the named fields of a hit (and, on a `--jsonl` line, its `query` and `version`).
pub fn trim_hit(hit: &mut Value, fields: &[String]) {
    if let Value::Object(map) = hit {
        map.retain(|key, _| key == "query" || key == "version" || fields.iter().any(|f| f == key));
    }
}

/// `trim_hit` over a `hits` array.
pub fn trim_hits(hits: &mut Value, fields: &[String]) {
    if let Value::Array(hits) = hits {
        for hit in hits {
            trim_hit(hit, fields);
        }
    }
}

/// One `--jsonl` line: a hit with the query it answers.
pub fn hit_line(query: &str, hit: &Hit) -> Value {
    let mut value = serde_json::to_value(hit).expect("hits serialise");
    value["query"] = Value::String(query.to_owned());
    value["version"] = json!(JSON_VERSION);
    value
}

/// A snippet with its highlights marked for people.
pub fn render_snippet(snippet: &Snippet, colors: Colors) -> String {
    let chars: Vec<char> = snippet.text.chars().collect();
    let mut out = String::new();
    let mut cursor = 0;
    for &[start, end] in &snippet.highlights {
        let (start, end) = (start.min(chars.len()), end.min(chars.len()));
        if start < cursor {
            continue;
        }
        out.extend(&chars[cursor..start]);
        out.push_str(&colors.highlight(&chars[start..end].iter().collect::<String>()));
        cursor = end;
    }
    out.extend(&chars[cursor..]);
    out
}

fn list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join(", ")
    } else {
        format!("{} (+{} more)", items[..max].join(", "), items.len() - max)
    }
}

/// One hit for people.
pub fn write_hit(out: &mut impl Write, hit: &Hit, colors: Colors) -> Result<()> {
    let m = &hit.meta;
    let title = if m.title.is_empty() {
        "(untitled)"
    } else {
        &m.title
    };
    writeln!(out, "{}. {}", hit.rank, colors.bold(title))?;
    let mut facts: Vec<String> = Vec::new();
    if let Some(date) = &m.date {
        facts.push(format!(
            "{date} ({}, {})",
            m.date_source.as_deref().unwrap_or("?"),
            m.date_confidence.as_deref().unwrap_or("?")
        ));
    }
    if let Some(source) = &m.source {
        facts.push(source.clone());
    }
    if let Some(primary) = &m.primary_province {
        let others: Vec<String> = m
            .provinces
            .iter()
            .filter(|p| *p != primary)
            .cloned()
            .collect();
        if others.is_empty() {
            facts.push(primary.clone());
        } else {
            facts.push(format!("{primary} (+ {})", list(&others, 4)));
        }
    } else if !m.provinces.is_empty() {
        facts.push(list(&m.provinces, 5));
    }
    facts.push(format!("score {:.2}", hit.score));
    writeln!(out, "   {}", colors.dim(&facts.join(" · ")))?;
    let mut location = m.path.clone();
    if let Some(line) = m.line {
        location = format!("{location}:{line}");
    }
    writeln!(out, "   {}", colors.dim(&format!("{} · {location}", m.id)))?;
    if let Some(url) = &m.url {
        writeln!(out, "   {}", colors.dim(url))?;
    }
    if !m.references.is_empty() {
        writeln!(
            out,
            "   {}",
            colors.dim(&format!("cites: {}", list(&m.references, 6)))
        )?;
    }
    for snippet in &hit.snippets {
        writeln!(out, "   {}", render_snippet(snippet, colors))?;
    }
    writeln!(out)?;
    Ok(())
}

/// Facet counts for people, one dimension after another.
pub fn write_facets(
    out: &mut impl Write,
    facets: &[(Dimension, Vec<FacetCount>)],
    colors: Colors,
) -> Result<()> {
    for (dimension, counts) in facets {
        writeln!(out, "{}", colors.bold(dimension.name()))?;
        if counts.is_empty() {
            writeln!(out, "  (none)")?;
        }
        let mut region: Option<&str> = None;
        for count in counts {
            if *dimension == Dimension::Province {
                // Provinces come grouped by region: the region once, as a heading.
                let this_region = count.path[0].as_str();
                if region != Some(this_region) {
                    writeln!(out, "  {}", colors.dim(this_region))?;
                    region = Some(this_region);
                }
                writeln!(out, "    {:>5}  {}", count.count, count.value)?;
                continue;
            }
            let indent = "  ".repeat(count.path.len().max(1));
            let label = match dimension {
                Dimension::Resolution => count.path.join(" / "),
                _ => count.value.clone(),
            };
            writeln!(out, "{indent}{:>5}  {label}", count.count)?;
        }
    }
    Ok(())
}
