//! The document as the interchange JSON describes it (DESIGN.md), and the way JSON becomes one.
//!
//! Reading is strict: an unknown field, an impossible date or a value of the wrong type is an
//! error that names the field, never silently dropped, because a clerk who typed a field must
//! see it in the archive or be told why not. `id` and `symbol` are read but ignored: the
//! archive owns ids and the symbol is derived from the number.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::kind::Kind;
use crate::text;
use crate::validate::Problem;

/// Which regulation the document follows: the Party's 36-HD/VPTW or the State's NĐ 30/2020.
/// It picks the layout profile and the numbering rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Party,
    State,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Party, Format::State];

    pub fn key(self) -> &'static str {
        match self {
            Format::Party => "party",
            Format::State => "state",
        }
    }

    pub fn from_key(key: &str) -> Option<Format> {
        match key {
            "party" => Some(Format::Party),
            "state" => Some(Format::State),
            _ => None,
        }
    }

    /// How a clerk names it.
    pub fn name_vi(self) -> &'static str {
        match self {
            Format::Party => "Văn bản của Đảng",
            Format::State => "Văn bản hành chính",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    Issued,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Issued => "issued",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        match key {
            "draft" => Some(Status::Draft),
            "issued" => Some(Status::Issued),
            _ => None,
        }
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Status::Draft => "Dự thảo",
            Status::Issued => "Đã ban hành",
        }
    }
}

/// Độ mật.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    Mat,
    ToiMat,
    TuyetMat,
}

impl Secrecy {
    pub const ALL: [Secrecy; 3] = [Secrecy::Mat, Secrecy::ToiMat, Secrecy::TuyetMat];

    /// How a clerk names the level: `Mật`, `Tối mật`, `Tuyệt mật`.
    pub fn name_vi(self) -> &'static str {
        match self {
            Secrecy::Mat => "Mật",
            Secrecy::ToiMat => "Tối mật",
            Secrecy::TuyetMat => "Tuyệt mật",
        }
    }

    /// The stamp text: `MẬT`, `TỐI MẬT`, `TUYỆT MẬT`.
    pub fn mark(self) -> &'static str {
        match self {
            Secrecy::Mat => "MẬT",
            Secrecy::ToiMat => "TỐI MẬT",
            Secrecy::TuyetMat => "TUYỆT MẬT",
        }
    }
}

/// Mức độ khẩn. `hoa_toc_hen_gio` exists only in Party documents (66-QĐ/TW Điều 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Khan,
    ThuongKhan,
    HoaToc,
    HoaTocHenGio,
}

impl Urgency {
    pub const ALL: [Urgency; 4] = [
        Urgency::Khan,
        Urgency::ThuongKhan,
        Urgency::HoaToc,
        Urgency::HoaTocHenGio,
    ];

    /// How a clerk names the level: `Khẩn`, `Thượng khẩn`, `Hỏa tốc`, `Hỏa tốc hẹn giờ`.
    pub fn name_vi(self) -> &'static str {
        match self {
            Urgency::Khan => "Khẩn",
            Urgency::ThuongKhan => "Thượng khẩn",
            Urgency::HoaToc => "Hỏa tốc",
            Urgency::HoaTocHenGio => "Hỏa tốc hẹn giờ",
        }
    }

    /// Whether the level exists in documents of `format` (hẹn giờ only in Party ones).
    pub fn exists_in(self, format: Format) -> bool {
        self != Urgency::HoaTocHenGio || format == Format::Party
    }

    /// The stamp text: `KHẨN`, `THƯỢNG KHẨN`, `HỎA TỐC`, `HỎA TỐC HẸN GIỜ`.
    pub fn mark(self) -> &'static str {
        match self {
            Urgency::Khan => "KHẨN",
            Urgency::ThuongKhan => "THƯỢNG KHẨN",
            Urgency::HoaToc => "HỎA TỐC",
            Urgency::HoaTocHenGio => "HỎA TỐC HẸN GIỜ",
        }
    }
}

/// The issuing body as printed in the header's left column, and its code in the symbol.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Issuer {
    /// Tên cơ quan cấp trên trực tiếp (`ĐẢNG BỘ TỈNH KHÁNH HÒA`); may be empty.
    pub parent: String,
    /// Tên cơ quan ban hành (`ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO`).
    pub name: String,
    /// The body's abbreviation in the symbol (`ĐU`, `UBND`). For a State công văn it carries
    /// the drafting unit too (`UBND-VP` → `05/UBND-VP`).
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub name: String,
    /// What the copy is for (`để b/c`), printed in parentheses after the name.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Signature {
    /// Quyền hạn ký (`T/M BAN THƯỜNG VỤ`, `K/T TRƯỞNG BAN`, `TM. ỦY BAN NHÂN DÂN`); may be empty
    /// when the head signs directly.
    pub authority: String,
    /// Chức vụ (`BÍ THƯ`).
    pub position: String,
    /// Họ và tên (`Nguyễn Văn Hiếu`).
    pub name: String,
}

