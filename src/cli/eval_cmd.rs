//! `vnsearch eval`: runs a judged query set through the index and prints nDCG@10, MRR and
//! recall@100 per query kind and overall, beside any peer system's run scored the same way.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::args::{Cli, EvalArgs};
use super::exit::EXIT_FOUND;
use crate::search::collisions::{
    load_collisions, report, score, Collision, CollisionReport, COLLISION_DEPTH,
};
use crate::search::eval::{
    evaluate, format_run, load_queries, load_run, JudgedQuery, Run, Summary, SystemReport,
    NDCG_DEPTH, OVERLAP_DEPTH, RECALL_DEPTH,
};
use crate::search::{Engine, SearchRequest};

fn vnsearch_run(engine: &Engine, queries: &[JudgedQuery]) -> Result<Run> {
    let mut run = Run::new();
    for query in queries {
        let request = SearchRequest {
            query: query.query.clone(),
            limit: RECALL_DEPTH,
            snippets: 0,
            ..SearchRequest::default()
        };
        let response = engine.search(&request)?;
        run.insert(
            query.id.clone(),
            response.hits.into_iter().map(|h| h.meta.id).collect(),
        );
    }
    Ok(run)
}

/// Each phrase of the collision check typed as it is: the texts (title and body) of its first
/// hits, scored by what they hold.
fn collision_check(engine: &Engine, collisions: &[Collision]) -> Result<CollisionReport> {
    let mut scores = Vec::with_capacity(collisions.len());
    for collision in collisions {
        let request = SearchRequest {
            query: collision.query.clone(),
            limit: COLLISION_DEPTH,
            snippets: 0,
            ..SearchRequest::default()
        };
        let mut texts = Vec::new();
        for hit in engine.search(&request)?.hits {
            let body = engine
                .document(&hit.meta.key)?
                .map_or_else(String::new, |(_, body, _)| body);
            texts.push(format!("{}\n{body}", hit.meta.title));
        }
        scores.push(score(collision, &texts));
    }
    Ok(report(scores))
}

fn peer_name(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "peer".to_owned(), |s| s.to_string_lossy().into_owned())
}

pub fn run(cli: &Cli, args: &EvalArgs) -> Result<i32> {
    let queries = load_queries(&args.queries)?;
    let engine = cli.engine()?;
    let ours = vnsearch_run(&engine, &queries)?;
    if let Some(path) = &args.write_run {
        std::fs::write(path, format_run(&queries, &ours, "vnsearch"))?;
    }
    let mut reports = vec![evaluate("vnsearch", &queries, &ours)];
    for path in &args.peer_run {
        reports.push(evaluate(&peer_name(path), &queries, &load_run(path)?));
    }
    let collisions = match &args.collisions {
        Some(path) => Some(collision_check(&engine, &load_collisions(path)?)?),
        None => None,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut value = json!({
            "queries": queries.len(),
            "ndcg_depth": NDCG_DEPTH,
            "recall_depth": RECALL_DEPTH,
            "systems": reports,
        });
        if let Some(collisions) = &collisions {
            value["collisions"] = serde_json::to_value(collisions)?;
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        write_table(&mut out, &reports)?;
        if let Some(c) = &collisions {
            writeln!(
                out,
                "vnsearch: {}/{} phrases that fold alike hold their top {COLLISION_DEPTH} as typed ({:.1}%)",
                c.held,
                c.phrases,
                c.share * 100.0
            )?;
        }
    }
    Ok(EXIT_FOUND)
}

fn write_table(out: &mut impl Write, reports: &[SystemReport]) -> Result<()> {
    let names: Vec<&str> = reports.iter().map(|r| r.system.as_str()).collect();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0).max(6) + 2;
    let group = width * names.len();
    let title = format!(
        "{:<14}{:>8}  {:<group$}{:<group$}{:<group$}",
        "",
        "",
        format!("nDCG@{NDCG_DEPTH}"),
        "MRR",
        format!("recall@{RECALL_DEPTH}"),
    );
    writeln!(out, "{}", title.trim_end())?;
    let mut header = format!("{:<14}{:>8}  ", "kind", "queries");
    for _ in 0..3 {
        for name in &names {
            header.push_str(&format!("{name:<width$}"));
        }
    }
    writeln!(out, "{}", header.trim_end())?;
    let mut kinds: Vec<&String> = reports[0].by_kind.keys().collect();
    kinds.sort_by_key(|k| variant_order(k));
    let rows = kinds
        .into_iter()
        .map(|k| (k.as_str(), reports.iter().map(|r| &r.by_kind[k]).collect()))
        .chain(std::iter::once((
            "all",
            reports
                .iter()
                .map(|r| &r.overall)
                .collect::<Vec<&Summary>>(),
        )));
    for (kind, summaries) in rows {
        let mut line = format!("{kind:<14}{:>8}  ", summaries[0].queries);
        for metric in [
            |s: &Summary| s.ndcg,
            |s: &Summary| s.mrr,
            |s: &Summary| s.recall,
        ] {
            for s in &summaries {
                line.push_str(&format!("{:<width$.3}", metric(s)));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    for report in reports {
        if let Some(overlap) = report.unaccented_overlap {
            writeln!(
                out,
                "{}: queries without diacritics return {:.1}% of the accented query's top {OVERLAP_DEPTH}",
                report.system,
                overlap * 100.0
            )?;
        }
    }
    Ok(())
}

/// Base kinds first, then the variants of a base query.
fn variant_order(kind: &str) -> (bool, &str) {
    let variant = matches!(kind, "unaccented" | "lowercase" | "old-tone");
    (variant, kind)
}
