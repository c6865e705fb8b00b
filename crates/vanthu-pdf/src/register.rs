//! The printed outgoing register (sổ đăng ký văn bản đi): the book a clerk prints, binds and
//! closes at the end of a year or term, listing every document the office sent.
//!
//! The page follows the form of Nghị định 30/2020/NĐ-CP, Phụ lục IV ("Mẫu sổ đăng ký văn bản
//! đi"), which Party offices use too: A4 landscape, the office at the top left of the first
//! page, the title and period, then a ruled table of the ten statutory columns whose header
//! repeats on every page, and the lines with which the book is closed ("đóng sổ"). An entry
//! never breaks across pages, so each can be signed for on one sheet. The format of the book
//! only picks the fonts, the header strings and the separator under the office (`*` or a
//! rule) from its [`Profile`]; everything else is one `RegisterStyle`, the same for both.
//!
//! The result is the same plain data as a document's layout ([`Page`]s of text runs and
//! rules), drawn by the same writer.

use serde::{Deserialize, Serialize};
use vanthu_model::text::one_line;
use vanthu_model::Format;

use crate::error::PdfError;
use crate::fonts::FontSet;
use crate::layout::{check_chars, join_words, Item, Layout, Page, Role, Rule, VerticalRule, EPS};
use crate::linebreak::{break_lines, Mode, Piece, Word};
use crate::profile::{Face, Profile, TextStyle};
use crate::units::{Mm, Pt};
use crate::{writer, RenderOptions};

/// The statutory columns of the outgoing register, in order (NĐ 30/2020 Phụ lục IV): printed
/// as the table's header, and the header row of the CSV export.
pub const REGISTER_COLUMNS: [&str; 10] = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
];

/// A register to print: the office, the period it covers and its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterBook {
    /// Picks the profile: fonts, the office's type sizes and the separator under it.
    pub format: Format,
    /// `ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH`; may be empty.
    pub issuer_parent: String,
    /// `ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO`.
    pub issuer_name: String,
    /// `Năm 2025`, `Nhiệm kỳ từ 01/10/2020`.
    pub period: String,
    /// Party registers group the entries by document type; State ones have one group with
    /// no heading.
    pub groups: Vec<RegisterGroup>,
}

impl RegisterBook {
    /// How many documents the book lists.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Entries under one heading (`KẾ HOẠCH`), or under none.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RegisterGroup {
    pub heading: Option<String>,
    pub rows: Vec<RegisterRow>,
}

/// One entry of the book: one outgoing document, the ten columns of the form.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RegisterRow {
    /// Số, ký hiệu: `82-KH/ĐU`.
    pub symbol: String,
    /// Ngày tháng văn bản: `15/03/2024`.
    pub date: String,
    /// Tên loại và trích yếu nội dung.
    pub kind_and_title: String,
    /// Người ký.
    pub signer: String,
    /// Nơi nhận văn bản.
    pub recipients: String,
    /// Đơn vị, người nhận bản lưu.
    pub archive_unit: String,
    /// Số lượng bản (0: left blank).
    pub copies: u32,
    /// Ngày chuyển; usually written by hand.
    pub sent_date: String,
    /// Ký nhận; usually signed by hand.
    pub received_by: String,
    /// Ghi chú.
    pub note: String,
}

/// Lays the register out with the system fonts: the pages as plain data, in millimetres on
/// an A4 landscape sheet.
pub fn layout_register(
    book: &RegisterBook,
    options: &RenderOptions,
) -> Result<Vec<Page>, PdfError> {
    let fonts = FontSet::system()?;
    Ok(layout_with(book, options, fonts)?.0)
}

/// Lays the register out and writes it as PDF. The same book and options give the same bytes.
pub fn render_register(book: &RegisterBook, options: &RenderOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = FontSet::system()?;
    let (pages, profile) = layout_with(book, options, fonts)?;
    let info = writer::Info {
        title: one_line(&format!("{} {}", DOCUMENT_TITLE, book.period)),
        author: one_line(&book.issuer_name),
        subject: String::new(),
        date: None,
    };
    writer::write(&pages, &info, fonts, &profile)
}