/// A document, exactly as the interchange JSON of DESIGN.md.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Assigned by the archive; ignored on input.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub format: Format,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub issuer: Issuer,
    /// `None` until issued (or for an imported draft without a number).
    #[serde(default)]
    pub number: Option<u32>,
    /// Derived from the number when issued; ignored on input.
    #[serde(default)]
    pub symbol: Option<String>,
    #[serde(default)]
    pub place: String,
    #[serde(default, serialize_with = "ser_date", deserialize_with = "de_date")]
    pub date: Option<NaiveDate>,
    /// Trích yếu.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub secrecy: Option<Secrecy>,
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// The text, in the light markup of DESIGN.md.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// The last line of Nơi nhận (`Lưu Văn phòng Đảng ủy`, `Lưu: VT, VP`).
    #[serde(default)]
    pub archive: String,
    #[serde(default)]
    pub signature: Signature,
}

fn ser_date<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&crate::date::iso(*d)),
        None => s.serialize_none(),
    }
}

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let raw: Option<String> = Option::deserialize(d)?;
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => crate::date::parse_iso(s).map(Some).map_err(|e| {
            serde::de::Error::custom(format!(
                "{DATE_ERROR_TAG}{e}{DATE_ERROR_TAG}{}",
                e.message_vi()
            ))
        }),
    }
}

/// Wraps a date error inside serde's message (`TAG english TAG vietnamese`) so that both
/// languages survive serde's plain-string errors.
const DATE_ERROR_TAG: &str = "\u{1}date:";

/// What can go wrong turning outside input into a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("invalid JSON at `{path}` (line {line}, column {column}): {detail}")]
    Json {
        /// The field path (`signature.name`), `.` for the whole document.
        path: String,
        line: usize,
        column: usize,
        detail: String,
        message_vi: String,
    },
    #[error("the document has {} problem(s): {}", .0.len(), Problem::list_en(.0))]
    Invalid(Vec<Problem>),
}

impl ModelError {
    pub fn message_vi(&self) -> String {
        match self {
            ModelError::Json { message_vi, .. } => message_vi.clone(),
            ModelError::Invalid(problems) => Problem::list_vi(problems),
        }
    }
}

impl Document {
    /// Reads one document from the interchange JSON. `id` and `symbol` are dropped; text is
    /// made NFC. Does not validate beyond the JSON's shape: see [`crate::validate`].
    pub fn from_json(json: &str) -> Result<Document, ModelError> {
        // serde would also read a struct from a JSON array (field by position): refuse it here,
        // where the clerk can be told what was expected.
        let first = json.trim_start().chars().next();
        if first.is_some_and(|c| c != '{') {
            return Err(ModelError::Json {
                path: String::new(),
                line: 1,
                column: 1,
                detail: "expected one document, a JSON object {…}".to_owned(),
                message_vi:
                    "Sai kiểu dữ liệu: tệp phải chứa một văn bản, tức một đối tượng JSON {…}."
                        .to_owned(),
            });
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let mut doc: Document = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| json_error(e.path().to_string(), e.into_inner()))?;
        // Trailing characters after the document: no field path applies.
        de.end().map_err(|e| json_error(String::new(), e))?;
        doc.id = None;
        doc.symbol = None;
        doc.normalize();
        Ok(doc)
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a document always serialises")
    }

    /// Puts every text field in its stored form: NFC; single-line fields on one line.
    pub fn normalize(&mut self) {
        for field in [
            &mut self.issuer.parent,
            &mut self.issuer.name,
            &mut self.issuer.code,
            &mut self.place,
            &mut self.title,
            &mut self.archive,
            &mut self.signature.authority,
            &mut self.signature.position,
            &mut self.signature.name,
        ] {
            *field = text::one_line(field);
        }
        for r in &mut self.recipients {
            r.name = text::one_line(&r.name);
            r.note = text::one_line(&r.note);
        }
        // Copied only when something changes (most bodies are clean NFC already).
        let body = text::nfc_owned(std::mem::take(&mut self.body));
        let kept = body.trim_end().trim_start_matches('\n');
        self.body = if kept.len() == body.len() {
            body
        } else {
            kept.to_owned()
        };
    }
}

