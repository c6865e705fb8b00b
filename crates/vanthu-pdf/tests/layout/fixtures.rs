//! The corpus plans completed with header fields (tests/fixtures/*.json), and the variants
//! the hard cases need.

use std::path::PathBuf;

use vanthu_model::Document;
use vanthu_pdf::{layout, render, Page, RenderOptions};

pub const PLANS: [&str; 3] = ["001", "002", "003"];
pub const FORMATS: [&str; 2] = ["party", "state"];

pub fn load(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.json"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    Document::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every fixture name: `001-party` … `003-state`.
pub fn all() -> Vec<String> {
    PLANS
        .iter()
        .flat_map(|p| FORMATS.iter().map(move |f| format!("{p}-{f}")))
        .collect()
}

/// A laid-out and rendered document, with the PDF saved for poppler.
pub struct Rendered {
    pub doc: Document,
    pub pages: Vec<Page>,
    pub pdf: PathBuf,
    pub bytes: Vec<u8>,
}

pub fn rendered(name: &str, doc: &Document) -> Rendered {
    let options = RenderOptions::default();
    let pages = layout(doc, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let bytes = render(doc, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let pdf = crate::poppler::save(&bytes, name);
    Rendered {
        doc: doc.clone(),
        pages,
        pdf,
        bytes,
    }
}

pub fn fixture(name: &str) -> Rendered {
    rendered(name, &load(name))
}
