//! From a scraped page or a JSON Lines record to an article: title, publisher, date line, URL and
//! a body without page chrome.

use crate::text::normalize::map_char;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::date::{parse_date_line, parse_published};
use crate::data::boilerplate::{key, Boilerplate};
use crate::model::Article;

/// Lines a title may be: longer ones are a first paragraph from a page without a headline.
const MAX_TITLE_CHARS: usize = 300;
/// How many non-empty lines at the top may hold chrome, publisher, title and date line.
const HEADER_LINES: usize = 8;

/// The fields of one JSON Lines record, as read.
#[derive(Debug, Default)]
pub struct RecordFields<'a> {
    /// `title`; when empty, the first line of the summary or body stands in.
    pub title: &'a str,
    /// `summary` (the sapo), indexed ahead of the body.
    pub summary: &'a str,
    /// `body` or `content`.
    pub body: &'a str,
    /// `url`, else a "Nguồn …: URL" line of the body.
    pub url: &'a str,
    /// `published`, in any of the forms `parse_published` reads.
    pub published: &'a str,
    /// `category`, a facet.
    pub category: &'a str,
    /// `author`, shown.
    pub author: &'a str,
}

/// Text fit for display and indexing: NFC, Ð→Đ, odd spaces and zero-width characters mended,
/// the few HTML entities that scrapers leave behind decoded. Tone placement is left as written.
pub fn display_form(text: &str) -> String {
    let decoded = if text.contains('&') {
        decode_entities(text)
    } else {
        text.to_owned()
    };
    if is_nfc_quick(decoded.chars()) == IsNormalized::Yes {
        decoded.chars().filter_map(map_char).collect()
    } else {
        decoded.nfc().filter_map(map_char).collect()
    }
}

fn decode_entities(text: &str) -> String {
    const ENTITIES: [(&str, &str); 7] = [
        ("&nbsp;", " "),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ];
    let mut out = text.to_owned();
    for (entity, replacement) in ENTITIES {
        if out.contains(entity) {
            out = out.replace(entity, replacement);
        }
    }
    out
}

/// Splits on LF, CRLF and lone CR alike.
fn split_lines(text: &str) -> Vec<&str> {
    text.split(['\n', '\r']).collect()
}

/// "Nguồn Nhân Dân: https://…" → ("Nhân Dân", "https://…").
fn source_line(line: &str) -> Option<(Option<String>, String)> {
    let trimmed = line.trim();
    // Lower-casing is per character, so the first five decide (bodies can be one long line).
    let head: String = trimmed.chars().take(5).collect();
    if !head.to_lowercase().starts_with("nguồn") {
        return None;
    }
    let at = trimmed.find("http")?;
    let url = trimmed[at..].split_whitespace().next()?.to_owned();
    let name = trimmed["Nguồn".len().min(at)..at]
        .trim()
        .trim_end_matches(':')
        .trim();
    let name = (!name.is_empty()).then(|| name.to_owned());
    Some((name, url))
}

/// Cleans body lines: footer cut, chrome dropped, a photo caption repeated on the next line
/// kept once, blank lines removed. Returns the body and any "Nguồn …: URL" line found.
fn clean_lines<'a>(
    lines: impl Iterator<Item = &'a str>,
) -> (String, Option<(Option<String>, String)>) {
    let table = Boilerplate::get();
    let mut kept: Vec<String> = Vec::new();
    // The previous line that reached the repeat check, and its key once computed: a line's full
    // key is only needed to compare it with a neighbour, and bodies are often one long line.
    let mut previous: Option<(String, Option<String>)> = None;
    let mut credit = None;
    for raw in lines {
        let line = display_form(raw);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (table_key, full) = table.comparable_key(line);
        if table.is_cut(&table_key) && !kept.is_empty() {
            break;
        }
        if table.is_dropped(&table_key) || table_key.is_empty() {
            continue;
        }
        if let Some(found) = source_line(line) {
            credit = Some(found);
            continue;
        }
        let line_key = if full { Some(table_key) } else { None };
        if let Some((previous_line, previous_key)) = &mut previous {
            let previous_key = previous_key.get_or_insert_with(|| key(previous_line));
            let line_key = line_key.unwrap_or_else(|| key(line));
            if line_key == *previous_key {
                continue;
            }
            previous = Some((line.to_owned(), Some(line_key)));
        } else {
            previous = Some((line.to_owned(), line_key));
        }
        kept.push(collapse_spaces(line));
    }
    (kept.join("\n"), credit)
}

