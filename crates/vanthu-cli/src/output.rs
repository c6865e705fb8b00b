//! Human-readable output: a document as a clerk reads it, and the archive table.

use std::io::{self, Write};

use vanthu_archive::{Attachment, AttachmentRole, AuditEntry, DocumentSummary, IssuerProfile};
use vanthu_model::{date, Document, Status};

pub fn document(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let field = |out: &mut dyn Write, label: &str, value: &str| -> io::Result<()> {
        if value.is_empty() {
            Ok(())
        } else {
            writeln!(out, "{label:<16}{value}")
        }
    };
    field(
        out,
        "Mã số:",
        &doc.id.map(|i| i.to_string()).unwrap_or_default(),
    )?;
    field(out, "Trạng thái:", doc.status.name_vi())?;
    field(out, "Thể thức:", doc.format.name_vi())?;
    field(out, "Loại:", doc.kind.map_or("", |k| k.name()))?;
    field(out, "Số, ký hiệu:", doc.symbol.as_deref().unwrap_or(""))?;
    field(out, "Cơ quan cấp trên:", &doc.issuer.parent)?;
    field(out, "Cơ quan:", &doc.issuer.name)?;
    field(out, "Ký hiệu CQ:", &doc.issuer.code)?;
    let when = doc
        .date
        .map(|d| date::place_and_date(&doc.place, d))
        .unwrap_or_else(|| doc.place.clone());
    field(out, "Địa danh, ngày:", &when)?;
    field(out, "Độ mật:", doc.secrecy.map_or("", |s| s.mark()))?;
    field(out, "Độ khẩn:", doc.urgency.map_or("", |u| u.mark()))?;
    field(out, "Trích yếu:", &doc.title)?;
    field(out, "Người ký:", &signer(doc))?;
    if !doc.recipients.is_empty() || !doc.archive.is_empty() {
        writeln!(out, "Nơi nhận:")?;
        for r in &doc.recipients {
            if r.note.is_empty() {
                writeln!(out, "  - {}", r.name)?;
            } else {
                writeln!(out, "  - {} ({})", r.name, r.note)?;
            }
        }
        if !doc.archive.is_empty() {
            writeln!(out, "  - {}", doc.archive)?;
        }
    }
    if !doc.body.is_empty() {
        writeln!(out, "\n{}", doc.body)?;
    }
    Ok(())
}

fn signer(doc: &Document) -> String {
    let s = &doc.signature;
    [&s.authority, &s.position, &s.name]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

pub fn table(out: &mut impl Write, rows: &[DocumentSummary]) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "(không có văn bản nào)");
    }
    writeln!(
        out,
        "{:>5}  {:<14}  {:<10}  {:<12}  {:<11}  {:<20}  Trích yếu",
        "Mã", "Số, ký hiệu", "Ngày", "Loại", "Trạng thái", "Người ký"
    )?;
    for r in rows {
        let status = match r.status {
            Status::Draft => "Dự thảo",
            Status::Issued => "Đã ban hành",
        };
        writeln!(
            out,
            "{:>5}  {:<14}  {:<10}  {:<12}  {:<11}  {:<20}  {}",
            r.id,
            r.symbol.as_deref().unwrap_or("—"),
            r.date
                .map_or_else(|| "—".to_owned(), |d| d.format("%d/%m/%Y").to_string()),
            r.kind.map_or("—", |k| k.name()),
            status,
            clip(&r.signer, 20),
            r.title
        )?;
    }
    Ok(())
}

pub fn profiles(out: &mut impl Write, profiles: &[IssuerProfile]) -> io::Result<()> {
    if profiles.is_empty() {
        return writeln!(out, "(chưa có cơ quan ban hành nào)");
    }
    for p in profiles {
        let term = p
            .term_start
            .map(|d| format!(", nhiệm kỳ từ {}", d.format("%d/%m/%Y")))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>4}  {} ({}, {}){term}",
            p.id.unwrap_or_default(),
            p.name,
            p.code,
            p.format.name_vi()
        )?;
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut c: String = s.chars().take(n - 1).collect();
        c.push('…');
        c
    }
}

