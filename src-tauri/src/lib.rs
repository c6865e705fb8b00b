//! The VănThư desktop shell: one window over the archive, the importer and the PDF exporter.
//!
//! It holds no rules of its own (STYLE.md §1): it opens the archive where the `vanthu` command
//! looks for it too, registers the two plugins it needs (dialogs, and opening a PDF in the
//! system viewer — both used from Rust, never granted to the page), and hands each command to
//! a crate. Everything the clerk sees is in `ui/`.

mod care;
mod commands;
mod deadlines;
mod dialogs;
mod error;
mod layout;
mod preview;

pub use dialogs::DIALOG_DIR_ENV;
pub use error::{AppError, ErrorCode};

use std::path::PathBuf;

use tauri::Manager;

/// The archive file: `VANTHU_DB` when set (as for the CLI), else the same file as
/// `vanthu --db` defaults to, which is the app data directory of `vn.vanthu.app`.
fn archive_path(app: &tauri::App) -> PathBuf {
    vanthu_ops::archive_path(std::env::var_os("VANTHU_DB").map(PathBuf::from))
        .ok()
        .or_else(|| {
            app.path()
                .app_data_dir()
                .ok()
                .map(|d| d.join("vanthu.sqlite3"))
        })
        .unwrap_or_else(|| PathBuf::from("vanthu.sqlite3"))
}

/// WebKitGTK draws the page without its accelerated compositing, unless the environment
/// already says otherwise (`WEBKIT_DISABLE_COMPOSITING_MODE`).
///
/// The window's pages are a form and sheets of positioned text, nothing that needs layers on
/// a GPU. On a machine without one (Mesa's software GL, as on the lab's machines) compositing
/// costs more than it gives: with it, a word typed into the 3-page plan took a median of
/// 90–121 ms to reach the preview and the web process held 293 MB; without it, 45–48 ms and
/// 183 MB (same machine, same load). Windows' WebView2 is not WebKit and is not touched.
pub fn draw_without_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Before any other thread starts: nothing reads the environment concurrently yet.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// How long after the start the daily backup is made.
const BACKUP_AFTER_START: std::time::Duration = std::time::Duration::from_secs(2);

pub fn run() {
    draw_without_compositing();
    // The archive opens while GTK and the web view start (it is where `vanthu` looks unless
    // that cannot be told without the app's paths).
    let opening = std::thread::spawn(|| {
        vanthu_ops::archive_path(std::env::var_os("VANTHU_DB").map(PathBuf::from))
            .ok()
            .map(commands::Store::open)
    });
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let store = opening
                .join()
                .ok()
                .flatten()
                .unwrap_or_else(|| commands::Store::open(archive_path(app)));
            app.manage(store);
            // The daily backup waits until the first screen is up: copying a large archive
            // before the window opens held the clerk's first screen back, and nothing needs
            // the copy at once.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(BACKUP_AFTER_START);
                handle.state::<commands::Store>().daily_backup();
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vocabulary,
            commands::parse_recipients,
            commands::body_outline,
            commands::recipient_lines,
            commands::pdf_file_name,
            commands::archive_info,
            commands::list_documents,
            commands::document_years,
            commands::get_document,
            commands::create_document,
            commands::save_draft,
            commands::check_document,
            commands::next_number,
            commands::issue_document,
            commands::render_pdf,
            preview::render_preview,
            preview::preview_font,
            commands::export_pdf,
            commands::export_docx,
            commands::print_pdf,
            commands::pick_import_files,
            commands::import_files,
            commands::issuer_profiles,
            commands::save_issuer_profile,
            commands::delete_issuer_profile,
            commands::signers,
            commands::save_signer,
            commands::delete_signer,
            commands::recipient_lists,
            commands::save_recipient_list,
            commands::delete_recipient_list,
            care::attachments,
            care::attach_files,
            care::open_attachment,
            care::save_attachment,
            care::delete_draft,
            care::restore_draft,
            care::trash,
            care::audit_log,
            care::backup_archive,
            care::restore_archive,
            care::verify_archive,
            care::register_book,
            care::export_archive,
            layout::layout_settings,
            layout::set_layout,
            layout::reset_layout,
            layout::use_layout_preset,
            layout::save_layout_preset,
            layout::delete_layout_preset,
            layout::layout_preview,
            deadlines::deadline_board,
            deadlines::deadlines_due_soon,
            deadlines::document_deadlines,
            deadlines::draft_deadlines,
            deadlines::mark_deadline_done,
            deadlines::reopen_deadline,
            deadlines::add_deadline,
            deadlines::edit_deadline,
            deadlines::remove_deadline,
            deadlines::export_deadlines_ics,
        ])
        .run(tauri::generate_context!())
        .expect("VănThư could not start its window");
}

#[cfg(test)]
mod bindings {
    //! Writes the TypeScript types of everything that crosses to the window into
    //! `ui/src/lib/bindings/`. CI runs this and fails when the committed files differ.
    use std::path::PathBuf;

    use ts_rs::TS;

    #[test]
    fn export_typescript_bindings() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
        // Start empty, so a type that no longer crosses shows up as a deleted file.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // Ids and counts stay far below 2^53: plain JSON numbers, not bigint.
        let cfg = ts_rs::Config::new()
            .with_out_dir(&dir)
            .with_large_int("number");
        macro_rules! export {
            ($($t:ty),* $(,)?) => {
                $( <$t>::export_all(&cfg)
                    .unwrap_or_else(|e| panic!("export {}: {e}", stringify!($t))); )*
            };
        }
        export!(
            vanthu_model::Document,
            vanthu_model::Problem,
            vanthu_archive::DocumentSummary,
            vanthu_archive::Issued,
            vanthu_archive::IssuerProfile,
            vanthu_archive::Signer,
            vanthu_archive::RecipientList,
            vanthu_import::Warning,
            crate::AppError,
            vanthu_ops::Vocabulary,
            vanthu_ops::OutlineEntry,
            vanthu_ops::LayoutSettings,
            crate::commands::ImportProgress,
            crate::commands::ListFilter,
            crate::commands::DocumentPage,
            vanthu_ops::ImportedFile,
            crate::commands::ArchiveInfo,
            vanthu_archive::Attachment,
            vanthu_archive::AuditEntry,
            vanthu_archive::VerifyProblem,
            crate::care::Restored,
            crate::care::RegisterRequest,
            crate::care::RegisterWritten,
            crate::care::ArchiveExported,
            vanthu_archive::Deadline,
            vanthu_ops::DeadlineBoard,
            vanthu_model::deadline::Extraction,
            vanthu_pdf::Preview,
        );
    }
}
