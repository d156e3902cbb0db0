//! Documents beyond the Party's central table: symbols read by their grammar and resolved by
//! the issuer and kind tables, numbers cited with an issuer ("Nghị quyết 35 của Chính phủ",
//! "Thủ tướng đã ký Chỉ thị 24"), laws and codes by name and year ("Luật Đất đai 2013"), and
//! bare numbers ("Nghị quyết 29"), listed by kind only.
//!
//! Why one file of over 600 lines: the three readers (symbols, numbers with an issuer, laws by
//! name) are built from one set of patterns over the kind and issuer tables (`patterns()`) and
//! share its helpers for kind words, issuer prose and codes; split by reader, each file would
//! need the same private helpers made public to the others.

use std::sync::OnceLock;

use regex::Regex;

use super::patterns::{clause_after, window_before};
use super::symbol::{symbols, Symbol};
use super::table::kind;
use crate::data::documents::{kinds, Kind};
use crate::data::issuers::{issuer, issuer_of_code, issuers, Issuer, IssuerLevel, Side};
use crate::data::laws::{law_of_symbol, laws};
use crate::model::{Citation, Level};
use crate::text::fold;

fn level_of(l: IssuerLevel) -> Level {
    match l {
        IssuerLevel::Party => Level::Party,
        IssuerLevel::State => Level::State,
        IssuerLevel::Local => Level::Local,
    }
}

/// A document of a State body, or of a local Party or State body, by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedDoc {
    pub kind: &'static Kind,
    pub issuer: &'static Issuer,
    /// The National Assembly term glued to the issuer's code (`QH14`).
    pub term: Option<u32>,
    pub number: u32,
    pub year: Option<i32>,
    /// The kind's type code as the symbol writes it, canonical case (`NĐ`, `QĐi`); `None`
    /// when the symbol names no kind (`25/2016/QH14`, `211/BTC-TCDN`).
    pub code: Option<&'static str>,
    /// Co-issuers and drafting units after the issuer (`TCDN` of `211/BTC-TCDN`).
    pub units: Vec<String>,
}

impl NumberedDoc {
    fn issuer_code(&self) -> String {
        let mut s = self.issuer.code.to_owned();
        if let Some(t) = self.term {
            s.push_str(&t.to_string());
        }
        for u in &self.units {
            s.push('-');
            s.push_str(u);
        }
        s
    }

    fn code(&self) -> &'static str {
        self.code.or(self.kind.bare_code).unwrap_or(self.kind.label)
    }

    /// The canonical symbol: the Party's style for Party bodies (`29-CT/TU`), the State's
    /// otherwise (`61/2017/NĐ-CP`, `25/2016/QH14`), with the year when `with_year` and known.
    pub fn symbol(&self, with_year: bool) -> String {
        let n = format!("{:02}", self.number);
        if self.issuer.side == Side::Party {
            return format!("{n}-{}/{}", self.code(), self.issuer_code());
        }
        let mut s = n;
        if let (true, Some(y)) = (with_year, self.year) {
            s.push_str(&format!("/{y}"));
        }
        s.push('/');
        if let Some(code) = self.code {
            s.push_str(code);
            s.push('-');
        }
        s.push_str(&self.issuer_code());
        s
    }

    pub fn citation(&self) -> Citation {
        let level = level_of(self.issuer.level);
        let mut facet = vec![
            level.facet_root().to_owned(),
            self.kind.name.to_owned(),
            self.issuer.name.to_owned(),
            self.symbol(false),
        ];
        if let (Side::State, Some(y)) = (self.issuer.side, self.year) {
            facet.push(y.to_string());
        }
        Citation {
            label: format!("{} {}", self.kind.label, self.symbol(true)),
            facet,
            term_inferred: false,
            kind: self.kind.name.to_owned(),
            issuer: Some(self.issuer.name.to_owned()),
            level,
        }
    }
}

/// A law, code or constitution by name and year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawDoc {
    pub kind: &'static Kind,
    /// Full name with its kind: "Luật Đất đai", "Hiến pháp".
    pub name: String,
    pub year: i32,
}

