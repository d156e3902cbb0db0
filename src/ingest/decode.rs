//! Bytes to text: BOMs, UTF-16, invalid UTF-8, legacy Vietnamese encodings and binary files
//! that carry a `.txt` name.

use super::legacy::{self, Verdict};

/// Decoded text and, when the bytes needed mending, what was done.
pub struct Decoded {
    pub text: String,
    pub repair: Option<String>,
}

/// Decodes a file's bytes; `Err` names why the file cannot be an article.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let decoded = decode_any(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err("empty file".into());
    }
    Ok(decoded)
}

fn decode_any(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(decode_utf16(rest, u16::from_be_bytes));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        if let Some(text) = utf16_without_bom(bytes) {
            return Ok(Decoded {
                text,
                repair: Some("decoded from UTF-16 (no byte-order mark)".into()),
            });
        }
        return Err("binary content (NUL bytes), not a text article".into());
    }
    decode_utf8(bytes)
}

fn decode_utf8(bytes: &[u8]) -> Result<Decoded, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => match legacy::detect(text) {
            Verdict::Unicode => Ok(Decoded {
                text: text.to_owned(),
                repair: None,
            }),
            Verdict::Legacy(encoding) => Ok(Decoded {
                text: legacy::convert(text, encoding),
                repair: Some(format!(
                    "converted from the legacy {} encoding (the text had been read as Western European)",
                    encoding.name()
                )),
            }),
            Verdict::Suspect => Err(SUSPECT.into()),
        },
        Err(_) => {
            let as_latin1 = legacy::latin1(bytes);
            match legacy::detect(&as_latin1) {
                Verdict::Legacy(encoding) => {
                    return Ok(Decoded {
                        text: legacy::convert(&as_latin1, encoding),
                        repair: Some(format!(
                            "converted from the legacy {} encoding",
                            encoding.name()
                        )),
                    })
                }
                Verdict::Suspect => return Err(SUSPECT.into()),
                Verdict::Unicode => {}
            }
            let text = String::from_utf8_lossy(bytes);
            let bad = text.matches('\u{FFFD}').count();
            if bad * 20 > text.chars().count().max(1) {
                return Err(format!("not UTF-8 text ({bad} invalid sequences)"));
            }
            Ok(Decoded {
                text: text.into_owned(),
                repair: Some(format!(
                    "{bad} invalid UTF-8 sequence(s) replaced with U+FFFD"
                )),
            })
        }
    }
}

/// Why a text that looks like a legacy encoding is not indexed: it would be mojibake.
const SUSPECT: &str =
    "looks like Vietnamese in a legacy encoding (TCVN3/VNI) that cannot be converted reliably; not indexed (convert it to UTF-8)";

/// UTF-16 saved without a byte-order mark: every other byte NUL in ASCII-heavy text. Taken
/// only when one byte order decodes cleanly, without NUL or control characters, and at least
/// half of it is ASCII (Vietnamese is); binary files fail that.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let orders: [fn([u8; 2]) -> u16; 2] = [u16::from_le_bytes, u16::from_be_bytes];
    orders.into_iter().find_map(|unit| {
        let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
        let clean = !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
        let ascii = text.chars().filter(char::is_ascii).count();
        (clean && ascii * 2 >= text.chars().count()).then_some(text)
    })
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Decoded {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    Decoded {
        text,
        repair: Some("decoded from UTF-16".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_scrapers_produce() {
        assert_eq!(decode("Đảng".as_bytes()).unwrap().text, "Đảng");
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().text, "abc");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Đảng".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).unwrap().text, "Đảng");
        let mended = decode(b"good text \xFF more good text here").unwrap();
        assert!(mended.repair.is_some());
        assert!(decode(b"\x00\x01\x02binary").is_err());
        for unit in [u16::to_le_bytes, u16::to_be_bytes] {
            let bare: Vec<u8> = "Đảng viên\r\nchi bộ"
                .encode_utf16()
                .flat_map(unit)
                .collect();
            let decoded = decode(&bare).unwrap();
            assert_eq!(decoded.text, "Đảng viên\r\nchi bộ");
            assert_eq!(
                decoded.repair.unwrap(),
                "decoded from UTF-16 (no byte-order mark)"
            );
        }
        let png_like: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(decode(&png_like).is_err());
        assert!(decode(b"  \n").is_err());
        assert_eq!(decode(b"\xEF\xBB\xBF \r\n").err().unwrap(), "empty file");
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x20, 0x00]).err().unwrap(),
            "empty file"
        );
    }
}
