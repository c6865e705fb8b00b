//! Attaching files to a document — the scan of the signed, stamped copy — and reading them
//! back checked against the fingerprint recorded when they were stored, so a clerk can find
//! the signed copy and prove it was not changed.

use rusqlite::Transaction;

use crate::error::{ArchiveError, Result};
use crate::rows::attachments::{self, check_attachment, sha256_hex, Attachment, AttachmentRole};
use crate::rows::audit::{self, AuditAction};
use crate::rows::{documents, trash};
use crate::{Archive, Stamp};

impl Archive {
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

    /// A document's attachments, oldest first, without their bytes.
    pub fn attachments(&self, document_id: i64) -> Result<Vec<Attachment>> {
        attachments::of_document(&self.conn, document_id)
    }

    pub fn attachment(&self, id: i64) -> Result<Attachment> {
        attachments::get(&self.conn, id)
    }

    /// The bytes of an attachment, checked against the SHA-256 recorded when it was stored.
    pub fn attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let att = attachments::get(&self.conn, id)?;
        let bytes = attachments::data(&self.conn, id)?;
        if sha256_hex(&bytes) != att.sha256 || bytes.len() as u64 != att.size {
            return Err(ArchiveError::Damaged {
                what_vi: format!("tệp đính kèm “{}”", att.file_name),
            });
        }
        Ok((att, bytes))
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
    documents::get(tx, document_id)?;
    if trash::contains(tx, document_id)? {
        return Err(ArchiveError::InTrash(document_id));
    }
    let mut stored = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let id = attachments::insert(tx, document_id, AttachmentRole::Scan, name, bytes, stamp)?;
        audit::append(tx, stamp, AuditAction::Attach, Some(document_id), name)?;
        stored.push(attachments::get(tx, id)?);
    }
    Ok(stored)
}
