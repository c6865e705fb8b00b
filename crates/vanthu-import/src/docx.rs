//! Word files (`.docx`): the document read from its structure, then handed to the text reader.
//!
//! A clerk's Word file lays the header out as a borderless two-column table (cấp trên, cơ quan
//! ban hành, `*`, Số on the left; the national heading and the place-date on the right) and the
//! closing as another (Nơi nhận | the signature). Word's own “Plain Text” export writes such a
//! table cell by cell, each paragraph on its line — the shape the text reader was built on — so
//! this module writes the document in that shape: tables cell by cell, body paragraphs separated
//! by blank lines, Word's automatic numbering and bullets written out as the `1.`/`a)`/`-`/`+`
//! the body markup reads, bold, italic and underlined runs as `**…**`/`*…*`/`__…__`, runs in
//! pre-Unicode fonts
//! (`.VnTime`, `VNI-Times`) converted to Unicode. Every field the text reader fills is then filled
//! the same way, with the same warnings. Text boxes are read where they stand; Word's fallback
//! copy of each (`mc:Fallback`) is skipped so nothing is read twice.
//!
//! A `.docx` is a zip of XML parts and may be hostile: every part is read through a size cap
//! (a zip bomb stops at the cap, not at 1 GB), a document type declaration is refused (no entity
//! can expand), and the number of entries is bounded.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::legacy::{self, LegacyEncoding};
use crate::{ImportError, Imported};
use vanthu_model::markup::{self, Span};
use vanthu_model::{Conventions, Format};

/// The largest XML part read (a 200-page document's `document.xml` is a few MB).
const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// More entries than any Word file has (images, fonts and parts included).
const MAX_ENTRIES: usize = 5_000;
/// The text a document yields at most, as for a `.txt` file.
const MAX_TEXT_BYTES: usize = crate::MAX_FILE_BYTES;

/// Why a `.docx` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxProblem {
    #[error("not a readable zip archive: {0}")]
    NotZip(String),
    #[error("the archive has {0} entries; a Word file has far fewer")]
    TooManyEntries(usize),
    #[error("no word/document.xml: not a Word document")]
    NoDocument,
    #[error("{0} is encrypted")]
    Encrypted(String),
    #[error("{part} is larger than {max} bytes once unpacked")]
    TooLarge { part: String, max: u64 },
    #[error("{part} declares a document type (entities are not accepted)")]
    Doctype { part: String },
    #[error("{part} is not well-formed XML: {detail}")]
    Xml { part: String, detail: String },
    #[error("the document's text is larger than {0} bytes")]
    TextTooLarge(usize),
}

impl DocxProblem {
    pub fn message_vi(&self) -> String {
        match self {
            DocxProblem::NotZip(_) => {
                "Tệp không phải tệp Word .docx đọc được (không mở được như một tệp nén .docx); có thể tệp bị hỏng hoặc chỉ mang đuôi .docx.".to_owned()
            }
            DocxProblem::TooManyEntries(n) => format!(
                "Tệp .docx có {n} thành phần, nhiều bất thường so với một văn bản Word; không nhập tệp này."
            ),
            DocxProblem::NoDocument => {
                "Tệp nén không có phần nội dung văn bản (word/document.xml): đây không phải văn bản Word.".to_owned()
            }
            DocxProblem::Encrypted(_) => {
                "Tệp Word đã đặt mật khẩu (mã hóa). Hãy mở bằng Word, bỏ mật khẩu rồi nhập lại.".to_owned()
            }
            DocxProblem::TooLarge { part, max } => format!(
                "Phần {part} của tệp Word giải nén ra lớn hơn {} — bất thường (có thể là tệp độc hại); không nhập tệp này.",
                vanthu_model::text::size_vi(*max)
            ),
            DocxProblem::Doctype { part } => format!(
                "Phần {part} của tệp Word có khai báo DOCTYPE, điều Word không bao giờ viết (có thể là tệp độc hại); không nhập tệp này."
            ),
            DocxProblem::Xml { part, .. } => format!(
                "Phần {part} của tệp Word bị hỏng (XML sai cấu trúc). Hãy mở bằng Word và lưu lại."
            ),
            DocxProblem::TextTooLarge(max) => format!(
                "Nội dung chữ của tệp Word dài hơn {} — quá dài cho một văn bản; có lẽ đã chọn nhầm tệp.",
                vanthu_model::text::size_vi(*max as u64)
            ),
        }
    }
}

