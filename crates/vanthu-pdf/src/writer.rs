//! Pages to PDF bytes, with printpdf.
//!
//! The writer only draws what layout decided. Fonts are subset here (printpdf without its
//! HTML engine embeds whole fonts: 850 KB a document): each face used keeps only the glyphs
//! of the characters drawn with it, and is handed to printpdf as a ready `ParsedFont` whose
//! character map and widths we build ourselves, so nothing is parsed twice. Object names
//! and the file identifier are derived from the content, so the same document always gives
//! the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use printpdf::{
    Color, FontId, FontMetrics, FontType, Line, LinePoint, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfFontMetricsStub, PdfPage, PdfSaveOptions, Point, Rgb, TextItem, TextMatrix,
};

use crate::error::PdfError;
use crate::fonts::{FontFace, FontSet};
use crate::layout::{Item, Page};
use crate::profile::{Face, Profile};
use crate::units::{Mm, Pt};

/// What goes into the document information dictionary.
pub(crate) struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Creation date: the document's date, never the clock.
    pub date: Option<chrono::NaiveDate>,
}

pub(crate) fn write(
    pages: &[Page],
    info: &Info,
    fonts: &FontSet,
    profile: &Profile,
) -> Result<Vec<u8>, PdfError> {
    write_with(pages, info, fonts, profile, true)
}

/// Writes the PDF. The font programs (each face's subset, compressed) are most of the work,
/// and printpdf wants them before it turns the pages into PDF objects, which is most of the
/// rest. With `programs_aside`, the subsets are made on worker threads (largest first, each
/// taken by the next free thread, the calling one too once printpdf is done) while printpdf
/// works around placeholders, which are then replaced: the same bytes (a test compares the
/// two ways). Only for TrueType faces, which printpdf embeds as they are; a CFF program
/// would change the objects around it.
fn write_with(
    pages: &[Page],
    info: &Info,
    fonts: &FontSet,
    profile: &Profile,
    programs_aside: bool,
) -> Result<Vec<u8>, PdfError> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for run in page.texts() {
            used.entry(run.style.face)
                .or_default()
                .extend(run.text.chars());
        }
    }
    let subsets: Vec<Subset<'_>> = used
        .iter()
        .map(|(&face, chars)| Subset::new(face, fonts.face(face), chars))
        .collect();
    let parallel = programs_aside && subsets.iter().all(|s| s.font.truetype);
    // The faces' programs, largest first, each made by whichever thread claims it next.
    let mut order: Vec<&Subset<'_>> = subsets.iter().collect();
    order.sort_by_key(|s| std::cmp::Reverse(s.gids.len()));
    let made: Vec<Mutex<Option<Result<Program, PdfError>>>> =
        order.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let make_programs = |deflater: &mut Deflater| loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(subset) = order.get(i) else { break };
        let program = subset.program(deflater);
        *made[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(program);
    };
    std::thread::scope(|scope| {
        let mut workers = Vec::new();
        if parallel {
            // One worker per spare core (at most two); the main thread joins in once
            // printpdf is done, so the work evens out on two cores as on four.
            for _ in 0..spare_cores().min(order.len()) {
                workers.push(scope.spawn(|| make_programs(&mut Deflater::new())));
            }
        }
        let mut doc = PdfDocument::new(&info.title);
        for subset in &subsets {
            let bytes = if parallel {
                placeholder(subset.face)
            } else {
                subset.bytes()?
            };
            doc.resources.fonts.map.insert(
                font_id(subset.face),
                printpdf::PdfFont::new(subset.parsed(bytes)),
            );
        }
        let mut pdf = to_lopdf(doc, pages, info, profile);
        let mut deflater = Deflater::new();
        if parallel {
            make_programs(&mut deflater);
        }
        compress(&mut pdf, &mut deflater);
        for worker in workers {
            worker
                .join()
                .map_err(|_| PdfError::Write("font subsetting panicked".into()))?;
        }
        if parallel {
            for (subset, program) in order.iter().zip(&made) {
                let program = program
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take()
                    .ok_or_else(|| PdfError::Write("a font program was not made".into()))??;
                embed(&mut pdf, &placeholder(subset.face), program);
            }
        }
        let mut bytes = Vec::with_capacity(64 * 1024);
        pdf.save_to(&mut bytes)
            .map_err(|e| PdfError::Write(e.to_string()))?;
        stable_file_id(&mut bytes);
        Ok(bytes)
    })
}

