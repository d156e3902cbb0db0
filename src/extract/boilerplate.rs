//! Page chrome recognised from the data table `index_schema/boilerplate.txt`.

use std::sync::OnceLock;

use crate::text::normalize_text;

pub(crate) const TABLE: &str = include_str!("../../index_schema/boilerplate.txt");

/// The sections of the boilerplate table, each entry stored in comparable (`key`) form.
#[derive(Debug, Default)]
pub struct Boilerplate {
    /// Bytes of the longest entry of any section.
    longest: usize,
    drop: Vec<String>,
    prefix: Vec<String>,
    cut: Vec<String>,
    chrome: Vec<String>,
    source: Vec<String>,
}

/// The comparable form of a line: normalised, lower-case, without decoration at the ends.
pub fn key(line: &str) -> String {
    let normalised = normalize_text(line).to_lowercase();
    normalised
        .trim()
        .trim_end_matches(['.', '…', ':', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Boilerplate {
    fn parse(table: &str) -> Self {
        let mut parsed = Boilerplate::default();
        let mut section: Option<&mut Vec<String>> = None;
        for raw in table.lines() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            section = match line {
                "[drop]" => Some(&mut parsed.drop),
                "[prefix]" => Some(&mut parsed.prefix),
                "[cut]" => Some(&mut parsed.cut),
                "[chrome]" => Some(&mut parsed.chrome),
                "[source]" => Some(&mut parsed.source),
                _ => {
                    if let Some(list) = section.as_mut() {
                        list.push(key(line));
                    }
                    section
                }
            };
        }
        parsed.longest = [
            &parsed.drop,
            &parsed.prefix,
            &parsed.cut,
            &parsed.chrome,
            &parsed.source,
        ]
        .iter()
        .flat_map(|section| section.iter().map(String::len))
        .max()
        .unwrap_or(0);
        parsed
    }

    /// A key of `line` that answers every table question (`is_cut`, `is_dropped`, `is_chrome`,
    /// `is_source`, emptiness) as its full `key` would, and whether it is that full key. A long
    /// line is keyed by its opening only: what comes after cannot matter to entries this short.
    pub fn comparable_key(&self, line: &str) -> (String, bool) {
        // Room for the entries, one word cut at the end, and characters normalisation drops.
        let opening_bytes = 4 * self.longest + 256;
        if line.len() <= 2 * opening_bytes {
            return (key(line), true);
        }
        let mut cut = opening_bytes;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let opening = key(&line[..cut]);
        // The last word may be cut in two (and normalised differently); the rest is the start
        // of the full key.
        let stable = opening.rfind(' ').map_or("", |space| &opening[..space]);
        if stable.len() > self.longest + 1 {
            (stable.to_owned(), false)
        } else {
            (key(line), true)
        }
    }

    pub fn get() -> &'static Boilerplate {
        static TABLE_PARSED: OnceLock<Boilerplate> = OnceLock::new();
        TABLE_PARSED.get_or_init(|| Boilerplate::parse(TABLE))
    }

    /// A line to remove wherever it stands.
    pub fn is_dropped(&self, line_key: &str) -> bool {
        self.drop.iter().any(|d| d == line_key)
            || self.prefix.iter().any(|p| line_key.starts_with(p.as_str()))
    }

    /// A line after which the page is footer.
    pub fn is_cut(&self, line_key: &str) -> bool {
        self.cut.iter().any(|c| c == line_key)
    }

    /// A section or controller name above the title.
    pub fn is_chrome(&self, line_key: &str) -> bool {
        self.chrome.iter().any(|c| c == line_key) || self.is_dropped(line_key)
    }

    /// A publisher line above the title ("Tỉnh uỷ Hoà Bình"): short and starting with a
    /// publisher word.
    pub fn is_source(&self, line_key: &str) -> bool {
        line_key.split_whitespace().count() <= 6
            && self
                .source
                .iter()
                .any(|s| line_key.starts_with(s.as_str()) && line_key[s.len()..].starts_with(' '))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_sections_are_read() {
        let table = Boilerplate::get();
        assert!(table.is_dropped(&key("captcha")));
        assert!(table.is_dropped(&key("Bình luận của bạn về bài viết...")));
        assert!(table.is_dropped(&key("Từ khóa: xây dựng Đảng")));
        assert!(table.is_cut(&key("Bài cùng chuyên mục")));
        assert!(table.is_cut(&key("Phản hồi")));
        assert!(table.is_chrome(&key("Thời sự - Chính trị")));
        assert!(table.is_source(&key("Tỉnh uỷ Hoà Bình")));
        assert!(!table.is_source(&key(
            "Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh về kết quả"
        )));
        assert!(!table.is_source(&key("Báo cáo")));
    }

    #[test]
    fn long_lines_answer_like_their_full_key() {
        let table = Boilerplate::get();
        let filler = "Nội dung bài viết về công tác xây dựng Đảng. ".repeat(80);
        for line in [
            format!("Từ khóa: {filler}"),
            format!("Bình luận của bạn về bài viết {filler}"),
            filler.clone(),
            format!("{}captcha", " ".repeat(5000)),
        ] {
            let (short, full) = table.comparable_key(&line);
            let whole = key(&line);
            assert_eq!(full, short == whole);
            assert!(whole.starts_with(&short));
            assert_eq!(
                table.is_dropped(&short),
                table.is_dropped(&whole),
                "{line:.40}"
            );
            assert_eq!(table.is_cut(&short), table.is_cut(&whole));
            assert_eq!(short.is_empty(), whole.is_empty());
        }
    }

    #[test]
    fn ordinary_lines_are_kept() {
        let table = Boilerplate::get();
        for line in [
            "Quang cảnh hội nghị.",
            "Phản hồi của cử tri rất tích cực",
            "Đinh Thành",
        ] {
            let k = key(line);
            assert!(!table.is_dropped(&k) && !table.is_cut(&k), "{line}");
        }
    }
}