/// Whether `bytes` look like a zip archive (a `.docx` by content).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Imports a `.docx` file's bytes.
pub fn import_docx(bytes: &[u8], conventions: &Conventions) -> Result<Imported, ImportError> {
    let read = read(bytes).map_err(ImportError::Docx)?;
    if !read.text.chars().any(char::is_alphabetic) {
        return Err(ImportError::NoContent);
    }
    let mut imported = crate::import_str(&read.text, conventions);
    if let Some(format) = read.format {
        // VănThư's own export says which layout it was written in.
        imported.document.format = format;
    }
    Ok(imported)
}

/// What a `.docx` gives before the text reader: its text in the reader's shape, and the
/// format VănThư wrote into its properties, if it was VănThư's own export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxText {
    pub text: String,
    pub format: Option<Format>,
}

/// Reads a `.docx` into the text the text reader takes.
pub fn read(bytes: &[u8]) -> Result<DocxText, DocxProblem> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxProblem::NotZip(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(DocxProblem::TooManyEntries(zip.len()));
    }
    let document = part(&mut zip, "word/document.xml")?.ok_or(DocxProblem::NoDocument)?;
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(xml) => Styles::read(&xml)?,
        None => Styles::default(),
    };
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let format = match part(&mut zip, "docProps/custom.xml")? {
        Some(xml) => custom_format(&xml)?,
        None => None,
    };
    let blocks = Body::read(&document, &styles)?;
    let text = write_text(&blocks, &numbering);
    if text.len() > MAX_TEXT_BYTES {
        return Err(DocxProblem::TextTooLarge(MAX_TEXT_BYTES));
    }
    Ok(DocxText { text, format })
}

/// An XML part's text, read through the size cap; `None` when the archive has no such part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxProblem> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("ncrypt") => {
            return Err(DocxProblem::Encrypted(name.to_owned()))
        }
        Err(e) => return Err(DocxProblem::NotZip(e.to_string())),
    };
    if file.encrypted() {
        return Err(DocxProblem::Encrypted(name.to_owned()));
    }
    let too_large = || DocxProblem::TooLarge {
        part: name.to_owned(),
        max: MAX_PART_BYTES,
    };
    if file.size() > MAX_PART_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxProblem::NotZip(format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| DocxProblem::Xml {
            part: name.to_owned(),
            detail: "not UTF-8".into(),
        })
}

fn xml_error(part: &str) -> impl Fn(quick_xml::Error) -> DocxProblem + '_ {
    move |e| DocxProblem::Xml {
        part: part.to_owned(),
        detail: e.to_string(),
    }
}

/// The local name of an element or attribute (`w:p` → `p`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// An attribute's value by local name (`w:val` → `val`).
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// A Word on/off property (`<w:b/>`, `<w:b w:val="0"/>`).
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Runs the XML of a part, refusing a document type declaration.
fn events<'a>(
    xml: &'a str,
    part: &'a str,
    mut f: impl FnMut(Event<'a>, bool) -> Result<(), DocxProblem>,
) -> Result<(), DocxProblem> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(xml_error(part))?;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Eof if depth > 0 => {
                return Err(DocxProblem::Xml {
                    part: part.to_owned(),
                    detail: "the part ends before its elements close (cut short)".into(),
                })
            }
            Event::Eof => return Ok(()),
            Event::DocType(_) => {
                return Err(DocxProblem::Doctype {
                    part: part.to_owned(),
                })
            }
            Event::Empty(_) => f(event, true)?,
            _ => f(event, false)?,
        }
    }
}