/// How many worker threads make the font programs: as many as there are cores, at most two
/// (four faces, and the calling thread joins in). Even on two cores two workers beat one:
/// when another program holds a core, the three threads still share what is free. Asked
/// once per process.
fn spare_cores() -> usize {
    static SPARE: OnceLock<usize> = OnceLock::new();
    *SPARE.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 2)
    })
}

/// The name of `face`'s font in the page resources.
fn font_id(face: Face) -> FontId {
    FontId(format!("F{}", face.index() + 1))
}

/// The document, pages and information dictionary as PDF objects, streams not compressed.
fn to_lopdf(
    mut doc: PdfDocument,
    pages: &[Page],
    info: &Info,
    profile: &Profile,
) -> lopdf::Document {
    let height = profile.page_height;
    let black = Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    });
    let pdf_pages = pages
        .iter()
        .map(|page| {
            let mut ops = vec![
                Op::SetOutlineColor { col: black.clone() },
                Op::SetFillColor { col: black.clone() },
            ];
            for item in &page.items {
                match item {
                    Item::Text(run) => {
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(font_id(run.style.face)),
                            size: printpdf::Pt(run.style.size.0),
                        });
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(pt(run.x), pt(height - run.baseline)),
                        });
                        ops.push(Op::ShowText {
                            items: text_items(&run.text, run.space_extra, run.style.size),
                        });
                        ops.push(Op::EndTextSection);
                    }
                    Item::Rule(rule) => {
                        ops.extend(stroke(
                            &[(rule.x1, rule.y), (rule.x2, rule.y)],
                            false,
                            rule.thickness,
                            height,
                        ));
                    }
                    Item::VerticalRule(rule) => {
                        ops.extend(stroke(
                            &[(rule.x, rule.y1), (rule.x, rule.y2)],
                            false,
                            rule.thickness,
                            height,
                        ));
                    }
                    Item::Frame(f) => {
                        ops.extend(stroke(
                            &[
                                (f.left, f.top),
                                (f.right, f.top),
                                (f.right, f.bottom),
                                (f.left, f.bottom),
                            ],
                            true,
                            f.thickness,
                            height,
                        ));
                    }
                }
            }
            PdfPage::new(
                printpdf::Mm(profile.page_width.0),
                printpdf::Mm(profile.page_height.0),
                ops,
            )
        })
        .collect();
    doc.with_pages(pdf_pages);

    let date = match info.date {
        Some(d) => {
            use chrono::Datelike;
            printpdf::OffsetDateTime::new_in_offset(
                printpdf::Date {
                    year: d.year(),
                    month: d.month() as u8,
                    day: d.day() as u8,
                },
                printpdf::Time {
                    hour: 0,
                    minute: 0,
                    second: 0,
                    millisecond: 0,
                },
                printpdf::Offset {
                    hours: 7,
                    minutes: 0,
                    seconds: 0,
                    milliseconds: 0,
                },
            )
        }
        None => printpdf::OffsetDateTime::epoch(),
    };
    let meta = &mut doc.metadata.info;
    meta.author = info.author.clone();
    meta.subject = info.subject.clone();
    meta.creator = "VănThư".into();
    meta.producer = format!("VănThư vanthu-pdf {}", env!("CARGO_PKG_VERSION"));
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;

    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    doc.to_lopdf_document(&options, &mut warnings)
}

