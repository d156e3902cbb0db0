//! Citations: every document an article cites, Party and State — "Nghị quyết Trung ương 4
//! (khóa XI, XII)", "Chỉ thị số 35-CT/TW", "Quy định 96 ngày 2-2-2023 của Bộ Chính trị",
//! "Nghị quyết Đại hội XIII", "Nghị định 61/2017/NĐ-CP", "Chỉ thị 05/CT-TTg", "Nghị quyết
//! 25/2016/QH14", "29-CT/TU", "Nghị quyết 35 của Chính phủ", "Luật Đất đai 2013" — as canonical
//! labels, facet paths, kinds, issuers and levels. Facts come from `index_schema/documents.tsv`
//! (Party documents), `document_kinds.tsv`, `issuers.tsv`, `laws.tsv` and `terms.tsv`; the Party
//! forms handled are those of `shared/gazetteer/reference-patterns.md`.
//!
//! Vocabulary: a *document* is a Party or State document, a row of the table or a symbol; a
//! *mention* is where an article's text names one ([`scan`]); a *citation* is a mention
//! resolved to a document, with its label, facet and khóa ([`resolve`]). Users see the same
//! thing as `references` and `citations` (JSON keys) and `resolution` (facet and filter flag).
//!
//! | file | job |
//! | --- | --- |
//! | `symbol.rs` | the grammar of document symbols: number, year, kind and issuer codes |
//! | `state.rs` | symbols, numbers with an issuer phrase and laws by name, read against the tables |
//! | `patterns.rs` | the Party regexes and text windows |
//! | `table.rs` | the kind table, table rows as facets and citations, titles |
//! | `khoa.rs` | numbers, terms and their first days |
//! | `scan.rs` | text → mentions, once per article |
//! | `resolve.rs` | mentions + article date → citations; the date's lower bound |
//! | `marks.rs` | marks put back on a filter typed without them |
//! | `filter.rs` | the `--resolution` filter parser |
//! | `known.rs` | one document as a card shows it: the table's facts, its aliases |
//! | `in_query.rs` | the words of a search query that name a document |
//!
//! # Labels and facets
//!
//! A document known to the table gets the table's `canonical` label, so "Nghị quyết số 04-NQ/TW"
//! and "Nghị quyết Trung ương 4 khóa XII" are both `NQ TW4 khóa XII`. Facet paths start with the
//! level (Đảng, Nhà nước, Địa phương, Chưa xác định), then the kind, then the issuer or plenum,
//! then the document:
//!
//! | document | label | facet |
//! | --- | --- | --- |
//! | plenum, one document | `NQ TW4 khóa XII` | `Đảng / Nghị quyết / TW4 / khóa XII` |
//! | plenum mention, several documents (TW6 khóa XII: 18..21) | `NQ TW6 khóa XII` | `Đảng / Nghị quyết / TW6 / khóa XII` |
//! | one of them by number | `NQ TW6 khóa XII số 18` | `Đảng / Nghị quyết / TW6 / khóa XII / 18-NQ/TW` |
//! | plenum, khóa unknown | `NQ TW4` | `Đảng / Nghị quyết / TW4` |
//! | numbered Party document | `CT 35-CT/TW khóa XII` | `Đảng / Chỉ thị / Trung ương / 35-CT/TW / khóa XII` |
//! | congress | `NQ Đại hội XIII` | `Đảng / Nghị quyết / Đại hội / khóa XIII` |
//! | State document | `NĐ 61/2017/NĐ-CP` | `Nhà nước / Nghị định / Chính phủ / 61/NĐ-CP / 2017` |
//! | State document, year not given | `NQ 23/NQ-CP` | `Nhà nước / Nghị quyết / Chính phủ / 23/NQ-CP` |
//! | National Assembly | `NQ 85/2014/QH13` | `Nhà nước / Nghị quyết / Quốc hội / 85/QH13 / 2014` |
//! | law by name (or by its symbol in `laws.tsv`) | `Luật Đất đai 2013` | `Nhà nước / Luật / Quốc hội / Luật Đất đai / 2013` |
//! | local Party | `CTr 04-CTr/TU` | `Địa phương / Chương trình hành động / Tỉnh ủy, Thành ủy / 04-CTr/TU` |
//! | local State | `QĐ 05/2013/QĐ-UBND` | `Địa phương / Quyết định / Ủy ban nhân dân / 05/QĐ-UBND / 2013` |
//! | a number with no issuer | `Nghị quyết 29` | `Chưa xác định / Nghị quyết / 29` |
//!
//! Party symbols are written the Party's way (`09-NQ/TW` even when the text writes `09/NQ-TW`),
//! State symbols the State's (`824/QĐ-TTg` for `824-QĐ/TTg`); the year goes into a State symbol
//! when the symbol or a date right after it gives one (`Chỉ thị 05/CT-TTg ngày 6/2/2017` is `CT
//! 05/2017/CT-TTg`). The same document cited with and without its year or khóa is counted once,
//! with it; a bare number is dropped when the article cites that kind and number with an issuer.
//!
//! So the filter "Nghị quyết Trung ương 4" is the prefix `Đảng / Nghị quyết / TW4` (every term),
//! "35-CT/TW" is `Đảng / Chỉ thị / Trung ương / 35-CT/TW` (both terms that issued a 35-CT/TW),
//! "19/NQ-CP" or "Nghị quyết 19 của Chính phủ" every year's 19/NQ-CP, "NĐ 61/2017" only 2017's,
//! and "Nghị quyết 29" that number of every body that issues resolutions, and the unresolved
//! one. A bare plenum mention of a several-document plenum does not match a filter for one of
//! its documents by number.
//!
//! # Issuers and bare numbers
//!
//! A symbol's parts are read against `issuers.tsv` (its codes: `CP`, `TTg`, `QH14`, `TW`, `TU`,
//! `UBND`, ministries ...) and the kind codes of `document_kinds.tsv`; a part neither knows
//! makes the match no symbol. `QĐ` is Quy định for the Party and Quyết định for the State, and
//! the word before ("Quyết định số 68-QĐ/TW") decides between them. A number without symbol
//! takes its issuer from its kind (a Nghị định is the Government's), else from "của ..." after
//! it or "Thủ tướng đã ký ..." before it. With none, the Party's table gives the one document
//! of that number only when the words around it are the Party's and not the State's, and
//! when what the text says it is about does not contradict the row's title; otherwise it is
//! listed as unresolved ("Nghị quyết 35" is the Government's as often as the Party's).
//!
//! # Khóa
//!
//! Numbers restart every khóa. A symbol's khóa comes from an explicit "khóa XII" in the same
//! clause, else from a date attached to the reference ("ngày 26-4-2019": the khóa in office
//! then), else (marked `term_inferred`) from the table: the latest term whose document with that
//! symbol predates the article (compared by year, because an inferred article date may be a bare
//! year stored as 1 January). A plenum without khóa takes the latest term whose plenum of that
//! number had issued a document of that kind before the article date (`term_inferred`). A symbol
//! the table does not know gets no khóa unless the text gives one: "Quy định 293" cited in 2022
//! is khóa X, not the khóa of the article date. Local documents (`/TU`, `/HU`, `/ĐU`...) never
//! get a khóa. A title beside the mention outranks the date: "Nghị quyết TW4: “Một số vấn đề cấp
//! bách về xây dựng Đảng hiện nay”" is khóa XI's in 2017, and "Nghị quyết 06 của Bộ Chính trị về
//! công nghiệp quốc phòng" is not the table's 06-NQ/TW (khóa XII, on trade). Plenums and
//! congresses of every khóa, I (1930) to XIV, are read by rule; the table adds titles and dates.

