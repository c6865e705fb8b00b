//! The documents table: drafts, issued documents, and the register that numbers them.
//!
//! A draft changes freely. Issuing validates the whole document, takes the next number of its
//! series and locks the row, all in one `BEGIN IMMEDIATE` transaction: the number is either
//! taken together with the lock or not at all, and a concurrent issuer waits instead of
//! reading the same "last number". A historical document that arrives with its number (an
//! import of last year's plan) is recorded as issued under that number, and its series carries
//! on after the highest number used.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;
use vanthu_model::{
    numbering, text, validate, Document, Format, Issuer, Kind, Problem, Purpose, Recipient,
    SeriesKey, Signature, Status,
};

use crate::error::{ArchiveError, Result};
use crate::{audit, conventions_tx, search, Archive, Stamp};

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

pub(crate) const SUMMARY_COLUMNS: &str =
    "id, status, format, kind, symbol, date, title, sig_name, issuer_code";

impl Archive {
    /// Stores a new document: a draft, or — when its status is `issued` — a historical
    /// document recorded under the number it carries. Returns its id.
    pub fn create(&mut self, doc: &Document, stamp: &Stamp) -> Result<i64> {
        let prepared = prepare(doc)?;
        let tx = self.write_tx("save the document")?;
        let id = insert_tx(&tx, prepared, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the document"))?;
        Ok(id)
    }

    /// Stores several documents in one transaction: all of them, or — on the first problem —
    /// none, so a batch import never leaves half a folder in the archive. The next documents
    /// are checked and folded on a second thread while this one writes.
    pub fn create_all(&mut self, docs: &[Document], stamp: &Stamp) -> Result<Vec<i64>> {
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(64);
            scope.spawn(move || {
                for doc in docs {
                    // The writer stops reading at its first error; then so does this.
                    if send.send(prepare(doc)).is_err() {
                        break;
                    }
                }
            });
            let tx = self.write_tx("import documents")?;
            let ids = receive
                .into_iter()
                .map(|prepared| insert_tx(&tx, prepared?, stamp))
                .collect::<Result<Vec<_>>>()?;
            tx.commit()
                .map_err(ArchiveError::sqlite("import documents"))?;
            Ok(ids)
        })
    }

    /// Replaces the fields of a draft. Issued documents are refused.
    pub fn update_draft(&mut self, id: i64, doc: &Document, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("save the draft")?;
        let current = get_tx(&tx, id)?;
        if current.status == Status::Issued {
            return Err(immutable(&current));
        }
        if crate::care::in_trash(&tx, id)? {
            return Err(ArchiveError::InTrash(id));
        }
        let mut doc = doc.clone();
        doc.normalize();
        if doc.number.is_some() || doc.status == Status::Issued {
            return Err(ArchiveError::DraftWithNumber);
        }
        check(&doc, Purpose::Draft)?;
        tx.execute(
            "UPDATE documents SET format = :format, kind = :kind, issuer_parent = :issuer_parent,
                issuer_name = :issuer_name, issuer_code = :issuer_code, place = :place,
                date = :date, title = :title, secrecy = :secrecy, urgency = :urgency,
                body = :body, recipients = :recipients, archive = :archive,
                sig_authority = :sig_authority, sig_position = :sig_position,
                sig_name = :sig_name, updated_at = :at
             WHERE id = :id",
            &*Fields::of(&doc, id).params(stamp),
        )
        .map_err(ArchiveError::sqlite("save the draft"))?;
        search::index_tx(&tx, id, &doc, true)?;
        audit::append(&tx, stamp, "edit", Some(id), &doc.title)?;
        tx.commit().map_err(ArchiveError::sqlite("save the draft"))
    }

    /// One document, with its id, status and symbol.
    pub fn get(&self, id: i64) -> Result<Document> {
        get_tx(&self.conn, id)
    }

    /// The number and symbol a draft would take if issued now (for the confirmation), without
    /// taking it. Fails as issuing would (incomplete draft, already issued).
    pub fn next_number(&self, id: i64, stamp: &Stamp) -> Result<Issued> {
        let doc = get_tx(&self.conn, id)?;
        if doc.status == Status::Issued {
            return Err(immutable(&doc));
        }
        check(&doc, Purpose::Issue)?;
        let (register_id, _) = register_for(&self.conn, &doc, stamp, false)?;
        let number = next_in(&self.conn, register_id)?;
        Ok(Issued {
            id,
            number,
            symbol: symbol_for(&self.conn, &doc, number)?,
        })
    }

    /// Issues a draft: validates it complete, gives it the next number of its series and
    /// locks it. Returns the number and symbol it took.
    pub fn issue(&mut self, id: i64, stamp: &Stamp) -> Result<Issued> {
        let tx = self.write_tx("issue the document")?;
        let issued = issue_tx(&tx, id, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("issue the document"))?;
        Ok(issued)
    }

    /// The archive table, newest first (by document date, then by id).
    pub fn list(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<DocumentSummary>> {
        let (cond, mut args) = filter_sql(filter);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM documents {cond}
             ORDER BY date DESC, id DESC LIMIT ? OFFSET ?"
        );
        args.push(Box::new(limit as i64));
        args.push(Box::new(offset as i64));
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(ArchiveError::sqlite("list documents"))?;
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let rows = stmt
            .query_map(&*params, summary_from_row)
            .map_err(ArchiveError::sqlite("list documents"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("list documents"))
    }

    /// Every document outside the trash, oldest first, handed one at a time to `each` so that
    /// an export of 100,000 documents never holds them all in memory.
    pub fn for_each_document<E: From<ArchiveError>>(
        &self,
        mut each: impl FnMut(Document) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
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

    /// The issued documents dated from `from` up to (not including) `to`, optionally of one
    /// issuer code, in number order: the rows of the outgoing register.
    pub fn issued_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        issuer: Option<&str>,
    ) -> Result<Vec<Document>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM documents
                 WHERE status = 'issued' AND date >= ?1 AND date < ?2
                   AND (?3 IS NULL OR issuer_code = ?3)
                 ORDER BY number, date, id"
            ))
            .map_err(ArchiveError::sqlite("read the register"))?;
        let rows = stmt
            .query_map(
                rusqlite::params![
                    vanthu_model::date::iso(from),
                    vanthu_model::date::iso(to),
                    issuer
                ],
                document_from_row,
            )
            .map_err(ArchiveError::sqlite("read the register"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read the register"))
    }

    /// How many documents match `filter`.
    pub fn count(&self, filter: &Filter) -> Result<u64> {
        let (cond, args) = filter_sql(filter);
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        self.conn
            .query_row(
                &format!("SELECT count(*) FROM documents {cond}"),
                &*params,
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as u64)
            .map_err(ArchiveError::sqlite("count documents"))
    }

    /// The years of the oldest and the newest dated document, if any is dated (two index
    /// lookups, whatever the size of the archive).
    pub fn year_span(&self) -> Result<Option<(i32, i32)>> {
        let year = |sql: &str| -> Result<Option<i32>> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
                .map(|d| d.and_then(|d| d.get(..4).and_then(|y| y.parse().ok())))
                .map_err(ArchiveError::sqlite("read the years"))
        };
        let first = year("SELECT min(date) FROM documents WHERE date IS NOT NULL")?;
        let last = year("SELECT max(date) FROM documents WHERE date IS NOT NULL")?;
        Ok(first.zip(last))
    }
}

