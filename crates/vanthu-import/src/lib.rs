//! The plain-text importer: a clerk's `.txt` file — exported from Word, typed by hand, or
//! written by a scanner's OCR — becomes a [`Document`] and a list of [`Warning`]s.
//!
//! Offices keep years of documents only as such files, and the archive is worth little until
//! they are in it. Text loses the layout that tells a reader which line is the issuing body
//! and which the signer, so the importer recognises each part from what its lines look like
//! (see the modules). It never invents: a part it cannot find is left empty and reported, and
//! a line it drops (scan noise) is quoted in a warning, so the clerk knows exactly what to
//! check against the paper. A document that carries a number is a historical record and comes
//! in as issued with that number; everything else is a draft.

mod body;
mod closing;
mod decode;
pub mod doc;
pub mod docx;
mod header;
mod intro;
pub mod legacy;
mod line;
mod page;
mod signature;

pub use legacy::LegacyEncoding;
use vanthu_model::text::{nfc, size_vi};
use vanthu_model::{Conventions, Document, Format, Issuer, Kind, Status};

/// Largest file accepted: a long plan is 50 KB of text; anything this big was picked by mistake.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Largest Word file accepted: pictures make a .doc far bigger than its text.
pub const MAX_WORD_FILE_BYTES: usize = 32 * 1024 * 1024;

/// The result of an import: the document and everything the clerk should check.
#[derive(Debug, Clone)]
pub struct Imported {
    pub document: Document,
    pub warnings: Vec<Warning>,
}

/// Something the importer could not find or chose to drop, for the clerk to check.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Warning {
    /// The 1-based source line it is about, when there is one.
    pub line: Option<usize>,
    /// What happened, in Vietnamese.
    pub message: String,
}

impl Warning {
    pub(crate) fn at(line: usize, message: impl Into<String>) -> Warning {
        Warning {
            line: Some(line),
            message: message.into(),
        }
    }

    pub(crate) fn general(message: impl Into<String>) -> Warning {
        Warning {
            line: None,
            message: message.into(),
        }
    }

    /// A dropped line of scan noise, quoted.
    pub(crate) fn noise(line: usize, text: &str) -> Warning {
        Warning::at(
            line,
            format!("Bỏ dòng nhiễu do quét/OCR ở dòng {line}: “{text}”"),
        )
    }
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large: {bytes} bytes (at most {max})")]
    TooLarge { bytes: usize, max: usize },
    #[error("the file is binary, not plain text")]
    Binary,
    #[error("the file is neither UTF-8 nor UTF-16 text (a legacy TCVN3/VNI encoding?)")]
    NotText,
    #[error("the file has no content: only blank lines or scan noise")]
    NoContent,
    #[error("the Word file is password-protected (encrypted)")]
    Encrypted,
    #[error("the Word file is damaged: {detail}")]
    Damaged { detail: String },
    #[error("the Word file was saved by Word 6.0/95 or older (nFib {n_fib:#06x})")]
    OldWord { n_fib: u16 },
    #[error("the file is an Office compound file but not a Word document")]
    NotWord,
    #[error("the .docx file cannot be read: {0}")]
    Docx(docx::DocxProblem),
}

