-- The search index cut by VănThư's own words. Every column already holds words that Rust cut,
-- folded or lower-cased (`vanthu_model::text`, the same code that cuts a query), joined by
-- spaces; FTS5 only has to split at the spaces. Its `ascii` tokenizer does just that (every
-- non-ASCII byte is part of a word), where `unicode61` looked every char up again in its
-- Unicode tables: 12 % of an import's writing time. A word is now exactly the word Rust cut,
-- on both sides of a query.
--
-- The table is contentless, so it cannot rebuild itself: the program indexes every document
-- again in this same transaction (`rows::index::rebuild_on_upgrade`).
DROP TABLE documents_fts;

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, body, meta, exact,
    content = '',
    contentless_delete = 1,
    detail = 'column',
    tokenize = 'ascii'
);
