//! Layout settings an office can change: a [`Profile`] read and written as JSON, changed one
//! dotted key at a time (`body.size=13`, `end_mark=.`), and checked before it is accepted.
//!
//! The Party rules were rebased on Quy định 399-QĐ/TW in 2026 and the guidance that follows
//! may move sizes, spacing and marks. The office must follow it the day it arrives, so every
//! number and string of the profile is a key a clerk can set — from the command line or the
//! window, through the same [`Profile::with_changes`] — and every value is range-checked here,
//! once, so no front end can store a profile the layout cannot honour. The JSON is the
//! profile's own serde form: field names as in [`Profile`], sizes in pt and lengths in mm as
//! plain numbers.

use serde_json::Value;

use crate::profile::Profile;
use vanthu_model::Format;

/// A value a clerk typed that the profile cannot take. Nothing is changed when one occurs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("layout setting `{key}`: {detail}")]
pub struct SettingError {
    /// The dotted key (`body.size`), empty when the problem is not one key's.
    pub key: String,
    /// In English, for logs and the CLI's second line.
    pub detail: String,
    /// What the clerk reads.
    pub message_vi: String,
}

impl SettingError {
    fn new(key: &str, detail: impl Into<String>, message_vi: impl Into<String>) -> SettingError {
        SettingError {
            key: key.to_owned(),
            detail: detail.into(),
            message_vi: message_vi.into(),
        }
    }
}

/// A setting the window's “Thể thức” page shows as a field: the common ones. Every other key
/// is still settable by name (`vanthu layout set`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommonField {
    pub key: &'static str,
    /// The label, in Vietnamese.
    pub label: &'static str,
    /// `pt`, `mm`, or empty for text.
    pub unit: &'static str,
}

/// The fields the window shows, in the order of the page (body first, it changes most).
pub const COMMON_FIELDS: &[CommonField] = &[
    field("body.size", "Cỡ chữ nội dung", "pt"),
    field("line_spacing", "Khoảng cách dòng (chính xác)", "pt"),
    field("paragraph_spacing", "Khoảng cách sau mỗi đoạn", "pt"),
    field("first_line_indent", "Thụt đầu dòng", "mm"),
    field("end_mark", "Dấu kết thúc nội dung", ""),
    field("kind_name.size", "Cỡ chữ tên loại văn bản", "pt"),
    field("title.size", "Cỡ chữ trích yếu", "pt"),
    field("issuer.size", "Cỡ chữ tên cơ quan ban hành", "pt"),
    field("number.size", "Cỡ chữ số, ký hiệu", "pt"),
    field("place_date.size", "Cỡ chữ địa danh, ngày tháng", "pt"),
    field("recipient.size", "Cỡ chữ nơi nhận", "pt"),
    field("recipient_end", "Dấu cuối mỗi dòng nơi nhận", ""),
    field("archive_end", "Dấu cuối dòng “Lưu …”", ""),
    field("signature_space", "Khoảng để ký (chức vụ đến họ tên)", "mm"),
    field("margin_top", "Lề trên", "mm"),
    field("margin_bottom", "Lề dưới", "mm"),
    field("margin_left", "Lề trái", "mm"),
    field("margin_right", "Lề phải", "mm"),
];

const fn field(key: &'static str, label: &'static str, unit: &'static str) -> CommonField {
    CommonField { key, label, unit }
}

/// The name of the built-in profile of each format, as a preset is named.
pub fn default_preset_name(format: Format) -> &'static str {
    match format {
        Format::Party => "36-HD/VPTW",
        Format::State => "NĐ 30/2020",
    }
}

/// The allowed range of a numeric key, its unit and its Vietnamese name for messages. Every
/// number of the profile has one (a test walks both defaults).
fn range(key: &str) -> Option<(f64, f64, &'static str)> {
    let last = key.rsplit('.').next().unwrap_or(key);
    Some(match last {
        // Type sizes: below 8 pt nothing prints legibly; above 20 pt no element of either
        // regulation comes close (the largest, the Party type name, is 16 pt).
        "size" => (8.0, 20.0, "pt"),
        "margin_top" | "margin_bottom" | "margin_left" | "margin_right" => (5.0, 50.0, "mm"),
        "page_width" | "page_height" => (100.0, 450.0, "mm"),
        "header_split" | "closing_split" => (0.2, 0.8, ""),
        "single_line" | "recipient_line" => (1.0, 2.0, ""),
        "fraction" => (0.1, 1.0, ""),
        "rule_gap" => (0.0, 10.0, "mm"),
        "rule_thickness" => (0.1, 3.0, "pt"),
        "number_gap" | "title_gap" | "body_gap" | "closing_gap" => (0.0, 40.0, "mm"),
        "summary_gap" | "paragraph_spacing" => (0.0, 30.0, "pt"),
        "title_max_width" => (50.0, 200.0, "mm"),
        "line_spacing" => (8.0, 40.0, "pt"),
        "first_line_indent" => (0.0, 30.0, "mm"),
        "item_hang" => (0.0, 20.0, "mm"),
        "page_number_from" => (1.0, 10.0, ""),
        "page_number_top" => (3.0, 30.0, "mm"),
        "signature_space" => (10.0, 60.0, "mm"),
        _ => return None,
    })
}