/// Flate level: lopdf compresses at `best` (9), which costs ~4 ms a document for ~2 % of
/// size. The fastest level, 1, takes about a third of the time of zlib's default 6 for the
/// 3-page plan, whose PDF grows from 48.9 to 54.7 KB: the whole `vanthu export-json` run
/// costs a third less CPU, and an archive of ten thousand plans grows by some 60 MB.
const FLATE_LEVEL: u32 = 1;

/// Compresses every stream that allows it, but a font program's placeholder.
fn compress(pdf: &mut lopdf::Document, deflater: &mut Deflater) {
    for object in pdf.objects.values_mut() {
        if let lopdf::Object::Stream(s) = object {
            if s.allows_compression
                && s.dict.get(b"Filter").is_err()
                && !s.content.starts_with(PLACEHOLDER)
            {
                if let Some(compressed) = deflater.deflate(&s.content) {
                    s.dict.set("Filter", "FlateDecode");
                    s.set_content(compressed);
                }
            }
        }
    }
}

/// A Flate compressor kept for several streams. A fresh one allocates and clears some
/// 300 KB of tables, which costs more than compressing a small stream; a reset clears the
/// same tables, so every stream comes out as a fresh compressor would write it.
struct Deflater(flate2::write::ZlibEncoder<Vec<u8>>);

impl Deflater {
    fn new() -> Deflater {
        Deflater(flate2::write::ZlibEncoder::new(
            Vec::new(),
            flate2::Compression::new(FLATE_LEVEL),
        ))
    }

    /// `content` compressed, if that saves more than the `/Filter` entry costs.
    fn deflate(&mut self, content: &[u8]) -> Option<Vec<u8>> {
        use std::io::Write;
        self.0.write_all(content).ok()?;
        let compressed = self.0.reset(Vec::with_capacity(content.len() / 2)).ok()?;
        (compressed.len() + 19 < content.len()).then_some(compressed)
    }
}

/// What stands for a face's font program until its subset is made: no font format starts
/// like this, so printpdf embeds it as it would a TrueType program (`/FontFile2` with
/// `/Length1`).
const PLACEHOLDER: &[u8] = b"VanThu: font program of face ";

fn placeholder(face: Face) -> Vec<u8> {
    let mut bytes = PLACEHOLDER.to_vec();
    bytes.push(b'1' + face.index() as u8);
    bytes
}

/// A face's subset as it goes into the file.
struct Program {
    /// Length of the font program (`/Length1`).
    length: usize,
    /// The program, compressed if that made it smaller.
    content: Vec<u8>,
    deflated: bool,
}

/// Puts `program` where printpdf wrote `placeholder`, with the entries `Sequential` would
/// have written: `/Length1` where it was, then `/Filter`, then `/Length`.
fn embed(pdf: &mut lopdf::Document, placeholder: &[u8], program: Program) {
    let stream = pdf.objects.values_mut().find_map(|object| match object {
        lopdf::Object::Stream(s) if s.content == placeholder => Some(s),
        _ => None,
    });
    // None: a face whose runs drew no glyph, which printpdf leaves out.
    if let Some(stream) = stream {
        stream.dict.set("Length1", program.length as i64);
        if program.deflated {
            stream.dict.set("Filter", "FlateDecode");
        }
        stream.set_content(program.content);
    }
}

fn pt(mm: Mm) -> printpdf::Pt {
    printpdf::Pt(mm.to_pt().0)
}

/// The text with each space widened by `extra` (justification). `Tw` does not apply to the
/// two-byte codes of an embedded font, so the widening is a `TJ` offset after each space;
/// the space itself stays in the text for copy and paste.
fn text_items(text: &str, extra: Mm, size: Pt) -> Vec<TextItem> {
    if extra.0.abs() < 1e-6 {
        return vec![TextItem::Text(text.to_owned())];
    }
    let offset = -(extra.to_pt().0 / size.0) * 1000.0;
    let mut items = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(' ') {
        items.push(TextItem::Text(rest[..=i].to_owned()));
        items.push(TextItem::Offset(offset));
        rest = &rest[i + 1..];
    }
    if !rest.is_empty() {
        items.push(TextItem::Text(rest.to_owned()));
    }
    items
}

