//! The window's “Theo dõi thời hạn” page and the editor's list of deadlines a draft will set:
//! each command one call of the archive or `vanthu_ops::deadlines`, as `vanthu deadlines` and
//! `vanthu deadline …`.

use chrono::NaiveDate;
use tauri::{AppHandle, State};
use vanthu_archive::{Deadline, DeadlineChange, DeadlineFilter, Stamp};
use vanthu_model::deadline::Extraction;
use vanthu_model::Document;
use vanthu_ops::deadlines::{self, DeadlineBoard};

use crate::commands::Store;
use crate::dialogs::{self, Ask};
use crate::error::{AppError, ErrorCode, Result};

fn day(what: &str, iso: &str) -> Result<NaiveDate> {
    vanthu_model::date::parse_iso(iso)
        .map_err(|e| AppError::new(ErrorCode::Invalid, format!("{what}: {}.", e.message_vi())))
}

/// The board on today's date: overdue, due within a week, later (and done ones when asked),
/// of one unit when `unit` is given.
#[tauri::command]
pub fn deadline_board(
    store: State<'_, Store>,
    unit: Option<String>,
    with_done: bool,
) -> Result<DeadlineBoard> {
    let today = Stamp::now().day();
    store.ops(|a| vanthu_ops::board(a, today, unit.as_deref(), with_done))
}

/// What falls due within a week (overdue included): the notice at start, the navigation count.
#[tauri::command]
pub fn deadlines_due_soon(store: State<'_, Store>) -> Result<Vec<Deadline>> {
    let today = Stamp::now().day();
    store.ops(|a| vanthu_ops::due_soon(a, today))
}

/// The deadlines of one stored document.
#[tauri::command]
pub fn document_deadlines(store: State<'_, Store>, id: i64) -> Result<Vec<Deadline>> {
    store.with(|a| {
        a.deadlines(&DeadlineFilter {
            all: true,
            document_id: Some(id),
            ..DeadlineFilter::default()
        })
    })
}

/// The deadlines the draft in the editor will set when issued.
#[tauri::command]
pub fn draft_deadlines(doc: Document) -> Extraction {
    deadlines::draft_deadlines(&doc)
}

/// Marks a deadline done today, or on `on` (ISO). The id of a recurring one's next time.
#[tauri::command]
pub fn mark_deadline_done(
    store: State<'_, Store>,
    id: i64,
    on: Option<String>,
) -> Result<Option<i64>> {
    let stamp = Stamp::now();
    let on = match on {
        Some(iso) => day("Ngày hoàn thành", &iso)?,
        None => stamp.day(),
    };
    store.with(|a| a.mark_deadline_done(id, on, &stamp))
}

#[tauri::command]
pub fn reopen_deadline(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.reopen_deadline(id, &Stamp::now()))
}

/// Adds a deadline by hand; `units` as typed (`Chi bộ 1; Chi bộ 2`).
#[tauri::command]
pub fn add_deadline(
    store: State<'_, Store>,
    document_id: i64,
    due: String,
    text: String,
    units: String,
) -> Result<i64> {
    let due = day("Hạn", &due)?;
    let units = deadlines::parse_units(&units);
    store.with(|a| a.add_deadline(document_id, due, &text, &units, &Stamp::now()))
}

/// Corrects a deadline; a field left out stays as it is.
#[tauri::command]
pub fn edit_deadline(
    store: State<'_, Store>,
    id: i64,
    due: Option<String>,
    text: Option<String>,
    units: Option<String>,
) -> Result<()> {
    let change = DeadlineChange {
        due: due.map(|d| day("Hạn", &d)).transpose()?,
        text,
        units: units.as_deref().map(deadlines::parse_units),
    };
    store.with(|a| a.edit_deadline(id, &change, &Stamp::now()))
}

#[tauri::command]
pub fn remove_deadline(store: State<'_, Store>, id: i64) -> Result<()> {
    store.with(|a| a.remove_deadline(id, &Stamp::now()))
}

/// Asks where to save the open deadlines as a calendar file (.ics) and writes it. The path
/// written, `None` when the clerk cancels.
#[tauri::command]
pub async fn export_deadlines_ics(
    app: AppHandle,
    store: State<'_, Store>,
) -> Result<Option<String>> {
    let target = dialogs::save_path(
        &app,
        Ask {
            title: "Lưu lịch thời hạn (iCalendar)",
            filter: ("Tệp lịch", &["ics"]),
        },
        "thoi-han-van-ban.ics",
    );
    let Some(target) = target else {
        return Ok(None);
    };
    store.ops(|a| {
        let open = a.deadlines(&DeadlineFilter::default())?;
        deadlines::write_ics(&open, &target, &Stamp::now())
    })?;
    Ok(Some(target.display().to_string()))
}
