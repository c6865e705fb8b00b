//! The importer against real clerks' files (the shared corpus) and against the hard cases
//! those files stand for: Word's two-column exports, OCR noise, other encodings, broken input.

mod closing;
mod corpus;
mod decoding;
mod doc;
mod docx;
mod header;
mod legacy;
mod real;
mod web;

use vanthu_import::{import_text, Imported};
use vanthu_model::Conventions;

/// Imports UTF-8 text as a file would be, failing the test with the clerk's message if refused.
pub fn import(text: &str) -> Imported {
    import_text(text.as_bytes(), &Conventions::default())
        .unwrap_or_else(|e| panic!("the file was refused: {}", e.message_vi()))
}

/// All warnings, one a line, for assertion messages.
pub fn listed(imported: &Imported) -> String {
    imported
        .warnings
        .iter()
        .map(|w| format!("{:?}: {}", w.line, w.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether some warning's message contains `needle`.
pub fn warns(imported: &Imported, needle: &str) -> bool {
    imported.warnings.iter().any(|w| w.message.contains(needle))
}

/// The body's blocks (paragraphs, items, headings).
pub fn blocks(imported: &Imported) -> Vec<&str> {
    imported.document.body.split("\n\n").collect()
}