/// The longest text setting (a mark, a prefix, a header line).
const MAX_TEXT_CHARS: usize = 80;

impl Profile {
    /// The built-in profile of a format (the regulation's defaults).
    pub fn for_format(format: Format) -> Profile {
        match format {
            Format::Party => Profile::party(),
            Format::State => Profile::state(),
        }
    }

    /// The profile as JSON, in its own field names.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("a profile always serialises")
    }

    /// A profile stored earlier (possibly by an older program, so fields may be missing: they
    /// take the format's defaults). A stored profile that no longer passes the checks is
    /// refused, and the caller falls back to the defaults.
    pub fn from_stored(format: Format, json: &str) -> Result<Profile, SettingError> {
        let stored: Value = serde_json::from_str(json).map_err(|e| {
            SettingError::new(
                "",
                format!("stored profile is not JSON: {e}"),
                "Thể thức đã lưu bị hỏng",
            )
        })?;
        let mut merged = Profile::for_format(format).to_json();
        merge(&mut merged, &stored);
        let profile: Profile = serde_json::from_value(merged).map_err(|e| {
            SettingError::new(
                "",
                format!("stored profile does not fit: {e}"),
                "Thể thức đã lưu không đọc được",
            )
        })?;
        profile.check()?;
        Ok(profile)
    }

    /// One setting's value as text (`13`, `./.`), as `layout show` prints it and the window's
    /// field shows it. `None` for an unknown key or one that is not a single value.
    pub fn value_text(&self, key: &str) -> Option<String> {
        let json = self.to_json();
        match lookup(&json, key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(number_text(n.as_f64()?)),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Every single-value setting, as `(dotted key, value as text)`, in the profile's order.
    pub fn settings(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        leaves(&self.to_json(), String::new(), &mut out);
        out
    }

    /// This profile with `changes` applied (`("body.size", "13")`). All or nothing: the first
    /// unknown key or refused value is returned and the profile is left as it was.
    pub fn with_changes(&self, changes: &[(String, String)]) -> Result<Profile, SettingError> {
        let mut json = self.to_json();
        for (key, raw) in changes {
            let key = key.trim();
            let slot = lookup_mut(&mut json, key).ok_or_else(|| {
                SettingError::new(
                    key,
                    "unknown key",
                    format!(
                        "Không có mục thể thức “{key}”. Xem các mục bằng lệnh `vanthu layout show`."
                    ),
                )
            })?;
            *slot = parse_value(key, slot, raw)?;
        }
        let profile: Profile = serde_json::from_value(json).map_err(|e| {
            let key = changes.first().map_or("", |(k, _)| k.as_str());
            SettingError::new(
                key,
                e.to_string(),
                format!("Giá trị của “{key}” không hợp lệ."),
            )
        })?;
        profile.check()?;
        Ok(profile)
    }

    /// Checks every value against its range: the layout can honour any profile that passes.
    pub fn check(&self) -> Result<(), SettingError> {
        let json = self.to_json();
        for (key, value) in self.settings() {
            match lookup(&json, &key) {
                Some(Value::Number(n)) => {
                    let v = n.as_f64().unwrap_or(f64::NAN);
                    let Some((lo, hi, unit)) = range(&key) else {
                        return Err(SettingError::new(
                            &key,
                            "no range known for this number",
                            format!("Mục “{key}” không đặt được."),
                        ));
                    };
                    if !(lo..=hi).contains(&v) {
                        let unit = if unit.is_empty() {
                            String::new()
                        } else {
                            format!(" {unit}")
                        };
                        return Err(SettingError::new(
                            &key,
                            format!("{value} is outside {lo}..={hi}"),
                            format!(
                                "“{key}” = {}{unit} nằm ngoài khoảng cho phép ({} đến {}{unit}).",
                                number_text(v),
                                number_text(lo),
                                number_text(hi)
                            ),
                        ));
                    }
                }
                Some(Value::String(s))
                    if s.chars().count() > MAX_TEXT_CHARS || s.chars().any(char::is_control) =>
                {
                    return Err(SettingError::new(
                        &key,
                        "text too long or not one line",
                        format!("“{key}” phải là một dòng chữ, tối đa {MAX_TEXT_CHARS} ký tự."),
                    ));
                }
                _ => {}
            }
        }
        let text = self.page_width - self.margin_left - self.margin_right;
        if text.0 < 80.0 || (self.page_height - self.margin_top - self.margin_bottom).0 < 120.0 {
            return Err(SettingError::new(
                "margin_left",
                "the margins leave too little room for text",
                "Lề quá rộng: phần còn lại của trang không đủ để trình bày văn bản.",
            ));
        }
        Ok(())
    }

    /// The keys whose values differ from `other`, as `key=value` (for the audit log).
    pub fn differences(&self, other: &Profile) -> Vec<String> {
        let theirs = other.settings();
        self.settings()
            .into_iter()
            .filter(|(k, v)| !theirs.iter().any(|(k2, v2)| k2 == k && v2 == v))
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    }
}

/// `13`, `13.5`, `0.4`: the shortest text that reads back as the same number.
fn number_text(v: f64) -> String {
    // Profiles hold f32: print at f32 precision so 0.4 does not show as 0.4000000059604645.
    let f = v as f32;
    if f.fract() == 0.0 && f.abs() < 1e7 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn parse_value(key: &str, current: &Value, raw: &str) -> Result<Value, SettingError> {
    let raw = raw.trim();
    match current {
        Value::Number(_) => {
            // A clerk writes 13,5 as often as 13.5.
            let v: f64 = raw.replace(',', ".").parse().map_err(|_| {
                SettingError::new(
                    key,
                    format!("`{raw}` is not a number"),
                    format!("“{key}” cần một số, không phải “{raw}”."),
                )
            })?;
            if !v.is_finite() {
                return Err(SettingError::new(
                    key,
                    "not a finite number",
                    format!("“{key}” cần một số."),
                ));
            }
            // Integers stay integers (page_number_from is a count).
            if current.is_u64() {
                if v.fract() != 0.0 || v < 0.0 {
                    return Err(SettingError::new(
                        key,
                        "not a whole number",
                        format!("“{key}” cần một số nguyên."),
                    ));
                }
                return Ok(Value::from(v as u64));
            }
            Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
        }
        Value::String(_) if key.ends_with("face") => {
            const FACES: [&str; 4] = ["Regular", "Bold", "Italic", "BoldItalic"];
            let face = FACES
                .iter()
                .find(|f| f.eq_ignore_ascii_case(raw))
                .ok_or_else(|| {
                    SettingError::new(
                        key,
                        format!("`{raw}` is not a face"),
                        format!("“{key}” nhận một trong: {}.", FACES.join(", ")),
                    )
                })?;
            Ok(Value::String((*face).to_owned()))
        }
        Value::String(_) => Ok(Value::String(vanthu_model::text::nfc(raw))),
        Value::Bool(_) => match raw.to_lowercase().as_str() {
            "true" | "1" | "có" | "co" => Ok(Value::Bool(true)),
            "false" | "0" | "không" | "khong" => Ok(Value::Bool(false)),
            _ => Err(SettingError::new(
                key,
                format!("`{raw}` is not true/false"),
                format!("“{key}” nhận “có” hoặc “không”."),
            )),
        },
        _ => Err(SettingError::new(
            key,
            "not a single value",
            format!("“{key}” gồm nhiều mục; hãy đặt từng mục con, ví dụ “{key}.size”."),
        )),
    }
}

fn lookup<'a>(json: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.').try_fold(json, |v, part| match v {
        Value::Object(map) => map.get(part),
        Value::Array(items) => items.get(part.parse::<usize>().ok()?),
        _ => None,
    })
}

