//! Schema migrations: numbered `.sql` files applied in order at open, tracked by
//! `PRAGMA user_version`. Append-only — a shipped file is never edited — so every archive
//! in every office reaches the same schema by the same steps.

use rusqlite::Connection;

use crate::error::{ArchiveError, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_init.sql"),
    include_str!("../migrations/0002_care.sql"),
    include_str!("../migrations/0003_layout.sql"),
    include_str!("../migrations/0004_deadlines.sql"),
    include_str!("../migrations/0005_search_words.sql"),
];

/// `PRAGMA application_id` of a VănThư archive ("VTHU"), so another SQLite file is never
/// mistaken for one.
pub(crate) const APPLICATION_ID: i64 = 0x5654_4855;

/// The schema version this program writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the archive to [`SCHEMA_VERSION`]. `upgraded` runs in the same transaction after the
/// SQL steps, given the version the archive had (0 for a new one), for the steps SQL alone
/// cannot take (reading deadlines from the bodies of documents issued before schema 4,
/// indexing every document again for the search index of schema 5).
pub(crate) fn migrate(
    conn: &mut Connection,
    upgraded: impl FnOnce(&rusqlite::Transaction<'_>, i64) -> Result<()>,
) -> Result<()> {
    let current = |conn: &Connection| -> Result<i64> {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(ArchiveError::sqlite("read the schema version"))
    };
    if current(conn)? == SCHEMA_VERSION {
        return Ok(());
    }
    // Several processes may open a new archive at once: take the write lock, then look again.
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(ArchiveError::sqlite("upgrade the archive"))?;
    let found = current(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(ArchiveError::NewerArchive {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for sql in &MIGRATIONS[found as usize..] {
        tx.execute_batch(sql)
            .map_err(ArchiveError::sqlite("upgrade the archive"))?;
    }
    upgraded(&tx, found)?;
    tx.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
    ))
    .map_err(ArchiveError::sqlite("upgrade the archive"))?;
    tx.commit()
        .map_err(ArchiveError::sqlite("upgrade the archive"))
}
