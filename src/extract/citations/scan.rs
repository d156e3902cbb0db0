//! One pass over an article's text: every Party document it names, as written, before any khóa
//! is inferred from the article date. The date step and the resolver both read this list, so
//! the text is scanned once.

use super::khoa::{split_numbers, term_of_date};
use super::patterns::{clause_after, patterns, window_before};
use super::state::{self, LawDoc, NumberMention, NumberedDoc, Read};
use super::table::{bare_code, is_local_issuer, kind_of_word, row_by_topic, topic};
use crate::data::documents::{documents, parse_roman};
use crate::model::Date;
use crate::text::fold;

/// A Party document as the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentMention {
    /// A numbered document ("Chỉ thị số 35-CT/TW", "Quy định 96 ... của Bộ Chính trị"), with
    /// the khóa the text states beside it ("khóa XII", or the term in office on an attached
    /// date). Local symbols (`/TU`) never carry one.
    Numbered {
        kind: &'static str,
        symbol: String,
        stated_term: Option<u32>,
        /// What the text says it is about ([`topic`]), to tell it from a table row of the
        /// same number: numbers restart every khóa, and the table is not complete.
        topic: Vec<String>,
    },
    /// A plenum document (kind, Hội nghị Trung ương number) and the khóa stated after it, if
    /// any ("Nghị quyết Trung ương 4 (khóa XI, XII)" is one mention with terms 11 and 12).
    Plenum {
        kind: &'static str,
        plenum: u32,
        terms: Vec<u32>,
        /// What the text says it is about, when it names no khóa: a title picks the khóa.
        topic: Vec<String>,
    },
    /// A national congress resolution of a khóa.
    Congress { term: u32 },
    /// A document of the State or of a local body, by number: its symbol read by the
    /// grammar of symbols, or a number with its kind and issuer ("Nghị quyết 35 của Chính
    /// phủ", "Chỉ thị 08 của Thành ủy").
    Document(NumberedDoc),
    /// A law, code or constitution by name and year.
    Law(LawDoc),
    /// A number with its kind and no issuer ("Nghị quyết 29"): listed by kind only, unless
    /// the article cites that kind and number with an issuer too.
    Bare { kind: &'static str, number: u32 },
}

/// Every Party document mention in `text` (already through `normalize_text`), in scan order.
pub fn scan(text: &str) -> Vec<DocumentMention> {
    let mut out = Vec::new();
    let symbol_spans = scan_symbols(text, &mut out);
    scan_numbers(text, &symbol_spans, &mut out);
    scan_plenums(text, &mut out);
    scan_congresses(text, &mut out);
    out.extend(
        state::named_laws(text)
            .into_iter()
            .map(DocumentMention::Law),
    );
    out
}

/// An explicit khóa in the clause after a reference, unless it belongs to something else
/// (another document, the National Assembly, a provincial congress).
fn explicit_khoa(tail: &str) -> Option<u32> {
    let p = patterns();
    let c = p.khoa_in_tail.captures(tail)?;
    let before = fold(&tail[..c.get(0)?.start()].to_lowercase());
    const OTHER: [&str; 10] = [
        "quoc hoi",
        "hdnd",
        "hoi dong",
        "dang bo",
        "nhiem ky",
        "nghi quyet",
        "chi thi",
        "ket luan",
        "quy dinh",
        "dai hoi",
    ];
    if OTHER.iter().any(|w| before.contains(w)) {
        return None;
    }
    parse_roman(&c[1])
}

