//! Provinces (`provinces.tsv`), regions (`regions.tsv`) and the words that make a province
//! name something else (`province_context.txt`), parsed once; look-ups from user text and the
//! region → province facet path of a province.
//!
//! Regions: an extracted province is a pre-merger canonical name, and [`region_of`] gives its
//! pre-merger region. The since-2025 units have their own regions ([`region_of_unit`]); the
//! since-2025 Gia Lai (old Gia Lai + Bình Định) has none, because the sources disagree (see
//! `index_schema/README.md`), so `--merged` counts it under [`UNKNOWN_REGION`] and never
//! guesses.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::closest;
use crate::text::{fold, normalize_text};

/// One provincial-level unit of one era (see `index_schema/README.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    pub name: &'static str,
    pub kind: &'static str,
    pub era: Era,
    pub merged_into: Option<&'static str>,
    pub region: Option<&'static str>,
}

/// Which list a unit belongs to: the 63 units until 30 June 2025, the 34 since 1 July 2025, or
/// both (unchanged by the merger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Until2025,
    Since2025,
    Both,
}

/// A unit with the spellings the text matcher looks for and its context words.
#[derive(Debug, Clone)]
pub struct ProvinceRow {
    pub province: Province,
    /// The name (unless `bare_name = no`), the gazetteer's aliases and vnsearch's additions.
    pub spellings: Vec<&'static str>,
    /// Words that, right after the name, make it part of a longer proper name.
    pub not_before: Vec<&'static str>,
    /// Words that, right before the name, make it something else.
    pub not_after: Vec<&'static str>,
}

/// The region path segment of a province whose region is not known.
pub const UNKNOWN_REGION: &str = "Không rõ vùng";

struct Tables {
    rows: Vec<ProvinceRow>,
    /// Folded key (lower case, letters and digits only) → row, until-2025/both preferred.
    by_key: HashMap<String, usize>,
    /// Every known spelling, for suggestions: (folded key, canonical name).
    spellings: Vec<(String, &'static str)>,
    /// (region, aliases users type).
    regions: Vec<(&'static str, Vec<&'static str>)>,
    unit_or_feature: Vec<&'static str>,
    name_syllables: Vec<&'static str>,
}

/// Lower case, folded, letters and digits only: "TP. Hồ Chí Minh" → "tphochiminh".
pub fn key(s: &str) -> String {
    fold(&normalize_text(s))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key without a leading unit word ("tinh", "thanhpho", "tp"), so "tỉnh Đắk Lắk" and
/// "TP.HCM" reach "daklak" and "hcm".
fn strip_unit_prefix(k: &str) -> &str {
    for p in ["thanhpho", "tinh", "tp"] {
        if let Some(rest) = k.strip_prefix(p) {
            if rest.len() >= 2 {
                return rest;
            }
        }
    }
    k
}

fn parse_rows() -> Vec<ProvinceRow> {
    super::rows("provinces.tsv")
        .map(|f| {
            let cell = |i: usize| f.get(i).copied().unwrap_or("");
            let era = match cell(2) {
                "until-2025" => Era::Until2025,
                "since-2025" => Era::Since2025,
                "both" => Era::Both,
                other => panic!("provinces.tsv: unknown era {other:?}"),
            };
            let opt = |s: &'static str| (!s.is_empty()).then_some(s);
            let mut spellings: Vec<&'static str> = Vec::new();
            if cell(7) != "no" {
                spellings.push(cell(0));
            }
            spellings.extend(super::split_list(cell(5)));
            spellings.extend(super::split_list(cell(6)));
            ProvinceRow {
                province: Province {
                    name: cell(0),
                    kind: cell(1),
                    era,
                    merged_into: opt(cell(3)),
                    region: opt(cell(4)),
                },
                spellings,
                not_before: super::split_list(cell(8)).collect(),
                not_after: super::split_list(cell(9)).collect(),
            }
        })
        .collect()
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let rows = parse_rows();
        let mut by_key = HashMap::new();
        let mut spellings = Vec::new();
        // Until-2025/both rows first, so a name in both eras resolves to the pre-merger unit.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by_key(|&i| rows[i].province.era == Era::Since2025);
        for i in order {
            let row = &rows[i];
            let mut names = vec![row.province.name];
            names.extend(row.spellings.iter().copied());
            for n in names {
                let k = key(n);
                by_key.entry(strip_unit_prefix(&k).to_owned()).or_insert(i);
                by_key.entry(k.clone()).or_insert(i);
                spellings.push((k, row.province.name));
            }
        }
        spellings.sort();
        spellings.dedup();
        let regions = super::rows("regions.tsv")
            .map(|f| {
                let aliases = f.get(1).copied().unwrap_or("");
                (f[0], super::split_list(aliases).collect())
            })
            .collect();
        let mut context = super::sections("province_context.txt");
        let mut take = |name: &str| {
            context
                .iter_mut()
                .find(|(s, _)| *s == name)
                .map(|(_, words)| std::mem::take(words))
                .unwrap_or_else(|| panic!("province_context.txt: no [{name}] section"))
        };
        let unit_or_feature = take("unit_or_feature");
        let name_syllables = take("name_syllable");
        Tables {
            rows,
            by_key,
            spellings,
            regions,
            unit_or_feature,
            name_syllables,
        }
    })
}