impl LawDoc {
    pub fn citation(&self) -> Citation {
        let qh = issuer("QH").expect("issuers.tsv has QH");
        Citation {
            label: format!("{} {}", self.name, self.year),
            facet: vec![
                Level::State.facet_root().to_owned(),
                self.kind.name.to_owned(),
                qh.name.to_owned(),
                self.name.clone(),
                self.year.to_string(),
            ],
            term_inferred: false,
            kind: self.kind.name.to_owned(),
            issuer: Some(qh.name.to_owned()),
            level: Level::State,
        }
    }
}

/// A number with a kind and no issuer ("Nghị quyết 29").
pub fn bare_citation(kind: &Kind, number: u32) -> Citation {
    Citation {
        label: format!("{} {number}", kind.name),
        facet: vec![
            Level::Unresolved.facet_root().to_owned(),
            kind.name.to_owned(),
            number.to_string(),
        ],
        term_inferred: false,
        kind: kind.name.to_owned(),
        issuer: None,
        level: Level::Unresolved,
    }
}

/// What a symbol names, once its parts are read against the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// A central Party document: kind and canonical symbol (`05-CT/TW`), for the Party
    /// resolver and its table.
    Party {
        kind: &'static str,
        symbol: String,
    },
    Numbered(NumberedDoc),
    Law(LawDoc),
}

struct Patterns {
    kind_word_before: Regex,
    law_before: Regex,
    attached_date: Regex,
    numbered: Regex,
    number: Regex,
    issuer_after: Regex,
    issuer_before: Regex,
    law_named: Regex,
    law_short: Regex,
}

fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<String> = words.map(regex::escape).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words.join("|")
}

/// Kind words that may stand before a number ("Nghị định số 61", "NĐ 61/2017"). Laws are
/// cited by name, never "Luật 87" ("kỷ luật 87 đảng viên").
fn kind_words() -> String {
    alternation(
        kinds()
            .iter()
            .filter(|k| !NAMED_KINDS.contains(&k.name))
            .flat_map(|k| std::iter::once(k.name).chain(k.short))
            .chain(["văn bản"]),
    )
}

/// Kinds cited by name and year, not by a bare number.
const NAMED_KINDS: [&str; 4] = ["Luật", "Bộ luật", "Hiến pháp", "Lệnh"];

/// Kinds a bare number with no issuer is listed under: the ones whose numbers identify a
/// document ("Nghị quyết 29"); "kế hoạch 5 năm" or "báo cáo 6 tháng" are not.
const BARE_KINDS: [&str; 8] = [
    "Nghị quyết",
    "Nghị định",
    "Chỉ thị",
    "Quyết định",
    "Thông tư",
    "Kết luận",
    "Quy định",
    "Pháp lệnh",
];

/// Words after a number that make it a quantity ("kế hoạch 18%", "báo cáo 6 tháng").
const UNITS: [&str; 16] = [
    "%", "năm", "tháng", "ngày", "lần", "người", "tỷ", "triệu", "nghìn", "ngàn", "dự án", "điều",
    "chương", "km", "ha", "giờ",
];

