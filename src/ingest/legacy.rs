//! Vietnamese text in the legacy 8-bit encodings TCVN3 (ABC) and VNI: detected and converted to
//! Unicode, or reported, so that mojibake ("ViÖt Nam", "Vieät Nam") is never indexed silently.
//!
//! Such text reaches vnsearch in two shapes: the raw legacy bytes (not valid UTF-8), or text that
//! was once read as Windows-1252 and saved as UTF-8 (valid UTF-8 full of Latin-1 letters). Both
//! are looked at as Latin-1 characters, which is how the table in
//! `index_schema/legacy_encodings.txt` writes the legacy side.
//!
//! Detection is by evidence, not guesswork: a text that already holds letters only Vietnamese
//! Unicode has (ạ, ư, đ …) is Unicode. Otherwise each table converts every word it can, and a
//! table is chosen only when most of the words it changed became well-formed Vietnamese
//! syllables (one tone mark, a known vowel group between known consonants, sane case).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::text::fold::fold;

/// Text beyond this many bytes is not needed to decide.
const SAMPLE_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Tcvn3,
    Vni,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Tcvn3, Encoding::Vni];

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
        }
    }
}

/// One encoding's mappings: legacy sequence (as Latin-1 characters) → Unicode letter.
struct Table {
    to_unicode: HashMap<String, char>,
    from_unicode: HashMap<char, Vec<u8>>,
    longest: usize,
}

fn table(encoding: Encoding) -> &'static Table {
    static TABLES: OnceLock<[Table; 2]> = OnceLock::new();
    let tables = TABLES.get_or_init(|| Encoding::ALL.map(|e| parse_table(e.key())));
    &tables[encoding as usize]
}

fn parse_table(key: &str) -> Table {
    let mut to_unicode = HashMap::new();
    let mut from_unicode = HashMap::new();
    for row in crate::data::legacy::mappings()
        .iter()
        .filter(|r| r.encoding == key)
    {
        let (unicode, bytes) = (row.letter, row.bytes.clone());
        let legacy: String = bytes.iter().map(|&b| char::from(b)).collect();
        if legacy.chars().eq(std::iter::once(unicode)) {
            // Same code point in both (VNI ì, í): nothing to convert, but still encodable.
            from_unicode.insert(unicode, bytes);
            continue;
        }
        to_unicode.insert(legacy, unicode);
        from_unicode.insert(unicode, bytes);
    }
    let longest = to_unicode
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(1);
    Table {
        to_unicode,
        from_unicode,
        longest,
    }
}

/// Reads bytes one character each (Latin-1), the view the legacy table is written in.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Converts text in `encoding` (as Latin-1 characters) to Unicode, longest match first.
pub fn convert(text: &str, encoding: Encoding) -> String {
    let table = table(encoding);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut key = String::new();
    let mut i = 0;
    'outer: while i < chars.len() {
        if chars[i].is_ascii() && !chars[i].is_ascii_alphabetic() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        for len in (1..=table.longest.min(chars.len() - i)).rev() {
            key.clear();
            key.extend(&chars[i..i + len]);
            if let Some(&unicode) = table.to_unicode.get(&key) {
                out.push(unicode);
                i += len;
                continue 'outer;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The legacy bytes of a Unicode text, or `None` if a character has no code in `encoding`.
/// The inverse of [`convert`] over [`latin1`]; tests use it to make legacy files.
pub fn encode(text: &str, encoding: Encoding) -> Option<Vec<u8>> {
    let table = table(encoding);
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            out.extend_from_slice(table.from_unicode.get(&c)?);
        }
    }
    Some(out)
}

/// What a text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Unicode (or no sign of a legacy encoding): use as it is.
    Unicode,
    /// Reliably in this legacy encoding.
    Legacy(Encoding),
    /// Looks like a legacy encoding, but not reliably enough to convert.
    Suspect,
}

/// Letters that only Vietnamese Unicode text has (never a Latin-1 legacy view).
fn is_vietnamese_only(c: char) -> bool {
    matches!(
        c,
        '\u{1EA0}'
            ..='\u{1EF9}'
                | 'ă'
                | 'Ă'
                | 'đ'
                | 'Đ'
                | 'ơ'
                | 'Ơ'
                | 'ư'
                | 'Ư'
                | '\u{0300}'
                | '\u{0301}'
                | '\u{0303}'
                | '\u{0309}'
                | '\u{0323}'
    )
}

