//! A document's way out of the archive: issuing it (the number, the lock and the printed PDF
//! in one transaction), the PDF to print or export (the issued copy, never a new render of an
//! issued document), and the interchange JSON read from a file.

use std::path::Path;

use vanthu_archive::{Archive, AttachmentRole, Issued, RenderFailure, Stamp};
use vanthu_model::{Document, Status};

use crate::error::{OpsError, Result};
use crate::files;
use crate::layout::render_options;

/// A JSON document file is at most this large (a 200-page plan is well under 1 MB).
pub const MAX_JSON_BYTES: u64 = 2 * 1024 * 1024;

/// Reads one document from an interchange JSON file (`-` is standard input).
pub fn read_document_json(path: &Path) -> Result<Document> {
    let bytes = files::read_file(path, MAX_JSON_BYTES)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| OpsError::NotUtf8 {
        path: path.to_owned(),
    })?;
    Document::from_json(text).map_err(|source| OpsError::Model {
        path: path.to_owned(),
        source,
    })
}

/// Issues a draft: the next number of its register, the lock, and the PDF laid out with the
/// settings in force stored as its issued copy — all in one transaction, so a layout that
/// fails takes no number.
pub fn issue(archive: &mut Archive, id: i64, stamp: &Stamp) -> Result<Issued> {
    let options = render_options(archive)?;
    Ok(archive.issue_with_pdf(id, stamp, |doc| {
        vanthu_pdf::render(doc, &options).map_err(|e| RenderFailure {
            message_vi: e.message_vi(),
            message_en: e.to_string(),
        })
    })?)
}

/// The PDF printed when `id` was issued, if it was.
pub fn issued_copy(archive: &Archive, id: i64) -> Result<Option<Vec<u8>>> {
    let printed = archive
        .attachments(id)?
        .into_iter()
        .find(|a| a.role == AttachmentRole::IssuedPdf);
    Ok(match printed {
        Some(a) => Some(archive.attachment_bytes(a.id)?.1),
        None => None,
    })
}

/// What printing or exporting `doc` needs from the archive, read under its lock; the layout
/// itself runs after the lock is let go ([`Printable::pdf`], [`Printable::docx`]), so a long
/// plan being laid out never holds up the archive for the window's other requests.
#[derive(Debug, Clone)]
pub enum Printable {
    /// An issued document's stored copy, byte for byte what was printed when it was issued.
    Stored(Vec<u8>),
    /// A draft, or the form being edited: laid out with the settings in force.
    Render(Box<vanthu_pdf::RenderOptions>),
}

/// See [`Printable`]: an issued document's stored copy (whatever the settings are now),
/// otherwise the settings in force to lay `doc` out with.
pub fn printable(archive: &Archive, doc: &Document) -> Result<Printable> {
    if let (Status::Issued, Some(id)) = (doc.status, doc.id) {
        if let Some(bytes) = issued_copy(archive, id)? {
            return Ok(Printable::Stored(bytes));
        }
    }
    Ok(Printable::Render(Box::new(render_options(archive)?)))
}

impl Printable {
    /// The PDF: the stored copy, or `doc` laid out.
    pub fn pdf(self, doc: &Document) -> Result<Vec<u8>> {
        match self {
            Printable::Stored(bytes) => Ok(bytes),
            Printable::Render(options) => Ok(vanthu_pdf::render(doc, &options)?),
        }
    }
}

/// The PDF to print or export for `doc` (see [`printable`]).
pub fn printable_pdf(archive: &Archive, doc: &Document) -> Result<Vec<u8>> {
    printable(archive, doc)?.pdf(doc)
}

/// Writes the printable PDF of `doc` to `target` (atomically) and, for a stored document,
/// notes the export in the audit log: what left the office is on record.
pub fn export_pdf(
    archive: &mut Archive,
    doc: &Document,
    target: &Path,
    stamp: &Stamp,
) -> Result<()> {
    let bytes = printable_pdf(archive, doc)?;
    write_export(archive, doc, target, &bytes, stamp)
}

/// The editable Word copy of `doc`, laid out as the PDF is, with the settings in force (an
/// issued document's Word copy is for editing and forwarding; its signed record stays the PDF
/// printed at issue).
pub fn docx_bytes(archive: &Archive, doc: &Document) -> Result<Vec<u8>> {
    docx_with(doc, &render_options(archive)?)
}

/// [`docx_bytes`] with the settings already read ([`render_options`]), so that the layout can
/// run without the archive.
pub fn docx_with(doc: &Document, options: &vanthu_pdf::RenderOptions) -> Result<Vec<u8>> {
    Ok(vanthu_docx::write_docx(doc, options)?)
}

/// Writes the Word copy of `doc` to `target` (atomically), noted in the log for a stored
/// document.
pub fn export_docx(
    archive: &mut Archive,
    doc: &Document,
    target: &Path,
    stamp: &Stamp,
) -> Result<()> {
    let bytes = docx_bytes(archive, doc)?;
    write_export(archive, doc, target, &bytes, stamp)
}

/// Writes an export's `bytes` to `target` (atomically) and, for a stored document, notes it in
/// the audit log. Nothing is noted when the file could not be written.
pub fn write_export(
    archive: &mut Archive,
    doc: &Document,
    target: &Path,
    bytes: &[u8],
    stamp: &Stamp,
) -> Result<()> {
    files::write_atomic(target, bytes)?;
    if let Some(id) = doc.id {
        archive.note_export(id, &target.display().to_string(), stamp)?;
    }
    Ok(())
}

/// The file name a PDF of `doc` is offered under: symbol and trích yếu (`82-KH-ĐU Tổ chức
/// hội nghị.pdf`), `Du thao …` for a draft, safe on Windows and Linux.
pub fn pdf_file_name(doc: &Document) -> String {
    file_name(doc, "pdf")
}

/// As [`pdf_file_name`], with the extension `ext` (`docx`).
pub fn file_name(doc: &Document, ext: &str) -> String {
    let head = doc
        .symbol
        .as_deref()
        .map_or_else(|| "Du thao".to_owned(), |s| s.replace('/', "-"));
    let title: String = doc.title.trim().chars().take(80).collect();
    let stem = if title.is_empty() {
        head
    } else {
        format!("{head} {title}")
    };
    vanthu_model::text::safe_file_name(&format!("{stem}.{ext}"))
}
