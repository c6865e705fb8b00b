//! Taking care of the archive: the trash, attachments (the signed scan, the issued PDF),
//! verification, and backup and restore.
//!
//! A clerk must be able to undo a deleted draft, prove what was sent (the exact PDF printed at
//! issue, with its SHA-256), find the signed copy, and survive a dead disk. Backups use
//! SQLite's online backup, so they are consistent while the app is open; a restore checks the
//! file before it touches anything and keeps the current archive aside.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use vanthu_model::{Document, Status};

use crate::documents::{get_tx, summary_from_row, DocumentSummary, SUMMARY_COLUMNS};
use crate::error::{ArchiveError, Result};
use crate::{audit, Archive, Stamp, APPLICATION_ID, SCHEMA_VERSION};

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
    pub sha256: String,
    pub added_at: String,
    pub added_by: String,
}

/// One problem found by [`Archive::verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyProblem {
    /// The attachment concerned, if any.
    pub attachment_id: Option<i64>,
    pub message: String,
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
/// and gives its media type. [`Archive::attach`] and [`Archive::attach_all`] check the same; a
/// caller reading files from disk checks each as it reads, to refuse early.
pub fn check_attachment(file_name: &str, bytes: &[u8]) -> Result<&'static str> {
    check_attachment_size(file_name, bytes.len() as u64)?;
    media_type(bytes).ok_or_else(|| ArchiveError::BadAttachment {
        name: file_name.to_owned(),
        reason_vi: "chỉ nhận tệp PDF, JPEG hoặc PNG (nội dung tệp không phải các dạng này)"
            .to_owned(),
    })
}

const ATTACHMENT_COLUMNS: &str =
    "id, document_id, role, file_name, media_type, size, sha256, added_at, added_by";

fn attachment_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    let role: String = r.get(2)?;
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
        size: r.get::<_, i64>(5)? as u64,
        sha256: r.get(6)?,
        added_at: r.get(7)?,
        added_by: r.get(8)?,
    })
}

pub(crate) fn in_trash(conn: &Connection, id: i64) -> Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM trash WHERE document_id = ?1)",
        [id],
        |r| r.get(0),
    )
    .map_err(ArchiveError::sqlite("read the trash"))
}

pub(crate) fn insert_attachment(
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

/// Stores `files` as scans of a document (which must exist and not be in the trash), with an
/// audit entry each, inside the caller's transaction: the first refusal leaves the transaction
/// to be dropped, storing none.
fn attach_tx(
    tx: &Transaction<'_>,
    document_id: i64,
    files: &[(&str, &[u8])],
    stamp: &Stamp,
) -> Result<Vec<Attachment>> {
    get_tx(tx, document_id)?;
    if in_trash(tx, document_id)? {
        return Err(ArchiveError::InTrash(document_id));
    }
    let mut stored = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let id = insert_attachment(tx, document_id, AttachmentRole::Scan, name, bytes, stamp)?;
        audit::append(tx, stamp, "attach", Some(document_id), name)?;
        stored.push(attachment_tx(tx, id)?);
    }
    Ok(stored)
}

