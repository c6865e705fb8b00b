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

mod audit;
mod care;
mod documents;
mod error;
mod layout;
mod lists;
mod migrate;
mod search;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

pub use audit::{action_vi, AuditEntry};
pub use care::{
    check_attachment, check_attachment_size, media_type, sha256_hex, Attachment, AttachmentRole,
    VerifyProblem, MAX_ATTACHMENT_BYTES,
};
pub use documents::{DocumentSummary, Filter, Issued};
pub use error::{ArchiveError, ErrorCode, Result};
pub use layout::{LayoutPreset, StoredLayout};
pub use lists::{IssuerProfile, RecipientList, Signer};
pub use migrate::SCHEMA_VERSION;
pub use search::SearchHit;
use vanthu_model::Conventions;

/// `PRAGMA application_id` of a VănThư archive ("VTHU"), so another SQLite file is never
/// mistaken for one.
pub(crate) const APPLICATION_ID: i64 = 0x5654_4855;

/// How long a writer waits for another one before giving up. Issuing takes milliseconds; a
/// minute covers a burst of sixteen processes and a slow disk without an error for the clerk.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// When and by whom a change was made; written to the audit log and the row timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// RFC 3339 local time with offset.
    pub at: String,
    /// The OS user.
    pub by: String,
}

impl Stamp {
    /// Now, by the current OS user.
    pub fn now() -> Stamp {
        let by = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
            .or_else(os_user)
            .unwrap_or_else(|| "không rõ".to_owned());
        Stamp {
            at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            by,
        }
    }

    /// The calendar day of the stamp (for undated historical records), today if unparsable.
    pub fn day(&self) -> chrono::NaiveDate {
        chrono::DateTime::parse_from_rfc3339(&self.at)
            .map(|t| t.date_naive())
            .unwrap_or_else(|_| chrono::Local::now().date_naive())
    }
}

/// The name of the process's user from the system's account list, for when the environment
/// does not say (a service, a bare container).
#[cfg(target_os = "linux")]
fn os_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    std::fs::read_to_string("/etc/passwd")
        .ok()?
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.len() > 2 && f[2] == uid)
        .map(|f| f[0].to_owned())
}

#[cfg(not(target_os = "linux"))]
fn os_user() -> Option<String> {
    None
}

/// The archive file where the desktop app keeps it: the platform data directory under the
/// app's identifier (`~/.local/share/vn.vanthu.app`, `%APPDATA%\vn.vanthu.app`), so the CLI and
/// the app open the same archive by default.
pub fn default_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.data_dir().join("vn.vanthu.app").join("vanthu.sqlite3"))
}

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
        migrate::migrate(&mut archive.conn, APPLICATION_ID)?;
        Ok(archive)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The settings where the sources of the regulations disagree (e.g. the Party abbreviation
    /// of Quy định).
    pub fn conventions(&self) -> Result<Conventions> {
        conventions_tx(&self.conn)
    }

    pub fn set_conventions(&mut self, conventions: &Conventions, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("save settings")?;
        let json = serde_json::to_string(conventions).expect("settings serialise");
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('conventions', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [&json],
        )
        .map_err(ArchiveError::sqlite("save settings"))?;
        audit::append(&tx, stamp, "settings", None, &json)?;
        tx.commit().map_err(ArchiveError::sqlite("save settings"))
    }

    /// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so that a
    /// read-then-write (the next number) can never interleave with another writer.
    fn write_tx(&mut self, context: &'static str) -> Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(ArchiveError::sqlite(context))
    }
}

fn conventions_tx(conn: &Connection) -> Result<Conventions> {
    let json: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'conventions'")
        .and_then(|mut st| st.query_row([], |r| r.get(0)).optional())
        .map_err(ArchiveError::sqlite("read settings"))?;
    // Settings written by this program always parse; anything else falls back to the defaults.
    Ok(json
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_log_names_a_user_even_when_the_environment_does_not() {
        let name = super::os_user().expect("the process's user is in /etc/passwd");
        assert!(!name.is_empty() && !name.contains(':'), "{name:?}");
    }
}
