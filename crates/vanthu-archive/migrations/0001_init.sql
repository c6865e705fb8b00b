-- VănThư archive, schema 1. Append-only: never edit a shipped migration, add the next file.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Who issues documents: printed in the header; the Party committee term restarts numbering.
CREATE TABLE issuer_profiles (
    id         INTEGER PRIMARY KEY,
    parent     TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL CHECK (name <> ''),
    code       TEXT NOT NULL CHECK (code <> ''),
    format     TEXT NOT NULL CHECK (format IN ('party', 'state')),
    place      TEXT NOT NULL DEFAULT '',
    term_start TEXT CHECK (term_start IS NULL OR date(term_start) = term_start),
    UNIQUE (format, code, name)
) STRICT;

CREATE TABLE signers (
    id        INTEGER PRIMARY KEY,
    authority TEXT NOT NULL DEFAULT '',
    position  TEXT NOT NULL CHECK (position <> ''),
    name      TEXT NOT NULL CHECK (name <> ''),
    UNIQUE (authority, position, name)
) STRICT;

CREATE TABLE recipient_lists (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE recipient_list_items (
    list_id  INTEGER NOT NULL REFERENCES recipient_lists (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL CHECK (name <> ''),
    note     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, position)
) STRICT;

-- One row per number series (sổ văn bản đi); `series` is vanthu_model::SeriesKey::key().
CREATE TABLE registers (
    id          INTEGER PRIMARY KEY,
    series      TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    format        TEXT NOT NULL CHECK (format IN ('party', 'state')),
    kind          TEXT,
    issuer_parent TEXT NOT NULL DEFAULT '',
    issuer_name   TEXT NOT NULL DEFAULT '',
    issuer_code   TEXT NOT NULL DEFAULT '',
    register_id   INTEGER REFERENCES registers (id),
    number        INTEGER CHECK (number IS NULL OR number > 0),
    symbol        TEXT,
    -- The symbol's folded words (`82 kh du`): how a typed symbol finds its document.
    symbol_key    TEXT,
    place         TEXT NOT NULL DEFAULT '',
    date          TEXT CHECK (date IS NULL OR date(date) = date),
    title         TEXT NOT NULL DEFAULT '',
    secrecy       TEXT CHECK (secrecy IS NULL OR secrecy IN ('mat', 'toi_mat', 'tuyet_mat')),
    urgency       TEXT CHECK (urgency IS NULL OR urgency IN ('khan', 'thuong_khan', 'hoa_toc', 'hoa_toc_hen_gio')),
    archive       TEXT NOT NULL DEFAULT '',
    sig_authority TEXT NOT NULL DEFAULT '',
    sig_position  TEXT NOT NULL DEFAULT '',
    sig_name      TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    issued_at     TEXT,
    -- The long columns last: listing and searching read the columns before them without
    -- walking a body's overflow pages.
    recipients    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
    body          TEXT NOT NULL DEFAULT '',
    -- An issued document has its number, series and symbol; a draft has none of them.
    CHECK ((status = 'issued') = (number IS NOT NULL)),
    CHECK ((number IS NULL) = (register_id IS NULL)),
    CHECK ((number IS NULL) = (symbol IS NULL)),
    -- Two documents can never hold one number of one series.
    UNIQUE (register_id, number)
) STRICT;

CREATE INDEX documents_by_date ON documents (date DESC, id DESC);
CREATE INDEX documents_by_kind ON documents (kind, date DESC, id DESC);
CREATE INDEX documents_by_status ON documents (status, date DESC, id DESC);
CREATE INDEX documents_by_symbol ON documents (symbol_key) WHERE symbol_key IS NOT NULL;

-- Issued documents are immutable: corrections are new documents. Enforced here so that no
-- code path, and no hand-typed SQL, can change what was sent.
CREATE TRIGGER documents_issued_no_update BEFORE UPDATE ON documents
WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'vanthu: issued document is immutable');
END;

CREATE TRIGGER documents_issued_no_delete BEFORE DELETE ON documents
WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'vanthu: issued document is immutable');
END;

CREATE TRIGGER registers_no_update BEFORE UPDATE ON registers
BEGIN
    SELECT RAISE(ABORT, 'vanthu: registers are append-only');
END;

CREATE TRIGGER registers_no_delete BEFORE DELETE ON registers
BEGIN
    SELECT RAISE(ABORT, 'vanthu: registers are append-only');
END;

-- Search over diacritic-folded text, folded in Rust by the same function as the query.
-- `exact` holds the words that carry marks, lower-case, to rank exact-diacritic matches first
-- when the clerk typed marks. Contentless (the text lives in `documents`), and with
-- column-level detail only: queries AND words and never ask for phrases.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, body, meta, exact,
    content = '',
    contentless_delete = 1,
    detail = 'column',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    document_id INTEGER,
    detail      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_by_document ON audit_log (document_id, id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'vanthu: the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'vanthu: the audit log is append-only');
END;
