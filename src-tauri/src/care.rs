//! The window's side of archive care: the signed scans of a document, the trash, the audit
//! log, backup and restore, verification, the printed register and the readable export.
//! Every rule is in `vanthu-ops` and the crates below it (tested there, and through the
//! `vanthu` command); these commands pick the files and run the long work off the main thread.

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;
use vanthu_archive::{Attachment, AuditEntry, DocumentSummary, Stamp, VerifyProblem};
use vanthu_export::Period;

use crate::commands::{show_file, Store};
use crate::dialogs::{self, Ask};
use crate::error::{AppError, ErrorCode, Result};

/// How many entries the archive-wide log shows (a document's own log is shown whole).
const LOG_SHOWN: usize = 500;

/// Runs `f` on a blocking thread with the archive store, so the window never waits on it.
pub(crate) async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<Store>()))
        .await
        .map_err(|e| AppError::new(ErrorCode::Archive, format!("Việc bị gián đoạn: {e}")))?
}

#[tauri::command]
pub fn attachments(store: State<'_, Store>, id: i64) -> Result<Vec<Attachment>> {
    store.with(|a| a.attachments(id))
}

/// Asks for the scans of the signed copy (PDF, JPEG, PNG; several at once) and attaches them.
/// Every file is read and checked first, so one bad file attaches none. Empty when the clerk
/// cancels.
#[tauri::command]
pub async fn attach_files(app: AppHandle, id: i64) -> Result<Vec<Attachment>> {
    let picked = dialogs::open_paths(
        &app,
        Ask {
            title: "Chọn bản quét văn bản đã ký (PDF, JPEG, PNG)",
            filter: ("Bản quét", &["pdf", "jpg", "jpeg", "png"]),
        },
        true,
    );
    if picked.is_empty() {
        return Ok(Vec::new());
    }
    blocking(app, move |store| {
        store.ops(|a| vanthu_ops::attach_files(a, id, &picked, &Stamp::now()))
    })
    .await
}

/// Opens an attachment in the system's viewer (after checking its SHA-256). Returns the path
/// of the copy opened.
#[tauri::command]
pub async fn open_attachment(app: AppHandle, id: i64) -> Result<String> {
    let handle = app.clone();
    blocking(app, move |store| {
        let (att, bytes) = store.with(|a| a.attachment_bytes(id))?;
        show_file(
            &handle,
            "dinh-kem",
            &format!("{}-{}", att.id, vanthu_ops::attachment_file_name(&att)),
            &bytes,
        )
    })
    .await
}

/// Asks where to save an attachment and writes it there (logged as an export of its
/// document). `None` when the clerk cancels.
#[tauri::command]
pub async fn save_attachment(app: AppHandle, id: i64) -> Result<Option<String>> {
    let name = vanthu_ops::attachment_file_name(&app.state::<Store>().with(|a| a.attachment(id))?);
    let Some(target) = dialogs::save_path(
        &app,
        Ask {
            title: "Lưu tệp đính kèm",
            filter: ("Tệp đính kèm", &["pdf", "jpg", "jpeg", "png"]),
        },
        &name,
    ) else {
        return Ok(None);
    };
    blocking(app, move |store| {
        store.ops(|a| vanthu_ops::save_attachment(a, id, &target, &Stamp::now()))?;
        Ok(Some(target.display().to_string()))
    })
    .await
}

/// Moves a draft to the trash (issued documents are refused).
#[tauri::command]
pub fn delete_draft(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.delete_draft(id, &Stamp::now()))
}

#[tauri::command]
pub fn restore_draft(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.restore_draft(id, &Stamp::now()))
}

/// The deleted drafts, most recently deleted first.
#[tauri::command]
pub fn trash(store: State<'_, Store>) -> Result<Vec<DocumentSummary>> {
    store.with(|a| a.trash())
}

/// A document's whole log, oldest first; or, without `id`, the newest entries of the archive's
/// log, newest first.
#[tauri::command]
pub fn audit_log(store: State<'_, Store>, id: Option<i64>) -> Result<Vec<AuditEntry>> {
    store.with(|a| match id {
        Some(id) => a.audit_log(Some(id)),
        None => a.recent_audit(LOG_SHOWN),
    })
}

/// Asks where to write a backup and writes it (SQLite's online backup). `None` on cancel.
#[tauri::command]
pub async fn backup_archive(app: AppHandle) -> Result<Option<String>> {
    let Some(target) = dialogs::save_path(
        &app,
        Ask {
            title: "Sao lưu kho văn bản",
            filter: ("Bản sao lưu VănThư", &["sqlite3"]),
        },
        &vanthu_ops::backup_file_name(&Stamp::now()),
    ) else {
        return Ok(None);
    };
    blocking(app, move |store| {
        store.with(|a| a.backup(&target, &Stamp::now()))?;
        Ok(Some(target.display().to_string()))
    })
    .await
}

