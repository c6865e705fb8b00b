//! The native file dialogs, asked from Rust (the page has no dialog permission), with one test
//! seam: when `VANTHU_DIALOG_DIR` is set, nothing is shown and each dialog answers from that
//! folder, so the WebDriver tests can drive every command that needs a file.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// When set, the save dialog answers `<dir>/<suggested name>`, the open dialog answers the
/// files of `<dir>` with one of the asked extensions (sorted by name), the folder dialog
/// answers `<dir>` itself, and a file meant for the system viewer is written but not opened
/// (the tests read the file; a viewer window is not theirs to check).
pub const DIALOG_DIR_ENV: &str = "VANTHU_DIALOG_DIR";

fn seam() -> Option<PathBuf> {
    std::env::var_os(DIALOG_DIR_ENV).map(PathBuf::from)
}

/// Whether the dialogs are answered by the test seam.
pub fn answered_by_tests() -> bool {
    seam().is_some()
}

/// What the clerk picks, and how the dialog presents it.
pub struct Ask<'a> {
    pub title: &'a str,
    /// The filter's name (`Tệp PDF`) and its extensions without the dot.
    pub filter: (&'a str, &'a [&'a str]),
}

/// Where to save a file suggested as `name`; `None` when the clerk cancels.
pub fn save_path(app: &AppHandle, ask: Ask<'_>, name: &str) -> Option<PathBuf> {
    if let Some(dir) = seam() {
        return Some(dir.join(name));
    }
    app.dialog()
        .file()
        .set_title(ask.title)
        .add_filter(ask.filter.0, ask.filter.1)
        .set_file_name(name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// The files the clerk picks (several when `many`); empty when the clerk cancels.
pub fn open_paths(app: &AppHandle, ask: Ask<'_>, many: bool) -> Vec<PathBuf> {
    if let Some(dir) = seam() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ask.filter.1.iter().any(|want| x.eq_ignore_ascii_case(want)))
        });
        files.sort();
        if !many {
            files.truncate(1);
        }
        return files;
    }
    let dialog = app
        .dialog()
        .file()
        .set_title(ask.title)
        .add_filter(ask.filter.0, ask.filter.1);
    let picked = if many {
        dialog.blocking_pick_files().unwrap_or_default()
    } else {
        dialog.blocking_pick_file().into_iter().collect()
    };
    picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

/// A folder the clerk picks; `None` when the clerk cancels.
pub fn folder(app: &AppHandle, title: &str) -> Option<PathBuf> {
    if let Some(dir) = seam() {
        return Some(dir);
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}
