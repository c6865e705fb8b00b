//! The documents table: a document as a row, its summary for the archive table, the filter
//! a list or a search is limited to, and the writes every operation on a document is made of.
//!
//! The rules that protect an issued document are the table's own (triggers, UNIQUE); this
//! module adds what SQL cannot say — a document is valid for its purpose — and turns the
//! table's refusals into errors a clerk can act on.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;
use vanthu_model::{
    text, validate, Document, Format, Issuer, Kind, Purpose, Recipient, Signature, Status,
};

use crate::error::{ArchiveError, Result};
use crate::rows::index::symbol_key;
use crate::stamp::Stamp;

/// Which documents a list or a search is limited to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub year: Option<i32>,
    pub status: Option<Status>,
    /// The issuer's code (`ĐU`).
    pub issuer: Option<String>,
    /// The deleted drafts instead of the archive.
    pub trash: bool,
}

/// A row of the archive table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DocumentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub status: Status,
    pub format: Format,
    pub kind: Option<Kind>,
    pub symbol: Option<String>,
    pub date: Option<NaiveDate>,
    pub title: String,
    pub signer: String,
    pub issuer_code: String,
}

/// What issuing gave a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Issued {
    #[ts(type = "number")]
    pub id: i64,
    pub number: u32,
    pub symbol: String,
}

const COLUMNS: &str = "id, status, format, kind, issuer_parent, issuer_name, issuer_code, number, \
     symbol, place, date, title, secrecy, urgency, body, recipients, archive, sig_authority, \
     sig_position, sig_name";

/// The columns [`summary_from_row`] reads, in its order.
const SUMMARY_FIELDS: [&str; 9] = [
    "id",
    "status",
    "format",
    "kind",
    "symbol",
    "date",
    "title",
    "sig_name",
    "issuer_code",
];

/// The summary's columns, each after `prefix` (`""`, or `d.` where the documents table is
/// joined under an alias).
pub(crate) fn summary_columns(prefix: &str) -> String {
    SUMMARY_FIELDS
        .iter()
        .map(|c| format!("{prefix}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a filter's clause keeps the deleted drafts out of the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TrashRule {
    /// The archive without the trash (or, for [`Filter::trash`], the trash alone).
    Exact,
    /// Without leaving the trash out: a handful of rows, harmless where only a bound is being
    /// found, and it spares a subquery.
    LetIn,
}

/// The conditions of a filter and their arguments. Only the active conditions are written, so
/// SQLite can use the date/kind/status indexes.
pub(crate) struct FilterClause {
    conds: Vec<String>,
    args: Vec<Box<dyn ToSql>>,
}

impl Filter {
    /// The filter as SQL conditions on the documents table, its columns after `prefix` (`""`,
    /// or `documents.` where another table in the query has a column of the same name).
    pub(crate) fn clause(&self, prefix: &str, trash: TrashRule) -> FilterClause {
        let mut conds = Vec::new();
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if self.trash {
            conds.push(format!("{prefix}id IN (SELECT document_id FROM trash)"));
        } else if trash == TrashRule::Exact {
            conds.push(format!("{prefix}id NOT IN (SELECT document_id FROM trash)"));
        }
        if let Some(kind) = self.kind {
            conds.push(format!("{prefix}kind = ?"));
            args.push(Box::new(kind.key()));
        }
        if let Some(status) = self.status {
            conds.push(format!("{prefix}status = ?"));
            args.push(Box::new(status.key()));
        }
        if let Some(year) = self.year {
            conds.push(format!("{prefix}date >= ? AND {prefix}date < ?"));
            args.push(Box::new(format!("{year:04}-01-01")));
            args.push(Box::new(format!("{:04}-01-01", year + 1)));
        }
        if let Some(code) = &self.issuer {
            conds.push(format!("{prefix}issuer_code = ?"));
            args.push(Box::new(text::one_line(code)));
        }
        FilterClause { conds, args }
    }
}

impl FilterClause {
    pub(crate) fn is_empty(&self) -> bool {
        self.conds.is_empty()
    }

    /// `WHERE …`, or nothing when no condition is active.
    pub(crate) fn where_sql(&self) -> String {
        self.joined("WHERE")
    }

    /// `AND …`, to follow conditions of the caller's own; nothing when none is active.
    pub(crate) fn and_sql(&self) -> String {
        self.joined("AND")
    }

    fn joined(&self, keyword: &str) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!("{keyword} {}", self.conds.join(" AND "))
        }
    }

    /// The arguments of the conditions, in their order.
    pub(crate) fn params(&self) -> Vec<&dyn ToSql> {
        self.args.iter().map(|b| b.as_ref()).collect()
    }
}