fn prose_names() -> String {
    alternation(issuers().iter().flat_map(|i| i.prose.iter().copied()))
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("citation regex");
        let kinds = kind_words();
        let issuers = prose_names();
        Patterns {
            kind_word_before: r(&format!(r"(?i)(?:^|[^\p{{L}}])({kinds})(?:\s+số)?\s*$")),
            law_before: r(r"(Bộ luật|Luật|Hiến pháp)((?:\s+[^\s\d.;:!?()]+){0,14}?)\s+số\s*$"),
            attached_date: r(
                r"^\s*,?\s*(?:ban hành\s+)?ngày\s+\d{1,2}\s*(?:[/\-.]\s*\d{1,2}\s*[/\-.]|\s+tháng\s+\d{1,2}\s+năm)\s*((?:19|20)\d{2})",
            ),
            numbered: r(&format!(
                r"(?i)(?:^|[^\p{{L}}\d])({kinds})\s+(?:số\s+)?(\d{{1,5}})(?:\s*/\s*((?:19|20)\d{{2}}))?((?:\s*(?:,|và)\s*(?:số\s+)?\d{{1,5}}(?-u:\b))*)"
            )),
            number: r(r"\d{1,5}"),
            issuer_after: r(&format!(r"(?i)(?:của|do)\s+(?:các\s+)?({issuers})(?:$|[^\p{{L}}])")),
            issuer_before: r(&format!(
                r"(?i)(?:^|[^\p{{L}}])({issuers})\s+(?:(?:đã|vừa|mới|cũng|chính thức)\s+)*(?:ký\s+)?(?:ban hành|ký|ra|có)\s+(?:các\s+)?$"
            )),
            law_short: r(&format!(
                r"(?:^|[^\p{{L}}])({})\s+(?:năm\s+)?((?:19[4-9]|20[0-4])\d)",
                alternation(laws().iter().flat_map(|l| l.short.iter().copied()))
            )),
            law_named: r(
                r"(Bộ luật|Luật|Hiến pháp)((?:\s+\p{Lu}[\p{L}]*|\s+[\p{Ll}][\p{L}]*,?){0,12}?)(?:\s*\((?:sửa đổi|bổ sung|sửa đổi, bổ sung)\))?\s+(?:năm\s+)?((?:19[4-9]|20[0-4])\d)",
            ),
        }
    })
}

/// The kind named by a word ("nghị định", "NĐ", with or without diacritics).
pub fn kind_of_word(word: &str) -> Option<&'static Kind> {
    let w = fold(&word.to_lowercase());
    if w == "van ban" {
        return Some(kind("Công văn"));
    }
    if w == "chuong trinh" {
        return Some(kind("Chương trình hành động"));
    }
    kinds().iter().find(|k| {
        fold(&k.name.to_lowercase()) == w || k.short.is_some_and(|s| fold(&s.to_lowercase()) == w)
    })
}

/// The kind of a type code as an issuing body uses it: `QĐ` is Quy định for the Party and
/// Quyết định for the State.
fn kind_of_code(code: &str, side: Side) -> Option<&'static Kind> {
    let up = code.to_uppercase();
    let all: Vec<&'static Kind> = kinds()
        .iter()
        .filter(|k| k.codes.iter().any(|c| c.to_uppercase() == up))
        .collect();
    all.iter()
        .find(|k| k.sides.contains(&side))
        .or(all.first())
        .copied()
}

/// A type code in the kind's own spelling ("qđi" → "QĐi"); the code as written when the kind
/// does not list it.
fn canonical_code(kind: &'static Kind, code: &str) -> &'static str {
    let up = code.to_uppercase();
    kind.codes
        .iter()
        .find(|c| c.to_uppercase() == up)
        .copied()
        .or_else(|| {
            kinds()
                .iter()
                .flat_map(|k| k.codes.iter())
                .find(|c| c.to_uppercase() == up)
                .copied()
        })
        .unwrap_or(kind.label)
}

fn is_kind_code(part: &str) -> bool {
    let up = part.to_uppercase();
    kinds()
        .iter()
        .any(|k| k.codes.iter().any(|c| c.to_uppercase() == up))
}

/// The issuer a prose name stands for ("Bộ Chính trị" → TW, "Thủ tướng" → TTg).
fn issuer_of_prose(name: &str) -> Option<&'static Issuer> {
    let key = fold(&name.to_lowercase());
    issuers()
        .iter()
        .find(|i| i.prose.iter().any(|p| fold(&p.to_lowercase()) == key))
}

