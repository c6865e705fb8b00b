//! Finding, reading and measuring the serif family the regulations require.
//!
//! Both regulations name Times New Roman; every Windows machine has it. Linux machines get
//! Liberation Serif (package `fonts-liberation2`), which has the same advance widths, so a
//! line broken here breaks at the same word in Word. The four faces are found once per
//! process ([`FontSet::system`]): a full `fontdb` scan of the system costs ~90 ms, so the
//! well-known file locations are tried first and the scan is only the fallback.
//!
//! A one-page export must not pay for the whole font: the files are memory-mapped, not
//! read (the system already holds their pages, and a process touches only the tables it
//! reads), and a character's glyph and width are looked up the first time it is measured,
//! then kept. A document uses a hundred or so of a face's 2,600 characters.
//!
//! Widths are measured the way the PDF viewer will advance the pen: per glyph,
//! `trunc(advance × 1000 / unitsPerEm)` thousandths of an em, which is what the writer puts
//! into `/W`. Summing raw advances instead drifts ~0.1 mm per justified line.

use std::ops::{Deref, Range};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use crate::error::PdfError;
use crate::profile::Face;
use crate::units::{Mm, Pt};

/// Letters a face must have to be used at all (a Times New Roman from before Vietnamese
/// support would print boxes).
const VIETNAMESE_SAMPLE: &str = "ĐđẢẠẦỆỮỹươƯƠăâêô";

/// Depth of an underline's middle below the baseline, in em, for a font that does not say
/// (Liberation Serif says 0.084).
const UNDERLINE_DEPTH: f32 = 0.1;
/// Thickness of an underline, in em, for a font that does not say (Liberation Serif: 0.049).
const UNDERLINE_THICKNESS: f32 = 0.05;

/// The bytes of a font file: mapped where the system allows it, read otherwise (a face
/// from a font database that holds it in memory).
pub(crate) enum FontBytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl FontBytes {
    /// Maps the file at `path`, or reads it if it cannot be mapped.
    fn open(path: &Path) -> std::io::Result<FontBytes> {
        let file = std::fs::File::open(path)?;
        // SAFETY: the map is only read, and only as bytes: every table is parsed with
        // bounds checks (ttf-parser, our subsetter). What mapping cannot rule out is the file
        // being truncated in place while the program runs (a read past the new end faults);
        // installers replace font files by renaming a new one into place, which leaves the
        // mapped file whole. The font database (`fontdb`, feature `memmap`) maps fonts the
        // same way.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => Ok(FontBytes::Mapped(map)),
            Err(_) => std::fs::read(path).map(FontBytes::Owned),
        }
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            FontBytes::Mapped(map) => map,
            FontBytes::Owned(bytes) => bytes,
        }
    }
}

impl Deref for FontBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl std::fmt::Debug for FontBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let how = match self {
            FontBytes::Mapped(_) => "mapped",
            FontBytes::Owned(_) => "read",
        };
        write!(f, "{} bytes, {how}", self.len())
    }
}

/// Characters below this code point keep their glyph and width once looked up: Latin,
/// Vietnamese (U+1EA0–U+1EF9), combining marks, general punctuation (dashes, quotes,
/// ellipsis) and the đồng sign. Others are looked up every time (none is common).
const CACHED_BELOW: usize = 0x2200;

/// A cache entry: glyph id in the low 16 bits, width in thousandths of an em in the next
/// 15, and the top bit set once the character has been looked up (0 = not yet).
const KNOWN: u32 = 1 << 31;

/// Glyph ids and widths of the characters measured so far, shared by every thread that
/// lays out (two threads racing on one character both store the same value).
struct GlyphCache(Box<[AtomicU32]>);

impl std::fmt::Debug for GlyphCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known = self
            .0
            .iter()
            .filter(|e| e.load(Ordering::Relaxed) != 0)
            .count();
        write!(f, "{known} characters looked up")
    }
}