/// Issues inside the caller's transaction (which must hold the write lock).
pub(crate) fn issue_tx(tx: &Transaction<'_>, id: i64, stamp: &Stamp) -> Result<Issued> {
    let mut doc = get_tx(tx, id)?;
    if doc.status == Status::Issued {
        return Err(immutable(&doc));
    }
    if crate::care::in_trash(tx, id)? {
        return Err(ArchiveError::InTrash(id));
    }
    check(&doc, Purpose::Issue)?;
    let (register_id, _) = register_for(tx, &doc, stamp, true)?;
    let number = next_in(tx, register_id)?;
    let symbol = symbol_for(tx, &doc, number)?;
    tx.execute(
        "UPDATE documents SET status = 'issued', number = ?1, register_id = ?2, symbol = ?3,
            symbol_key = ?4, issued_at = ?5, updated_at = ?5
         WHERE id = ?6 AND status = 'draft'",
        rusqlite::params![
            number,
            register_id,
            symbol,
            search::symbol_key(&symbol),
            stamp.at,
            id
        ],
    )
    .map_err(|e| duplicate_or(e, &symbol, "issue the document"))?;
    doc.number = Some(number);
    doc.symbol = Some(symbol.clone());
    doc.status = Status::Issued;
    search::index_tx(tx, id, &doc, true)?;
    audit::append(tx, stamp, "issue", Some(id), &symbol)?;
    Ok(Issued { id, number, symbol })
}

