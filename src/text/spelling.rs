//! One word, several spellings: the i/y of an open syllable after a consonant.
//!
//! Vietnamese writes the vowel /i/ alone after an initial consonant either "i" or "y" (hy sinh /
//! hi sinh, kỹ thuật / kĩ thuật, lý do / lí do, tỷ đồng / tỉ đồng, quy định / qui định): the
//! old spelling writes "y" after h, k, l, m, s, t and qu, the 1980s school spelling "i", and
//! news uses both. The rule is here; which of its pairs are really one word is a fact checked
//! against the corpus and kept, with counts, in `index_schema/spelling.tsv` (`merge` rows are
//! one word, `apart` rows are different words that stay different: "mi" (sơ mi) is not the
//! name "My", and "tai"/"tay", "tui"/"tuy", "mai"/"may" differ in their vowel, not in a
//! spelling of /i/, so the rule never touches them).
//!
//! - The exact view (diacritics kept) writes every `merge` pair in its "y" form: a query typed
//!   "tỉ đồng" matches "tỷ đồng" as typed.
//! - The folded view writes every rule pair in its "y" form, `apart` ones too: text typed
//!   without marks has lost the tone that would tell them apart, and folding is there to widen
//!   recall ("mi thuat" must find "mĩ thuật" and "mỹ thuật" alike).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The table of i/y pairs: `i_form <TAB> y_form <TAB> articles_i <TAB> articles_y <TAB>
/// decision <TAB> note`, one header row.
pub const TABLE: &str = include_str!("../../index_schema/spelling.tsv");

/// Consonants after which Vietnamese spelling writes the vowel /i/ as "i" or "y".
pub const RULE_INITIALS: [&str; 7] = ["h", "k", "l", "m", "s", "t", "qu"];

/// "i" and "y" with each tone, in the same order (none, grave, acute, hook, tilde, dot).
const I_FORMS: [char; 6] = ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'];
const Y_FORMS: [char; 6] = ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'];

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub i_form: String,
    pub y_form: String,
    pub articles_i: u32,
    pub articles_y: u32,
    pub merge: bool,
    pub note: String,
}

/// The rows of `TABLE`.
pub fn pairs() -> &'static [Pair] {
    static PAIRS: OnceLock<Vec<Pair>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let cells: Vec<&str> = line.split('\t').collect();
                let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
                let count = |i: usize| cell(i).parse().expect("spelling.tsv: a count");
                Pair {
                    i_form: cell(0).to_owned(),
                    y_form: cell(1).to_owned(),
                    articles_i: count(2),
                    articles_y: count(3),
                    merge: match cell(4) {
                        "merge" => true,
                        "apart" => false,
                        other => panic!("spelling.tsv: decision {other:?}"),
                    },
                    note: cell(5).to_owned(),
                }
            })
            .collect()
    })
}

/// The i-forms that are written as their y-form in the exact view.
fn merges() -> &'static HashMap<&'static str, &'static str> {
    static MERGES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MERGES.get_or_init(|| {
        pairs()
            .iter()
            .filter(|p| p.merge)
            .map(|p| (p.i_form.as_str(), p.y_form.as_str()))
            .collect()
    })
}

/// The y-form of a rule syllable written with "i" (any tone), whether or not the table merges
/// it: `None` for every other syllable.
pub fn rule_y_form(syllable: &str) -> Option<String> {
    let last = syllable.chars().next_back()?;
    let tone = I_FORMS.iter().position(|&c| c == last)?;
    let initial = &syllable[..syllable.len() - last.len_utf8()];
    RULE_INITIALS
        .contains(&initial)
        .then(|| format!("{initial}{}", Y_FORMS[tone]))
}

/// The exact-view spelling of a lower-case syllable (tone already placed): a `merge` pair's
/// i-form becomes its y-form ("tỉ" → "tỷ", "qui" → "quy"); everything else is unchanged.
pub fn unify_spelling(syllable: &str) -> Cow<'_, str> {
    // The longest form is "qu" + a toned i (5 bytes); most syllables end in something else.
    if syllable.len() > 5 || !syllable.ends_with(I_FORMS) {
        return Cow::Borrowed(syllable);
    }
    match merges().get(syllable) {
        Some(y_form) => Cow::Owned((*y_form).to_owned()),
        None => Cow::Borrowed(syllable),
    }
}

