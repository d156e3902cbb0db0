//! Snippets: the passages of the cleaned body that best show why a document matched, cut at
//! syllable boundaries, with the matched syllables marked (also where they matched only through
//! folding: "nghi quyet" marks "Nghị quyết").

use serde::Serialize;

use crate::text::syllables::for_each_folded;

/// Syllables in one snippet window (about 150–200 characters of Vietnamese).
const WINDOW: usize = 32;
/// Bodies longer than this are scanned only this far for passages, so a 50 MB article still
/// answers in milliseconds.
const MAX_SCAN_BYTES: usize = 1 << 20;

/// One passage, with highlight ranges in characters of `text`, end exclusive.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Score of the window starting at syllable `start`: distinct terms count most, then
/// neighbouring matches in query order, then plain matches.
fn window_score(matches: &[Option<usize>], start: usize) -> usize {
    let end = (start + WINDOW).min(matches.len());
    let mut distinct = Vec::new();
    let mut hits = 0;
    let mut adjacent = 0;
    for i in start..end {
        if let Some(term) = matches[i] {
            hits += 1;
            if !distinct.contains(&term) {
                distinct.push(term);
            }
            if i > start && matches[i - 1].is_some_and(|prev| prev + 1 == term) {
                adjacent += 1;
            }
        }
    }
    distinct.len() * 100 + adjacent * 30 + hits
}

/// Up to `max` snippets of `body` for the folded query `terms`; the opening of the body when
/// nothing in it matches (a title-only match).
pub fn snippets(body: &str, terms: &[String], max: usize) -> Vec<Snippet> {
    if body.is_empty() || max == 0 {
        return Vec::new();
    }
    let scanned = &body[..floor_char_boundary(body, MAX_SCAN_BYTES)];
    let mut syllables: Vec<Span> = Vec::new();
    let mut matches: Vec<Option<usize>> = Vec::new();
    for_each_folded(scanned, |start, end, folded| {
        syllables.push(Span { start, end });
        matches.push(terms.iter().position(|t| t == folded));
    });
    if syllables.is_empty() {
        return Vec::new();
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let last_start = syllables.len().saturating_sub(WINDOW);
    for start in 0..=last_start {
        if matches[start].is_none() && start != 0 {
            continue;
        }
        // Start a little before the first match so it has context.
        let from = start.saturating_sub(4);
        candidates.push((window_score(&matches, from), from));
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = candidates.first().map_or(0, |c| c.0);
    let mut chosen: Vec<usize> = Vec::new();
    for &(score, from) in &candidates {
        if chosen.len() == max {
            break;
        }
        let overlaps = chosen
            .iter()
            .any(|&c| from < c + WINDOW && c < from + WINDOW);
        let worthwhile = chosen.is_empty() || (score >= 100 && score * 2 >= best);
        if !overlaps && worthwhile {
            chosen.push(from);
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|from| render(body, &syllables, &matches, from))
        .collect()
}

/// Where a syllable lies in the body.
struct Span {
    start: usize,
    end: usize,
}

fn render(body: &str, syllables: &[Span], matches: &[Option<usize>], from: usize) -> Snippet {
    let to = (from + WINDOW).min(syllables.len());
    let start = syllables[from].start;
    let mut end = syllables[to - 1].end;
    // Keep closing punctuation that belongs to the last syllable.
    let rest = &body[end..];
    let trailing: usize = rest
        .chars()
        .take_while(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '…'))
        .map(char::len_utf8)
        .sum();
    end += trailing;
    let mut text = String::new();
    let mut highlights: Vec<[usize; 2]> = Vec::new();
    let at_start = body[..start].trim().is_empty() || body[..start].ends_with('\n');
    if !at_start {
        text.push('…');
    }
    let mut cursor = start;
    let mut chars_so_far = text.chars().count();
    for i in from..to {
        let s = &syllables[i];
        let gap = flatten(&body[cursor..s.start]);
        chars_so_far += gap.chars().count();
        text.push_str(&gap);
        let word = &body[s.start..s.end];
        let len = word.chars().count();
        if matches[i].is_some() {
            // Merge with a highlight that ends right before (one space apart).
            match highlights.last_mut() {
                Some([_, e]) if *e + 1 == chars_so_far && gap == " " => *e = chars_so_far + len,
                _ => highlights.push([chars_so_far, chars_so_far + len]),
            }
        }
        text.push_str(word);
        chars_so_far += len;
        cursor = s.end;
    }
    text.push_str(&flatten(&body[cursor..end]));
    if end < body.len() && !body[end..].trim().is_empty() {
        text.push('…');
    }
    Snippet { text, highlights }
}

/// Line breaks and runs of spaces inside a passage read as one space.
fn flatten(gap: &str) -> String {
    if gap.chars().all(|c| c == ' ') && gap.len() <= 1 {
        return gap.to_owned();
    }
    let collapsed: String = gap.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = gap.starts_with(char::is_whitespace);
    let trail = gap.ends_with(char::is_whitespace) && !collapsed.is_empty();
    let mut out = String::new();
    if lead {
        out.push(' ');
    }
    out.push_str(&collapsed);
    if trail {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighted(s: &Snippet) -> Vec<String> {
        let chars: Vec<char> = s.text.chars().collect();
        s.highlights
            .iter()
            .map(|[a, b]| chars[*a..*b].iter().collect())
            .collect()
    }

    #[test]
    fn folded_query_highlights_accented_text() {
        let body = "Mở đầu bài viết. Các đơn vị thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.";
        let terms: Vec<String> = ["nghi", "quyet", "trung", "uong", "4"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let snippets = snippets(body, &terms, 3);
        assert_eq!(snippets.len(), 1);
        assert_eq!(highlighted(&snippets[0]), ["Nghị quyết Trung ương 4"]);
        assert!(!snippets[0].text.starts_with('…'));
    }

    #[test]
    fn long_bodies_are_cut_with_ellipses_at_syllable_boundaries() {
        let filler = "câu văn dài ".repeat(60);
        let body = format!("{filler}tinh giản biên chế {filler}");
        let terms: Vec<String> = ["tinh", "gian", "bien", "che"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let s = &snippets(&body, &terms, 3)[0];
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(highlighted(s), ["tinh giản biên chế"]);
        for word in s.text.trim_matches('…').split(' ') {
            assert!(
                ["câu", "văn", "dài", "tinh", "giản", "biên", "chế"].contains(&word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn no_match_gives_the_opening() {
        let s = snippets("Đoạn mở đầu của bài.", &["khong".to_string()], 3);
        assert_eq!(s.len(), 1);
        assert!(s[0].highlights.is_empty());
        assert_eq!(s[0].text, "Đoạn mở đầu của bài.");
    }
}
