//! The plain-text importer on arbitrary bytes: it must never panic, and whatever it returns
//! must be a document the archive accepts as a draft (NFC text, no control characters).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_model::{validate, Conventions, Purpose};

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = vanthu_import::import_text(data, &Conventions::default()) {
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
    }
});