impl ImportError {
    /// The message a clerk sees.
    pub fn message_vi(&self) -> String {
        match self {
            ImportError::Empty => "Tệp rỗng, không có nội dung để nhập.".to_owned(),
            ImportError::TooLarge { bytes, max } => format!(
                "Tệp quá lớn ({}; tối đa {}) — có lẽ đã chọn nhầm tệp, không phải một văn bản.",
                size_vi(*bytes as u64),
                size_vi(*max as u64)
            ),
            ImportError::Binary => "Tệp không phải văn bản thuần (có thể là tệp Word .doc/.docx, PDF hoặc ảnh). Hãy mở bằng Word và lưu lại dưới dạng “Plain Text (.txt)”.".to_owned(),
            ImportError::NotText => "Tệp không đọc được dưới dạng Unicode (UTF-8 hoặc UTF-16) — có thể đang dùng bảng mã cũ TCVN3 (ABC) hoặc VNI. Hãy mở bằng Word rồi lưu lại dạng “Plain Text” với bảng mã Unicode (UTF-8).".to_owned(),
            ImportError::NoContent => "Tệp chỉ có dòng trống hoặc nhiễu do quét, không có nội dung văn bản để nhập.".to_owned(),
            ImportError::Encrypted => "Tệp Word được đặt mật khẩu (mã hóa) nên không đọc được nội dung. Hãy mở bằng Word, gỡ mật khẩu rồi lưu lại và nhập lại.".to_owned(),
            ImportError::Damaged { .. } => "Tệp Word bị hỏng hoặc không trọn vẹn (có thể do sao chép hoặc tải về bị lỗi), không đọc được nội dung. Hãy thử mở bằng Word; nếu mở được, lưu lại thành tệp mới rồi nhập lại.".to_owned(),
            ImportError::OldWord { .. } => "Tệp được lưu bằng Word phiên bản quá cũ (Word 6.0/95 trở về trước), chưa đọc được. Hãy mở bằng Word và lưu lại dạng “Word 97-2003 (.doc)” hoặc “Word (.docx)”.".to_owned(),
            ImportError::Docx(problem) => problem.message_vi(),
            ImportError::NotWord => "Tệp là tài liệu Office nhưng không phải văn bản Word (có thể là bảng tính Excel .xls hoặc bản trình chiếu PowerPoint .ppt).".to_owned(),
        }
    }
}

/// Imports a file by what its content is, not by its name: a Word 97–2003 document (an OLE
/// compound file) through [`import_doc`], a `.docx` (a zip) through [`docx::import_docx`],
/// anything else as text ([`import_text`]).
pub fn import_file(bytes: &[u8], conventions: &Conventions) -> Result<Imported, ImportError> {
    import_file_with(bytes, conventions, None)
}

/// [`import_file`] with the legacy encoding of a text file chosen by the clerk (`--encoding`);
/// Word files say their fonts themselves, so the choice applies to text files only.
pub fn import_file_with(
    bytes: &[u8],
    conventions: &Conventions,
    encoding: Option<LegacyEncoding>,
) -> Result<Imported, ImportError> {
    if bytes.starts_with(&doc::CFB_SIGNATURE) {
        return import_doc(bytes, conventions);
    }
    if docx::is_zip(bytes) {
        return docx::import_docx(bytes, conventions);
    }
    import_text_with(bytes, conventions, encoding)
}

/// Imports a Word 97–2003 (`.doc`) file: its main text, read as [`import_str`] does. A
/// document typed wholly in a legacy font (`.VnTime`, `VNI-Times`) is converted, with a
/// warning.
pub fn import_doc(bytes: &[u8], conventions: &Conventions) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_WORD_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_WORD_FILE_BYTES,
        });
    }
    let doc = doc::read_doc(bytes)?;
    // Fonts unknown (or not legacy) but text that is: the whole text is converted.
    let (text, converted) = match (doc.converted, legacy::detect_text(&doc.text)) {
        (None, Some(encoding)) => (legacy::decode_text(&doc.text, encoding), Some(encoding)),
        (converted, _) => (doc.text.replace('\u{ad}', ""), converted),
    };
    let mut imported = import_decoded(&text, conventions)?;
    if let Some(encoding) = converted {
        imported.warnings.push(legacy_warning(encoding));
    }
    Ok(imported)
}

/// Imports a text file's bytes: decodes (UTF-8 with or without BOM, UTF-16 with BOM, or the
/// legacy TCVN3/VNI encoding its bytes show), refuses what is not a text document, then reads
/// it as [`import_str`] does.
pub fn import_text(bytes: &[u8], conventions: &Conventions) -> Result<Imported, ImportError> {
    import_text_with(bytes, conventions, None)
}

