//! The one property every importer target checks: what an import returns is a document the
//! archive accepts as a draft (size limits aside), its text NFC — and its deadlines read as
//! issuing reads them, each pointing into the body at a sentence that holds its text.

use vanthu_import::Imported;
use vanthu_model::{validate, Purpose};

pub fn assert_valid_draft(imported: Imported) {
    let doc = imported.document;
    let problems = validate(&doc, Purpose::Draft);
    // Size limits may legitimately refuse a huge import; anything else is a bug.
    assert!(
        problems.iter().all(|p| p.message.contains("dài") || p.message.contains("nhiều")),
        "an imported document is not a valid draft: {problems:?}"
    );
    for line in [&doc.title, &doc.signature.name, &doc.body] {
        assert_eq!(vanthu_model::text::nfc(line), **line, "not NFC");
    }
    let read = vanthu_model::deadline::extract(&doc.body, doc.date);
    for d in &read.deadlines {
        assert!(doc.body.is_char_boundary(d.offset), "offset inside a character");
        assert!(!d.text.trim().is_empty(), "a deadline without its sentence");
        if let Some(from) = d.from {
            assert!(from <= d.due, "a period ending before it starts: {d:?}");
        }
    }
}
