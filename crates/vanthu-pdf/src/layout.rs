//! Layout: a document becomes pages of positioned text runs and rules — plain data, in
//! millimetres from the top-left corner of the paper. Tests read these positions directly;
//! the writer ([`crate::writer`]) only draws them.
//!
//! The page is built top-down as the spec's page maps draw it (§1.2 Party, §2.2 State):
//! header (two columns), title block, body, closing block (Nơi nhận | signature). Every size,
//! string and distance comes from the [`Profile`].

use vanthu_model::markup::{self, BlockKind};
use vanthu_model::{date, numbering, Document, Kind, Recipient, Status};

use crate::error::PdfError;
use crate::fonts::FontSet;
use crate::linebreak::{break_lines, Mode, Piece, Word};
use crate::profile::{Face, MarkStyle, Profile, Separator, TextStyle};
use crate::units::{Mm, Pt};
use crate::RenderOptions;

/// One page: what to draw, in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Rule(Rule),
    VerticalRule(VerticalRule),
    Frame(Frame),
}

/// The lines a rule, vertical rule or frame is drawn as: its points in drawing order, whether
/// the path closes back to the first, and its thickness. The PDF writer strokes it as one
/// path, the live preview as its segments: both draw from here, so they draw the same lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outline {
    corners: [(Mm, Mm); 4],
    count: usize,
    pub closed: bool,
    pub thickness: Pt,
}

impl Outline {
    pub fn points(&self) -> &[(Mm, Mm)] {
        &self.corners[..self.count]
    }

    /// Each line from one point to the next, the closing one included.
    pub fn segments(&self) -> impl Iterator<Item = ((Mm, Mm), (Mm, Mm))> + '_ {
        let points = self.points();
        let closing = if self.closed {
            points.len()
        } else {
            points.len() - 1
        };
        (0..closing).map(move |i| (points[i], points[(i + 1) % points.len()]))
    }
}

impl Item {
    /// What the item is drawn as when it is lines; `None` for text.
    pub(crate) fn outline(&self) -> Option<Outline> {
        let line = |a, b, thickness| Outline {
            corners: [a, b, a, b],
            count: 2,
            closed: false,
            thickness,
        };
        match self {
            Item::Text(_) => None,
            Item::Rule(r) => Some(line((r.x1, r.y), (r.x2, r.y), r.thickness)),
            Item::VerticalRule(r) => Some(line((r.x, r.y1), (r.x, r.y2), r.thickness)),
            Item::Frame(f) => Some(Outline {
                corners: [
                    (f.left, f.top),
                    (f.right, f.top),
                    (f.right, f.bottom),
                    (f.left, f.bottom),
                ],
                count: 4,
                closed: true,
                thickness: f.thickness,
            }),
        }
    }
}

/// What a piece of the page is, so tests (and readers of the data) can find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// `ĐẢNG CỘNG SẢN VIỆT NAM`; Quốc hiệu and Tiêu ngữ.
    National,
    /// The rule under the last national line, exactly its width.
    NationalRule,
    Parent,
    Issuer,
    /// `*` or the rule under the issuer.
    IssuerSeparator,
    Number,
    PlaceDate,
    /// Trích yếu of a công văn, in the header.
    Summary,
    Secrecy,
    Urgency,
    DraftMarker,
    KindName,
    Title,
    /// `-----` or the rule under the trích yếu.
    TitleSeparator,
    /// Body text, and the rule under an underlined stretch of it (`__…__`).
    Body,
    PageNumber,
    RecipientsLabel,
    Recipient,
    Authority,
    Position,
    Signer,

    // ---- the outgoing register (sổ đăng ký văn bản đi), see [`crate::register`]
    /// `SỔ ĐĂNG KÝ VĂN BẢN ĐI`.
    RegisterTitle,
    /// The year or term the book covers.
    RegisterPeriod,
    /// A column title in the table header.
    ColumnHeader,
    /// `(1)` … `(10)` under the column titles.
    ColumnNumber,
    /// A line of text in a cell of an entry; its `block` is the entry's index in the book.
    RegisterCell,
    /// The document-type heading of a group of entries (Party books).
    RegisterGroup,
    /// A line of the table's grid.
    TableRule,
    /// `Sổ này có … trang, …`.
    ClosingNote,
    /// `Ngày … tháng … năm …` above the signature of whoever closes the book.
    ClosingDate,
    /// `NGƯỜI ĐÓNG SỔ`, `THỦ TRƯỞNG CƠ QUAN`.
    ClosingTitle,
    /// `(Ký, ghi rõ họ tên)`, `(Ký tên, đóng dấu)`.
    ClosingHint,
}

/// A run of text in one face on one baseline. When `space_extra` is not zero, every space
/// of the run is that much wider (justification); `width` includes it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub role: Role,
    /// Left edge.
    pub x: Mm,
    /// Baseline, from the top of the paper.
    pub baseline: Mm,
    pub style: TextStyle,
    pub text: String,
    pub width: Mm,
    pub space_extra: Mm,
    /// For body text: which block (paragraph, heading, item) of the body it belongs to; in a
    /// register: which entry of the book (counted over all groups from 0).
    pub block: Option<usize>,
}

impl TextRun {
    pub fn right(&self) -> Mm {
        self.x + self.width
    }

    pub fn centre(&self) -> Mm {
        self.x + self.width / 2.0
    }
}

/// A horizontal solid line.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub role: Role,
    pub x1: Mm,
    pub x2: Mm,
    pub y: Mm,
    pub thickness: Pt,
}

