//! Following up deadlines: the list, and the clerk's corrections — a date, a text or the units
//! changed, one added by hand, one removed, one marked done (with the day) or reopened. Every
//! change is logged against the deadline's document.
//!
//! Deadlines are read from the body when a document is issued or recorded as issued (see
//! [`crate::issue`] and [`crate::documents`]); a draft sets none, it only shows the ones it
//! would set (`vanthu_model::deadline::extract`).

use chrono::NaiveDate;
use vanthu_model::date;
use vanthu_model::{text, Problem, Status};

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::rows::deadlines::{self, Deadline, DeadlineChange, DeadlineFilter, NewDeadline};
use crate::rows::documents;
use crate::{Archive, Stamp};

/// The longest text a deadline keeps (a sentence of a plan is far shorter).
const MAX_TEXT_CHARS: usize = 2000;
/// The most units one deadline names.
const MAX_UNITS: usize = 30;
const MAX_UNIT_CHARS: usize = 200;

impl Archive {
    /// The deadlines `filter` selects, oldest due first.
    pub fn deadlines(&self, filter: &DeadlineFilter) -> Result<Vec<Deadline>> {
        deadlines::list(&self.conn, filter)
    }

    pub fn deadline(&self, id: i64) -> Result<Deadline> {
        deadlines::get(&self.conn, id)
    }

    /// How many open deadlines fall due before `day`.
    pub fn open_deadlines_before(&self, day: NaiveDate) -> Result<i64> {
        deadlines::count_open_before(&self.conn, day)
    }

