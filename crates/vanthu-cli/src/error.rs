//! The one error type of the command line: every failure a user can cause — the operations'
//! own (`vanthu_ops::OpsError`, worded there for the CLI and the window alike) and the one
//! only the CLI reports this way — printed in Vietnamese and English, exit status 1.

use vanthu_archive::ArchiveError;
use vanthu_ops::OpsError;
use vanthu_pdf::PdfError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Ops(#[from] OpsError),
    #[error("the archive has {0} problem(s)")]
    Damaged(usize),
}

impl From<ArchiveError> for CliError {
    fn from(e: ArchiveError) -> Self {
        CliError::Ops(e.into())
    }
}

impl From<PdfError> for CliError {
    fn from(e: PdfError) -> Self {
        CliError::Ops(e.into())
    }
}

impl CliError {
    pub fn message_vi(&self) -> String {
        match self {
            CliError::Ops(e) => e.message_vi(),
            CliError::Damaged(n) => format!(
                "Kho có {n} chỗ hỏng (liệt kê ở trên). Hãy khôi phục từ bản sao lưu gần nhất."
            ),
        }
    }
}
