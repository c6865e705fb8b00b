//! The window's “Thể thức” page: the layout settings of a format, changed, previewed, reset
//! and kept as presets — each command one call of `vanthu_ops::layout`, as `vanthu layout`.

use tauri::State;
use vanthu_archive::Stamp;
use vanthu_model::Format;
use vanthu_ops::{layout, LayoutSettings};
use vanthu_pdf::Preview;

use crate::commands::Store;
use crate::error::Result;
use crate::preview::preview_off_thread;

#[tauri::command]
pub fn layout_settings(store: State<'_, Store>, format: Format) -> Result<LayoutSettings> {
    store.ops(|a| layout::settings(a, format))
}

/// Applies the changed fields (`[["body.size", "13"]]`): all or none.
#[tauri::command]
pub fn set_layout(
    store: State<'_, Store>,
    format: Format,
    changes: Vec<(String, String)>,
) -> Result<LayoutSettings> {
    store.ops(|a| layout::set(a, format, &changes, &Stamp::now()))
}

#[tauri::command]
pub fn reset_layout(store: State<'_, Store>, format: Format) -> Result<LayoutSettings> {
    store.ops(|a| layout::reset(a, format, &Stamp::now()))
}

#[tauri::command]
pub fn use_layout_preset(
    store: State<'_, Store>,
    format: Format,
    name: String,
) -> Result<LayoutSettings> {
    store.ops(|a| layout::use_preset(a, format, &name, &Stamp::now()))
}

#[tauri::command]
pub fn save_layout_preset(
    store: State<'_, Store>,
    format: Format,
    name: String,
) -> Result<LayoutSettings> {
    store.ops(|a| layout::save_preset(a, format, &name, &Stamp::now()))
}

#[tauri::command]
pub fn delete_layout_preset(
    store: State<'_, Store>,
    format: Format,
    name: String,
) -> Result<LayoutSettings> {
    store.ops(|a| layout::delete_preset(a, format, &name, &Stamp::now()))
}

/// A sample of `format` laid out with the settings in force plus the fields being edited
/// (not stored), as the page draws it. A refused value is the error, naming its field.
#[tauri::command]
pub async fn layout_preview(
    store: State<'_, Store>,
    format: Format,
    changes: Vec<(String, String)>,
) -> Result<Preview> {
    let (doc, options) = store.ops(|a| layout::preview(a, format, &changes))?;
    preview_off_thread(move || vanthu_pdf::preview(&doc, &options)).await
}
