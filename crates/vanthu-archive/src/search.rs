//! Search as a clerk types: with or without diacritics, by a half-remembered phrase or by a
//! symbol (`82-KH/ĐU`).
//!
//! The index (FTS5, [`crate::rows::index`]) holds folded text cut into words by the same rules
//! that cut the query, so `sinh hoat chi bo mau`, `Đảng uỷ` and `Đảng ủy` all meet the same
//! words. A fourth column keeps the words with their marks; when the query has marks,
//! documents that hold them exactly come first. A query that is a document's symbol puts that
//! document first of all.
//!
//! Order: the document whose symbol was typed; then documents with the typed marks; then those
//! with every word in the title, then in the other fields (issuer, signer, recipients…); then
//! the newest. A broad query (`dang uy`) matches the whole archive, so only the most recently
//! stored [`RANK_WINDOW`] matches are ordered: finding them is a walk down the index, cheap at
//! any archive size, and the clerk narrows a broad query by typing one more word. (bm25 was
//! tried and dropped: its word statistics read every match of every word, 15 ms per query
//! at 100,000 documents, and clerks look for the title they remember, not term weights.)

use rusqlite::types::ToSql;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;
use vanthu_model::text;

use crate::error::{ArchiveError, Result};
use crate::rows::documents::{
    summary_columns, summary_from_row, DocumentSummary, Filter, TrashRule,
};
use crate::Archive;

/// How many of the newest matches are ranked.
pub const RANK_WINDOW: usize = 500;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchHit {
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// 2 when every word is in the title, plus 1 when every word is in the other fields
    /// (symbol, issuer, signer, recipients…); higher first, after symbol and exact-mark matches.
    #[ts(type = "number")]
    pub relevance: i64,
}

/// An FTS5 query that ANDs the words; the last one as a prefix while the clerk is still typing.
fn match_expr(words: &[String], last_is_prefix: bool) -> String {
    let n = words.len();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            // Words hold only letters and digits, so quoting them is always safe.
            if i + 1 == n && last_is_prefix && w.chars().count() >= 2 {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Archive {
    /// Documents matching `query`, best first, at most `limit`. No match is an empty list.
    /// A trailing `*` matches the last word as a prefix (`ke hoa*` finds `kế hoạch`).
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> Result<Vec<SearchHit>> {
        let words = text::folded_words(query);
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // A trailing `*` asks for the last word as a prefix (the search box while typing).
        let words_q = match_expr(&words, query.trim_end().ends_with('*'));
        let folded_q = format!("{{title body meta}} : ({words_q})");
        // Exact-diacritic ranking only matters when the clerk typed marks: then the marked
        // words must be there as typed, on top of the folded match.
        let lower = text::lower_exact(query);
        let marked: Vec<String> = lower
            .split(|c: char| !text::is_word_char(c))
            .filter(|w| !w.is_ascii())
            .map(str::to_owned)
            .collect();
        let exact_q = (!marked.is_empty())
            .then(|| format!("{folded_q} AND exact : ({})", match_expr(&marked, false)));
        // `documents.`: the FTS table has columns of its own (title, body).
        let clause = filter.clause("documents.", TrashRule::Exact);
        let filter_params = clause.params();
        let columns = summary_columns("documents.");

        // The document whose symbol this is, wherever it sits in the archive.
        let key = words.join(" ");
        let mut hits: Vec<SearchHit> = {
            let sql = format!(
                "SELECT {columns}, 3 FROM documents WHERE symbol_key = ? {}",
                clause.and_sql()
            );
            let mut params: Vec<&dyn ToSql> = vec![&key];
            params.extend(filter_params.iter().copied());
            self.hits(&sql, &params)?
        };

        // The oldest document of the ranking window: the RANK_WINDOW-th newest match.
        let window = filter.clause("documents.", TrashRule::LetIn);
        let window_sql = if window.is_empty() {
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?
             ORDER BY rowid DESC LIMIT 1 OFFSET ?"
                .to_owned()
        } else {
            format!(
                "SELECT documents.id FROM documents_fts
                 JOIN documents ON documents.id = documents_fts.rowid
                 WHERE documents_fts MATCH ? {} ORDER BY documents_fts.rowid DESC LIMIT 1 OFFSET ?",
                window.and_sql()
            )
        };
        let offset = (RANK_WINDOW - 1) as i64;
        let mut params: Vec<&dyn ToSql> = vec![&folded_q];
        params.extend(window.params());
        params.push(&offset);
        let floor: i64 = self
            .conn
            .prepare_cached(&window_sql)
            .and_then(|mut st| st.query_row(&*params, |r| r.get(0)).optional())
            .map_err(ArchiveError::sqlite("search"))?
            .unwrap_or(0);

        let in_column =
            "id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid >= ?)";
        let exact_hit = if exact_q.is_some() { in_column } else { "0" };
        let sql = format!(
            "SELECT {columns}, 2 * ({in_column}) + ({in_column}) AS relevance,
                {exact_hit} AS exact_hit
             FROM (SELECT rowid AS hit_id FROM documents_fts
                   WHERE documents_fts MATCH ? AND rowid >= ?) AS hits
             JOIN documents ON documents.id = hits.hit_id
             {}
             ORDER BY exact_hit DESC, relevance DESC, documents.date DESC, documents.id DESC
             LIMIT ?",
            clause.where_sql()
        );
        let fetch = (limit + hits.len()) as i64;
        let title_q = format!("title : ({words_q})");
        let meta_q = format!("meta : ({words_q})");
        let mut params: Vec<&dyn ToSql> = vec![&title_q, &floor, &meta_q, &floor];
        if let Some(q) = &exact_q {
            params.push(q);
            params.push(&floor);
        }
        params.push(&folded_q);
        params.push(&floor);
        params.extend(filter_params.iter().copied());
        params.push(&fetch);
        for hit in self.hits(&sql, &params)? {
            if !hits.iter().any(|h| h.summary.id == hit.summary.id) {
                hits.push(hit);
            }
        }
        hits.truncate(limit);
        Ok(hits)
    }

    /// Runs a query whose columns are the summary's, then the relevance.
    fn hits(&self, sql: &str, params: &[&dyn ToSql]) -> Result<Vec<SearchHit>> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(ArchiveError::sqlite("search"))?;
        let rows = stmt
            .query_map(params, |r| {
                Ok(SearchHit {
                    summary: summary_from_row(r)?,
                    relevance: r.get(9)?,
                })
            })
            .map_err(ArchiveError::sqlite("search"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("search"))
    }
}