/// Whether the words after a prose name make it part of a longer name: "Trung ương" of the
/// Youth Union, the Front or the Trade Unions is not the Party's, nor is "Đảng" of "Đảng bộ
/// tỉnh" or of another country's party.
fn longer_name(name: &str, after: &str) -> bool {
    let a = fold(&after.to_lowercase());
    let a = a.trim_start();
    let next: &[&str] = match fold(&name.to_lowercase()).as_str() {
        "dang" => &[
            "bo ", "bo,", "uy", "doan", "vien", "cong san", "nhan dan", "lao dong",
        ],
        n if n.ends_with("trung uong") => &["doan", "hoi ", "mttq", "mat tran", "cong doan"],
        _ => &[],
    };
    next.iter().any(|w| a.starts_with(w))
}

/// The canonical name of a law as written ("luật đất đai" → "Luật Đất đai").
fn law_name(kind: &Kind, rest: &str) -> String {
    let written = format!("{} {}", kind.name, rest.trim())
        .trim()
        .trim_end_matches(',')
        .to_owned();
    let key = fold(&written.to_lowercase());
    laws()
        .iter()
        .find(|l| {
            fold(&l.name.to_lowercase()) == key
                || l.short.iter().any(|s| fold(&s.to_lowercase()) == key)
        })
        .map_or(written, |l| l.name.to_owned())
}

/// Reads a symbol's parts against the tables; `None` when they name no known issuer.
pub fn read_symbol(sym: &Symbol, text: &str) -> Option<Read> {
    let mut code: Option<&str> = None;
    let mut found: Option<(&'static Issuer, Option<u32>)> = None;
    let mut units = Vec::new();
    for part in &sym.parts {
        if found.is_none() && code.is_none() && is_kind_code(part) {
            code = Some(part);
        } else if found.is_none() {
            found = Some(issuer_of_code(part)?);
        } else {
            units.push(part.to_uppercase().replace('.', ""));
        }
    }
    let (issuer, term) = found?;
    let before = window_before(text, sym.start, 60);
    let word_kind = patterns()
        .kind_word_before
        .captures(before)
        .and_then(|c| kind_of_word(&c[1]));
    let mut doc_kind = match code {
        Some(c) => {
            let by_code = kind_of_code(c, issuer.side)?;
            // The word before tells Quy định from Quyết định (both `QĐ`).
            match word_kind {
                Some(w) if w.codes.iter().any(|x| x.to_uppercase() == c.to_uppercase()) => w,
                _ => by_code,
            }
        }
        None => match word_kind {
            Some(w) => w,
            None if issuer.termed => {
                // `25/2016/QH14` with no word before: a law the table knows by this
                // symbol, else a resolution (laws are cited by name, resolutions by symbol).
                let symbol = format!("{}/{}/{}", sym.number, sym.year?, sym.parts.join("-"));
                if let Some((law, year)) = law_of_symbol(&symbol) {
                    return Some(Read::Law(LawDoc {
                        kind: kind(law.kind),
                        name: law.name.to_owned(),
                        year,
                    }));
                }
                kind("Nghị quyết")
            }
            None => kind("Công văn"),
        },
    };
    // A law by its number: "Bộ luật Hình sự số 100/2015/QH13".
    if let (Some(year), true) = (sym.year, issuer.code == "QH") {
        let symbol = format!("{}/{year}/{}", sym.number, sym.parts.join("-"));
        if let Some((law, y)) = law_of_symbol(&symbol) {
            return Some(Read::Law(LawDoc {
                kind: kind(law.kind),
                name: law.name.to_owned(),
                year: y,
            }));
        }
        if matches!(doc_kind.name, "Luật" | "Bộ luật" | "Hiến pháp") {
            let window = window_before(text, sym.start, 160);
            if let Some(c) = patterns().law_before.captures(window) {
                let k = kind(&c[1]);
                return Some(Read::Law(LawDoc {
                    kind: k,
                    name: law_name(k, &c[2]),
                    year,
                }));
            }
        }
    }
    if issuer.level == IssuerLevel::Party {
        // A Party symbol names its kind: "123/TW" is no document.
        code?;
        let mut issuer_code = issuer.code.to_owned();
        for u in &units {
            issuer_code.push('-');
            issuer_code.push_str(u);
        }
        return Some(Read::Party {
            kind: doc_kind.name,
            symbol: format!(
                "{:02}-{}/{issuer_code}",
                sym.number,
                canonical_code(doc_kind, code.unwrap_or(""))
            ),
        });
    }
    if !doc_kind.sides.contains(&issuer.side) && code.is_none() {
        doc_kind = kind("Công văn");
    }
    let year = sym.year.or_else(|| {
        patterns()
            .attached_date
            .captures(clause_after(text, sym.end, 60))
            .and_then(|c| c[1].parse().ok())
    });
    let doc = NumberedDoc {
        kind: doc_kind,
        issuer,
        term,
        number: sym.number,
        year: if issuer.side == Side::Party {
            None
        } else {
            year
        },
        code: code.map(|c| canonical_code(doc_kind, c)),
        units,
    };
    Some(Read::Numbered(doc))
}

/// A mention of a document by number, with a kind word before it: what the number, the
/// issuer phrase and the kind say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberMention {
    /// The issuer is the Party's central body (`TW` or a central board); the Party resolver
    /// takes it from here.
    Party {
        kind: &'static str,
        number: u32,
        issuer: &'static Issuer,
        start: usize,
        end: usize,
    },
    Numbered(NumberedDoc),
    Bare {
        kind: &'static Kind,
        number: u32,
        start: usize,
        end: usize,
    },
}