impl Rule {
    pub fn width(&self) -> Mm {
        self.x2 - self.x1
    }
}

/// A vertical solid line (the columns of a table).
#[derive(Debug, Clone, PartialEq)]
pub struct VerticalRule {
    pub role: Role,
    pub x: Mm,
    /// Top end.
    pub y1: Mm,
    /// Bottom end.
    pub y2: Mm,
    pub thickness: Pt,
}

impl VerticalRule {
    pub fn height(&self) -> Mm {
        self.y2 - self.y1
    }
}

/// A rectangle outline (a stamp's border).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub role: Role,
    pub left: Mm,
    pub top: Mm,
    pub right: Mm,
    pub bottom: Mm,
    pub thickness: Pt,
}

impl Page {
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }

    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.items.iter().filter_map(|i| match i {
            Item::Rule(r) => Some(r),
            _ => None,
        })
    }

    pub fn vertical_rules(&self) -> impl Iterator<Item = &VerticalRule> {
        self.items.iter().filter_map(|i| match i {
            Item::VerticalRule(r) => Some(r),
            _ => None,
        })
    }

    pub fn frames(&self) -> impl Iterator<Item = &Frame> {
        self.items.iter().filter_map(|i| match i {
            Item::Frame(f) => Some(f),
            _ => None,
        })
    }

    /// The text runs of one role, in drawing order.
    pub fn role(&self, role: Role) -> Vec<&TextRun> {
        self.texts().filter(|t| t.role == role).collect()
    }

    pub(crate) fn shift(items: &mut [Item], dy: Mm) {
        for item in items {
            match item {
                Item::Text(t) => t.baseline += dy,
                Item::Rule(r) => r.y += dy,
                Item::VerticalRule(r) => {
                    r.y1 += dy;
                    r.y2 += dy;
                }
                Item::Frame(f) => {
                    f.top += dy;
                    f.bottom += dy;
                }
            }
        }
    }
}

pub(crate) const EPS: f32 = 1e-3;

/// Lays `doc` out with the system fonts.
pub fn layout(doc: &Document, options: &RenderOptions) -> Result<Vec<Page>, PdfError> {
    layout_with(doc, options, FontSet::system()?)
}

pub(crate) fn layout_with(
    doc: &Document,
    options: &RenderOptions,
    fonts: &FontSet,
) -> Result<Vec<Page>, PdfError> {
    let mut doc = doc.clone();
    doc.normalize();
    let profile = options.profile(doc.format);
    check_glyphs(&doc, profile, fonts)?;
    let kind = doc.kind.ok_or_else(|| PdfError::Incomplete {
        field: "kind".into(),
        what_vi: "loại văn bản".into(),
    })?;
    let draft = doc.status == Status::Draft;
    let number = match (draft, doc.number) {
        (false, Some(n)) => numbering::number_text(n),
        _ => profile.blank.clone(),
    };
    let symbol = numbering::symbol_with(
        doc.format,
        kind,
        &doc.issuer.code,
        &number,
        &options.conventions,
    )
    .ok_or_else(|| PdfError::KindNotInFormat {
        kind: kind.name().to_owned(),
        format: doc.format.name_vi().to_owned(),
    })?;
    let number_line = if number == profile.blank {
        format!("{}{symbol}", profile.number_prefix.trim_end())
    } else {
        format!("{}{symbol}", profile.number_prefix)
    };
    let place_date = match (draft, doc.date) {
        (false, Some(d)) => date::place_and_date(&doc.place, d),
        (_, d) => {
            let blank = &profile.blank;
            let year = d.map_or(blank.clone(), |d| {
                format!(" {}", chrono::Datelike::year(&d))
            });
            let when = format!("ngày{blank}tháng{blank}năm{year}");
            if doc.place.is_empty() {
                when
            } else {
                format!("{}, {when}", doc.place)
            }
        }
    };
    let l = Layout { p: profile, fonts };
    let cong_van = kind == Kind::CongVan;
    let mut first = Vec::new();
    let header_bottom = l.header(&doc, &number_line, &place_date, cong_van, &mut first);
    let body_top = if cong_van {
        header_bottom + profile.title_gap
    } else {
        l.title_block(&kind.printed_name(), &doc.title, header_bottom, &mut first)
    };
    let lines = l.body_lines(&doc.body);
    let (closing, closing_height) = l.closing(&doc);
    l.paginate_all(first, body_top, lines, closing, closing_height)
}

/// Every character must have a glyph in every face, or it would print as an empty box.
fn check_glyphs(doc: &Document, p: &Profile, fonts: &FontSet) -> Result<(), PdfError> {
    let mut fields: Vec<(String, &str)> = vec![
        ("issuer.parent".into(), &doc.issuer.parent),
        ("issuer.name".into(), &doc.issuer.name),
        ("issuer.code".into(), &doc.issuer.code),
        ("place".into(), &doc.place),
        ("title".into(), &doc.title),
        ("body".into(), &doc.body),
        ("archive".into(), &doc.archive),
        ("signature.authority".into(), &doc.signature.authority),
        ("signature.position".into(), &doc.signature.position),
        ("signature.name".into(), &doc.signature.name),
    ];
    for (i, r) in doc.recipients.iter().enumerate() {
        fields.push((format!("recipients[{i}].name"), &r.name));
        fields.push((format!("recipients[{i}].note"), &r.note));
    }
    let profile_texts = [
        p.number_prefix.as_str(),
        &p.summary_prefix,
        &p.draft_marker,
        &p.end_mark,
        &p.recipients_label,
        &p.recipient_end,
        &p.archive_end,
        &p.blank,
        "0123456789-/,.:() ",
    ];
    for t in profile_texts {
        fields.push(("profile".into(), t));
    }
    for line in &p.national {
        fields.push(("profile".into(), &line.text));
    }
    check_chars(fields, fonts)
}

