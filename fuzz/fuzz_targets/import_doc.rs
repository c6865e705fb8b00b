//! The Word 97–2003 reader on arbitrary compound files: it must never panic nor allocate
//! without bound, and what it imports must be a document the archive accepts as a draft.
//! Inputs that do not start with the compound-file signature get it prepended, so the
//! fuzzer spends its time inside the reader rather than in the text importer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_import::doc::CFB_SIGNATURE;
use vanthu_model::{validate, Conventions, Purpose};

fuzz_target!(|data: &[u8]| {
    let owned;
    let bytes = if data.starts_with(&CFB_SIGNATURE) {
        data
    } else {
        owned = [CFB_SIGNATURE.as_slice(), data].concat();
        &owned
    };
    let _ = vanthu_import::doc::doc_text(bytes);
    if let Ok(imported) = vanthu_import::import_file(bytes, &Conventions::default()) {
        let doc = imported.document;
        let problems = validate(&doc, Purpose::Draft);
        assert!(
            problems.iter().all(|p| p.message.contains("dài") || p.message.contains("nhiều")),
            "an imported document is not a valid draft: {problems:?}"
        );
        for line in [&doc.title, &doc.signature.name, &doc.body] {
            assert_eq!(vanthu_model::text::nfc(line), **line, "not NFC");
        }
    }
});