fn collapse_spaces(line: &str) -> String {
    if !line.contains("  ") {
        return line.to_owned();
    }
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn short_title(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().take(20).collect();
    format!("{}…", words.join(" "))
}

/// Parses a raw scraped `.txt` page: among the first lines, skips chrome, takes a date line as
/// the header date and a publisher line ("Tỉnh uỷ Hoà Bình", "Báo Quảng Ninh") as the source,
/// and the first other line as the title; the rest, cleaned, is the body.
pub fn parse_raw_text(text: &str) -> Article {
    let table = Boilerplate::get();
    let lines = split_lines(text);
    let mut article = Article::default();
    let mut title: Option<String> = None;
    let mut body_start = lines.len();
    let mut seen = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = display_form(lines[i]);
        let line = line.trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            body_start = i;
            break;
        }
        let line_key = key(line);
        if title.is_none() {
            if table.is_chrome(&line_key) {
                i += 1;
                continue;
            }
            if let Some(date) = parse_date_line(line) {
                article.header_date.get_or_insert(date);
                i += 1;
                continue;
            }
            if article.source.is_none()
                && (table.is_source(&line_key) || table.is_publisher(line, &line_key))
                && next_is_title(&lines[i + 1..])
            {
                article.source = Some(collapse_spaces(line));
                i += 1;
                continue;
            }
            if line.chars().count() > MAX_TITLE_CHARS {
                title = Some(short_title(line));
                body_start = i;
                break;
            }
            title = Some(collapse_spaces(line));
            i += 1;
            continue;
        }
        if article.header_date.is_none() {
            if let Some(date) = parse_date_line(line) {
                article.header_date = Some(date);
                i += 1;
                continue;
            }
        }
        body_start = i;
        break;
    }
    let (body, credit) = clean_lines(lines[body_start.min(lines.len())..].iter().copied());
    article.title = title.unwrap_or_default();
    article.body = body;
    if let Some((name, url)) = credit {
        article.url = Some(url);
        if article.source.is_none() {
            article.source = name;
        }
    }
    article
}

/// A publisher line is only a publisher line when a short headline follows it.
fn next_is_title(rest: &[&str]) -> bool {
    rest.iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.split_whitespace().count() <= 40 && parse_date_line(l).is_none())
}

