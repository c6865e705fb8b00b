-- VănThư archive, schema 2: the trash and attachments.

-- A deleted draft waits here until restored. Issued documents never come here.
CREATE TABLE trash (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    deleted_at  TEXT NOT NULL,
    deleted_by  TEXT NOT NULL
) STRICT;

CREATE TRIGGER trash_drafts_only BEFORE INSERT ON trash
WHEN (SELECT status FROM documents WHERE id = NEW.document_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'vanthu: only drafts can be deleted');
END;

-- A draft in the trash is not issued: it must be restored first.
CREATE TRIGGER documents_trashed_not_issued BEFORE UPDATE OF status ON documents
WHEN NEW.status = 'issued' AND EXISTS (SELECT 1 FROM trash WHERE document_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'vanthu: a deleted draft cannot be issued');
END;

-- Files kept with a document: the scan of the signed copy, and the exact PDF printed when it
-- was issued. Stored in the archive itself, so one file (and one backup) holds everything.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    role        TEXT NOT NULL CHECK (role IN ('scan', 'issued_pdf')),
    file_name   TEXT NOT NULL CHECK (file_name <> ''),
    media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size        INTEGER NOT NULL CHECK (size > 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    data        BLOB NOT NULL
) STRICT;

CREATE INDEX attachments_by_document ON attachments (document_id, id);
CREATE UNIQUE INDEX attachments_one_issued_pdf ON attachments (document_id) WHERE role = 'issued_pdf';

-- What was attached is evidence: never rewritten, and never removed from an issued document.
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN
    SELECT RAISE(ABORT, 'vanthu: attachments are not changed');
END;

CREATE TRIGGER attachments_kept_for_issued BEFORE DELETE ON attachments
WHEN (SELECT status FROM documents WHERE id = OLD.document_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'vanthu: attachments of an issued document are kept');
END;