/// One document, with its id, status and symbol.
pub(crate) fn get(conn: &Connection, id: i64) -> Result<Document> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
        [id],
        document_from_row,
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the document"))?
    .ok_or(ArchiveError::NotFound(id))
}

/// Every document matching `where_sql` (which may use `?1`… for `args`), in its order.
pub(crate) fn select(
    conn: &Connection,
    where_sql: &str,
    args: impl rusqlite::Params,
    context: &'static str,
) -> Result<Vec<Document>> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM documents {where_sql}"))
        .map_err(ArchiveError::sqlite(context))?;
    let rows = stmt
        .query_map(args, document_from_row)
        .map_err(ArchiveError::sqlite(context))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(ArchiveError::sqlite(context))
}

/// Every document outside the trash, oldest first, handed one at a time to `each`.
pub(crate) fn for_each<E: From<ArchiveError>>(
    conn: &Connection,
    mut each: impl FnMut(Document) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM documents
             WHERE id NOT IN (SELECT document_id FROM trash) ORDER BY id"
        ))
        .map_err(ArchiveError::sqlite("read the documents"))?;
    let rows = stmt
        .query_map([], document_from_row)
        .map_err(ArchiveError::sqlite("read the documents"))?;
    for row in rows {
        each(row.map_err(ArchiveError::sqlite("read the documents"))?)?;
    }
    Ok(())
}

/// Writes a new document, issued under `register`'s `number` and `symbol` when given.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    doc: &Document,
    issued: Option<(i64, &str)>,
    stamp: &Stamp,
) -> Result<i64> {
    let (register_id, symbol) = issued.unzip();
    let fields = Fields::of(doc, 0);
    let mut params = fields.params(stamp);
    let status = doc.status.key();
    params.push((":status", &status as &dyn ToSql));
    params.push((":register_id", &register_id as &dyn ToSql));
    params.push((":number", &doc.number as &dyn ToSql));
    params.push((":symbol", &symbol as &dyn ToSql));
    let symbol_key = symbol.map(symbol_key);
    params.push((":symbol_key", &symbol_key as &dyn ToSql));
    let issued_at = register_id.map(|_| &stamp.at);
    params.push((":issued_at", &issued_at as &dyn ToSql));
    // Cached statements: a batch import runs these for every document.
    tx.prepare_cached(
        "INSERT INTO documents (status, format, kind, issuer_parent, issuer_name, issuer_code,
            register_id, number, symbol, symbol_key, place, date, title, secrecy, urgency, body, recipients,
            archive, sig_authority, sig_position, sig_name, created_at, updated_at, issued_at)
         VALUES (:status, :format, :kind, :issuer_parent, :issuer_name, :issuer_code,
            :register_id, :number, :symbol, :symbol_key, :place, :date, :title, :secrecy, :urgency, :body,
            :recipients, :archive, :sig_authority, :sig_position, :sig_name, :at, :at, :issued_at)",
    )
    .and_then(|mut st| st.execute(&*params))
    .map_err(|e| duplicate_or(e, symbol.unwrap_or(""), "save the document"))?;
    Ok(tx.last_insert_rowid())
}