/// Every "kind word + number" that is not part of a symbol already read (`spans`).
pub fn numbers(text: &str, spans: &[(usize, usize)]) -> Vec<NumberMention> {
    let p = patterns();
    let mut out = Vec::new();
    for c in p.numbered.captures_iter(text) {
        let m = c.get(0).expect("match");
        let num = c.get(2).expect("number");
        if spans.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
            continue;
        }
        // "Nghị định 61/NĐ-CP" is a symbol; "Nghị quyết 19-2017/NQ-CP" too.
        let after = &text[m.end()..];
        if after.trim_start().starts_with(['-', '/', '–']) {
            continue;
        }
        // "Điều 5", a price or a date is not a document: the number must end there.
        let mut next = after.chars();
        let glued = match next.next() {
            Some(ch) if ch.is_alphanumeric() => true,
            Some('.' | ',') => next.next().is_some_and(|ch| ch.is_ascii_digit()),
            _ => false,
        };
        if glued {
            continue;
        }
        let Some(kind) = kind_of_word(&c[1]) else {
            continue;
        };
        let rest = after.trim_start().to_lowercase();
        // "năm 2016" and "ngày 24/4/2017" after a number date the document.
        if UNITS.iter().any(|u| {
            rest.starts_with(u)
                && !rest[u.len()..].starts_with(|ch: char| ch.is_alphabetic())
                && !(matches!(*u, "năm" | "ngày")
                    && rest[u.len()..]
                        .trim_start()
                        .starts_with(|ch: char| ch.is_ascii_digit()))
        }) {
            continue;
        }
        let number: u32 = num.as_str().parse().unwrap_or(0);
        let with_so = m.as_str().contains("số");
        // "kế hoạch 2017": a year, not a number.
        if !with_so && (1900..=2100).contains(&number) {
            continue;
        }
        let tail = clause_after(text, m.end(), 120);
        let year = c.get(3).and_then(|y| y.as_str().parse().ok()).or_else(|| {
            p.attached_date
                .captures(tail)
                .and_then(|d| d[1].parse().ok())
        });
        let kind_start = c.get(1).expect("kind").start();
        let named_after = p.issuer_after.captures(tail).and_then(|ic| {
            let g = ic.get(1).expect("issuer");
            if longer_name(g.as_str(), &tail[g.end()..]) {
                return None;
            }
            issuer_of_prose(g.as_str())
        });
        let named_before = || {
            p.issuer_before
                .captures(window_before(text, kind_start, 60))
                .and_then(|ic| issuer_of_prose(&ic[1]))
        };
        let implied = kind.issuer.and_then(issuer);
        // The kind decides first (a Nghị định is the Government's), then the text.
        let issuer = implied
            .or(named_after)
            .or_else(named_before)
            .filter(|i| i.issues(kind.name) || implied.is_some());
        // "Quy định số 293 và 294 của Ban Bí thư": one issuer for the list.
        let mut numbers = vec![number];
        if let Some(list) = c.get(4) {
            numbers.extend(
                p.number
                    .find_iter(list.as_str())
                    .filter_map(|n| n.as_str().parse::<u32>().ok()),
            );
        }
        for number in numbers {
            let Some(issuer) = issuer else {
                let capital = c[1].starts_with(char::is_uppercase);
                if (capital || with_so) && BARE_KINDS.contains(&kind.name) {
                    out.push(NumberMention::Bare {
                        kind,
                        number,
                        start: m.start(),
                        end: m.end(),
                    });
                }
                continue;
            };
            if issuer.level == IssuerLevel::Party {
                out.push(NumberMention::Party {
                    kind: kind.name,
                    number,
                    issuer,
                    start: m.start(),
                    end: m.end(),
                });
                continue;
            }
            out.push(NumberMention::Numbered(NumberedDoc {
                kind,
                issuer,
                term: None,
                number,
                year: if issuer.side == Side::Party {
                    None
                } else {
                    year
                },
                code: if issuer.termed { None } else { kind.bare_code },
                units: Vec::new(),
            }));
        }
    }
    out
}

