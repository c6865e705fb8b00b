//! The plain-text importer on arbitrary bytes: it must never panic, and whatever it returns
//! must be a document the archive accepts as a draft (NFC text, no control characters).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_model::Conventions;

#[path = "draft_check.rs"]
mod draft_check;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = vanthu_import::import_text(data, &Conventions::default()) {
        draft_check::assert_valid_draft(imported);
    }
});
