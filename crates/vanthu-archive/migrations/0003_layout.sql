-- VănThư archive, schema 3: the PDF layout an office chose, and its named presets.
-- A profile is the layout crate's JSON object; the archive keeps it as it was given, and only
-- insists that it is a JSON object.

-- Named layouts a clerk saved to switch between ("Mẫu Thành ủy 2025").
CREATE TABLE layout_presets (
    format   TEXT NOT NULL CHECK (format IN ('party', 'state')),
    name     TEXT NOT NULL CHECK (trim(name) <> ''),
    profile  TEXT NOT NULL
             CHECK (CASE WHEN json_valid(profile) THEN json_type(profile) = 'object' ELSE 0 END),
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    PRIMARY KEY (format, name)
) STRICT;

-- The layout in force for each format. No row: the regulation's defaults.
CREATE TABLE layouts (
    format  TEXT PRIMARY KEY CHECK (format IN ('party', 'state')),
    profile TEXT NOT NULL
            CHECK (CASE WHEN json_valid(profile) THEN json_type(profile) = 'object' ELSE 0 END),
    -- The preset it was taken from, while that preset exists.
    preset  TEXT,
    set_at  TEXT NOT NULL,
    set_by  TEXT NOT NULL
) STRICT;

-- A layout names only a preset that exists; deleting the preset leaves the layout in force
-- (it is a copy) but forgets where it came from.
CREATE TRIGGER layouts_preset_exists BEFORE INSERT ON layouts
WHEN NEW.preset IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM layout_presets WHERE format = NEW.format AND name = NEW.preset)
BEGIN
    SELECT RAISE(ABORT, 'vanthu: no such layout preset');
END;

CREATE TRIGGER layouts_preset_exists_on_update BEFORE UPDATE OF preset ON layouts
WHEN NEW.preset IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM layout_presets WHERE format = NEW.format AND name = NEW.preset)
BEGIN
    SELECT RAISE(ABORT, 'vanthu: no such layout preset');
END;

CREATE TRIGGER layout_presets_forgotten AFTER DELETE ON layout_presets
BEGIN
    UPDATE layouts SET preset = NULL WHERE format = OLD.format AND preset = OLD.name;
END;
