//! The commands the window calls. Each is a few lines: take the archive, call a crate, map
//! the error. Anything worth testing lives in the crates (and is tested there); what is left
//! here is wiring — which dialog to show, where a temporary PDF goes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::Datelike;

use serde::{Deserialize, Serialize};
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;
use vanthu_archive::{
    Archive, DocumentSummary, Filter, Issued, IssuerProfile, RecipientList, Signer, Stamp,
};
use vanthu_model::{validate, Document, Kind, Problem, Purpose, Recipient, Status};
use vanthu_ops::{ImportedFile, Vocabulary};

use crate::dialogs::{self, Ask};
use crate::error::{AppError, ErrorCode, Result};

/// The archive the window works on. A failure to open it is kept and returned by every
/// command, so the window still opens and says what is wrong instead of vanishing.
pub struct Store {
    archive: Mutex<std::result::Result<Archive, AppError>>,
    path: PathBuf,
}

impl Store {
    pub fn open(path: PathBuf) -> Store {
        let archive = Archive::open(&path).map_err(AppError::from);
        Store {
            archive: Mutex::new(archive),
            path,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The automatic daily backup: a dated copy in `sao-luu/` beside the archive, once a day,
    /// the newest 14 kept. A failure is reported on stderr and never stops the app from opening.
    pub fn daily_backup(&self) {
        if let Err(e) = self.ops(|a| vanthu_ops::daily_backup(a, &Stamp::now())) {
            eprintln!("vanthu: automatic backup failed: {}", e.message);
        }
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Archive) -> vanthu_archive::Result<T>) -> Result<T> {
        self.run(|a| f(a).map_err(AppError::from))
    }

    /// As [`Store::with`], for an operation of `vanthu-ops`.
    pub fn ops<T>(&self, f: impl FnOnce(&mut Archive) -> vanthu_ops::Result<T>) -> Result<T> {
        self.run(|a| f(a).map_err(AppError::from))
    }

    /// As [`Store::with`], for work whose errors are not only the archive's.
    pub fn run<T>(&self, f: impl FnOnce(&mut Archive) -> Result<T>) -> Result<T> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions),
        // so the archive stays usable.
        let mut slot = self.archive.lock().unwrap_or_else(|p| p.into_inner());
        let archive = slot.as_mut().map_err(|e| e.clone())?;
        f(archive)
    }

    /// Replaces the archive with the backup `source` (checked first; the current archive is
    /// kept aside, and its path returned). The archive is closed meanwhile and reopened after,
    /// whether the restore went through or was refused.
    pub fn restore(&self, source: &Path) -> Result<PathBuf> {
        let mut slot = self.archive.lock().unwrap_or_else(|p| p.into_inner());
        // Close the connection: the file is about to be replaced under it.
        *slot = Err(AppError::new(
            ErrorCode::Archive,
            "Kho đang được khôi phục.",
        ));
        let result = Archive::restore(&self.path, source, &Stamp::now());
        *slot = Archive::open(&self.path).map_err(AppError::from);
        result.map_err(AppError::from)
    }
}

/// The archive table's filters.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ListFilter {
    pub kind: Option<Kind>,
    pub year: Option<i32>,
    pub status: Option<Status>,
}

/// One page of the archive table.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DocumentPage {
    pub rows: Vec<DocumentSummary>,
    /// Every document matching the filters (for a search: the rows found).
    pub total: u32,
}

/// Where the archive is, for the settings screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ArchiveInfo {
    pub path: String,
}

/// The words the form shows for formats, types, marks and statuses.
#[tauri::command]
pub fn vocabulary() -> Vocabulary {
    vanthu_ops::vocabulary()
}

/// The headings of the body as the PDF will set them, for the hint under the text.
#[tauri::command]
pub fn body_outline(body: String) -> Vec<vanthu_ops::OutlineEntry> {
    vanthu_ops::outline(&body)
}

/// The recipient lines as a clerk types them (`Ban Tuyên giáo (để b/c)`, one a line).
#[tauri::command]
pub fn parse_recipients(text: String) -> Vec<Recipient> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(Recipient::parse_line)
        .filter(|r| !r.name.is_empty())
        .collect()
}

/// The recipients as lines to edit, the inverse of [`parse_recipients`].
#[tauri::command]
pub fn recipient_lines(items: Vec<Recipient>) -> String {
    items
        .iter()
        .map(Recipient::line)
        .collect::<Vec<_>>()
        .join("\n")
}

#[tauri::command]
pub fn archive_info(store: State<'_, Store>) -> ArchiveInfo {
    ArchiveInfo {
        path: store.path().display().to_string(),
    }
}

