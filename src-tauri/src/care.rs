//! The window's side of archive care: the signed scans of a document, the trash, the audit
//! log, backup and restore, verification, the printed register and the readable export.
//! Every rule is in `vanthu-archive` and `vanthu-export` (and tested there, and through the
//! `vanthu` command); these commands pick the files and run the long work off the main thread.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;
use vanthu_archive::{Attachment, AuditEntry, DocumentSummary, Stamp, VerifyProblem};
use vanthu_export::Period;

use crate::commands::{render_options, show_file, Store};
use crate::dialogs::{self, Ask};
use crate::error::{AppError, ErrorCode, Result};

/// How many entries the archive-wide log shows (a document's own log is shown whole).
const LOG_SHOWN: usize = 500;

/// Runs `f` on a blocking thread with the archive store, so the window never waits on it.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<Store>()))
        .await
        .map_err(|e| AppError::new(ErrorCode::Archive, format!("Việc bị gián đoạn: {e}")))?
}

/// `2026-11-22`, for the names of backups and exports.
fn today() -> String {
    vanthu_model::date::iso(Stamp::now().day())
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
        let files = picked
            .iter()
            .map(|p| read_attachment(p))
            .collect::<Result<Vec<_>>>()?;
        let stamp = Stamp::now();
        store.with(|a| {
            files
                .iter()
                .map(|(name, bytes)| a.attach(id, name, bytes, &stamp))
                .collect()
        })
    })
    .await
}

/// Reads a file to attach: its name, and its bytes once its size and content pass.
fn read_attachment(path: &Path) -> Result<(String, Vec<u8>)> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let len = std::fs::metadata(path)
        .map_err(|e| AppError::file("đọc được", path, &e))?
        .len();
    vanthu_archive::check_attachment_size(&name, len)?;
    let bytes = std::fs::read(path).map_err(|e| AppError::file("đọc được", path, &e))?;
    vanthu_archive::check_attachment(&name, &bytes)?;
    Ok((name, bytes))
}

/// A stored attachment name as a file name: it must not reach outside the folder it is put in.
fn file_name(stored: &str) -> String {
    stored.replace(['/', '\\', ':'], "_")
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
            &format!("{}-{}", att.id, file_name(&att.file_name)),
            &bytes,
        )
    })
    .await
}

/// Asks where to save an attachment and writes it there (logged as an export of its
/// document). `None` when the clerk cancels.
#[tauri::command]
pub async fn save_attachment(app: AppHandle, id: i64) -> Result<Option<String>> {
    let name = file_name(&app.state::<Store>().with(|a| a.attachment(id))?.file_name);
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
        let (att, bytes) = store.with(|a| a.attachment_bytes(id))?;
        std::fs::write(&target, bytes).map_err(|e| AppError::file("ghi được", &target, &e))?;
        let shown = target.display().to_string();
        store.with(|a| a.note_export(att.document_id, &shown, &Stamp::now()))?;
        Ok(Some(shown))
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
        &format!("vanthu-sao-luu-{}.sqlite3", today()),
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
    let stem = match period {
        Period::Year(y) => format!("So van ban di {y}"),
        Period::Term(t) => format!("So van ban di nhiem ky {}", vanthu_model::date::iso(t)),
    };
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
        let (book, options) = store.run(|a| {
            let book = vanthu_export::register_book(a, period, request.issuer.as_deref())?;
            Ok((book, render_options(a.conventions()?)))
        })?;
        let documents = book.len() as u32;
        let path = match csv_target {
            Some(target) => {
                let text = vanthu_export::csv(&book);
                std::fs::write(&target, text)
                    .map_err(|e| AppError::file("ghi được", &target, &e))?;
                target.display().to_string()
            }
            None => {
                let pdf = vanthu_pdf::render_register(&book, &options)?;
                show_file(&handle, "so", &format!("{stem}.pdf"), &pdf)?
            }
        };
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
        let dir = fresh_folder(&parent, &format!("VanThu-kho-{}", today()));
        let done = store.run(|a| {
            let options = render_options(a.conventions()?);
            Ok(vanthu_export::export_archive(
                a,
                &dir,
                &options,
                &Stamp::now(),
            )?)
        })?;
        Ok(Some(ArchiveExported {
            path: dir.display().to_string(),
            documents: done.documents as u32,
            attachments: done.attachments as u32,
        }))
    })
    .await
}

/// `parent/name`, or `parent/name (2)`, … — the first that does not exist yet.
fn fresh_folder(parent: &Path, name: &str) -> PathBuf {
    let first = parent.join(name);
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| parent.join(format!("{name} ({n})")))
        .find(|p| !p.exists())
        .expect("some numbered name is free")
}
