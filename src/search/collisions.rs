//! The check that diacritics typed are meaning: phrases that fold alike and are both frequent
//! in the corpus ("dựa vào" / "đưa vào", counted by `bench/collisions.py` into
//! `tests/relevance/collisions.jsonl`). For each, the top 10 of the phrase typed as it is must
//! hold it as typed, read from the hits' own text, not from the index that ranked them.

use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::text::syllables::for_each_folded;
use crate::text::tantivy_analyzer::together;
use crate::text::{analyze, Syllable};

/// How many of the first hits must hold the phrase as typed.
pub const COLLISION_DEPTH: usize = 10;

/// One phrase of the check, as `bench/collisions.py` writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Collision {
    pub query: String,
    /// Articles of the corpus holding the phrase as typed.
    pub articles: usize,
}

/// Reads the check, one JSON object a line; a bad line is an error naming its number.
pub fn load_collisions(path: &Path) -> Result<Vec<Collision>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}: line {}", path.display(), n + 1))
        })
        .collect()
}

/// Whether a text holds the phrase as typed: its syllables in a row, not split by punctuation,
/// each syllable typed with marks with those marks and each one typed without any in any form.
pub fn holds_as_typed(text: &str, phrase: &[Syllable]) -> bool {
    if phrase.is_empty() {
        return false;
    }
    // The folded syllables of the text first (the cheap pass), the exact forms only where the
    // folded phrase is.
    let mut folded: Vec<(usize, usize, String)> = Vec::new();
    for_each_folded(text, |start, end, f| {
        folded.push((start, end, f.to_owned()))
    });
    let n = phrase.len();
    folded.windows(n).any(|window| {
        let joined = window.windows(2).all(|w| together(&text[w[0].1..w[1].0]));
        if !joined || window.iter().zip(phrase).any(|(t, p)| t.2 != p.folded) {
            return false;
        }
        let written = analyze(&text[window[0].0..window[n - 1].1]);
        written.len() == n
            && written
                .iter()
                .zip(phrase)
                .all(|(w, p)| !p.has_marks() || w.exact == p.exact)
    })
}

/// The check's outcome for one phrase.
#[derive(Debug, Clone, Serialize)]
pub struct CollisionScore {
    pub query: String,
    pub articles: usize,
    /// Ranks (from 1) among the first `COLLISION_DEPTH` hits that do not hold it as typed.
    pub misses: Vec<usize>,
    /// How many hits there were (at most `COLLISION_DEPTH`).
    pub hits: usize,
}

/// The check over the whole set.
#[derive(Debug, Clone, Serialize)]
pub struct CollisionReport {
    pub phrases: usize,
    /// Phrases whose first `COLLISION_DEPTH` hits all hold them as typed.
    pub held: usize,
    pub share: f64,
    /// The phrases that failed, with the ranks that did.
    pub failures: Vec<CollisionScore>,
}

/// Scores one phrase from the texts of its first hits, best first. A phrase that fewer articles
/// hold than the depth needs only that many.
pub fn score(collision: &Collision, texts: &[String]) -> CollisionScore {
    let phrase = analyze(&collision.query);
    let misses = texts
        .iter()
        .take(COLLISION_DEPTH)
        .enumerate()
        .filter(|(_, text)| !holds_as_typed(text, &phrase))
        .map(|(i, _)| i + 1)
        .collect();
    CollisionScore {
        query: collision.query.clone(),
        articles: collision.articles,
        misses,
        hits: texts.len().min(COLLISION_DEPTH),
    }
}

/// Whether the phrase's hits passed: all of the first `COLLISION_DEPTH` (or as many as the
/// articles that hold it) as typed.
pub fn passed(score: &CollisionScore) -> bool {
    let needed = score.articles.min(COLLISION_DEPTH);
    score.misses.iter().all(|&rank| rank > needed) && score.hits >= needed
}

/// Sums the phrases' scores.
pub fn report(scores: Vec<CollisionScore>) -> CollisionReport {
    let phrases = scores.len();
    let failures: Vec<CollisionScore> = scores.into_iter().filter(|s| !passed(s)).collect();
    let held = phrases - failures.len();
    CollisionReport {
        phrases,
        held,
        share: if phrases == 0 {
            1.0
        } else {
            held as f64 / phrases as f64
        },
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(text: &str, phrase: &str) -> bool {
        holds_as_typed(text, &analyze(phrase))
    }

    #[test]
    fn a_phrase_is_held_as_typed_only_with_its_marks_and_together() {
        assert!(holds("Chúng tôi dựa vào dân.", "dựa vào"));
        assert!(holds("DỰA VÀO dân", "dựa vào"), "case is no mark");
        assert!(
            holds("hoà bình", "hòa bình"),
            "tone placement is normalised"
        );
        assert!(!holds("Đưa vào sử dụng, dựa trên", "dựa vào"));
        assert!(!holds("dựa, vào", "dựa vào"), "punctuation splits");
        assert!(holds("sữa chua - sửa chữa", "sữa chua"));
        assert!(!holds("sửa chữa xe", "sữa chua"));
        // Typed without marks, a syllable matches any form.
        assert!(holds("Đưa vào sử dụng", "đưa vao"));
        assert!(!holds("", "dựa vào"));
    }

    #[test]
    fn a_phrase_passes_when_its_first_hits_hold_it() {
        let phrase = Collision {
            query: "dựa vào".into(),
            articles: 3,
        };
        let texts: Vec<String> = ["dựa vào", "cứ dựa vào", "dựa vào đâu", "đưa vào"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let scored = score(&phrase, &texts);
        assert_eq!(scored.misses, [4]);
        assert!(passed(&scored), "only three articles hold it");
        let more = Collision {
            articles: 10,
            ..phrase
        };
        let scored = score(&more, &texts);
        assert!(!passed(&scored));
        let summary = report(vec![score(&more, &texts), score(&more, &texts[..3])]);
        assert_eq!((summary.phrases, summary.held), (2, 0));
    }
}
