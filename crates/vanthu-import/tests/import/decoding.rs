//! What a clerk may pick by mistake, and the encodings Word writes.

use vanthu_import::{import_text, ImportError, MAX_FILE_BYTES};
use vanthu_model::Conventions;

fn refused(bytes: &[u8]) -> ImportError {
    match import_text(bytes, &Conventions::default()) {
        Ok(imp) => panic!("the file was accepted: {:?}", imp.document.title),
        Err(e) => e,
    }
}

const SAMPLE: &str =
    "Số 82 -KH/ĐU\r\n\r\nKẾ HOẠCH\r\n\r\nTổ chức hội nghị chuyên đề\r\n\r\nNội dung./.\r\n";

#[test]
fn utf16_with_bom_reads_like_utf8() {
    let utf8 = import_text(SAMPLE.as_bytes(), &Conventions::default()).expect("UTF-8 refused");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (name, bytes) in [("UTF-16LE", le), ("UTF-16BE", be)] {
        let imp = import_text(&bytes, &Conventions::default())
            .unwrap_or_else(|e| panic!("Word's {name} file was refused: {}", e.message_vi()));
        assert_eq!(
            imp.document, utf8.document,
            "{name} imported differently from UTF-8"
        );
    }
    assert_eq!(utf8.document.number, Some(82));
    assert_eq!(utf8.document.title, "Tổ chức hội nghị chuyên đề");
    assert_eq!(
        utf8.document.body, "Nội dung./.",
        "CRLF line ends leaked into the body"
    );
}

#[test]
fn utf8_bom_is_stripped() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
    let imp = import_text(&bytes, &Conventions::default()).expect("a BOM file was refused");
    assert_eq!(imp.document.number, Some(82), "the BOM hid the number line");
}

#[test]
fn binary_files_are_refused() {
    let docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml";
    assert_eq!(refused(docx), ImportError::Binary);
    assert!(refused(docx).message_vi().contains("Plain Text"));
}

#[test]
fn legacy_encodings_are_converted() {
    // "Kế hoạch tổ chức" in TCVN3 (ABC): single bytes that are not UTF-8.
    let imp = import_text(b"K\xd5 ho\xb9ch t\xe6 ch\xf8c", &Conventions::default())
        .expect("a TCVN3 file was refused");
    assert_eq!(imp.document.title, "");
    assert!(
        imp.warnings.iter().any(|w| w.message.contains("TCVN3")),
        "the conversion is not reported"
    );
    assert!(ImportError::NotText.message_vi().contains("TCVN3"));
}

#[test]
fn empty_and_blank_files_are_refused() {
    assert_eq!(refused(b""), ImportError::Empty);
    assert_eq!(refused(b"  \r\n\t\n \xC2\xA0\n"), ImportError::Empty);
    assert_eq!(refused(b"\xEF\xBB\xBF"), ImportError::Empty);
    assert_eq!(
        ImportError::Empty.message_vi(),
        "Tệp rỗng, không có nội dung để nhập."
    );
    let noise = "[Handwritten mark]\n\n2\n-----\n";
    assert_eq!(refused(noise.as_bytes()), ImportError::NoContent);
}

#[test]
fn oversized_files_are_refused_before_decoding() {
    let mut big = SAMPLE
        .as_bytes()
        .repeat(10 * 1024 * 1024 / SAMPLE.len() + 1);
    big.push(0xFF); // invalid UTF-8 too: the size must be what is reported
    let err = refused(&big);
    assert_eq!(
        err,
        ImportError::TooLarge {
            bytes: big.len(),
            max: MAX_FILE_BYTES
        }
    );
    assert!(
        err.message_vi().contains("tối đa 2 MB"),
        "{}",
        err.message_vi()
    );
    assert!(err.to_string().contains("too large"));
}
