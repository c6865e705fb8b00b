//! Search as a clerk types: with or without diacritics, by a half-remembered phrase or by a
//! symbol (`82-KH/ĐU`).
//!
//! The index (FTS5) holds folded text — lowercase, no marks, đ → d — cut into words by the same
//! rules that cut the query ([`vanthu_model::text`]), so `sinh hoat chi bo mau`, `Đảng uỷ` and
//! `Đảng ủy` all meet the same words. A fourth column keeps the words with their marks; when
//! the query has marks, documents that hold them exactly come first. A query that is a
//! document's symbol puts that document first of all.
//!
//! Order: the document whose symbol was typed; then documents with the typed marks; then those
//! with every word in the title, then in the other fields (issuer, signer, recipients…); then
//! the newest. A broad query (`dang uy`) matches the whole archive, so only the most recently
//! stored [`RANK_WINDOW`] matches are ordered: finding them is a walk down the index, cheap at
//! any archive size, and the clerk narrows a broad query by typing one more word. (bm25 was
//! tried and dropped: its word statistics read every match of every word, 15 ms per query
//! at 100,000 documents, and clerks look for the title they remember, not term weights.)

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;
use vanthu_model::{text, Document};

use crate::documents::{
    filter_sql, filter_sql_with, summary_from_row, DocumentSummary, Filter, SUMMARY_COLUMNS,
};
use crate::error::{ArchiveError, Result};
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

/// The folded words of a symbol or query, joined: `82-KH/ĐU` and `82 kh du` meet here.
pub(crate) fn symbol_key(s: &str) -> String {
    text::folded_words(s).join(" ")
}

/// The text a document is indexed by, worked out apart from the database so that a batch
/// import can fold the next documents on another core while this one is written.
///
/// Each column holds every distinct word once. With column-level detail FTS5 counts a word at
/// most once per column anyway, so repeats would only cost indexing time (about half of it for
/// a plan's body). The `exact` column holds only the distinct words that carry marks (or đ):
/// an unmarked word is the same folded or not.
pub(crate) struct IndexText {
    title: String,
    body: String,
    meta: String,
    exact: String,
}

impl IndexText {
    pub(crate) fn of(doc: &Document) -> IndexText {
        let meta = meta_text(doc);
        let mut exact = String::new();
        for part in [&doc.title, &meta, &doc.body] {
            exact.push_str(&text::lower_exact(part));
            exact.push(' ');
        }
        IndexText {
            title: folded(&doc.title),
            body: folded(&doc.body),
            meta: folded(&meta),
            exact: marked(&exact),
        }
    }

    /// Adds a symbol given after the text was worked out (a historical record's, which the
    /// register spells).
    pub(crate) fn add_symbol(&mut self, symbol: &str) {
        self.meta.push(' ');
        self.meta.push_str(&folded(symbol));
        self.exact.push(' ');
        self.exact.push_str(&marked(&text::lower_exact(symbol)));
    }
}

fn folded(s: &str) -> String {
    let mut all = String::with_capacity(s.len());
    text::push_folded_words(s, &mut all);
    distinct(all.split_ascii_whitespace())
}

fn marked(lower: &str) -> String {
    distinct(
        lower
            .split(|c: char| !text::is_word_char(c))
            .filter(|w| !w.is_ascii()),
    )
}

/// (Re)indexes one document inside the caller's transaction.
pub(crate) fn index_tx(conn: &Connection, id: i64, doc: &Document, replace: bool) -> Result<()> {
    write_index(conn, id, &IndexText::of(doc), replace)
}

pub(crate) fn write_index(
    conn: &Connection,
    id: i64,
    text: &IndexText,
    replace: bool,
) -> Result<()> {
    let err = || ArchiveError::sqlite("update the search index");
    if replace {
        conn.execute("DELETE FROM documents_fts WHERE rowid = ?1", [id])
            .map_err(err())?;
    }
    conn.prepare_cached(
        "INSERT INTO documents_fts (rowid, title, body, meta, exact) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .and_then(|mut st| {
        st.execute(rusqlite::params![
            id, text.title, text.body, text.meta, text.exact
        ])
    })
    .map_err(err())?;
    Ok(())
}

/// The words, each once, joined by spaces.
fn distinct<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut seen: HashSet<&str, BuildHasherDefault<WordHasher>> = HashSet::default();
    let mut out = String::new();
    for w in words.filter(|w| !w.is_empty()) {
        if seen.insert(w) {
            out.push_str(w);
            out.push(' ');
        }
    }
    out
}

/// A multiply-rotate hash (FxHash's): words are short and not attacker-chosen, and the default
/// SipHash was a tenth of the import time.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
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
        let (cond, filter_args) = filter_sql(filter);
        let filter_params: Vec<&dyn ToSql> = filter_args.iter().map(|b| b.as_ref()).collect();
        let and_cond = cond.replacen("WHERE", "AND", 1);

        // The document whose symbol this is, wherever it sits in the archive.
        let key = words.join(" ");
        let mut hits: Vec<SearchHit> = {
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS}, 3 FROM documents WHERE symbol_key = ? {and_cond}"
            );
            let mut params: Vec<&dyn ToSql> = vec![&key];
            params.extend(filter_params.iter().copied());
            self.hits(&sql, &params)?
        };

        // The oldest document of the ranking window: the RANK_WINDOW-th newest match.
        let (window_cond, window_args) = filter_sql_with(filter, false);
        let window_params: Vec<&dyn ToSql> = window_args.iter().map(|b| b.as_ref()).collect();
        let window_and = window_cond.replacen("WHERE", "AND", 1);
        let window_sql = if window_cond.is_empty() {
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?
             ORDER BY rowid DESC LIMIT 1 OFFSET ?"
                .to_owned()
        } else {
            format!(
                "SELECT id FROM documents_fts JOIN documents ON documents.id = documents_fts.rowid
                 WHERE documents_fts MATCH ? {window_and} ORDER BY documents_fts.rowid DESC LIMIT 1 OFFSET ?"
            )
        };
        let offset = (RANK_WINDOW - 1) as i64;
        let mut params: Vec<&dyn ToSql> = vec![&folded_q];
        params.extend(window_params.iter().copied());
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
            "SELECT {SUMMARY_COLUMNS}, 2 * ({in_column}) + ({in_column}) AS relevance,
                {exact_hit} AS exact_hit
             FROM (SELECT rowid AS hit_id FROM documents_fts
                   WHERE documents_fts MATCH ? AND rowid >= ?) AS hits
             JOIN documents ON documents.id = hits.hit_id
             {cond}
             ORDER BY exact_hit DESC, relevance DESC, date DESC, id DESC
             LIMIT ?"
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
}

impl Archive {
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
