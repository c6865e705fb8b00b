//! The operations of VănThư: every use case a clerk has, as one plain function that the
//! `vanthu` command, the window's shell and the tests all call.
//!
//! The front ends only parse their input (arguments, or what the page sends) and show the
//! result; whatever they would otherwise do differently lives here, once — which PDF to print
//! (an issued document's stored copy, else a render with the archive's layout settings), that
//! a batch of files goes in whole or not at all, that the clerk's files are written atomically
//! and named safely, where the daily backups go and how many are kept, and the layout settings
//! the office changes. Below this crate sit the domain crates (model, import, archive, pdf,
//! export); above it, `vanthu-cli` and `src-tauri`. See ARCHITECTURE.md.

mod care;
pub mod deadlines;
mod documents;
mod error;
mod files;
mod incoming;
pub mod layout;
mod vocabulary;

pub use care::{
    backup_dir, backup_file_name, daily_backup, export_archive, export_archive_into,
    register_file_stem, register_pdf, write_register, BACKUPS_KEPT,
};
pub use deadlines::{board, due_soon, DeadlineBoard, SOON_DAYS};
pub use documents::{
    docx_bytes, docx_with, export_docx, export_pdf, file_name, issue, issued_copy, pdf_file_name,
    printable, printable_pdf, read_document_json, write_export, Printable, MAX_JSON_BYTES,
};
pub use error::{ErrorCode, OpsError, Result};
pub use files::{display_name, fresh_folder, read_file, write_atomic};
pub use incoming::{
    attach_files, attachment_file_name, import_files, save_attachment, ImportedFile,
};
pub use layout::{render_options, LayoutField, LayoutPresetInfo, LayoutSettings};
pub use vocabulary::{
    outline, vocabulary, Choice, KindOption, OutlineEntry, UrgencyOption, Vocabulary,
};

use std::path::PathBuf;

use vanthu_archive::Archive;

/// The archive a front end opens: `explicit` (`--db`, `VANTHU_DB`) when given, else the file
/// in the platform's data directory that the CLI and the window share.
pub fn archive_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    match explicit {
        Some(p) => Ok(p),
        None => vanthu_archive::default_path().ok_or(OpsError::NoDataDir),
    }
}

/// Opens the archive at [`archive_path`].
pub fn open_archive(explicit: Option<PathBuf>) -> Result<Archive> {
    Ok(Archive::open(&archive_path(explicit)?)?)
}
