//! The search index table (`documents_fts`): what a document is found by, folded by the same
//! rules that fold a query ([`vanthu_model::text`]).
//!
//! The index holds folded text — lowercase, no marks, đ → d — so `sinh hoat chi bo mau`,
//! `Đảng uỷ` and `Đảng ủy` meet the same words; a fourth column keeps the words with their
//! marks, for ranking exact-diacritic matches first. The folding is done apart from the
//! database so that a batch import can fold the next documents on another core while one is
//! written.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::Connection;
use vanthu_model::{text, Document};

use crate::error::{ArchiveError, Result};

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
            text::push_lower_exact(part, &mut exact);
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

/// The distinct words of `lower` that carry marks (or đ): its words cut at every char that is
/// not [`text::is_word_char`], the all-ASCII ones left out. Read byte by byte: ASCII bytes,
/// most of the text, need no decoding.
fn marked(lower: &str) -> String {
    let bytes = lower.as_bytes();
    let mut words = Vec::new();
    let (mut start, mut i, mut marks) = (0, 0, false);
    while i < bytes.len() {
        let (word_char, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = lower[i..].chars().next().expect("a char starts here");
            let word_char = text::is_word_char(c);
            marks |= word_char;
            (word_char, c.len_utf8())
        };
        if !word_char {
            if marks {
                words.push(&lower[start..i]);
            }
            start = i + len;
            marks = false;
        }
        i += len;
    }
    if marks {
        words.push(&lower[start..]);
    }
    distinct(words.into_iter())
}

/// (Re)indexes one document inside the caller's transaction.
pub(crate) fn index(conn: &Connection, id: i64, doc: &Document, replace: bool) -> Result<()> {
    write(conn, id, &IndexText::of(doc), replace)
}

pub(crate) fn write(conn: &Connection, id: i64, text: &IndexText, replace: bool) -> Result<()> {
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
    // Sized for a plan's few hundred distinct words at once, not grown (and rehashed) to it.
    let mut seen: HashSet<&str, BuildHasherDefault<WordHasher>> =
        HashSet::with_capacity_and_hasher(512, BuildHasherDefault::default());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_words_are_the_words_with_marks_each_once() {
        let reference = |lower: &str| {
            distinct(
                lower
                    .split(|c: char| !text::is_word_char(c))
                    .filter(|w| !w.is_ascii()),
            )
        };
        for lower in [
            "đảng ủy sở văn hóa, thể thao và du lịch; “kế hoạch” số 82-kh/đu đảng",
            "ascii only 123",
            "",
            "ủy",
            "a—b “c” đ,đ;đ ñ x\u{300}y k",
        ] {
            assert_eq!(marked(lower), reference(lower), "{lower:?}");
        }
    }
}