/// The document title in the PDF's information dictionary.
const DOCUMENT_TITLE: &str = "Sổ đăng ký văn bản đi";

/// How a cell's lines sit between its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Centre,
}

/// One of the ten statutory columns.
#[derive(Debug, Clone, Copy)]
struct Column {
    title: &'static str,
    /// Share of the text width, relative to the other columns' (normalised to 1).
    weight: f32,
    align: Align,
}

/// The look of the register, the same for both formats: page, type sizes, column widths,
/// the wording of the form and of its closing lines.
#[derive(Debug, Clone)]
struct RegisterStyle {
    page_width: Mm,
    page_height: Mm,
    margin_top: Mm,
    margin_bottom: Mm,
    /// The binding side.
    margin_left: Mm,
    margin_right: Mm,
    /// Width of the column the office is centred in, from the left margin.
    office_width: Mm,
    title: &'static str,
    title_style: TextStyle,
    period_style: TextStyle,
    /// Between the office block and the title.
    title_gap: Mm,
    /// Between the period and the table.
    table_gap: Mm,
    columns: [Column; 10],
    header: TextStyle,
    number: TextStyle,
    cell: TextStyle,
    group: TextStyle,
    /// Between a cell's rules and its text, on all four sides.
    padding: Mm,
    /// Around the `(1)` … `(10)` row.
    number_padding: Mm,
    /// Lowest height of an entry: room to sign for it.
    min_row: Mm,
    rule: Pt,
    /// Between the table and the closing lines.
    closing_gap: Mm,
    closing: TextStyle,
    closing_title: TextStyle,
    closing_hint: TextStyle,
    /// Between the note and the two signatures.
    closing_note_gap: Mm,
    /// Under the last line of each signature: room to sign (and stamp).
    signature_space: Mm,
    closing_date: &'static str,
    /// Left: the head of the office; right: whoever closes the book.
    head_title: &'static str,
    head_hint: &'static str,
    closer_title: &'static str,
    closer_hint: &'static str,
}

impl RegisterStyle {
    fn standard() -> RegisterStyle {
        use Align::*;
        use Face::*;
        let col = |title, weight, align| Column {
            title,
            weight,
            align,
        };
        RegisterStyle {
            page_width: Mm(297.0),
            page_height: Mm(210.0),
            margin_top: Mm(20.0),
            margin_bottom: Mm(20.0),
            margin_left: Mm(25.0),
            margin_right: Mm(15.0),
            office_width: Mm(90.0),
            title: "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
            title_style: TextStyle::new(16.0, Bold),
            period_style: TextStyle::new(14.0, Italic),
            title_gap: Mm(5.0),
            table_gap: Mm(6.0),
            // Weights in millimetres of the 257 mm text width: the trích yếu and the
            // recipients get the most room, Ký nhận room for a signature (≥ 20 mm).
            columns: [
                col(REGISTER_COLUMNS[0], 28.0, Left),
                col(REGISTER_COLUMNS[1], 22.0, Centre),
                col(REGISTER_COLUMNS[2], 57.0, Left),
                col(REGISTER_COLUMNS[3], 24.0, Left),
                col(REGISTER_COLUMNS[4], 37.0, Left),
                col(REGISTER_COLUMNS[5], 24.0, Left),
                col(REGISTER_COLUMNS[6], 13.0, Centre),
                col(REGISTER_COLUMNS[7], 17.0, Centre),
                col(REGISTER_COLUMNS[8], 22.0, Left),
                col(REGISTER_COLUMNS[9], 13.0, Left),
            ],
            header: TextStyle::new(11.0, Bold),
            number: TextStyle::new(11.0, Regular),
            cell: TextStyle::new(11.0, Regular),
            group: TextStyle::new(11.0, Bold),
            padding: Mm(1.5),
            number_padding: Mm(1.0),
            min_row: Mm(10.0),
            rule: Pt(0.5),
            closing_gap: Mm(8.0),
            closing: TextStyle::new(12.0, Regular),
            closing_title: TextStyle::new(12.0, Bold),
            closing_hint: TextStyle::new(12.0, Italic),
            closing_note_gap: Mm(4.0),
            signature_space: Mm(22.0),
            closing_date: "Ngày ...... tháng ...... năm ........",
            head_title: "THỦ TRƯỞNG CƠ QUAN",
            head_hint: "(Ký tên, đóng dấu)",
            closer_title: "NGƯỜI ĐÓNG SỔ",
            closer_hint: "(Ký, ghi rõ họ tên)",
        }
    }

