//! The audit log: who did what to which document, and when. Rows are only ever added; the
//! database refuses updates and deletes.

use rusqlite::{params, Transaction};
use serde::Serialize;

use crate::error::{ArchiveError, Result};
use crate::{Archive, Stamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub document_id: Option<i64>,
    pub detail: String,
}

pub(crate) fn append(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    action: &str,
    document_id: Option<i64>,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, document_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .and_then(|mut st| st.execute(params![stamp.at, stamp.by, action, document_id, detail]))
    .map_err(ArchiveError::sqlite("write the audit log"))?;
    Ok(())
}

impl Archive {
    /// Records that a document was exported (where to), so the log tells what left the office.
    pub fn note_export(&mut self, id: i64, destination: &str, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("write the audit log")?;
        crate::documents::get_tx(&tx, id)?;
        append(&tx, stamp, "export", Some(id), destination)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("write the audit log"))
    }

    /// Records an export of the whole archive (where to).
    pub fn note_archive_export(&mut self, destination: &str, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("write the audit log")?;
        append(&tx, stamp, "export-archive", None, destination)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("write the audit log"))
    }

    /// The audit log, oldest first; of one document when `document_id` is given.
    pub fn audit_log(&self, document_id: Option<i64>) -> Result<Vec<AuditEntry>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, at, actor, action, document_id, detail FROM audit_log
                 WHERE ?1 IS NULL OR document_id = ?1 ORDER BY id",
            )
            .map_err(ArchiveError::sqlite("read the audit log"))?;
        let rows = stmt
            .query_map([document_id], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    document_id: r.get(4)?,
                    detail: r.get(5)?,
                })
            })
            .map_err(ArchiveError::sqlite("read the audit log"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read the audit log"))
    }
}
