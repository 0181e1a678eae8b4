//! Bytes to text. Files on people's disks come in UTF-8 (with or without a BOM),
//! UTF-16 (a BOM, or none from some Windows tools), Windows-1252 and Latin-1.
//! encoding_rs does the decoding; chardetng guesses the legacy encoding when the
//! bytes are not UTF-8 and nothing declares one.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text, and a note when the encoding was guessed rather than known.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Decodes a file's bytes. `declared` is an encoding label the format itself
/// names (an HTML `<meta charset>`, an XML declaration), used when there is no BOM
/// and the bytes are not UTF-8.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, super::ReadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let note = had_errors.then(|| format!("invalid {} sequences replaced with U+FFFD", enc.name()));
        return Ok(Decoded { text: text.into_owned(), note });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(Decoded { text: text.into_owned(), note: Some(format!("no byte-order mark; read as {}", enc.name())) });
    }
    if bytes.contains(&0) {
        return Err(super::ReadError::Binary);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: s.to_string(), note: None });
    }
    let declared = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())).filter(|e| *e != UTF_8);
    let (enc, note) = match declared {
        Some(e) => (e, None),
        None => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            let e = det.guess(None, chardetng::Utf8Detection::Deny);
            (e, Some(format!("not UTF-8; guessed {}", e.name())))
        }
    };
    let (text, _, _) = enc.decode(bytes);
    Ok(Decoded { text: text.into_owned(), note })
}

/// UTF-16 without a BOM shows as NUL in every other byte (for Latin text).
/// Accept it only when that pattern is overwhelming, so binary files stay binary.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let (mut even_nul, mut odd_nul) = (0, 0);
    for p in sample.chunks_exact(2) {
        even_nul += usize::from(p[0] == 0);
        odd_nul += usize::from(p[1] == 0);
    }
    let enc = if odd_nul * 10 >= pairs * 9 && even_nul == 0 {
        UTF_16LE
    } else if even_nul * 10 >= pairs * 9 && odd_nul == 0 {
        UTF_16BE
    } else {
        return None;
    };
    // The text must decode cleanly and be mostly printable.
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let control = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
    (!had_errors && control * 100 <= text.chars().count()).then_some(enc)
}

/// The charset an HTML or XML document declares in its first bytes, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        if let Some(i) = head.find(key) {
            let rest = head[i + key.len()..].trim_start_matches(['"', '\'', ' ']);
            let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':')).collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
    }
    None
}

/// Text that was UTF-8 read once as Windows-1252 and encoded again ("Googleâ€™s" for
/// "Google’s"; often through a page's entities, `&acirc;&euro;&trade;`), repaired word by
/// word, as ftfy does: a word goes back to its Windows-1252 bytes and is read as UTF-8,
/// and is kept only where those bytes are UTF-8 with a character above U+007F. Text
/// meant as written stays ("château", "SÃO PAULO": their bytes are no UTF-8).
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    // The lead characters of two- and three-byte UTF-8 read as Windows-1252.
    let suspect = |w: &str| w.contains(['â', 'Ã', 'Â', 'Å', 'Ä', 'Ð', 'Ñ']);
    if !suspect(text) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        match suspect(word).then(|| repaired_word(word)).flatten() {
            Some(fixed) => out.push_str(&fixed),
            None => out.push_str(word),
        }
    }
    out.into()
}

fn repaired_word(word: &str) -> Option<String> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(word);
    if unmappable {
        return None;
    }
    let fixed = std::str::from_utf8(&bytes).ok()?;
    (fixed != word && fixed.chars().any(|c| c as u32 > 0x7f)).then(|| fixed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_plain_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello", None).unwrap().text, "hello");
        assert_eq!(decode(b"\xFF\xFEh\0i\0", None).unwrap().text, "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i", None).unwrap().text, "hi");
        assert_eq!(decode("café".as_bytes(), None).unwrap(), Decoded { text: "café".into(), note: None });
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "On Dec. 5, BT said".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = "On Dec. 5, BT said".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&le, None).unwrap().text, "On Dec. 5, BT said");
        assert_eq!(decode(&be, None).unwrap().text, "On Dec. 5, BT said");
    }

    #[test]
    fn windows_1252_is_guessed() {
        // "café – “quoted”" in Windows-1252.
        let d = decode(b"The caf\xe9 \x96 \x93quoted\x94 opened in March.", None).unwrap();
        assert_eq!(d.text, "The café – “quoted” opened in March.");
        assert!(d.note.is_some());
    }

    #[test]
    fn declared_charset_wins_over_guessing() {
        let d = decode(b"na\xefve", Some("iso-8859-1")).unwrap();
        assert_eq!(d.text, "naïve");
        assert_eq!(declared_charset(b"<html><meta charset=\"windows-1252\">"), Some("windows-1252".into()));
        assert_eq!(declared_charset(b"<?xml version=\"1.0\" encoding='ISO-8859-1'?>"), Some("iso-8859-1".into()));
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", None).is_err());
    }

    #[test]
    fn text_encoded_twice_is_repaired_and_text_as_written_is_not() {
        assert_eq!(repair_mojibake("Googleâ€™s AI Overviews â€” now"), "Google’s AI Overviews — now");
        assert_eq!(repair_mojibake("Ã‰cole and cafÃ©"), "École and café");
        assert_eq!(repair_mojibake("costs Â£5"), "costs £5");
        for kept in ["château", "SÃO PAULO", "â alone", "plain text"] {
            assert_eq!(repair_mojibake(kept), kept);
        }
    }
}
