//! The printer for people (colour or plain markers); scripts get `crate::api::json`.

use std::io::Write;

use anyhow::Result;

use super::color::Colors;
use crate::data::documents::roman;
use crate::extract::citations::known::KnownDocument;
use crate::search::facets::{Dimension, FacetCount};
use crate::search::snippet::Snippet;
use crate::search::Hit;

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

/// The one line a search prints for a document its query names.
pub fn document_line(d: &KnownDocument, articles: u64) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(symbol) = &d.symbol {
        parts.push(format!("{} số {symbol}", d.kind));
    } else {
        parts.push(d.kind.clone());
    }
    if let Some(issuer) = &d.issuer {
        parts.push(issuer.clone());
    }
    if let Some(t) = d.term {
        parts.push(format!("khóa {}", roman(t)));
    }
    if let Some(p) = d.plenum {
        parts.push(format!("Hội nghị Trung ương {p}"));
    }
    if let Some(date) = d.signed {
        parts.push(date.to_string());
    } else if let Some(year) = d.year {
        parts.push(year.to_string());
    }
    let mut line = format!("{}: {}", d.label, parts.join(", "));
    if let Some(title) = &d.title {
        line.push_str(&format!(" — {title}"));
    }
    line.push_str(&format!(
        " · cited by {articles} {}",
        if articles == 1 { "article" } else { "articles" }
    ));
    line
}
