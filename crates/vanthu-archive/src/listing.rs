//! Reading the archive as a whole: the archive table a page at a time, counts, the span of
//! years, the rows of the outgoing register, and every document in turn for an export.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use vanthu_model::Document;

use crate::error::{ArchiveError, Result};
use crate::rows::documents::{
    self, summary_columns, summary_from_row, DocumentSummary, Filter, TrashRule,
};
use crate::Archive;

impl Archive {
    /// The archive table, newest first (by document date, then by id).
    pub fn list(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<DocumentSummary>> {
        let clause = filter.clause("", TrashRule::Exact);
        let sql = format!(
            "SELECT {} FROM documents {}
             ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
            summary_columns(""),
            clause.where_sql()
        );
        let (limit, offset) = (limit as i64, offset as i64);
        let mut params = clause.params();
        params.push(&limit as &dyn ToSql);
        params.push(&offset as &dyn ToSql);
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(ArchiveError::sqlite("list documents"))?;
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
        each: impl FnMut(Document) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        documents::for_each(&self.conn, each)
    }

    /// The issued documents dated from `from` up to (not including) `to`, optionally of one
    /// issuer code, in number order: the rows of the outgoing register.
    pub fn issued_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        issuer: Option<&str>,
    ) -> Result<Vec<Document>> {
        documents::select(
            &self.conn,
            "WHERE status = 'issued' AND date >= ?1 AND date < ?2
               AND (?3 IS NULL OR issuer_code = ?3)
             ORDER BY number, date, id",
            rusqlite::params![
                vanthu_model::date::iso(from),
                vanthu_model::date::iso(to),
                issuer
            ],
            "read the register",
        )
    }

    /// How many documents match `filter`.
    pub fn count(&self, filter: &Filter) -> Result<u64> {
        let clause = filter.clause("", TrashRule::Exact);
        self.conn
            .query_row(
                &format!("SELECT count(*) FROM documents {}", clause.where_sql()),
                &*clause.params(),
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
