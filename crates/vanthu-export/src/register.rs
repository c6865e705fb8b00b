//! The outgoing register (sổ đăng ký văn bản đi) of a year or a committee term, as the
//! statutory book: a PDF to print and bind, or a CSV for a spreadsheet.
//!
//! Party registers group by document type (each type has its own number series); State
//! registers run in one series. Số lượng bản is the recipients plus the archive copy; the
//! columns filled by hand when the copies leave (ngày chuyển, ký nhận) stay empty.

use chrono::NaiveDate;
use vanthu_archive::Archive;
use vanthu_model::{Document, Format, Kind};
use vanthu_pdf::{RegisterBook, RegisterGroup, RegisterRow, REGISTER_COLUMNS};

/// What a book covers: a calendar year, or a committee term of five years from its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    Term(NaiveDate),
}

impl Period {
    /// The first day in the book and the first day after it.
    pub fn bounds(self) -> (NaiveDate, NaiveDate) {
        let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN);
        match self {
            Period::Year(y) => (jan1(y), jan1(y.saturating_add(1))),
            Period::Term(t) => (
                t,
                t.checked_add_months(chrono::Months::new(60)).unwrap_or(t),
            ),
        }
    }

    /// The line under the book's title.
    pub fn label(self) -> String {
        match self {
            Period::Year(y) => format!("Năm {y}"),
            Period::Term(t) => format!("Nhiệm kỳ từ {}", t.format("%d/%m/%Y")),
        }
    }
}

/// The book of the documents issued in `period`, of the issuer with code `issuer` or of all.
/// A term's book is a Party book; a year's takes the format of its documents (or of the saved
/// issuer when there are none). The header names the issuer of the first document, else the
/// saved issuer profile.
pub fn register_book(
    archive: &Archive,
    period: Period,
    issuer: Option<&str>,
) -> crate::Result<RegisterBook> {
    if let Period::Year(y) = period {
        if !vanthu_model::validate::YEARS.contains(&y) {
            return Err(crate::ExportError::Year(y));
        }
    }
    let (from, to) = period.bounds();
    let docs = archive.issued_between(from, to, issuer)?;
    let profiles = archive.issuer_profiles()?;
    let profile = issuer
        .and_then(|code| profiles.iter().find(|p| p.code == code))
        .or(profiles.first());
    let format = match period {
        Period::Term(_) => Format::Party,
        Period::Year(_) => docs
            .first()
            .map(|d| d.format)
            .or(profile.map(|p| p.format))
            .unwrap_or_default(),
    };
    let header = docs
        .first()
        .map(|d| (d.issuer.parent.clone(), d.issuer.name.clone()))
        .or_else(|| profile.map(|p| (p.parent.clone(), p.name.clone())))
        .unwrap_or_default();
    Ok(book(&docs, format, period.label(), header))
}

fn row(doc: &Document) -> RegisterRow {
    let recipients = doc
        .recipients
        .iter()
        .map(|r| {
            if r.note.is_empty() {
                r.name.clone()
            } else {
                format!("{} ({})", r.name, r.note)
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    // "Lưu: VT, VP" / "Lưu Văn phòng Đảng ủy" → who keeps the archive copy.
    let archive_unit = doc
        .archive
        .trim_start_matches("Lưu")
        .trim_start_matches(':')
        .trim()
        .to_owned();
    let kind = doc.kind.map_or("", Kind::name);
    RegisterRow {
        symbol: doc.symbol.clone().unwrap_or_default(),
        date: doc
            .date
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        kind_and_title: [kind, &doc.title]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        signer: doc.signature.name.clone(),
        recipients,
        archive_unit,
        copies: doc.recipients.len() as u32 + 1,
        sent_date: String::new(),
        received_by: String::new(),
        note: String::new(),
    }
}

/// The book of `docs` (issued documents, in register order). The header names the issuer of
/// the first document unless `issuer` (parent, name) says otherwise.
pub fn book(
    docs: &[Document],
    format: Format,
    period: String,
    issuer: (String, String),
) -> RegisterBook {
    let groups = match format {
        Format::Party => Kind::all()
            .filter_map(|kind| {
                let rows: Vec<RegisterRow> = docs
                    .iter()
                    .filter(|d| d.kind == Some(kind))
                    .map(row)
                    .collect();
                (!rows.is_empty()).then(|| RegisterGroup {
                    heading: Some(kind.printed_name()),
                    rows,
                })
            })
            .collect(),
        Format::State => vec![RegisterGroup {
            heading: None,
            rows: docs.iter().map(row).collect(),
        }],
    };
    RegisterBook {
        format,
        issuer_parent: issuer.0,
        issuer_name: issuer.1,
        period,
        groups,
    }
}

/// The book as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel on Windows shows
/// the diacritics.
pub fn csv(book: &RegisterBook) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = std::iter::once("Loại văn bản")
        .chain(REGISTER_COLUMNS)
        .map(field)
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for group in &book.groups {
        for r in &group.rows {
            let cells = [
                group.heading.as_deref().unwrap_or(""),
                &r.symbol,
                &r.date,
                &r.kind_and_title,
                &r.signer,
                &r.recipients,
                &r.archive_unit,
                &r.copies.to_string(),
                &r.sent_date,
                &r.received_by,
                &r.note,
            ];
            let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