/// The WHERE clause of a filter and its arguments. Only the active conditions are written, so
/// SQLite can use the date/kind/status indexes.
pub(crate) fn filter_sql(filter: &Filter) -> (String, Vec<Box<dyn ToSql>>) {
    filter_sql_with(filter, true)
}

/// [`filter_sql`], optionally without leaving the trash out (a handful of rows: harmless where
/// only a bound is being found, and it spares a join).
pub(crate) fn filter_sql_with(filter: &Filter, trash_rule: bool) -> (String, Vec<Box<dyn ToSql>>) {
    let mut conds = Vec::new();
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    if filter.trash {
        conds.push("id IN (SELECT document_id FROM trash)");
    } else if trash_rule {
        conds.push("id NOT IN (SELECT document_id FROM trash)");
    }
    if let Some(kind) = filter.kind {
        conds.push("kind = ?");
        args.push(Box::new(kind.key()));
    }
    if let Some(status) = filter.status {
        conds.push("status = ?");
        args.push(Box::new(status.key()));
    }
    if let Some(year) = filter.year {
        conds.push("date >= ? AND date < ?");
        args.push(Box::new(format!("{year:04}-01-01")));
        args.push(Box::new(format!("{:04}-01-01", year + 1)));
    }
    if let Some(code) = &filter.issuer {
        conds.push("issuer_code = ?");
        args.push(Box::new(text::one_line(code)));
    }
    let cond = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    (cond, args)
}

/// A new document checked and folded, ready to be written.
struct Prepared {
    doc: Document,
    index: search::IndexText,
}

/// Everything about storing a new document that needs no database: NFC, the checks, folding.
fn prepare(doc: &Document) -> Result<Prepared> {
    let mut doc = doc.clone();
    doc.normalize();
    match doc.status {
        Status::Draft if doc.number.is_some() => return Err(ArchiveError::DraftWithNumber),
        Status::Draft => check(&doc, Purpose::Draft)?,
        Status::Issued => check_record(&doc)?,
    }
    doc.symbol = None;
    let index = search::IndexText::of(&doc);
    Ok(Prepared { doc, index })
}

fn insert_tx(tx: &Transaction<'_>, prepared: Prepared, stamp: &Stamp) -> Result<i64> {
    let Prepared { mut doc, mut index } = prepared;
    let (register_id, symbol) = match (doc.status, doc.number) {
        (Status::Issued, Some(number)) => {
            let (register_id, _) = register_for(tx, &doc, stamp, true)?;
            (Some(register_id), Some(symbol_for(tx, &doc, number)?))
        }
        _ => (None, None),
    };
    let fields = Fields::of(&doc, 0);
    let mut params = fields.params(stamp);
    let status = doc.status.key();
    params.push((":status", &status as &dyn ToSql));
    params.push((":register_id", &register_id as &dyn ToSql));
    params.push((":number", &doc.number as &dyn ToSql));
    params.push((":symbol", &symbol as &dyn ToSql));
    let symbol_key = symbol.as_deref().map(search::symbol_key);
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
    .map_err(|e| duplicate_or(e, symbol.as_deref().unwrap_or(""), "save the document"))?;
    let id = tx.last_insert_rowid();
    if let Some(s) = &symbol {
        index.add_symbol(s);
    }
    doc.symbol = symbol.clone();
    search::write_index(tx, id, &index, false)?;
    let (action, detail) = match &symbol {
        Some(s) => ("record", s.as_str()),
        None => ("create", doc.title.as_str()),
    };
    audit::append(tx, stamp, action, Some(id), detail)?;
    Ok(id)
}

