//! The tables behind the person extractor: offices and their normalised roles
//! (`roles.tsv`), family names (`surnames.txt`) and the words around and inside names
//! (`person_words.txt`). The rules that use them are in `crate::extract::people`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{lines, rows, sections, split_list};

/// Words of a table entry as the extractor compares them: lower case, split at anything that
/// is not a letter or digit ("GS.TS" → "gs", "ts"; "đ/c" → "đ", "c").
pub fn entry_words(entry: &str) -> Vec<String> {
    entry
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// One row of `roles.tsv`.
#[derive(Debug)]
pub struct RoleRow {
    /// The title's words, lower case.
    pub title: Vec<String>,
    /// Alternatives the body must start with (lower-case words); empty: any body.
    pub body_starts: Vec<Vec<String>>,
    /// The normalised role.
    pub role: &'static str,
    /// A seat on a committee rather than an office.
    pub membership: bool,
}

/// Every people table, parsed.
#[derive(Debug)]
pub struct PeopleTables {
    pub roles: Vec<RoleRow>,
    /// Row indices of `roles` by the first word of their title, in table order.
    pub roles_by_first_word: HashMap<String, Vec<usize>>,
    pub surnames: HashSet<&'static str>,
    pub honorifics: Vec<Vec<String>>,
    pub role_prefixes: Vec<Vec<String>>,
    pub body_words: HashSet<String>,
    pub admin_units: Vec<Vec<String>>,
    /// Lower case: words after which a capitalised run names a street, a school, a temple.
    pub before_place: HashSet<String>,
    /// Case-sensitive, as written ("Huyện ủy").
    pub local_committees: Vec<Vec<&'static str>>,
    /// Case-sensitive.
    pub not_in_name: HashSet<&'static str>,
    /// Case-sensitive: capitalised words a body never runs on into.
    pub sentence_words: HashSet<&'static str>,
    /// Case-sensitive: syllables that never end a name.
    pub middle_names: HashSet<&'static str>,
    /// Case-sensitive word sequences.
    pub not_a_name: Vec<Vec<&'static str>>,
    /// Indices into `not_a_name` by the phrase's first word.
    pub not_a_name_by_first: HashMap<&'static str, Vec<usize>>,
}

/// The parsed tables, built on first use.
///
/// # Panics
/// On a malformed row: the tables are compiled in, so every test that extracts people catches it.
pub fn tables() -> &'static PeopleTables {
    static TABLES: OnceLock<PeopleTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut roles = Vec::new();
        for row in rows("roles.tsv") {
            let [title, body_starts, role, kind] = row[..] else {
                panic!("roles.tsv: a row needs 4 cells: {row:?}");
            };
            assert!(
                matches!(kind, "office" | "membership"),
                "roles.tsv: kind {kind:?} is neither office nor membership"
            );
            roles.push(RoleRow {
                title: entry_words(title),
                body_starts: split_list(body_starts).map(entry_words).collect(),
                role,
                membership: kind == "membership",
            });
        }
        let mut roles_by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in roles.iter().enumerate() {
            roles_by_first_word
                .entry(row.title[0].clone())
                .or_default()
                .push(i);
        }
        let mut words = sections("person_words.txt");
        let mut take = |name: &str| {
            words
                .iter_mut()
                .find(|(s, _)| *s == name)
                .map(|(_, entries)| std::mem::take(entries))
                .unwrap_or_else(|| panic!("person_words.txt: no [{name}] section"))
        };
        let as_words = |entries: Vec<&'static str>| -> Vec<Vec<String>> {
            entries.into_iter().map(entry_words).collect()
        };
        let honorifics = as_words(take("honorific"));
        let role_prefixes = as_words(take("role_prefix"));
        let body_words = take("body_word")
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let admin_units = as_words(take("admin_unit"));
        let before_place = take("before_place")
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        let local_committees = take("local_committee")
            .into_iter()
            .map(|e| e.split_whitespace().collect())
            .collect();
        let not_in_name = take("not_in_name").into_iter().collect();
        let sentence_words = take("sentence_word").into_iter().collect();
        let middle_names = take("middle_name").into_iter().collect();
        let not_a_name = take("not_a_name")
            .into_iter()
            .map(|e| e.split_whitespace().collect())
            .collect::<Vec<Vec<&'static str>>>();
        let mut not_a_name_by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, phrase) in not_a_name.iter().enumerate() {
            if let Some(first) = phrase.first() {
                not_a_name_by_first.entry(first).or_default().push(i);
            }
        }
        PeopleTables {
            roles,
            roles_by_first_word,
            surnames: lines("surnames.txt").map(str::trim).collect(),
            honorifics,
            role_prefixes,
            body_words,
            admin_units,
            before_place,
            local_committees,
            not_in_name,
            sentence_words,
            middle_names,
            not_a_name,
            not_a_name_by_first,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_parse() {
        let t = tables();
        assert!(t.surnames.contains("Nguyễn") && t.surnames.contains("Thích"));
        let chairs: Vec<&str> = t.roles_by_first_word["chủ"]
            .iter()
            .map(|&i| t.roles[i].role)
            .collect();
        assert_eq!(chairs.first(), Some(&"Chủ tịch UBND"));
        assert!(t.roles.iter().any(|r| r.membership && r.role == "Ủy viên"));
        assert!(t
            .honorifics
            .contains(&vec!["gs".to_owned(), "ts".to_owned()]));
        assert!(t.not_a_name.contains(&vec!["Hàn", "Quốc"]));
        assert!(
            !t.not_in_name.contains("Thị"),
            "Thị is the commonest middle name"
        );
    }

    #[test]
    fn entry_words_split_at_punctuation() {
        assert_eq!(entry_words("GS.TS"), ["gs", "ts"]);
        assert_eq!(entry_words("Phó Bí thư"), ["phó", "bí", "thư"]);
        assert_eq!(entry_words("TP."), ["tp"]);
    }
}