fn syllable_shape() -> &'static Regex {
    static SHAPE: OnceLock<Regex> = OnceLock::new();
    SHAPE.get_or_init(|| {
        Regex::new(
            "^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?\
             (a|ai|ao|au|ay|e|eo|eu|i|ia|ie|ieu|iu|o|oa|oai|oao|oay|oe|oeo|oi|oo|u|ua|uay|ue|ui|uo|uoi|uou|uu|uy|uya|uye|uyu|y|ye|yeu)\
             (ch|ng|nh|c|m|n|p|t)?$",
        )
        .expect("syllable regex")
    })
}

/// Whether a word is a well-formed Vietnamese syllable: what a right conversion produces and a
/// wrong one ("ViƯt", "Vieọt", "ẹaỷng") does not.
fn is_vietnamese_syllable(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = chars.collect();
    let sane_case = rest.iter().all(|c| c.is_lowercase())
        || (first_upper && rest.iter().all(|c| c.is_uppercase()));
    if !sane_case {
        return false;
    }
    let tones = word
        .nfd()
        .filter(|c| {
            matches!(
                c,
                '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
            )
        })
        .count();
    tones <= 1 && syllable_shape().is_match(&fold(&word.to_lowercase()))
}

/// Decides whether `text` (Unicode, or legacy bytes read as Latin-1) is in a legacy encoding.
pub fn detect(text: &str) -> Verdict {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if !sample.chars().any(|c| ('\u{80}'..='\u{FF}').contains(&c)) {
        return Verdict::Unicode;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut vietnamese_words = 0;
    for word in sample.split_whitespace() {
        words.push(word);
        if word.chars().any(is_vietnamese_only) {
            vietnamese_words += 1;
            // Plain Vietnamese Unicode, the usual case: decided without reading further.
            if vietnamese_words >= 50 && vietnamese_words * 50 >= words.len() {
                return Verdict::Unicode;
            }
        }
    }
    if vietnamese_words * 50 >= words.len().max(1) {
        return Verdict::Unicode;
    }
    let mut best: Option<(Encoding, usize, usize)> = None;
    for encoding in Encoding::ALL {
        let (mut changed, mut valid) = (0, 0);
        for word in &words {
            let converted = convert(word, encoding);
            if converted != *word {
                changed += 1;
                if is_vietnamese_syllable(&converted) {
                    valid += 1;
                }
            }
        }
        if best.is_none_or(|(_, _, v)| valid > v) {
            best = Some((encoding, changed, valid));
        }
    }
    let Some((encoding, changed, valid)) = best else {
        return Verdict::Unicode;
    };
    let total = words.len();
    if changed >= 3 && changed * 10 >= total && valid * 100 >= changed * 85 {
        Verdict::Legacy(encoding)
    } else if changed >= 3 && changed * 5 >= total && valid * 2 >= changed {
        Verdict::Suspect
    } else {
        Verdict::Unicode
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: [&str; 3] = [
        "Hội nghị tổng kết công tác xây dựng Đảng và hệ thống chính trị năm 2023 tại Hà Nội.",
        "Ban Tổ chức Tỉnh ủy hướng dẫn việc kiểm điểm, đánh giá, xếp loại chất lượng đối với tổ chức đảng và đảng viên.",
        "Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; quyết liệt phòng, chống tham nhũng, tiêu cực.",
    ];

    /// TCVN3 has no capital letters with tone marks: its writers lower-case them.
    fn tcvn3_writable(text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_uppercase() && !c.is_ascii() && !"ĂÂĐÊÔƠƯ".contains(c) {
                    c.to_lowercase().next().unwrap()
                } else {
                    c
                }
            })
            .collect()
    }

    #[test]
    fn table_is_a_bijection_per_encoding() {
        for encoding in Encoding::ALL {
            let t = table(encoding);
            let mut seen = HashMap::new();
            for (unicode, bytes) in &t.from_unicode {
                assert!(
                    seen.insert(bytes.clone(), *unicode).is_none(),
                    "{encoding:?}: {bytes:02X?} used twice"
                );
            }
        }
        assert_eq!(table(Encoding::Tcvn3).from_unicode.len(), 67 + 7);
        assert_eq!(table(Encoding::Vni).from_unicode.len(), 2 * 67);
    }

    #[test]
    fn known_spellings() {
        assert_eq!(convert("ViÖt Nam", Encoding::Tcvn3), "Việt Nam");
        assert_eq!(convert("Vieät Nam", Encoding::Vni), "Việt Nam");
        assert_eq!(convert("Ñaûng Coäng saûn", Encoding::Vni), "Đảng Cộng sản");
        assert_eq!(convert("§¶ng Céng s¶n", Encoding::Tcvn3), "Đảng Cộng sản");
        assert_eq!(
            convert("chuû nghóa xaõ hoäi", Encoding::Vni),
            "chủ nghĩa xã hội"
        );
    }

    #[test]
    fn real_sentences_round_trip_and_are_detected_in_both_shapes() {
        for sentence in SENTENCES {
            for encoding in Encoding::ALL {
                let unicode = match encoding {
                    Encoding::Tcvn3 => tcvn3_writable(sentence),
                    Encoding::Vni => sentence.to_owned(),
                };
                let bytes = encode(&unicode, encoding).expect("encodable");
                assert!(
                    std::str::from_utf8(&bytes).is_err(),
                    "raw legacy bytes are not UTF-8"
                );
                let as_latin1 = latin1(&bytes);
                assert_eq!(convert(&as_latin1, encoding), unicode, "{encoding:?}");
                assert_eq!(detect(&as_latin1), Verdict::Legacy(encoding), "{as_latin1}");
            }
        }
    }

    #[test]
    fn unicode_vietnamese_and_other_languages_are_left_alone() {
        for sentence in SENTENCES {
            assert_eq!(detect(sentence), Verdict::Unicode);
        }
        assert_eq!(detect("plain ASCII text only"), Verdict::Unicode);
        assert_eq!(
            detect("Le café est à côté de l'hôtel où nous étions déjà allés près de la forêt."),
            Verdict::Unicode
        );
        assert_eq!(
            detect("Größere Änderungen für die Straße über München und Köln."),
            Verdict::Unicode
        );
    }

    #[test]
    fn a_wrong_table_does_not_pass_for_the_right_one() {
        let vni = latin1(&encode(SENTENCES[1], Encoding::Vni).unwrap());
        let tcvn3 = latin1(&encode(&tcvn3_writable(SENTENCES[1]), Encoding::Tcvn3).unwrap());
        assert_ne!(convert(&vni, Encoding::Tcvn3), SENTENCES[1]);
        assert_eq!(detect(&vni), Verdict::Legacy(Encoding::Vni));
        assert_eq!(detect(&tcvn3), Verdict::Legacy(Encoding::Tcvn3));
    }

    #[test]
    fn half_convertible_text_is_suspect_not_converted() {
        // Ten good VNI words, then five that change under every table but never become
        // Vietnamese: neither converted nor taken for Unicode.
        let good = latin1(
            &encode(
                "Hội nghị tổng kết công tác xây dựng Đảng năm nay",
                Encoding::Vni,
            )
            .unwrap(),
        );
        let text = format!("{good} aøaø eøeø oøoø uøuø yøyø");
        assert_eq!(detect(&text), Verdict::Suspect);
        let bytes: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let err = crate::ingest::decode::decode(&bytes).err().unwrap();
        assert!(
            err.starts_with("looks like Vietnamese in a legacy encoding"),
            "{err}"
        );
    }

    #[test]
    fn syllable_shapes() {
        for ok in [
            "Việt", "người", "nghĩa", "khuyến", "quốc", "giữa", "Đảng", "ĐẢNG", "hoà",
        ] {
            assert!(is_vietnamese_syllable(ok), "{ok}");
        }
        for bad in ["ViƯt", "Vieọt", "ẹaỷng", "cafộ"] {
            assert!(!is_vietnamese_syllable(bad), "{bad}");
        }
    }
}
