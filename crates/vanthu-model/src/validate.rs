//! Validation: every problem of a document at once, each with its field path.
//!
//! The form marks each field beside its message, so validation never stops at the first
//! problem. A draft may be incomplete, but never malformed (control characters, a type that
//! does not exist in its format, a 10 MB paste); issuing needs a complete document.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::document::{Document, Format, Status, Urgency};
use crate::text;

/// Longest body accepted: about 200 printed pages. A longer paste is a mistake, not a plan.
pub const MAX_BODY_CHARS: usize = 500_000;
/// Longest single-line field (a trích yếu can run to three printed lines; this is ten times that).
pub const MAX_LINE_CHARS: usize = 1_000;
/// Years a document may carry: from the founding of the Democratic Republic to well ahead.
pub const YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;
/// Most recipients on one document.
pub const MAX_RECIPIENTS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Saving a draft: shape only.
    Draft,
    /// Issuing, or recording an issued document: complete as well.
    Issue,
}

/// One problem, at one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    /// The field path as in the JSON: `title`, `signature.name`, `recipients[2].name`.
    pub path: String,
    /// What the clerk sees, in Vietnamese.
    pub message: String,
}

impl Problem {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }

    /// One problem per line, `- path: message`.
    pub fn list_vi(problems: &[Problem]) -> String {
        problems
            .iter()
            .map(|p| format!("- {}: {}", p.path, p.message))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn list_en(problems: &[Problem]) -> String {
        problems
            .iter()
            .map(|p| p.path.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Every problem of `doc` for `purpose`; empty when it may be saved (or issued).
pub fn validate(doc: &Document, purpose: Purpose) -> Vec<Problem> {
    let mut out = Vec::new();
    shape(doc, &mut out);
    if purpose == Purpose::Issue {
        complete(doc, &mut out);
    }
    out
}

fn shape(doc: &Document, out: &mut Vec<Problem>) {
    let lines: [(&str, &str); 9] = [
        ("issuer.parent", &doc.issuer.parent),
        ("issuer.name", &doc.issuer.name),
        ("issuer.code", &doc.issuer.code),
        ("place", &doc.place),
        ("title", &doc.title),
        ("archive", &doc.archive),
        ("signature.authority", &doc.signature.authority),
        ("signature.position", &doc.signature.position),
        ("signature.name", &doc.signature.name),
    ];
    for (path, value) in lines {
        line_field(path, value, out);
    }
    for (i, r) in doc.recipients.iter().enumerate() {
        line_field(&format!("recipients[{i}].name"), &r.name, out);
        line_field(&format!("recipients[{i}].note"), &r.note, out);
    }
    if doc.recipients.len() > MAX_RECIPIENTS {
        out.push(Problem::new(
            "recipients",
            format!(
                "Quá nhiều nơi nhận ({}; tối đa {MAX_RECIPIENTS}).",
                doc.recipients.len()
            ),
        ));
    }
    if let Some(c) = text::first_control_char(&doc.body) {
        out.push(control_problem("body", c));
    }
    let body_chars = doc.body.chars().count();
    if body_chars > MAX_BODY_CHARS {
        out.push(Problem::new(
            "body",
            format!(
                "Nội dung quá dài ({body_chars} ký tự; tối đa {MAX_BODY_CHARS}). Có thể đã dán nhầm cả một tệp khác."
            ),
        ));
    }
    if doc.issuer.code.contains([' ', '/']) {
        out.push(Problem::new(
            "issuer.code",
            "Ký hiệu cơ quan không được chứa dấu cách hay dấu gạch chéo (ví dụ: ĐU, HU, UBND).",
        ));
    }
    if let Some(kind) = doc.kind {
        if !kind.exists_in(doc.format) {
            out.push(Problem::new(
                "kind",
                format!(
                    "Loại “{}” không có trong {} — hãy chọn loại khác hoặc đổi thể thức.",
                    kind.name(),
                    doc.format.name_vi().to_lowercase()
                ),
            ));
        }
    }
    if doc.urgency == Some(Urgency::HoaTocHenGio) && doc.format == Format::State {
        out.push(Problem::new(
            "urgency",
            "Văn bản hành chính không có mức “hỏa tốc hẹn giờ”; chọn khẩn, thượng khẩn hoặc hỏa tốc.",
        ));
    }
    if let Some(date) = doc.date {
        if !YEARS.contains(&date.year()) {
            out.push(Problem::new(
                "date",
                format!("Năm {} nằm ngoài khoảng 1945–2100.", date.year()),
            ));
        }
    }
    if doc.number == Some(0) {
        out.push(Problem::new("number", "Số văn bản bắt đầu từ 01."));
    }
}

fn complete(doc: &Document, out: &mut Vec<Problem>) {
    let required: [(&str, &str, &str); 7] = [
        (
            "issuer.name",
            &doc.issuer.name,
            "Chưa nhập tên cơ quan ban hành.",
        ),
        (
            "issuer.code",
            &doc.issuer.code,
            "Chưa nhập ký hiệu cơ quan (ví dụ: ĐU).",
        ),
        ("title", &doc.title, "Chưa nhập trích yếu nội dung."),
        ("place", &doc.place, "Chưa nhập địa danh."),
        ("body", &doc.body, "Chưa có nội dung văn bản."),
        (
            "signature.position",
            &doc.signature.position,
            "Chưa nhập chức vụ người ký.",
        ),
        (
            "signature.name",
            &doc.signature.name,
            "Chưa nhập họ tên người ký.",
        ),
    ];
    for (path, value, message) in required {
        if value.trim().is_empty() {
            out.push(Problem::new(path, message));
        }
    }
    if doc.kind.is_none() {
        out.push(Problem::new("kind", "Chưa chọn loại văn bản."));
    }
    if doc.date.is_none() {
        out.push(Problem::new("date", "Chưa nhập ngày ban hành."));
    }
    if doc.status == Status::Issued && doc.number.is_none() {
        out.push(Problem::new("number", "Văn bản đã ban hành phải có số."));
    }
}

fn line_field(path: &str, value: &str, out: &mut Vec<Problem>) {
    if let Some(c) = text::first_control_char(value) {
        out.push(control_problem(path, c));
    }
    let n = value.chars().count();
    if n > MAX_LINE_CHARS {
        out.push(Problem::new(
            path,
            format!("Quá dài ({n} ký tự; tối đa {MAX_LINE_CHARS})."),
        ));
    }
}

fn control_problem(path: &str, c: char) -> Problem {
    Problem::new(
        path,
        format!(
            "Có ký tự điều khiển không in được (U+{:04X}); thường do dán từ phần mềm khác — hãy gõ lại đoạn này.",
            c as u32
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Issuer, Signature};
    use crate::kind::Kind;

    fn complete_doc() -> Document {
        Document {
            kind: Some(Kind::KeHoach),
            issuer: Issuer {
                parent: String::new(),
                name: "ĐẢNG ỦY SỞ".into(),
                code: "ĐU".into(),
            },
            place: "Hà Nội".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 2, 5),
            title: "Tổ chức hội nghị".into(),
            body: "Nội dung.".into(),
            signature: Signature {
                authority: "T/M BAN THƯỜNG VỤ".into(),
                position: "BÍ THƯ".into(),
                name: "Nguyễn Văn A".into(),
            },
            ..Document::default()
        }
    }

    #[test]
    fn a_complete_document_has_no_problem() {
        assert_eq!(validate(&complete_doc(), Purpose::Issue), vec![]);
    }

    #[test]
    fn drafts_may_be_empty_but_issuing_lists_every_missing_field() {
        let empty = Document::default();
        assert!(validate(&empty, Purpose::Draft).is_empty());
        let problems = validate(&empty, Purpose::Issue);
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        for want in [
            "issuer.name",
            "title",
            "place",
            "body",
            "signature.position",
            "signature.name",
            "kind",
            "date",
        ] {
            assert!(paths.contains(&want), "{want} missing from {paths:?}");
        }
    }

    #[test]
    fn shape_problems_block_even_drafts() {
        let mut doc = complete_doc();
        doc.title = "a\u{7}b".into();
        doc.body = "x".repeat(MAX_BODY_CHARS + 1);
        doc.kind = Some(Kind::HopDong);
        let paths: Vec<_> = validate(&doc, Purpose::Draft)
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["title", "body", "kind"]);
    }
}