/// Validation for `purpose`, as an error listing every problem.
fn check(doc: &Document, purpose: Purpose) -> Result<()> {
    let problems = validate(doc, purpose);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ArchiveError::Invalid(problems))
    }
}

/// A historical record needs only what its symbol is made of; the rest may be missing, as it is
/// missing on the paper it came from.
fn check_record(doc: &Document) -> Result<()> {
    let mut problems = validate(doc, Purpose::Draft);
    let need = |path: &str, message: &str| Problem {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    if doc.number.is_none() {
        problems.push(need("number", "Văn bản đã ban hành phải có số."));
    }
    if doc.kind.is_none() {
        problems.push(need(
            "kind",
            "Chưa rõ loại văn bản nên không ghi được vào sổ.",
        ));
    }
    if doc.issuer.code.is_empty() {
        problems.push(need(
            "issuer.code",
            "Chưa rõ ký hiệu cơ quan ban hành nên không ghi được vào sổ.",
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ArchiveError::Invalid(problems))
    }
}

fn immutable(doc: &Document) -> ArchiveError {
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

/// The register (number series) of a document, created on first use when `create` is set.
/// Returns its id (0 when it does not exist yet and was not created) and its key.
fn register_for(
    conn: &Connection,
    doc: &Document,
    stamp: &Stamp,
    create: bool,
) -> Result<(i64, String)> {
    let term_start: Option<String> = conn
        .prepare_cached(
            "SELECT term_start FROM issuer_profiles
             WHERE format = ?1 AND code = ?2 AND term_start IS NOT NULL
             ORDER BY name = ?3 DESC, term_start DESC LIMIT 1",
        )
        .and_then(|mut st| {
            st.query_row(
                rusqlite::params![doc.format.key(), doc.issuer.code, doc.issuer.name],
                |r| r.get(0),
            )
            .optional()
        })
        .map_err(ArchiveError::sqlite("find the register"))?;
    let term_start = term_start.and_then(|s| vanthu_model::date::parse_iso(&s).ok());
    let series = SeriesKey::for_document(doc, term_start, stamp.day());
    let key = series.key();
    if create {
        conn.prepare_cached(
            "INSERT INTO registers (series, description) VALUES (?1, ?2)
             ON CONFLICT (series) DO NOTHING",
        )
        .and_then(|mut st| st.execute([&key, &series.describe_vi()]))
        .map_err(ArchiveError::sqlite("open the register"))?;
    }
    let id = conn
        .prepare_cached("SELECT id FROM registers WHERE series = ?1")
        .and_then(|mut st| st.query_row([&key], |r| r.get(0)).optional())
        .map_err(ArchiveError::sqlite("find the register"))?
        .unwrap_or(0);
    Ok((id, key))
}

/// The next number of a register: one after the highest used (not the count: a historical
/// record may have started the series at 82).
fn next_in(conn: &Connection, register_id: i64) -> Result<u32> {
    conn.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM documents WHERE register_id = ?1",
        [register_id],
        |r| r.get(0),
    )
    .map_err(ArchiveError::sqlite("read the register"))
}

fn symbol_for(conn: &Connection, doc: &Document, number: u32) -> Result<String> {
    let conventions = conventions_tx(conn)?;
    let mut numbered = doc.clone();
    numbered.number = Some(number);
    numbering::symbol(&numbered, &conventions).ok_or_else(|| {
        ArchiveError::Invalid(vec![Problem {
            path: "kind".to_owned(),
            message: "Loại văn bản không có trong thể thức đã chọn.".to_owned(),
        }])
    })
}

pub(crate) fn get_tx(conn: &Connection, id: i64) -> Result<Document> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
        [id],
        document_from_row,
    )
    .optional()
    .map_err(ArchiveError::sqlite("read the document"))?
    .ok_or(ArchiveError::NotFound(id))
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
