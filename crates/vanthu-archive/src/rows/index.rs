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
        let parts = [doc.title.as_str(), &meta, &doc.body];
        // A plan's body says its few hundred words over a thousand times: each text is cut
        // into its distinct words first, and only those are folded and lowercased. Folding and
        // lowercasing go char by char, and NFC text stays as it is, so the words of the whole
        // folded (or lowercased) text are the folded (lowercased) words, in the same order.
        let (Some(title), Some(meta), Some(body)) = (
            distinct_words(parts[0]),
            distinct_words(parts[1]),
            distinct_words(parts[2]),
        ) else {
            return IndexText::of_whole(parts);
        };
        let words = [title, meta, body];
        let mut lower = String::new();
        for w in words.iter().flatten().filter(|w| !w.is_ascii()) {
            text::push_lower_nfc(w, &mut lower);
            lower.push(' ');
        }
        let [title, meta, body] = words.map(|w| folded_each(&w));
        IndexText {
            title,
            body,
            meta,
            exact: marked(&lower),
        }
    }

    /// [`IndexText::of`] for text that is not clean NFC yet (stored text always is): each
    /// part folded and lowercased whole.
    fn of_whole([title, meta, body]: [&str; 3]) -> IndexText {
        let mut exact = String::new();
        for part in [title, meta, body] {
            text::push_lower_exact(part, &mut exact);
            exact.push(' ');
        }
        IndexText {
            title: folded(title),
            body: folded(body),
            meta: folded(meta),
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

/// The folded words of `words`, each once.
fn folded_each(words: &[&str]) -> String {
    let mut all = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for w in words {
        text::push_folded_words(w, &mut all);
    }
    distinct(all.split_ascii_whitespace())
}

/// The words of `s` (cut at every char that is not [`text::is_word_char`], as
/// [`text::push_folded_words`] cuts them), each once, in the order they first occur; `None`
/// when a char of `s` is not NFC whatever surrounds it ([`text::surely_nfc`]): such a text
/// is not known to stay as it is when lowercased whole.
fn distinct_words(s: &str) -> Option<Vec<&str>> {
    let mut seen: HashSet<&str, BuildHasherDefault<WordHasher>> =
        HashSet::with_capacity_and_hasher(512, BuildHasherDefault::default());
    let mut words = Vec::new();
    let mut word = |w| {
        if !str::is_empty(w) && seen.insert(w) {
            words.push(w);
        }
    };
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let (word_char, len) = if bytes[i].is_ascii() {
            if bytes[i] == b'\r' {
                return None;
            }
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = s[i..].chars().next().expect("a char starts here");
            if !text::surely_nfc(c) {
                return None;
            }
            (text::is_word_char(c), c.len_utf8())
        };
        if !word_char {
            word(&s[start..i]);
            start = i + len;
        }
        i += len;
    }
    word(&s[start..]);
    Some(words)
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

/// On the upgrade to schema 5, whose search index is a new table: every document indexed again,
/// as storing it does now: once, about 7 s for 20,000 documents on the lab machine.
pub(crate) fn rebuild_on_upgrade(tx: &rusqlite::Transaction<'_>, from_version: i64) -> Result<()> {
    if from_version == 0 || from_version >= 5 {
        return Ok(());
    }
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM documents ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(ArchiveError::sqlite("upgrade the archive"))?;
    for id in ids {
        index(tx, id, &crate::rows::documents::get(tx, id)?, false)?;
    }
    Ok(())
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

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, the last ones padded with zeros: a word is rarely longer.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
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
    fn the_words_cut_first_index_as_the_whole_text_folded() {
        let texts = [
            "Đảng ủy Sở Văn hóa, Thể thao và Du lịch; ĐẢNG ỦY đảng ủy Đảng uỷ “Kế hoạch” 82-KH/ĐU",
            "Kế hoạch số 82-KH/ĐU ngày 05/02/2025 của Đảng ủy; kế hoạch KẾ HOẠCH kế-hoạch",
            "**Các chi bộ** báo cáo __trước__ ngày 31/5/2024.\n\n1. CÔNG TÁC DÂN VẬN\n- Đại hội",
            "İstanbul ǅemal ß Σίσυφος ÐÔNG Ⅻ ① ﬁnal x\u{300}y ño a—b 5×3 ½",
            "",
            "ascii only words, repeated repeated REPEATED",
        ];
        for title in texts {
            for body in texts {
                let mut doc = Document {
                    title: title.to_owned(),
                    body: body.to_owned(),
                    ..Document::default()
                };
                doc.signature.name = "Nguyễn Văn Hiếu".to_owned();
                doc.issuer.name = title.to_owned();
                let meta = meta_text(&doc);
                let cut = IndexText::of(&doc);
                let whole = IndexText::of_whole([&doc.title, &meta, &doc.body]);
                assert_eq!(
                    [cut.title, cut.body, cut.meta, cut.exact],
                    [whole.title, whole.body, whole.meta, whole.exact],
                    "a search would find {title:?} / {body:?} by other words than before"
                );
            }
        }
    }

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
