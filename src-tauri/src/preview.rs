//! The live preview of a draft: the layout as data the page draws (`vanthu_pdf::preview`),
//! and the font files it draws in. An issued document's preview is its stored PDF
//! (`render_pdf`), drawn by pdf.js.

use tauri::ipc::Response;
use tauri::State;
use vanthu_model::Document;
use vanthu_pdf::{Face, Preview};

use crate::commands::Store;
use crate::error::{AppError, ErrorCode, Result};

/// The form as it stands, laid out with the settings in force. The settings are read under
/// the archive's lock; the layout runs on a blocking thread, so neither the window nor a
/// save waits for it.
#[tauri::command]
pub async fn render_preview(store: State<'_, Store>, doc: Document) -> Result<Preview> {
    let options = store.ops(|a| vanthu_ops::render_options(a))?;
    preview_off_thread(move || vanthu_pdf::preview(&doc, &options)).await
}

/// The file of one face of the family the layout measures with (empty when it cannot be
/// handed over: the page then asks for the family by name).
#[tauri::command]
pub async fn preview_font(bold: bool, italic: bool) -> Result<Response> {
    let file = vanthu_pdf::font_file(Face::new(bold, italic))?;
    Ok(Response::new(file.map(<[u8]>::to_vec).unwrap_or_default()))
}

/// Runs a layout off the main thread.
pub async fn preview_off_thread(
    f: impl FnOnce() -> std::result::Result<Preview, vanthu_pdf::PdfError> + Send + 'static,
) -> Result<Preview> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| {
            AppError::new(
                ErrorCode::Pdf,
                format!("Không dựng được bản xem trước: {e}"),
            )
        })?
        .map_err(AppError::from)
}
