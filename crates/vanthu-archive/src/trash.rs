//! The trash: a deleted draft waits here until restored, so a clerk can undo a deletion.
//! Issued documents never come here (the database refuses them too).

use vanthu_model::Status;

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::rows::documents::{self, DocumentSummary};
use crate::rows::trash;
use crate::{Archive, Stamp};

impl Archive {
    /// Moves a draft to the trash. Issued documents are refused.
    pub fn delete_draft(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("delete the draft")?;
        let doc = documents::get(&tx, id)?;
        if doc.status == Status::Issued {
            return Err(documents::immutable(&doc));
        }
        if trash::contains(&tx, id)? {
            return Err(ArchiveError::InTrash(id));
        }
        trash::put(&tx, id, stamp)?;
        audit::append(&tx, stamp, AuditAction::Delete, Some(id), &doc.title)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("delete the draft"))
    }

    /// Brings a deleted draft back from the trash.
    pub fn restore_draft(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("restore the draft")?;
        let doc = documents::get(&tx, id)?;
        if !trash::take_out(&tx, id)? {
            return Err(ArchiveError::NotInTrash(id));
        }
        audit::append(&tx, stamp, AuditAction::Restore, Some(id), &doc.title)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("restore the draft"))
    }

    /// The deleted drafts, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<DocumentSummary>> {
        trash::summaries(&self.conn)
    }
}