/// Every unit of the table (both eras) with its spellings, in table order.
pub fn rows() -> &'static [ProvinceRow] {
    &tables().rows
}

/// Every unit of the table (both eras), in table order.
pub fn all_provinces() -> impl Iterator<Item = &'static Province> {
    rows().iter().map(|r| &r.province)
}

/// Words after which a capitalised province name is a ward, a district, a street, a river...
pub fn unit_or_feature_words() -> &'static [&'static str] {
    &tables().unit_or_feature
}

/// Name syllables: a province name right after one of these is part of a person's name.
pub fn name_syllables() -> &'static [&'static str] {
    &tables().name_syllables
}

/// Finds a province from a user's filter text: any alias, any tone placement, with or without
/// diacritics, case-insensitive ("dak lak", "TP.HCM", "hoa binh"). A name in both eras resolves to
/// the until-2025 unit.
pub fn lookup_province(name: &str) -> Option<&'static Province> {
    let t = tables();
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    t.by_key
        .get(&k)
        .or_else(|| t.by_key.get(strip_unit_prefix(&k)))
        .map(|&i| &t.rows[i].province)
}

/// Region from user text (with or without diacritics): the canonical region name.
pub fn lookup_region(name: &str) -> Option<&'static str> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    let k = k.strip_prefix("vung").filter(|r| r.len() > 3).unwrap_or(&k);
    tables()
        .regions
        .iter()
        .find(|(canon, aliases)| key(canon) == k || aliases.iter().any(|a| key(a) == k))
        .map(|(canon, _)| *canon)
}

/// The since-2025 unit a province (by canonical name or alias) belongs to now: "Hòa Bình" →
/// "Phú Thọ", "Hà Nội" → "Hà Nội".
pub fn current_unit(name: &str) -> Option<&'static str> {
    let p = by_name(name).or_else(|| lookup_province(name))?;
    match p.era {
        Era::Until2025 => p.merged_into,
        Era::Both | Era::Since2025 => Some(p.name),
    }
}

fn by_name(name: &str) -> Option<&'static Province> {
    let find = |era_ok: fn(Era) -> bool| all_provinces().find(|p| p.name == name && era_ok(p.era));
    find(|e| e != Era::Since2025).or_else(|| find(|e| e == Era::Since2025))
}

/// The region of a province by canonical name: the pre-merger region for a pre-merger name (all
/// extracted names are), so "Gia Lai" → "Tây Nguyên".
pub fn region_of(name: &str) -> Option<&'static str> {
    by_name(name).and_then(|p| p.region)
}

/// The region of a since-2025 unit; `None` for the since-2025 Gia Lai (sources disagree).
pub fn region_of_unit(name: &str) -> Option<&'static str> {
    all_provinces()
        .find(|p| p.name == name && p.era != Era::Until2025)
        .and_then(|p| p.region)
}

/// Region → province facet path of a province by canonical name. `merged` rolls it up to the
/// unit it has belonged to since July 2025, under that unit's region: a since-2025 unit without
/// an agreed region (Gia Lai) sits under [`UNKNOWN_REGION`], as do provinces of unknown region.
/// `None` when a merged province has no current unit.
pub fn place_path(province: &str, merged: bool) -> Option<Vec<String>> {
    let (name, region) = if merged {
        let unit = current_unit(province)?;
        (unit, region_of_unit(unit))
    } else {
        (province, region_of(province))
    };
    let region = region.unwrap_or(UNKNOWN_REGION);
    Some(vec![region.to_owned(), name.to_owned()])
}

/// Up to 3 closest known names (provinces and aliases, compared folded) for "unknown province"
/// messages.
pub fn suggest_provinces(name: &str) -> Vec<&'static str> {
    let k = key(name);
    let k = strip_unit_prefix(&k).to_owned();
    closest(
        &k,
        tables().spellings.iter().map(|(k, n)| (k.clone(), *n)),
        3,
    )
}

