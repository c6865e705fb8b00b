//! The log as the clerk sees it, and the entries for what leaves the office outside any
//! other operation (an exported file, an export of the whole archive), so the log tells what
//! left and where to.

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction, AuditEntry};
use crate::rows::documents;
use crate::{Archive, Stamp};

impl Archive {
    /// Records that a document was exported (where to), so the log tells what left the office.
    pub fn note_export(&mut self, id: i64, destination: &str, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("write the audit log")?;
        documents::get(&tx, id)?;
        audit::append(&tx, stamp, AuditAction::Export, Some(id), destination)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("write the audit log"))
    }

    /// Records an export of the whole archive (where to).
    pub fn note_archive_export(&mut self, destination: &str, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("write the audit log")?;
        audit::append(&tx, stamp, AuditAction::ExportArchive, None, destination)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("write the audit log"))
    }

    /// The audit log, oldest first; of one document when `document_id` is given.
    pub fn audit_log(&self, document_id: Option<i64>) -> Result<Vec<AuditEntry>> {
        audit::all(&self.conn, document_id)
    }

    /// The newest `limit` entries of the whole log, newest first (the window's view of it).
    pub fn recent_audit(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        audit::recent(&self.conn, limit)
    }
}
