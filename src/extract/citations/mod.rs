//! Citations: the Party documents an article cites ("Nghị quyết Trung ương 4 (khóa XI, XII)",
//! "Chỉ thị số 35-CT/TW", "Quy định 96 ngày 2-2-2023 của Bộ Chính trị", "Nghị quyết Đại hội
//! XIII"), as canonical labels and facet paths. Facts come from `index_schema/documents.tsv`,
//! `document_kinds.tsv` and `terms.tsv`; the forms handled are those of
//! `shared/gazetteer/reference-patterns.md`.
//!
//! Vocabulary: a *document* is a Party (or State) document, a row of the table or a symbol; a
//! *mention* is where an article's text names one ([`scan`]); a *citation* is a mention
//! resolved to a document, with its label, facet and khóa ([`resolve`]). Users see the same
//! thing as `references` (JSON key) and `resolution` (facet and filter flag).
//!
//! | file | job |
//! | --- | --- |
//! | `patterns.rs` | the regexes and text windows |
//! | `table.rs` | the one kind table, table rows as facets and citations |
//! | `khoa.rs` | numbers, terms and their first days |
//! | `scan.rs` | text → mentions, once per article |
//! | `resolve.rs` | mentions + article date → citations; the date's lower bound |
//! | `filter.rs` | the `--resolution` filter parser |
//!
//! # Labels and facets
//!
//! A document known to the table gets the table's `canonical` label, so "Nghị quyết số 04-NQ/TW"
//! and "Nghị quyết Trung ương 4 khóa XII" are both `NQ TW4 khóa XII`. Facet paths, kind first:
//!
//! | document | label | facet |
//! | --- | --- | --- |
//! | plenum, one document | `NQ TW4 khóa XII` | `Nghị quyết / TW4 / khóa XII` |
//! | plenum mention, several documents (TW6 khóa XII: 18..21) | `NQ TW6 khóa XII` | `Nghị quyết / TW6 / khóa XII` |
//! | one of them by number | `NQ TW6 khóa XII số 18` | `Nghị quyết / TW6 / khóa XII / 18-NQ/TW` |
//! | plenum, khóa unknown | `NQ TW4` | `Nghị quyết / TW4` |
//! | numbered document | `CT 35-CT/TW khóa XII` | `Chỉ thị / 35-CT/TW / khóa XII` |
//! | numbered, khóa unknown or local | `CTr 04-CTr/TU` | `Chương trình hành động / 04-CTr/TU` |
//! | congress | `NQ Đại hội XIII` | `Nghị quyết / Đại hội / khóa XIII` |
//!
//! So the filter "Nghị quyết Trung ương 4" is the prefix `Nghị quyết / TW4` (every term), "NQ TW4
//! khóa XII" is `Nghị quyết / TW4 / khóa XII`, and "35-CT/TW" is `Chỉ thị / 35-CT/TW` (both
//! terms that issued a 35-CT/TW). A bare plenum mention of a several-document plenum does not
//! match a filter for one of its documents by number.
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
//! get a khóa.

mod khoa;
mod patterns;
mod table;

pub mod filter;
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
    use crate::model::{Citation, Date};
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
        assert_eq!(a[0].facet, ["Nghị quyết", "TW4", "khóa XII"]);
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
                "gắn với thực hiện Chỉ thị 05... Qua đó",
                d(2020, 11, 6),
                &["CT 05-CT/TW khóa XII"],
            ),
            (
                "sửa đổi Quy định số 293 và 294 của Ban Bí thư nhằm",
                d(2022, 11, 23),
                &["QĐ 293-QĐ/TW", "QĐ 294-QĐ/TW"],
            ),
            ("Quyết định số 824-QĐ/TTg", None, &[]),
            ("Nghị quyết 35 của Chính phủ", None, &[]),
            (
                "Nghị quyết 19, Nghị quyết 35 của Thủ tướng Chính phủ",
                None,
                &[],
            ),
            (
                "Nghị quyết 382 và Kết luận 763 của Quân ủy Trung ương",
                None,
                &[],
            ),
            ("Nghị quyết số 202/2025/QH15", None, &[]),
        ];
        for (text, date, want) in cases {
            assert_eq!(labels(text, *date), *want, "{text}");
        }
        let r = extract_references("Chỉ thị số 35-CT/TW", d(2019, 7, 28));
        assert!(r[0].term_inferred);
        assert_eq!(r[0].facet, ["Chỉ thị", "35-CT/TW", "khóa XII"]);
        let r = extract_references("Chỉ thị 05-CT/TW", d(2016, 1, 1));
        assert_eq!(r[0].label, "CT 05-CT/TW khóa XII");
        let both = "Kế hoạch số 4-KH/TW ngày 16/11/2016. Thực hiện Kế hoạch số 04-KH/TW, ...";
        assert_eq!(labels(both, None), ["KH 04-KH/TW khóa XII"]);
        let r = extract_references("Chương trình hành động số 04-CTr/TU", None);
        assert_eq!(r[0].facet, ["Chương trình hành động", "04-CTr/TU"]);
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
        assert_eq!(r[0].facet, ["Nghị quyết", "TW4"]);
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
        assert_eq!(ok("Nghị quyết Trung ương 4"), [vec!["Nghị quyết", "TW4"]]);
        assert_eq!(ok("nghi quyet trung uong 4"), [vec!["Nghị quyết", "TW4"]]);
        assert_eq!(
            ok("NQ TW4 khóa XII"),
            [vec!["Nghị quyết", "TW4", "khóa XII"]]
        );
        assert_eq!(
            ok("NQ TW4 khoa XII"),
            [vec!["Nghị quyết", "TW4", "khóa XII"]]
        );
        assert_eq!(ok("35-CT/TW"), [vec!["Chỉ thị", "35-CT/TW"]]);
        assert_eq!(
            ok("35-CT/TW khóa XII"),
            [vec!["Chỉ thị", "35-CT/TW", "khóa XII"]]
        );
        assert_eq!(ok("Chỉ thị 05"), [vec!["Chỉ thị", "05-CT/TW"]]);
        assert_eq!(ok("chi thi so 5"), [vec!["Chỉ thị", "05-CT/TW"]]);
        assert_eq!(ok("04-NQ/TW"), [vec!["Nghị quyết", "TW4", "khóa XII"]]);
        assert_eq!(ok("18-NQ/TW").len(), 2);
        assert_eq!(ok("Hội nghị Trung ương 4").len(), 3);
        assert_eq!(
            ok("Nghị quyết Đại hội XIII"),
            [vec!["Nghị quyết", "Đại hội", "khóa XIII"]]
        );
        assert_eq!(
            ok("04-CTr/TU"),
            [vec!["Chương trình hành động", "04-CTr/TU"]]
        );
        assert_eq!(
            ok("QĐ 96-QĐ/TW khóa XIII"),
            [vec!["Quy định", "96-QĐ/TW", "khóa XIII"]]
        );
        // Every extracted facet is matched by the filter built from its own label.
        for text in [
            "Nghị quyết Trung ương 4 (khóa XI, XII)",
            "Chỉ thị số 35-CT/TW",
            "Quy định 96 ngày 2-2-2023 của Bộ Chính trị",
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