/// Every character of every field must have a glyph in all four faces (a field may be set
/// in any of them); the first one missing names its field.
pub(crate) fn check_chars<'t>(
    fields: impl IntoIterator<Item = (String, &'t str)>,
    fonts: &FontSet,
) -> Result<(), PdfError> {
    let mut checked = std::collections::HashSet::new();
    for (field, text) in fields {
        for ch in text.chars() {
            if ch == '\n' || ch == '\t' || !checked.insert(ch) {
                continue;
            }
            if Face::ALL.iter().any(|&f| !fonts.face(f).has(ch)) {
                return Err(PdfError::MissingGlyph {
                    family: fonts.family().to_owned(),
                    ch,
                    field,
                });
            }
        }
    }
    Ok(())
}

/// One line of the body, before it is given a page.
struct BodyLine {
    runs: Vec<TextRun>,
    /// The x-ranges of the line's underlined stretches.
    underlines: Vec<(Mm, Mm)>,
    block: usize,
    index: usize,
    count: usize,
    keep_with_next: bool,
    space_before: Mm,
}

/// The measuring and setting of text with a profile and a font set, shared by the document
/// layout and the register ([`crate::register`]).
pub(crate) struct Layout<'a> {
    pub p: &'a Profile,
    pub fonts: &'a FontSet,
}

