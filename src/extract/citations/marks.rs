//! Puts the marks back on a filter typed without them ("nghi quyet 19 cua chinh phu" →
//! "Nghị quyết 19 của Chính phủ"), so that one reader, the one that reads articles, reads
//! filters too. Only words typed without any mark are replaced, and only by a phrase of the
//! tables' vocabulary that folds to exactly those words: what a user typed with marks is kept.

use std::sync::OnceLock;

use crate::data::documents::kinds;
use crate::data::issuers::issuers;
use crate::data::laws::laws;
use crate::text::fold;

/// Words of filters that are not names in a table.
const WORDS: [&str; 24] = [
    "của",
    "số",
    "khóa",
    "Hội nghị",
    "Trung ương",
    "Đại hội",
    "lần thứ",
    "Ban Chấp hành",
    "Đảng",
    "năm",
    "nhất",
    "hai",
    "ba",
    "tư",
    "bốn",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "lăm",
    "đại biểu",
    "toàn quốc",
    "ngày",
];

/// (folded words, phrase) pairs, longest first.
fn vocabulary() -> &'static [(Vec<String>, &'static str)] {
    static V: OnceLock<Vec<(Vec<String>, &'static str)>> = OnceLock::new();
    V.get_or_init(|| {
        let mut phrases: Vec<&'static str> = WORDS.to_vec();
        for k in kinds() {
            phrases.push(k.name);
            phrases.extend(k.short);
        }
        for i in issuers() {
            phrases.push(i.name);
            phrases.extend(i.prose.iter().copied());
        }
        for l in laws() {
            phrases.push(l.name);
        }
        let mut v: Vec<(Vec<String>, &'static str)> = phrases
            .into_iter()
            .map(|p| {
                let words = fold(&p.to_lowercase())
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect();
                (words, p)
            })
            .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        v
    })
}

/// `input` with every run of unmarked words that spells a known phrase written with its marks.
pub fn restore_marks(input: &str) -> String {
    let tokens: Vec<&str> = input.split_whitespace().collect();
    let plain = |t: &str| t.is_ascii();
    let folded: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    'outer: while i < tokens.len() {
        for (words, phrase) in vocabulary() {
            let n = words.len();
            if n == 0 || i + n > tokens.len() {
                continue;
            }
            if (0..n).all(|j| plain(tokens[i + j]) && folded[i + j] == words[j]) {
                out.push((*phrase).to_owned());
                i += n;
                continue 'outer;
            }
        }
        out.push(restore_codes(tokens[i]));
        i += 1;
    }
    out.join(" ")
}

/// The codes of a symbol typed without marks: "61/2017/nd-cp" → "61/2017/NĐ-CP",
/// "233/nq-du" → "233/NQ-ĐU". Parts that are not codes are kept as typed.
fn restore_codes(token: &str) -> String {
    if !token.is_ascii()
        || !token.contains(['/', '-'])
        || !token.contains(|c: char| c.is_ascii_digit())
    {
        return token.to_owned();
    }
    static CODES: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    let codes = CODES.get_or_init(|| {
        kinds()
            .iter()
            .flat_map(|k| k.codes.iter().copied())
            .chain(
                issuers()
                    .iter()
                    .flat_map(|i| std::iter::once(i.code).chain(i.variants.iter().copied())),
            )
            .map(|c| (fold(&c.to_uppercase()), c))
            .collect()
    });
    let mut out = String::new();
    let mut part = String::new();
    let flush = |part: &mut String, out: &mut String| {
        let up = part.to_uppercase();
        let digits = up.len() - up.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (letters, term) = up.split_at(up.len() - digits);
        // A code typed as it is spelled wins ("TU" is Tỉnh ủy, not "TƯ" without its mark).
        let exact = codes.iter().find(|(_, c)| c.to_uppercase() == letters);
        match exact.or_else(|| codes.iter().find(|(f, _)| f == letters)) {
            Some((_, code)) if !letters.is_empty() => {
                out.push_str(code);
                out.push_str(term);
            }
            _ => out.push_str(part),
        }
        part.clear();
    };
    for c in token.chars() {
        if c == '/' || c == '-' {
            flush(&mut part, &mut out);
            out.push(c);
        } else {
            part.push(c);
        }
    }
    flush(&mut part, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_come_back_on_unmarked_words_only() {
        assert_eq!(
            restore_marks("nghi quyet 19 cua chinh phu"),
            "Nghị quyết 19 của Chính phủ"
        );
        assert_eq!(restore_marks("nghi dinh 61/2017"), "Nghị định 61/2017");
        assert_eq!(restore_marks("luat dat dai 2013"), "Luật Đất đai 2013");
        assert_eq!(
            restore_marks("hoi nghi trung uong 8 khoa I"),
            "Hội nghị Trung ương 8 khóa I"
        );
        assert_eq!(
            restore_marks("Nghị quyết 19 cua chinh phu"),
            "Nghị quyết 19 của Chính phủ"
        );
        // What the user marked stays: "sửa" is not turned into anything.
        assert_eq!(restore_marks("NĐ 61/2017"), "NĐ 61/2017");
        assert_eq!(restore_marks("chi thi 05/CT-TTg"), "Chỉ thị 05/CT-TTg");
        assert_eq!(
            restore_marks("nghi dinh 61/2017/nd-cp"),
            "Nghị định 61/2017/NĐ-CP"
        );
        assert_eq!(restore_marks("233/nq-du"), "233/NQ-ĐU");
        assert_eq!(restore_marks("ND 61/2017"), "NĐ 61/2017");
        assert_eq!(restore_marks("25/2016/qh14"), "25/2016/QH14");
    }
}
