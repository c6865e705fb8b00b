//! The layout settings in force, as the office set them: read from the archive for every
//! render, changed key by key (checked by `vanthu-pdf`, logged by the archive), reset to the
//! regulation's defaults, and kept as named presets the office switches between.
//!
//! Issued documents are not touched by any of this: their PDF was printed and stored when they
//! were issued, and every export returns those bytes. Drafts, previews, the register and the
//! readable export of drafts use the settings in force.

use serde::Serialize;
use ts_rs::TS;
use vanthu_archive::{Archive, Stamp, StoredLayout};
use vanthu_model::{Document, Format, Issuer, Kind, Recipient, Signature, Status};
use vanthu_pdf::{default_preset_name, Profile, RenderOptions, SettingError, COMMON_FIELDS};

use crate::error::{OpsError, Result};

/// The settings every render of a draft uses: the conventions and both profiles in force.
pub fn render_options(archive: &Archive) -> Result<RenderOptions> {
    Ok(RenderOptions {
        conventions: archive.conventions()?,
        party: profile(archive, Format::Party)?.0,
        state: profile(archive, Format::State)?.0,
    })
}

/// The profile in force for `format` and the preset it came from (`None`: changed by hand
/// since, or never set — see [`LayoutSettings::preset`]).
fn profile(archive: &Archive, format: Format) -> Result<(Profile, Option<String>)> {
    Ok(match archive.layout(format)? {
        None => (
            Profile::for_format(format),
            Some(default_preset_name(format).to_owned()),
        ),
        // A stored profile that no longer passes the checks (written by hand into the file)
        // gives way to the regulation's defaults rather than a broken page.
        Some(stored) => match Profile::from_stored(format, &stored.profile) {
            Ok(p) => (p, stored.preset),
            Err(_) => (Profile::for_format(format), None),
        },
    })
}

/// One field of the window's “Thể thức” page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LayoutField {
    /// The dotted key (`body.size`), as `vanthu layout set` takes it.
    pub key: String,
    pub label: String,
    /// `pt`, `mm`, or empty for text.
    pub unit: String,
    pub value: String,
    /// The regulation's value, shown beside a changed field.
    pub default: String,
}

/// A preset the office can switch to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LayoutPresetInfo {
    pub name: String,
    /// The regulation's own profile, always there.
    pub builtin: bool,
    /// When and by whom it was saved (empty for the built-in one).
    pub saved_at: String,
    pub saved_by: String,
}

/// The layout settings of one format, as `vanthu layout show` and the window show them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LayoutSettings {
    pub format: Format,
    /// The preset in force; `None` when a setting was changed since one was chosen.
    pub preset: Option<String>,
    /// The whole profile, in its own field names (sizes in pt, lengths in mm).
    #[ts(type = "Record<string, unknown>")]
    pub profile: serde_json::Value,
    /// The common fields, for the window.
    pub fields: Vec<LayoutField>,
    /// Every setting that differs from the regulation's, as `key=value`.
    pub changed: Vec<String>,
    pub presets: Vec<LayoutPresetInfo>,
}

pub fn settings(archive: &Archive, format: Format) -> Result<LayoutSettings> {
    let (profile, preset) = profile(archive, format)?;
    let default = Profile::for_format(format);
    let fields = COMMON_FIELDS
        .iter()
        .map(|f| LayoutField {
            key: f.key.to_owned(),
            label: f.label.to_owned(),
            unit: f.unit.to_owned(),
            value: profile.value_text(f.key).unwrap_or_default(),
            default: default.value_text(f.key).unwrap_or_default(),
        })
        .collect();
    Ok(LayoutSettings {
        format,
        preset,
        profile: profile.to_json(),
        fields,
        changed: profile.differences(&default),
        presets: presets(archive, format)?,
    })
}

/// Every setting of the profile in force, as `(key, value)` lines for `layout show`.
pub fn all_settings(archive: &Archive, format: Format) -> Result<Vec<(String, String)>> {
    Ok(profile(archive, format)?.0.settings())
}

