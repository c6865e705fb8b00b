//! The one error the window ever receives: `{ code, message }`.
//!
//! The operations (`vanthu-ops`) give every failure its Vietnamese words and its category;
//! here they meet in a shape the UI can branch on (`code`) and show as is (`message`). Nothing
//! is translated or reworded here.

use serde::Serialize;
use ts_rs::TS;
use vanthu_archive::ArchiveError;
use vanthu_ops::OpsError;
use vanthu_pdf::PdfError;

pub use vanthu_ops::ErrorCode;

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
}

impl From<OpsError> for AppError {
    fn from(e: OpsError) -> Self {
        AppError::new(e.code(), e.message_vi())
    }
}

impl From<ArchiveError> for AppError {
    fn from(e: ArchiveError) -> Self {
        OpsError::from(e).into()
    }
}

impl From<PdfError> for AppError {
    fn from(e: PdfError) -> Self {
        OpsError::from(e).into()
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
