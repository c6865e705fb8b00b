//! Search as a clerk types: with or without diacritics, by a half-remembered phrase or by a
//! symbol (`82-KH/ĐU`).
//!
//! The index (FTS5) holds folded text — lowercase, no marks, đ → d — cut into words by the same
//! function that cuts the query ([`vanthu_model::text::folded_words`]), so `sinh hoat chi bo mau`,
//! `Đảng uỷ` and `Đảng ủy` all meet the same words. A fourth column keeps the text with its
//! marks; when the query has marks, documents that match them exactly come first. A query that
//! is a document's symbol puts that document first of all.

use rusqlite::functions::FunctionFlags;
use rusqlite::types::ToSql;
use rusqlite::Connection;
use serde::Serialize;
use vanthu_model::{text, Document};

use crate::documents::{filter_sql, summary_from_row, DocumentSummary, Filter, SUMMARY_COLUMNS};
use crate::error::{ArchiveError, Result};
use crate::Archive;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// FTS5's bm25 (lower is better), for the curious; the order already accounts for it.
    pub score: f64,
}

/// SQL functions the schema and queries rely on.
pub(crate) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "vanthu_words",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| text::folded_words(&s).join(" ")))
        },
    )
}

/// (Re)indexes one document inside the caller's transaction.
pub(crate) fn index_tx(conn: &Connection, id: i64, doc: &Document, replace: bool) -> Result<()> {
    if replace {
        conn.execute("DELETE FROM documents_fts WHERE rowid = ?1", [id])
            .map_err(ArchiveError::sqlite("update the search index"))?;
    }
    let meta = meta_text(doc);
    let folded = |s: &str| text::folded_words(s).join(" ");
    let exact = text::lower_exact(&format!("{}\n{}\n{}", doc.title, meta, doc.body));
    conn.execute(
        "INSERT INTO documents_fts (rowid, title, body, meta, exact) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![
            id,
            folded(&doc.title),
            folded(&doc.body),
            folded(&meta),
            exact
        ],
    )
    .map_err(ArchiveError::sqlite("update the search index"))?;
    Ok(())
}

/// Everything about a document other than its title and body that a clerk may search by.
fn meta_text(doc: &Document) -> String {
    let mut parts: Vec<&str> = vec![
        doc.symbol.as_deref().unwrap_or(""),
        &doc.issuer.parent,
        &doc.issuer.name,
        &doc.issuer.code,
        &doc.signature.authority,
        &doc.signature.position,
        &doc.signature.name,
        &doc.place,
        &doc.archive,
        doc.kind.map_or("", |k| k.name()),
    ];
    for r in &doc.recipients {
        parts.push(&r.name);
        parts.push(&r.note);
    }
    parts.retain(|p| !p.is_empty());
    parts.join("\n")
}

/// An FTS5 query that ANDs the words; the last one as a prefix while the clerk is still typing.
fn match_expr(columns: &str, words: &[String], last_is_prefix: bool) -> String {
    let n = words.len();
    let terms: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            // Words hold only letters and digits, so quoting is always safe.
            if i + 1 == n && last_is_prefix && w.chars().count() >= 2 {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect();
    format!("{columns} : ({})", terms.join(" "))
}

impl Archive {
    /// Documents matching `query`, best first, at most `limit`. No match is an empty list.
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> Result<Vec<SearchHit>> {
        let words = text::folded_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let still_typing = !query.ends_with(char::is_whitespace);
        let folded_q = match_expr("{title body meta}", &words, still_typing);
        // Exact-diacritic ranking only matters when the clerk typed marks.
        let lower = text::lower_exact(query);
        let exact_q = (text::fold(query) != lower).then(|| {
            let exact_words: Vec<String> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            match_expr("exact", &exact_words, false)
        });
        let symbol_q = words.join(" ");

        let (cond, filter_args) = filter_sql(filter);
        let exact_hit = if exact_q.is_some() {
            "id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
        } else {
            "0"
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, hits.score,
                vanthu_words(symbol) IS ? AS symbol_hit,
                {exact_hit} AS exact_hit
             FROM (SELECT rowid AS hit_id, bm25(documents_fts, 10.0, 1.0, 5.0, 0.0) AS score
                   FROM documents_fts WHERE documents_fts MATCH ?) AS hits
             JOIN documents ON documents.id = hits.hit_id
             {cond}
             ORDER BY symbol_hit DESC, exact_hit DESC, hits.score ASC, id DESC
             LIMIT ?"
        );
        let limit = limit as i64;
        let mut params: Vec<&dyn ToSql> = vec![&symbol_q];
        if let Some(q) = &exact_q {
            params.push(q);
        }
        params.push(&folded_q);
        params.extend(filter_args.iter().map(|b| b.as_ref()));
        params.push(&limit);
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(ArchiveError::sqlite("search"))?;
        let rows = stmt
            .query_map(&*params, |r| {
                Ok(SearchHit {
                    summary: summary_from_row(r)?,
                    score: r.get(9)?,
                })
            })
            .map_err(ArchiveError::sqlite("search"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("search"))
    }
}
