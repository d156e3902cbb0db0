//! One pass over an article's text: every Party document it names, as written, before any khóa
//! is inferred from the article date. The date step and the resolver both read this list, so
//! the text is scanned once.

use super::khoa::{split_numbers, term_of_date};
use super::patterns::{clause_after, patterns, window_before};
use super::table::{bare_code, is_central_issuer, is_local_issuer, kind_of_code, kind_of_word};
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
    },
    /// A plenum document (kind, Hội nghị Trung ương number) and the khóa stated after it, if
    /// any ("Nghị quyết Trung ương 4 (khóa XI, XII)" is one mention with terms 11 and 12).
    Plenum {
        kind: &'static str,
        plenum: u32,
        terms: Vec<u32>,
    },
    /// A national congress resolution of a khóa.
    Congress { term: u32 },
}

/// Every Party document mention in `text` (already through `normalize_text`), in scan order.
pub fn scan(text: &str) -> Vec<DocumentMention> {
    let mut out = Vec::new();
    let symbol_spans = scan_symbols(text, &mut out);
    scan_bare_numbers(text, &symbol_spans, &mut out);
    scan_plenums(text, &mut out);
    scan_congresses(text, &mut out);
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
    }
}

/// Number + symbol, Party style and Party documents written state-style. Returns the spans, so
/// that a bare-number match inside one is not counted twice.
fn scan_symbols(text: &str, out: &mut Vec<DocumentMention>) -> Vec<(usize, usize)> {
    let p = patterns();
    let mut spans = Vec::new();
    for c in p
        .symbol
        .captures_iter(text)
        .chain(p.state_style.captures_iter(text))
    {
        let m = c.get(0).expect("match");
        let issuer: String = c[3]
            .to_uppercase()
            .replace("T.Ư", "TW")
            .replace("TƯ", "TW")
            .replace('.', "");
        if !is_central_issuer(&issuer) && !is_local_issuer(&issuer) {
            continue;
        }
        let Some((code, kind)) = kind_of_code(&c[2]) else {
            continue;
        };
        let mut kind = kind.name;
        if code == "QĐ"
            && window_before(text, m.start(), 40)
                .to_lowercase()
                .contains("quyết định")
        {
            kind = "Quyết định";
        }
        let number: u32 = c[1].parse().unwrap_or(0);
        let symbol = format!("{number:02}-{code}/{issuer}");
        spans.push((m.start(), m.end()));
        out.push(numbered(kind, symbol, clause_after(text, m.end(), 120)));
    }
    spans
}

/// Number without symbol: "Chỉ thị 05", "Quy định số 293 và 294 của Ban Bí thư".
fn scan_bare_numbers(text: &str, symbol_spans: &[(usize, usize)], out: &mut Vec<DocumentMention>) {
    let p = patterns();
    for c in p.bare.captures_iter(text) {
        let m = c.get(0).expect("match");
        if text[m.end()..].trim_start().starts_with(['-', '/', '–']) {
            continue;
        }
        if symbol_spans
            .iter()
            .any(|&(s, e)| s < m.end() && m.start() < e)
        {
            continue;
        }
        let Some(kind) = kind_of_word(&c[1]) else {
            continue;
        };
        let tail = clause_after(text, m.end(), 120);
        let central = p.central_issuer.find(tail).map(|x| (x.start(), x));
        let other = p.other_issuer.find(tail).map(|x| x.start());
        let issuer = match (central, other) {
            (Some((cs, x)), o) if o.is_none_or(|os| cs < os) => {
                let btc = p
                    .central_issuer
                    .captures(&tail[x.start()..])
                    .and_then(|cc| cc.get(1))
                    .is_some();
                Some(if btc { "BTCTW" } else { "TW" })
            }
            (_, Some(_)) => continue,
            _ => None,
        };
        for num in p.number.find_iter(&c[2]) {
            let n: u32 = num.as_str().parse().unwrap_or(0);
            let symbol = format!("{n:02}-{}/{}", bare_code(kind), issuer.unwrap_or("TW"));
            if issuer.is_none() {
                // No issuer phrase: only a number the table knows under a single document.
                let rows = documents()
                    .iter()
                    .filter(|r| r.kind == kind && r.symbol == symbol)
                    .count();
                if rows != 1 {
                    continue;
                }
            }
            out.push(numbered(kind, symbol, tail));
        }
    }
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
