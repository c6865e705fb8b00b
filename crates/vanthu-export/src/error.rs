//! What can go wrong writing the register or the readable export.

use std::path::PathBuf;

use vanthu_archive::ArchiveError;
use vanthu_pdf::PdfError;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Archive(#[from] ArchiveError),
    #[error("{0}")]
    Pdf(#[from] PdfError),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not empty")]
    NotEmpty(PathBuf),
    #[error("the register's year {0} is outside 1945..=2100")]
    Year(i32),
}

impl ExportError {
    pub(crate) fn write(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> ExportError {
        let path = path.to_owned();
        move |source| ExportError::Write { path, source }
    }

    pub fn message_vi(&self) -> String {
        match self {
            ExportError::Archive(e) => e.message_vi(),
            ExportError::Pdf(e) => e.message_vi(),
            ExportError::Write { path, source } => format!(
                "Không ghi được tệp {}: {}",
                path.display(),
                vanthu_model::text::io_reason_vi(source)
            ),
            ExportError::Year(y) => format!(
                "Năm {y} không hợp lệ: sổ văn bản đi chỉ lập cho các năm từ {} đến {}.",
                vanthu_model::validate::YEARS.start(),
                vanthu_model::validate::YEARS.end()
            ),
            ExportError::NotEmpty(path) => format!(
                "Thư mục {} đã có dữ liệu; hãy chọn một thư mục trống hoặc chưa có.",
                path.display()
            ),
        }
    }
}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;