/// Replaces the editable fields of the draft `id`.
pub(crate) fn update_draft(
    tx: &Transaction<'_>,
    id: i64,
    doc: &Document,
    stamp: &Stamp,
) -> Result<()> {
    tx.execute(
        "UPDATE documents SET format = :format, kind = :kind, issuer_parent = :issuer_parent,
            issuer_name = :issuer_name, issuer_code = :issuer_code, place = :place,
            date = :date, title = :title, secrecy = :secrecy, urgency = :urgency,
            body = :body, recipients = :recipients, archive = :archive,
            sig_authority = :sig_authority, sig_position = :sig_position,
            sig_name = :sig_name, updated_at = :at
         WHERE id = :id",
        &*Fields::of(doc, id).params(stamp),
    )
    .map_err(ArchiveError::sqlite("save the draft"))?;
    Ok(())
}

/// Turns the draft `id` into the issued document `number` of `register_id`; from here on the
/// table refuses to change it.
pub(crate) fn mark_issued(
    tx: &Transaction<'_>,
    id: i64,
    register_id: i64,
    number: u32,
    symbol: &str,
    stamp: &Stamp,
) -> Result<()> {
    tx.execute(
        "UPDATE documents SET status = 'issued', number = ?1, register_id = ?2, symbol = ?3,
            symbol_key = ?4, issued_at = ?5, updated_at = ?5
         WHERE id = ?6 AND status = 'draft'",
        rusqlite::params![
            number,
            register_id,
            symbol,
            symbol_key(symbol),
            stamp.at,
            id
        ],
    )
    .map_err(|e| duplicate_or(e, symbol, "issue the document"))?;
    Ok(())
}

/// Validation for `purpose`, as an error listing every problem.
pub(crate) fn check(doc: &Document, purpose: Purpose) -> Result<()> {
    let problems = validate(doc, purpose);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ArchiveError::Invalid(problems))
    }
}

/// The refusal to change an issued document.
pub(crate) fn immutable(doc: &Document) -> ArchiveError {
    ArchiveError::Immutable {
        id: doc.id.unwrap_or_default(),
        symbol: doc.symbol.clone().unwrap_or_default(),
    }
}

fn duplicate_or(e: rusqlite::Error, symbol: &str, context: &'static str) -> ArchiveError {
    let unique = matches!(
        &e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    );
    if unique {
        ArchiveError::DuplicateNumber {
            symbol: symbol.to_owned(),
        }
    } else {
        ArchiveError::Sqlite { context, source: e }
    }
}

