//! The layout tables: the PDF layout in force for each format (`layouts`), and the named
//! presets an office switches between (`layout_presets`).
//!
//! A profile is the layout crate's JSON object, kept as the text it was given: the archive
//! never depends on the crate that reads it. The database insists only that it is a JSON
//! object, and that a layout names a preset that exists.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use vanthu_model::Format;

use crate::error::{ArchiveError, Result};
use crate::stamp::Stamp;

/// The layout in force for a format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoredLayout {
    /// The layout profile, a JSON object.
    pub profile: String,
    /// The preset it was taken from, while that preset exists.
    pub preset: Option<String>,
}

/// A named layout saved to switch to later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LayoutPreset {
    pub name: String,
    /// The layout profile, a JSON object.
    pub profile: String,
    pub saved_at: String,
    pub saved_by: String,
}

/// The layout in force for `format`; `None` for the regulation's defaults.
pub(crate) fn in_force(conn: &Connection, format: Format) -> Result<Option<StoredLayout>> {
    conn.query_row(
        "SELECT profile, preset FROM layouts WHERE format = ?1",
        [format.key()],
        |r| {
            Ok(StoredLayout {
                profile: r.get(0)?,
                preset: r.get(1)?,
            })
        },
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the layout"))
}

pub(crate) fn put_in_force(
    tx: &Transaction<'_>,
    format: Format,
    layout: &StoredLayout,
    stamp: &Stamp,
) -> Result<()> {
    tx.execute(
        "INSERT INTO layouts (format, profile, preset, set_at, set_by)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (format) DO UPDATE SET profile = excluded.profile,
            preset = excluded.preset, set_at = excluded.set_at, set_by = excluded.set_by",
        params![
            format.key(),
            layout.profile,
            layout.preset,
            stamp.at,
            stamp.by
        ],
    )
    .map_err(ArchiveError::sqlite("save the layout"))?;
    Ok(())
}

/// Back to the regulation's defaults.
pub(crate) fn reset(tx: &Transaction<'_>, format: Format) -> Result<()> {
    tx.execute("DELETE FROM layouts WHERE format = ?1", [format.key()])
        .map_err(ArchiveError::sqlite("save the layout"))?;
    Ok(())
}

pub(crate) fn preset(
    conn: &Connection,
    format: Format,
    name: &str,
) -> Result<Option<LayoutPreset>> {
    conn.query_row(
        "SELECT name, profile, saved_at, saved_by FROM layout_presets
         WHERE format = ?1 AND name = ?2",
        [format.key(), name],
        preset_from_row,
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the layout preset"))
}

/// The presets of `format`, by name.
pub(crate) fn presets(conn: &Connection, format: Format) -> Result<Vec<LayoutPreset>> {
    let mut stmt = conn
        .prepare(
            "SELECT name, profile, saved_at, saved_by FROM layout_presets
             WHERE format = ?1 ORDER BY name",
        )
        .map_err(ArchiveError::sqlite("read the layout presets"))?;
    let rows = stmt
        .query_map([format.key()], preset_from_row)
        .map_err(ArchiveError::sqlite("read the layout presets"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(ArchiveError::sqlite("read the layout presets"))
}

/// Saves a preset, replacing one of the same name.
pub(crate) fn save_preset(
    tx: &Transaction<'_>,
    format: Format,
    name: &str,
    profile: &str,
    stamp: &Stamp,
) -> Result<()> {
    tx.execute(
        "INSERT INTO layout_presets (format, name, profile, saved_at, saved_by)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (format, name) DO UPDATE SET profile = excluded.profile,
            saved_at = excluded.saved_at, saved_by = excluded.saved_by",
        params![format.key(), name, profile, stamp.at, stamp.by],
    )
    .map_err(ArchiveError::sqlite("save the layout preset"))?;
    Ok(())
}

/// Deletes a preset; false when there was none of that name.
pub(crate) fn delete_preset(tx: &Transaction<'_>, format: Format, name: &str) -> Result<bool> {
    let n = tx
        .execute(
            "DELETE FROM layout_presets WHERE format = ?1 AND name = ?2",
            [format.key(), name],
        )
        .map_err(ArchiveError::sqlite("delete the layout preset"))?;
    Ok(n > 0)
}

fn preset_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LayoutPreset> {
    Ok(LayoutPreset {
        name: r.get(0)?,
        profile: r.get(1)?,
        saved_at: r.get(2)?,
        saved_by: r.get(3)?,
    })
}
