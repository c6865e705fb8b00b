//! The `.docx` reader on arbitrary input: it must never panic, never read past its caps, and
//! what it imports must be a document the archive accepts as a draft. Input that is not a zip
//! is packed as the `word/document.xml` of one (stored, not compressed), so the fuzzer spends
//! its time in the XML walk rather than in the zip reader; input that is a zip is read as is.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use vanthu_model::Conventions;

#[path = "draft_check.rs"]
mod draft_check;

fn packed(xml: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("word/document.xml", opts).unwrap();
    z.write_all(xml).unwrap();
    z.finish().unwrap();
    out.into_inner()
}

fuzz_target!(|data: &[u8]| {
    let owned;
    let bytes = if vanthu_import::docx::is_zip(data) {
        data
    } else {
        owned = packed(data);
        &owned
    };
    if let Ok(imported) = vanthu_import::import_file(bytes, &Conventions::default()) {
        draft_check::assert_valid_draft(imported);
    }
});
