//! The trash table: deleted drafts waiting to be restored. The database takes only drafts, and
//! refuses to issue a draft while it is here.

use rusqlite::{params, Connection, Transaction};

use crate::error::{ArchiveError, Result};
use crate::rows::documents::{summary_columns, summary_from_row, DocumentSummary};
use crate::stamp::Stamp;

pub(crate) fn contains(conn: &Connection, id: i64) -> Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM trash WHERE document_id = ?1)",
        [id],
        |r| r.get(0),
    )
    .map_err(ArchiveError::sqlite("read the trash"))
}

pub(crate) fn put(tx: &Transaction<'_>, id: i64, stamp: &Stamp) -> Result<()> {
    tx.execute(
        "INSERT INTO trash (document_id, deleted_at, deleted_by) VALUES (?1, ?2, ?3)",
        params![id, stamp.at, stamp.by],
    )
    .map_err(ArchiveError::sqlite("delete the draft"))?;
    Ok(())
}

/// Takes a draft out of the trash; false when it was not there.
pub(crate) fn take_out(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    let n = tx
        .execute("DELETE FROM trash WHERE document_id = ?1", [id])
        .map_err(ArchiveError::sqlite("restore the draft"))?;
    Ok(n > 0)
}

/// The deleted drafts, most recently deleted first.
pub(crate) fn summaries(conn: &Connection) -> Result<Vec<DocumentSummary>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM trash t JOIN documents d ON d.id = t.document_id
             ORDER BY t.deleted_at DESC, d.id DESC",
            summary_columns("d.")
        ))
        .map_err(ArchiveError::sqlite("read the trash"))?;
    let rows = stmt
        .query_map([], summary_from_row)
        .map_err(ArchiveError::sqlite("read the trash"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(ArchiveError::sqlite("read the trash"))
}
