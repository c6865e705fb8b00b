//! The one error type of the command line: every failure a user can cause, printed in
//! Vietnamese and English, exit status 1.

use std::path::PathBuf;

use vanthu_archive::ArchiveError;
use vanthu_export::ExportError;
use vanthu_import::ImportError;
use vanthu_model::ModelError;
use vanthu_pdf::PdfError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
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
    #[error("{path} is {bytes} bytes; a document file is at most {max} bytes")]
    TooLarge { path: PathBuf, bytes: u64, max: u64 },
    #[error("{path} is not UTF-8 text")]
    NotUtf8 { path: PathBuf },
    #[error("no archive location: set --db or VANTHU_DB")]
    NoDataDir,
    #[error("the archive has {0} problem(s)")]
    Damaged(usize),
}

impl CliError {
    pub fn message_vi(&self) -> String {
        match self {
            CliError::Archive(e) => e.message_vi(),
            CliError::Model { path, source } => {
                format!("{}: {}", path.display(), source.message_vi())
            }
            CliError::Import { path, source } => {
                format!("{}: {}", path.display(), source.message_vi())
            }
            CliError::Pdf(e) => e.message_vi(),
            CliError::Export(e) => e.message_vi(),
            CliError::Read { path, source } => {
                format!(
                    "Không đọc được tệp {}: {}",
                    path.display(),
                    vanthu_model::text::io_reason_vi(source)
                )
            }
            CliError::Write { path, source } => {
                format!(
                    "Không ghi được tệp {}: {}",
                    path.display(),
                    vanthu_model::text::io_reason_vi(source)
                )
            }
            CliError::TooLarge { path, bytes, max } => format!(
                "Tệp {} quá lớn ({:.1} MB; tối đa {:.1} MB). Có lẽ đã chọn nhầm tệp.",
                path.display(),
                *bytes as f64 / 1_048_576.0,
                *max as f64 / 1_048_576.0
            ),
            CliError::NotUtf8 { path } => format!(
                "Tệp {} không phải văn bản UTF-8 (có thể là tệp nhị phân hoặc bảng mã cũ).",
                path.display()
            ),
            CliError::Damaged(n) => format!(
                "Kho có {n} chỗ hỏng (liệt kê ở trên). Hãy khôi phục từ bản sao lưu gần nhất."
            ),
            CliError::NoDataDir => {
                "Không xác định được nơi đặt kho lưu trữ; hãy dùng --db hoặc biến VANTHU_DB."
                    .to_owned()
            }
        }
    }
}