fn attachment_tx(conn: &Connection, id: i64) -> Result<Attachment> {
    conn.query_row(
        &format!("SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE id = ?1"),
        [id],
        attachment_from_row,
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the attachment"))?
    .ok_or(ArchiveError::MissingItem {
        what: "attachment",
        id,
    })
}

impl Archive {
    /// Moves a draft to the trash. Issued documents are refused.
    pub fn delete_draft(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("delete the draft")?;
        let doc = get_tx(&tx, id)?;
        if doc.status == Status::Issued {
            return Err(ArchiveError::Immutable {
                id,
                symbol: doc.symbol.unwrap_or_default(),
            });
        }
        if in_trash(&tx, id)? {
            return Err(ArchiveError::InTrash(id));
        }
        tx.execute(
            "INSERT INTO trash (document_id, deleted_at, deleted_by) VALUES (?1, ?2, ?3)",
            params![id, stamp.at, stamp.by],
        )
        .map_err(ArchiveError::sqlite("delete the draft"))?;
        audit::append(&tx, stamp, "delete", Some(id), &doc.title)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("delete the draft"))
    }

    /// Brings a deleted draft back from the trash.
    pub fn restore_draft(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("restore the draft")?;
        let doc = get_tx(&tx, id)?;
        let n = tx
            .execute("DELETE FROM trash WHERE document_id = ?1", [id])
            .map_err(ArchiveError::sqlite("restore the draft"))?;
        if n == 0 {
            return Err(ArchiveError::NotInTrash(id));
        }
        audit::append(&tx, stamp, "restore", Some(id), &doc.title)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("restore the draft"))
    }

    /// Attaches a file (the scan of the signed copy) to a document, issued or not: a one-file
    /// [`Archive::attach_all`].
    pub fn attach(
        &mut self,
        id: i64,
        file_name: &str,
        bytes: &[u8],
        stamp: &Stamp,
    ) -> Result<Attachment> {
        let mut stored = self.attach_files(id, &[(file_name, bytes)], stamp)?;
        Ok(stored.remove(0))
    }

    /// Attaches several files to a document all or nothing: every file is checked (size, and a
    /// PDF, JPEG or PNG by its content) before any is stored, and they are stored in one
    /// transaction, so one bad file in a clerk's selection stores none of them.
    pub fn attach_all(
        &mut self,
        document_id: i64,
        files: &[(String, Vec<u8>)],
        stamp: &Stamp,
    ) -> Result<Vec<Attachment>> {
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect();
        self.attach_files(document_id, &files, stamp)
    }

    fn attach_files(
        &mut self,
        document_id: i64,
        files: &[(&str, &[u8])],
        stamp: &Stamp,
    ) -> Result<Vec<Attachment>> {
        // Checked before the write lock is taken: a refused file costs the other writers nothing.
        for (name, bytes) in files {
            check_attachment(name, bytes)?;
        }
        let tx = self.write_tx("attach the file")?;
        let stored = attach_tx(&tx, document_id, files, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("attach the file"))?;
        Ok(stored)
    }

    /// A document's attachments, oldest first, without their bytes.
    pub fn attachments(&self, document_id: i64) -> Result<Vec<Attachment>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE document_id = ?1 ORDER BY id"
            ))
            .map_err(ArchiveError::sqlite("read the attachments"))?;
        let rows = stmt
            .query_map([document_id], attachment_from_row)
            .map_err(ArchiveError::sqlite("read the attachments"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read the attachments"))
    }

    pub fn attachment(&self, id: i64) -> Result<Attachment> {
        attachment_tx(&self.conn, id)
    }

    /// The bytes of an attachment, checked against the SHA-256 recorded when it was stored.
    pub fn attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let att = self.attachment(id)?;
        let bytes: Vec<u8> = self
            .conn
            .query_row("SELECT data FROM attachments WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(ArchiveError::sqlite("read the attachment"))?;
        if sha256_hex(&bytes) != att.sha256 || bytes.len() as u64 != att.size {
            return Err(ArchiveError::Damaged {
                what_vi: format!("tệp đính kèm “{}”", att.file_name),
            });
        }
        Ok((att, bytes))
    }

    /// Issues a draft as [`Archive::issue`] does, and stores the PDF `render` makes of the
    /// numbered document as its issued copy — in the same transaction, so an issued document
    /// always has the exact PDF that was printed, and a failed rendering takes no number.
    pub fn issue_with_pdf(
        &mut self,
        id: i64,
        stamp: &Stamp,
        render: impl FnOnce(&Document) -> std::result::Result<Vec<u8>, String>,
    ) -> Result<crate::Issued> {
        let tx = self.write_tx("issue the document")?;
        let issued = crate::documents::issue_tx(&tx, id, stamp)?;
        let doc = get_tx(&tx, id)?;
        let pdf = render(&doc).map_err(|message_vi| ArchiveError::Render { message_vi })?;
        let name = format!("{}.pdf", issued.symbol.replace('/', "_"));
        insert_attachment(&tx, id, AttachmentRole::IssuedPdf, &name, &pdf, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("issue the document"))?;
        Ok(issued)
    }

    /// Checks the database (`integrity_check`, foreign keys) and every attachment against its
    /// recorded size and SHA-256. Empty when all is well.
    pub fn verify(&self) -> Result<Vec<VerifyProblem>> {
        let mut problems = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(ArchiveError::sqlite("check the archive"))?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(ArchiveError::sqlite("check the archive"))?
            .collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("check the archive"))?;
        for row in rows.into_iter().filter(|r| r != "ok") {
            problems.push(VerifyProblem {
                attachment_id: None,
                message: format!("Cơ sở dữ liệu hỏng: {row}"),
            });
        }
        let fk: i64 = self
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .map_err(ArchiveError::sqlite("check the archive"))?;
        if fk > 0 {
            problems.push(VerifyProblem {
                attachment_id: None,
                message: format!("{fk} dòng tham chiếu tới văn bản không còn tồn tại."),
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, file_name, size, sha256, data FROM attachments ORDER BY id")
            .map_err(ArchiveError::sqlite("check the attachments"))?;
        let mut rows = stmt
            .query([])
            .map_err(ArchiveError::sqlite("check the attachments"))?;
        while let Some(r) = rows
            .next()
            .map_err(ArchiveError::sqlite("check the attachments"))?
        {
            let (id, name, size, sha): (i64, String, i64, String) = (
                r.get(0)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
                r.get(1)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
                r.get(2)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
                r.get(3)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
            );
            let data = r
                .get_ref(4)
                .and_then(|v| v.as_blob().map_err(Into::into))
                .map_err(ArchiveError::sqlite("check the attachments"))?;
            if data.len() as i64 != size {
                problems.push(VerifyProblem {
                    attachment_id: Some(id),
                    message: format!(
                        "Tệp đính kèm “{name}” (mã {id}) dài {} byte, khác {size} byte đã ghi.",
                        data.len()
                    ),
                });
            } else if sha256_hex(data) != sha {
                problems.push(VerifyProblem {
                    attachment_id: Some(id),
                    message: format!(
                        "Tệp đính kèm “{name}” (mã {id}) đã bị thay đổi: mã SHA-256 không khớp."
                    ),
                });
            }
        }
        Ok(problems)
    }

    /// Writes a consistent copy of the archive to `dest` (SQLite's online backup: the app may
    /// keep working meanwhile). The copy is written beside `dest` and renamed into place.
    pub fn backup(&mut self, dest: &Path, stamp: &Stamp) -> Result<()> {
        let tmp = dest.with_extension("tmp-sao-luu");
        let _ = std::fs::remove_file(&tmp);
        let result = (|| {
            let mut out = Connection::open(&tmp)?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
            drop(backup);
            out.execute_batch("PRAGMA journal_mode = DELETE;")?;
            Ok::<_, rusqlite::Error>(())
        })();
        if let Err(source) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(ArchiveError::Backup {
                path: dest.to_owned(),
                reason_vi: source.to_string(),
            });
        }
        std::fs::rename(&tmp, dest).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            ArchiveError::Backup {
                path: dest.to_owned(),
                reason_vi: e.to_string(),
            }
        })?;
        // Logged once the copy exists, so a failed backup leaves the archive as it was.
        let tx = self.write_tx("back up the archive")?;
        audit::append(&tx, stamp, "backup", None, &dest.display().to_string())?;
        tx.commit()
            .map_err(ArchiveError::sqlite("back up the archive"))
    }

    /// The daily automatic backup: writes `vanthu-YYYY-MM-DD.sqlite3` into `dir` unless today's
    /// is already there, then keeps only the newest `keep` of them. Returns the file written.
    pub fn daily_backup(
        &mut self,
        dir: &Path,
        today: chrono::NaiveDate,
        keep: usize,
        stamp: &Stamp,
    ) -> Result<Option<PathBuf>> {
        let err = |e: std::io::Error| ArchiveError::Backup {
            path: dir.to_owned(),
            reason_vi: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(err)?;
        let name = |d: chrono::NaiveDate| format!("vanthu-{}.sqlite3", vanthu_model::date::iso(d));
        let target = dir.join(name(today));
        let written = if target.exists() {
            None
        } else {
            self.backup(&target, stamp)?;
            Some(target)
        };
        let mut existing: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with("vanthu-") && n.ends_with(".sqlite3") && n.len() == 25
                })
            })
            .collect();
        // The ISO date in the name sorts by age.
        existing.sort();
        let excess = existing.len().saturating_sub(keep);
        for old in &existing[..excess] {
            std::fs::remove_file(old).map_err(err)?;
        }
        Ok(written)
    }

    /// Replaces the archive at `target` with the backup `source`, after checking that the
    /// backup is a VănThư archive this program can read and that SQLite finds it intact. The
    /// archive it replaces is kept beside it; its path is returned.
    pub fn restore(target: &Path, source: &Path, stamp: &Stamp) -> Result<PathBuf> {
        check_backup(source)?;
        let aside = {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "vanthu.sqlite3".to_owned());
            let when: String = stamp
                .at
                .chars()
                .filter(char::is_ascii_digit)
                .take(14)
                .collect();
            target.with_file_name(format!("{name}.truoc-khoi-phuc-{when}"))
        };
        let err = |reason: String| ArchiveError::Restore {
            path: source.to_owned(),
            reason_vi: reason,
        };
        if target.exists() {
            // A consistent copy of the current archive first (its WAL folded in), then replace.
            let mut current = Archive::open(target)?;
            current.backup(&aside, stamp)?;
            drop(current);
        }
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| err(e.to_string()))?;
        let mut dst = Connection::open(target).map_err(|e| err(e.to_string()))?;
        rusqlite::backup::Backup::new(&src, &mut dst)
            .and_then(|b| b.run_to_completion(256, std::time::Duration::from_millis(5), None))
            .map_err(|e| err(e.to_string()))?;
        drop(dst);
        let mut archive = Archive::open(target)?;
        let tx = archive.write_tx("restore the archive")?;
        audit::append(
            &tx,
            stamp,
            "restore-archive",
            None,
            &source.display().to_string(),
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("restore the archive"))?;
        Ok(aside)
    }

    /// The deleted drafts, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<DocumentSummary>> {
        let cols = SUMMARY_COLUMNS
            .split(", ")
            .map(|c| format!("d.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {cols} FROM trash t JOIN documents d ON d.id = t.document_id
                 ORDER BY t.deleted_at DESC, d.id DESC"
            ))
            .map_err(ArchiveError::sqlite("read the trash"))?;
        let rows = stmt
            .query_map([], summary_from_row)
            .map_err(ArchiveError::sqlite("read the trash"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read the trash"))
    }
}

/// Refuses a backup that is not a readable, intact VănThư archive of a known schema.
fn check_backup(source: &Path) -> Result<()> {
    let reject = |reason: &str| ArchiveError::Restore {
        path: source.to_owned(),
        reason_vi: reason.to_owned(),
    };
    if !source.is_file() {
        return Err(reject("không có tệp này"));
    }
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| reject("không mở được tệp"))?;
    let header = (|| {
        let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok::<_, rusqlite::Error>((app, version))
    })();
    let (app, version) =
        header.map_err(|_| reject("tệp không phải cơ sở dữ liệu SQLite (hoặc đã hỏng)"))?;
    if app != APPLICATION_ID {
        return Err(reject("tệp không phải bản sao lưu của kho VănThư"));
    }
    if version > SCHEMA_VERSION {
        return Err(ArchiveError::NewerArchive {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| reject("bản sao lưu bị hỏng, SQLite không đọc hết được"))?;
    if check != "ok" {
        return Err(reject(&format!("bản sao lưu bị hỏng ({check})")));
    }
    Ok(())
}