/// [`import_text`] with the encoding chosen by the clerk: `Some` reads the bytes as that
/// legacy encoding whatever they look like; `None` decides as [`import_text`] does.
pub fn import_text_with(
    bytes: &[u8],
    conventions: &Conventions,
    encoding: Option<LegacyEncoding>,
) -> Result<Imported, ImportError> {
    let (text, converted) = decode::decode_with(bytes, encoding)?;
    // A Unicode file may still hold lines a web page showed in a legacy font.
    let legacy_lines = match converted {
        None => legacy::decode_legacy_lines(&text),
        Some(_) => None,
    };
    let text = match &legacy_lines {
        Some((fixed, _, _)) => fixed.as_str(),
        None => text.as_str(),
    };
    let mut imported = import_decoded(text, conventions)?;
    if let Some(encoding) = converted {
        imported.warnings.push(legacy_warning(encoding));
    }
    if let Some((_, encoding, lines)) = legacy_lines {
        let listed: Vec<String> = lines.iter().take(10).map(ToString::to_string).collect();
        let more = if lines.len() > 10 { ", …" } else { "" };
        imported.warnings.push(Warning::at(
            lines[0],
            format!(
                "{} dòng (dòng {}{more}) còn ở bảng mã cũ {} trong tệp Unicode; đã chuyển sang Unicode. Hãy soát lại các chữ hoa có dấu.",
                lines.len(),
                listed.join(", "),
                encoding.name_vi()
            ),
        ));
        imported
            .warnings
            .sort_by_key(|w| w.line.unwrap_or(usize::MAX));
    }
    Ok(imported)
}

/// What the clerk should know about a converted legacy file.
fn legacy_warning(encoding: LegacyEncoding) -> Warning {
    Warning::general(match encoding {
        LegacyEncoding::Tcvn3 => format!(
            "Tệp dùng bảng mã cũ {}; đã chuyển sang Unicode. Hãy soát lại các chữ hoa có dấu (như Ủ, Ấ, Ở) ở giữa câu: bảng mã này ghi chúng như chữ thường.",
            encoding.name_vi()
        ),
        LegacyEncoding::Vni => format!(
            "Tệp dùng bảng mã cũ {}; đã chuyển sang Unicode.",
            encoding.name_vi()
        ),
    })
}