fn lookup_mut<'a>(json: &'a mut Value, key: &str) -> Option<&'a mut Value> {
    if key.is_empty() {
        return None;
    }
    key.split('.').try_fold(json, |v, part| match v {
        Value::Object(map) => map.get_mut(part),
        Value::Array(items) => items.get_mut(part.parse::<usize>().ok()?),
        _ => None,
    })
}

fn leaves(v: &Value, prefix: String, out: &mut Vec<(String, String)>) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_owned()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) => map.iter().for_each(|(k, v)| leaves(v, join(k), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(v, join(&i.to_string()), out)),
        Value::String(s) => out.push((prefix, s.clone())),
        Value::Number(n) => out.push((prefix, number_text(n.as_f64().unwrap_or(0.0)))),
        Value::Bool(b) => out.push((prefix, b.to_string())),
        Value::Null => {}
    }
}

/// Lays `over` onto `base`: objects key by key, anything else replaced whole.
fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            // A key this program no longer has is dropped, not an error.
            for (k, v) in o {
                if let Some(slot) = b.get_mut(k) {
                    merge(slot, v);
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(k: &str, v: &str) -> Vec<(String, String)> {
        vec![(k.to_owned(), v.to_owned())]
    }

    #[test]
    fn both_defaults_pass_and_every_number_has_a_range() {
        for format in [Format::Party, Format::State] {
            let p = Profile::for_format(format);
            p.check().unwrap();
            for (key, _) in p.settings() {
                if matches!(lookup(&p.to_json(), &key), Some(Value::Number(_))) {
                    assert!(range(&key).is_some(), "{key} has no range");
                }
            }
        }
    }

    #[test]
    fn dotted_keys_change_one_value() {
        let p = Profile::party();
        let q = p
            .with_changes(&[
                ("end_mark".into(), ".".into()),
                ("body.size".into(), "13".into()),
                ("line_spacing".into(), "19".into()),
                ("margin_left".into(), "30".into()),
                ("headings.3.italic".into(), "không".into()),
                ("national.0.style.face".into(), "bold".into()),
            ])
            .unwrap();
        assert_eq!(q.end_mark, ".");
        assert_eq!(q.body.size.0, 13.0);
        assert_eq!(q.line_spacing.0, 19.0);
        assert!(!q.headings[3].italic);
        assert_eq!(q.value_text("body.size").as_deref(), Some("13"));
        assert_eq!(q.value_text("header_split").as_deref(), Some("0.4"));
        let mut diff = q.differences(&p);
        diff.sort();
        assert_eq!(
            diff,
            [
                "body.size=13",
                "end_mark=.",
                "headings.3.italic=false",
                "line_spacing=19"
            ]
        );
        assert_eq!(
            p.with_changes(&change("body.size", "13,5"))
                .unwrap()
                .body
                .size
                .0,
            13.5
        );
    }

    #[test]
    fn refused_values_name_their_key() {
        let p = Profile::party();
        for (k, v, says) in [
            ("body.size", "7", "8 đến 20 pt"),
            ("body.size", "21", "8 đến 20 pt"),
            ("margin_left", "4", "5 đến 50 mm"),
            ("margin_right", "51", "5 đến 50 mm"),
            ("body.size", "mười", "cần một số"),
            ("body.colour", "red", "Không có mục"),
            ("body", "13", "gồm nhiều mục"),
            ("page_number_from", "1.5", "số nguyên"),
            ("body.face", "Heavy", "Regular"),
            ("end_mark", "a\u{7}b", "một dòng"),
        ] {
            let e = p.with_changes(&change(k, v)).unwrap_err();
            assert_eq!(e.key, k);
            assert!(e.message_vi.contains(says), "{k}={v}: {}", e.message_vi);
        }
        // All or nothing: a good change before a bad one is not kept either.
        assert!(p
            .with_changes(&[
                ("end_mark".into(), ".".into()),
                ("body.size".into(), "99".into())
            ])
            .is_err());
        assert_eq!(p.end_mark, "./.");
    }

    #[test]
    fn stored_profiles_take_missing_fields_from_the_defaults() {
        let p =
            Profile::from_stored(Format::Party, r#"{"end_mark": ".", "gone_field": 1}"#).unwrap();
        assert_eq!(p.end_mark, ".");
        assert_eq!(p.body, Profile::party().body);
        let full = Profile::state()
            .with_changes(&change("body.size", "13"))
            .unwrap();
        let back = Profile::from_stored(Format::State, &full.to_json().to_string()).unwrap();
        assert_eq!(back, full);
        assert!(Profile::from_stored(Format::Party, r#"{"body": {"size": 99}}"#).is_err());
        assert!(Profile::from_stored(Format::Party, "not json").is_err());
    }

    #[test]
    fn common_fields_are_real_keys() {
        for format in [Format::Party, Format::State] {
            let p = Profile::for_format(format);
            for f in COMMON_FIELDS {
                assert!(p.value_text(f.key).is_some(), "{}", f.key);
            }
        }
    }
}