impl Layout<'_> {
    pub(crate) fn width(&self, style: TextStyle, text: &str) -> Mm {
        self.fonts.width(style.face, text, style.size)
    }

    pub(crate) fn ascent(&self, style: TextStyle) -> Mm {
        style.size.to_mm() * self.fonts.face(style.face).ascent()
    }

    pub(crate) fn descent(&self, style: TextStyle) -> Mm {
        style.size.to_mm() * self.fonts.face(style.face).descent()
    }

    /// Single line spacing of a style.
    pub(crate) fn lead(&self, style: TextStyle) -> Mm {
        style.size.to_mm() * self.p.single_line
    }

    pub(crate) fn run(
        &self,
        role: Role,
        style: TextStyle,
        text: &str,
        x: Mm,
        baseline: Mm,
    ) -> TextRun {
        TextRun {
            role,
            x,
            baseline,
            style,
            text: text.to_owned(),
            width: self.width(style, text),
            space_extra: Mm::ZERO,
            block: None,
        }
    }

    /// Splits text in one face into words.
    pub(crate) fn words(&self, spans: &[(&str, Face)], size: Pt) -> Vec<Word> {
        let spans: Vec<(&str, Face, bool)> = spans.iter().map(|&(t, f)| (t, f, false)).collect();
        self.styled_words(&spans, size)
    }

    /// Splits text into words, each a list of pieces in one face, underlined (`true`) or not.
    fn styled_words(&self, spans: &[(&str, Face, bool)], size: Pt) -> Vec<Word> {
        let mut words = Vec::new();
        let mut pieces: Vec<Piece> = Vec::new();
        let mut current = String::new();
        let mut current_style = (Face::Regular, false);
        let finish_piece = |pieces: &mut Vec<Piece>, text: &mut String, (face, underline)| {
            if !text.is_empty() {
                let width = self.fonts.width(face, text, size);
                pieces.push(Piece {
                    text: std::mem::take(text),
                    face,
                    underline,
                    width,
                });
            }
        };
        let finish_word = |words: &mut Vec<Word>, pieces: &mut Vec<Piece>| {
            if let Some(last) = pieces.last() {
                let space = self.fonts.width(last.face, " ", size);
                words.push(Word {
                    width: pieces.iter().fold(Mm::ZERO, |w, p| w + p.width),
                    pieces: std::mem::take(pieces),
                    space,
                });
            }
        };
        for &(text, face, underline) in spans {
            for ch in text.chars() {
                if is_break_space(ch) {
                    finish_piece(&mut pieces, &mut current, current_style);
                    finish_word(&mut words, &mut pieces);
                    continue;
                }
                if (face, underline) != current_style && !current.is_empty() {
                    finish_piece(&mut pieces, &mut current, current_style);
                }
                current_style = (face, underline);
                current.push(ch);
            }
        }
        finish_piece(&mut pieces, &mut current, current_style);
        finish_word(&mut words, &mut pieces);
        words
    }

    /// Cuts words wider than `limit` into pieces that fit (no space between them): the only
    /// case where a line breaks inside a word, rather than crossing the margin.
    pub(crate) fn split_overlong(&self, words: Vec<Word>, limit: Mm, size: Pt) -> Vec<Word> {
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            if word.width.0 <= limit.0 + EPS {
                out.push(word);
                continue;
            }
            let space = word.space;
            let mut chunk: Vec<Piece> = Vec::new();
            let mut chunk_width = Mm::ZERO;
            for piece in word.pieces {
                for ch in piece.text.chars() {
                    let w = self
                        .fonts
                        .width(piece.face, ch.encode_utf8(&mut [0; 4]), size);
                    if chunk_width.0 + w.0 > limit.0 + EPS && chunk_width.0 > 0.0 {
                        out.push(Word {
                            pieces: std::mem::take(&mut chunk),
                            width: chunk_width,
                            space: Mm::ZERO,
                        });
                        chunk_width = Mm::ZERO;
                    }
                    match chunk.last_mut() {
                        Some(last)
                            if last.face == piece.face && last.underline == piece.underline =>
                        {
                            last.text.push(ch);
                            last.width += w;
                        }
                        _ => chunk.push(Piece {
                            text: ch.to_string(),
                            face: piece.face,
                            underline: piece.underline,
                            width: w,
                        }),
                    }
                    chunk_width += w;
                }
            }
            out.push(Word {
                pieces: chunk,
                width: chunk_width,
                space,
            });
        }
        out
    }

    /// The runs of one line: words `ws`, starting at `x`; `target` justifies it to that width.
    /// Also the x-ranges of its underlined stretches: a run ends where an underline starts or
    /// stops, and the space between an underlined word and one that is not is in neither run,
    /// so a rule under a run is exactly the run's width.
    fn set_line(
        &self,
        ws: &[Word],
        x: Mm,
        target: Option<Mm>,
        size: Pt,
        role: Role,
        base: Face,
    ) -> (Vec<TextRun>, Vec<(Mm, Mm)>) {
        let spaces = ws[..ws.len().saturating_sub(1)]
            .iter()
            .filter(|w| w.space.0 > 0.0)
            .count();
        let natural = ws.iter().fold(Mm::ZERO, |a, w| a + w.width)
            + ws[..ws.len().saturating_sub(1)]
                .iter()
                .fold(Mm::ZERO, |a, w| a + w.space);
        let extra = match target {
            Some(t) if spaces > 0 => (t - natural) / spaces as f32,
            _ => Mm::ZERO,
        };
        let mut runs: Vec<TextRun> = Vec::new();
        let mut underlines: Vec<(Mm, Mm)> = Vec::new();
        let mut x = x;
        // The open run: its face, whether it is underlined, its text, natural width, spaces.
        type Open = (Face, bool, String, Mm, usize);
        let close = |open: &mut Option<Open>,
                     x: &mut Mm,
                     runs: &mut Vec<TextRun>,
                     underlines: &mut Vec<(Mm, Mm)>| {
            if let Some((face, underline, text, natural, spaces)) = open.take() {
                let width = natural + extra * spaces as f32;
                if underline {
                    // One stretch over runs of different faces that touch (`__**Ban** Thường vụ__`).
                    match underlines.last_mut() {
                        Some(last) if (last.1 - *x).0.abs() < EPS => last.1 = *x + width,
                        _ => underlines.push((*x, *x + width)),
                    }
                }
                runs.push(TextRun {
                    role,
                    x: *x,
                    baseline: Mm::ZERO,
                    style: TextStyle {
                        size,
                        face: combine(base, face),
                    },
                    text,
                    width,
                    space_extra: if spaces > 0 { extra } else { Mm::ZERO },
                    block: None,
                });
                *x += width;
            }
        };
        let mut open: Option<Open> = None;
        for (k, w) in ws.iter().enumerate() {
            for piece in &w.pieces {
                if open
                    .as_ref()
                    .is_some_and(|o| (o.0, o.1) != (piece.face, piece.underline))
                {
                    close(&mut open, &mut x, &mut runs, &mut underlines);
                }
                let o = open.get_or_insert_with(|| {
                    (piece.face, piece.underline, String::new(), Mm::ZERO, 0)
                });
                o.2.push_str(&piece.text);
                o.3 += piece.width;
            }
            if k + 1 < ws.len() && w.space.0 > 0.0 {
                let underlined = |p: Option<&Piece>| p.is_some_and(|p| p.underline);
                if underlined(w.pieces.last()) == underlined(ws[k + 1].pieces.first()) {
                    if let Some(o) = open.as_mut() {
                        o.2.push(' ');
                        o.3 += w.space;
                        o.4 += 1;
                    }
                } else {
                    close(&mut open, &mut x, &mut runs, &mut underlines);
                    x += w.space + extra;
                }
            }
        }
        close(&mut open, &mut x, &mut runs, &mut underlines);
        (runs, underlines)
    }

    /// Text centred in `[left, right]`, broken into balanced lines no wider than `max`.
    /// Lines start at `top` (top of the first line's ascent). Returns the bottom of the
    /// last line and the widest line's width.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn centred(
        &self,
        text: &str,
        style: TextStyle,
        (left, right): (Mm, Mm),
        max: Mm,
        top: Mm,
        role: Role,
        out: &mut Vec<Item>,
    ) -> (Mm, Mm, Vec<TextRun>) {
        let measure = (right - left).min(max);
        let words = self.words(&[(text, style.face)], style.size);
        let words = self.split_overlong(words, measure, style.size);
        let starts = break_lines(&words, measure, measure, Mode::Balance);
        let centre = (left + right) / 2.0;
        let mut widest = Mm::ZERO;
        let mut y = top;
        let mut lines = Vec::new();
        for (i, &a) in starts.iter().enumerate() {
            let b = starts.get(i + 1).copied().unwrap_or(words.len());
            let line_text = join_words(&words[a..b]);
            let mut run = self.run(role, style, &line_text, Mm::ZERO, y + self.ascent(style));
            run.x = centre - run.width / 2.0;
            widest = widest.max(run.width);
            y += self.lead(style);
            lines.push(run.clone());
            out.push(Item::Text(run));
        }
        (y, widest, lines)
    }

    /// One line centred on `centre`, kept inside the text area if it is wider than its column.
    pub(crate) fn centred_line(
        &self,
        text: &str,
        style: TextStyle,
        centre: Mm,
        baseline: Mm,
        role: Role,
    ) -> TextRun {
        let mut run = self.run(role, style, text, Mm::ZERO, baseline);
        let x = centre - run.width / 2.0;
        run.x = x
            .min(self.p.text_right() - run.width)
            .max(self.p.text_left());
        run
    }

    pub(crate) fn rule(&self, role: Role, centre: Mm, width: Mm, y: Mm) -> Item {
        Item::Rule(Rule {
            role,
            x1: centre - width / 2.0,
            x2: centre + width / 2.0,
            y,
            thickness: self.p.rule_thickness,
        })
    }

    /// A stamp-like mark centred on `centre` with its top at `top`; returns the bottom.
    fn mark(
        &self,
        text: &str,
        mark: MarkStyle,
        centre: Mm,
        top: Mm,
        role: Role,
        out: &mut Vec<Item>,
    ) -> Mm {
        let pad = if mark.boxed { Mm(1.2) } else { Mm::ZERO };
        let style = mark.style;
        let baseline = top + pad + self.ascent(style);
        let run = self.centred_line(text, style, centre, baseline, role);
        if mark.boxed {
            out.push(Item::Frame(Frame {
                role,
                left: run.x - Mm(2.0),
                top,
                right: run.right() + Mm(2.0),
                bottom: baseline + self.descent(style) + pad,
                thickness: self.p.rule_thickness,
            }));
        }
        out.push(Item::Text(run));
        baseline + self.descent(style) + pad + Mm(1.5)
    }

    /// The issuing office centred in `column`: parent (if any), issuer, and the profile's
    /// separator (`*` or a rule under the issuer). Returns where the next line may start.
    pub(crate) fn issuer_block(
        &self,
        parent: &str,
        name: &str,
        column: (Mm, Mm),
        top: Mm,
        out: &mut Vec<Item>,
    ) -> Mm {
        let p = self.p;
        let centre = (column.0 + column.1) / 2.0;
        let full = Mm(f32::MAX);
        let mut top = top;
        if !parent.is_empty() {
            top = self
                .centred(parent, p.parent, column, full, top, Role::Parent, out)
                .0;
        }
        let (issuer_bottom, issuer_widest, issuer_lines) =
            self.centred(name, p.issuer, column, full, top, Role::Issuer, out);
        top = issuer_bottom;
        match &p.issuer_separator {
            Separator::Text { text, style } => {
                let run = self.centred_line(
                    text,
                    *style,
                    centre,
                    top + self.ascent(*style),
                    Role::IssuerSeparator,
                );
                out.push(Item::Text(run));
                top += self.lead(*style);
            }
            Separator::Rule { fraction } => {
                let y = issuer_lines.last().map_or(top, |l| l.baseline + p.rule_gap);
                let centre = issuer_lines.last().map_or(centre, |l| l.centre());
                out.push(self.rule(Role::IssuerSeparator, centre, issuer_widest * *fraction, y));
                top = y;
            }
        }
        top
    }

    /// The two header columns. Returns the lowest point they reach.
    fn header(
        &self,
        doc: &Document,
        number_line: &str,
        place_date: &str,
        cong_van: bool,
        out: &mut Vec<Item>,
    ) -> Mm {
        let p = self.p;
        let left = p.header_left();
        let right = p.header_right();
        let (lc, rc) = ((left.0 + left.1) / 2.0, (right.0 + right.1) / 2.0);
        let full = Mm(f32::MAX);

        // Left: parent, issuer, separator.
        let top = self.issuer_block(
            &doc.issuer.parent,
            &doc.issuer.name,
            left,
            p.margin_top,
            out,
        );
        let left_number_top = top + p.number_gap;

        // Right: national lines and the rule exactly as wide as the last one.
        let mut rtop = p.margin_top;
        let mut last: Option<TextRun> = None;
        for line in &p.national {
            let run = self.centred_line(
                &line.text,
                line.style,
                rc,
                rtop + self.ascent(line.style),
                Role::National,
            );
            rtop += self.lead(line.style);
            last = Some(run.clone());
            out.push(Item::Text(run));
        }
        if let Some(last) = &last {
            let y = last.baseline + p.rule_gap;
            out.push(Item::Rule(Rule {
                role: Role::NationalRule,
                x1: last.x,
                x2: last.right(),
                y,
                thickness: p.rule_thickness,
            }));
            rtop = y;
        }
        let right_date_top = rtop + p.number_gap;

        // The number (left) and the place and date (right) share a baseline.
        let baseline = (left_number_top + self.ascent(p.number))
            .max(right_date_top + self.ascent(p.place_date));
        out.push(Item::Text(self.centred_line(
            number_line,
            p.number,
            lc,
            baseline,
            Role::Number,
        )));
        let date = self.centred_line(place_date, p.place_date, rc, baseline, Role::PlaceDate);
        out.push(Item::Text(date));
        let mut ltop = baseline - self.ascent(p.number) + self.lead(p.number);
        let mut rtop = baseline - self.ascent(p.place_date) + self.lead(p.place_date);

        if cong_van && !doc.title.is_empty() {
            let text = format!("{}{}", p.summary_prefix, doc.title);
            ltop = self
                .centred(
                    &text,
                    p.summary,
                    left,
                    full,
                    ltop + p.summary_gap.to_mm(),
                    Role::Summary,
                    out,
                )
                .0;
        }
        if let Some(s) = doc.secrecy {
            ltop = self.mark(s.mark(), p.secrecy, lc, ltop + Mm(1.5), Role::Secrecy, out);
        }
        if let Some(u) = doc.urgency {
            ltop = self.mark(u.mark(), p.urgency, lc, ltop + Mm(1.5), Role::Urgency, out);
        }
        if doc.status == Status::Draft && !p.draft_marker.is_empty() {
            rtop = self.mark(
                &p.draft_marker,
                p.draft,
                rc,
                rtop + Mm(1.5),
                Role::DraftMarker,
                out,
            );
        }
        ltop.max(rtop)
    }

    /// Type name, trích yếu and the separator under them; returns where the body starts.
    fn title_block(&self, kind_name: &str, title: &str, top: Mm, out: &mut Vec<Item>) -> Mm {
        let p = self.p;
        let area = (p.text_left(), p.text_right());
        let centre = p.text_centre();
        let mut top = top + p.title_gap;
        let (bottom, mut widest, mut lines) = self.centred(
            kind_name,
            p.kind_name,
            area,
            p.title_max_width,
            top,
            Role::KindName,
            out,
        );
        top = bottom;
        if !title.is_empty() {
            let (bottom, w, l) = self.centred(
                title,
                p.title,
                area,
                p.title_max_width,
                top,
                Role::Title,
                out,
            );
            top = bottom;
            widest = w;
            lines = l;
        }
        match &p.title_separator {
            Separator::Text { text, style } => {
                let run = self.centred_line(
                    text,
                    *style,
                    centre,
                    top + self.ascent(*style),
                    Role::TitleSeparator,
                );
                out.push(Item::Text(run));
                top += self.lead(*style);
            }
            Separator::Rule { fraction } => {
                let y = lines.last().map_or(top, |l| l.baseline + p.rule_gap);
                out.push(self.rule(Role::TitleSeparator, centre, widest * *fraction, y));
                top = y + p.rule_gap;
            }
        }
        top + p.body_gap
    }

    /// The body's lines, with what pagination needs to keep them together.
    fn body_lines(&self, body: &str) -> Vec<BodyLine> {
        let p = self.p;
        let size = p.body.size;
        let base = p.body.face;
        let blocks = markup::parse(body, &p.end_mark);
        let mut lines = Vec::new();
        for (bi, block) in blocks.iter().enumerate() {
            let level = match block.kind {
                BlockKind::Heading(level) => Some(level.min(p.headings.len() - 1)),
                _ => None,
            };
            let spans: Vec<(&str, Face, bool)> = block
                .spans
                .iter()
                .map(|s| {
                    let h = level.filter(|_| s.heading).map(|l| p.headings[l]);
                    let bold = s.bold || h.is_some_and(|h| h.bold);
                    let italic = s.italic || h.is_some_and(|h| h.italic);
                    (s.text.as_str(), Face::new(bold, italic), s.underline)
                })
                .collect();
            // A heading that is a title (styled whole) stays with what follows it; a numbered
            // paragraph ("1. Hình thức: …") is an ordinary paragraph for pagination.
            let titled = level.is_some() && block.spans.iter().all(|s| s.heading);
            let words = self.styled_words(&spans, size);
            let (first_x, text_x, marker) = match &block.kind {
                BlockKind::Item { depth, marker } => {
                    let mx = p.text_left() + p.first_line_indent + p.item_hang * *depth as f32;
                    (
                        mx + p.item_hang,
                        mx + p.item_hang,
                        Some((mx, marker.as_str())),
                    )
                }
                _ => (p.text_left() + p.first_line_indent, p.text_left(), None),
            };
            let first = p.text_right() - first_x;
            let rest = p.text_right() - text_x;
            let words = self.split_overlong(words, first.min(rest), size);
            let starts = break_lines(&words, first, rest, Mode::Justify);
            let count = starts.len();
            for (li, &a) in starts.iter().enumerate() {
                let b = starts.get(li + 1).copied().unwrap_or(words.len());
                let last = li + 1 == count;
                let x = if li == 0 { first_x } else { text_x };
                let measure = p.text_right() - x;
                // The last line keeps natural spaces, unless total fit chose to shrink it.
                let natural = words[a..b].iter().fold(Mm::ZERO, |w, word| w + word.width)
                    + words[a..b - 1]
                        .iter()
                        .fold(Mm::ZERO, |w, word| w + word.space);
                let target = (!last || natural.0 > measure.0).then_some(measure);
                let (mut runs, underlines) =
                    self.set_line(&words[a..b], x, target, size, Role::Body, base);
                if li == 0 {
                    if let Some((mx, m)) = marker {
                        let style = TextStyle { size, face: base };
                        runs.insert(0, self.run(Role::Body, style, m, mx, Mm::ZERO));
                    }
                }
                for run in &mut runs {
                    run.block = Some(bi);
                }
                lines.push(BodyLine {
                    runs,
                    underlines,
                    block: bi,
                    index: li,
                    count,
                    keep_with_next: titled,
                    space_before: if li == 0 && bi > 0 {
                        p.paragraph_spacing.to_mm()
                    } else {
                        Mm::ZERO
                    },
                });
            }
        }
        lines
    }

    /// Nơi nhận and the signature, positioned from a top of zero. Returns the items and the
    /// height of the block.
    fn closing(&self, doc: &Document) -> (Vec<Item>, Mm) {
        let p = self.p;
        let mut out = Vec::new();
        let left = p.text_left();
        let left_right = p.text_left() + p.text_width() * p.closing_split;
        let sig = p.signature_column();
        let sig_centre = (sig.0 + sig.1) / 2.0;
        let sig_lines: Vec<(&str, TextStyle, Role)> = [
            (
                doc.signature.authority.as_str(),
                p.authority,
                Role::Authority,
            ),
            (doc.signature.position.as_str(), p.position, Role::Position),
        ]
        .into_iter()
        .filter(|(t, _, _)| !t.is_empty())
        .collect();
        let has_recipients = !doc.recipients.is_empty() || !doc.archive.is_empty();
        let first_right = sig_lines.first().map_or(p.signer, |l| l.1);
        let b0 = if has_recipients {
            self.ascent(p.recipients_label_style)
                .max(self.ascent(first_right))
        } else {
            self.ascent(first_right)
        };
        let mut bottom = Mm::ZERO;

        if has_recipients {
            let label = self.run(
                Role::RecipientsLabel,
                p.recipients_label_style,
                &p.recipients_label,
                left,
                b0,
            );
            if p.recipients_label_underline {
                let size = p.recipients_label_style.size.to_mm();
                out.push(Item::Rule(Rule {
                    role: Role::RecipientsLabel,
                    x1: label.x,
                    x2: label.right(),
                    y: b0 + size * 0.12,
                    thickness: Pt(p.recipients_label_style.size.0 * 0.05),
                }));
            }
            out.push(Item::Text(label));
            let style = p.recipient;
            let lead = style.size.to_mm() * p.recipient_line;
            let mut baseline = b0 + self.lead(p.recipients_label_style);
            let mut entries: Vec<String> = doc.recipients.iter().map(Recipient::line).collect();
            if !doc.archive.is_empty() {
                entries.push(doc.archive.trim_end_matches([',', ';', '.']).to_owned());
            }
            let n = entries.len();
            let marker = "-";
            let text_x = left + self.width(style, "- ");
            for (i, entry) in entries.iter().enumerate() {
                let end = if i + 1 == n {
                    &p.archive_end
                } else {
                    &p.recipient_end
                };
                let text = format!("{entry}{end}");
                let words = self.words(&[(&text, style.face)], style.size);
                let measure = left_right - text_x;
                let words = self.split_overlong(words, measure, style.size);
                let starts = break_lines(&words, measure, measure, Mode::Fill);
                out.push(Item::Text(self.run(
                    Role::Recipient,
                    style,
                    marker,
                    left,
                    baseline,
                )));
                for (li, &a) in starts.iter().enumerate() {
                    let b = starts.get(li + 1).copied().unwrap_or(words.len());
                    let line = join_words(&words[a..b]);
                    out.push(Item::Text(self.run(
                        Role::Recipient,
                        style,
                        &line,
                        text_x,
                        baseline,
                    )));
                    bottom = baseline + self.descent(style);
                    baseline += lead;
                }
            }
        }

        let mut top = b0 - self.ascent(first_right);
        let mut last_title = None;
        for (text, style, role) in sig_lines {
            let (end, _, lines) = self.centred(text, style, sig, Mm(f32::MAX), top, role, &mut out);
            last_title = lines.last().map(|l| l.baseline);
            top = end;
        }
        let name_baseline = match last_title {
            Some(b) => b + p.signature_space,
            None => b0 + p.signature_space,
        };
        if !doc.signature.name.is_empty() {
            out.push(Item::Text(self.centred_line(
                &doc.signature.name,
                p.signer,
                sig_centre,
                name_baseline,
                Role::Signer,
            )));
        }
        bottom = bottom.max(name_baseline + self.descent(p.signer));
        (out, bottom)
    }

    /// Distributes the body lines over pages (no widow or orphan, headings kept with what
    /// follows), then places the closing block, moving it with at least the last two body
    /// lines to a new page when it does not fit.
    fn paginate_all(
        &self,
        first: Vec<Item>,
        body_top: Mm,
        mut lines: Vec<BodyLine>,
        mut closing: Vec<Item>,
        closing_height: Mm,
    ) -> Result<Vec<Page>, PdfError> {
        let p = self.p;
        let lead = p.line_spacing.to_mm();
        let bottom = p.text_bottom();
        let closing_fits = |pos: &[(usize, Mm)]| -> (usize, Mm, bool) {
            let (page, top) = match pos.last() {
                Some(&(page, t)) => (page, t + lead + p.closing_gap),
                None => (0, body_top),
            };
            (page, top, top + closing_height <= bottom + Mm(EPS))
        };
        let mut pos = self.paginate(&lines, body_top, None);
        let (mut closing_page, mut closing_top, fits) = closing_fits(&pos);
        if !fits {
            let n = lines.len();
            let pull = (1..=n.saturating_sub(2))
                .rev()
                .find(|&b| allowed_break(&lines, b))
                .unwrap_or(0);
            pos = self.paginate(&lines, body_top, Some(pull));
            let (page, top, fits) = closing_fits(&pos);
            (closing_page, closing_top) = if fits {
                (page, top)
            } else {
                (page + 1, p.margin_top)
            };
        }

        let pages_count = closing_page.max(pos.last().map_or(0, |l| l.0)) + 1;
        let mut pages: Vec<Page> = (0..pages_count)
            .map(|i| Page {
                number: i as u32 + 1,
                items: Vec::new(),
            })
            .collect();
        pages[0].items = first;
        // Baseline inside a line box of exact spacing: the glyph box centred in it.
        let size = p.body.size.to_mm();
        let face = self.fonts.face(p.body.face);
        let glyph_box = size * (face.ascent() + face.descent());
        let baseline_offset = (lead - glyph_box) / 2.0 + size * face.ascent();
        // Underlines at the depth and thickness the body's font gives, whatever the run's face,
        // so that one stretch over bold and regular words is one straight rule.
        let (depth, thickness) = face.underline();
        for (line, &(page, top)) in lines.iter_mut().zip(&pos) {
            let baseline = top + baseline_offset;
            for mut run in line.runs.drain(..) {
                run.baseline = baseline;
                pages[page].items.push(Item::Text(run));
            }
            for &(x1, x2) in &line.underlines {
                pages[page].items.push(Item::Rule(Rule {
                    role: Role::Body,
                    x1,
                    x2,
                    y: baseline + size * depth,
                    thickness: Pt(p.body.size.0 * thickness),
                }));
            }
        }
        Page::shift(&mut closing, closing_top);
        pages[closing_page].items.extend(closing);
        for page in pages.iter_mut() {
            self.number_page(page);
        }
        Ok(pages)
    }

    /// The page number at the top centre, from the profile's first numbered page on.
    pub(crate) fn number_page(&self, page: &mut Page) {
        let p = self.p;
        if page.number >= p.page_number_from {
            let style = p.page_number;
            let baseline = p.page_number_top + self.ascent(style);
            let run = self.centred_line(
                &page.number.to_string(),
                style,
                p.text_centre(),
                baseline,
                Role::PageNumber,
            );
            page.items.push(Item::Text(run));
        }
    }

    /// Top of each line and its page. `forced`: a line that must begin a page (`Some(0)`:
    /// the body starts on page 2).
    fn paginate(
        &self,
        lines: &[BodyLine],
        first_top: Mm,
        forced: Option<usize>,
    ) -> Vec<(usize, Mm)> {
        let p = self.p;
        let lead = p.line_spacing.to_mm();
        let bottom = p.text_bottom();
        let mut pos: Vec<(usize, Mm)> = Vec::with_capacity(lines.len());
        let (mut page, mut page_start, mut top) = (0usize, 0usize, first_top);
        let mut forced = forced;
        let mut i = 0;
        while i < lines.len() {
            let at_page_start = i == page_start;
            let break_at = if forced == Some(i) && !(at_page_start && page > 0) {
                forced = None;
                Some(i)
            } else {
                let before = if at_page_start {
                    Mm::ZERO
                } else {
                    lines[i].space_before
                };
                if at_page_start || top + before + lead <= bottom + Mm(EPS) {
                    top += before;
                    pos.push((page, top));
                    top += lead;
                    i += 1;
                    None
                } else {
                    Some(
                        (page_start + 1..=i)
                            .rev()
                            .find(|&b| allowed_break(lines, b))
                            .unwrap_or(i),
                    )
                }
            };
            if let Some(b) = break_at {
                pos.truncate(b);
                page += 1;
                page_start = b;
                i = b;
                top = p.margin_top;
            }
        }
        pos
    }
}