    /// The format's profile on the register's sheet: its fonts, office sizes and separator
    /// and page numbers, with the landscape page and margins.
    fn page_profile(&self, base: &Profile) -> Profile {
        Profile {
            page_width: self.page_width,
            page_height: self.page_height,
            margin_top: self.margin_top,
            margin_bottom: self.margin_bottom,
            margin_left: self.margin_left,
            margin_right: self.margin_right,
            ..base.clone()
        }
    }

    /// The closing note with the page count filled in.
    fn closing_note(pages: usize) -> String {
        format!("Sổ này có {pages:02} trang, đánh số từ trang 01 đến trang {pages:02}.")
    }
}

/// A horizontal slice of the table (the header, one entry, a group heading), laid out from a
/// top of zero.
#[derive(Debug, Clone)]
struct Band {
    items: Vec<Item>,
    height: Mm,
    /// Rules between all columns (entries, header), or only the outer ones (a heading).
    columns: bool,
    /// A group heading stays on the page of its first entry.
    keep_with_next: bool,
}

/// Where a band was placed on a page, for drawing the grid.
#[derive(Debug, Clone, Copy)]
struct Placed {
    top: Mm,
    bottom: Mm,
    columns: bool,
}

fn layout_with(
    book: &RegisterBook,
    options: &RenderOptions,
    fonts: &FontSet,
) -> Result<(Vec<Page>, Profile), PdfError> {
    let book = normalized(book);
    let style = RegisterStyle::standard();
    let profile = style.page_profile(options.profile(book.format));
    check_glyphs(&book, &style, &profile, fonts)?;
    let l = Layout { p: &profile, fonts };
    let t = Table::new(&l, &style);

    // Page 1: the office, the title and the period.
    let mut first = Vec::new();
    let left = profile.text_left();
    let right = profile.text_right();
    let full = Mm(f32::MAX);
    let office = (left, left + style.office_width);
    let mut top = l.issuer_block(
        &book.issuer_parent,
        &book.issuer_name,
        office,
        profile.margin_top,
        &mut first,
    );
    top += style.title_gap;
    top = l
        .centred(
            style.title,
            style.title_style,
            (left, right),
            full,
            top,
            Role::RegisterTitle,
            &mut first,
        )
        .0;
    if !book.period.is_empty() {
        top = l
            .centred(
                &book.period,
                style.period_style,
                (left, right),
                full,
                top,
                Role::RegisterPeriod,
                &mut first,
            )
            .0;
    }
    let table_top = top + style.table_gap;

    // The entries, then the pages.
    let header = t.header();
    let mut bands = Vec::new();
    let mut entry = 0usize;
    for group in &book.groups {
        if let Some(heading) = group.heading.as_deref().filter(|h| !h.is_empty()) {
            bands.push(t.group(heading, !group.rows.is_empty()));
        }
        for row in &group.rows {
            bands.push(t.entry(row, entry));
            entry += 1;
        }
    }

    // The closing lines stay together after the table. When they do not fit under it, the
    // last entry (with its heading) goes with them to a new page, so that they never stand
    // alone; only an entry too tall to share a page leaves them a page of their own.
    let bottom = profile.text_bottom();
    let margin_top = profile.margin_top;
    let closing_height = t.closing(0).1;
    let fits = |end: Mm| end + style.closing_gap + closing_height <= bottom + Mm(EPS);
    let paginate = |forced| paginate(&bands, header.height, table_top, margin_top, bottom, forced);
    let (mut pos, mut end) = paginate(None);
    let mut closing_alone = false;
    if !fits(end) {
        let pull = bands.len().checked_sub(1).map(|k| match k {
            k if k > 0 && bands[k - 1].keep_with_next => k - 1,
            k => k,
        });
        if let Some(k) = pull.filter(|&k| k > 0 && pos[k - 1].0 == pos[k].0) {
            (pos, end) = paginate(Some(k));
        }
        closing_alone = !fits(end);
    }
    let table_pages = pos.last().map_or(1, |p| p.0 + 1);
    let count = table_pages + usize::from(closing_alone);
    let mut pages: Vec<Page> = (0..count)
        .map(|i| Page {
            number: i as u32 + 1,
            items: Vec::new(),
        })
        .collect();
    pages[0].items = first;
    let mut grids: Vec<Vec<Placed>> = vec![Vec::new(); count];
    let place = |band: &Band, y: Mm, page: &mut Page, grid: &mut Vec<Placed>| {
        let mut items = band.items.clone();
        Page::shift(&mut items, y);
        page.items.extend(items);
        grid.push(Placed {
            top: y,
            bottom: y + band.height,
            columns: band.columns,
        });
    };
    for (i, (page, grid)) in pages.iter_mut().zip(&mut grids).enumerate() {
        if i < table_pages {
            let top = if i == 0 { table_top } else { margin_top };
            place(&header, top, page, grid);
        }
    }
    for (band, &(page, top)) in bands.iter().zip(&pos) {
        place(band, top, &mut pages[page], &mut grids[page]);
    }
    let closing_top = if closing_alone {
        margin_top
    } else {
        end + style.closing_gap
    };
    let (mut closing, _) = t.closing(count);
    Page::shift(&mut closing, closing_top);
    pages[count - 1].items.extend(closing);

    for (page, grid) in pages.iter_mut().zip(&grids) {
        t.grid(grid, page);
        l.number_page(page);
    }
    Ok((pages, profile))
}

