//! What can stop a document from becoming a PDF, said so that a clerk can act on it.

/// The faces the PDF needs and where they were looked for, in the English message.
const FONTS_WANTED_EN: &str = if cfg!(windows) {
    "Times New Roman (regular, bold, italic, bold italic: times.ttf, timesbd.ttf, timesi.ttf, \
     timesbi.ttf) not found in the Windows Fonts folder"
} else {
    "Times New Roman or Liberation Serif (regular, bold, italic, bold italic) not found"
};

/// What to do about missing fonts on this system, in English.
const FONTS_ADVICE_EN: &str = if cfg!(windows) {
    "reinstall the Times New Roman font (Settings > Personalization > Fonts) or ask the IT staff"
} else {
    "on Debian/Ubuntu install fonts-liberation2"
};

/// The same, for the clerk: one message, with the advice for the system in use.
const FONTS_MISSING_VI: &str = if cfg!(windows) {
    "Không tìm thấy phông Times New Roman (đủ bốn kiểu: thường, đậm, nghiêng, đậm nghiêng — các \
     tệp times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) trong thư mục Fonts của Windows. Hãy \
     cài lại phông Times New Roman (Cài đặt > Cá nhân hóa > Phông chữ) hoặc nhờ cán bộ tin học \
     cài giúp, rồi thử lại."
} else {
    "Không tìm thấy phông Times New Roman hoặc Liberation Serif (đủ bốn kiểu: thường, đậm, \
     nghiêng, đậm nghiêng). Trên Debian/Ubuntu hãy cài gói phông: \
     sudo apt-get install fonts-liberation2"
};

/// An export failure. [`PdfError::message_vi`] is what the application shows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// Neither Times New Roman nor Liberation Serif (all four faces) is installed. The advice
    /// is the one for the system the program runs on: Windows has Times New Roman, so there it
    /// is reinstalling it; elsewhere it is the Liberation Serif package.
    #[error(
        "no usable font: {FONTS_WANTED_EN}{}; {FONTS_ADVICE_EN}",
        if .detail.is_empty() { String::new() } else { format!(" ({})", .detail) }
    )]
    FontsMissing { detail: String },

    /// A font file exists but cannot be used.
    #[error("font file {path} cannot be used: {detail}")]
    FontUnreadable { path: String, detail: String },

    /// A character of the document has no glyph in the font: it would print as a box.
    #[error("the font {family} has no glyph for {ch:?} (U+{code:04X}) in {field}", code = *.ch as u32)]
    MissingGlyph {
        family: String,
        ch: char,
        /// The document field that holds it (`body`, `signature.name`).
        field: String,
    },

    /// The document lacks something the layout needs.
    #[error("cannot lay out the document: {field} is missing")]
    Incomplete { field: String, what_vi: String },

    /// The PDF could not be written (should not happen: it is written to memory).
    #[error("writing the PDF failed: {0}")]
    Write(String),

    /// The type does not exist in the document's format (Kết luận as a State document).
    #[error("the document type {kind} does not exist in the {format} format")]
    KindNotInFormat { kind: String, format: String },
}

impl PdfError {
    /// The message in Vietnamese, for the clerk.
    pub fn message_vi(&self) -> String {
        match self {
            PdfError::FontsMissing { .. } => FONTS_MISSING_VI.to_owned(),
            PdfError::FontUnreadable { path, detail } => {
                format!("Không đọc được tệp phông {path}: {detail}. Hãy cài lại phông chữ.")
            }
            PdfError::MissingGlyph { family, ch, field } => format!(
                "Phông {family} không có ký tự «{ch}» (U+{:04X}) ở trường `{field}`; \
                 hãy sửa hoặc xóa ký tự này (có thể do dán từ Word hay trang web).",
                *ch as u32
            ),
            PdfError::Incomplete { what_vi, .. } => {
                format!("Chưa thể in văn bản: thiếu {what_vi}.")
            }
            PdfError::Write(detail) => format!("Không ghi được tệp PDF: {detail}."),
            PdfError::KindNotInFormat { kind, format } => {
                format!("Loại văn bản «{kind}» không có trong thể thức {format}.")
            }
        }
    }
}