/// Run properties: what a style or a run says about bold, italic, underline and the font.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RunProps {
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
    font: Option<String>,
}

impl RunProps {
    fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            underline: self.underline.or(base.underline),
            font: self.font.clone().or_else(|| base.font.clone()),
        }
    }

    /// Reads one child of `w:rPr`.
    fn take(&mut self, e: &BytesStart<'_>) {
        match local(e.name().as_ref()) {
            "b" => self.bold = Some(on(e)),
            "i" => self.italic = Some(on(e)),
            // Any line Word draws (`single`, `double`, `words`, `dotted`…) is the one underline
            // the markup has; `none` takes a style's underline off.
            "u" => self.underline = Some(on(e)),
            "rFonts" => {
                if let Some(f) = attr(e, "ascii").or_else(|| attr(e, "hAnsi")) {
                    self.font = Some(f);
                }
            }
            _ => {}
        }
    }
}

/// A Word list reference: the list's `numId` and the level in it.
type ListRef = (String, usize);

/// One paragraph style: the style it is based on, its run properties, its list.
type Style = (Option<String>, RunProps, Option<ListRef>);

/// The paragraph styles: their run properties and numbering, with `basedOn` resolved.
#[derive(Debug, Default)]
struct Styles {
    defaults: RunProps,
    /// Style id → its definition.
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

impl Styles {
    fn read(xml: &str) -> Result<Styles, DocxProblem> {
        let mut out = Styles::default();
        let mut current: Option<String> = None;
        let mut in_defaults = false;
        let mut in_rpr = false;
        let mut props = RunProps::default();
        let mut based: Option<String> = None;
        let mut num: (Option<String>, usize) = (None, 0);
        events(xml, "word/styles.xml", |event, empty| {
            match event {
                Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                    "rPrDefault" => in_defaults = true,
                    "style" => {
                        let id = attr(&e, "styleId");
                        if attr(&e, "type").as_deref() == Some("paragraph")
                            && attr(&e, "default").as_deref() == Some("1")
                        {
                            out.default_paragraph = id.clone();
                        }
                        current = id;
                        props = RunProps::default();
                        based = None;
                        num = (None, 0);
                    }
                    "basedOn" => based = attr(&e, "val"),
                    "numId" => num.0 = attr(&e, "val"),
                    "ilvl" => num.1 = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    "rPr" if !empty => in_rpr = true,
                    _ if in_rpr => {
                        if in_defaults {
                            out.defaults.take(&e)
                        } else {
                            props.take(&e)
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match local(e.name().as_ref()) {
                    "rPr" => in_rpr = false,
                    "rPrDefault" => in_defaults = false,
                    "style" => {
                        if let Some(id) = current.take() {
                            let numbering = num.0.take().filter(|n| n != "0").map(|n| (n, num.1));
                            out.styles
                                .insert(id, (based.take(), props.clone(), numbering));
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The run properties a paragraph of style `id` gives its runs (the chain of `basedOn`).
    fn props(&self, id: Option<&str>) -> RunProps {
        let mut chain = Vec::new();
        let mut next = id.or(self.default_paragraph.as_deref()).map(str::to_owned);
        while let Some(s) = next.take() {
            if chain.len() > 20 || chain.contains(&s) {
                break;
            }
            if let Some((based, _, _)) = self.styles.get(&s) {
                next = based.clone();
            }
            chain.push(s);
        }
        chain
            .iter()
            .rev()
            .fold(self.defaults.clone(), |base, s| match self.styles.get(s) {
                Some((_, p, _)) => p.over(&base),
                None => base,
            })
    }

    fn numbering(&self, id: Option<&str>) -> Option<(String, usize)> {
        self.styles.get(id?).and_then(|(_, _, n)| n.clone())
    }
}

/// One level of a Word list: how its label is written.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// `numbering.xml`: numId → abstract list → levels.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<usize, Level>>,
    nums: HashMap<String, String>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, DocxProblem> {
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        events(xml, "word/numbering.xml", |event, _| {
            match event {
                Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "num" => num_id = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(n), Some(a)) = (num_id.clone(), attr(&e, "val")) {
                            out.nums.insert(n, a);
                        }
                    }
                    "lvl" if abstract_id.is_some() => {
                        let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match local(e.name().as_ref()) {
                    "lvl" => {
                        if let (Some(a), Some((i, l))) = (abstract_id.clone(), level.take()) {
                            out.abstracts.entry(a).or_default().insert(i, l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        Ok(out)
    }

    fn level(&self, num: &str, ilvl: usize) -> Option<&Level> {
        self.abstracts.get(self.nums.get(num)?)?.get(&ilvl)
    }
}

/// The counters of the lists met so far, to write `1.`, `2.`, `a)` as Word shows them.
#[derive(Default)]
struct Counters {
    values: HashMap<String, Vec<u32>>,
}

impl Counters {
    /// The label of the next paragraph of list `num` at `ilvl`, in the body markup's terms:
    /// a bullet is `-` (first level) or `+` (deeper); a number is written as Word shows it.
    fn label(&mut self, numbering: &Numbering, num: &str, ilvl: usize) -> Option<String> {
        let level = numbering.level(num, ilvl)?;
        if level.format == "bullet" {
            return Some(if ilvl == 0 { "-" } else { "+" }.to_owned());
        }
        if level.format == "none" || level.text.is_empty() {
            return None;
        }
        let counts = self.values.entry(num.to_owned()).or_default();
        counts.resize(ilvl + 1, 0);
        for (i, c) in counts.iter_mut().enumerate() {
            if *c == 0 {
                *c = numbering
                    .level(num, i)
                    .map_or(1, |l| l.start.saturating_sub(1));
            }
        }
        counts[ilvl] += 1;
        counts.truncate(ilvl + 1);
        let mut text = level.text.clone();
        for (i, value) in counts.iter().enumerate() {
            let format = numbering
                .level(num, i)
                .map_or("decimal", |l| l.format.as_str());
            text = text.replace(&format!("%{}", i + 1), &number_in(*value, format));
        }
        Some(text)
    }
}

fn number_in(n: u32, format: &str) -> String {
    const LETTERS: &[char] = &[
        'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
        't', 'u', 'v', 'x', 'y',
    ];
    match format {
        "lowerLetter" | "upperLetter" => {
            // Vietnamese documents letter their points a), b), c), d), đ), e) (NĐ 30).
            let c = LETTERS[(n.max(1) as usize - 1) % LETTERS.len()];
            if format == "upperLetter" {
                c.to_uppercase().collect()
            } else {
                c.to_string()
            }
        }
        "upperRoman" | "lowerRoman" => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    text: String,
    bold: bool,
    italic: bool,
    underline: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Para {
    runs: Vec<Run>,
    num: Option<(String, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Para(Para),
    /// Rows of cells of paragraphs (a nested table's paragraphs join its cell).
    Table(Vec<Vec<Vec<Para>>>),
}

/// The walk over `document.xml`.
struct Body<'s> {
    styles: &'s Styles,
    blocks: Vec<Block>,
    /// Open tables: rows of cells of paragraphs (nested tables stack).
    tables: Vec<Vec<Vec<Vec<Para>>>>,
    para: Option<Para>,
    para_style: Option<String>,
    para_props: RunProps,
    run: RunProps,
    in_run_props: bool,
    in_para_props: bool,
    in_text: bool,
    /// Inside a part whose text is not the document's (field instructions, deleted text,
    /// Word's fallback copy of a text box).
    skip: usize,
    /// Text boxes met inside the current paragraph, read after it.
    pending: Vec<Para>,
    /// Paragraphs of a text box being read (paragraphs nest inside the outer paragraph's run).
    boxes: Vec<(Option<Para>, Option<String>, RunProps)>,
}

impl<'s> Body<'s> {
    fn read(xml: &str, styles: &'s Styles) -> Result<Vec<Block>, DocxProblem> {
        let mut body = Body {
            styles,
            blocks: Vec::new(),
            tables: Vec::new(),
            para: None,
            para_style: None,
            para_props: styles.props(None),
            run: RunProps::default(),
            in_run_props: false,
            in_para_props: false,
            in_text: false,
            skip: 0,
            pending: Vec::new(),
            boxes: Vec::new(),
        };
        events(xml, "word/document.xml", |event, empty| {
            body.event(event, empty);
            Ok(())
        })?;
        Ok(body.blocks)
    }

    fn event(&mut self, event: Event<'_>, empty: bool) {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e.name().as_ref()).to_owned();
                if self.skip > 0 {
                    if !empty {
                        self.skip += 1;
                    }
                    return;
                }
                match name.as_str() {
                    "Fallback" | "instrText" | "delText" | "del" | "rPrChange" | "pPrChange"
                        if !empty =>
                    {
                        self.skip = 1;
                    }
                    "tbl" if !empty => self.tables.push(Vec::new()),
                    "tr" if !empty => {
                        if let Some(t) = self.tables.last_mut() {
                            t.push(Vec::new());
                        }
                    }
                    "tc" if !empty => {
                        if let Some(row) = self.tables.last_mut().and_then(|t| t.last_mut()) {
                            row.push(Vec::new());
                        }
                    }
                    "txbxContent" if !empty => {
                        // A text box inside a run: its paragraphs are read on their own.
                        self.boxes.push((
                            self.para.take(),
                            self.para_style.take(),
                            std::mem::take(&mut self.run),
                        ));
                    }
                    "p" => {
                        self.para = Some(Para::default());
                        self.para_style = None;
                        self.para_props = self.styles.props(None);
                        if empty {
                            self.end_para();
                        }
                    }
                    "pPr" if !empty => self.in_para_props = true,
                    "pStyle" if self.in_para_props => {
                        self.para_style = attr(&e, "val");
                        self.para_props = self.styles.props(self.para_style.as_deref());
                        if let Some(p) = self.para.as_mut() {
                            if p.num.is_none() {
                                p.num = self.styles.numbering(self.para_style.as_deref());
                            }
                        }
                    }
                    "numId" if self.in_para_props => {
                        if let Some(p) = self.para.as_mut() {
                            let id = attr(&e, "val").unwrap_or_default();
                            let ilvl = p.num.as_ref().map_or(0, |n| n.1);
                            p.num = (id != "0").then_some((id, ilvl));
                        }
                    }
                    "ilvl" if self.in_para_props => {
                        if let Some(p) = self.para.as_mut() {
                            let ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = p.num.as_ref().map_or_else(String::new, |n| n.0.clone());
                            p.num = Some((id, ilvl));
                        }
                    }
                    "r" if !empty => self.run = RunProps::default(),
                    "rPr" if !empty && !self.in_para_props => self.in_run_props = true,
                    _ if self.in_run_props => self.run.take(&e),
                    "t" if !empty => self.in_text = true,
                    "tab" if !self.in_para_props => self.push_text("\t"),
                    "br" | "cr" => self.push_text("\n"),
                    "noBreakHyphen" => self.push_text("-"),
                    // Word's optional hyphen: nothing in Unicode text, but the letter ư in a
                    // TCVN3 run (its code is the soft hyphen's).
                    "softHyphen" => self.push_text("\u{ad}"),
                    "sym" => {
                        // A symbol-font character: a dash or a bullet typed as a symbol.
                        if let Some(c) = attr(&e, "char")
                            .and_then(|c| u32::from_str_radix(&c, 16).ok())
                            .and_then(symbol_char)
                        {
                            self.push_text(&c.to_string());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if self.skip > 0 {
                    self.skip -= 1;
                    return;
                }
                match local(e.name().as_ref()) {
                    "t" => self.in_text = false,
                    "rPr" => self.in_run_props = false,
                    "pPr" => self.in_para_props = false,
                    "p" => self.end_para(),
                    "txbxContent" => {
                        if let Some((para, style, run)) = self.boxes.pop() {
                            self.para = para;
                            self.para_style = style;
                            self.para_props = self.styles.props(self.para_style.as_deref());
                            self.run = run;
                        }
                    }
                    "tbl" => {
                        if let Some(table) = self.tables.pop() {
                            match self.cell() {
                                // A table inside a cell: its paragraphs join the cell.
                                Some(cell) => cell.extend(table.into_iter().flatten().flatten()),
                                None => self.blocks.push(Block::Table(table)),
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if self.in_text && self.skip == 0 => {
                let text = t.xml10_content().into_owned();
                self.push_text(&text);
            }
            Event::GeneralRef(r) if self.in_text && self.skip == 0 => {
                // The five XML entities and character references; nothing else is defined.
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r.into_inner() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                self.push_text(&text);
            }
            _ => {}
        }
    }

    fn cell(&mut self) -> Option<&mut Vec<Para>> {
        self.tables.last_mut()?.last_mut()?.last_mut()
    }

    fn push_text(&mut self, text: &str) {
        let Some(para) = self.para.as_mut() else {
            return;
        };
        let props = self.run.over(&self.para_props);
        let text = match props.font.as_deref().and_then(legacy::font_encoding) {
            Some((encoding, capitals)) => legacy_text(text, encoding, capitals),
            None => text.replace('\u{ad}', ""),
        };
        let (bold, italic) = (props.bold == Some(true), props.italic == Some(true));
        let underline = props.underline == Some(true);
        match para.runs.last_mut() {
            Some(last)
                if last.bold == bold && last.italic == italic && last.underline == underline =>
            {
                last.text.push_str(&text)
            }
            _ => para.runs.push(Run {
                text,
                bold,
                italic,
                underline,
            }),
        }
    }

    fn end_para(&mut self) {
        let Some(para) = self.para.take() else {
            return;
        };
        if !self.boxes.is_empty() {
            // A paragraph of a text box: kept for after the paragraph that holds the box.
            self.pending.push(para);
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        match self.cell() {
            Some(cell) => {
                cell.push(para);
                cell.extend(pending);
            }
            None => {
                self.blocks.push(Block::Para(para));
                self.blocks.extend(pending.into_iter().map(Block::Para));
            }
        }
    }
}

fn legacy_text(text: &str, encoding: LegacyEncoding, capitals: bool) -> String {
    legacy::to_unicode(text, encoding, capitals)
}

/// The Unicode character of a `w:sym` in a symbol font (Symbol, Wingdings), for the few that
/// stand for list markers or dashes.
fn symbol_char(code: u32) -> Option<char> {
    match code & 0xFF {
        0x2D => Some('-'),
        0xB7 | 0xA7 | 0x9F => Some('•'),
        _ => None,
    }
}

/// The document in the text reader's shape.
fn write_text(blocks: &[Block], numbering: &Numbering) -> String {
    let mut counters = Counters::default();
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Para(p) => {
                let line = para_line(p, numbering, &mut counters, true);
                if !line.trim().is_empty() {
                    out.push_str(&line);
                    out.push_str("\n\n");
                }
            }
            Block::Table(rows) => {
                // Cell by cell, each paragraph on its line, as Word's plain-text export does.
                for row in rows {
                    for cell in row {
                        for p in cell {
                            let line = para_line(p, numbering, &mut counters, false);
                            if !line.trim().is_empty() {
                                out.push_str(&line);
                                out.push('\n');
                            }
                        }
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

/// One paragraph as a line of the body markup: its list label, its runs with bold, italic and
/// underline marked (in the body only, and not on a heading, whose style is the layout's), tabs
/// and line breaks inside it turned into spaces.
fn para_line(p: &Para, numbering: &Numbering, counters: &mut Counters, body: bool) -> String {
    let label = p
        .num
        .as_ref()
        .and_then(|(num, ilvl)| counters.label(numbering, num, *ilvl));
    let plain: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    let plain = one_line(&plain);
    let mut text = match &label {
        Some(l) => format!("{l} {plain}"),
        None => plain.clone(),
    };
    let inked: Vec<&Run> = p
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let emphasised = inked.iter().any(|r| r.bold || r.italic);
    let all_same =
        inked.iter().all(|r| r.bold && !r.italic) || inked.iter().all(|r| r.italic && !r.bold);
    // A paragraph underlined whole is a label's style (`Nơi nhận:`), as one bold whole is a
    // heading's: only an underline inside a paragraph is the writer's mark.
    let underlined = inked.iter().any(|r| r.underline) && !inked.iter().all(|r| r.underline);
    let heading = markup::heading(&text).is_some();
    let emphasis = emphasised && !all_same;
    if body && !heading && (emphasis || underlined) {
        let marked = one_line(&marked_runs(&p.runs, emphasis, underlined));
        text = match &label {
            Some(l) => format!("{l} {marked}"),
            None => marked,
        };
    }
    // A marker Word typed as text followed by a tab (`-⇥text`) is the markup's `- text`.
    for marker in ["-", "+", "–", "•"] {
        if let Some(rest) = text.strip_prefix(marker) {
            if rest.starts_with(char::is_whitespace) {
                text = format!("{marker} {}", rest.trim_start());
                break;
            }
        }
    }
    text
}

/// The runs in the body markup, written by the model's [`compose`](vanthu_model::markup::compose)
/// (spaces outside the marks): `**bold**` and `*italic*` if `emphasis`, `__underline__` if
/// `underline`. The markup's bold italic is not used: bold wins, as a heading would print.
fn marked_runs(runs: &[Run], emphasis: bool, underline: bool) -> String {
    let spans: Vec<Span> = runs
        .iter()
        .map(|r| Span {
            text: r.text.clone(),
            bold: emphasis && r.bold,
            italic: emphasis && r.italic && !r.bold,
            underline: underline && r.underline,
            heading: false,
        })
        .collect();
    markup::compose(&spans)
}

/// Tabs, line breaks and runs of spaces inside a paragraph as one space; ends trimmed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `VanThuFormat` from `docProps/custom.xml`, written by VănThư's own export.
fn custom_format(xml: &str) -> Result<Option<Format>, DocxProblem> {
    let mut in_ours = false;
    let mut found = None;
    events(xml, "docProps/custom.xml", |event, _| {
        match event {
            Event::Start(e) if local(e.name().as_ref()) == "property" => {
                in_ours = attr(&e, "name").as_deref() == Some("VanThuFormat");
            }
            Event::End(e) if local(e.name().as_ref()) == "property" => in_ours = false,
            Event::Text(t) if in_ours => {
                let v = t.xml10_content().into_owned();
                found = Format::from_key(v.trim());
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_word_shows_them() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(number_in(5, "lowerLetter"), "đ");
        assert_eq!(number_in(3, "upperRoman"), "III");
        assert_eq!(number_in(12, "decimal"), "12");
    }

    #[test]
    fn runs_are_marked_with_spaces_outside() {
        let run = |text: &str, bold: bool, underline: bool| Run {
            text: text.into(),
            bold,
            italic: false,
            underline,
        };
        let runs = [
            run("Đề nghị", false, false),
            run(" tại chi bộ ", true, false),
            run("và ", false, false),
            run("các đồng chí ", false, true),
            run("báo cáo", false, false),
        ];
        assert_eq!(
            marked_runs(&runs, true, true),
            "Đề nghị **tại chi bộ** và __các đồng chí__ báo cáo"
        );
        assert_eq!(
            marked_runs(&runs, false, true),
            "Đề nghị tại chi bộ và __các đồng chí__ báo cáo",
            "bold left to the layout, underline still marked"
        );
    }

    #[test]
    fn hostile_starts_are_refused() {
        assert!(matches!(
            read(b"PK\x03\x04 not really a zip"),
            Err(DocxProblem::NotZip(_))
        ));
        assert!(!is_zip(b"%PDF-1.4"));
    }
}
