//! The live preview: the pages [`crate::layout`] produced, as the window draws them.
//!
//! Rendering a PDF and rasterising it with pdf.js for every key the clerk types cost hundreds
//! of milliseconds; the layout itself costs a few. So a draft's preview is the layout's own
//! data — every text run on its baseline, in its face and size, each of its words at the x the
//! PDF viewer's pen puts it, every rule — which the window draws in the same fonts (their
//! files are handed to the page by [`font_file`]). The line breaks and page breaks are the
//! layout's, so they are the PDF's: both come from one call of the same layout function,
//! nothing is laid out again here.
//!
//! Lengths are millimetres from the top-left corner of the paper, rounded to a micrometre
//! (the JSON stays short; a micrometre is far below a screen pixel).

use serde::Serialize;
use ts_rs::TS;
use vanthu_model::Document;

use crate::error::PdfError;
use crate::fonts::FontSet;
use crate::layout::{layout_with, Item, Page, TextRun};
use crate::profile::{Face, Profile};
use crate::units::{Mm, Pt};
use crate::RenderOptions;

/// A document laid out for the screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Preview {
    /// The paper, in mm.
    pub width: f32,
    pub height: f32,
    /// The family the layout measured with (`Liberation Serif`, `Times New Roman`): the page
    /// falls back to it by name if a font file cannot be handed over.
    pub family: String,
    pub pages: Vec<PreviewPage>,
}

/// One sheet: its text runs and its strokes, in drawing order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewPage {
    /// 1-based.
    pub number: u32,
    pub texts: Vec<PreviewText>,
    pub strokes: Vec<Stroke>,
}

/// A run of text in one face on one baseline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewText {
    /// Left edge, mm.
    pub x: f32,
    /// Baseline from the top of the paper, mm.
    pub y: f32,
    /// Type size, mm (the page draws in millimetres).
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub text: String,
    /// Added to every space of the run (justification), mm.
    pub space: f32,
    /// The run's width as laid out (with `space`), mm.
    pub width: f32,
    /// Where each word of the run starts (the pieces of `text` split at each space, empty
    /// ones included), mm: the page places every word at the PDF's x, so a screen font that
    /// measures a hair wider or narrower than the PDF's (hinting, a size rounded to whole
    /// pixels) never moves a line's end.
    pub words: Vec<f32>,
}

/// A straight line (a rule, an underline, a side of a frame), mm; `thickness` too.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Stroke {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub thickness: f32,
}

/// Lays `doc` out as [`crate::render`] does and returns what the window draws.
pub fn preview(doc: &Document, options: &RenderOptions) -> Result<Preview, PdfError> {
    let fonts = FontSet::system()?;
    let pages = layout_with(doc, options, fonts)?;
    Ok(from_pages(&pages, options.profile(doc.format), fonts))
}

/// The window's drawing of pages already laid out.
pub(crate) fn from_pages(pages: &[Page], profile: &Profile, fonts: &FontSet) -> Preview {
    Preview {
        width: mm(profile.page_width),
        height: mm(profile.page_height),
        family: fonts.family().to_owned(),
        pages: pages.iter().map(|p| page(p, fonts)).collect(),
    }
}

fn page(page: &Page, fonts: &FontSet) -> PreviewPage {
    let mut texts = Vec::new();
    let mut strokes = Vec::new();
    let stroke = |(x1, y1): (Mm, Mm), (x2, y2): (Mm, Mm), thickness: Pt| Stroke {
        x1: mm(x1),
        y1: mm(y1),
        x2: mm(x2),
        y2: mm(y2),
        thickness: mm(thickness.to_mm()),
    };
    for item in &page.items {
        match item {
            Item::Text(run) => texts.push(PreviewText {
                x: mm(run.x),
                y: mm(run.baseline),
                size: mm(run.style.size.to_mm()),
                bold: run.style.face.is_bold(),
                italic: run.style.face.is_italic(),
                text: run.text.clone(),
                space: mm(run.space_extra),
                width: mm(run.width),
                words: word_starts(run, fonts),
            }),
            Item::Rule(_) | Item::VerticalRule(_) | Item::Frame(_) => {
                if let Some(outline) = item.outline() {
                    strokes.extend(
                        outline
                            .segments()
                            .map(|(a, b)| stroke(a, b, outline.thickness)),
                    );
                }
            }
        }
    }
    PreviewPage {
        number: page.number,
        texts,
        strokes,
    }
}

/// The x of each piece of `run.text` split at its spaces, measured as the writer's PDF
/// advances the pen: the text before it at the run's size, plus the run's extra per space.
fn word_starts(run: &TextRun, fonts: &FontSet) -> Vec<f32> {
    let face = fonts.face(run.style.face);
    let space = face.advance_1000(" ");
    let mut starts = Vec::new();
    // Thousandths of an em before the piece, summed as the PDF viewer sums `/W`.
    let mut before = 0;
    for (i, piece) in run.text.split(' ').enumerate() {
        let width = Pt(before as f32 * run.style.size.0 / 1000.0).to_mm();
        starts.push(mm(run.x + width + run.space_extra * i as f32));
        before += face.advance_1000(piece) + space;
    }
    starts
}

/// Rounded to a micrometre.
fn mm(v: Mm) -> f32 {
    (v.0 * 1000.0).round() / 1000.0
}

/// The font file of `face` the layout measures with, for the page to draw in: `None` when it
/// is one font of a collection (`.ttc`), which a web page cannot pick from — the page then
/// asks for the family by name.
pub fn font_file(face: Face) -> Result<Option<&'static [u8]>, PdfError> {
    let face = FontSet::system()?.face(face);
    let collection = face.data.starts_with(b"ttcf");
    Ok((face.index == 0 && !collection).then_some(face.data.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Rule;
    use crate::profile::TextStyle;
    use crate::Role;

    #[test]
    fn runs_and_rules_keep_their_places() {
        let fonts = FontSet::system().unwrap();
        let style = TextStyle::new(14.0, Face::BoldItalic);
        let text = "Kế hoạch số 82";
        let run = TextRun {
            role: Role::Body,
            x: Mm(30.0),
            baseline: Mm(100.1234),
            style,
            text: text.into(),
            width: fonts.width(style.face, text, style.size) + Mm(0.25) * 3.0,
            space_extra: Mm(0.25),
            block: Some(0),
        };
        let rule = Rule {
            role: Role::TitleSeparator,
            x1: Mm(90.0),
            x2: Mm(120.0),
            y: Mm(50.0),
            thickness: Pt(0.5),
        };
        let p = page(
            &Page {
                number: 2,
                items: vec![Item::Text(run.clone()), Item::Rule(rule)],
            },
            fonts,
        );
        assert_eq!(p.number, 2);
        let t = &p.texts[0];
        assert_eq!((t.x, t.y, t.space), (30.0, 100.123, 0.25));
        assert!(t.bold && t.italic);
        assert!((t.size - 14.0 * 25.4 / 72.0).abs() < 1e-3, "{}", t.size);
        // Each word where the PDF viewer's pen puts it: the last one ends at the run's end.
        assert_eq!(t.words.len(), 4);
        assert_eq!(t.words[0], 30.0);
        let last = t.words[3] + fonts.width(style.face, "82", style.size).0;
        assert!(
            (last - run.right().0).abs() < 0.002,
            "{last} vs {:?}",
            run.right()
        );
        let s = &p.strokes[0];
        assert_eq!((s.x1, s.y1, s.x2, s.y2), (90.0, 50.0, 120.0, 50.0));
        assert!((s.thickness - 0.176).abs() < 1e-3);
    }
}
