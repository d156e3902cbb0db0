//! Snippets: the passages of the cleaned body that best show why a document matched, cut at
//! syllable boundaries, with the matched syllables marked (also where they matched only through
//! folding: "nghi quyet" marks "Nghị quyết").

use serde::Serialize;

use crate::text::syllables::for_each_folded;

/// Syllables in one snippet window (about 150–200 characters of Vietnamese).
const WINDOW: usize = 32;
/// Bodies longer than this are cut into pieces of this size, and only the piece that holds the
/// most query terms is analysed, so a 50 MB article still answers quickly and shows its match.
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
    let (offset, scanned) = piece_to_scan(body, terms);
    let mut syllables: Vec<Span> = Vec::new();
    let mut matches: Vec<Option<usize>> = Vec::new();
    for_each_folded(scanned, |start, end, folded| {
        syllables.push(Span {
            start: start + offset,
            end: end + offset,
        });
        matches.push(terms.iter().position(|t| t == folded));
    });
    if syllables.is_empty() {
        return Vec::new();
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let last_start = syllables.len().saturating_sub(WINDOW);
    for start in 0..syllables.len() {
        if matches[start].is_none() && start != 0 {
            continue;
        }
        // Start a little before the first match so it has context; a match in the last
        // syllables still gets a full window, ending with the body.
        let from = start.saturating_sub(4).min(last_start);
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

/// Every syllable of `text` that is one of the folded query `terms`, as `[start, end)` ranges
/// in characters; neighbours one space apart are one range ("Nghị quyết" not "Nghị", "quyết").
pub fn mark_all(text: &str, terms: &[String]) -> Vec<[usize; 2]> {
    let mut ranges: Vec<[usize; 2]> = Vec::new();
    if terms.is_empty() {
        return ranges;
    }
    // Byte offsets from the syllable walk, turned into character offsets as we go.
    let mut chars_before = 0;
    let mut bytes_seen = 0;
    let mut last_end_byte = 0;
    for_each_folded(text, |start, end, folded| {
        if !terms.iter().any(|t| t == folded) {
            return;
        }
        chars_before += text[bytes_seen..start].chars().count();
        let len = text[start..end].chars().count();
        match ranges.last_mut() {
            Some([_, e]) if &text[last_end_byte..start] == " " => *e = chars_before + len,
            _ => ranges.push([chars_before, chars_before + len]),
        }
        chars_before += len;
        bytes_seen = end;
        last_end_byte = end;
    });
    ranges
}

/// The part of `body` to look for passages in: all of it when short, else the piece (cut at a
/// line break where there is one) whose folded text holds the most distinct terms, the first
/// piece when none holds any. Folding is much cheaper than analysing, so 50 MB are searched fast.
fn piece_to_scan<'a>(body: &'a str, terms: &[String]) -> (usize, &'a str) {
    if body.len() <= MAX_SCAN_BYTES {
        return (0, body);
    }
    let mut best: Option<(usize, usize, usize)> = None;
    let mut start = 0;
    while start < body.len() {
        let mut end = floor_char_boundary(body, start + MAX_SCAN_BYTES);
        if end < body.len() {
            if let Some(newline) = body[start..end].rfind('\n') {
                if newline > MAX_SCAN_BYTES / 2 {
                    end = start + newline + 1;
                }
            }
        }
        if end <= start {
            end = body.len();
        }
        let mut folded = crate::text::fold::fold(&body[start..end]);
        folded.make_ascii_lowercase();
        let found = terms.iter().filter(|t| folded.contains(t.as_str())).count();
        if best.is_none_or(|(most, _, _)| found > most) {
            best = Some((found, start, end));
        }
        if found == terms.len() {
            break;
        }
        start = end;
    }
    let (_, start, end) = best.unwrap_or((0, 0, body.len()));
    (start, &body[start..end])
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
    fn a_match_far_into_a_huge_body_is_shown() {
        let filler = "đoạn văn dài lặp lại nhiều lần.\n".repeat(100_000);
        let body = format!("{filler}Ở cuối có chiếc khinh khí cầu bay qua.\n{filler}");
        assert!(body.len() > 4 * MAX_SCAN_BYTES);
        let terms: Vec<String> = ["khinh", "khi", "cau"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let s = &snippets(&body, &terms, 3)[0];
        assert_eq!(highlighted(s), ["khinh khí cầu"]);
        let none = &snippets(&body, &["khong".to_string()], 3)[0];
        assert!(none.text.starts_with("đoạn văn dài"));
    }

    #[test]
    fn a_match_in_the_last_words_is_shown() {
        let body = format!("{}cuối cùng là khinh khí cầu.", "đoạn văn dài ".repeat(60));
        let terms: Vec<String> = ["khinh", "khi", "cau"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let s = &snippets(&body, &terms, 3)[0];
        assert_eq!(highlighted(s), ["khinh khí cầu"]);
        assert!(s.text.ends_with("khinh khí cầu."), "{}", s.text);
    }

    #[test]
    fn whole_text_marks_merge_neighbours() {
        let text = "Hôm nay, Nghị quyết Trung ương 4 được học. Nghị quyết mới.";
        let terms: Vec<String> = ["nghi", "quyet", "trung", "uong", "4"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let ranges = mark_all(text, &terms);
        let chars: Vec<char> = text.chars().collect();
        let marked: Vec<String> = ranges
            .iter()
            .map(|[a, b]| chars[*a..*b].iter().collect())
            .collect();
        assert_eq!(marked, ["Nghị quyết Trung ương 4", "Nghị quyết"]);
        assert!(mark_all(text, &[]).is_empty());
    }

    #[test]
    fn no_match_gives_the_opening() {
        let s = snippets("Đoạn mở đầu của bài.", &["khong".to_string()], 3);
        assert_eq!(s.len(), 1);
        assert!(s[0].highlights.is_empty());
        assert_eq!(s[0].text, "Đoạn mở đầu của bài.");
    }
}
