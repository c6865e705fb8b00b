//! Issuing: a draft validated complete takes the next number of its series and is locked,
//! optionally together with the PDF printed of it.
//!
//! All of it happens in one `BEGIN IMMEDIATE` transaction: the number is either taken together
//! with the lock or not at all, and a concurrent issuer waits instead of reading the same
//! "last number". The issued PDF is stored in the same transaction, so an issued document
//! always has the exact PDF that was printed, and a failed rendering takes no number.

use rusqlite::Transaction;
use vanthu_model::{Document, Purpose, Status};

use crate::error::{ArchiveError, Result};
use crate::rows::attachments::{self, AttachmentRole};
use crate::rows::audit::{self, AuditAction};
use crate::rows::documents::{self, Issued};
use crate::rows::{deadlines, index, registers, trash};
use crate::{Archive, Stamp};

impl Archive {
    /// The number and symbol a draft would take if issued now (for the confirmation), without
    /// taking it. Fails as issuing would (incomplete draft, already issued).
    pub fn next_number(&self, id: i64, stamp: &Stamp) -> Result<Issued> {
        let doc = documents::get(&self.conn, id)?;
        if doc.status == Status::Issued {
            return Err(documents::immutable(&doc));
        }
        documents::check(&doc, Purpose::Issue)?;
        let (register_id, _) = registers::register_for(&self.conn, &doc, stamp, false)?;
        let number = registers::next_in(&self.conn, register_id)?;
        Ok(Issued {
            id,
            number,
            symbol: registers::symbol_for(&self.conn, &doc, number)?,
        })
    }

    /// Issues a draft: validates it complete, gives it the next number of its series and
    /// locks it. Returns the number and symbol it took.
    pub fn issue(&mut self, id: i64, stamp: &Stamp) -> Result<Issued> {
        let tx = self.write_tx("issue the document")?;
        let issued = issue_tx(&tx, id, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("issue the document"))?;
        Ok(issued)
    }

    /// Issues a draft as [`Archive::issue`] does, and stores the PDF `render` makes of the
    /// numbered document as its issued copy — in the same transaction, so an issued document
    /// always has the exact PDF that was printed, and a failed rendering takes no number.
    pub fn issue_with_pdf(
        &mut self,
        id: i64,
        stamp: &Stamp,
        render: impl FnOnce(&Document) -> std::result::Result<Vec<u8>, RenderFailure>,
    ) -> Result<Issued> {
        let tx = self.write_tx("issue the document")?;
        let issued = issue_tx(&tx, id, stamp)?;
        let doc = documents::get(&tx, id)?;
        let pdf = render(&doc).map_err(|f| ArchiveError::Render {
            message_vi: f.message_vi,
            message_en: f.message_en,
        })?;
        let name = format!("{}.pdf", issued.symbol.replace('/', "_"));
        attachments::insert(&tx, id, AttachmentRole::IssuedPdf, &name, &pdf, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("issue the document"))?;
        Ok(issued)
    }
}

/// Why the PDF of a document being issued could not be made, in the clerk's words and in the
/// English of the log line (`lỗi:` and `error:` in the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderFailure {
    pub message_vi: String,
    pub message_en: String,
}

/// Issues inside the caller's transaction (which must hold the write lock).
fn issue_tx(tx: &Transaction<'_>, id: i64, stamp: &Stamp) -> Result<Issued> {
    let mut doc = documents::get(tx, id)?;
    if doc.status == Status::Issued {
        return Err(documents::immutable(&doc));
    }
    if trash::contains(tx, id)? {
        return Err(ArchiveError::InTrash(id));
    }
    documents::check(&doc, Purpose::Issue)?;
    let (register_id, _) = registers::register_for(tx, &doc, stamp, true)?;
    let number = registers::next_in(tx, register_id)?;
    let symbol = registers::symbol_for(tx, &doc, number)?;
    documents::mark_issued(tx, id, register_id, number, &symbol, stamp)?;
    doc.number = Some(number);
    doc.symbol = Some(symbol.clone());
    doc.status = Status::Issued;
    index::index(tx, id, &doc, true)?;
    audit::append(tx, stamp, AuditAction::Issue, Some(id), &symbol)?;
    let found = vanthu_model::deadline::extract(&doc.body, doc.date).deadlines;
    deadlines::record_found(tx, id, &found, stamp)?;
    Ok(Issued { id, number, symbol })
}