/// The page and top of each band, the table header repeated at the top of every page;
/// returns them and the bottom of the last band. `forced`: a band that must begin a page.
/// A band taller than a whole page cannot be kept whole anywhere: it starts a page and runs
/// past its foot rather than being cut.
fn paginate(
    bands: &[Band],
    header: Mm,
    table_top: Mm,
    margin_top: Mm,
    bottom: Mm,
    forced: Option<usize>,
) -> (Vec<(usize, Mm)>, Mm) {
    let mut pos = Vec::with_capacity(bands.len());
    let (mut page, mut y, mut on_page) = (0usize, table_top + header, 0usize);
    for (i, band) in bands.iter().enumerate() {
        let mut need = band.height;
        if band.keep_with_next {
            need += bands.get(i + 1).map_or(Mm::ZERO, |b| b.height);
        }
        if on_page > 0 && (forced == Some(i) || y + need > bottom + Mm(EPS)) {
            page += 1;
            y = margin_top + header;
            on_page = 0;
        }
        pos.push((page, y));
        y += band.height;
        on_page += 1;
    }
    (pos, y)
}

/// Single-line fields as stored: NFC, one space between words.
fn normalized(book: &RegisterBook) -> RegisterBook {
    let mut book = book.clone();
    for field in [
        &mut book.issuer_parent,
        &mut book.issuer_name,
        &mut book.period,
    ] {
        *field = one_line(field);
    }
    for group in &mut book.groups {
        if let Some(h) = group.heading.as_mut() {
            *h = one_line(h);
        }
        for row in &mut group.rows {
            for field in [
                &mut row.symbol,
                &mut row.date,
                &mut row.kind_and_title,
                &mut row.signer,
                &mut row.recipients,
                &mut row.archive_unit,
                &mut row.sent_date,
                &mut row.received_by,
                &mut row.note,
            ] {
                *field = one_line(field);
            }
        }
    }
    book
}

