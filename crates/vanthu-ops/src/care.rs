//! Looking after the archive as a whole: the automatic daily backup, the outgoing register
//! book, and the readable export of everything — each a call both front ends make the same
//! way, with the layout settings in force and the clerk's files written atomically.

use std::path::{Path, PathBuf};

use vanthu_archive::{Archive, Stamp};
use vanthu_export::{Exported, Period};

use crate::error::Result;
use crate::files;
use crate::layout::render_options;

/// How many daily backups are kept beside the archive.
pub const BACKUPS_KEPT: usize = 14;

/// The folder beside the archive file where the daily backups go.
pub fn backup_dir(archive: &Archive) -> PathBuf {
    archive
        .path()
        .parent()
        .unwrap_or(Path::new("."))
        .join("sao-luu")
}

/// Once a day: a dated copy of the archive in [`backup_dir`], the newest [`BACKUPS_KEPT`]
/// kept. Returns the copy made, `None` when today's exists already.
pub fn daily_backup(archive: &mut Archive, stamp: &Stamp) -> Result<Option<PathBuf>> {
    let dir = backup_dir(archive);
    Ok(archive.daily_backup(&dir, stamp.day(), BACKUPS_KEPT, stamp)?)
}

/// The name a backup made by hand is offered under: `vanthu-sao-luu-2026-11-30.sqlite3`.
pub fn backup_file_name(stamp: &Stamp) -> String {
    format!(
        "vanthu-sao-luu-{}.sqlite3",
        vanthu_model::date::iso(stamp.day())
    )
}

/// The register book's file name without extension: `So van ban di 2025`.
pub fn register_file_stem(period: Period) -> String {
    match period {
        Period::Year(y) => format!("So van ban di {y}"),
        Period::Term(t) => format!("So van ban di nhiem ky {}", vanthu_model::date::iso(t)),
    }
}

/// The register book of `period` as a PDF to print. Returns the number of documents listed.
pub fn register_pdf(
    archive: &Archive,
    period: Period,
    issuer: Option<&str>,
) -> Result<(usize, Vec<u8>)> {
    let book = vanthu_export::register_book(archive, period, issuer)?;
    let pdf = vanthu_pdf::render_register(&book, &render_options(archive)?)?;
    Ok((book.len(), pdf))
}

/// Writes the register book of `period` as PDF and/or CSV (each atomically). Returns the
/// number of documents listed.
pub fn write_register(
    archive: &Archive,
    period: Period,
    issuer: Option<&str>,
    pdf: Option<&Path>,
    csv: Option<&Path>,
) -> Result<usize> {
    let book = vanthu_export::register_book(archive, period, issuer)?;
    if let Some(path) = pdf {
        let bytes = vanthu_pdf::render_register(&book, &render_options(archive)?)?;
        files::write_atomic(path, &bytes)?;
    }
    if let Some(path) = csv {
        files::write_atomic(path, vanthu_export::csv(&book).as_bytes())?;
    }
    Ok(book.len())
}

/// The readable export of the whole archive into `dir` (which must be empty or absent).
pub fn export_archive(archive: &mut Archive, dir: &Path, stamp: &Stamp) -> Result<Exported> {
    let options = render_options(archive)?;
    Ok(vanthu_export::export_archive(
        archive, dir, &options, stamp,
    )?)
}

/// The readable export into a new dated folder inside `parent` (`VanThu-kho-2026-11-30`, or
/// `… (2)` when that exists). Returns the folder and what was written.
pub fn export_archive_into(
    archive: &mut Archive,
    parent: &Path,
    stamp: &Stamp,
) -> Result<(PathBuf, Exported)> {
    let name = format!("VanThu-kho-{}", vanthu_model::date::iso(stamp.day()));
    let dir = files::fresh_folder(parent, &name);
    let done = export_archive(archive, &dir, stamp)?;
    Ok((dir, done))
}
