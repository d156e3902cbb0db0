//! Publication dates written into article URLs by Vietnamese news and Party sites. Only forms
//! that cannot be an id are read:
//!
//! | form | sites (examples) |
//! | --- | --- |
//! | `…-YYYYMMDDhhmmss.htm`, `…-YYYYMMDDhhmmssSSS.htm` (14 or 17 digits, a valid date and time) | dantri.com.vn, tuoitre.vn |
//! | `/YYYY/MM/DD/` | WordPress-style provincial and Party sites |
//! | `/YYYY-MM-DD/` | blog-style sites |
//! | `…-YYYYMMDD.htm` (8 digits, a valid date) | some provincial portals |
//!
//! A number of any other length (`-post786488.html`, baomoi's `/c/21395276.epi`) is an id, and
//! so is any date outside 1995..=2035 (the Vietnamese web's years, with room ahead).

use std::sync::OnceLock;

use regex::Regex;

use crate::model::Date;

const YEARS: std::ops::RangeInclusive<i32> = 1995..=2035;

fn patterns() -> &'static [Regex; 3] {
    static P: OnceLock<[Regex; 3]> = OnceLock::new();
    P.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("url date regex");
        [
            // A dash, then the whole run of digits, then the extension or the end.
            r(r"-(\d{8}|\d{14}|\d{17})(?:\.[a-z]{2,5})?(?:[?#].*)?$"),
            r(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),
            r(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$)"),
        ]
    })
}

/// The publication date a URL states, if it states one unambiguously.
pub fn date_in_url(url: &str) -> Option<Date> {
    let [stamp, slashes, dashes] = patterns();
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    let valid = |y: i32, m: u32, d: u32| Date::new(y, m, d).filter(|d| YEARS.contains(&d.year()));
    if let Some(c) = stamp.captures(path) {
        let digits = &c[1];
        let n = |from: usize, to: usize| digits[from..to].parse::<u32>().ok();
        if digits.len() > 8 {
            let time_ok = n(8, 10)? < 24 && n(10, 12)? < 60 && n(12, 14)? < 60;
            if !time_ok {
                return None;
            }
        }
        return valid(n(0, 4)? as i32, n(4, 6)?, n(6, 8)?);
    }
    for re in [slashes, dashes] {
        if let Some(c) = re.captures(path) {
            return valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn dated_urls() {
        let cases = [
            (
                "https://dantri.com.vn/kinh-doanh/vinamilk-lot-top-1000-thuong-hieu-hang-dau-chau-a-20201001163534963.htm",
                d(2020, 10, 1),
            ),
            (
                "https://tuoitre.vn/ha-noi-hop-bao-20210423101512.htm",
                d(2021, 4, 23),
            ),
            ("https://tinhuy.example.vn/2019/07/28/hoi-nghi/", d(2019, 7, 28)),
            ("http://example.vn/tin-tuc/2019/7/8/bai-viet", d(2019, 7, 8)),
            ("https://example.vn/2023-06-23/hoi-nghi.html", d(2023, 6, 23)),
            ("https://example.vn/tin/hoi-nghi-20220915.htm", d(2022, 9, 15)),
            (
                "https://dantri.com.vn/a-20210428142245631.htm?utm=1",
                d(2021, 4, 28),
            ),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url), want, "{url}");
        }
    }

    #[test]
    fn ids_are_not_dates() {
        for url in [
            "https://nhandan.vn/ban-to-chuc-tong-ket-nam-2023-post786488.html",
            "http://www.baomoi.com/a/c/21395276.epi",
            "https://vnexpress.net/bai-viet-4265637.html",
            "https://example.vn/tin/hoi-nghi-20221315.htm",
            "https://example.vn/a-20201001253534963.htm",
            "https://example.vn/a-123456789012.htm",
            "https://example.vn/tin/nam-2020-12345678.htm",
            "https://example.vn/2019/13/01/",
            "https://example.vn/1890/01/01/",
            "https://2019.example.vn/",
            "",
        ] {
            assert_eq!(date_in_url(url), None, "{url}");
        }
    }
}
