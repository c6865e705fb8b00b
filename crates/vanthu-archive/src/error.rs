//! What can go wrong with the archive, in words a clerk can act on.
//!
//! Each error carries what was being attempted; `message_vi` is what the UI and the CLI show,
//! `Display` is the English line for logs, and `code` is the small set the UI branches on.

use std::path::PathBuf;

use vanthu_model::Problem;

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("cannot open the archive {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path} is not a VănThư archive")]
    NotAnArchive { path: PathBuf },
    #[error("the archive has schema version {found}; this program knows up to {supported}")]
    NewerArchive { found: i64, supported: i64 },
    #[error("no document with id {0}")]
    NotFound(i64),
    #[error("document {id} ({symbol}) is issued and cannot be changed")]
    Immutable { id: i64, symbol: String },
    #[error("the document is not valid: {}", Problem::list_en(.0))]
    Invalid(Vec<Problem>),
    #[error("a draft cannot carry a number; numbers are given when a document is issued")]
    DraftWithNumber,
    #[error("number {symbol} is already used in its register")]
    DuplicateNumber { symbol: String },
    #[error("{what} `{name}` already exists")]
    Duplicate { what: &'static str, name: String },
    #[error("no {what} with id {id}")]
    MissingItem { what: &'static str, id: i64 },
    #[error("no {what} named `{name}`")]
    MissingNamed { what: &'static str, name: String },
    #[error("document {0} is in the trash")]
    InTrash(i64),
    #[error("document {0} is a draft; deadlines are read when it is issued")]
    DeadlineOfDraft(i64),
    #[error("deadline {id} is already done (on {on})")]
    DeadlineDone { id: i64, on: String },
    #[error("deadline {0} is not done")]
    DeadlineOpen(i64),
    #[error("document {0} is not in the trash")]
    NotInTrash(i64),
    #[error("attachment {name} refused: {reason_vi}")]
    BadAttachment { name: String, reason_vi: String },
    #[error("{what_vi} is damaged (its SHA-256 no longer matches)")]
    Damaged { what_vi: String },
    #[error("the PDF could not be made, so nothing was issued: {message_en}")]
    Render {
        message_vi: String,
        message_en: String,
    },
    #[error("cannot back up to {path}: {reason_vi}")]
    Backup { path: PathBuf, reason_vi: String },
    #[error("cannot restore from {path}: {reason_vi}")]
    Restore { path: PathBuf, reason_vi: String },
    #[error("database error while trying to {context}: {source}")]
    Sqlite {
        context: &'static str,
        source: rusqlite::Error,
    },
}

/// The categories the UI branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Immutable,
    Conflict,
    Archive,
}

impl ArchiveError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ArchiveError::NotFound(_)
            | ArchiveError::MissingItem { .. }
            | ArchiveError::MissingNamed { .. } => ErrorCode::NotFound,
            ArchiveError::Invalid(_)
            | ArchiveError::DraftWithNumber
            | ArchiveError::BadAttachment { .. }
            | ArchiveError::Render { .. } => ErrorCode::Invalid,
            ArchiveError::InTrash(_)
            | ArchiveError::NotInTrash(_)
            | ArchiveError::DeadlineOfDraft(_)
            | ArchiveError::DeadlineDone { .. }
            | ArchiveError::DeadlineOpen(_) => ErrorCode::Conflict,
            ArchiveError::Immutable { .. } => ErrorCode::Immutable,
            ArchiveError::DuplicateNumber { .. } | ArchiveError::Duplicate { .. } => {
                ErrorCode::Conflict
            }
            ArchiveError::Open { .. }
            | ArchiveError::Damaged { .. }
            | ArchiveError::Backup { .. }
            | ArchiveError::Restore { .. }
            | ArchiveError::NotAnArchive { .. }
            | ArchiveError::NewerArchive { .. }
            | ArchiveError::Sqlite { .. } => ErrorCode::Archive,
        }
    }

    pub fn message_vi(&self) -> String {
        match self {
            ArchiveError::Open { path, source } => format!(
                "Không mở được kho lưu trữ {}: {}",
                path.display(),
                sqlite_reason_vi(source)
            ),
            ArchiveError::NotAnArchive { path } => format!(
                "Tệp {} không phải kho lưu trữ VănThư (hoặc đã hỏng). Kho không bị thay đổi.",
                path.display()
            ),
            ArchiveError::NewerArchive { found, supported } => format!(
                "Kho lưu trữ này do phiên bản VănThư mới hơn tạo ra (lược đồ {found}, chương trình này chỉ đọc được đến {supported}). Hãy cập nhật VănThư; kho không bị thay đổi."
            ),
            ArchiveError::NotFound(id) => format!("Không có văn bản mã số {id} trong kho."),
            ArchiveError::Immutable { symbol, .. } => format!(
                "Văn bản {symbol} đã ban hành nên không được sửa hay xóa. Muốn đính chính, hãy tạo văn bản mới."
            ),
            ArchiveError::Invalid(problems) => {
                format!("Văn bản chưa hợp lệ:\n{}", Problem::list_vi(problems))
            }
            ArchiveError::DraftWithNumber => "Bản dự thảo không được có số; số chỉ được cấp khi phát hành (hoặc ghi \"status\": \"issued\" nếu đây là văn bản đã ban hành trước đây).".to_owned(),
            ArchiveError::DuplicateNumber { symbol } => format!(
                "Số {symbol} đã có trong sổ văn bản; một số không được dùng hai lần. Kho không bị thay đổi."
            ),
            ArchiveError::Duplicate { what, name } => {
                format!("{} “{name}” đã có.", what_vi(what))
            }
            ArchiveError::MissingItem { what, id } => {
                format!("Không có {} mã số {id}.", what_vi(what).to_lowercase())
            }
            ArchiveError::MissingNamed { what, name } => {
                format!("Không có {} “{name}”.", what_vi(what).to_lowercase())
            }
            ArchiveError::InTrash(id) => format!(
                "Văn bản mã số {id} đang ở thùng rác; hãy khôi phục trước khi sửa hoặc ban hành."
            ),
            ArchiveError::NotInTrash(id) => format!("Văn bản mã số {id} không ở thùng rác."),
            ArchiveError::DeadlineOfDraft(id) => format!(
                "Văn bản mã số {id} còn là dự thảo: thời hạn của văn bản được theo dõi từ khi ban hành."
            ),
            ArchiveError::DeadlineDone { id, on } => {
                format!("Thời hạn mã số {id} đã được đánh dấu xong ngày {on}.")
            }
            ArchiveError::DeadlineOpen(id) => {
                format!("Thời hạn mã số {id} chưa được đánh dấu xong.")
            }
            ArchiveError::BadAttachment { name, reason_vi } => {
                format!("Không đính kèm được “{name}”: {reason_vi}.")
            }
            ArchiveError::Damaged { what_vi } => format!(
                "{what_vi} đã bị hỏng hoặc bị sửa ngoài VănThư (mã SHA-256 không khớp). Hãy khôi phục từ bản sao lưu."
            ),
            ArchiveError::Render { message_vi, .. } => {
                format!("Không tạo được bản PDF nên chưa ban hành: {message_vi}")
            }
            ArchiveError::Backup { path, reason_vi } => format!(
                "Không sao lưu được vào {}: {reason_vi}. Kho không bị thay đổi.",
                path.display()
            ),
            ArchiveError::Restore { path, reason_vi } => format!(
                "Không khôi phục từ {}: {reason_vi}. Kho hiện tại giữ nguyên.",
                path.display()
            ),
            ArchiveError::Sqlite { source, .. } => {
                format!("Lỗi cơ sở dữ liệu: {}", sqlite_reason_vi(source))
            }
        }
    }

    pub(crate) fn sqlite(context: &'static str) -> impl FnOnce(rusqlite::Error) -> ArchiveError {
        move |source| ArchiveError::Sqlite { context, source }
    }
}

fn what_vi(what: &str) -> &'static str {
    match what {
        "issuer profile" => "Cơ quan ban hành",
        "signer" => "Người ký",
        "recipient list" => "Danh sách nơi nhận",
        "attachment" => "Tệp đính kèm",
        "layout preset" => "Mẫu trình bày",
        "deadline" => "Thời hạn",
        _ => "Mục",
    }
}

fn sqlite_reason_vi(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            "kho đang bận (một chương trình khác đang ghi); hãy thử lại.".to_owned()
        }
        Some(C::NotADatabase) => "tệp không phải cơ sở dữ liệu SQLite.".to_owned(),
        Some(C::DatabaseCorrupt) => "kho bị hỏng; hãy khôi phục từ bản sao lưu.".to_owned(),
        Some(C::ReadOnly) => "không có quyền ghi vào kho.".to_owned(),
        Some(C::DiskFull) => "ổ đĩa đã đầy.".to_owned(),
        Some(C::CannotOpen) => {
            "không mở được tệp (thư mục không tồn tại hoặc không có quyền).".to_owned()
        }
        _ => e.to_string(),
    }
}

pub type Result<T, E = ArchiveError> = std::result::Result<T, E>;