fn check_glyphs(
    book: &RegisterBook,
    style: &RegisterStyle,
    profile: &Profile,
    fonts: &FontSet,
) -> Result<(), PdfError> {
    let mut fields: Vec<(String, &str)> = vec![
        ("issuer_parent".into(), &book.issuer_parent),
        ("issuer_name".into(), &book.issuer_name),
        ("period".into(), &book.period),
    ];
    for (g, group) in book.groups.iter().enumerate() {
        if let Some(h) = &group.heading {
            fields.push((format!("groups[{g}].heading"), h));
        }
        for (r, row) in group.rows.iter().enumerate() {
            for (name, text) in [
                ("symbol", &row.symbol),
                ("date", &row.date),
                ("kind_and_title", &row.kind_and_title),
                ("signer", &row.signer),
                ("recipients", &row.recipients),
                ("archive_unit", &row.archive_unit),
                ("sent_date", &row.sent_date),
                ("received_by", &row.received_by),
                ("note", &row.note),
            ] {
                fields.push((format!("groups[{g}].rows[{r}].{name}"), text));
            }
        }
    }
    let mut fixed: Vec<&str> = vec![
        style.title,
        style.closing_date,
        style.head_title,
        style.head_hint,
        style.closer_title,
        style.closer_hint,
        "Sổ này có trang, đánh số từ đến 0123456789().",
    ];
    fixed.extend(style.columns.iter().map(|c| c.title));
    if let crate::profile::Separator::Text { text, .. } = &profile.issuer_separator {
        fixed.push(text);
    }
    fields.extend(fixed.into_iter().map(|t| ("profile".to_owned(), t)));
    check_chars(fields, fonts)
}

/// The table's geometry and the setting of its bands.
struct Table<'a> {
    l: &'a Layout<'a>,
    s: &'a RegisterStyle,
    /// The 11 column boundaries, left to right.
    xs: [Mm; 11],
}

impl<'a> Table<'a> {
    fn new(l: &'a Layout<'a>, s: &'a RegisterStyle) -> Table<'a> {
        let left = l.p.text_left();
        let width = l.p.text_width();
        let total: f32 = s.columns.iter().map(|c| c.weight).sum();
        let mut xs = [left; 11];
        let mut acc = 0.0;
        for (i, c) in s.columns.iter().enumerate() {
            acc += c.weight;
            xs[i + 1] = left + width * (acc / total);
        }
        xs[10] = l.p.text_right();
        Table { l, s, xs }
    }

    /// `text` broken into lines of at most `measure`: (line, width).
    fn wrap(&self, text: &str, style: TextStyle, measure: Mm, mode: Mode) -> Vec<(String, Mm)> {
        let words = self.l.words(&[(text, style.face)], style.size);
        let words = self.split_at_marks(words, style, measure);
        let words = self.l.split_overlong(words, measure, style.size);
        let starts = break_lines(&words, measure, measure, mode);
        starts
            .iter()
            .enumerate()
            .map(|(i, &a)| {
                let b = starts.get(i + 1).copied().unwrap_or(words.len());
                let line = join_words(&words[a..b]);
                let width = self.l.width(style, &line);
                (line, width)
            })
            .collect()
    }

    /// Cuts words wider than `measure` after a `/` or `-` where possible, so that a long
    /// symbol (`1234/QĐ-UBND-VX`) breaks between its parts rather than inside one.
    fn split_at_marks(&self, words: Vec<Word>, style: TextStyle, measure: Mm) -> Vec<Word> {
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            if word.width.0 <= measure.0 + EPS || word.pieces.len() != 1 {
                out.push(word);
                continue;
            }
            let face = word.pieces[0].face;
            let mut rest = word.pieces[0].text.as_str();
            loop {
                let width = self.l.width(style, rest);
                let cut = rest
                    .match_indices(['/', '-'])
                    .map(|(i, m)| i + m.len())
                    .filter(|&i| i < rest.len())
                    .rfind(|&i| self.l.width(style, &rest[..i]).0 <= measure.0 + EPS);
                match cut {
                    Some(i) if width.0 > measure.0 + EPS => {
                        let piece = &rest[..i];
                        let w = self.l.width(style, piece);
                        out.push(Word {
                            pieces: vec![Piece {
                                text: piece.to_owned(),
                                face,
                                underline: false,
                                width: w,
                            }],
                            width: w,
                            space: Mm::ZERO,
                        });
                        rest = &rest[i..];
                    }
                    _ => {
                        out.push(Word {
                            pieces: vec![Piece {
                                text: rest.to_owned(),
                                face,
                                underline: false,
                                width,
                            }],
                            width,
                            space: word.space,
                        });
                        break;
                    }
                }
            }
        }
        out
    }

