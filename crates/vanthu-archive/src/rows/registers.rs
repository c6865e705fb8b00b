//! The registers table (sổ văn bản đi): one number series per issuer, format and year or
//! committee term, and the next number and symbol a document takes in it.
//!
//! Registers are append-only in the database; a number is unique in its register (UNIQUE on
//! the documents table), so reading the next number and taking it happen in one transaction
//! holding the write lock.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use vanthu_model::{numbering, Conventions, Document, Problem, SeriesKey};

use crate::error::{ArchiveError, Result};
use crate::rows::settings;
use crate::stamp::Stamp;

/// The register (number series) of a document, created on first use when `create` is set.
/// Returns its id (0 when it does not exist yet and was not created) and its key.
pub(crate) fn register_for(
    conn: &Connection,
    doc: &Document,
    stamp: &Stamp,
    create: bool,
) -> Result<(i64, String)> {
    let series = SeriesKey::for_document(doc, term_start(conn, doc)?, stamp.day());
    let key = series.key();
    Ok((open(conn, &series, &key, create)?, key))
}

/// The start of the committee term of the document's issuer, when its profile gives one.
fn term_start(conn: &Connection, doc: &Document) -> Result<Option<NaiveDate>> {
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
    Ok(term_start.and_then(|s| vanthu_model::date::parse_iso(&s).ok()))
}

/// The id of the register `key` (of `series`), created when `create` is set; 0 when it does
/// not exist and was not created.
fn open(conn: &Connection, series: &SeriesKey, key: &str, create: bool) -> Result<i64> {
    if create {
        conn.prepare_cached(
            "INSERT INTO registers (series, description) VALUES (?1, ?2)
             ON CONFLICT (series) DO NOTHING",
        )
        .and_then(|mut st| st.execute([key, &series.describe_vi()]))
        .map_err(ArchiveError::sqlite("open the register"))?;
    }
    Ok(conn
        .prepare_cached("SELECT id FROM registers WHERE series = ?1")
        .and_then(|mut st| st.query_row([key], |r| r.get(0)).optional())
        .map_err(ArchiveError::sqlite("find the register"))?
        .unwrap_or(0))
}

/// What recording a batch of historical documents reads from the registers, the issuer
/// profiles and the settings, read once per batch rather than once per document: inside the
/// batch's transaction nothing else changes them, and the lookups were a tenth of the time
/// the writing thread spent on a batch.
#[derive(Default)]
pub(crate) struct BatchLookups {
    /// The term start of each issuer met.
    term_starts: Vec<(IssuerKey, Option<NaiveDate>)>,
    /// The id of each register met, by series key.
    registers: HashMap<String, i64>,
    conventions: Option<Conventions>,
}

/// An issuer as its register's term is looked up: format, code, name.
type IssuerKey = (&'static str, String, String);

impl BatchLookups {
    /// [`register_for`] with `create` set, and only the id.
    pub(crate) fn register_for(
        &mut self,
        conn: &Connection,
        doc: &Document,
        stamp: &Stamp,
    ) -> Result<i64> {
        let issuer = (doc.format.key(), &doc.issuer.code, &doc.issuer.name);
        let known = self
            .term_starts
            .iter()
            .find(|((f, c, n), _)| (*f, c, n) == issuer)
            .map(|(_, t)| *t);
        let term_start = match known {
            Some(t) => t,
            None => {
                let t = term_start(conn, doc)?;
                let (f, c, n) = issuer;
                self.term_starts.push(((f, c.clone(), n.clone()), t));
                t
            }
        };
        let series = SeriesKey::for_document(doc, term_start, stamp.day());
        let key = series.key();
        if let Some(&id) = self.registers.get(&key) {
            return Ok(id);
        }
        let id = open(conn, &series, &key, true)?;
        self.registers.insert(key, id);
        Ok(id)
    }

    /// [`symbol_for`], the conventions read once.
    pub(crate) fn symbol_for(
        &mut self,
        conn: &Connection,
        doc: &Document,
        number: u32,
    ) -> Result<String> {
        if self.conventions.is_none() {
            self.conventions = Some(settings::conventions(conn)?);
        }
        symbol_with(doc, number, self.conventions.as_ref().expect("read above"))
    }
}

/// The next number of a register: one after the highest used (not the count: a historical
/// record may have started the series at 82).
pub(crate) fn next_in(conn: &Connection, register_id: i64) -> Result<u32> {
    conn.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM documents WHERE register_id = ?1",
        [register_id],
        |r| r.get(0),
    )
    .map_err(ArchiveError::sqlite("read the register"))
}

/// The symbol `doc` has as number `number`, by the office's conventions.
pub(crate) fn symbol_for(conn: &Connection, doc: &Document, number: u32) -> Result<String> {
    symbol_with(doc, number, &settings::conventions(conn)?)
}

fn symbol_with(doc: &Document, number: u32, conventions: &Conventions) -> Result<String> {
    let symbol = if doc.number == Some(number) {
        numbering::symbol(doc, conventions)
    } else {
        let mut numbered = doc.clone();
        numbered.number = Some(number);
        numbering::symbol(&numbered, conventions)
    };
    symbol.ok_or_else(|| {
        ArchiveError::Invalid(vec![Problem {
            path: "kind".to_owned(),
            message: "Loại văn bản không có trong thể thức đã chọn.".to_owned(),
        }])
    })
}
