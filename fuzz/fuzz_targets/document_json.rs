//! The interchange JSON reader on arbitrary text: never a panic; a document it accepts comes
//! back identical through its own JSON, and validation never panics on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_model::{validate, Document, Purpose};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(doc) = Document::from_json(text) {
        let _ = validate(&doc, Purpose::Issue);
        let again = Document::from_json(&doc.to_json_pretty()).expect("own JSON reads back");
        assert_eq!(again, doc, "JSON round trip changed the document");
    }
});