/// The folded-view spelling of a folded lower-case syllable: every rule syllable ends in "y"
/// ("ti", "ty" → "ty"; "mi", "my" → "my").
pub fn unify_folded_spelling(folded: &mut String) {
    if folded.len() <= 3 && folded.ends_with('i') {
        let initial = &folded[..folded.len() - 1];
        if RULE_INITIALS.contains(&initial) {
            folded.pop();
            folded.push('y');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        let mut f = s.to_owned();
        unify_folded_spelling(&mut f);
        f
    }

    #[test]
    fn the_spellings_of_one_word_are_one_form() {
        let cases = [
            ("tỉ", "tỷ"),
            ("tỷ", "tỷ"),
            ("hi", "hy"),
            ("hy", "hy"),
            ("lí", "lý"),
            ("kĩ", "kỹ"),
            ("kỉ", "kỷ"),
            ("kì", "kỳ"),
            ("kí", "ký"),
            ("kị", "kỵ"),
            ("sĩ", "sỹ"),
            ("mĩ", "mỹ"),
            ("mì", "mỳ"),
            ("mị", "mỵ"),
            ("qui", "quy"),
            ("quí", "quý"),
            ("quĩ", "quỹ"),
            ("quị", "quỵ"),
            ("ti", "ty"),
            ("li", "ly"),
            ("tị", "tỵ"),
            ("tí", "tý"),
            ("hỉ", "hỷ"),
        ];
        for (typed, canonical) in cases {
            assert_eq!(unify_spelling(typed), canonical, "{typed}");
        }
    }

    #[test]
    fn different_words_stay_apart() {
        // Kept apart by the table: "mi" (sơ mi, họa mi) is not the name "My".
        // Outside the rule: other consonants ("vi phạm" is not the name "Vy"; "thi" is not
        // "Thy"; "xi măng", "khóa XI"), vowels other than a lone /i/ (tai/tay, tui/tuy, mai/may),
        // a syllable with a final consonant, and /i/ with no consonant (ý kiến, ì ạch).
        for word in [
            "mi", "my", "vi", "vy", "vĩ", "vỹ", "thi", "thy", "xi", "xy", "ni", "ny", "di", "bi",
            "tai", "tay", "tui", "tuy", "mai", "may", "hai", "hay", "tin", "kịp", "ý", "ì", "y",
            "chi", "gì", "nghĩ", "khi", "phí", "quỳnh", "tỉnh",
        ] {
            assert!(
                matches!(unify_spelling(word), Cow::Borrowed(w) if w == word),
                "{word}"
            );
        }
    }

    #[test]
    fn the_folded_view_merges_every_rule_pair() {
        for (typed, canonical) in [
            ("ti", "ty"),
            ("ty", "ty"),
            ("mi", "my"),
            ("qui", "quy"),
            ("hi", "hy"),
            ("vi", "vi"),
            ("thi", "thi"),
            ("tai", "tai"),
            ("tui", "tui"),
            ("xi", "xi"),
            ("i", "i"),
            ("kit", "kit"),
        ] {
            assert_eq!(folded(typed), canonical, "{typed}");
        }
    }

    #[test]
    fn the_table_covers_every_pair_of_the_rule_and_only_those_merge() {
        let rows = pairs();
        for initial in RULE_INITIALS {
            for (i, y) in I_FORMS.iter().zip(Y_FORMS) {
                let i_form = format!("{initial}{i}");
                let row = rows.iter().find(|p| p.i_form == i_form);
                let row = row.unwrap_or_else(|| panic!("spelling.tsv has no row for {i_form}"));
                assert_eq!(row.y_form, format!("{initial}{y}"));
            }
        }
        for row in rows.iter().filter(|p| p.merge) {
            assert_eq!(
                rule_y_form(&row.i_form).as_deref(),
                Some(row.y_form.as_str()),
                "{row:?}: a merge must be a pair of the rule"
            );
        }
        for row in rows.iter().filter(|p| !p.merge) {
            assert!(!row.note.is_empty(), "{row:?}: say why it stays apart");
            assert_eq!(unify_spelling(&row.i_form), row.i_form.as_str());
        }
        let mut seen = std::collections::HashSet::new();
        assert!(
            rows.iter().all(|p| seen.insert(&p.i_form)),
            "one row a pair"
        );
    }
}
