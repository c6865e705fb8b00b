//! The one error the window ever receives: `{ code, message }`.
//!
//! Each crate has its own error enum with a Vietnamese `message_vi`; here they meet in a shape
//! the UI can branch on (`code`) and show as is (`message`). Nothing is translated or
//! reworded here — the crates own their words.

use serde::Serialize;
use ts_rs::TS;
use vanthu_archive::ArchiveError;
use vanthu_export::ExportError;
use vanthu_import::ImportError;
use vanthu_pdf::PdfError;

/// The categories the UI branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The document or saved item is gone.
    NotFound,
    /// The document (or a file to import) is not acceptable as it is.
    Invalid,
    /// The document is issued and cannot change.
    Immutable,
    /// A name or number is already taken.
    Conflict,
    /// The archive file itself: cannot open, busy, newer version.
    Archive,
    /// The PDF could not be made (fonts, a missing glyph).
    Pdf,
    /// Reading or writing a file the clerk chose.
    File,
}

/// What a command returns when it fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    /// Vietnamese, ready to show.
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
        }
    }

    pub fn file(action_vi: &str, path: &std::path::Path, e: &std::io::Error) -> AppError {
        let reason = vanthu_model::text::io_reason_vi(e);
        AppError::new(
            ErrorCode::File,
            format!("Không {action_vi} tệp {}: {reason}.", path.display()),
        )
    }
}

impl From<ArchiveError> for AppError {
    fn from(e: ArchiveError) -> Self {
        use vanthu_archive::ErrorCode as C;
        let code = match e.code() {
            C::NotFound => ErrorCode::NotFound,
            C::Invalid => ErrorCode::Invalid,
            C::Immutable => ErrorCode::Immutable,
            C::Conflict => ErrorCode::Conflict,
            C::Archive => ErrorCode::Archive,
        };
        AppError::new(code, e.message_vi())
    }
}

impl From<PdfError> for AppError {
    fn from(e: PdfError) -> Self {
        AppError::new(ErrorCode::Pdf, e.message_vi())
    }
}

impl From<ExportError> for AppError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::Archive(e) => e.into(),
            ExportError::Pdf(e) => e.into(),
            ExportError::Write { .. } | ExportError::NotEmpty(_) => {
                AppError::new(ErrorCode::File, e.message_vi())
            }
            ExportError::Year(_) => AppError::new(ErrorCode::Invalid, e.message_vi()),
        }
    }
}

impl From<ImportError> for AppError {
    fn from(e: ImportError) -> Self {
        AppError::new(ErrorCode::Invalid, e.message_vi())
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