/// Laws, codes and constitutions named with their year ("Luật Đất đai 2013", "Hiến pháp năm
/// 2013", "Bộ luật Hình sự năm 2015").
pub fn named_laws(text: &str) -> Vec<LawDoc> {
    const STOP: [&str; 22] = [
        "được", "đã", "có", "là", "sẽ", "vừa", "và", "với", "thì", "khi", "tại", "trong", "theo",
        "do", "nhưng", "này", "mới", "cũng", "từ", "đến", "ngày", "thông",
    ];
    let mut out = Vec::new();
    for c in patterns().law_named.captures_iter(text) {
        let m = c.get(0).expect("match");
        if text[..m.start()].ends_with(|ch: char| ch.is_alphabetic()) {
            continue;
        }
        let after = &text[m.end()..];
        if after.starts_with(|ch: char| ch.is_alphanumeric() || ch == '/') {
            continue;
        }
        let k = kind(&c[1]);
        let rest = c[2].trim();
        let name = law_name(k, rest);
        let known = laws().iter().any(|l| l.name == name);
        if !known {
            // A name of the law's own words: it starts with a capital and stops before verbs
            // and links ("Luật Doanh nghiệp được thông qua năm 2014" names no law).
            let words: Vec<&str> = rest.split_whitespace().collect();
            let ok = match words.first() {
                None => k.name == "Hiến pháp",
                Some(w) => {
                    w.starts_with(char::is_uppercase)
                        && !words.iter().any(|w| {
                            STOP.contains(&w.trim_end_matches(',').to_lowercase().as_str())
                        })
                }
            };
            if !ok {
                continue;
            }
        }
        out.push(LawDoc {
            kind: k,
            name,
            year: c[3].parse().unwrap_or(0),
        });
    }
    for c in patterns().law_short.captures_iter(text) {
        if text[c.get(0).expect("match").end()..]
            .starts_with(|ch: char| ch.is_alphanumeric() || ch == '/')
        {
            continue;
        }
        let short = &c[1];
        if let Some(law) = laws().iter().find(|l| l.short.contains(&short)) {
            out.push(LawDoc {
                kind: kind(law.kind),
                name: law.name.to_owned(),
                year: c[2].parse().unwrap_or(0),
            });
        }
    }
    out
}