/// Up to 3 closest region names.
pub fn suggest_regions(name: &str) -> Vec<&'static str> {
    let k = key(name);
    closest(
        &k,
        tables().regions.iter().flat_map(|(canon, aliases)| {
            std::iter::once((key(canon), *canon)).chain(aliases.iter().map(|a| (key(a), *canon)))
        }),
        3,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let cases = [
            ("dak lak", "Đắk Lắk"),
            ("Đắc Lắc", "Đắk Lắk"),
            ("TP.HCM", "Hồ Chí Minh"),
            ("tp hcm", "Hồ Chí Minh"),
            ("ho chi minh", "Hồ Chí Minh"),
            ("hoa binh", "Hòa Bình"),
            ("Hoà Bình", "Hòa Bình"),
            ("HÒA BÌNH", "Hòa Bình"),
            ("thua thien hue", "Huế"),
            ("tỉnh Khánh Hòa", "Khánh Hòa"),
            ("ba ria vung tau", "Bà Rịa - Vũng Tàu"),
        ];
        for (input, want) in cases {
            assert_eq!(
                lookup_province(input).map(|p| p.name),
                Some(want),
                "{input}"
            );
        }
        assert_eq!(lookup_province("Phú Thọ").unwrap().era, Era::Until2025);
        assert_eq!(lookup_province("Hà Nội").unwrap().era, Era::Both);
        assert!(lookup_province("Hà Tây").is_none());
        assert!(lookup_province("").is_none());
        assert_eq!(current_unit("Hòa Bình"), Some("Phú Thọ"));
        assert_eq!(current_unit("Hà Nội"), Some("Hà Nội"));
        assert_eq!(current_unit("Trà Vinh"), Some("Vĩnh Long"));
        assert_eq!(current_unit("Atlantis"), None);
        assert_eq!(region_of("Quảng Ninh"), Some("Đồng bằng sông Hồng"));
        assert_eq!(region_of("Gia Lai"), Some("Tây Nguyên"));
        assert_eq!(region_of_unit("Gia Lai"), None);
        assert_eq!(
            region_of_unit("Phú Thọ"),
            Some("Trung du và miền núi phía Bắc")
        );
        assert_eq!(lookup_region("tay nguyen"), Some("Tây Nguyên"));
        assert_eq!(lookup_region("ĐBSCL"), Some("Đồng bằng sông Cửu Long"));
        assert_eq!(
            lookup_region("dong bang song cuu long"),
            Some("Đồng bằng sông Cửu Long")
        );
        assert_eq!(lookup_region("Bắc Cực"), None);
    }

    /// Issue 12's first defect: with `--merged`, Bình Định and old Gia Lai roll up into the
    /// since-2025 Gia Lai, which has no agreed region; without it, each keeps its own region.
    #[test]
    fn merged_gia_lai_has_no_region() {
        let path = |p: &str, merged: bool| place_path(p, merged).unwrap();
        assert_eq!(path("Bình Định", true), [UNKNOWN_REGION, "Gia Lai"]);
        assert_eq!(path("Gia Lai", true), [UNKNOWN_REGION, "Gia Lai"]);
        assert_eq!(path("Gia Lai", false), ["Tây Nguyên", "Gia Lai"]);
        assert_eq!(
            path("Bình Định", false),
            ["Bắc Trung Bộ và Duyên hải miền Trung", "Bình Định"]
        );
        assert_eq!(
            path("Hòa Bình", true),
            ["Trung du và miền núi phía Bắc", "Phú Thọ"]
        );
        assert_eq!(
            path("Kon Tum", true),
            ["Bắc Trung Bộ và Duyên hải miền Trung", "Quảng Ngãi"]
        );
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest_provinces("Dak Lac").first(), Some(&"Đắk Lắk"));
        assert_eq!(suggest_provinces("Ha Noii").first(), Some(&"Hà Nội"));
        assert!(suggest_provinces("Hoa Binhh").contains(&"Hòa Bình"));
        assert!(suggest_provinces("zzzzzzzzzzzz").is_empty());
        assert!(suggest_provinces("Quang Nm").len() <= 3);
        assert_eq!(suggest_regions("tay nguye").first(), Some(&"Tây Nguyên"));
    }

    #[test]
    fn table_is_consistent() {
        let rows: Vec<_> = all_provinces().collect();
        assert_eq!(rows.len(), 86);
        let before = rows.iter().filter(|p| p.era != Era::Since2025).count();
        let after = rows.iter().filter(|p| p.era != Era::Until2025).count();
        assert_eq!((before, after), (63, 34));
        for p in rows.iter().filter(|p| p.era == Era::Until2025) {
            let target = p.merged_into.expect("merged_into");
            assert!(
                rows.iter()
                    .any(|q| q.name == target && q.era != Era::Until2025),
                "{target}"
            );
        }
        // No folded spelling may lead to two different provinces.
        let t = tables();
        for w in t.spellings.windows(2) {
            assert!(
                w[0].0 != w[1].0 || w[0].1 == w[1].1,
                "{:?} / {:?}",
                w[0],
                w[1]
            );
        }
        // Every region a province names is a region of the region table.
        for p in &rows {
            if let Some(r) = p.region {
                assert!(t.regions.iter().any(|(name, _)| *name == r), "{r}");
            }
        }
        assert!(name_syllables().contains(&"Nguyễn"));
        assert!(unit_or_feature_words().contains(&"phường"));
    }
}
