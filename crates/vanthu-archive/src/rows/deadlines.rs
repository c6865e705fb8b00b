//! The deadlines table: what an issued document asks of whom and by when, open or done.
//!
//! Rows come from the body (`text`), from the clerk (`hand`), or from a recurring deadline
//! marked done (`next`, its next time). Dates are ISO days; units a JSON array of names.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;
use vanthu_model::date;
use vanthu_model::deadline::{Found, Recurrence};

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::stamp::Stamp;

/// One deadline as the archive keeps it, with the symbol of its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Deadline {
    pub id: i64,
    pub document_id: i64,
    pub symbol: String,
    /// The document's trích yếu, to say what the plan is about.
    pub title: String,
    /// ISO day.
    pub due: String,
    /// The due day as a clerk reads it (`31/05/2024`).
    pub due_text: String,
    /// The first day of the period, when the text gives one (ISO).
    pub from: Option<String>,
    pub text: String,
    /// Where the sentence starts in the document's body (bytes); `None` for one added by hand.
    pub offset: Option<i64>,
    pub units: Vec<String>,
    /// `monthly`, `quarterly`, `half_yearly`, `yearly`, `periodic`; `None` for a one-off.
    pub recurring: Option<String>,
    /// `hằng quý`…, as a clerk says it.
    pub recurring_text: Option<String>,
    /// `open` or `done`.
    pub status: String,
    /// The day it was done (ISO).
    pub done_on: Option<String>,
    /// `text`, `hand` or `next`.
    pub source: String,
}

impl Deadline {
    pub fn is_open(&self) -> bool {
        self.done_on.is_none()
    }

    /// The due day as a date (stored ISO, checked by the table).
    pub fn due_date(&self) -> Option<NaiveDate> {
        date::parse_iso(&self.due).ok()
    }
}

/// Which deadlines to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeadlineFilter {
    /// Done ones too.
    pub all: bool,
    /// Only those due before this day.
    pub due_before: Option<NaiveDate>,
    /// Only those of one document.
    pub document_id: Option<i64>,
}

/// A new row's content.
pub(crate) struct NewDeadline<'a> {
    pub due: NaiveDate,
    pub from: Option<NaiveDate>,
    pub text: &'a str,
    pub offset: Option<usize>,
    pub units: &'a [String],
    pub recurrence: Option<Recurrence>,
    pub source: &'static str,
}

impl<'a> NewDeadline<'a> {
    pub fn found(found: &'a Found) -> NewDeadline<'a> {
        NewDeadline {
            due: found.due,
            from: found.from,
            text: &found.text,
            offset: Some(found.offset),
            units: &found.units,
            recurrence: found.recurrence,
            source: "text",
        }
    }
}

const COLUMNS: &str = "d.id, d.document_id, doc.symbol, doc.title, d.due, d.period_from, d.text,
    d.body_offset, d.units, d.recurrence, d.done_on, d.source";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Deadline> {
    let due: String = r.get(4)?;
    let units: String = r.get(8)?;
    let recurring: Option<String> = r.get(9)?;
    let done_on: Option<String> = r.get(10)?;
    Ok(Deadline {
        id: r.get(0)?,
        document_id: r.get(1)?,
        symbol: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        title: r.get(3)?,
        due_text: date::parse_iso(&due)
            .map(date::short)
            .unwrap_or_else(|_| due.clone()),
        due,
        from: r.get(5)?,
        text: r.get(6)?,
        offset: r.get(7)?,
        units: serde_json::from_str(&units).unwrap_or_default(),
        recurring_text: recurring
            .as_deref()
            .and_then(Recurrence::from_key)
            .map(|r| r.name_vi().to_owned()),
        recurring,
        status: if done_on.is_some() { "done" } else { "open" }.to_owned(),
        done_on,
        source: r.get(11)?,
    })
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    document_id: i64,
    new: &NewDeadline<'_>,
    stamp: &Stamp,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO deadlines (document_id, due, period_from, text, body_offset, units,
            recurrence, source, created_at, created_by, changed_at, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
    )
    .and_then(|mut st| {
        st.execute(params![
            document_id,
            date::iso(new.due),
            new.from.map(date::iso),
            new.text,
            new.offset.map(|o| o as i64),
            units_json(new.units),
            new.recurrence.map(Recurrence::key),
            new.source,
            stamp.at,
            stamp.by,
        ])
    })
    .map_err(ArchiveError::sqlite("save the deadline"))?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Deadline> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM deadlines d JOIN documents doc ON doc.id = d.document_id
             WHERE d.id = ?1"
        ),
        [id],
        from_row,
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the deadline"))?
    .ok_or(ArchiveError::MissingItem {
        what: "deadline",
        id,
    })
}