    /// Height of `n` lines from the top of the first ascent to the bottom of the last descent.
    fn block_height(&self, style: TextStyle, n: usize) -> Mm {
        if n == 0 {
            return Mm::ZERO;
        }
        self.l.lead(style) * (n - 1) as f32 + self.l.ascent(style) + self.l.descent(style)
    }

    /// Sets lines in column `col` from `top` (top of the first ascent).
    #[allow(clippy::too_many_arguments)]
    fn set(
        &self,
        lines: &[(String, Mm)],
        col: usize,
        align: Align,
        style: TextStyle,
        top: Mm,
        role: Role,
        entry: Option<usize>,
        out: &mut Vec<Item>,
    ) {
        let (a, b) = (
            self.xs[col] + self.s.padding,
            self.xs[col + 1] - self.s.padding,
        );
        let lead = self.l.lead(style);
        for (k, (line, width)) in lines.iter().enumerate() {
            let x = match align {
                Align::Left => a,
                Align::Centre => (a + b) / 2.0 - *width / 2.0,
            };
            let baseline = top + self.l.ascent(style) + lead * k as f32;
            let mut run = self.l.run(role, style, line, x, baseline);
            run.block = entry;
            out.push(Item::Text(run));
        }
    }

    fn measure(&self, col: usize) -> Mm {
        self.xs[col + 1] - self.xs[col] - self.s.padding * 2.0
    }

    /// The column titles (centred both ways in their cells) and the row numbering them.
    fn header(&self) -> Band {
        let s = self.s;
        let mut items = Vec::new();
        let titles: Vec<Vec<(String, Mm)>> = (0..10)
            .map(|c| self.wrap(s.columns[c].title, s.header, self.measure(c), Mode::Balance))
            .collect();
        let tallest = titles
            .iter()
            .map(|t| self.block_height(s.header, t.len()))
            .fold(Mm::ZERO, Mm::max);
        let title_height = tallest + s.padding * 2.0;
        for (c, lines) in titles.iter().enumerate() {
            let top = (title_height - self.block_height(s.header, lines.len())) / 2.0;
            let role = Role::ColumnHeader;
            self.set(
                lines,
                c,
                Align::Centre,
                s.header,
                top,
                role,
                None,
                &mut items,
            );
        }
        let number_height = self.block_height(s.number, 1) + s.number_padding * 2.0;
        for c in 0..10 {
            let text = format!("({})", c + 1);
            let width = self.l.width(s.number, &text);
            let top = title_height + s.number_padding;
            let role = Role::ColumnNumber;
            let lines = [(text, width)];
            self.set(
                &lines,
                c,
                Align::Centre,
                s.number,
                top,
                role,
                None,
                &mut items,
            );
        }
        // The rule between the titles and their numbers; the grid draws the rest.
        items.push(Item::Rule(Rule {
            role: Role::TableRule,
            x1: self.xs[0],
            x2: self.xs[10],
            y: title_height,
            thickness: s.rule,
        }));
        Band {
            items,
            height: title_height + number_height,
            columns: true,
            keep_with_next: false,
        }
    }

    /// A group heading: a full-width row in bold.
    fn group(&self, heading: &str, keep_with_next: bool) -> Band {
        let s = self.s;
        let mut items = Vec::new();
        let measure = self.xs[10] - self.xs[0] - s.padding * 2.0;
        let lines = self.wrap(heading, s.group, measure, Mode::Fill);
        let (x, top) = (self.xs[0] + s.padding, s.padding);
        for (k, (line, _)) in lines.iter().enumerate() {
            let baseline = top + self.l.ascent(s.group) + self.l.lead(s.group) * k as f32;
            items.push(Item::Text(self.l.run(
                Role::RegisterGroup,
                s.group,
                line,
                x,
                baseline,
            )));
        }
        Band {
            items,
            height: self.block_height(s.group, lines.len()) + s.padding * 2.0,
            columns: false,
            keep_with_next,
        }
    }

