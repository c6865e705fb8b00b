//! The PDF layout an office chose for each format, and the named presets it switches between.
//!
//! The regulations fix the layout, but offices differ in what they were told to follow (a
//! 13-point body, a different end mark), and a clerk must be able to change that without a new
//! program. The profile itself is the layout crate's business: here it is opaque text holding a
//! JSON object, so the archive never depends on the crate that reads it, and a profile saved by
//! a newer layout crate survives an older archive. No stored layout means the regulation's
//! defaults.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use vanthu_model::{text, Format, Problem};

use crate::error::{ArchiveError, Result};
use crate::{audit, Archive, Stamp};

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

impl Archive {
    /// The layout in force for `format`; `None` means the regulation's defaults.
    pub fn layout(&self, format: Format) -> Result<Option<StoredLayout>> {
        layout_tx(&self.conn, format)
    }

    /// Puts `layout` in force for `format`, or the regulation's defaults when `None`. `detail`
    /// says what changed in words a clerk reads in the log (`body.size=13, end_mark=.`).
    pub fn set_layout(
        &mut self,
        format: Format,
        layout: Option<&StoredLayout>,
        detail: &str,
        stamp: &Stamp,
    ) -> Result<()> {
        let layout = layout
            .map(|l| {
                check_profile(&l.profile)?;
                let preset = l.preset.as_deref().map(preset_name).transpose()?;
                Ok::<_, ArchiveError>(StoredLayout {
                    profile: l.profile.clone(),
                    preset,
                })
            })
            .transpose()?;
        let tx = self.write_tx("save the layout")?;
        set_layout_tx(&tx, format, layout.as_ref(), detail, stamp)?;
        tx.commit().map_err(ArchiveError::sqlite("save the layout"))
    }

    /// The presets saved for `format`, by name.
    pub fn layout_presets(&self, format: Format) -> Result<Vec<LayoutPreset>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT name, profile, saved_at, saved_by FROM layout_presets
                 WHERE format = ?1 ORDER BY name",
            )
            .map_err(ArchiveError::sqlite("read the layout presets"))?;
        let rows = stmt
            .query_map([format.key()], |r| {
                Ok(LayoutPreset {
                    name: r.get(0)?,
                    profile: r.get(1)?,
                    saved_at: r.get(2)?,
                    saved_by: r.get(3)?,
                })
            })
            .map_err(ArchiveError::sqlite("read the layout presets"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read the layout presets"))
    }

    /// Saves `profile_json` as the preset `name` of `format`, replacing one of the same name.
    pub fn save_layout_preset(
        &mut self,
        format: Format,
        name: &str,
        profile_json: &str,
        stamp: &Stamp,
    ) -> Result<()> {
        let name = preset_name(name)?;
        check_profile(profile_json)?;
        let tx = self.write_tx("save the layout preset")?;
        save_preset_tx(&tx, format, &name, profile_json, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the layout preset"))
    }

    /// Deletes the preset `name` of `format`. The layout in force stays as it is.
    pub fn delete_layout_preset(
        &mut self,
        format: Format,
        name: &str,
        stamp: &Stamp,
    ) -> Result<()> {
        let name = preset_name(name)?;
        let tx = self.write_tx("delete the layout preset")?;
        delete_preset_tx(&tx, format, &name, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("delete the layout preset"))
    }
}

fn layout_tx(conn: &Connection, format: Format) -> Result<Option<StoredLayout>> {
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

fn set_layout_tx(
    tx: &Transaction<'_>,
    format: Format,
    layout: Option<&StoredLayout>,
    detail: &str,
    stamp: &Stamp,
) -> Result<()> {
    match layout {
        Some(layout) => {
            if let Some(name) = &layout.preset {
                if preset_tx(tx, format, name)?.is_none() {
                    return Err(missing(name));
                }
            }
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
        }
        None => {
            tx.execute("DELETE FROM layouts WHERE format = ?1", [format.key()])
                .map_err(ArchiveError::sqlite("save the layout"))?;
        }
    }
    audit::append(tx, stamp, "layout", None, &logged(format, detail))
}

fn preset_tx(conn: &Connection, format: Format, name: &str) -> Result<Option<LayoutPreset>> {
    conn.query_row(
        "SELECT name, profile, saved_at, saved_by FROM layout_presets
         WHERE format = ?1 AND name = ?2",
        [format.key(), name],
        |r| {
            Ok(LayoutPreset {
                name: r.get(0)?,
                profile: r.get(1)?,
                saved_at: r.get(2)?,
                saved_by: r.get(3)?,
            })
        },
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the layout preset"))
}

fn save_preset_tx(
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
    audit::append(tx, stamp, "layout-preset", None, &logged(format, name))
}

fn delete_preset_tx(tx: &Transaction<'_>, format: Format, name: &str, stamp: &Stamp) -> Result<()> {
    let n = tx
        .execute(
            "DELETE FROM layout_presets WHERE format = ?1 AND name = ?2",
            [format.key(), name],
        )
        .map_err(ArchiveError::sqlite("delete the layout preset"))?;
    if n == 0 {
        return Err(missing(name));
    }
    audit::append(
        tx,
        stamp,
        "delete layout preset",
        None,
        &logged(format, name),
    )
}

/// The log line of a layout change: which format, then what.
fn logged(format: Format, detail: &str) -> String {
    format!("{}: {detail}", format.name_vi())
}

fn missing(name: &str) -> ArchiveError {
    ArchiveError::MissingNamed {
        what: "layout preset",
        name: name.to_owned(),
    }
}

/// A preset name as stored: one line, NFC; refused when blank.
fn preset_name(name: &str) -> Result<String> {
    let name = text::one_line(name);
    if name.is_empty() {
        return Err(ArchiveError::Invalid(vec![Problem {
            path: "name".to_owned(),
            message: "Chưa đặt tên cho mẫu trình bày.".to_owned(),
        }]));
    }
    Ok(name)
}

/// A profile must at least be a JSON object; what is in it is the layout crate's to judge.
fn check_profile(profile: &str) -> Result<()> {
    match serde_json::from_str::<serde_json::Value>(profile) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        _ => Err(ArchiveError::Invalid(vec![Problem {
            path: "profile".to_owned(),
            message: "Cách trình bày không đọc được (phải là một đối tượng JSON).".to_owned(),
        }])),
    }
}
