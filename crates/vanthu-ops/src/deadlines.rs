//! Following up deadlines, as both front ends show it: the board (overdue, due within a week,
//! later), what falls due soon (the notice at start and the count on the navigation), the
//! calendar file, and the deadlines a draft would set.

use std::path::Path;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;
use vanthu_archive::{Archive, Deadline, DeadlineFilter, Stamp};
use vanthu_model::deadline::{self, Extraction};
use vanthu_model::{text, Document};

use crate::error::Result;
use crate::files;

/// "Due soon" is due within this many days from today (overdue ones included).
pub const SOON_DAYS: u64 = 7;

/// The deadlines as the follow-up page shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DeadlineBoard {
    /// Open, due before today.
    pub overdue: Vec<Deadline>,
    /// Open, due today or within [`SOON_DAYS`] days.
    pub soon: Vec<Deadline>,
    /// Open, due later.
    pub later: Vec<Deadline>,
    /// Done (only when asked for).
    pub done: Vec<Deadline>,
    /// Every unit named by an open deadline, to filter by; sorted as Vietnamese is read.
    pub units: Vec<String>,
}

/// The board on `today`, of one unit's deadlines when `unit` is given (compared without
/// diacritics or case), done ones too when `with_done`.
pub fn board(
    archive: &Archive,
    today: NaiveDate,
    unit: Option<&str>,
    with_done: bool,
) -> Result<DeadlineBoard> {
    let all = archive.deadlines(&DeadlineFilter {
        all: with_done,
        ..DeadlineFilter::default()
    })?;
    let mut board = DeadlineBoard::default();
    let mut units: Vec<String> = all
        .iter()
        .filter(|d| d.is_open())
        .flat_map(|d| d.units.iter().cloned())
        .collect();
    units.sort_by_key(|u| (text::fold(u), u.clone()));
    units.dedup_by(|a, b| text::fold(a) == text::fold(b));
    board.units = units;
    let soon_end = today + Days::new(SOON_DAYS);
    let wanted = unit.map(text::fold);
    for d in all {
        if let Some(w) = &wanted {
            if !d.units.iter().any(|u| text::fold(u) == *w) {
                continue;
            }
        }
        let due = d.due_date().unwrap_or(today);
        let column = if !d.is_open() {
            &mut board.done
        } else if due < today {
            &mut board.overdue
        } else if due <= soon_end {
            &mut board.soon
        } else {
            &mut board.later
        };
        column.push(d);
    }
    Ok(board)
}

/// The open deadlines due by `today` + [`SOON_DAYS`] (overdue ones included), oldest first:
/// the notice at start, and the count on the navigation item.
pub fn due_soon(archive: &Archive, today: NaiveDate) -> Result<Vec<Deadline>> {
    Ok(archive.deadlines(&DeadlineFilter {
        due_before: Some(today + Days::new(SOON_DAYS + 1)),
        ..DeadlineFilter::default()
    })?)
}

/// The deadlines a draft would set when issued, and what could not be read.
pub fn draft_deadlines(doc: &Document) -> Extraction {
    deadline::extract(&doc.body, doc.date)
}

/// Units as a clerk types them on one line: separated by `;` or new lines.
pub fn parse_units(line: &str) -> Vec<String> {
    line.split([';', '\n'])
        .map(|u| text::one_line(u).trim().to_owned())
        .filter(|u| !u.is_empty())
        .collect()
}

/// Writes `deadlines` as an iCalendar file (atomically). Returns how many events it holds.
pub fn write_ics(deadlines: &[Deadline], target: &Path, stamp: &Stamp) -> Result<usize> {
    let utc = chrono::DateTime::parse_from_rfc3339(&stamp.at)
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|_| chrono::Utc::now());
    let calendar =
        vanthu_export::ics::calendar(deadlines, &utc.format("%Y%m%dT%H%M%SZ").to_string());
    files::write_atomic(target, calendar.as_bytes())?;
    Ok(deadlines.len())
}
