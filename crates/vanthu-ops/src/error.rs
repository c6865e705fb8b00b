//! The one error of the operations: every failure a clerk can cause or meet, with the words
//! both front ends show (`message_vi`) and the category the window branches on (`code`).
//!
//! The crates below keep their own error enums and Vietnamese messages; this type only gathers
//! them and adds what the operations themselves can meet — reading and writing the clerk's
//! files — so the CLI and the window say the same thing about the same failure.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;
use vanthu_archive::ArchiveError;
use vanthu_docx::DocxError;
use vanthu_export::ExportError;
use vanthu_import::ImportError;
use vanthu_model::text::{io_reason_vi, size_vi};
use vanthu_model::ModelError;
use vanthu_pdf::{PdfError, SettingError};

/// The categories the window branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The document or saved item is gone.
    NotFound,
    /// The document, a setting or a file to import is not acceptable as it is.
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

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error("{0}")]
    Archive(#[from] ArchiveError),
    #[error("{path}: {source}")]
    Model { path: PathBuf, source: ModelError },
    #[error("{path}: {source}")]
    Import { path: PathBuf, source: ImportError },
    #[error("{0}")]
    Pdf(#[from] PdfError),
    #[error("{0}")]
    Export(#[from] ExportError),
    #[error("{0}")]
    Docx(#[from] DocxError),
    #[error("{0}")]
    Setting(#[from] SettingError),
    #[error("no layout preset named `{0}`")]
    UnknownPreset(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is {bytes} bytes; at most {max} bytes are accepted")]
    TooLarge { path: PathBuf, bytes: u64, max: u64 },
    #[error("{path} is not UTF-8 text")]
    NotUtf8 { path: PathBuf },
    #[error("no archive location: set --db or VANTHU_DB")]
    NoDataDir,
}

impl OpsError {
    pub(crate) fn read(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> OpsError {
        let path = path.to_owned();
        move |source| OpsError::Read { path, source }
    }

    pub fn code(&self) -> ErrorCode {
        use vanthu_archive::ErrorCode as A;
        match self {
            OpsError::Archive(e) | OpsError::Export(ExportError::Archive(e)) => match e.code() {
                A::NotFound => ErrorCode::NotFound,
                A::Invalid => ErrorCode::Invalid,
                A::Immutable => ErrorCode::Immutable,
                A::Conflict => ErrorCode::Conflict,
                A::Archive => ErrorCode::Archive,
            },
            OpsError::Pdf(_)
            | OpsError::Export(ExportError::Pdf(_))
            | OpsError::Docx(DocxError::Layout(_)) => ErrorCode::Pdf,
            OpsError::Docx(_) => ErrorCode::File,
            OpsError::Export(ExportError::Year(_)) => ErrorCode::Invalid,
            OpsError::Export(_) | OpsError::Read { .. } | OpsError::Write { .. } => ErrorCode::File,
            OpsError::Model { .. }
            | OpsError::Import { .. }
            | OpsError::Setting(_)
            | OpsError::TooLarge { .. }
            | OpsError::NotUtf8 { .. } => ErrorCode::Invalid,
            OpsError::UnknownPreset(_) => ErrorCode::NotFound,
            OpsError::NoDataDir => ErrorCode::Archive,
        }
    }

    /// What the clerk reads, in the CLI and in the window alike.
    pub fn message_vi(&self) -> String {
        match self {
            OpsError::Archive(e) => e.message_vi(),
            OpsError::Model { path, source } => {
                format!("{}: {}", path.display(), source.message_vi())
            }
            OpsError::Import { path, source } => {
                format!("{}: {}", path.display(), source.message_vi())
            }
            OpsError::Pdf(e) => e.message_vi(),
            OpsError::Export(e) => e.message_vi(),
            OpsError::Docx(e) => e.message_vi(),
            OpsError::Setting(e) => e.message_vi.clone(),
            OpsError::UnknownPreset(name) => format!(
                "Không có mẫu thể thức “{name}”. Xem các mẫu bằng lệnh `vanthu layout presets`."
            ),
            OpsError::Read { path, source } => format!(
                "Không đọc được tệp {}: {}.",
                path.display(),
                io_reason_vi(source)
            ),
            OpsError::Write { path, source } => format!(
                "Không ghi được tệp {}: {}.",
                path.display(),
                io_reason_vi(source)
            ),
            OpsError::TooLarge { path, bytes, max } => format!(
                "Tệp {} quá lớn ({}; tối đa {}). Có lẽ đã chọn nhầm tệp.",
                path.display(),
                size_vi(*bytes),
                size_vi(*max)
            ),
            OpsError::NotUtf8 { path } => format!(
                "Tệp {} không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc bảng mã cũ).",
                path.display()
            ),
            OpsError::NoDataDir => {
                "Không xác định được nơi đặt kho lưu trữ; hãy dùng --db hoặc biến VANTHU_DB."
                    .to_owned()
            }
        }
    }
}

pub type Result<T, E = OpsError> = std::result::Result<T, E>;