/// Reads decoded text, refusing text with nothing to import.
fn import_decoded(text: &str, conventions: &Conventions) -> Result<Imported, ImportError> {
    let text = nfc(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let has_content = text.lines().map(str::trim).any(|l| {
        l.chars().any(char::is_alphabetic)
            && !line::is_bracketed(l)
            && !line::is_page_number(l)
            && !line::is_rule(l)
    });
    if !has_content {
        return Err(ImportError::NoContent);
    }
    Ok(import_str(&text, conventions))
}

/// Reads already-decoded text into a document. Never fails: whatever is missing is empty in
/// the document and named in the warnings.
pub fn import_str(text: &str, conventions: &Conventions) -> Imported {
    let mut warnings = Vec::new();
    let text = clean(text, &mut warnings);
    let (dropped, mut lines) = page::strip(line::split_lines(&text), conventions, &mut warnings);
    let first_kept = lines.first().map(|l| l.no);
    let described = intro::take(&dropped, &mut lines, conventions);
    if let (Some(d), Some(first)) = (&described, first_kept) {
        if d.line >= first {
            warnings.push(Warning::at(
                d.line,
                format!(
                    "Dòng {} là tiêu đề hoặc lời giới thiệu của trang web về văn bản, không phải nội dung văn bản; đã bỏ ra khỏi nội dung.",
                    d.line
                ),
            ));
        }
    }
    let lines = header::unflatten(lines);

    let label = closing::find_label(&lines, 0);
    let limit = label.unwrap_or(lines.len());
    let mut head = header::read(&lines, limit, conventions, &mut warnings);

    let (mut title, body_start) = match (&head.type_line, &head.vv) {
        (Some(_), _) => body::title(&lines, head.next, limit, &mut warnings),
        (None, Some((_, vv))) => (vv.clone(), head.next),
        (None, None) if head.untyped_title => body::title(&lines, head.next, limit, &mut warnings),
        (None, None) => (String::new(), head.next),
    };
    if let Some(d) = &described {
        intro::complete(&mut head, &mut title, d, &mut warnings);
    }

    let mut recipients = Vec::new();
    let mut archive = String::new();
    let mut signature_lines = Vec::new();
    let body_end = match label {
        Some(l) => {
            // The signature may have been written above the Nơi nhận list.
            let above = signature::trailing_block(&lines, body_start, l);
            if let Some(start) = above {
                signature_lines.extend_from_slice(&lines[start..l]);
            }
            let closing = closing::read(&lines, l, &mut warnings);
            recipients = closing.recipients;
            archive = closing.archive;
            signature_lines.extend(closing.signature_lines);
            above.unwrap_or(l)
        }
        None => match signature::trailing_block(&lines, body_start, lines.len()) {
            Some(start) => {
                signature_lines.extend_from_slice(&lines[start..]);
                start
            }
            None => lines.len(),
        },
    };
    let body = body::body(&lines[body_start.min(body_end)..body_end], &mut warnings);
    let (signature, authority_signal) = signature::read(&signature_lines, &mut warnings);

    let mut signals = head.signals.clone();
    signals.extend(authority_signal);
    if signals.is_empty() {
        signals.extend(cited_format(
            &lines[body_start.min(body_end)..body_end],
            conventions,
            &mut warnings,
        ));
    }
    let format = resolve_format(&signals, &mut warnings);
    let kind = header::kind_in_format(
        resolve_kind(&head, &mut warnings),
        format,
        &head,
        &mut warnings,
    );
    let (number, code) = match &head.number {
        Some((_, n)) => (n.number, n.code.clone()),
        None => (None, String::new()),
    };

    let mut document = Document {
        status: if number.is_some() {
            Status::Issued
        } else {
            Status::Draft
        },
        format,
        kind,
        issuer: Issuer {
            parent: head.parent.clone(),
            name: head.name.clone(),
            code,
        },
        number,
        place: head.place.clone(),
        date: head.date,
        title,
        secrecy: head.secrecy,
        urgency: head.urgency,
        body,
        recipients,
        archive,
        signature,
        ..Document::default()
    };
    document.normalize();
    report_missing(&document, &head, label.map(|l| lines[l].no), &mut warnings);
    // In source order, so the clerk can go down the file once; general remarks last.
    warnings.sort_by_key(|w| w.line.unwrap_or(usize::MAX));
    Imported { document, warnings }
}

/// NFC and the invisible leftovers of Word: a vertical tab is Word's manual line break, a
/// form feed its page break; any other control character has no place in a document.
fn clean(text: &str, warnings: &mut Vec<Warning>) -> String {
    let text = nfc(text);
    // `ỦY BAN NHÂN DÂN | \r\n CỘNG…`: line breaks a page's script wrote out as the four
    // characters `\r\n` (or `\n`); a few of them are taken for what they stand for.
    let escaped = text.matches("\\n").count();
    let text = if escaped >= 3 {
        warnings.push(Warning::general(format!(
            "Đã đổi {escaped} chuỗi “\\r\\n” hoặc “\\n” (ngắt dòng bị ghi thành chữ khi chép từ trang web) thành ngắt dòng."
        )));
        text.replace("\\r\\n", "\n").replace("\\n", "\n")
    } else {
        text
    };
    let mut dropped = 0;
    let cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '\u{b}' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\u{c}' => Some(' '),
            '\n' | '\t' => Some(c),
            c if c.is_control() => {
                dropped += 1;
                None
            }
            c => Some(c),
        })
        .collect();
    if dropped > 0 {
        warnings.push(Warning::general(format!(
            "Đã bỏ {dropped} ký tự điều khiển không in được (thường do sao chép từ phần mềm khác)."
        )));
    }
    let (cleaned, tags) = strip_html_tags(&cleaned);
    if tags > 0 {
        warnings.push(Warning::general(format!(
            "Đã bỏ {tags} thẻ HTML (như <b>, <span>) còn lẫn trong văn bản chép từ mã nguồn trang web."
        )));
    }
    cleaned
}

