//! Pages to PDF bytes, with printpdf.
//!
//! The writer only draws what layout decided. Fonts are subset here (printpdf without its
//! HTML engine embeds whole fonts: 850 KB a document): each face used keeps only the glyphs
//! of the characters drawn with it, and is handed to printpdf as a ready `ParsedFont` whose
//! character map and widths we build ourselves, so nothing is parsed twice. Object names
//! and the file identifier are derived from the content, so the same document always gives
//! the same bytes.

use std::collections::{BTreeMap, BTreeSet};

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
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for run in page.texts() {
            used.entry(run.style.face)
                .or_default()
                .extend(run.text.chars());
        }
    }
    let mut doc = PdfDocument::new(&info.title);
    let mut ids: BTreeMap<Face, FontId> = BTreeMap::new();
    // Subsetting the faces is independent work: half of them on a second thread.
    let jobs: Vec<(Face, &BTreeSet<char>)> = used.iter().map(|(f, c)| (*f, c)).collect();
    let (first, second) = jobs.split_at(jobs.len() / 2);
    let run = |jobs: &[(Face, &BTreeSet<char>)]| -> Result<Vec<(Face, ParsedFont)>, PdfError> {
        jobs.iter()
            .map(|&(face, chars)| Ok((face, subset(fonts.face(face), chars)?)))
            .collect()
    };
    let (a, b) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| run(first));
        let b = run(second);
        (handle.join(), b)
    });
    let a = a.map_err(|_| PdfError::Write("font subsetting panicked".into()))??;
    for (face, parsed) in a.into_iter().chain(b?) {
        let id = FontId(format!("F{}", face.index() + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(parsed));
        ids.insert(face, id);
    }

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
                            font: PdfFontHandle::External(ids[&run.style.face].clone()),
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
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    compress(&mut pdf);
    let mut bytes = Vec::with_capacity(64 * 1024);
    pdf.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    stable_file_id(&mut bytes);
    Ok(bytes)
}

/// Flate level: lopdf compresses at `best` (9), which costs ~4 ms a document for ~2 % of
/// size; 6 is zlib's own default.
const FLATE_LEVEL: u32 = 6;

/// Compresses every stream that allows it. The font programs are most of the work, so the
/// streams are shared out between two threads (a clerk's PC has at least two cores).
fn compress(pdf: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => {
                Some(s)
            }
            _ => None,
        })
        .collect();
    // Largest first, each to the lighter of the two halves.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let (mut a, mut b): (Vec<&mut lopdf::Stream>, Vec<&mut lopdf::Stream>) = (vec![], vec![]);
    let (mut load_a, mut load_b) = (0usize, 0usize);
    for s in streams {
        if load_a <= load_b {
            load_a += s.content.len();
            a.push(s);
        } else {
            load_b += s.content.len();
            b.push(s);
        }
    }
    std::thread::scope(|scope| {
        scope.spawn(move || a.into_iter().for_each(compress_stream));
        b.into_iter().for_each(compress_stream);
    });
}

fn compress_stream(stream: &mut lopdf::Stream) {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 2),
        flate2::Compression::new(FLATE_LEVEL),
    );
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(compressed) = encoder.finish() {
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
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

/// A copy of `face` with only the glyphs of `chars`, as printpdf wants it.
fn subset(face: &FontFace, chars: &BTreeSet<char>) -> Result<ParsedFont, PdfError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};

    let failed = |detail: String| PdfError::FontUnreadable {
        path: face.path().display().to_string(),
        detail,
    };
    // .notdef first, then the glyphs in character order; the subset numbers them 0, 1, 2…
    // in this order (components of composite glyphs are appended after them).
    let mut gids: Vec<u16> = vec![0];
    let mut new_id: BTreeMap<u16, u16> = BTreeMap::new();
    let mut codepoint_to_glyph = BTreeMap::new();
    for &ch in chars {
        let Some(old) = face.glyph(ch) else { continue };
        let new = *new_id.entry(old).or_insert_with(|| {
            gids.push(old);
            (gids.len() - 1) as u16
        });
        codepoint_to_glyph.insert(ch as u32, new);
    }
    let glyph_widths = gids
        .iter()
        .enumerate()
        .map(|(new, &old)| (new as u16, face.raw_advance(old)))
        .collect();
    let file = ReadScope::new(&face.data)
        .read::<FontData<'_>>()
        .map_err(|e| failed(e.to_string()))?;
    let provider = file
        .table_provider(face.index as usize)
        .map_err(|e| failed(e.to_string()))?;
    let bytes = subset(&provider, &gids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| failed(format!("subsetting: {e}")))?;
    Ok(ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(format!("{}+{}", subset_tag(&gids), face.postscript_name())),
        codepoint_to_glyph,
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
    })
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