/// Every symbol whose issuer the table knows, read, with its byte range.
pub fn read_symbols(text: &str) -> Vec<(Read, usize, usize)> {
    symbols(text)
        .into_iter()
        .filter_map(|sym| read_symbol(&sym, text).map(|r| (r, sym.start, sym.end)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let reads = read_symbols(text);
        let spans: Vec<(usize, usize)> = reads.iter().map(|(_, s, e)| (*s, *e)).collect();
        let mut out: Vec<String> = reads
            .into_iter()
            .map(|(r, _, _)| match r {
                Read::Party { kind, symbol } => format!("PARTY {kind} {symbol}"),
                Read::Numbered(d) => d.citation().label,
                Read::Law(l) => l.citation().label,
            })
            .collect();
        for n in numbers(text, &spans) {
            out.push(match n {
                NumberMention::Party {
                    kind,
                    number,
                    issuer,
                    ..
                } => {
                    format!("PARTY {kind} {number} {}", issuer.code)
                }
                NumberMention::Numbered(d) => d.citation().label,
                NumberMention::Bare { kind, number, .. } => bare_citation(kind, number).label,
            });
        }
        for l in named_laws(text) {
            out.push(l.citation().label);
        }
        out
    }

    #[test]
    fn state_symbols() {
        let cases: &[(&str, &[&str])] = &[
            ("Nghị định 61/2017/NĐ-CP về", &["NĐ 61/2017/NĐ-CP"]),
            (
                "Chính phủ ban hành Nghị quyết 19-2017/NQ-CP ngày 6/2/2017",
                &["NQ 19/2017/NQ-CP"],
            ),
            ("Chỉ thị 05/CT-TTg ngày 6/2/2017 về", &["CT 05/2017/CT-TTg"]),
            ("Nghị quyết 23/NQ-CP phiên họp", &["NQ 23/NQ-CP"]),
            ("Nghị quyết số 25/2016/QH14", &["NQ 25/2016/QH14"]),
            (
                "Nghị quyết số 333/2017/UBTVQH14 ngày 11/1/2017",
                &["NQ 333/2017/UBTVQH14"],
            ),
            ("Thông tư 23/2015/TT-BKHCN", &["TT 23/2015/TT-BKHCN"]),
            ("Quyết định 05/2013/QĐ-UBND", &["QĐ 05/2013/QĐ-UBND"]),
            (
                "Quyết định hành chính 166/QĐ-UBND ngày 16.1.2015 của UBND",
                &["QĐ 166/2015/QĐ-UBND"],
            ),
            ("Quyết định số 824-QĐ/TTg", &["QĐ 824/QĐ-TTg"]),
            ("Công văn số 211/BTC-TCDN báo cáo", &["CV 211/BTC-TCDN"]),
            (
                "ký công văn số 204/TTg-ĐMDN ngày 9/2/2017 về",
                &["CV 204/2017/TTg-ĐMDN"],
            ),
            ("văn bản số 119/BC-BCT báo cáo", &["BC 119/BC-BCT"]),
            (
                "Báo cáo thẩm tra số 506/BC-UBTCNS14 ngày 19/5/2017",
                &["BC 506/2017/BC-UBTCNS14"],
            ),
            (
                "Tờ trình số 113/TTr-UBTVQH14 ngày 18/5/2017",
                &["TTr 113/2017/TTr-UBTVQH14"],
            ),
            (
                "Kế hoạch 02/KHLT/UBND-UBMTTQ",
                &["KHLT 02/KHLT-UBND-UBMTTQ"],
            ),
            (
                "Bộ luật Hình sự số 100/2015/QH13;",
                &["Bộ luật Hình sự 2015"],
            ),
            (
                "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13;",
                &["Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân 2015"],
            ),
            ("Chỉ thị 29-CT/TU", &["CT 29-CT/TU"]),
            ("Nghị quyết 233/NQ-ĐU", &["NQ 233-NQ/ĐU"]),
            ("Nghị quyết số 06-NQ/TU ngày 04/11/2011", &["NQ 06-NQ/TU"]),
            ("Chỉ thị số 35-CT/TW", &["PARTY Chỉ thị 35-CT/TW"]),
            ("Nghị quyết 09/NQ-TW", &["PARTY Nghị quyết 09-NQ/TW"]),
            ("Quyết định số 68-QĐ/TW", &["PARTY Quyết định 68-QĐ/TW"]),
            ("Quy định số 47-QĐ/TW", &["PARTY Quy định 47-QĐ/TW"]),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), *want, "{text}");
        }
    }

    #[test]
    fn numbers_with_an_issuer() {
        let cases: &[(&str, &[&str])] = &[
            ("Nghị quyết 35 của Chính phủ", &["NQ 35/NQ-CP"]),
            (
                "Nghị quyết số 35/2016 của Chính phủ về",
                &["NQ 35/2016/NQ-CP"],
            ),
            ("NĐ 61/2017 về", &["NĐ 61/2017/NĐ-CP"]),
            (
                "theo nghị định 35 của Chính phủ từ đất lúa",
                &["NĐ 35/NĐ-CP"],
            ),
            (
                "Nghị định 49 ngày 24/4/2017 của Chính phủ",
                &["NĐ 49/2017/NĐ-CP"],
            ),
            ("Thủ tướng đã ký Chỉ thị 24 để", &["CT 24/CT-TTg"]),
            ("Quyết định 48 của Chính Phủ về", &["Quyết định 48"]),
            ("Chỉ thị 05 của Bộ Chính trị", &["PARTY Chỉ thị 5 TW"]),
            (
                "Kết luận số 24 ngày 5/6/2012 của Bộ Chính trị khóa XI",
                &["PARTY Kết luận 24 TW"],
            ),
            ("Nghị quyết 29", &["Nghị quyết 29"]),
            (
                "thực hiện Nghị quyết 12 của Đảng, Bộ Tài chính",
                &["PARTY Nghị quyết 12 TW"],
            ),
            ("Nghị quyết 12 của Đảng bộ tỉnh", &["Nghị quyết 12"]),
            (
                "Nghị quyết 12 của Đảng Cộng sản Trung Quốc",
                &["Nghị quyết 12"],
            ),
            (
                "sửa đổi Quy định số 293 và 294 của Ban Bí thư nhằm",
                &["PARTY Quy định 293 TW", "PARTY Quy định 294 TW"],
            ),
            (
                "Nghị quyết 19, Nghị quyết 35 của Thủ tướng Chính phủ",
                &["Nghị quyết 19", "Nghị quyết 35"],
            ),
            ("Chỉ thị 08 của Thành ủy Hà Nội", &["CT 08-CT/TU"]),
            (
                "Nghị quyết 382 và Kết luận 763 của Quân ủy Trung ương",
                &["PARTY Nghị quyết 382 QUTW", "PARTY Kết luận 763 QUTW"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), *want, "{text}");
        }
    }

    #[test]
    fn laws_by_name() {
        let cases: &[(&str, &[&str])] = &[
            ("theo Luật Đất đai 2013 và", &["Luật Đất đai 2013"]),
            ("Hiến pháp năm 2013 đã quy định", &["Hiến pháp 2013"]),
            ("Bộ luật Dân sự năm 2015", &["Bộ luật Dân sự 2015"]),
            ("BLHS 2015 quy định", &["Bộ luật Hình sự 2015"]),
            ("Luật Thủy lợi 2017", &["Luật Thủy lợi 2017"]),
            ("Luật Doanh nghiệp được thông qua năm 2014", &[]),
            ("Luật này có hiệu lực từ ngày 1/1/2018", &[]),
            (
                "Luật Hỗ trợ doanh nghiệp nhỏ và vừa có hiệu lực thi hành từ ngày 1.1.2018",
                &[],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), *want, "{text}");
        }
    }

    #[test]
    fn not_documents() {
        for text in [
            "Điều 5 của Luật",
            "khoản 2 Điều 38 Luật Tổ chức Quốc hội",
            "giá 8.000 đồng/lít",
            "ĐT: (04) 32373667",
            "ngày 19/5/2017",
            "Cty Dệt may 29/3",
            "Chỉ thị về công tác tổ chức của Đảng",
            "Biểu số 03 tại Thông tư",
        ] {
            assert_eq!(labels(text), Vec::<String>::new(), "{text}");
        }
    }
}
