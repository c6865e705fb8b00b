//! The registers table (sổ văn bản đi): one number series per issuer, format and year or
//! committee term, and the next number and symbol a document takes in it.
//!
//! Registers are append-only in the database; a number is unique in its register (UNIQUE on
//! the documents table), so reading the next number and taking it happen in one transaction
//! holding the write lock.

use rusqlite::{Connection, OptionalExtension};
use vanthu_model::{numbering, Document, Problem, SeriesKey};

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
    let conventions = settings::conventions(conn)?;
    let mut numbered = doc.clone();
    numbered.number = Some(number);
    numbering::symbol(&numbered, &conventions).ok_or_else(|| {
        ArchiveError::Invalid(vec![Problem {
            path: "kind".to_owned(),
            message: "Loại văn bản không có trong thể thức đã chọn.".to_owned(),
        }])
    })
}
