//! The way back from a folded syllable to the written ones: a pattern that matches every exact
//! form (canonical, lower case) folding to it. A syllable typed without marks in a query that
//! has marks elsewhere matches any of its forms ("dựa vao" holds "dựa vào" as typed), and the
//! exact views are looked up through this pattern.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use super::fold::fold_char;
use super::spelling::RULE_INITIALS;

/// Each base letter and the lower-case letters that fold to it ('a' → "aàáảãạăằắ…"), read off
/// the folding rule itself over the Latin blocks, so the two can never disagree.
fn letter_classes() -> &'static HashMap<char, String> {
    static CLASSES: OnceLock<HashMap<char, String>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut classes: HashMap<char, String> = HashMap::new();
        let latin = (0x61u32..=0x7A).chain(0xC0..=0x24F).chain(0x1E00..=0x1EFF);
        for c in latin.filter_map(char::from_u32) {
            if !c.is_lowercase() {
                continue;
            }
            let base = fold_char(c);
            if (base != c && base.is_ascii_lowercase()) || c.is_ascii_lowercase() {
                classes.entry(base).or_default().push(c);
            }
        }
        classes
    })
}

fn push_class(out: &mut String, letters: &str) {
    if letters.chars().count() == 1 {
        push_literal(out, letters.chars().next().expect("one letter"));
        return;
    }
    out.push('[');
    out.push_str(letters);
    out.push(']');
}

/// Writes a character so that a regular expression reads it literally.
pub fn push_literal(out: &mut String, c: char) {
    if c.is_alphanumeric() {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
}

/// A regular expression (whole-term, as tantivy's regex queries read it) for every exact form of
/// a folded syllable: each letter any of its marked forms, and the closing "y" of an i/y rule
/// syllable ("ty", "my", "quy") its "i" forms too, as the folded view joins them.
pub fn forms_pattern(folded: &str) -> String {
    let classes = letter_classes();
    let mut out = String::new();
    let rule_y = folded.len() <= 3
        && folded.ends_with('y')
        && RULE_INITIALS.contains(&&folded[..folded.len() - 1]);
    let last = folded.chars().count().saturating_sub(1);
    for (i, c) in folded.chars().enumerate() {
        match classes.get(&c) {
            Some(letters) if rule_y && i == last => {
                let mut both = letters.clone();
                both.push_str(&classes[&'i']);
                push_class(&mut out, &both);
            }
            Some(letters) => push_class(&mut out, letters),
            None => push_literal(&mut out, c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn matches(pattern: &str, word: &str) -> bool {
        regex::Regex::new(&format!("^(?:{pattern})$"))
            .unwrap()
            .is_match(word)
    }

    #[test]
    fn every_written_form_and_nothing_else_matches() {
        let pattern = forms_pattern("vao");
        for word in ["vào", "vao", "váo", "vạo", "vão", "vảo", "vâo"] {
            assert!(matches(&pattern, word), "{word}");
        }
        for word in ["vai", "vào2", "bao", "vaoo"] {
            assert!(!matches(&pattern, word), "{word}");
        }
        let pattern = forms_pattern("dua");
        for word in ["đưa", "dựa", "đua", "dua", "dứa"] {
            assert!(matches(&pattern, word), "{word}");
        }
    }

    #[test]
    fn the_pattern_agrees_with_the_analysis() {
        // Each exact form must match the pattern of its own folded form.
        let text = "Tỉnh uỷ Hoà Bình quán triệt Nghị quyết; tỉ đồng, tỷ đồng, kĩ thuật, quí, \
                    hi sinh, Ðảng, mỹ thuật, tai, tay, 20.777 người";
        for s in analyze(text) {
            assert!(
                matches(&forms_pattern(&s.folded), &s.exact),
                "{} ~ {}",
                s.exact,
                s.folded
            );
        }
        // The i/y rule joins only rule syllables: "tai" is not "tay".
        assert!(!matches(&forms_pattern("tay"), "tai"));
        assert!(matches(&forms_pattern("ty"), "tí"));
    }
}