    /// One entry: ten cells, as tall as the tallest, and never less than room to sign.
    fn entry(&self, row: &RegisterRow, entry: usize) -> Band {
        let s = self.s;
        let copies = if row.copies == 0 {
            String::new()
        } else {
            row.copies.to_string()
        };
        let cells: [&str; 10] = [
            &row.symbol,
            &row.date,
            &row.kind_and_title,
            &row.signer,
            &row.recipients,
            &row.archive_unit,
            &copies,
            &row.sent_date,
            &row.received_by,
            &row.note,
        ];
        let mut items = Vec::new();
        let mut tallest = Mm::ZERO;
        for (c, text) in cells.iter().enumerate() {
            let lines = self.wrap(text, s.cell, self.measure(c), Mode::Fill);
            tallest = tallest.max(self.block_height(s.cell, lines.len()));
            let align = s.columns[c].align;
            let role = Role::RegisterCell;
            self.set(
                &lines,
                c,
                align,
                s.cell,
                s.padding,
                role,
                Some(entry),
                &mut items,
            );
        }
        Band {
            items,
            height: (tallest + s.padding * 2.0).max(s.min_row),
            columns: true,
            keep_with_next: false,
        }
    }

    /// The closing lines from a top of zero, and their height: the page count, then the head
    /// of the office (left) and whoever closes the book (right), to sign.
    fn closing(&self, pages: usize) -> (Vec<Item>, Mm) {
        let (s, l) = (self.s, self.l);
        let mut out = Vec::new();
        let left = l.p.text_left();
        let width = l.p.text_width();
        let note = RegisterStyle::closing_note(pages);
        let baseline = l.ascent(s.closing);
        out.push(Item::Text(l.run(
            Role::ClosingNote,
            s.closing,
            &note,
            left,
            baseline,
        )));
        let (head, closer) = (left + width * 0.25, left + width * 0.75);
        let mut baseline = baseline + l.descent(s.closing) + s.closing_note_gap;
        baseline += l.ascent(s.closing_hint);
        out.push(Item::Text(l.centred_line(
            s.closing_date,
            s.closing_hint,
            closer,
            baseline,
            Role::ClosingDate,
        )));
        baseline += l.lead(s.closing_hint);
        for (centre, text) in [(head, s.head_title), (closer, s.closer_title)] {
            out.push(Item::Text(l.centred_line(
                text,
                s.closing_title,
                centre,
                baseline,
                Role::ClosingTitle,
            )));
        }
        baseline += l.lead(s.closing_title);
        for (centre, text) in [(head, s.head_hint), (closer, s.closer_hint)] {
            out.push(Item::Text(l.centred_line(
                text,
                s.closing_hint,
                centre,
                baseline,
                Role::ClosingHint,
            )));
        }
        let height = baseline + l.descent(s.closing_hint) + s.signature_space;
        (out, height)
    }

    /// The rules of the table on one page: a horizontal rule above every band and under the
    /// last, the outer verticals from top to bottom, the inner ones through every band that
    /// has columns.
    fn grid(&self, placed: &[Placed], page: &mut Page) {
        let Some(last) = placed.last() else {
            return;
        };
        let thickness = self.s.rule;
        let hrule = |y: Mm| {
            Item::Rule(Rule {
                role: Role::TableRule,
                x1: self.xs[0],
                x2: self.xs[10],
                y,
                thickness,
            })
        };
        for band in placed {
            page.items.push(hrule(band.top));
        }
        page.items.push(hrule(last.bottom));
        for (k, &x) in self.xs.iter().enumerate() {
            let outer = k == 0 || k == 10;
            let mut open: Option<Mm> = None;
            for band in placed {
                match (outer || band.columns, open) {
                    (true, None) => open = Some(band.top),
                    (false, Some(y1)) => {
                        page.items.push(vrule(x, y1, band.top, thickness));
                        open = None;
                    }
                    _ => {}
                }
            }
            if let Some(y1) = open {
                page.items.push(vrule(x, y1, last.bottom, thickness));
            }
        }
    }
}

fn vrule(x: Mm, y1: Mm, y2: Mm, thickness: Pt) -> Item {
    Item::VerticalRule(VerticalRule {
        role: Role::TableRule,
        x,
        y1,
        y2,
        thickness,
    })
}