/// One face of the family, with what layout and the PDF writer need from it.
#[derive(Debug)]
pub struct FontFace {
    pub(crate) data: FontBytes,
    pub(crate) index: u32,
    pub(crate) path: PathBuf,
    pub(crate) family: String,
    /// PostScript name (name id 6): `TimesNewRomanPS-BoldMT`, `LiberationSerif-Bold`.
    pub(crate) postscript_name: String,
    pub(crate) units_per_em: u16,
    pub(crate) ascender: i16,
    pub(crate) descender: i16,
    pub(crate) bbox: [i16; 4],
    pub(crate) caret_slope: (i16, i16),
    pub(crate) weight_class: u16,
    /// Outlines in a `glyf` table and no CFF: what the PDF writer can subset and embed
    /// (`/FontFile2`).
    pub(crate) truetype: bool,
    /// `post.underlinePosition` (the top of the line, negative below the baseline) and
    /// `underlineThickness`, in font units, when the font gives them.
    underline: Option<(i16, i16)>,
    /// Where the `cmap` table is in `data`.
    cmap: Range<usize>,
    /// Where the long horizontal metrics (advance, side bearing: 4 bytes a glyph) are in
    /// `data`; empty for a font without `hmtx`.
    metrics: Range<usize>,
    glyph_count: u16,
    glyphs: GlyphCache,
}

impl FontFace {
    fn parse(data: FontBytes, index: u32, path: PathBuf) -> Result<FontFace, PdfError> {
        let unreadable = |detail: &str| PdfError::FontUnreadable {
            path: path.display().to_string(),
            detail: detail.to_owned(),
        };
        let face = ttf_parser::Face::parse(&data, index).map_err(|e| unreadable(&e.to_string()))?;
        let units_per_em = face.units_per_em();
        let postscript_name = name(&face, ttf_parser::name_id::POST_SCRIPT_NAME)
            .ok_or_else(|| unreadable("no PostScript name"))?;
        let family = name(&face, ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
            .or_else(|| name(&face, ttf_parser::name_id::FAMILY))
            .unwrap_or_else(|| postscript_name.clone());
        // Where a table starts in `data` (ttf-parser hands out subslices of it).
        let range = |table: &[u8]| {
            let start = table.as_ptr() as usize - data.as_ptr() as usize;
            start..start + table.len()
        };
        let raw = face.raw_face();
        let table = |tag: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(tag));
        let cmap = match (face.tables().cmap, table(b"cmap")) {
            (Some(cmap), Some(bytes)) if cmap.subtables.into_iter().any(|s| s.is_unicode()) => {
                range(bytes)
            }
            _ => return Err(unreadable("no Unicode character map")),
        };
        let metrics = match (face.tables().hmtx, table(b"hmtx")) {
            (Some(hmtx), Some(bytes)) => {
                let long = range(bytes);
                long.start..long.start + hmtx.metrics.len() as usize * 4
            }
            _ => 0..0,
        };
        let hhea = table(b"hhea").unwrap_or(&[]);
        let read_i16 = |off: usize| {
            hhea.get(off..off + 2)
                .map(|b| i16::from_be_bytes([b[0], b[1]]))
        };
        let caret_slope = (read_i16(18).unwrap_or(1), read_i16(20).unwrap_or(0));
        let bb = face.global_bounding_box();
        let underline = face
            .underline_metrics()
            .map(|m| (m.position, m.thickness))
            .filter(|&(_, thickness)| thickness > 0);
        let truetype =
            table(b"glyf").is_some() && table(b"CFF ").is_none() && table(b"CFF2").is_none();
        Ok(FontFace {
            index,
            path,
            family,
            postscript_name,
            units_per_em,
            ascender: face.ascender(),
            descender: face.descender(),
            bbox: [bb.x_min, bb.y_min, bb.x_max, bb.y_max],
            caret_slope,
            weight_class: face.weight().to_number(),
            truetype,
            underline,
            cmap,
            metrics,
            glyph_count: face.number_of_glyphs(),
            glyphs: GlyphCache(
                std::iter::repeat_with(|| AtomicU32::new(0))
                    .take(CACHED_BELOW)
                    .collect(),
            ),
            data,
        })
    }

    /// The glyph of `ch` (0 if none) and its advance in thousandths of an em.
    fn lookup(&self, ch: char) -> (u16, u16) {
        let Some(entry) = self.glyphs.0.get(ch as usize) else {
            return self.read_glyph(ch);
        };
        let known = entry.load(Ordering::Relaxed);
        if known != 0 {
            return (known as u16, ((known & !KNOWN) >> 16) as u16);
        }
        let (gid, advance) = self.read_glyph(ch);
        // A width too large for the entry's 15 bits is read again each time.
        if advance < 0x8000 {
            entry.store(
                KNOWN | (advance as u32) << 16 | gid as u32,
                Ordering::Relaxed,
            );
        }
        (gid, advance)
    }