    /// Adds a deadline by hand to the issued document `document_id`. Returns its id.
    pub fn add_deadline(
        &mut self,
        document_id: i64,
        due: NaiveDate,
        text: &str,
        units: &[String],
        stamp: &Stamp,
    ) -> Result<i64> {
        let (text, units) = checked(due, text, units)?;
        let tx = self.write_tx("save the deadline")?;
        let doc = documents::get(&tx, document_id)?;
        if doc.status != Status::Issued {
            return Err(ArchiveError::DeadlineOfDraft(document_id));
        }
        let new = NewDeadline {
            due,
            from: None,
            text: &text,
            offset: None,
            units: &units,
            recurrence: None,
            source: "hand",
        };
        let id = deadlines::insert(&tx, document_id, &new, stamp)?;
        let detail = format!("#{id} {}: {text}", date::short(due));
        audit::append(
            &tx,
            stamp,
            AuditAction::DeadlineAdd,
            Some(document_id),
            &detail,
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the deadline"))?;
        Ok(id)
    }

    /// Corrects a deadline's day, text or units. A new day drops the period read from the text
    /// ("trong tháng 4"): the clerk has named the day.
    pub fn edit_deadline(&mut self, id: i64, change: &DeadlineChange, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("save the deadline")?;
        let old = deadlines::get(&tx, id)?;
        // The table checks `due` is a day, so this default is never used.
        let old_due = old.due_date().unwrap_or_default();
        let due = change.due.unwrap_or(old_due);
        let (text, units) = checked(
            due,
            change.text.as_deref().unwrap_or(&old.text),
            change.units.as_deref().unwrap_or(&old.units),
        )?;
        let from = match change.due {
            Some(_) => None,
            None => old.from.as_deref().and_then(|d| date::parse_iso(d).ok()),
        };
        deadlines::update(&tx, id, due, from, &text, &units, stamp)?;
        let mut what = Vec::new();
        if due != old_due {
            what.push(format!("hạn {} → {}", old.due_text, date::short(due)));
        }
        if text != old.text {
            what.push(format!("nội dung: {text}"));
        }
        if units != old.units {
            what.push(format!("đơn vị: {}", units.join("; ")));
        }
        if what.is_empty() {
            what.push("không đổi".to_owned());
        }
        let detail = format!("#{id} {}", what.join(", "));
        audit::append(
            &tx,
            stamp,
            AuditAction::DeadlineEdit,
            Some(old.document_id),
            &detail,
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the deadline"))
    }

    /// Removes a deadline (one read wrongly from the text, or no longer asked).
    pub fn remove_deadline(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("remove the deadline")?;
        let old = deadlines::get(&tx, id)?;
        deadlines::delete(&tx, id)?;
        let detail = format!("#{id} {}: {}", old.due_text, old.text);
        audit::append(
            &tx,
            stamp,
            AuditAction::DeadlineRemove,
            Some(old.document_id),
            &detail,
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("remove the deadline"))
    }

    /// Marks a deadline done on `on` (not after the stamp's day). A recurring one comes back:
    /// its next time is added, and its id returned.
    pub fn mark_deadline_done(
        &mut self,
        id: i64,
        on: NaiveDate,
        stamp: &Stamp,
    ) -> Result<Option<i64>> {
        if on > stamp.day() {
            return Err(ArchiveError::Invalid(vec![Problem {
                path: "done_on".to_owned(),
                message: format!(
                    "Ngày hoàn thành {} chưa đến: chỉ đánh dấu xong việc đã làm.",
                    date::short(on)
                ),
            }]));
        }
        let tx = self.write_tx("save the deadline")?;
        let old = deadlines::get(&tx, id)?;
        if let Some(done) = &old.done_on {
            let on = date::parse_iso(done).map(date::short).unwrap_or_default();
            return Err(ArchiveError::DeadlineDone { id, on });
        }
        deadlines::set_done(&tx, id, Some(on), stamp)?;
        let recurrence = old
            .recurring
            .as_deref()
            .and_then(vanthu_model::deadline::Recurrence::from_key);
        let next = match (recurrence, old.due_date()) {
            (Some(r), Some(due)) => r.next_due(due),
            _ => None,
        };
        let mut detail = format!("#{id} hạn {}, xong ngày {}", old.due_text, date::short(on));
        let next_id = match (next, recurrence) {
            (Some(next), Some(r)) => {
                let new = NewDeadline {
                    due: next,
                    from: None,
                    text: &old.text,
                    offset: old.offset.map(|o| o as usize),
                    units: &old.units,
                    recurrence: Some(r),
                    source: "next",
                };
                let next_id = deadlines::insert(&tx, old.document_id, &new, stamp)?;
                detail.push_str(&format!("; lần sau #{next_id}: {}", date::short(next)));
                Some(next_id)
            }
            _ => None,
        };
        audit::append(
            &tx,
            stamp,
            AuditAction::DeadlineDone,
            Some(old.document_id),
            &detail,
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the deadline"))?;
        Ok(next_id)
    }

    /// Opens a deadline marked done again (marked by mistake, or the work came back).
    pub fn reopen_deadline(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("save the deadline")?;
        let old = deadlines::get(&tx, id)?;
        if old.done_on.is_none() {
            return Err(ArchiveError::DeadlineOpen(id));
        }
        deadlines::set_done(&tx, id, None, stamp)?;
        let detail = format!("#{id} hạn {}", old.due_text);
        audit::append(
            &tx,
            stamp,
            AuditAction::DeadlineReopen,
            Some(old.document_id),
            &detail,
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the deadline"))
    }
}

/// The text and units as stored (NFC, one line, trimmed), or what is wrong with them.
fn checked(due: NaiveDate, text: &str, units: &[String]) -> Result<(String, Vec<String>)> {
    let mut problems = Vec::new();
    let problem = |path: &str, message: String| Problem {
        path: path.to_owned(),
        message,
    };
    let clean = |s: &str| text::one_line(&text::nfc(s)).trim().to_owned();
    // A paste far over the limit is refused before it is normalised.
    let text = if text.len() > 4 * MAX_TEXT_CHARS {
        text.chars().take(MAX_TEXT_CHARS + 1).collect()
    } else {
        clean(text)
    };
    if text.is_empty() {
        problems.push(problem(
            "text",
            "Thời hạn cần có nội dung (việc phải làm).".to_owned(),
        ));
    } else if text.chars().count() > MAX_TEXT_CHARS {
        problems.push(problem(
            "text",
            format!("Nội dung thời hạn dài quá {MAX_TEXT_CHARS} ký tự."),
        ));
    }
    if let Some(c) = text::first_control_char(&text) {
        problems.push(problem(
            "text",
            format!("Nội dung có ký tự điều khiển U+{:04X}.", c as u32),
        ));
    }
    let units: Vec<String> = units
        .iter()
        .map(|u| clean(u))
        .filter(|u| !u.is_empty())
        .collect();
    if units.len() > MAX_UNITS {
        problems.push(problem(
            "units",
            format!("Một thời hạn ghi tối đa {MAX_UNITS} đơn vị."),
        ));
    }
    if units.iter().any(|u| u.chars().count() > MAX_UNIT_CHARS) {
        problems.push(problem(
            "units",
            format!("Tên đơn vị dài quá {MAX_UNIT_CHARS} ký tự."),
        ));
    }
    if !(1945..=2100).contains(&chrono::Datelike::year(&due)) {
        problems.push(problem(
            "due",
            format!("Hạn {} nằm ngoài khoảng năm 1945–2100.", date::short(due)),
        ));
    }
    if problems.is_empty() {
        Ok((text, units))
    } else {
        Err(ArchiveError::Invalid(problems))
    }
}
