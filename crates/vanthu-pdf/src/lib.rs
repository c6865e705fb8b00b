//! Typesetting of VănThư documents: a [`Document`] becomes a PDF laid out as the regulation
//! of its format requires — Hướng dẫn 36-HD/VPTW for Party documents, Nghị định 30/2020/NĐ-CP
//! for State ones (`shared/spec/the-thuc.md`).
//!
//! Two steps, so that the layout can be checked without reading a PDF:
//! [`layout`] gives [`Page`]s of positioned text runs and rules in millimetres; [`render`]
//! also writes them as PDF bytes. The differences between the two formats live in two values
//! of [`Profile`], which an office can adjust through [`RenderOptions`]. The only I/O is
//! reading the system's fonts, once per process.
//!
//! The window's live preview ([`preview`]) is the same pages as data to draw, not a PDF.
//!
//! The printed outgoing register ([`render_register`], [`layout_register`]) is laid out with
//! the same fonts, line breaking and page data, on an A4 landscape sheet.

mod error;
mod fonts;
mod layout;
mod linebreak;
mod preview;
mod profile;
mod register;
mod settings;
mod subset;
mod units;
mod writer;

pub use error::PdfError;
pub use fonts::{FontFace, FontSet};
pub use layout::{layout, Frame, Item, Page, Role, Rule, TextRun, VerticalRule};
pub use preview::{font_file, preview, Preview, PreviewPage, PreviewText, Stroke};
pub use profile::{Face, HeaderLine, HeadingStyle, MarkStyle, Profile, Separator, TextStyle};
pub use register::{
    layout_register, render_register, RegisterBook, RegisterGroup, RegisterRow, REGISTER_COLUMNS,
};
pub use settings::{default_preset_name, CommonField, SettingError, COMMON_FIELDS};
pub use units::{Mm, Pt, MM_PER_PT};

use vanthu_model::{Conventions, Document, Format};

/// Settings of an export: the conventions of the model, and the two layout profiles.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    pub conventions: Conventions,
    /// Used for `format: party`.
    pub party: Profile,
    /// Used for `format: state`.
    pub state: Profile,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            conventions: Conventions::default(),
            party: Profile::party(),
            state: Profile::state(),
        }
    }
}

impl RenderOptions {
    /// The profile a document of `format` is laid out with.
    pub fn profile(&self, format: Format) -> &Profile {
        match format {
            Format::Party => &self.party,
            Format::State => &self.state,
        }
    }
}

/// Lays `doc` out and writes it as PDF. The same document and options give the same bytes.
pub fn render(doc: &Document, options: &RenderOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = FontSet::system()?;
    let pages = layout::layout_with(doc, options, fonts)?;
    let kind = doc.kind.map(|k| k.name()).unwrap_or_default();
    let info = writer::Info {
        title: vanthu_model::text::one_line(&format!("{kind} {}", doc.title)),
        author: doc.issuer.name.clone(),
        subject: vanthu_model::numbering::symbol(doc, &options.conventions).unwrap_or_default(),
        date: doc.date,
    };
    writer::write(&pages, &info, fonts, options.profile(doc.format))
}