/// The deadlines `filter` selects, oldest due first.
pub(crate) fn list(conn: &Connection, filter: &DeadlineFilter) -> Result<Vec<Deadline>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM deadlines d JOIN documents doc ON doc.id = d.document_id
             WHERE (?1 OR d.done_on IS NULL)
               AND (?2 IS NULL OR d.due < ?2)
               AND (?3 IS NULL OR d.document_id = ?3)
             ORDER BY d.due, d.id"
        ))
        .map_err(ArchiveError::sqlite("read the deadlines"))?;
    let rows = stmt
        .query_map(
            params![
                filter.all,
                filter.due_before.map(date::iso),
                filter.document_id
            ],
            from_row,
        )
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(ArchiveError::sqlite("read the deadlines"))?;
    Ok(rows)
}

/// Replaces the due day, period, text and units of a deadline.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: i64,
    due: NaiveDate,
    from: Option<NaiveDate>,
    text: &str,
    units: &[String],
    stamp: &Stamp,
) -> Result<()> {
    tx.execute(
        "UPDATE deadlines SET due = ?2, period_from = ?3, text = ?4, units = ?5,
            changed_at = ?6, changed_by = ?7 WHERE id = ?1",
        params![
            id,
            date::iso(due),
            from.map(date::iso),
            text,
            units_json(units),
            stamp.at,
            stamp.by
        ],
    )
    .map_err(ArchiveError::sqlite("save the deadline"))?;
    Ok(())
}

/// Marks a deadline done on `on`, or open again with `None`.
pub(crate) fn set_done(
    tx: &Transaction<'_>,
    id: i64,
    on: Option<NaiveDate>,
    stamp: &Stamp,
) -> Result<()> {
    tx.execute(
        "UPDATE deadlines SET done_on = ?2, changed_at = ?3, changed_by = ?4 WHERE id = ?1",
        params![id, on.map(date::iso), stamp.at, stamp.by],
    )
    .map_err(ArchiveError::sqlite("save the deadline"))?;
    Ok(())
}

pub(crate) fn delete(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute("DELETE FROM deadlines WHERE id = ?1", [id])
        .map_err(ArchiveError::sqlite("remove the deadline"))?;
    Ok(())
}

/// How many open deadlines fall due before `day` (the navigation's count of what needs doing).
pub(crate) fn count_open_before(conn: &Connection, day: NaiveDate) -> Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM deadlines WHERE done_on IS NULL AND due < ?1",
        [date::iso(day)],
        |r| r.get(0),
    )
    .map_err(ArchiveError::sqlite("read the deadlines"))
}

fn units_json(units: &[String]) -> String {
    serde_json::to_string(units).unwrap_or_else(|_| "[]".to_owned())
}

/// What a clerk changes in a deadline; `None` keeps the field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeadlineChange {
    pub due: Option<NaiveDate>,
    pub text: Option<String>,
    pub units: Option<Vec<String>>,
}

/// Stores the deadlines read from the body of the issued document `document_id`, and logs
/// them in one entry (`31/05/2024, 30/04/2025`). Nothing is logged when there are none.
pub(crate) fn record_found(
    tx: &Transaction<'_>,
    document_id: i64,
    found: &[Found],
    stamp: &Stamp,
) -> Result<()> {
    insert_found(tx, document_id, found, stamp)?;
    audit_found(tx, document_id, found, stamp)
}

/// The rows of [`record_found`] alone.
pub(crate) fn insert_found(
    tx: &Transaction<'_>,
    document_id: i64,
    found: &[Found],
    stamp: &Stamp,
) -> Result<()> {
    for f in found {
        insert(tx, document_id, &NewDeadline::found(f), stamp)?;
    }
    Ok(())
}