fn stroke(points: &[(Mm, Mm)], closed: bool, thickness: Pt, height: Mm) -> Vec<Op> {
    vec![
        Op::SaveGraphicsState,
        Op::SetOutlineThickness {
            pt: printpdf::Pt(thickness.0),
        },
        Op::DrawLine {
            line: Line {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: Point {
                            x: pt(x),
                            y: pt(height - y),
                        },
                        bezier: false,
                    })
                    .collect(),
                is_closed: closed,
            },
        },
        Op::RestoreGraphicsState,
    ]
}

/// One face cut down to the glyphs of the characters drawn with it.
struct Subset<'f> {
    face: Face,
    font: &'f FontFace,
    /// .notdef first, then the glyphs in character order; the subset numbers them 0, 1,
    /// 2… in this order (components of composite glyphs are appended after them).
    gids: Vec<u16>,
    codepoint_to_glyph: BTreeMap<u32, u16>,
}

impl<'f> Subset<'f> {
    fn new(face: Face, font: &'f FontFace, chars: &BTreeSet<char>) -> Subset<'f> {
        let mut gids: Vec<u16> = vec![0];
        let mut new_id: BTreeMap<u16, u16> = BTreeMap::new();
        let mut codepoint_to_glyph = BTreeMap::new();
        for &ch in chars {
            let Some(old) = font.glyph(ch) else { continue };
            let new = *new_id.entry(old).or_insert_with(|| {
                gids.push(old);
                (gids.len() - 1) as u16
            });
            codepoint_to_glyph.insert(ch as u32, new);
        }
        Subset {
            face,
            font,
            gids,
            codepoint_to_glyph,
        }
    }

    /// The subset font program (allsorts).
    fn bytes(&self) -> Result<Vec<u8>, PdfError> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};

        let failed = |detail: String| PdfError::FontUnreadable {
            path: self.font.path().display().to_string(),
            detail,
        };
        let file = ReadScope::new(&self.font.data)
            .read::<FontData<'_>>()
            .map_err(|e| failed(e.to_string()))?;
        let provider = file
            .table_provider(self.font.index as usize)
            .map_err(|e| failed(e.to_string()))?;
        subset(
            &provider,
            &self.gids,
            &SubsetProfile::Pdf,
            CmapTarget::Unicode,
        )
        .map_err(|e| failed(format!("subsetting: {e}")))
    }

    /// The subset, compressed as [`compress`] would.
    fn program(&self, deflater: &mut Deflater) -> Result<Program, PdfError> {
        let bytes = self.bytes()?;
        Ok(match deflater.deflate(&bytes) {
            Some(content) => Program {
                length: bytes.len(),
                content,
                deflated: true,
            },
            None => Program {
                length: bytes.len(),
                content: bytes,
                deflated: false,
            },
        })
    }

    /// The face as printpdf wants it, with `bytes` as its font program; the character map
    /// and widths are ours, so nothing is parsed twice.
    fn parsed(&self, bytes: Vec<u8>) -> ParsedFont {
        let face = self.font;
        let glyph_widths = self
            .gids
            .iter()
            .enumerate()
            .map(|(new, &old)| (new as u16, face.raw_advance(old)))
            .collect();
        ParsedFont {
            original_bytes: bytes,
            font_index: 0,
            font_name: Some(format!(
                "{}+{}",
                subset_tag(&self.gids),
                face.postscript_name()
            )),
            codepoint_to_glyph: self.codepoint_to_glyph.clone(),
            glyph_widths,
            units_per_em: face.units_per_em,
            font_metrics: FontMetrics {
                ascent: face.ascender,
                descent: face.descender,
            },
            font_type: FontType::TrueType,
            pdf_font_metrics: PdfFontMetricsStub {
                units_per_em: face.units_per_em,
                x_min: face.bbox[0],
                y_min: face.bbox[1],
                x_max: face.bbox[2],
                y_max: face.bbox[3],
                caret_slope_rise: face.caret_slope.0,
                caret_slope_run: face.caret_slope.1,
                us_weight_class: face.weight_class,
            },
        }
    }
}