/// Text stored by this program always maps back; anything else is reported as a conversion
/// error by rusqlite rather than guessed at.
fn enum_col<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<Option<T>> {
    let raw: Option<String> = row.get(idx)?;
    raw.map(|s| {
        serde_json::from_value(serde_json::Value::String(s)).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn date_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let raw: Option<String> = row.get(idx)?;
    raw.map(|s| {
        vanthu_model::date::parse_iso(&s).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn document_from_row(r: &Row<'_>) -> rusqlite::Result<Document> {
    let recipients: String = r.get(15)?;
    let recipients: Vec<Recipient> = serde_json::from_str(&recipients).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(15, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(Document {
        id: Some(r.get(0)?),
        status: enum_col(r, 1)?.unwrap_or_default(),
        format: enum_col(r, 2)?.unwrap_or_default(),
        kind: enum_col(r, 3)?,
        issuer: Issuer {
            parent: r.get(4)?,
            name: r.get(5)?,
            code: r.get(6)?,
        },
        number: r.get(7)?,
        symbol: r.get(8)?,
        place: r.get(9)?,
        date: date_col(r, 10)?,
        title: r.get(11)?,
        secrecy: enum_col(r, 12)?,
        urgency: enum_col(r, 13)?,
        body: r.get(14)?,
        recipients,
        archive: r.get(16)?,
        signature: Signature {
            authority: r.get(17)?,
            position: r.get(18)?,
            name: r.get(19)?,
        },
    })
}

pub(crate) fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<DocumentSummary> {
    Ok(DocumentSummary {
        id: r.get(0)?,
        status: enum_col(r, 1)?.unwrap_or_default(),
        format: enum_col(r, 2)?.unwrap_or_default(),
        kind: enum_col(r, 3)?,
        symbol: r.get(4)?,
        date: date_col(r, 5)?,
        title: r.get(6)?,
        signer: r.get(7)?,
        issuer_code: r.get(8)?,
    })
}

/// The editable fields of a document as SQL values.
struct Fields<'a> {
    id: i64,
    format: &'static str,
    kind: Option<&'static str>,
    date: Option<String>,
    secrecy: Option<String>,
    urgency: Option<String>,
    recipients: String,
    doc: &'a Document,
}

impl<'a> Fields<'a> {
    fn of(doc: &'a Document, id: i64) -> Fields<'a> {
        Fields {
            id,
            format: doc.format.key(),
            kind: doc.kind.map(Kind::key),
            date: doc.date.map(vanthu_model::date::iso),
            secrecy: doc.secrecy.as_ref().map(enum_key),
            urgency: doc.urgency.as_ref().map(enum_key),
            recipients: serde_json::to_string(&doc.recipients).expect("recipients serialise"),
            doc,
        }
    }

    fn params<'b>(&'b self, stamp: &'b Stamp) -> Vec<(&'b str, &'b dyn ToSql)> {
        let d = self.doc;
        let mut p: Vec<(&str, &dyn ToSql)> = vec![
            (":format", &self.format as &dyn ToSql),
            (":kind", &self.kind as &dyn ToSql),
            (":issuer_parent", &d.issuer.parent as &dyn ToSql),
            (":issuer_name", &d.issuer.name as &dyn ToSql),
            (":issuer_code", &d.issuer.code as &dyn ToSql),
            (":place", &d.place as &dyn ToSql),
            (":date", &self.date as &dyn ToSql),
            (":title", &d.title as &dyn ToSql),
            (":secrecy", &self.secrecy as &dyn ToSql),
            (":urgency", &self.urgency as &dyn ToSql),
            (":body", &d.body as &dyn ToSql),
            (":recipients", &self.recipients as &dyn ToSql),
            (":archive", &d.archive as &dyn ToSql),
            (":sig_authority", &d.signature.authority as &dyn ToSql),
            (":sig_position", &d.signature.position as &dyn ToSql),
            (":sig_name", &d.signature.name as &dyn ToSql),
            (":at", &stamp.at as &dyn ToSql),
        ];
        if self.id != 0 {
            p.push((":id", &self.id));
        }
        p
    }
}

/// The snake-case key of a small enum, as serde writes it (`toi_mat`).
fn enum_key<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use vanthu_model::Kind;

    use super::{Filter, TrashRule};

    #[test]
    fn a_filter_writes_only_its_active_conditions_with_the_prefix_asked_for() {
        let none = Filter::default().clause("", TrashRule::LetIn);
        assert!(none.is_empty());
        assert_eq!(
            (none.where_sql(), none.and_sql()),
            (String::new(), String::new())
        );

        let filter = Filter {
            kind: Some(Kind::KeHoach),
            year: Some(2024),
            ..Filter::default()
        };
        let clause = filter.clause("d.", TrashRule::Exact);
        assert_eq!(
            clause.where_sql(),
            "WHERE d.id NOT IN (SELECT document_id FROM trash) AND d.kind = ? \
             AND d.date >= ? AND d.date < ?"
        );
        assert!(clause.and_sql().starts_with("AND d.id NOT IN"));
        assert_eq!(clause.params().len(), 3);
        let bound = filter.clause("", TrashRule::LetIn);
        assert_eq!(
            bound.where_sql(),
            "WHERE kind = ? AND date >= ? AND date < ?"
        );

        let trash = Filter {
            trash: true,
            ..Filter::default()
        };
        assert_eq!(
            trash.clause("", TrashRule::LetIn).where_sql(),
            "WHERE id IN (SELECT document_id FROM trash)",
            "the trash view is the trash whatever the rule"
        );
    }
}
