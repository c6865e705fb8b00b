-- VănThư archive, schema 4: the deadlines an issued document sets, followed up until done.
-- Read from the body when a document is issued or recorded as issued (and, on the upgrade to
-- this schema, from every issued document already in the archive); the clerk corrects, adds,
-- removes, marks done and reopens them. Dates are ISO days.

CREATE TABLE deadlines (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    due          TEXT NOT NULL CHECK (date(due) IS due),
    -- The first day when the text gives a period ("trong tháng 4 năm 2025").
    period_from  TEXT CHECK (period_from IS NULL OR date(period_from) IS period_from),
    text         TEXT NOT NULL CHECK (trim(text) <> ''),
    -- Where the sentence starts in the body, in bytes; NULL for one added by hand.
    body_offset  INTEGER CHECK (body_offset IS NULL OR body_offset >= 0),
    units        TEXT NOT NULL DEFAULT '[]'
                 CHECK (CASE WHEN json_valid(units) THEN json_type(units) = 'array' ELSE 0 END),
    recurrence   TEXT CHECK (recurrence IS NULL
                 OR recurrence IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'periodic')),
    -- 'text': read from the body; 'hand': added by the clerk; 'next': the next time of a
    -- recurring one, made when the previous was marked done.
    source       TEXT NOT NULL CHECK (source IN ('text', 'hand', 'next')),
    done_on      TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    changed_at   TEXT NOT NULL,
    changed_by   TEXT NOT NULL
) STRICT;

CREATE INDEX deadlines_open ON deadlines (due, id) WHERE done_on IS NULL;
CREATE INDEX deadlines_by_document ON deadlines (document_id, due);

-- Only issued documents set deadlines (a draft shows the ones it would set).
CREATE TRIGGER deadlines_of_issued_only BEFORE INSERT ON deadlines
WHEN (SELECT status FROM documents WHERE id = NEW.document_id) IS NOT 'issued'
BEGIN
    SELECT RAISE(ABORT, 'vanthu: deadlines belong to issued documents');
END;
