//! What can stop a document from becoming a PDF, said so that a clerk can act on it.

/// An export failure. [`PdfError::message_vi`] is what the application shows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// Neither Times New Roman nor Liberation Serif (all four faces) is installed.
    #[error(
        "no usable font: Times New Roman or Liberation Serif (regular, bold, italic, bold italic) \
         not found{}; on Debian/Ubuntu install fonts-liberation2",
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
            PdfError::FontsMissing { .. } => {
                "Không tìm thấy phông Times New Roman hoặc Liberation Serif \
                 (đủ bốn kiểu: thường, đậm, nghiêng, đậm nghiêng). Trên Windows hãy cài lại phông \
                 Times New Roman; trên Debian/Ubuntu: sudo apt-get install fonts-liberation2"
                    .to_owned()
            }
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
