//! The PDF layout an office chose for each format, and the named presets it switches between.
//!
//! The regulations fix the layout, but offices differ in what they were told to follow (a
//! 13-point body, a different end mark), and a clerk must be able to change that without a new
//! program. The profile itself is the layout crate's business: here it is opaque text holding a
//! JSON object ([`crate::rows::layout`]), so the archive never depends on the crate that reads
//! it. No stored layout means the regulation's defaults. Every change is logged with the
//! caller's summary of it.

use rusqlite::Transaction;
use vanthu_model::{text, Format, Problem};

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::rows::layout::{self, LayoutPreset, StoredLayout};
use crate::{Archive, Stamp};

impl Archive {
    /// The layout in force for `format`; `None` means the regulation's defaults.
    pub fn layout(&self, format: Format) -> Result<Option<StoredLayout>> {
        layout::in_force(&self.conn, format)
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
        layout::presets(&self.conn, format)
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
        layout::save_preset(&tx, format, &name, profile_json, stamp)?;
        audit::append(
            &tx,
            stamp,
            AuditAction::LayoutPreset,
            None,
            &logged(format, &name),
        )?;
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
        if !layout::delete_preset(&tx, format, &name)? {
            return Err(missing(&name));
        }
        audit::append(
            &tx,
            stamp,
            AuditAction::DeleteLayoutPreset,
            None,
            &logged(format, &name),
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("delete the layout preset"))
    }
}

fn set_layout_tx(
    tx: &Transaction<'_>,
    format: Format,
    stored: Option<&StoredLayout>,
    detail: &str,
    stamp: &Stamp,
) -> Result<()> {
    match stored {
        Some(stored) => {
            if let Some(name) = &stored.preset {
                if layout::preset(tx, format, name)?.is_none() {
                    return Err(missing(name));
                }
            }
            layout::put_in_force(tx, format, stored, stamp)?;
        }
        None => layout::reset(tx, format)?,
    }
    audit::append(
        tx,
        stamp,
        AuditAction::Layout,
        None,
        &logged(format, detail),
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