    /// The glyph of `ch` from the font's first Unicode character map that has it, and its
    /// width, truncated to thousandths of an em exactly like the PDF's `/W` (f32, then
    /// truncation).
    fn read_glyph(&self, ch: char) -> (u16, u16) {
        let gid = ttf_parser::cmap::Table::parse(&self.data[self.cmap.clone()])
            .and_then(|table| {
                table
                    .subtables
                    .into_iter()
                    .filter(|s| s.is_unicode())
                    .find_map(|s| s.glyph_index(ch as u32))
            })
            .map_or(0, |g| g.0);
        if gid == 0 {
            return (0, 0);
        }
        (gid, self.advance_1000_of(gid))
    }

    /// The advance of glyph `gid` in thousandths of an em, truncated: the pen's step in
    /// the PDF (its `/W` entry) and in every measurement.
    pub(crate) fn advance_1000_of(&self, gid: u16) -> u16 {
        (self.raw_advance(gid) as f32 * 1000.0 / self.units_per_em as f32) as u16
    }

    /// How many glyphs the face has.
    pub(crate) fn glyph_count(&self) -> u16 {
        self.glyph_count
    }

    /// The glyph of `ch`, if the face has one.
    pub fn glyph(&self, ch: char) -> Option<u16> {
        Some(self.lookup(ch).0).filter(|&g| g != 0)
    }

    pub fn has(&self, ch: char) -> bool {
        self.glyph(ch).is_some()
    }

    /// The advance of glyph `gid` in font units (`hmtx`: glyphs past the last long metric
    /// share its advance).
    pub(crate) fn raw_advance(&self, gid: u16) -> u16 {
        let long = &self.data[self.metrics.clone()];
        if gid >= self.glyph_count || long.is_empty() {
            return 0;
        }
        let at = (gid as usize * 4).min(long.len() - 4);
        u16::from_be_bytes([long[at], long[at + 1]])
    }

    /// Advance of `text` in thousandths of an em (the PDF's `/W` units).
    pub fn advance_1000(&self, text: &str) -> u32 {
        text.chars().map(|c| self.lookup(c).1 as u32).sum()
    }
    /// Width of `text` set at `size`.
    pub fn width(&self, text: &str, size: Pt) -> Mm {
        Pt(self.advance_1000(text) as f32 * size.0 / 1000.0).to_mm()
    }

    /// Ascender as a share of the em (Liberation Serif: 0.891).
    pub fn ascent(&self) -> f32 {
        self.ascender as f32 / self.units_per_em as f32
    }

    /// Descender as a positive share of the em (Liberation Serif: 0.216).
    pub fn descent(&self) -> f32 {
        -(self.descender as f32) / self.units_per_em as f32
    }

    /// Where an underline is drawn, as shares of the em: the depth of its middle below the
    /// baseline and its thickness (Liberation Serif: 0.084 and 0.049). From the font's `post`
    /// table; a font without those values gets `UNDERLINE_DEPTH` and `UNDERLINE_THICKNESS`.
    pub fn underline(&self) -> (f32, f32) {
        let em = self.units_per_em as f32;
        match self.underline {
            Some((position, thickness)) => (
                (thickness as f32 / 2.0 - position as f32) / em,
                thickness as f32 / em,
            ),
            None => (UNDERLINE_DEPTH, UNDERLINE_THICKNESS),
        }
    }

