//! Bytes to text.
//!
//! Word's "Plain Text" export writes UTF-8 (with or without a BOM) or, as "Unicode text",
//! UTF-16 with a BOM; everything else a clerk may pick by mistake — a .docx, a PDF, a scan
//! image, a file in the pre-Unicode TCVN3/VNI encodings — must be refused with a reason, never
//! imported as mojibake.

use crate::{ImportError, MAX_FILE_BYTES};

/// Above this share of control characters the "text" is really a binary file.
const MAX_CONTROL_SHARE: usize = 20; // one in twenty characters

/// Decodes a file's bytes. The text keeps its line ends; NFC comes later.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    // Size first: a clerk who picked a 40 MB scan should not wait for it to be decoded.
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_FILE_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        let rest = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if rest.contains(&0) {
            return Err(ImportError::Binary);
        }
        String::from_utf8(rest.to_vec()).map_err(|_| ImportError::NotText)?
    };
    if text.contains('\0') {
        return Err(ImportError::Binary);
    }
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{b}' | '\u{c}'))
        .count();
    if controls * MAX_CONTROL_SHARE > text.chars().count() {
        return Err(ImportError::Binary);
    }
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ImportError::NotText);
    }
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| ImportError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_encodings() {
        assert_eq!(decode(b"\xEF\xBB\xBFab").unwrap(), "ab");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Số".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Số");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Số".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), "Số");
        assert!(matches!(decode(b"a\0b"), Err(ImportError::Binary)));
        // "Kế hoạch" in TCVN3 (ABC) is not UTF-8.
        assert!(matches!(
            decode(b"K\xd5 ho\xb9ch"),
            Err(ImportError::NotText)
        ));
        assert!(matches!(decode(b""), Err(ImportError::Empty)));
    }
}