/// The inline HTML a page's source leaves around text (`<b>BÁO CÁO</b>`, `<span class=…>`):
/// only these tag names, opening or closing, are taken out, so `a < b > c` or `<5%>` stay.
const HTML_TAGS: [&str; 24] = [
    "a", "b", "br", "div", "em", "font", "h1", "h2", "h3", "h4", "i", "li", "ol", "p", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "tr", "u",
];

/// `text` without the HTML tags of [`HTML_TAGS`], and how many were taken out.
fn strip_html_tags(text: &str) -> (String, usize) {
    if !text.contains('<') {
        return (text.to_owned(), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let tag_end = after
            .find(['>', '<', '\n'])
            .filter(|&e| after[e..].starts_with('>'));
        let name = after.trim_start_matches('/');
        let name_len = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let known = HTML_TAGS.contains(&name[..name_len].to_ascii_lowercase().as_str());
        let boundary = name[name_len..].starts_with(['>', ' ', '/', '\t']);
        match tag_end {
            Some(end) if known && boundary => {
                count += 1;
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, count)
}

/// The number line's punctuation decides, then the national heading, then the signing
/// authority; a Party office's app defaults to Party. A disagreement is reported.
fn resolve_format(signals: &[header::FormatSignal], warnings: &mut Vec<Warning>) -> Format {
    let Some(chosen) = signals.first() else {
        return Format::Party;
    };
    for other in signals.iter().filter(|s| s.format != chosen.format) {
        warnings.push(Warning::at(
            other.line,
            format!(
                "Thể thức không thống nhất: {} ở dòng {} là của {}, nhưng {} ở dòng {} là của {}; đã chọn {}.",
                other.what,
                other.line,
                format_vi(other.format),
                chosen.what,
                chosen.line,
                format_vi(chosen.format),
                format_vi(chosen.format),
            ),
        ));
    }
    chosen.format
}

/// How many of the body's first lines are searched for cited documents.
const CITATION_LINES: usize = 40;

/// The format a document with no heading, number, issuer or signer shows by the documents it
/// cites: a Party committee's `Căn cứ` cites Party documents (`35-CT/TW`), a people's
/// committee's State ones (`64/2014/NĐ-CP`). Taken only when one kind outnumbers the other
/// two to one, and reported as a guess.
fn cited_format(
    lines: &[line::Line],
    conventions: &Conventions,
    warnings: &mut Vec<Warning>,
) -> Option<header::FormatSignal> {
    let (mut party, mut state, mut first) = (0, 0, None);
    for l in lines.iter().take(CITATION_LINES) {
        // `113 - KH/TNHN`, `05/KH- UBH`: a symbol's separators typed with spaces.
        let compact = l
            .text
            .replace(" - ", "-")
            .replace(" -", "-")
            .replace("- ", "-")
            .replace(" /", "/")
            .replace("/ ", "/");
        for word in compact.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.starts_with(|c: char| c.is_ascii_digit()) || !word.contains('/') {
                continue;
            }
            let Some(symbol) = vanthu_model::numbering::parse_symbol(word, conventions) else {
                continue;
            };
            // A code in capitals: `1/ Lãnh đạo …` is an item, not a symbol.
            let code = !symbol.code.is_empty() && !symbol.code.chars().any(char::is_lowercase);
            if symbol.kind.is_none() || !code || symbol.number.is_none() {
                continue;
            }
            match symbol.format {
                Format::Party => party += 1,
                Format::State => state += 1,
            }
            first.get_or_insert(l.no);
        }
    }
    let format = if party > 2 * state {
        Format::Party
    } else if state > 2 * party {
        Format::State
    } else {
        return None;
    };
    let line = first?;
    warnings.push(Warning::at(
        line,
        format!(
            "Phần đầu văn bản không cho biết thể thức (không có tiêu đề, số, ký hiệu hay tên cơ quan ban hành); đã đoán là {} theo ký hiệu của các văn bản được dẫn trong nội dung (từ dòng {line}). Hãy kiểm tra lại.",
            format_vi(format)
        ),
    ));
    Some(header::FormatSignal {
        format,
        line,
        what: "ký hiệu các văn bản được dẫn",
        strength: 5,
    })
}

/// The format's name inside a sentence: `văn bản của Đảng` (Đảng keeps its capital).
fn format_vi(format: Format) -> String {
    let name = format.name_vi();
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The printed type name decides; a công văn has none and is known by `V/v` or its symbol.
fn resolve_kind(head: &header::Header, warnings: &mut Vec<Warning>) -> Option<Kind> {
    let from_number = head.number.as_ref().and_then(|(no, n)| {
        if n.kind.is_none() && !n.abbreviation.is_empty() {
            warnings.push(Warning::at(
                *no,
                format!(
                    "Không nhận ra loại văn bản “{}” trong ký hiệu ở dòng {no}.",
                    n.abbreviation
                ),
            ));
        }
        n.kind.map(|k| (*no, k, n.abbreviation.clone()))
    });
    if let Some((type_no, kind)) = head.type_line {
        if let Some((no, number_kind, abbr)) = &from_number {
            // `QĐ` is Quy định's Party abbreviation since 2021 as well as Quyết định's.
            let quy_dinh_as_qd = kind == Kind::QuyDinh && matches!(abbr.as_str(), "QĐ" | "QĐi");
            if *number_kind != kind && !quy_dinh_as_qd {
                warnings.push(Warning::at(
                    *no,
                    format!(
                        "Ký hiệu ở dòng {no} ghi loại “{}” ({abbr}) nhưng tên loại ở dòng {type_no} là “{}”; đã lấy theo tên loại.",
                        number_kind.name(),
                        kind.printed_name()
                    ),
                ));
            }
        }
        return Some(kind);
    }
    if let Some((vv_no, _)) = &head.vv {
        if let Some((no, number_kind, abbr)) = &from_number {
            if *number_kind != Kind::CongVan {
                warnings.push(Warning::at(
                    *no,
                    format!(
                        "Ký hiệu ở dòng {no} ghi loại “{}” ({abbr}) nhưng văn bản có dòng “V/v” ở dòng {vv_no} như công văn; đã nhập là công văn.",
                        number_kind.name()
                    ),
                ));
            }
        }
        return Some(Kind::CongVan);
    }
    from_number.map(|(_, k, _)| k)
}

/// Names every part of the document that was not found.
fn report_missing(
    doc: &Document,
    head: &header::Header,
    label_line: Option<usize>,
    warnings: &mut Vec<Warning>,
) {
    let number_line = head.number.as_ref().map(|(no, _)| *no);
    if doc.issuer.name.is_empty() {
        warnings.push(Warning::general(
            "Không thấy tên cơ quan ban hành (dòng chữ in hoa ở góc trái phần đầu văn bản); hãy nhập bổ sung.",
        ));
    }
    match number_line {
        None => {
            warnings.push(Warning::general(
                "Không thấy dòng số, ký hiệu (“Số …”) nên chưa có ký hiệu cơ quan ban hành (như ĐU, UBND).",
            ));
            warnings.push(Warning::general("Chưa có số — nhập như bản dự thảo."));
        }
        Some(no) => {
            if doc.issuer.code.is_empty() {
                warnings.push(Warning::at(
                    no,
                    format!("Dòng số ở dòng {no} không ghi ký hiệu cơ quan ban hành."),
                ));
            }
            if doc.number.is_none() {
                warnings.push(Warning::at(
                    no,
                    format!("Chưa có số (dòng {no} để trống số) — nhập như bản dự thảo."),
                ));
            }
        }
    }
    if head.type_line.is_none() && doc.kind != Some(Kind::CongVan) {
        let message = match doc.kind {
            Some(kind) => format!(
                "Không thấy dòng tên loại văn bản; loại “{}” lấy theo ký hiệu ở dòng số.",
                kind.name()
            ),
            None => {
                "Không thấy dòng tên loại văn bản (như KẾ HOẠCH, BÁO CÁO); hãy chọn loại văn bản."
                    .to_owned()
            }
        };
        warnings.push(Warning::general(message));
    }
    if doc.title.is_empty() {
        warnings.push(Warning::general("Không thấy trích yếu nội dung văn bản."));
    }
    match head.place_date_line {
        None => warnings.push(Warning::general(
            "Không thấy địa danh và ngày tháng ban hành.",
        )),
        Some(no) if doc.place.is_empty() => warnings.push(Warning::at(
            no,
            format!("Dòng ngày tháng (dòng {no}) không ghi địa danh."),
        )),
        Some(_) => {}
    }
    if doc.body.is_empty() {
        warnings.push(Warning::general("Không thấy nội dung văn bản."));
    }
    match label_line {
        None => warnings.push(Warning::general("Không thấy phần “Nơi nhận:”.")),
        Some(no) => {
            if doc.recipients.is_empty() {
                warnings.push(Warning::at(
                    no,
                    format!("Phần Nơi nhận (dòng {no}) không có nơi nhận nào."),
                ));
            }
            if doc.archive.is_empty() {
                warnings.push(Warning::at(
                    no,
                    format!("Phần Nơi nhận (dòng {no}) không có dòng lưu (“Lưu …”)."),
                ));
            }
        }
    }
    if doc.signature.authority.is_empty() {
        warnings.push(Warning::general(
            "Không có quyền hạn ký (T/M, K/T, T/L, TM., KT.…): người ký ký trực tiếp.",
        ));
    }
    if doc.signature.position.is_empty() {
        warnings.push(Warning::general("Không thấy chức vụ người ký."));
    }
    if doc.signature.name.is_empty() {
        warnings.push(Warning::general("Không thấy họ tên người ký."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_too_large_names_both_sizes_in_vietnamese() {
        let e = ImportError::TooLarge {
            bytes: 10 * 1024 * 1024 + 512 * 1024,
            max: MAX_FILE_BYTES,
        };
        assert!(
            e.message_vi().contains("(10,5 MB; tối đa 2 MB)"),
            "{}",
            e.message_vi()
        );
    }

    #[test]
    fn html_tags_of_a_page_source_are_taken_out() {
        let (text, n) = strip_html_tags(
            "<span class='x'>(1)</span><div class='page' data-page=1>\n<b>BÁO CÁO</b> <i>Hà Nội</i>",
        );
        assert_eq!(text, "(1)\nBÁO CÁO Hà Nội");
        assert_eq!(n, 7);
        let (kept, n) = strip_html_tags("a < b > c, <5%>, <Ghi chú>, x <b");
        assert_eq!((kept.as_str(), n), ("a < b > c, <5%>, <Ghi chú>, x <b", 0));
    }

    #[test]
    fn control_characters_are_cleaned() {
        let mut w = Vec::new();
        assert_eq!(clean("a\u{b}b\u{c}c\u{7}", &mut w), "a\nb c");
        assert_eq!(w.len(), 1);
    }
}