mod khoa;
mod patterns;
mod table;

mod marks;
mod state;
mod symbol;

pub mod filter;
pub mod in_query;
pub mod known;
pub mod resolve;
pub mod scan;

/// The `--resolution` filter parser.
pub use filter::{resolution_filter, resolution_filter_text};
/// A National Assembly khóa's election year, for the date step.
pub use khoa::assembly_term_year;
/// Pipeline step: mentions + article date → citations (and the date's lower bound).
pub use resolve::{latest_cited_document_date, resolve};
/// Pipeline step: text → mentions, once per article.
pub use scan::{scan, DocumentMention};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_support::seed;
    use crate::model::{Citation, Date, Level};
    use crate::text::normalize_text;

    /// The citations of a text as a user writes it.
    fn extract_references(text: &str, date: Option<Date>) -> Vec<Citation> {
        resolve(&scan(&normalize_text(text)), date)
    }

    fn latest_cited_document_date(text: &str) -> Option<Date> {
        resolve::latest_cited_document_date(&scan(&normalize_text(text)))
    }

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    fn labels(text: &str, date: Option<Date>) -> Vec<String> {
        extract_references(text, date)
            .into_iter()
            .map(|r| r.label)
            .collect()
    }

    #[test]
    fn list_forms_expand() {
        let cases: &[(&str, &[&str])] = &[
            (
                "thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng",
                &["NQ TW4 khóa XI", "NQ TW4 khóa XII"],
            ),
            (
                "Nghị quyết Trung ương 4 khóa XI, khóa XII",
                &["NQ TW4 khóa XI", "NQ TW4 khóa XII"],
            ),
            (
                "kinh nghiệm thực hiện Nghị quyết Trung ương 6, 7 (khóa XII);",
                &["NQ TW6 khóa XII", "NQ TW7 khóa XII"],
            ),
            (
                "các nghị quyết của Hội nghị Trung ương 4, 5, 6 khóa XIII",
                &["NQ TW4 khóa XIII", "NQ TW5 khóa XIII", "NQ TW6 khóa XIII"],
            ),
            (
                "nhất là nghị quyết Trung ương 4, 6, 7 và 8 (khoá XII)",
                &[
                    "NQ TW4 khóa XII",
                    "NQ TW6 khóa XII",
                    "NQ TW7 khóa XII",
                    "NQ TW8 khóa XII",
                ],
            ),
            ("Nghị quyết TW4 khóa 12", &["NQ TW4 khóa XII"]),
            ("Nghị quyết T.Ư 4, khóa XII", &["NQ TW4 khóa XII"]),
            (
                "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
                &["NQ TW4 khóa XII"],
            ),
            (
                "Kết luận Hội nghị Trung ương 6, 7 khóa XIII",
                &["KL TW6 khóa XIII", "KL TW7 khóa XIII"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text, None), *want, "{text}");
        }
    }

    #[test]
    fn same_document_same_label() {
        let a = extract_references("Nghị quyết số 04-NQ/TW ngày 30/10/2016", None);
        let b = extract_references("Nghị quyết Trung ương 4 khóa XII", None);
        assert_eq!(a[0].label, b[0].label);
        assert_eq!(a[0].facet, ["Đảng", "Nghị quyết", "TW4", "khóa XII"]);
        assert_eq!(
            (a[0].kind.as_str(), a[0].level),
            ("Nghị quyết", Level::Party)
        );
        assert_eq!(a[0].issuer.as_deref(), Some("Trung ương"));
        assert!(!a[0].term_inferred);
    }

    #[test]
    fn numbered_documents() {
        let cases: &[(&str, Option<Date>, &[&str])] = &[
            (
                "theo Kết luận số 05-KL/BTCTW ngày 1-2-2019 của Ban Tổ chức Trung ương",
                None,
                &["KL 05-KL/BTCTW khóa XII"],
            ),
            (
                "Chỉ thị số 35-CT/TW của Bộ Chính trị",
                d(2019, 7, 28),
                &["CT 35-CT/TW khóa XII"],
            ),
            (
                "Chỉ thị số 35-CT/TW của Bộ Chính trị",
                d(2024, 9, 1),
                &["CT 35-CT/TW khóa XIII"],
            ),
            (
                "tinh thần Kết luận 48-KL/TW ngày 26-4-2019 của Ban Bí thư",
                None,
                &["KL 48-KL/TW khóa XII"],
            ),
            (
                "Chương trình hành động số 04-CTr/TU, ngày 6/11/2020 của Ban Chấp hành",
                None,
                &["CTr 04-CTr/TU"],
            ),
            (
                "Chỉ thị số 05- CT/TƯ",
                d(2017, 3, 1),
                &["CT 05-CT/TW khóa XII"],
            ),
            (
                "Nghị quyết 09/NQ-TW ngày 9/02/2007",
                None,
                &["NQ 09-NQ/TW khóa X"],
            ),
            (
                "Nghị quyết số 39-NQ/TW, ngày 20-1-1962",
                None,
                &["NQ 39-NQ/TW khóa III"],
            ),
            (
                "Quy định 96 ngày 2-2-2023 của Bộ Chính trị",
                None,
                &["QĐ 96-QĐ/TW khóa XIII"],
            ),
            (
                "chỉnh đốn Đảng gắn với thực hiện Chỉ thị 05... Qua đó",
                d(2020, 11, 6),
                &["CT 05-CT/TW khóa XII"],
            ),
            // Without the Party's words around it, a bare number is not guessed.
            (
                "gắn với thực hiện Chỉ thị 05... Qua đó",
                d(2020, 11, 6),
                &["Chỉ thị 5"],
            ),
            (
                "Thủ tướng Chính phủ yêu cầu thực hiện Chỉ thị 05 của Đảng",
                d(2020, 11, 6),
                &["CT 05-CT/TW khóa XII"],
            ),
            (
                "sửa đổi Quy định số 293 và 294 của Ban Bí thư nhằm",
                d(2022, 11, 23),
                &["QĐ 293-QĐ/TW", "QĐ 294-QĐ/TW"],
            ),
            ("Quyết định số 824-QĐ/TTg", None, &["QĐ 824/QĐ-TTg"]),
            ("Nghị quyết 35 của Chính phủ", None, &["NQ 35/NQ-CP"]),
            (
                "Nghị quyết 19, Nghị quyết 35 của Thủ tướng Chính phủ",
                None,
                &["Nghị quyết 19", "Nghị quyết 35"],
            ),
            (
                "Nghị quyết 382 và Kết luận 763 của Quân ủy Trung ương",
                None,
                &["KL 763-KL/QUTW", "NQ 382-NQ/QUTW"],
            ),
            ("Nghị quyết số 202/2025/QH15", None, &["NQ 202/2025/QH15"]),
        ];
        for (text, date, want) in cases {
            assert_eq!(labels(text, *date), *want, "{text}");
        }
        let r = extract_references("Chỉ thị số 35-CT/TW", d(2019, 7, 28));
        assert!(r[0].term_inferred);
        assert_eq!(
            r[0].facet,
            ["Đảng", "Chỉ thị", "Trung ương", "35-CT/TW", "khóa XII"]
        );
        let r = extract_references("Chỉ thị 05-CT/TW", d(2016, 1, 1));
        assert_eq!(r[0].label, "CT 05-CT/TW khóa XII");
        let both = "Kế hoạch số 4-KH/TW ngày 16/11/2016. Thực hiện Kế hoạch số 04-KH/TW, ...";
        assert_eq!(labels(both, None), ["KH 04-KH/TW khóa XII"]);
        let r = extract_references("Chương trình hành động số 04-CTr/TU", None);
        assert_eq!(
            r[0].facet,
            [
                "Địa phương",
                "Chương trình hành động",
                "Tỉnh ủy, Thành ủy",
                "04-CTr/TU"
            ]
        );
        assert_eq!(r[0].level, Level::Local);
    }

    #[test]
    fn congress_and_distractors() {
        let cases: &[(&str, &[&str])] = &[
            ("Nghị quyết Đại hội XIII của Đảng", &["NQ Đại hội XIII"]),
            (
                "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng",
                &["NQ Đại hội XII"],
            ),
            (
                "Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII",
                &["NQ Đại hội XIII"],
            ),
            ("nghị quyết đại hội XIII của Đảng", &["NQ Đại hội XIII"]),
            ("Nghị quyết Đại hội Đảng bộ tỉnh Lạng Sơn lần thứ XVII", &[]),
            (
                "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII",
                &[],
            ),
            ("Nghị quyết Đại hội Đảng bộ tỉnh khóa XVI", &[]),
            ("đại biểu Quốc hội khóa XIV", &[]),
            ("Hội nghị Ban Chấp hành Trung ương Đoàn lần thứ 5", &[]),
            (
                "Hội nghị Đoàn chủ tịch UB Trung ương MTTQ Việt Nam lần thứ 12 (Khóa VIII)",
                &[],
            ),
            (
                "Nghị quyết Hội nghị Trung ương III của Đảng Cộng sản Cuba",
                &[],
            ),
            ("Nghị quyết Trung ương lần này", &[]),
            ("Ủy viên T.Ư Đảng", &[]),
            ("các nghị quyết của T.Ư và của tỉnh", &[]),
            ("Nghị quyết Trung ương ban hành", &[]),
            ("Hội nghị Trung ương 8 khóa XIII diễn ra", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text, None), *want, "{text}");
        }
    }

    #[test]
    fn a_title_tells_the_khoa() {
        // Khóa XI's title, cited in 2017 with no khóa.
        let r = extract_references(
            "theo tinh thần Nghị quyết TW4: “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”",
            d(2017, 3, 1),
        );
        assert_eq!(r[0].label, "NQ TW4 khóa XI");
        assert!(!r[0].term_inferred);
        // The table's only 06-NQ/TW is khóa XII's on trade; this one is about defence
        // industry (khóa XI, 2011): not the table's.
        let r = extract_references(
            "thực hiện Nghị quyết 06 của Bộ Chính trị về “Xây dựng và phát triển công nghiệp quốc phòng đến năm 2020”",
            d(2017, 6, 27),
        );
        assert_eq!(r[0].label, "NQ 06-NQ/TW");
        // The same number about the table's topic is the table's.
        let r = extract_references(
            "Nghị quyết số 06-NQ/TW về thực hiện có hiệu quả tiến trình hội nhập kinh tế quốc tế",
            d(2017, 6, 27),
        );
        assert_eq!(r[0].label, "NQ TW4 khóa XII số 06");
    }

    #[test]
    fn plenum_khoa_from_article_date() {
        let r = extract_references(
            "thực hiện Nghị quyết Trung ương 4 về xây dựng Đảng",
            d(2017, 5, 1),
        );
        assert_eq!(r[0].label, "NQ TW4 khóa XII");
        assert!(r[0].term_inferred);
        let r = extract_references("Nghị quyết Trung ương 4", d(2014, 5, 1));
        assert_eq!(r[0].label, "NQ TW4 khóa XI");
        let r = extract_references("Nghị quyết Trung ương 4", None);
        assert_eq!((r[0].label.as_str(), r[0].term_inferred), ("NQ TW4", false));
        assert_eq!(r[0].facet, ["Đảng", "Nghị quyết", "TW4"]);
    }

    /// A seed's citations, through the page parser and the extraction pipeline.
    fn seed_refs(prefix: &str) -> Vec<String> {
        crate::extract::article_facts(&seed(prefix))
            .citations
            .into_iter()
            .map(|c| c.label)
            .collect()
    }

    #[test]
    fn seeds() {
        let must = |prefix: &str, want: &[&str]| {
            let got = seed_refs(prefix);
            for w in want {
                assert!(
                    got.iter().any(|g| g == w),
                    "seed {prefix}: missing {w} in {got:?}"
                );
            }
            got
        };
        must(
            "002",
            &[
                "NQ TW4 khóa XI",
                "NQ TW4 khóa XII",
                "NQ TW6 khóa XII",
                "NQ TW7 khóa XII",
                "NQ TW8 khóa XII",
                "KL 05-KL/BTCTW khóa XII",
                "CT 35-CT/TW khóa XII",
                "CT 05-CT/TW khóa XII",
                "KL 48-KL/TW khóa XII",
            ],
        );
        let s4 = must("004", &["QĐ 293-QĐ/TW", "QĐ 294-QĐ/TW"]);
        assert_eq!(s4.len(), 2, "{s4:?}");
        must(
            "003",
            &[
                "NQ TW4 khóa XI",
                "NQ TW4 khóa XII",
                "NQ TW4 khóa XIII",
                "NQ TW5 khóa XIII",
                "NQ TW6 khóa XIII",
                "QĐ 96-QĐ/TW khóa XIII",
                "NQ Đại hội XIII",
            ],
        );
        let s1 = must(
            "001",
            &[
                "NQ TW4 khóa XI",
                "NQ TW4 khóa XII",
                "NQ TW6 khóa XII",
                "CTr 04-CTr/TU",
                "CT 05-CT/TW khóa XII",
                "NQ Đại hội XIII",
            ],
        );
        assert!(
            !s1.iter().any(|l| l.contains("XVII") || l.contains("XVI")),
            "{s1:?}"
        );
        let s0 = must(
            "000",
            &["KL TW6 khóa XIII", "KL TW7 khóa XIII", "NQ Đại hội XIII"],
        );
        assert_eq!(s0.len(), 3, "{s0:?}");
    }

    #[test]
    fn filters() {
        let ok =
            |input: &str| resolution_filter(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
        let p = |parts: &[&str]| parts.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ok("Nghị quyết Trung ương 4"),
            [p(&["Đảng", "Nghị quyết", "TW4"])]
        );
        assert_eq!(
            ok("nghi quyet trung uong 4"),
            [p(&["Đảng", "Nghị quyết", "TW4"])]
        );
        assert_eq!(
            ok("NQ TW4 khóa XII"),
            [p(&["Đảng", "Nghị quyết", "TW4", "khóa XII"])]
        );
        assert_eq!(
            ok("NQ TW4 khoa XII"),
            [p(&["Đảng", "Nghị quyết", "TW4", "khóa XII"])]
        );
        assert_eq!(
            ok("Hội nghị Trung ương 8 khóa I").len(),
            3,
            "a plenum of any khóa, I to XIV"
        );
        assert_eq!(
            ok("Nghị quyết Hội nghị Trung ương 8 khóa I"),
            [p(&["Đảng", "Nghị quyết", "TW8", "khóa I"])]
        );
        assert_eq!(
            ok("35-CT/TW"),
            [p(&["Đảng", "Chỉ thị", "Trung ương", "35-CT/TW"])]
        );
        assert_eq!(
            ok("35-CT/TW khóa XII"),
            [p(&[
                "Đảng",
                "Chỉ thị",
                "Trung ương",
                "35-CT/TW",
                "khóa XII"
            ])]
        );
        // A kind and a number alone: every issuer's, and the unresolved one.
        let any05 = ok("Chỉ thị 05");
        for want in [
            p(&["Đảng", "Chỉ thị", "Trung ương", "05-CT/TW"]),
            p(&["Nhà nước", "Chỉ thị", "Thủ tướng Chính phủ", "05/CT-TTg"]),
            p(&["Địa phương", "Chỉ thị", "Tỉnh ủy, Thành ủy", "05-CT/TU"]),
            p(&["Chưa xác định", "Chỉ thị", "5"]),
        ] {
            assert!(any05.contains(&want), "{want:?} in {any05:?}");
        }
        assert_eq!(ok("chi thi so 5"), any05);
        assert_eq!(
            ok("04-NQ/TW"),
            [p(&["Đảng", "Nghị quyết", "TW4", "khóa XII"])]
        );
        assert_eq!(ok("18-NQ/TW").len(), 2);
        assert_eq!(ok("Hội nghị Trung ương 4").len(), 3);
        assert_eq!(
            ok("Nghị quyết Đại hội XIII"),
            [p(&["Đảng", "Nghị quyết", "Đại hội", "khóa XIII"])]
        );
        assert_eq!(
            ok("04-CTr/TU"),
            [p(&[
                "Địa phương",
                "Chương trình hành động",
                "Tỉnh ủy, Thành ủy",
                "04-CTr/TU"
            ])]
        );
        assert_eq!(
            ok("QĐ 96-QĐ/TW khóa XIII"),
            [p(&[
                "Đảng",
                "Quy định",
                "Trung ương",
                "96-QĐ/TW",
                "khóa XIII"
            ])]
        );
        // State documents, in any form a user types.
        let nq19 = p(&["Nhà nước", "Nghị quyết", "Chính phủ", "19/NQ-CP"]);
        for input in [
            "19/NQ-CP",
            "Nghị quyết 19/NQ-CP",
            "Nghị quyết 19 của Chính phủ",
            "nghi quyet 19 cua chinh phu",
            "NQ 19/NQ-CP",
        ] {
            assert_eq!(ok(input), std::slice::from_ref(&nq19), "{input}");
        }
        let mut nq19_2017 = nq19.clone();
        nq19_2017.push("2017".into());
        assert_eq!(ok("19/2017/NQ-CP"), [nq19_2017.clone()]);
        assert_eq!(ok("NQ 19-2017/NQ-CP"), [nq19_2017]);
        let nd61 = p(&["Nhà nước", "Nghị định", "Chính phủ", "61/NĐ-CP", "2017"]);
        for input in [
            "NĐ 61/2017",
            "Nghị định 61/2017/NĐ-CP",
            "nghi dinh 61/2017",
            "ND 61/2017",
        ] {
            assert_eq!(ok(input), std::slice::from_ref(&nd61), "{input}");
        }
        assert_eq!(
            ok("Nghị quyết 23/NQ-CP"),
            [p(&["Nhà nước", "Nghị quyết", "Chính phủ", "23/NQ-CP"])]
        );
        assert_eq!(
            ok("25/2016/QH14"),
            [p(&[
                "Nhà nước",
                "Nghị quyết",
                "Quốc hội",
                "25/QH14",
                "2016"
            ])]
        );
        assert_eq!(
            ok("Nghị quyết số 25/2016/QH14"),
            [p(&[
                "Nhà nước",
                "Nghị quyết",
                "Quốc hội",
                "25/QH14",
                "2016"
            ])]
        );
        assert_eq!(
            ok("Luật Đất đai 2013"),
            [p(&["Nhà nước", "Luật", "Quốc hội", "Luật Đất đai", "2013"])]
        );
        assert_eq!(
            ok("luat dat dai"),
            [p(&["Nhà nước", "Luật", "Quốc hội", "Luật Đất đai"])]
        );
        assert_eq!(
            ok("Hiến pháp 2013"),
            [p(&[
                "Nhà nước",
                "Hiến pháp",
                "Quốc hội",
                "Hiến pháp",
                "2013"
            ])]
        );
        assert_eq!(
            ok("29-CT/TU"),
            [p(&[
                "Địa phương",
                "Chỉ thị",
                "Tỉnh ủy, Thành ủy",
                "29-CT/TU"
            ])]
        );
        assert_eq!(
            ok("233/NQ-ĐU"),
            [p(&["Địa phương", "Nghị quyết", "Đảng ủy", "233-NQ/ĐU"])]
        );
        assert!(ok("Nghị quyết 29").contains(&p(&["Chưa xác định", "Nghị quyết", "29"])));
        // Every extracted facet is matched by the filter built from its own label.
        for text in [
            "Nghị quyết Trung ương 4 (khóa XI, XII)",
            "Chỉ thị số 35-CT/TW",
            "Quy định 96 ngày 2-2-2023 của Bộ Chính trị",
            "Nghị định 61/2017/NĐ-CP và Chỉ thị 05/CT-TTg ngày 6/2/2017",
            "Công văn số 211/BTC-TCDN, Kế hoạch 02/KHLT/UBND-UBMTTQ, Chỉ thị 29-CT/TU",
            "Luật Đất đai 2013, Bộ luật Hình sự số 100/2015/QH13, Nghị quyết 29",
            "Nghị quyết Hội nghị Trung ương 8 (khóa I)",
        ] {
            for r in extract_references(text, d(2023, 6, 23)) {
                let prefixes = ok(&r.label);
                assert!(
                    prefixes.iter().any(|p| r.facet.starts_with(p)),
                    "{} {:?} {:?}",
                    r.label,
                    r.facet,
                    prefixes
                );
            }
        }
        let err = resolution_filter("Nghi quyet Trung uong bon muoi").unwrap_err();
        assert!(err.len() <= 3);
        let err = resolution_filter("NQ TW4 khoa XI1").unwrap_err();
        assert!(err.iter().any(|l| l.starts_with("NQ TW4")), "{err:?}");
        assert!(resolution_filter("").is_err());
    }

    #[test]
    fn cited_date_lower_bound() {
        assert_eq!(
            latest_cited_document_date("thực hiện Nghị quyết Trung ương 4 khóa XII"),
            d(2016, 10, 30)
        );
        assert_eq!(latest_cited_document_date("không có văn bản"), None);
        assert_eq!(
            latest_cited_document_date("thực hiện Nghị quyết TƯ 4, ..."),
            d(2012, 1, 16)
        );
        assert_eq!(
            latest_cited_document_date(
                "Nghị quyết Trung ương 6 khóa X và Nghị quyết Đại hội lần thứ XII"
            ),
            d(2016, 1, 28)
        );
    }
}
