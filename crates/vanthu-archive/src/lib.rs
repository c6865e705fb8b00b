//! The archive: one SQLite file holding every document the office issued or drafted, the
//! numbering register, the saved lists a clerk picks from, and an append-only audit log.
//!
//! The archive is the office's memory, so the rules that protect it live in the database as
//! well as here: issued documents cannot be updated or deleted (triggers), one number can never
//! be given twice in a series (UNIQUE), the audit log only grows. A number is taken in the same
//! transaction that locks the document, so two clerks issuing at once — two windows, two
//! processes — get two numbers, the second simply waiting its turn.
//!
//! Every mutating call takes a [`Stamp`] (when, and which OS user): the backend owns time, and
//! tests pass a fixed one.
//!
//! # Layers
//!
//! Dependencies point down, never up or sideways:
//!
//! 1. **Bottom** — [`error`](ArchiveError), [`Stamp`], `migrate` (the schema): plain values
//!    and the SQL files.
//! 2. **Rows** (`rows/`) — one module per table: its row type, `from_row`, queries and writes,
//!    working in a connection or transaction the caller gives (documents and their [`Filter`],
//!    the search index, registers, settings, trash, attachments, layouts, the audit log).
//!    A row module uses rusqlite, the model, the bottom layer and other row modules only.
//! 3. **Operations** (`documents`, `issue`, `trash`, `attachments`, `care`, `search`,
//!    `listing`, `settings`, `layout`, `lists`, `audit`) — the methods of [`Archive`]. Each
//!    public method owns its transaction, checks, writes through the row layer and logs in the
//!    same transaction. An operation module uses the row layer and this file's [`Archive`],
//!    never another operation module. (`lists` still holds the SQL of its own four tables,
//!    which no other operation writes; it is the next candidate for a `rows/lists.rs`.)
//!
//! This file holds only [`Archive`] itself — opening, the default path, the write
//! transaction — and the public names.

mod attachments;
mod audit;
mod care;
mod deadlines;
mod documents;
mod error;
mod issue;
mod layout;
mod listing;
mod lists;
mod migrate;
mod rows;
mod search;
mod settings;
mod stamp;
mod trash;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use care::VerifyProblem;
#[doc(hidden)]
pub use documents::ImportTimes;
pub use error::{ArchiveError, ErrorCode, Result};
pub use issue::RenderFailure;
pub use lists::{IssuerProfile, RecipientList, Signer};
pub use migrate::SCHEMA_VERSION;
pub use rows::attachments::{
    check_attachment, check_attachment_size, media_type, sha256_hex, Attachment, AttachmentRole,
    MAX_ATTACHMENT_BYTES,
};
pub use rows::audit::{AuditAction, AuditEntry};
pub use rows::deadlines::{Deadline, DeadlineChange, DeadlineFilter};
pub use rows::documents::{DocumentSummary, Filter, Issued};
pub use rows::layout::{LayoutPreset, StoredLayout};
pub use search::SearchHit;
pub use stamp::Stamp;

use migrate::APPLICATION_ID;

/// How long a writer waits for another one before giving up. Issuing takes milliseconds; a
/// minute covers a burst of sixteen processes and a slow disk without an error for the clerk.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// The archive file where the desktop app keeps it: the platform data directory under the
/// app's identifier (`~/.local/share/vn.vanthu.app`, `%APPDATA%\vn.vanthu.app`), so the CLI and
/// the app open the same archive by default.
pub fn default_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("vn.vanthu.app").join("vanthu.sqlite3"))
}

/// An open archive. Operations are its methods, spread over the operation modules.
pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

impl Archive {
    /// Opens (creating if needed) the archive at `path`, bringing its schema up to date.
    /// Refuses a file that is not a VănThư archive, or one written by a newer program.
    pub fn open(path: &Path) -> Result<Archive> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // A missing directory is made; failure shows up as the open error below.
            let _ = std::fs::create_dir_all(dir);
        }
        let open_err = |source| ArchiveError::Open {
            path: path.to_owned(),
            source,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        let not_archive = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => ArchiveError::NotAnArchive {
                path: path.to_owned(),
            },
            _ => open_err(e),
        };
        let app_id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(not_archive)?;
        let user_version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(not_archive)?;
        let has_tables: bool = conn
            .query_row("SELECT count(*) > 0 FROM sqlite_schema", [], |r| r.get(0))
            .map_err(not_archive)?;
        if app_id != APPLICATION_ID && (app_id != 0 || has_tables) {
            return Err(ArchiveError::NotAnArchive {
                path: path.to_owned(),
            });
        }
        if user_version > SCHEMA_VERSION {
            return Err(ArchiveError::NewerArchive {
                found: user_version,
                supported: SCHEMA_VERSION,
            });
        }
        // WAL: readers never block the writer, and a crash leaves a consistent file.
        // synchronous=FULL: a document the clerk saw issued survives a power cut too.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -32768;",
        )
        .map_err(not_archive)?;
        let mut archive = Archive {
            conn,
            path: path.to_owned(),
        };
        migrate::migrate(&mut archive.conn, |tx, from| {
            rows::deadlines::read_on_upgrade(tx, from)?;
            rows::index::rebuild_on_upgrade(tx, from)
        })?;
        Ok(archive)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so that a
    /// read-then-write (the next number) can never interleave with another writer.
    fn write_tx(&mut self, context: &'static str) -> Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(ArchiveError::sqlite(context))
    }
}