/// The archive table: the newest documents, or — when `query` is not empty — the search
/// results (the UI appends `*` for find-as-you-type).
#[tauri::command]
pub fn list_documents(
    store: State<'_, Store>,
    query: String,
    filter: ListFilter,
    limit: u32,
    offset: u32,
) -> Result<DocumentPage> {
    let filter = Filter {
        kind: filter.kind,
        year: filter.year,
        status: filter.status,
        ..Filter::default()
    };
    store.with(|a| {
        if query.trim().is_empty() {
            let rows = a.list(&filter, limit as usize, offset as usize)?;
            let total = a.count(&filter)? as u32;
            Ok(DocumentPage { rows, total })
        } else {
            let rows: Vec<_> = a
                .search(&query, &filter, limit as usize)?
                .into_iter()
                .map(|hit| hit.summary)
                .collect();
            let total = rows.len() as u32;
            Ok(DocumentPage { rows, total })
        }
    })
}

/// The years the year filters offer, newest first: from this year (or the newest document's,
/// if later) back to the oldest document's.
#[tauri::command]
pub fn document_years(store: State<'_, Store>) -> Result<Vec<i32>> {
    let this_year = Stamp::now().day().year();
    let span = store.with(|a| a.year_span())?;
    let (first, last) = span.unwrap_or((this_year, this_year));
    Ok((first.min(this_year)..=last.max(this_year)).rev().collect())
}

#[tauri::command]
pub fn get_document(store: State<'_, Store>, id: i64) -> Result<Document> {
    store.with(|a| a.get(id))
}

#[tauri::command]
pub fn create_document(store: State<'_, Store>, doc: Document) -> Result<i64> {
    store.with(|a| a.create(&doc, &Stamp::now()))
}

#[tauri::command]
pub fn save_draft(store: State<'_, Store>, id: i64, doc: Document) -> Result<()> {
    store.with(|a| a.update_draft(id, &doc, &Stamp::now()))
}

/// Every problem of the form at once, each with its field path.
#[tauri::command]
pub fn check_document(doc: Document, for_issue: bool) -> Vec<Problem> {
    let purpose = if for_issue {
        Purpose::Issue
    } else {
        Purpose::Draft
    };
    validate(&doc, purpose)
}

#[tauri::command]
pub fn next_number(store: State<'_, Store>, id: i64) -> Result<Issued> {
    store.with(|a| a.next_number(id, &Stamp::now()))
}

/// Issues the draft: the next number, the lock, and the PDF printed from it kept with it (as
/// `vanthu issue` does), all in one transaction.
#[tauri::command]
pub fn issue_document(store: State<'_, Store>, id: i64) -> Result<Issued> {
    store.ops(|a| vanthu_ops::issue(a, id, &Stamp::now()))
}

/// The PDF to show for `doc`: an issued document's stored copy (what was printed when it was
/// issued), otherwise the form as it stands. A draft's live preview is `render_preview`.
#[tauri::command]
pub async fn render_pdf(app: AppHandle, doc: Document) -> Result<Response> {
    let printable = app
        .state::<Store>()
        .ops(|a| vanthu_ops::printable(a, &doc))?;
    let bytes = off_the_lock(move || printable.pdf(&doc)).await?;
    Ok(Response::new(bytes))
}

/// Asks where to save (suggesting `file_name`) and writes the PDF there, noting the export in
/// the audit log. `None` when the clerk cancels.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    store: State<'_, Store>,
    doc: Document,
    file_name: String,
) -> Result<Option<String>> {
    let target = dialogs::save_path(
        &app,
        Ask {
            title: "Lưu văn bản thành PDF",
            filter: ("Tệp PDF", &["pdf"]),
        },
        &file_name,
    );
    let Some(target) = target else {
        return Ok(None);
    };
    // Read under the archive's lock, laid out without it, noted under it again.
    let printable = store.ops(|a| vanthu_ops::printable(a, &doc))?;
    let (doc, bytes) = off_the_lock(move || printable.pdf(&doc).map(|bytes| (doc, bytes))).await?;
    store.ops(|a| vanthu_ops::write_export(a, &doc, &target, &bytes, &Stamp::now()))?;
    Ok(Some(target.display().to_string()))
}

/// Asks where to save the editable Word copy of `doc` (laid out as the PDF) and writes it
/// there, noting the export in the log. `None` when the clerk cancels.
#[tauri::command]
pub async fn export_docx(
    app: AppHandle,
    store: State<'_, Store>,
    doc: Document,
) -> Result<Option<String>> {
    let target = dialogs::save_path(
        &app,
        Ask {
            title: "Lưu văn bản thành tệp Word",
            filter: ("Tệp Word", &["docx"]),
        },
        &vanthu_ops::file_name(&doc, "docx"),
    );
    let Some(target) = target else {
        return Ok(None);
    };
    let options = store.ops(|a| vanthu_ops::render_options(a))?;
    let (doc, bytes) =
        off_the_lock(move || vanthu_ops::docx_with(&doc, &options).map(|bytes| (doc, bytes)))
            .await?;
    store.ops(|a| vanthu_ops::write_export(a, &doc, &target, &bytes, &Stamp::now()))?;
    Ok(Some(target.display().to_string()))
}