/// Builds an article from a JSON Lines record; the text fields are cleaned like a page's body.
pub fn from_record(record: &RecordFields<'_>) -> Article {
    let non_empty = |s: &str| {
        let t = s.trim();
        (!t.is_empty()).then(|| display_form(t))
    };
    let (summary, _) = clean_lines(split_lines(record.summary).into_iter());
    let (body, credit) = clean_lines(split_lines(record.body).into_iter());
    let mut title = non_empty(record.title)
        .map(|t| collapse_spaces(&t))
        .unwrap_or_default();
    if title.is_empty() {
        let first = summary.lines().chain(body.lines()).next().unwrap_or("");
        title = if first.chars().count() > 120 {
            short_title(first)
        } else {
            first.to_owned()
        };
    }
    Article {
        title,
        source: credit.as_ref().and_then(|(name, _)| name.clone()),
        url: non_empty(record.url).or(credit.map(|(_, url)| url)),
        header_date: None,
        published: parse_published(record.published),
        summary,
        body,
        category: non_empty(record.category),
        author: non_empty(record.author),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(prefix: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let entry = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap();
        std::fs::read_to_string(entry).unwrap()
    }

    #[test]
    fn seed_headers_are_read() {
        let a = parse_raw_text(&seed("004"));
        assert_eq!(
            a.title,
            "Bí thư Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh"
        );
        assert_eq!(a.source.as_deref(), Some("Tỉnh uỷ Hoà Bình"));
        assert_eq!(a.header_date.unwrap().to_string(), "2022-11-23");
        assert!(a.body.starts_with("Ngày 22/11, đồng chí Nguyễn Phi Long"));

        let a = parse_raw_text(&seed("002"));
        assert!(a
            .title
            .starts_with("Cụm thi đua số 5 Ngành Tổ chức xây dựng Đảng"));
        assert_eq!(a.header_date.unwrap().to_string(), "2019-07-28");
        assert!(a.body.starts_with("Ngày 26-7-2019, tại TP. Trà Vinh"));
        assert!(
            a.body.ends_with("Đinh Thành"),
            "footer cut: {:?}",
            &a.body[a.body.len() - 60..]
        );

        let a = parse_raw_text(&seed("003"));
        assert_eq!(a.header_date.unwrap().to_string(), "2023-06-23");
        assert!(!a.body.contains("captcha"));
        assert!(!a.body.contains("Phóng sự ảnh"));

        let a = parse_raw_text(&seed("000"));
        assert_eq!(
            a.url
                .as_deref()
                .map(|u| u.starts_with("https://nhandan.vn/")),
            Some(true)
        );
        assert_eq!(a.source.as_deref(), Some("Nhân Dân"));
        assert_eq!(
            a.body.matches("Quang cảnh hội nghị.").count(),
            1,
            "repeated caption kept once"
        );

        let a = parse_raw_text(&seed("001"));
        assert!(!a.body.contains("Phản hồi") && !a.body.contains("Các tin khác"));
        assert_eq!(a.title, "Thi đua làm tốt công tác tổ chức xây dựng Đảng");
    }

    /// Issue 12's second defect: a newspaper's own name above the headline is the publisher.
    #[test]
    fn newspaper_name_above_the_headline_is_the_source() {
        let a = parse_raw_text(
            "Báo Quảng Ninh\n\nQuảng Ninh: Nâng cao chất lượng sinh hoạt chi bộ\n\nNgày 5/3, Tỉnh ủy họp.",
        );
        assert_eq!(a.source.as_deref(), Some("Báo Quảng Ninh"));
        assert_eq!(a.title, "Quảng Ninh: Nâng cao chất lượng sinh hoạt chi bộ");
        assert_eq!(a.body, "Ngày 5/3, Tỉnh ủy họp.");
        for publisher in [
            "Tạp chí Cộng sản",
            "Cổng thông tin điện tử tỉnh Quảng Ninh",
            "Đài Phát thanh và Truyền hình Hòa Bình",
        ] {
            let a = parse_raw_text(&format!("{publisher}\nTiêu đề bài viết\nNội dung."));
            assert_eq!(
                (a.source.as_deref(), a.title.as_str()),
                (Some(publisher), "Tiêu đề bài viết")
            );
        }
        // A headline that starts like a publisher is still the title.
        let a = parse_raw_text("Báo cáo kết quả công tác\n\nNội dung ngắn.");
        assert_eq!(
            (a.source, a.title.as_str()),
            (None, "Báo cáo kết quả công tác")
        );
    }

    #[test]
    fn messy_characters_are_mended_for_display() {
        assert_eq!(
            display_form("Ðảng\u{00A0}viên &quot;A&quot;"),
            "Đảng viên \"A\""
        );
        assert_eq!(display_form("ho\u{0300}a"), "hòa");
    }

    #[test]
    fn line_ends_of_every_kind_split() {
        let a = parse_raw_text("Tiêu đề\r\n\r\nĐoạn một.\rĐoạn hai.\n");
        assert_eq!(a.title, "Tiêu đề");
        assert_eq!(a.body, "Đoạn một.\nĐoạn hai.");
    }

    #[test]
    fn records_without_title_take_their_first_line() {
        let record = RecordFields {
            body: "Dòng đầu tiên.\nDòng thứ hai.",
            published: "2021-04-23",
            category: "society",
            ..Default::default()
        };
        let a = from_record(&record);
        assert_eq!(a.title, "Dòng đầu tiên.");
        assert_eq!(a.published.unwrap().to_string(), "2021-04-23");
        assert_eq!(a.category.as_deref(), Some("society"));
    }
}