fn presets(archive: &Archive, format: Format) -> Result<Vec<LayoutPresetInfo>> {
    let builtin = LayoutPresetInfo {
        name: default_preset_name(format).to_owned(),
        builtin: true,
        saved_at: String::new(),
        saved_by: String::new(),
    };
    let saved = archive
        .layout_presets(format)?
        .into_iter()
        .map(|p| LayoutPresetInfo {
            name: p.name,
            builtin: false,
            saved_at: p.saved_at,
            saved_by: p.saved_by,
        });
    Ok(std::iter::once(builtin).chain(saved).collect())
}

/// Parses `KEY=VALUE` arguments (`body.size=13`); the CLI and the tests use it.
pub fn parse_assignments(args: &[String]) -> Result<Vec<(String, String)>> {
    args.iter()
        .map(|a| {
            a.split_once('=')
                .map(|(k, v)| (k.trim().to_owned(), v.to_owned()))
                .filter(|(k, _)| !k.is_empty())
                .ok_or_else(|| {
                    OpsError::Setting(SettingError {
                        key: a.clone(),
                        detail: format!("`{a}` is not KEY=VALUE"),
                        message_vi: format!(
                            "“{a}” không đúng dạng KHÓA=GIÁ TRỊ (ví dụ body.size=13)."
                        ),
                    })
                })
        })
        .collect()
}

/// The profile in force with `changes` applied, checked, without storing it (the preview).
pub fn changed_profile(
    archive: &Archive,
    format: Format,
    changes: &[(String, String)],
) -> Result<Profile> {
    Ok(profile(archive, format)?.0.with_changes(changes)?)
}

/// Changes settings of the profile in force; all or nothing, logged with what changed.
pub fn set(
    archive: &mut Archive,
    format: Format,
    changes: &[(String, String)],
    stamp: &Stamp,
) -> Result<LayoutSettings> {
    let (current, _) = profile(archive, format)?;
    let next = current.with_changes(changes)?;
    let detail = next.differences(&current).join(", ");
    if !detail.is_empty() {
        let stored = StoredLayout {
            profile: next.to_json().to_string(),
            preset: None,
        };
        archive.set_layout(format, Some(&stored), &detail, stamp)?;
    }
    settings(archive, format)
}

/// Back to the regulation's defaults.
pub fn reset(archive: &mut Archive, format: Format, stamp: &Stamp) -> Result<LayoutSettings> {
    let detail = format!("trở về mặc định {}", default_preset_name(format));
    archive.set_layout(format, None, &detail, stamp)?;
    settings(archive, format)
}

/// Saves the profile in force as a preset named `name` (replacing one of that name).
pub fn save_preset(
    archive: &mut Archive,
    format: Format,
    name: &str,
    stamp: &Stamp,
) -> Result<LayoutSettings> {
    let name = vanthu_model::text::one_line(name);
    if name == default_preset_name(format) {
        return Err(OpsError::Setting(SettingError {
            key: String::new(),
            detail: "the built-in preset's name is taken".into(),
            message_vi: format!(
                "“{name}” là tên của thể thức theo quy định; hãy đặt tên khác cho mẫu của văn phòng."
            ),
        }));
    }
    let (current, _) = profile(archive, format)?;
    let json = current.to_json().to_string();
    archive.save_layout_preset(format, &name, &json, stamp)?;
    let stored = StoredLayout {
        profile: json,
        preset: Some(name.clone()),
    };
    archive.set_layout(format, Some(&stored), &format!("dùng mẫu {name}"), stamp)?;
    settings(archive, format)
}

/// Puts a preset in force: the built-in one (the regulation's defaults) or a saved one.
pub fn use_preset(
    archive: &mut Archive,
    format: Format,
    name: &str,
    stamp: &Stamp,
) -> Result<LayoutSettings> {
    if name == default_preset_name(format) {
        return reset(archive, format, stamp);
    }
    let preset = archive
        .layout_presets(format)?
        .into_iter()
        .find(|p| p.name == name)
        .ok_or_else(|| OpsError::UnknownPreset(name.to_owned()))?;
    let profile = Profile::from_stored(format, &preset.profile)?;
    let stored = StoredLayout {
        profile: profile.to_json().to_string(),
        preset: Some(preset.name),
    };
    archive.set_layout(format, Some(&stored), &format!("dùng mẫu {name}"), stamp)?;
    settings(archive, format)
}