/// Runs a layout on a blocking thread: the archive stays free for the window meanwhile.
async fn off_the_lock<T: Send + 'static>(
    f: impl FnOnce() -> vanthu_ops::Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| AppError::new(ErrorCode::Pdf, format!("Việc bị gián đoạn: {e}")))?
        .map_err(AppError::from)
}

/// The name the save dialog offers for the PDF of `doc`.
#[tauri::command]
pub fn pdf_file_name(doc: Document) -> String {
    vanthu_ops::pdf_file_name(&doc)
}

/// Writes the PDF to the app's cache folder and opens it in the system's PDF viewer, which
/// prints it (the viewer knows the printers; the window does not). Returns the file's path.
#[tauri::command]
pub async fn print_pdf(
    app: AppHandle,
    store: State<'_, Store>,
    doc: Document,
    file_name: String,
) -> Result<String> {
    let printable = store.ops(|a| vanthu_ops::printable(a, &doc))?;
    let bytes = off_the_lock(move || printable.pdf(&doc)).await?;
    show_file(&app, "in", &file_name, &bytes)
}

/// Writes `bytes` to `<app cache>/<folder>/<file_name>` and opens it in the system's viewer
/// (PDF or image). Returns the file's path.
pub fn show_file(app: &AppHandle, folder: &str, file_name: &str, bytes: &[u8]) -> Result<String> {
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| AppError::new(ErrorCode::File, format!("Không tìm thấy thư mục tạm: {e}")))?
        .join(folder);
    std::fs::create_dir_all(&dir).map_err(|source| vanthu_ops::OpsError::Write {
        path: dir.clone(),
        source,
    })?;
    let target = dir.join(vanthu_model::text::safe_file_name(file_name));
    vanthu_ops::write_atomic(&target, bytes)?;
    // The WebDriver tests check the file, not a viewer window.
    if dialogs::answered_by_tests() {
        return Ok(target.display().to_string());
    }
    app.opener()
        .open_path(target.display().to_string(), None::<&str>)
        .map_err(|e| {
            AppError::new(
                ErrorCode::File,
                format!(
                    "Đã tạo tệp {} nhưng không mở được trình xem của máy ({e}). Hãy tự mở tệp đó.",
                    target.display()
                ),
            )
        })?;
    Ok(target.display().to_string())
}

/// The files the clerk picks to import (several at once): Word and text files.
#[tauri::command]
pub async fn pick_import_files(app: AppHandle) -> Result<Vec<String>> {
    let picked = dialogs::open_paths(
        &app,
        Ask {
            title: "Chọn các tệp văn bản (Word .docx, .doc hoặc .txt) để nhập",
            filter: ("Văn bản Word hoặc tệp chữ", &["docx", "doc", "txt"]),
        },
        true,
    );
    Ok(picked.iter().map(|p| p.display().to_string()).collect())
}

/// How far an import has got: files read so far, of all.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// Imports the files as one batch (all or none, as `vanthu import`), telling the window after
/// each file is read.
#[tauri::command]
pub async fn import_files(
    app: AppHandle,
    paths: Vec<String>,
    progress: Channel<ImportProgress>,
) -> Result<Vec<ImportedFile>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    crate::care::blocking(app, move |store| {
        store.ops(|a| {
            vanthu_ops::import_files(a, &paths, None, &Stamp::now(), |done, total| {
                let _ = progress.send(ImportProgress {
                    done: done as u32,
                    total: total as u32,
                });
            })
        })
    })
    .await
}

#[tauri::command]
pub fn issuer_profiles(store: State<'_, Store>) -> Result<Vec<IssuerProfile>> {
    store.with(|a| a.issuer_profiles())
}

#[tauri::command]
pub fn save_issuer_profile(store: State<'_, Store>, profile: IssuerProfile) -> Result<i64> {
    store.with(|a| a.save_issuer_profile(&profile, &Stamp::now()))
}

#[tauri::command]
pub fn delete_issuer_profile(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.delete_issuer_profile(id, &Stamp::now()))
}

#[tauri::command]
pub fn signers(store: State<'_, Store>) -> Result<Vec<Signer>> {
    store.with(|a| a.signers())
}

#[tauri::command]
pub fn save_signer(store: State<'_, Store>, signer: Signer) -> Result<i64> {
    store.with(|a| a.save_signer(&signer, &Stamp::now()))
}

#[tauri::command]
pub fn delete_signer(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.delete_signer(id, &Stamp::now()))
}

#[tauri::command]
pub fn recipient_lists(store: State<'_, Store>) -> Result<Vec<RecipientList>> {
    store.with(|a| a.recipient_lists())
}

#[tauri::command]
pub fn save_recipient_list(store: State<'_, Store>, list: RecipientList) -> Result<i64> {
    store.with(|a| a.save_recipient_list(&list, &Stamp::now()))
}

#[tauri::command]
pub fn delete_recipient_list(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.delete_recipient_list(id, &Stamp::now()))
}
