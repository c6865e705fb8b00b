//! One integration binary for vanthu-docx: the package itself (well-formed parts, escaping,
//! the structure a reader relies on, same bytes for the same document), and the exported
//! files as LibreOffice sets them, measured with poppler against VănThư's own PDF of the same
//! document. Files land in $TMPDIR/vanthu-docx.

mod corpus;
mod libreoffice;
mod package;
mod poppler;
mod rendered;

use std::path::PathBuf;

pub fn out_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("vanthu-docx");
    std::fs::create_dir_all(&dir).expect("create the output directory");
    dir
}