pub fn delete_preset(
    archive: &mut Archive,
    format: Format,
    name: &str,
    stamp: &Stamp,
) -> Result<LayoutSettings> {
    archive.delete_layout_preset(format, name, stamp)?;
    settings(archive, format)
}

/// The PDF of a sample of `format` laid out with the settings in force plus `changes` (not
/// stored): the newest document of that format in the archive, else a made-up plan.
pub fn preview(
    archive: &Archive,
    format: Format,
    changes: &[(String, String)],
) -> Result<(Document, RenderOptions)> {
    let mut options = render_options(archive)?;
    let changed = changed_profile(archive, format, changes)?;
    match format {
        Format::Party => options.party = changed,
        Format::State => options.state = changed,
    }
    let newest = archive
        .list(&vanthu_archive::Filter::default(), 50, 0)?
        .into_iter()
        .map(|row| archive.get(row.id))
        .find(|doc| doc.as_ref().is_ok_and(|d| d.format == format))
        .transpose()?;
    let mut doc = newest.unwrap_or_else(|| sample(format));
    // The preview shows how a draft would print now, even for an issued document.
    doc.status = Status::Draft;
    Ok((doc, options))
}

/// A plan with every part the layout sets (headings of each level, items, recipients), its
/// wording made up for the purpose.
fn sample(format: Format) -> Document {
    let (issuer, place, signature) = match format {
        Format::Party => (
            Issuer {
                parent: "ĐẢNG BỘ TỈNH MẪU".into(),
                name: "ĐẢNG ỦY XÃ MẪU".into(),
                code: "ĐU".into(),
            },
            "Xã Mẫu",
            Signature {
                authority: "T/M ĐẢNG ỦY".into(),
                position: "BÍ THƯ".into(),
                name: "Nguyễn Văn A".into(),
            },
        ),
        Format::State => (
            Issuer {
                parent: "ỦY BAN NHÂN DÂN TỈNH MẪU".into(),
                name: "ỦY BAN NHÂN DÂN XÃ MẪU".into(),
                code: "UBND".into(),
            },
            "Xã Mẫu",
            Signature {
                authority: "TM. ỦY BAN NHÂN DÂN".into(),
                position: "CHỦ TỊCH".into(),
                name: "Nguyễn Văn A".into(),
            },
        ),
    };
    Document {
        format,
        kind: Some(Kind::KeHoach),
        issuer,
        place: place.into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 15),
        title: "Mẫu trình bày văn bản theo thể thức đang dùng".into(),
        body: "Văn bản mẫu này chỉ để xem thể thức: cỡ chữ, khoảng cách dòng, lề và các dấu \
               đang đặt cho văn phòng. Nội dung không có giá trị.\n\n\
               I. MỤC ĐÍCH, YÊU CẦU\n\n\
               1. Mục đích\n\n\
               - Đoạn liệt kê thứ nhất, đủ dài để xuống dòng và cho thấy cách căn đều hai bên \
               của phần nội dung văn bản.\n\n\
               - Đoạn liệt kê thứ hai.\n\n\
               2. Yêu cầu\n\n\
               a) Mục nhỏ có chữ **đậm** và chữ *nghiêng*.\n\n\
               II. TỔ CHỨC THỰC HIỆN\n\n\
               Các đơn vị thực hiện nghiêm túc nội dung trên."
            .into(),
        recipients: vec![
            Recipient {
                name: "Cơ quan cấp trên".into(),
                note: "để báo cáo".into(),
            },
            Recipient {
                name: "Các đơn vị trực thuộc".into(),
                note: String::new(),
            },
        ],
        archive: "Lưu Văn phòng".into(),
        signature,
        ..Document::default()
    }
}