fn attached_date(tail: &str) -> Option<Date> {
    let c = patterns().attached_date.captures(tail)?;
    Date::new(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

fn numbered(kind: &'static str, symbol: String, tail: &str) -> DocumentMention {
    let issuer = symbol.rsplit('/').next().unwrap_or("");
    let stated_term = if is_local_issuer(issuer) {
        None
    } else {
        explicit_khoa(tail).or_else(|| attached_date(tail).and_then(term_of_date))
    };
    DocumentMention::Numbered {
        kind,
        symbol,
        stated_term,
        topic: topic(tail),
    }
}

/// Every symbol the grammar of symbols reads and the issuer table knows (`35-CT/TW`,
/// `61/2017/NĐ-CP`, `29-CT/TU`). Returns the spans, so that a number inside one is not read
/// twice.
fn scan_symbols(text: &str, out: &mut Vec<DocumentMention>) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (read, start, end) in state::read_symbols(text) {
        spans.push((start, end));
        out.push(match read {
            Read::Party { kind, symbol } => numbered(kind, symbol, clause_after(text, end, 120)),
            Read::Numbered(doc) => DocumentMention::Document(doc),
            Read::Law(law) => DocumentMention::Law(law),
        });
    }
    spans
}

/// A kind and a number without symbol: "Chỉ thị 05 của Bộ Chính trị", "Quy định số 293 và
/// 294 của Ban Bí thư", "Nghị định 49 ngày 24/4/2017", "Nghị quyết 29".
fn scan_numbers(text: &str, symbol_spans: &[(usize, usize)], out: &mut Vec<DocumentMention>) {
    for mention in state::numbers(text, symbol_spans) {
        out.push(match mention {
            NumberMention::Party {
                kind,
                number,
                issuer,
                end,
                ..
            } => {
                let symbol = format!("{number:02}-{}/{}", bare_code(kind), issuer.code);
                numbered(kind, symbol, clause_after(text, end, 120))
            }
            NumberMention::Numbered(doc) => DocumentMention::Document(doc),
            NumberMention::Bare {
                kind,
                number,
                start,
                end,
            } => {
                let symbol = format!("{number:02}-{}/TW", bare_code(kind.name));
                let known: Vec<_> = documents()
                    .iter()
                    .filter(|r| r.kind == kind.name && r.symbol == symbol)
                    .collect();
                let tail = clause_after(text, end, 160);
                if known.len() == 1
                    && party_context(text, start, end)
                    && row_by_topic(&known, &topic(tail)).is_ok()
                {
                    numbered(kind.name, symbol, clause_after(text, end, 120))
                } else {
                    DocumentMention::Bare {
                        kind: kind.name,
                        number,
                    }
                }
            }
        });
    }
}

/// Whether the words around a bare number speak of the Party and not of the State ("chỉnh đốn
/// Đảng gắn với thực hiện Chỉ thị 05"): then the one Party document of that number in the
/// table is meant. Near "Chính phủ" or "Quốc hội" the number stays unresolved ("Nghị quyết 35"
/// of the Government is as common as the Party's).
fn party_context(text: &str, start: usize, end: usize) -> bool {
    let around = format!(
        "{} {}",
        window_before(text, start, 200),
        clause_after(text, end, 200)
    );
    let party = ["Đảng", "Trung ương", "Bộ Chính trị", "Ban Bí thư"]
        .iter()
        .any(|w| around.contains(w));
    let state = [
        "Chính phủ",
        "Thủ tướng",
        "Quốc hội",
        "UBND",
        "Bộ trưởng",
        "HĐND",
    ]
    .iter()
    .any(|w| around.contains(w));
    party && !state
}

/// Whether a plenum mention belongs to a foreign party ("Hội nghị Trung ương III của Đảng Cộng
/// sản Cuba").
fn foreign_party(tail: &str) -> bool {
    let t = fold(&tail.to_lowercase());
    let t = t.trim_start_matches([' ', ',', '(', ')']);
    let t = t.strip_prefix("cua ").unwrap_or(t);
    (t.starts_with("dang cong san") && !t.starts_with("dang cong san viet nam"))
        || t.starts_with("dang nhan dan")
}

/// Kinds named just before a "Hội nghị Trung ương" mention: "các nghị quyết, kết luận của".
fn kinds_before(text: &str, start: usize) -> Vec<&'static str> {
    let window = window_before(text, start, 60);
    let Some(c) = patterns().kinds_before.captures(window) else {
        return Vec::new();
    };
    let mut kinds: Vec<&'static str> = Vec::new();
    for part in c[1].split([',']).flat_map(|s| s.split(" và ")) {
        if let Some(k) = kind_of_word(part.trim()) {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
    }
    kinds
}

/// The plenum mentions of one match ending at `end`: each kind × each number, with the khóa
/// list that follows.
fn push_plenums(
    out: &mut Vec<DocumentMention>,
    text: &str,
    kinds: &[&'static str],
    numbers: &[u32],
    end: usize,
) {
    let p = patterns();
    let (terms, after) = match p.khoa_after.captures(&text[end..]) {
        Some(c) => {
            let terms: Vec<u32> = c[1]
                .split([',', ';'])
                .flat_map(|s| s.split(" và "))
                .filter_map(|s| {
                    let s = s.trim();
                    parse_roman(
                        s.strip_prefix("khóa")
                            .or(s.strip_prefix("Khóa"))
                            .unwrap_or(s),
                    )
                })
                .collect();
            (terms, end + c.get(0).map_or(0, |m| m.end()))
        }
        None => (Vec::new(), end),
    };
    if foreign_party(clause_after(text, after, 60)) {
        return;
    }
    // "năm" followed by a year is a date, not plenum five.
    if text[end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return;
    }
    for &kind in kinds {
        for &plenum in numbers {
            out.push(DocumentMention::Plenum {
                kind,
                plenum,
                terms: terms.clone(),
                topic: topic(clause_after(text, after, 160)),
            });
        }
    }
}

fn scan_plenums(text: &str, out: &mut Vec<DocumentMention>) {
    let p = patterns();
    for c in p.plenum_kind.captures_iter(text) {
        let Some(kind) = kind_of_word(&c[1]) else {
            continue;
        };
        let end = c.get(0).expect("match").end();
        push_plenums(out, text, &[kind], &split_numbers(&c[2]), end);
    }
    for re in [&p.plenum_meeting, &p.plenum_long] {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("match");
            let rest = fold(&clause_after(text, m.end(), 24).to_lowercase());
            let rest = rest.trim_start();
            if ["doan", "hoi ", "mttq", "mat tran", "cong doan"]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                continue;
            }
            let kinds = kinds_before(text, m.start());
            if kinds.is_empty() {
                continue;
            }
            push_plenums(out, text, &kinds, &split_numbers(&c[1]), m.end());
        }
    }
}

/// National congress resolutions (never "Đại hội Đảng bộ tỉnh").
fn scan_congresses(text: &str, out: &mut Vec<DocumentMention>) {
    for c in patterns().congress.captures_iter(text) {
        let m = c.get(0).expect("match");
        let tail = fold(&clause_after(text, m.end(), 40).to_lowercase());
        let tail = tail.trim_start_matches([' ', ',']);
        if tail.starts_with("cua dang bo") || tail.starts_with("dang bo") {
            continue;
        }
        if let Some(term) = parse_roman(&c[1]) {
            out.push(DocumentMention::Congress { term });
        }
    }
}
