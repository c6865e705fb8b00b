//! The attachments table: files kept with a document — the scan of the signed copy, and the
//! exact PDF printed when it was issued — with the size and SHA-256 recorded when stored.
//!
//! What was attached is evidence: the database refuses to rewrite an attachment or remove one
//! from an issued document, and accepts only PDF, JPEG and PNG. The same checks are here in
//! Rust, so a clerk is told which file was refused and why before anything is written.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{ArchiveError, Result};
use crate::stamp::Stamp;

/// Largest attachment: a colour scan of a long plan at 300 dpi stays well under this.
pub const MAX_ATTACHMENT_BYTES: usize = 50 * 1024 * 1024;

/// What an attachment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentRole {
    /// The scan of the signed, stamped copy.
    Scan,
    /// The exact PDF printed when the document was issued.
    IssuedPdf,
}

impl AttachmentRole {
    fn key(self) -> &'static str {
        match self {
            AttachmentRole::Scan => "scan",
            AttachmentRole::IssuedPdf => "issued_pdf",
        }
    }
}

/// An attachment without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attachment {
    pub id: i64,
    pub document_id: i64,
    pub role: AttachmentRole,
    pub file_name: String,
    pub media_type: String,
    pub size: u64,
    /// The size as a clerk reads it (`240 KB`, `1,5 MB`).
    pub size_text: String,
    pub sha256: String,
    pub added_at: String,
    /// When, as a clerk reads it (`22/11/2026 08:15`).
    pub added_at_text: String,
    pub added_by: String,
}

/// The media type of a file the archive accepts, from its first bytes (not its name).
pub fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Refuses an attachment of `len` bytes before it is read: empty, or over
/// [`MAX_ATTACHMENT_BYTES`].
pub fn check_attachment_size(file_name: &str, len: u64) -> Result<()> {
    let reject = |reason_vi: String| ArchiveError::BadAttachment {
        name: file_name.to_owned(),
        reason_vi,
    };
    if len == 0 {
        return Err(reject("tệp rỗng".to_owned()));
    }
    if len > MAX_ATTACHMENT_BYTES as u64 {
        return Err(reject(format!(
            "tệp quá lớn ({:.1} MB; tối đa {} MB)",
            len as f64 / 1_048_576.0,
            MAX_ATTACHMENT_BYTES / 1_048_576
        )));
    }
    Ok(())
}

/// Checks a file the archive is asked to keep — size, and a PDF, JPEG or PNG by its content —
/// and gives its media type. [`crate::Archive::attach`] and [`crate::Archive::attach_all`]
/// check the same; a caller reading files from disk checks each as it reads, to refuse early.
pub fn check_attachment(file_name: &str, bytes: &[u8]) -> Result<&'static str> {
    check_attachment_size(file_name, bytes.len() as u64)?;
    media_type(bytes).ok_or_else(|| ArchiveError::BadAttachment {
        name: file_name.to_owned(),
        reason_vi: "chỉ nhận tệp PDF, JPEG hoặc PNG (nội dung tệp không phải các dạng này)"
            .to_owned(),
    })
}

const COLUMNS: &str =
    "id, document_id, role, file_name, media_type, size, sha256, added_at, added_by";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    let role: String = r.get(2)?;
    let size = r.get::<_, i64>(5)? as u64;
    let added_at: String = r.get(7)?;
    Ok(Attachment {
        id: r.get(0)?,
        document_id: r.get(1)?,
        role: if role == "issued_pdf" {
            AttachmentRole::IssuedPdf
        } else {
            AttachmentRole::Scan
        },
        file_name: r.get(3)?,
        media_type: r.get(4)?,
        size,
        size_text: vanthu_model::text::size_vi(size),
        sha256: r.get(6)?,
        added_at_text: vanthu_model::date::stamp_vi(&added_at),
        added_at,
        added_by: r.get(8)?,
    })
}

/// Stores a file after the checks of [`check_attachment`]; its id.
pub(crate) fn insert(
    conn: &Connection,
    document_id: i64,
    role: AttachmentRole,
    file_name: &str,
    bytes: &[u8],
    stamp: &Stamp,
) -> Result<i64> {
    let media = check_attachment(file_name, bytes)?;
    let sha = sha256_hex(bytes);
    conn.execute(
        "INSERT INTO attachments (document_id, role, file_name, media_type, size, sha256,
            added_at, added_by, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            document_id,
            role.key(),
            vanthu_model::text::one_line(file_name),
            media,
            bytes.len() as i64,
            sha,
            stamp.at,
            stamp.by,
            bytes
        ],
    )
    .map_err(ArchiveError::sqlite("store the attachment"))?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Attachment> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the attachment"))?
    .ok_or(ArchiveError::MissingItem {
        what: "attachment",
        id,
    })
}

/// A document's attachments, oldest first, without their bytes.
pub(crate) fn of_document(conn: &Connection, document_id: i64) -> Result<Vec<Attachment>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM attachments WHERE document_id = ?1 ORDER BY id"
        ))
        .map_err(ArchiveError::sqlite("read the attachments"))?;
    let rows = stmt
        .query_map([document_id], from_row)
        .map_err(ArchiveError::sqlite("read the attachments"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(ArchiveError::sqlite("read the attachments"))
}

/// The stored bytes of an attachment, as they are (unchecked).
pub(crate) fn data(conn: &Connection, id: i64) -> Result<Vec<u8>> {
    conn.query_row("SELECT data FROM attachments WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .map_err(ArchiveError::sqlite("read the attachment"))
}
