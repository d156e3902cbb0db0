//! The regexes that find document mentions in text, and the text windows around a match that
//! the scan reads (the clause after a symbol, the words before a plenum).
//!
//! The kind vocabulary inside them ("nghị quyết", "NQ", "QĐi" ...) is the one of
//! `index_schema/document_kinds.tsv`; a unit test in `table.rs` checks that every code of that
//! table is matched.

use std::sync::OnceLock;

use regex::Regex;

/// A plenum number. ASCII word boundaries keep the regexes on the fast engines; "tư" ends in a
/// non-ASCII letter, so it checks the character after it instead.
const N: &str = r"(?:(?:\d{1,2}|(?-i:XV|XIV|XIII|XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)|mười\s+(?:một|hai|ba|bốn|lăm)|mười|nhất|hai|ba|bốn|năm|sáu|bảy|tám|chín)(?-u:\b)|tư(?:\s|$|[,.;:)]))";
const R: &str = r"(?:(?-i:XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V)|1[0-4]|[89])";

/// The regexes that find documents in text, compiled once.
pub struct Patterns {
    /// Number and Party-style symbol: "35-CT/TW", "04-CTr/TU".
    pub symbol: Regex,
    /// A Party document written state-style: "09/NQ-TW".
    pub state_style: Regex,
    /// A kind and bare numbers: "Chỉ thị 05", "Quy định số 293 và 294".
    pub bare: Regex,
    /// A kind and a plenum: "Nghị quyết Trung ương 4, 5".
    pub plenum_kind: Regex,
    /// A plenum meeting: "Hội nghị Trung ương 6, 7".
    pub plenum_meeting: Regex,
    /// The long form: "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng".
    pub plenum_long: Regex,
    /// The khóa list right after a plenum: "(khóa XI, XII)".
    pub khoa_after: Regex,
    /// Kinds named before a plenum meeting: "các nghị quyết, kết luận của".
    pub kinds_before: Regex,
    /// A national congress resolution: "Nghị quyết Đại hội XIII".
    pub congress: Regex,
    /// A date right after a symbol: ", ngày 26-4-2019".
    pub attached_date: Regex,
    /// A khóa in the clause after a symbol.
    pub khoa_in_tail: Regex,
    /// A central Party issuer in the clause after a bare number.
    pub central_issuer: Regex,
    /// Any other issuer (state, local, mass organisation): not a Party document.
    pub other_issuer: Regex,
    /// One number of a bare list.
    pub number: Regex,
}

/// The patterns, compiled on first use.
pub fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("reference regex");
        let nlist = format!(r"{N}(?:\s*(?:,|;|và)\s*{N})*");
        Patterns {
            symbol: r(r"(?i)(?-u:\b)(\d{1,4})\s*[-–]\s*(QĐNS|QĐi|QĐ|NQ|CT|KL|HD|CTr|KH|TB|CV)\s*/\s*([A-ZĐƯ][A-ZĐƯ.]*(?:-[A-ZĐ]+)?)"),
            state_style: r(r"(?i)(?-u:\b)(\d{1,4})\s*/\s*(NQ|CT|KL|QĐ)\s*-\s*(TW|TƯ)"),
            bare: r(r"(?i)(?-u:\b)(nghị quyết|chỉ thị|kết luận|quy định|quyết định)\s+(?:số\s+)?(\d{1,4}(?:\s*(?:,|và)\s*(?:số\s+)?\d{1,4}(?-u:\b))*)"),
            plenum_kind: r(&format!(
                r"(?i)(?-u:\b)(nghị quyết|kết luận|quy định|NQ|KL)\s*(?:của\s+)?(?:hội nghị\s+)?(?:BCH\s*)?(?:trung ương|T\.?W|T\.?Ư)\s*(?:đảng\s+)?(?:lần\s+thứ\s+)?({nlist})"
            )),
            plenum_meeting: r(&format!(
                r"(?i)(?-u:\b)hội nghị\s+(?:BCH\s*)?(?:trung ương|T\.?W|T\.?Ư)\s*(?:đảng\s+)?(?:lần\s+thứ\s+)?({nlist})"
            )),
            plenum_long: r(&format!(
                r"(?i)(?-u:\b)hội nghị\s+(?:lần\s+thứ\s+)?({nlist})\s*,?\s*(?:của\s+)?(?:ban chấp hành|BCH)\s*trung ương(?:\s+đảng)?(?:\s+cộng sản việt nam)?"
            )),
            khoa_after: r(&format!(
                r"(?i)^\s*[,(]?\s*\(?\s*khóa\s+({R}(?-u:\b)(?:\s*(?:,|;|và)\s*(?:khóa\s+)?{R}(?-u:\b))*)"
            )),
            kinds_before: r(r"(?i)((?:nghị quyết|kết luận|quy định)(?:\s*(?:,|và)\s*(?:nghị quyết|kết luận|quy định))*)\s*(?:của\s+)?(?:các\s+)?$"),
            congress: r(r"(?i)(?-u:\b)nghị quyết\s+(?:của\s+)?đại hội\s+(?:đại biểu\s+)?(?:đảng\s+)?(?:đại biểu\s+)?(?:toàn quốc\s+)?(?:lần\s+thứ\s+)?((?-i:XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II))(?-u:\b)"),
            attached_date: r(r"^\s*,?\s*(?:ban hành\s+)?(?:ngày\s+)?(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})"),
            khoa_in_tail: r(&format!(r"(?i)khóa\s+({R})(?-u:\b)")),
            central_issuer: r(r"(?i)(?:của|do)\s+(?:(Ban Tổ chức Trung ương|BTCTW)|Bộ Chính trị|BCT(?-u:\b)|Ban Bí thư|BBT(?-u:\b)|Ban Chấp hành Trung ương|BCH\s*T[WƯ]|Trung ương|T\.?[WƯ](?-u:\b))"),
            other_issuer: r(r"(?i)(?:của|do)\s+(?:các\s+)?(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban|UBND|UBTVQH|HĐND|Hội đồng|Quân ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Đảng ủy|Ban Thường vụ|BTV|Đoàn|Công đoàn|MTTQ|Mặt trận|Bộ\s+(?:trưởng|Công an|Quốc phòng|Nội vụ|Tài chính|Y tế|Giáo dục))"),
            number: r(r"\d{1,4}"),
        }
    })
}

/// The clause after a reference: up to `max` bytes, cut at a sentence or clause end.
pub fn clause_after(text: &str, from: usize, max: usize) -> &str {
    let mut end = (from + max).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let tail = &text[from..end];
    let cut = tail.find(['.', ';', '\n', '!', '?']).unwrap_or(tail.len());
    &tail[..cut]
}

/// The text before `to`, up to `max` bytes.
pub fn window_before(text: &str, to: usize, max: usize) -> &str {
    let mut start = to.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..to]
}
