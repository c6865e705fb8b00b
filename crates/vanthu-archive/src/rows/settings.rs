//! The settings table: key–value rows for what an office decides once. Today only the
//! conventions where the sources of the regulations disagree (`conventions`, a JSON object).

use rusqlite::{Connection, OptionalExtension, Transaction};
use vanthu_model::Conventions;

use crate::error::{ArchiveError, Result};

/// The stored conventions; the defaults when none were saved.
pub(crate) fn conventions(conn: &Connection) -> Result<Conventions> {
    let json: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'conventions'")
        .and_then(|mut st| st.query_row([], |r| r.get(0)).optional())
        .map_err(ArchiveError::sqlite("read settings"))?;
    // Settings written by this program always parse; anything else falls back to the defaults.
    Ok(json
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default())
}

/// Saves the conventions; the JSON written, for the log.
pub(crate) fn set_conventions(tx: &Transaction<'_>, conventions: &Conventions) -> Result<String> {
    let json = serde_json::to_string(conventions).expect("settings serialise");
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('conventions', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [&json],
    )
    .map_err(ArchiveError::sqlite("save settings"))?;
    Ok(json)
}
