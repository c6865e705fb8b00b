//! The Word 97–2003 reader on arbitrary compound files: it must never panic nor allocate
//! without bound, and what it imports must be a document the archive accepts as a draft.
//! Inputs that do not start with the compound-file signature get it prepended, so the
//! fuzzer spends its time inside the reader rather than in the text importer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_import::doc::CFB_SIGNATURE;
use vanthu_model::Conventions;

#[path = "draft_check.rs"]
mod draft_check;

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
        draft_check::assert_valid_draft(imported);
    }
});