    pub fn postscript_name(&self) -> &str {
        &self.postscript_name
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn name(face: &ttf_parser::Face<'_>, id: u16) -> Option<String> {
    // The first record is often Mac Roman, which ttf-parser cannot decode: take any that it can.
    face.names()
        .into_iter()
        .filter(|n| n.name_id == id)
        .find_map(|n| n.to_string())
        .filter(|s| !s.is_empty())
}

/// The four faces of one family.
#[derive(Debug)]
pub struct FontSet {
    faces: [FontFace; 4],
}

/// Where a family's four faces usually are: regular, bold, italic, bold italic.
#[derive(Debug, Clone)]
pub(crate) struct KnownFiles {
    pub files: [PathBuf; 4],
}

impl FontSet {
    /// The system's fonts, found and read once per process.
    pub fn system() -> Result<&'static FontSet, PdfError> {
        static FONTS: OnceLock<Result<FontSet, PdfError>> = OnceLock::new();
        FONTS
            .get_or_init(|| FontSet::load(&known_files(), true))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Tries `known` in order, then (if `scan`) a full fontdb scan for Times New Roman, then
    /// Liberation Serif.
    pub(crate) fn load(known: &[KnownFiles], scan: bool) -> Result<FontSet, PdfError> {
        let mut problems = Vec::new();
        for set in known {
            if !set.files.iter().all(|p| p.is_file()) {
                continue;
            }
            match FontSet::read_files(set) {
                Ok(fonts) => return Ok(fonts),
                Err(e) => problems.push(e.to_string()),
            }
        }
        if scan {
            match FontSet::scan() {
                Ok(fonts) => return Ok(fonts),
                // Only what the scan found wrong: its own "not found" would say it all twice.
                Err(PdfError::FontsMissing { detail }) if detail.is_empty() => {}
                Err(PdfError::FontsMissing { detail }) => problems.push(detail),
                Err(e) => problems.push(e.to_string()),
            }
        }
        Err(PdfError::FontsMissing {
            detail: problems.join("; "),
        })
    }

    fn read_files(set: &KnownFiles) -> Result<FontSet, PdfError> {
        let read = |p: &PathBuf| -> Result<FontFace, PdfError> {
            let data = FontBytes::open(p).map_err(|e| PdfError::FontUnreadable {
                path: p.display().to_string(),
                detail: e.to_string(),
            })?;
            FontFace::parse(data, 0, p.clone())
        };
        FontSet::checked([
            read(&set.files[0])?,
            read(&set.files[1])?,
            read(&set.files[2])?,
            read(&set.files[3])?,
        ])
    }

    fn checked(faces: [FontFace; 4]) -> Result<FontSet, PdfError> {
        for face in &faces {
            // Times New Roman and Liberation Serif are TrueType everywhere; a CFF cut would
            // need a CFF subsetter, so the next family is tried instead.
            if !face.truetype {
                return Err(PdfError::FontUnreadable {
                    path: face.path.display().to_string(),
                    detail: "no TrueType outlines (glyf table)".into(),
                });
            }
            if let Some(ch) = VIETNAMESE_SAMPLE.chars().find(|&c| !face.has(c)) {
                return Err(PdfError::FontUnreadable {
                    path: face.path.display().to_string(),
                    detail: format!("no Vietnamese letter {ch:?}"),
                });
            }
        }
        Ok(FontSet { faces })
    }

    /// The slow path: every font of the system, queried by family name.
    fn scan() -> Result<FontSet, PdfError> {
        use fontdb::{Family, Query, Stretch, Style, Weight};
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut problems = Vec::new();
        for family in ["Times New Roman", "Liberation Serif"] {
            let mut faces = Vec::new();
            for (weight, style) in [
                (Weight::NORMAL, Style::Normal),
                (Weight::BOLD, Style::Normal),
                (Weight::NORMAL, Style::Italic),
                (Weight::BOLD, Style::Italic),
            ] {
                let query = Query {
                    families: &[Family::Name(family)],
                    weight,
                    stretch: Stretch::Normal,
                    style,
                };
                // fontdb answers with the nearest face of the family: no synthetic bold, so
                // anything but an exact match means the face is not installed.
                let Some(id) = db.query(&query) else { break };
                let Some(info) = db.face(id) else { break };
                if info.weight != weight || info.style != style {
                    break;
                }
                let path = match &info.source {
                    fontdb::Source::File(p) => p.clone(),
                    _ => PathBuf::from(family),
                };
                // A file is mapped like the well-known ones; what the database holds in
                // memory is copied.
                let data = match &info.source {
                    fontdb::Source::File(p) => FontBytes::open(p).ok(),
                    _ => None,
                }
                .or_else(|| db.with_face_data(id, |data, _| FontBytes::Owned(data.to_vec())));
                let parsed = match data {
                    Some(data) => FontFace::parse(data, info.index, path.clone()),
                    None => Err(PdfError::FontUnreadable {
                        path: path.display().to_string(),
                        detail: "cannot be read".into(),
                    }),
                };
                match parsed {
                    Ok(face) => faces.push(face),
                    Err(e) => {
                        problems.push(e.to_string());
                        break;
                    }
                }
            }
            if let Ok(faces) = <[FontFace; 4]>::try_from(faces) {
                match FontSet::checked(faces) {
                    Ok(set) => return Ok(set),
                    Err(e) => problems.push(e.to_string()),
                }
            }
        }
        Err(PdfError::FontsMissing {
            detail: problems.join("; "),
        })
    }

    pub fn face(&self, face: Face) -> &FontFace {
        &self.faces[face.index()]
    }

    /// The family name (`Times New Roman`, `Liberation Serif`).
    pub fn family(&self) -> &str {
        &self.faces[0].family
    }

    pub fn width(&self, face: Face, text: &str, size: Pt) -> Mm {
        self.face(face).width(text, size)
    }
}

/// The usual places of Times New Roman (Windows, macOS, Linux msttcorefonts), then of
/// Liberation Serif (Debian/Ubuntu, Fedora, Arch).
pub(crate) fn known_files() -> Vec<KnownFiles> {
    let mut sets = Vec::new();
    let mut add = |dir: PathBuf, names: [&str; 4]| {
        sets.push(KnownFiles {
            files: names.map(|n| dir.join(n)),
        });
    };
    if cfg!(windows) {
        let windir = std::env::var_os("WINDIR")
            .or_else(|| std::env::var_os("SystemRoot"))
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(r"C:\Windows"));
        add(
            windir.join("Fonts"),
            ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"],
        );
    }
    if cfg!(target_os = "macos") {
        for dir in ["/System/Library/Fonts/Supplemental", "/Library/Fonts"] {
            add(
                PathBuf::from(dir),
                [
                    "Times New Roman.ttf",
                    "Times New Roman Bold.ttf",
                    "Times New Roman Italic.ttf",
                    "Times New Roman Bold Italic.ttf",
                ],
            );
        }
    }
    if cfg!(all(unix, not(target_os = "macos"))) {
        let ms = PathBuf::from("/usr/share/fonts/truetype/msttcorefonts");
        add(
            ms.clone(),
            [
                "Times_New_Roman.ttf",
                "Times_New_Roman_Bold.ttf",
                "Times_New_Roman_Italic.ttf",
                "Times_New_Roman_Bold_Italic.ttf",
            ],
        );
        add(
            ms,
            ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"],
        );
        for dir in [
            "/usr/share/fonts/truetype/liberation2",
            "/usr/share/fonts/truetype/liberation",
            "/usr/share/fonts/liberation-serif",
            "/usr/share/fonts/liberation",
            "/usr/share/fonts/TTF",
        ] {
            add(
                PathBuf::from(dir),
                [
                    "LiberationSerif-Regular.ttf",
                    "LiberationSerif-Bold.ttf",
                    "LiberationSerif-Italic.ttf",
                    "LiberationSerif-BoldItalic.ttf",
                ],
            );
        }
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_fonts_is_an_error_that_says_how_to_install() {
        let nowhere = KnownFiles {
            files: ["a", "b", "c", "d"].map(|n| PathBuf::from("/nonexistent").join(n)),
        };
        let err = FontSet::load(&[nowhere], false).unwrap_err();
        let (vi, en) = (err.message_vi(), err.to_string());
        assert!(vi.contains("Times New Roman"), "{vi}");
        // The advice fits the system the clerk is on, once, in each language.
        if cfg!(windows) {
            assert!(vi.contains("thư mục Fonts của Windows"), "{vi}");
            assert!(en.contains("Windows Fonts folder"), "{en}");
            assert!(
                !vi.contains("apt-get") && !en.contains("apt-get"),
                "{vi} / {en}"
            );
        } else {
            assert!(vi.contains("Liberation Serif"), "{vi}");
            assert!(
                vi.contains("sudo apt-get install fonts-liberation2"),
                "{vi}"
            );
            assert!(en.contains("install fonts-liberation2"), "{en}");
            assert!(
                !vi.contains("Windows") && !en.contains("Windows"),
                "{vi} / {en}"
            );
        }
        assert_eq!(en.matches("not found").count(), 1, "{en}");
        assert!(en.is_ascii(), "the English line is English: {en}");
    }

    #[test]
    fn system_fonts_measure_like_the_pdf_widths() {
        let fonts = FontSet::system().expect("fonts-liberation2 or Times New Roman installed");
        let regular = fonts.face(Face::Regular);
        // Times New Roman and Liberation Serif: space 0.25 em, digits 0.5 em.
        assert_eq!(regular.advance_1000(" "), 250);
        assert_eq!(regular.advance_1000("0123456789"), 5000);
        assert!(regular.ascent() > 0.85 && regular.ascent() < 0.95);
        for face in Face::ALL {
            assert!(fonts.face(face).has('Ệ'), "{face:?}");
        }
        assert!(!fonts.face(Face::Bold).postscript_name().is_empty());
    }
}
