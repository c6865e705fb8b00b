//! Files coming into the archive: documents to import and scans to attach. Both are batches
//! that go in whole or not at all — every file is read and checked before anything is stored,
//! and the archive writes them in one transaction — so a refused batch leaves the archive as
//! it was, in the CLI and in the window alike.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;
use vanthu_archive::{Archive, Attachment, Stamp, MAX_ATTACHMENT_BYTES};
use vanthu_import::legacy::LegacyEncoding;
use vanthu_import::Warning;
use vanthu_model::Status;

use crate::error::{OpsError, Result};
use crate::files::{self, display_name};

/// What importing one file gave.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportedFile {
    /// The file as the clerk chose it.
    pub path: String,
    #[ts(type = "number")]
    pub id: i64,
    pub status: Status,
    pub symbol: Option<String>,
    pub title: String,
    pub warnings: Vec<Warning>,
}

/// Imports `paths` as documents — text (Unicode or the legacy TCVN3/VNI, detected or chosen
/// with `encoding`), Word `.docx` and `.doc`, each known by its content, not its name: each is
/// read (size-capped) and read as a document first, `progress(done, total)` after each in the
/// clerk's order; then all are stored in one transaction. A file that is refused — unreadable,
/// too large, not a document, hostile — stops the batch before anything is stored, and the
/// first refused file in the clerk's order is the one reported.
///
/// Reading a Word file costs far more than storing it, so the files are read on as many
/// threads as there are cores (file i on thread i mod n) and taken back in order.
pub fn import_files(
    archive: &mut Archive,
    paths: &[PathBuf],
    encoding: Option<LegacyEncoding>,
    stamp: &Stamp,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<ImportedFile>> {
    let conventions = archive.conventions()?;
    let read = |path: &PathBuf| -> Result<vanthu_import::Imported> {
        let bytes = files::read_file(path, vanthu_import::MAX_WORD_FILE_BYTES as u64)?;
        vanthu_import::import_file_with(&bytes, &conventions, encoding).map_err(|source| {
            OpsError::Import {
                path: path.clone(),
                source,
            }
        })
    };
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, MAX_READING_THREADS)
        .min(paths.len().max(1));
    let mut docs = Vec::with_capacity(paths.len());
    let mut warnings = Vec::with_capacity(paths.len());
    std::thread::scope(|scope| -> Result<()> {
        let mut queues = Vec::with_capacity(threads);
        for first in 0..threads {
            let (send, receive) = std::sync::mpsc::sync_channel(READ_AHEAD);
            queues.push(receive);
            let read = &read;
            scope.spawn(move || {
                for path in paths.iter().skip(first).step_by(threads) {
                    // This stops at the first refused file; then so does every thread.
                    if send.send(read(path)).is_err() {
                        break;
                    }
                }
            });
        }
        for i in 0..paths.len() {
            // A reading thread that panicked sends nothing more: the scope then panics with it.
            let Ok(imported) = queues[i % threads].recv() else {
                break;
            };
            let imported = imported?;
            docs.push(imported.document);
            warnings.push(imported.warnings);
            progress(i + 1, paths.len());
        }
        Ok(())
    })?;
    let ids = archive.create_all(&docs, stamp)?;
    ids.into_iter()
        .zip(paths.iter().zip(warnings))
        .map(|(id, (path, warnings))| {
            let stored = archive.get(id)?;
            Ok(ImportedFile {
                path: path.display().to_string(),
                id,
                status: stored.status,
                symbol: stored.symbol,
                title: stored.title,
                warnings,
            })
        })
        .collect()
}

/// At most this many threads read an import's files: beyond it, a desktop's disk and memory
/// bandwidth set the pace.
const MAX_READING_THREADS: usize = 8;

/// How many read files each reading thread may hold ahead of the one taking them in order.
const READ_AHEAD: usize = 4;

/// Attaches the scans at `paths` to document `id`: every file's size is checked before it is
/// read and its content after; then all are stored in one transaction.
pub fn attach_files(
    archive: &mut Archive,
    id: i64,
    paths: &[PathBuf],
    stamp: &Stamp,
) -> Result<Vec<Attachment>> {
    let files = paths
        .iter()
        .map(|p| read_attachment(p))
        .collect::<Result<Vec<_>>>()?;
    Ok(archive.attach_all(id, &files, stamp)?)
}

/// A file to attach: its name and its bytes, once its size and content pass.
fn read_attachment(path: &Path) -> Result<(String, Vec<u8>)> {
    let name = display_name(path);
    let len = std::fs::metadata(path).map_err(OpsError::read(path))?.len();
    vanthu_archive::check_attachment_size(&name, len)?;
    let bytes = files::read_file(path, MAX_ATTACHMENT_BYTES as u64)?;
    vanthu_archive::check_attachment(&name, &bytes)?;
    Ok((name, bytes))
}

/// Saves an attachment to `target` (its SHA-256 checked first, written atomically), noted in
/// the log as an export of its document.
pub fn save_attachment(
    archive: &mut Archive,
    attachment: i64,
    target: &Path,
    stamp: &Stamp,
) -> Result<Attachment> {
    let (att, bytes) = archive.attachment_bytes(attachment)?;
    files::write_atomic(target, &bytes)?;
    archive.note_export(att.document_id, &target.display().to_string(), stamp)?;
    Ok(att)
}

/// The name a stored attachment is written under in a folder (the viewer's copy, the save
/// dialog's suggestion): whatever name it was stored with, it cannot reach outside the folder.
pub fn attachment_file_name(att: &Attachment) -> String {
    vanthu_model::text::safe_file_name(&att.file_name)
}