/// [`insert_found`] for a batch of documents, in the order given, with one statement for up to
/// [`ROWS_AT_ONCE`] deadlines rather than one each: every statement on this table opens a
/// statement journal (its trigger and foreign key may abort it), and opening and closing those
/// was a twelfth of the time the writing thread spent on a batch import.
pub(crate) fn insert_found_all<'a>(
    tx: &Transaction<'_>,
    found: impl IntoIterator<Item = (i64, &'a [Found])>,
    stamp: &Stamp,
) -> Result<()> {
    let rows: Vec<(i64, &Found)> = found
        .into_iter()
        .flat_map(|(id, found)| found.iter().map(move |f| (id, f)))
        .collect();
    let err = || ArchiveError::sqlite("save the deadline");
    for chunk in rows.chunks(ROWS_AT_ONCE) {
        let sql = insert_rows_sql(chunk.len());
        // The full chunk's statement is kept; the last, shorter one of a batch is not (its
        // length changes from batch to batch, and it would push the others out of the cache).
        if chunk.len() == ROWS_AT_ONCE {
            let mut st = tx.prepare_cached(&sql).map_err(err())?;
            bind_rows(&mut st, chunk, stamp).map_err(err())?;
        } else {
            let mut st = tx.prepare(&sql).map_err(err())?;
            bind_rows(&mut st, chunk, stamp).map_err(err())?;
        }
    }
    Ok(())
}

/// How many deadlines [`insert_found_all`] writes with one statement.
const ROWS_AT_ONCE: usize = 64;

/// The columns [`insert`] writes, for `rows` rows at once: the stamp is `?1` and `?2`, and each
/// row's own eight values follow.
fn insert_rows_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO deadlines (document_id, due, period_from, text, body_offset, units,
            recurrence, source, created_at, created_by, changed_at, changed_by) VALUES ",
    );
    for r in 0..rows {
        let b = 3 + 8 * r;
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!(
            "(?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?1, ?2, ?1, ?2)",
            b,
            b + 1,
            b + 2,
            b + 3,
            b + 4,
            b + 5,
            b + 6,
            b + 7
        ));
    }
    sql
}

fn bind_rows(
    st: &mut rusqlite::Statement<'_>,
    rows: &[(i64, &Found)],
    stamp: &Stamp,
) -> rusqlite::Result<()> {
    st.raw_bind_parameter(1, &stamp.at)?;
    st.raw_bind_parameter(2, &stamp.by)?;
    for (r, &(document_id, f)) in rows.iter().enumerate() {
        let new = NewDeadline::found(f);
        let b = 3 + 8 * r;
        st.raw_bind_parameter(b, document_id)?;
        st.raw_bind_parameter(b + 1, date::iso(new.due))?;
        st.raw_bind_parameter(b + 2, new.from.map(date::iso))?;
        st.raw_bind_parameter(b + 3, new.text)?;
        st.raw_bind_parameter(b + 4, new.offset.map(|o| o as i64))?;
        st.raw_bind_parameter(b + 5, units_json(new.units))?;
        st.raw_bind_parameter(b + 6, new.recurrence.map(Recurrence::key))?;
        st.raw_bind_parameter(b + 7, new.source)?;
    }
    st.raw_execute().map(|_| ())
}

/// The audit entry of [`record_found`] alone (none when nothing was found).
pub(crate) fn audit_found(
    tx: &Transaction<'_>,
    document_id: i64,
    found: &[Found],
    stamp: &Stamp,
) -> Result<()> {
    if found.is_empty() {
        return Ok(());
    }
    let days: Vec<String> = found.iter().map(|f| date::short(f.due)).collect();
    audit::append(
        tx,
        stamp,
        AuditAction::DeadlinesRead,
        Some(document_id),
        &days.join(", "),
    )
}

/// On the upgrade to schema 4: the deadlines of every document issued before, read from its
/// body as issuing does now, so the list is whole from the first start of the new version.
pub(crate) fn read_on_upgrade(tx: &Transaction<'_>, from_version: i64) -> Result<()> {
    if from_version == 0 || from_version >= 4 {
        return Ok(());
    }
    let stamp = Stamp {
        by: "VănThư (nâng cấp kho)".to_owned(),
        ..Stamp::now()
    };
    let issued: Vec<(i64, String, Option<String>)> = tx
        .prepare("SELECT id, body, date FROM documents WHERE status = 'issued' ORDER BY id")
        .and_then(|mut st| {
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .map_err(ArchiveError::sqlite("upgrade the archive"))?;
    for (id, body, day) in issued {
        let day = day.as_deref().and_then(|d| date::parse_iso(d).ok());
        let found = vanthu_model::deadline::extract(&body, day).deadlines;
        record_found(tx, id, &found, &stamp)?;
    }
    Ok(())
}