pub fn log(out: &mut impl Write, entries: &[AuditEntry]) -> io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "(nhật ký trống)");
    }
    for e in entries {
        let action = e.label.to_lowercase();
        let doc = e
            .document_id
            .map(|d| format!(" văn bản {d}"))
            .unwrap_or_default();
        writeln!(out, "{}  {:<12} {action}{doc}: {}", e.at, e.actor, e.detail)?;
    }
    Ok(())
}

/// `vanthu deadlines`: one line each — id, due day, state, symbol, units, the sentence.
pub fn deadlines(out: &mut impl Write, list: &[vanthu_archive::Deadline]) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "(không có thời hạn nào)");
    }
    for d in list {
        let state = match &d.done_on {
            Some(on) => format!(
                "xong {}",
                vanthu_model::date::parse_iso(on)
                    .map(vanthu_model::date::short)
                    .unwrap_or_else(|_| on.clone())
            ),
            None => "chưa xong".to_owned(),
        };
        let again = d
            .recurring_text
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let units = if d.units.is_empty() {
            String::new()
        } else {
            format!(" [{}]", d.units.join("; "))
        };
        writeln!(
            out,
            "{:>5}  {}  {:<16} {:<14}{units} {}{again}",
            d.id,
            d.due_text,
            state,
            d.symbol,
            clip(&d.text, 90)
        )?;
    }
    Ok(())
}

pub fn attachments(out: &mut impl Write, atts: &[Attachment]) -> io::Result<()> {
    if atts.is_empty() {
        return writeln!(out, "(không có tệp đính kèm)");
    }
    for a in atts {
        let role = match a.role {
            AttachmentRole::Scan => "bản quét",
            AttachmentRole::IssuedPdf => "bản PDF đã ban hành",
        };
        writeln!(
            out,
            "{:>5}  {:<20} {:<40} {:>10} byte  SHA-256 {}",
            a.id, role, a.file_name, a.size, a.sha256
        )?;
    }
    Ok(())
}

/// `vanthu layout show`: the preset in force, then every setting, changed ones marked `*`.
pub fn layout(
    out: &mut impl Write,
    settings: &vanthu_ops::LayoutSettings,
    all: &[(String, String)],
) -> io::Result<()> {
    layout_summary(out, settings)?;
    for (key, value) in all {
        let changed = settings
            .changed
            .iter()
            .any(|c| c == &format!("{key}={value}"));
        let mark = if changed { "*" } else { " " };
        writeln!(out, "{mark} {key} = {value}")?;
    }
    Ok(())
}

/// The line that says which layout is in force and what differs from the regulation.
pub fn layout_summary(out: &mut impl Write, s: &vanthu_ops::LayoutSettings) -> io::Result<()> {
    let preset = s.preset.as_deref().unwrap_or("đã sửa theo văn phòng");
    writeln!(out, "Thể thức {}: {preset}", s.format.name_vi())?;
    if !s.changed.is_empty() {
        writeln!(
            out,
            "Khác với quy định ({}): {}",
            s.presets[0].name,
            s.changed.join(", ")
        )?;
    }
    Ok(())
}

/// `vanthu layout presets`.
pub fn presets(out: &mut impl Write, s: &vanthu_ops::LayoutSettings) -> io::Result<()> {
    for p in &s.presets {
        let using = if s.preset.as_deref() == Some(p.name.as_str()) {
            "*"
        } else {
            " "
        };
        if p.builtin {
            writeln!(out, "{using} {}\t(theo quy định)", p.name)?;
        } else {
            writeln!(
                out,
                "{using} {}\t(lưu {} bởi {})",
                p.name,
                date::stamp_vi(&p.saved_at),
                p.saved_by
            )?;
        }
    }
    Ok(())
}