fn json_error(path: String, e: serde_json::Error) -> ModelError {
    use serde_json::error::Category;
    let detail = e.to_string();
    // serde_json appends " at line L column C"; keep the bare reason for the messages.
    let reason = detail
        .rsplit_once(" at line ")
        .map_or(detail.as_str(), |(r, _)| r)
        .to_owned();
    let field = if path == "." || path.is_empty() {
        String::new()
    } else {
        format!(" ở trường `{path}`")
    };
    let place = format!("dòng {}, cột {}", e.line(), e.column());
    let message_vi = match e.classify() {
        Category::Io => format!("Không đọc được tệp JSON: {reason}"),
        Category::Eof => format!("Tệp JSON bị cắt ngang, chưa đóng đủ ngoặc ({place})."),
        Category::Syntax => format!("Tệp JSON sai cú pháp ({place}): {reason}."),
        Category::Data => {
            if let Some((_, vi)) = reason.rsplit_once(DATE_ERROR_TAG) {
                format!("Trường `{path}`: {vi} ({place}).")
            } else if let Some(name) = between(&reason, "unknown field `", "`") {
                format!(
                    "Trường `{name}` không có trong mẫu văn bản ({place}); hãy xóa hoặc sửa tên trường."
                )
            } else if let Some(value) = between(&reason, "unknown variant `", "`") {
                let allowed = reason
                    .split_once("expected ")
                    .map_or(String::new(), |(_, a)| format!("; giá trị được phép: {a}"));
                format!("Giá trị `{value}`{field} không hợp lệ{allowed} ({place}).")
            } else if reason.starts_with("invalid type") || reason.starts_with("invalid value") {
                format!("Sai kiểu dữ liệu{field} ({place}): {reason}.")
            } else {
                format!("Dữ liệu không hợp lệ{field} ({place}): {reason}.")
            }
        }
    };
    let detail = match reason.split(DATE_ERROR_TAG).nth(1) {
        Some(en) => en.to_owned(),
        None => reason,
    };
    ModelError::Json {
        path,
        line: e.line(),
        column: e.column(),
        detail,
        message_vi,
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const EXAMPLE: &str = r#"{
      "id": 12, "status": "draft", "format": "party", "kind": "ke_hoach",
      "issuer": { "parent": "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "name": "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO", "code": "ĐU" },
      "number": null, "symbol": "82-KH/ĐU", "place": "Thành phố Hồ Chí Minh", "date": "2024-03-15",
      "title": "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu", "secrecy": null, "urgency": null,
      "body": "Thực hiện ...\n\nI. MỤC ĐÍCH, YÊU CẦU",
      "recipients": [ { "name": "Ban Thường vụ Đảng ủy", "note": "" }, { "name": "Đảng ủy Khối", "note": "để b/c" } ],
      "archive": "Lưu Văn phòng Đảng ủy",
      "signature": { "authority": "T/M BAN THƯỜNG VỤ", "position": "BÍ THƯ", "name": "Nguyễn Văn Hiếu" }
    }"#;

    #[test]
    fn reads_the_design_example_and_drops_output_fields() {
        let doc = Document::from_json(EXAMPLE).unwrap();
        assert_eq!(doc.id, None);
        assert_eq!(doc.symbol, None);
        assert_eq!(doc.kind, Some(Kind::KeHoach));
        assert_eq!(doc.date.unwrap().to_string(), "2024-03-15");
        assert_eq!(doc.recipients[1].note, "để b/c");
        let back = Document::from_json(&doc.to_json_pretty()).unwrap();
        assert_eq!(back, doc);
    }

    #[test]
    fn unknown_field_is_named() {
        let err = Document::from_json(r#"{"title": "x", "tieu_de": "y"}"#).unwrap_err();
        let vi = err.message_vi();
        assert!(vi.contains("`tieu_de`"), "{vi}");
        assert!(err.to_string().contains("unknown field"), "{err}");
    }

    #[test]
    fn impossible_date_is_named() {
        let err = Document::from_json(r#"{"date": "2024-02-30"}"#).unwrap_err();
        let vi = err.message_vi();
        assert!(vi.contains("`date`") && vi.contains("2024-02-30"), "{vi}");
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn nested_unknown_field_has_its_path() {
        let err = Document::from_json(r#"{"signature": {"ten": "A"}}"#).unwrap_err();
        match err {
            ModelError::Json { path, .. } => assert_eq!(path, "signature.ten"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nfd_becomes_nfc() {
        let title: String = "Kế hoạch tổ chức".nfd().collect();
        let json = serde_json::json!({ "title": title }).to_string();
        let doc = Document::from_json(&json).unwrap();
        assert_eq!(doc.title, "Kế hoạch tổ chức");
    }
}