/// What a restore did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Restored {
    /// The backup restored.
    pub source: String,
    /// Where the archive it replaced was kept.
    pub kept: String,
}

/// Asks for a backup and restores the archive from it, after checking it. `None` on cancel.
#[tauri::command]
pub async fn restore_archive(app: AppHandle) -> Result<Option<Restored>> {
    let Some(source) = dialogs::open_paths(
        &app,
        Ask {
            title: "Chọn bản sao lưu để khôi phục",
            filter: ("Bản sao lưu VănThư", &["sqlite3"]),
        },
        false,
    )
    .pop() else {
        return Ok(None);
    };
    blocking(app, move |store| {
        let kept = store.restore(&source)?;
        Ok(Some(Restored {
            source: source.display().to_string(),
            kept: kept.display().to_string(),
        }))
    })
    .await
}

/// Checks the database and every attachment's SHA-256. Empty when all is well.
#[tauri::command]
pub async fn verify_archive(app: AppHandle) -> Result<Vec<VerifyProblem>> {
    blocking(app, |store| store.with(|a| a.verify())).await
}

/// Which register book to print.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RegisterRequest {
    /// A calendar year…
    pub year: Option<i32>,
    /// …or a committee term of five years from this day (Party books).
    #[ts(type = "string | null")]
    pub term_start: Option<chrono::NaiveDate>,
    /// Only the documents of the issuer with this code.
    pub issuer: Option<String>,
    /// `true`: save a CSV for a spreadsheet; `false`: print the PDF (opened in the viewer).
    pub csv: bool,
}

/// What the register book gave.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RegisterWritten {
    pub path: String,
    /// How many documents the book lists.
    pub documents: u32,
}

/// The outgoing register book: the PDF opened in the system viewer to print, or the CSV saved
/// where the clerk says. `None` when the clerk cancels the save.
#[tauri::command]
pub async fn register_book(
    app: AppHandle,
    request: RegisterRequest,
) -> Result<Option<RegisterWritten>> {
    let period = match (request.year, request.term_start) {
        (_, Some(t)) => Period::Term(t),
        (Some(y), None) => Period::Year(y),
        (None, None) => {
            return Err(AppError::new(
                ErrorCode::Invalid,
                "Hãy chọn năm hoặc nhiệm kỳ của sổ.",
            ))
        }
    };
    let stem = vanthu_ops::register_file_stem(period);
    let csv_target = if request.csv {
        let target = dialogs::save_path(
            &app,
            Ask {
                title: "Lưu sổ văn bản đi (CSV)",
                filter: ("Bảng tính CSV", &["csv"]),
            },
            &format!("{stem}.csv"),
        );
        match target {
            Some(t) => Some(t),
            None => return Ok(None),
        }
    } else {
        None
    };
    let handle = app.clone();
    blocking(app, move |store| {
        let issuer = request.issuer.as_deref();
        let (documents, path) = match csv_target {
            Some(target) => {
                let n = store
                    .ops(|a| vanthu_ops::write_register(a, period, issuer, None, Some(&target)))?;
                (n, target.display().to_string())
            }
            None => {
                let (n, pdf) = store.ops(|a| vanthu_ops::register_pdf(a, period, issuer))?;
                (n, show_file(&handle, "so", &format!("{stem}.pdf"), &pdf)?)
            }
        };
        let documents = documents as u32;
        Ok(Some(RegisterWritten { path, documents }))
    })
    .await
}

/// What the readable export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ArchiveExported {
    pub path: String,
    pub documents: u32,
    pub attachments: u32,
}

/// Asks for a folder and writes the whole archive into a new folder inside it, readable
/// without VănThư (`index.html`, a PDF per document, the attachments, `documents.json`).
/// `None` when the clerk cancels.
#[tauri::command]
pub async fn export_archive(app: AppHandle) -> Result<Option<ArchiveExported>> {
    let Some(parent) = dialogs::folder(&app, "Chọn nơi đặt thư mục xuất kho") else {
        return Ok(None);
    };
    blocking(app, move |store| {
        let (dir, done) =
            store.ops(|a| vanthu_ops::export_archive_into(a, &parent, &Stamp::now()))?;
        Ok(Some(ArchiveExported {
            path: dir.display().to_string(),
            documents: done.documents as u32,
            attachments: done.attachments as u32,
        }))
    })
    .await
}