/// May a page end before line `b`?
fn allowed_break(lines: &[BodyLine], b: usize) -> bool {
    if b == 0 || b >= lines.len() {
        return b == 0;
    }
    let (prev, cur) = (&lines[b - 1], &lines[b]);
    if prev.block == cur.block {
        cur.index >= 2 && cur.count - cur.index >= 2
    } else {
        !prev.keep_with_next
    }
}

fn combine(base: Face, face: Face) -> Face {
    Face::new(
        base.is_bold() || face.is_bold(),
        base.is_italic() || face.is_italic(),
    )
}

fn is_break_space(ch: char) -> bool {
    ch.is_whitespace() && !matches!(ch, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

pub(crate) fn join_words(words: &[Word]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        for p in &w.pieces {
            s.push_str(&p.text);
        }
        if i + 1 < words.len() && w.space.0 > 0.0 {
            s.push(' ');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_is_drawn_as_its_four_sides_and_a_rule_as_one_line() {
        let frame = Item::Frame(Frame {
            role: Role::DraftMarker,
            left: Mm(10.0),
            top: Mm(20.0),
            right: Mm(40.0),
            bottom: Mm(30.0),
            thickness: Pt(0.5),
        });
        let outline = frame.outline().expect("a frame is lines");
        assert!(outline.closed);
        let sides: Vec<_> = outline.segments().collect();
        assert_eq!(
            sides,
            [
                ((Mm(10.0), Mm(20.0)), (Mm(40.0), Mm(20.0))),
                ((Mm(40.0), Mm(20.0)), (Mm(40.0), Mm(30.0))),
                ((Mm(40.0), Mm(30.0)), (Mm(10.0), Mm(30.0))),
                ((Mm(10.0), Mm(30.0)), (Mm(10.0), Mm(20.0))),
            ]
        );
        let rule = Item::VerticalRule(VerticalRule {
            role: Role::DraftMarker,
            x: Mm(5.0),
            y1: Mm(1.0),
            y2: Mm(9.0),
            thickness: Pt(0.5),
        });
        let outline = rule.outline().expect("a rule is a line");
        assert!(!outline.closed);
        assert_eq!(outline.points(), [(Mm(5.0), Mm(1.0)), (Mm(5.0), Mm(9.0))]);
        assert_eq!(outline.segments().count(), 1);
    }
}
