//! Page chrome and publisher lines, from the data table `index_schema/boilerplate.txt`: which
//! lines of a scraped page are not the article. The page parser (`crate::extract::article`)
//! asks these questions; the table answers them.

use std::sync::OnceLock;

use crate::text::normalize_text;

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
    publisher: Vec<String>,
}

/// How many words a newspaper, magazine, portal or broadcaster name line may have
/// ("Đài Phát thanh và Truyền hình tỉnh Quảng Ninh" has 9).
const PUBLISHER_MAX_WORDS: usize = 12;

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
                "[publisher]" => Some(&mut parsed.publisher),
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
            &parsed.publisher,
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

    /// The table, parsed once.
    pub fn get() -> &'static Boilerplate {
        static TABLE_PARSED: OnceLock<Boilerplate> = OnceLock::new();
        TABLE_PARSED.get_or_init(|| Boilerplate::parse(super::text("boilerplate.txt")))
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

    /// A newspaper, magazine, portal or broadcaster name ("Báo Quảng Ninh", "Tạp chí Cộng sản",
    /// "Cổng thông tin điện tử tỉnh Quảng Ninh"): a `[publisher]` entry followed by a proper
    /// name, i.e. a capitalised word, optionally after an administrative unit word ("tỉnh").
    /// `line` is the line as written (capitals decide: "Báo cáo" is a report, not a paper) and
    /// `line_key` its `key`.
    pub fn is_publisher(&self, line: &str, line_key: &str) -> bool {
        const UNIT_WORDS: [&str; 3] = ["tỉnh", "thành phố", "huyện"];
        let words = line_key.split_whitespace().count();
        if words > PUBLISHER_MAX_WORDS || line.trim_end().ends_with(['.', ':', ',', ';', '?', '!'])
        {
            return false;
        }
        let written: Vec<&str> = line.split_whitespace().collect();
        self.publisher.iter().any(|entry| {
            let Some(rest) = line_key.strip_prefix(entry.as_str()) else {
                return false;
            };
            if !rest.starts_with(' ') {
                return false;
            }
            let mut after = entry.split_whitespace().count();
            let rest = rest.trim_start();
            if let Some(unit) = UNIT_WORDS
                .iter()
                .find(|u| rest.strip_prefix(**u).is_some_and(|r| r.starts_with(' ')))
            {
                after += unit.split_whitespace().count();
            }
            written
                .get(after)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        })
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
    fn publisher_names_need_a_proper_name() {
        let table = Boilerplate::get();
        let yes = |line: &str| table.is_publisher(line, &key(line));
        for line in [
            "Báo Quảng Ninh",
            "Báo Nhân Dân",
            "Tạp chí Cộng sản",
            "Cổng thông tin điện tử tỉnh Quảng Ninh",
            "Cổng thông tin điện tử Chính phủ",
            "Đài Phát thanh và Truyền hình Quảng Ninh",
            "Đài Phát thanh và Truyền hình tỉnh Hòa Bình",
        ] {
            assert!(yes(line), "{line}");
        }
        for line in [
            "Báo cáo kết quả công tác",
            "Báo chí cách mạng",
            "Tạp chí in",
            "Báo",
            "Báo Quảng Ninh:",
            "Báo Quảng Ninh tổ chức hội nghị tổng kết công tác năm với nhiều đổi mới quan trọng",
        ] {
            assert!(!yes(line), "{line}");
        }
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
