//! Bytes to text.
//!
//! Word's "Plain Text" export writes UTF-8 (with or without a BOM) or, as "Unicode text",
//! UTF-16 with a BOM; everything else a clerk may pick by mistake — a .docx, a PDF, a scan
//! image — must be refused with a reason, never imported as mojibake. A file in the
//! pre-Unicode TCVN3/VNI encodings is converted ([`crate::legacy`]), when its bytes say
//! which encoding it is or the clerk does.

use crate::legacy::{self, LegacyEncoding};
use crate::{ImportError, MAX_FILE_BYTES};

/// Above this share of control characters the "text" is really a binary file.
const MAX_CONTROL_SHARE: usize = 20; // one in twenty characters

/// Decodes a file's bytes as Unicode, or as the legacy encoding the clerk chose, or as the
/// one its bytes show (TCVN3 or VNI, see [`legacy::detect`]). Returns the text and the
/// legacy encoding it was converted from, if any.
pub(crate) fn decode_with(
    bytes: &[u8],
    chosen: Option<LegacyEncoding>,
) -> Result<(String, Option<LegacyEncoding>), ImportError> {
    let legacy = |encoding: LegacyEncoding| {
        let text = legacy::decode_bytes(bytes, encoding);
        check_text(&text)?;
        Ok((text, Some(encoding)))
    };
    match chosen {
        Some(encoding) => {
            check_size(bytes)?;
            if bytes.contains(&0) {
                return Err(ImportError::Binary);
            }
            legacy(encoding)
        }
        None => match decode(bytes) {
            Ok(text) => Ok((text, None)),
            Err(ImportError::NotText) => match legacy::detect(bytes) {
                Some(encoding) => legacy(encoding),
                None => Err(ImportError::NotText),
            },
            Err(e) => Err(e),
        },
    }
}

fn check_size(bytes: &[u8]) -> Result<(), ImportError> {
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
    Ok(())
}

/// Decodes a file's bytes as Unicode. The text keeps its line ends; NFC comes later.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    check_size(bytes)?;
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
    check_text(&text)?;
    Ok(text)
}

/// Refuses decoded "text" that is really a binary file.
fn check_text(text: &str) -> Result<(), ImportError> {
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
    Ok(())
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
        // "Kế hoạch" in TCVN3 (ABC) is not UTF-8, and is converted when asked or detected.
        assert!(matches!(
            decode(b"K\xd5 ho\xb9ch"),
            Err(ImportError::NotText)
        ));
        assert_eq!(
            decode_with(b"K\xd5 ho\xb9ch", None).unwrap(),
            ("Kế hoạch".to_owned(), Some(LegacyEncoding::Tcvn3))
        );
        assert_eq!(
            decode_with(b"Ke\xe1 hoa\xefch", Some(LegacyEncoding::Vni)).unwrap(),
            ("Kế hoạch".to_owned(), Some(LegacyEncoding::Vni))
        );
        assert!(matches!(
            decode_with(b"\x01\x02\x03\xff\xfe\xfd\x04", None),
            Err(ImportError::NotText | ImportError::Binary)
        ));
        assert!(matches!(decode(b""), Err(ImportError::Empty)));
    }
}