/// Six capital letters naming a subset (ISO 32000 §9.6.4), derived from its glyphs.
fn subset_tag(gids: &[u16]) -> String {
    let mut h = fnv(gids.iter().flat_map(|g| g.to_be_bytes()));
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// printpdf writes a random `/ID` into the trailer; replace it, in place and with the same
/// length, by a hash of the file, so that the same document gives the same bytes.
fn stable_file_id(bytes: &mut [u8]) {
    let Some(trailer) = find_last(bytes, b"trailer") else {
        return;
    };
    let Some(id_at) = find_last(&bytes[trailer..], b"/ID").map(|i| i + trailer) else {
        return;
    };
    let hash = fnv(bytes[..trailer].iter().copied());
    let mut i = id_at;
    let mut which = 0u64;
    // The two strings are `(…32 letters…)`.
    while which < 2 {
        let Some(open) = bytes[i..].iter().position(|&b| b == b'(').map(|p| p + i) else {
            return;
        };
        let Some(close) = bytes[open..]
            .iter()
            .position(|&b| b == b')')
            .map(|p| p + open)
        else {
            return;
        };
        let mut h = hash ^ which;
        for b in &mut bytes[open + 1..close] {
            // A linear congruential step per letter (Knuth's MMIX constants).
            h = h
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            *b = b'A' + ((h >> 33) % 26) as u8;
        }
        i = close + 1;
        which += 1;
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RenderOptions;
    use vanthu_model::Document;

    fn fixture(name: &str) -> Document {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        Document::from_json(&std::fs::read_to_string(&path).expect("fixture"))
            .expect("valid fixture")
    }

    #[test]
    fn font_programs_made_beside_the_pages_give_the_same_file() {
        let fonts = FontSet::system().expect("fonts-liberation2 or Times New Roman installed");
        let options = RenderOptions::default();
        for name in ["002-party", "002-state", "003-party"] {
            let doc = fixture(name);
            let pages = crate::layout::layout_with(&doc, &options, fonts).expect("layout");
            let info = Info {
                title: doc.title.clone(),
                author: doc.issuer.name.clone(),
                subject: String::new(),
                date: doc.date,
            };
            let profile = options.profile(doc.format);
            let write = |aside| write_with(&pages, &info, fonts, profile, aside).unwrap();
            let (sequential, parallel) = (write(false), write(true));
            assert!(
                sequential == parallel,
                "{name}: the PDF changes with the way its fonts are subset \
                 ({} bytes one after another, {} beside the pages)",
                sequential.len(),
                parallel.len()
            );
            assert!(
                !parallel
                    .windows(PLACEHOLDER.len())
                    .any(|w| w == PLACEHOLDER),
                "{name}: a font program was left out"
            );
        }
    }

    #[test]
    fn a_reused_compressor_writes_what_a_fresh_one_writes() {
        use std::io::Write;
        let texts: [&[u8]; 3] = [
            &[b'a'; 40_000],
            b"BT /F1 14 Tf 1 0 0 1 85.04 771.02 Tm [<0012003400560078>] TJ ET",
            &(0..60_000u32)
                .map(|i| (i * 7919 % 251) as u8)
                .collect::<Vec<_>>(),
        ];
        let mut reused = Deflater::new();
        for text in texts {
            let mut fresh =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(FLATE_LEVEL));
            fresh.write_all(text).unwrap();
            let fresh = fresh.finish().unwrap();
            let expected = (fresh.len() + 19 < text.len()).then_some(fresh);
            assert_eq!(reused.deflate(text), expected);
        }
    }
}
