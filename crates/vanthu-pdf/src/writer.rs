//! Pages to PDF bytes, written directly.
//!
//! The writer only draws what layout decided, and writes the few kinds of PDF object that
//! takes straight into the file's bytes: the catalog and page tree, one content stream a
//! page (text runs placed by a text matrix, rules), each face used as a Type0 font over a
//! CIDFontType2 whose CIDs are the face's own glyph ids (`/Identity-H`, `/CIDToGIDMap
//! /Identity`), with its widths, descriptor, subset program ([`crate::subset`]) and a
//! `/ToUnicode` map so that copied text reads as typed, then the information dictionary,
//! the cross-reference table and the trailer. A general PDF library costs several times the
//! whole layout here, in formatting and object maps.
//!
//! Numbers are written by hand to three decimals at most (a thousandth of a point is 0.35
//! µm). Subset tags and the file identifier are derived from the content, so the same
//! document always gives the same bytes.

use crate::error::PdfError;
use crate::fonts::{FontFace, FontSet};
use crate::layout::{Item, Outline, Page, TextRun};
use crate::profile::{Face, Profile};
use crate::units::Mm;

/// What goes into the document information dictionary.
pub(crate) struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Creation date: the document's date, never the clock.
    pub date: Option<chrono::NaiveDate>,
}

/// Writes the PDF: the pages, then each face's objects, then the catalog and the rest.
///
/// One thread and one compressor do it all. Making the font programs on worker threads
/// beside the pages (as the printpdf writer did) costs more than it saves now: a fresh
/// compressor allocates and clears some 300 KB, and the whole write takes about as long as
/// starting a thread or two; a fresh `vanthu export-json` process spent ~1 ms more CPU for
/// no shorter run.
pub(crate) fn write(
    pages: &[Page],
    info: &Info,
    fonts: &FontSet,
    profile: &Profile,
) -> Result<Vec<u8>, PdfError> {
    // The glyphs drawn with each face, and the character each one was drawn for.
    let mut used: [Option<Glyphs<'_>>; 4] = Default::default();
    for page in pages {
        for run in page.texts() {
            let face = run.style.face;
            let glyphs = used[face.index()].get_or_insert_with(|| Glyphs::new(fonts.face(face)));
            for ch in run.text.chars() {
                glyphs.note(ch);
            }
        }
    }
    let mut subsets: Vec<Subset<'_>> = Vec::new();
    for (face, glyphs) in Face::ALL.into_iter().zip(used) {
        if let Some(glyphs) = glyphs {
            let number = FIRST_FONT + subsets.len() * OBJECTS_PER_FONT;
            subsets.push(Subset::new(face, glyphs, number));
        }
    }
    let first_page = FIRST_FONT + subsets.len() * OBJECTS_PER_FONT;
    let mut pdf = Pdf::new(first_page - 1 + 2 * pages.len());
    let mut deflater = Deflater::new();
    let mut content = Vec::with_capacity(16 * 1024);
    for (i, page) in pages.iter().enumerate() {
        content.clear();
        draw(&mut content, page, fonts, profile.page_height);
        pdf.page(first_page + 2 * i, profile);
        pdf.stream(first_page + 2 * i + 1, &[], &content, &mut deflater);
    }
    for subset in &subsets {
        subset.write(&mut pdf, &mut deflater)?;
    }
    pdf.catalog(&subsets, first_page, pages.len());
    pdf.info(info);
    Ok(pdf.finish())
}

/// Object numbers: the catalog, the page tree, the information dictionary and the shared
/// resources come first, then five objects a face used (Type0 font, CIDFont, descriptor,
/// program, ToUnicode), then two a page (the page, its content stream).
const CATALOG: usize = 1;
const PAGE_TREE: usize = 2;
const INFO: usize = 3;
const RESOURCES: usize = 4;
const FIRST_FONT: usize = 5;
const OBJECTS_PER_FONT: usize = 5;

/// The PDF as it is written: the bytes so far and where each object starts.
struct Pdf {
    bytes: Vec<u8>,
    /// Offset of object `n` at `n - 1`.
    offsets: Vec<usize>,
}

impl Pdf {
    fn new(objects: usize) -> Pdf {
        let mut bytes = Vec::with_capacity(64 * 1024);
        // A binary comment after the header: the file is not text.
        bytes.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        Pdf {
            bytes,
            offsets: vec![0; objects],
        }
    }

    /// Starts object `number`.
    fn open(&mut self, number: usize) -> &mut Vec<u8> {
        self.offsets[number - 1] = self.bytes.len();
        int(&mut self.bytes, number as u64);
        self.bytes.extend_from_slice(b" 0 obj\n");
        &mut self.bytes
    }

    fn close(&mut self) {
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    /// A stream object with `entries` in its dictionary (besides the length and filter),
    /// compressed if that makes it smaller.
    fn stream(&mut self, number: usize, entries: &[u8], content: &[u8], deflater: &mut Deflater) {
        match deflater.deflate(content) {
            Some(compressed) => self.raw_stream(number, entries, &compressed, true),
            None => self.raw_stream(number, entries, content, false),
        }
    }

    fn raw_stream(&mut self, number: usize, entries: &[u8], content: &[u8], deflated: bool) {
        let out = self.open(number);
        out.extend_from_slice(b"<< /Length ");
        int(out, content.len() as u64);
        if deflated {
            out.extend_from_slice(b" /Filter /FlateDecode");
        }
        out.extend_from_slice(entries);
        out.extend_from_slice(b" >>\nstream\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\nendstream");
        self.close();
    }

    /// The page object `number`; its content stream is the next object.
    fn page(&mut self, number: usize, profile: &Profile) {
        let out = self.open(number);
        out.extend_from_slice(b"<< /Type /Page /Parent ");
        reference(out, PAGE_TREE);
        out.extend_from_slice(b" /MediaBox [0 0 ");
        num(out, profile.page_width.to_pt().0);
        out.push(b' ');
        num(out, profile.page_height.to_pt().0);
        out.extend_from_slice(b"] /Resources ");
        reference(out, RESOURCES);
        out.extend_from_slice(b" /Contents ");
        reference(out, number + 1);
        out.extend_from_slice(b" >>");
        self.close();
    }

    /// The catalog, the page tree and the resources every page shares.
    fn catalog(&mut self, subsets: &[Subset<'_>], first_page: usize, pages: usize) {
        let out = self.open(CATALOG);
        out.extend_from_slice(b"<< /Type /Catalog /Pages ");
        reference(out, PAGE_TREE);
        out.extend_from_slice(b" >>");
        self.close();

        let out = self.open(PAGE_TREE);
        out.extend_from_slice(b"<< /Type /Pages /Kids [");
        for i in 0..pages {
            if i > 0 {
                out.push(b' ');
            }
            reference(out, first_page + 2 * i);
        }
        out.extend_from_slice(b"] /Count ");
        int(out, pages as u64);
        out.extend_from_slice(b" >>");
        self.close();

        let out = self.open(RESOURCES);
        out.extend_from_slice(b"<< /ProcSet [/PDF /Text] /Font <<");
        for subset in subsets {
            out.extend_from_slice(b" ");
            font_name(out, subset.face);
            out.push(b' ');
            reference(out, subset.number);
        }
        out.extend_from_slice(b" >> >>");
        self.close();
    }

    /// The information dictionary: title, author, subject, the program, and the document's
    /// date as creation and modification date.
    fn info(&mut self, info: &Info) {
        let out = self.open(INFO);
        out.extend_from_slice(b"<< /Title ");
        text_string(out, &info.title);
        out.extend_from_slice(b" /Author ");
        text_string(out, &info.author);
        out.extend_from_slice(b" /Subject ");
        text_string(out, &info.subject);
        out.extend_from_slice(b" /Creator ");
        text_string(out, "VănThư");
        out.extend_from_slice(b" /Producer ");
        text_string(
            out,
            concat!("VănThư vanthu-pdf ", env!("CARGO_PKG_VERSION")),
        );
        let date = match info.date {
            Some(d) => {
                use chrono::Datelike;
                format!(
                    "(D:{:04}{:02}{:02}000000+00'00')",
                    d.year(),
                    d.month(),
                    d.day()
                )
            }
            None => "(D:19700101000000+00'00')".to_owned(),
        };
        out.extend_from_slice(b" /CreationDate ");
        out.extend_from_slice(date.as_bytes());
        out.extend_from_slice(b" /ModDate ");
        out.extend_from_slice(date.as_bytes());
        out.extend_from_slice(b" >>");
        self.close();
    }

    /// The cross-reference table and the trailer, whose `/ID` is a hash of the file.
    fn finish(mut self) -> Vec<u8> {
        debug_assert!(
            self.offsets.iter().all(|&o| o > 0),
            "every object numbered is written"
        );
        let xref = self.bytes.len();
        let hash = file_hash(&self.bytes);
        let out = &mut self.bytes;
        out.extend_from_slice(b"xref\n0 ");
        int(out, self.offsets.len() as u64 + 1);
        out.extend_from_slice(b"\n0000000000 65535 f \n");
        for &offset in &self.offsets {
            let mut digits = *b"0000000000 00000 n \n";
            let mut rest = offset;
            for d in digits[..10].iter_mut().rev() {
                *d = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            out.extend_from_slice(&digits);
        }
        out.extend_from_slice(b"trailer\n<< /Size ");
        int(out, self.offsets.len() as u64 + 1);
        out.extend_from_slice(b" /Root ");
        reference(out, CATALOG);
        out.extend_from_slice(b" /Info ");
        reference(out, INFO);
        out.extend_from_slice(b" /ID [");
        for which in 0..2u64 {
            // Two 16-byte strings from the hash (the second differs, as a modified file's
            // would), by a linear congruential step a byte (Knuth's MMIX constants).
            let mut h = hash ^ which;
            out.push(b'<');
            for _ in 0..16 {
                h = h
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                hex_byte(out, (h >> 33) as u8);
            }
            out.push(b'>');
        }
        out.extend_from_slice(b"] >>\nstartxref\n");
        int(out, xref as u64);
        out.extend_from_slice(b"\n%%EOF\n");
        self.bytes
    }
}

/// The content stream of `page`: black, then each item as layout placed it (PDF's origin
/// is the bottom left corner, layout's the top left). Consecutive runs share one text
/// object, and the font is set only when it changes: the stream is what the compressor
/// reads, a third of the write.
fn draw(out: &mut Vec<u8>, page: &Page, fonts: &FontSet, height: Mm) {
    out.extend_from_slice(b"0 0 0 RG 0 0 0 rg\n");
    let mut in_text = false;
    // The font and size set last (text state outlives a text object and `q … Q`).
    let mut font: Option<(Face, f32)> = None;
    for item in &page.items {
        if let Item::Text(run) = item {
            if !in_text {
                out.extend_from_slice(b"BT\n");
                in_text = true;
            }
            let style = (run.style.face, run.style.size.0);
            if font != Some(style) {
                font_name(out, style.0);
                out.push(b' ');
                num(out, style.1);
                out.extend_from_slice(b" Tf\n");
                font = Some(style);
            }
            text(out, run, fonts.face(run.style.face), height);
            continue;
        }
        if in_text {
            out.extend_from_slice(b"ET\n");
            in_text = false;
        }
        if let Some(outline) = item.outline() {
            stroke(out, &outline, height);
        }
    }
    if in_text {
        out.extend_from_slice(b"ET\n");
    }
}

/// One text run, inside a text object with its font set: placed by the text matrix, its
/// glyph ids as two-byte codes in literal strings (half the bytes of hex). Justification
/// widens each space by `space_extra`; `Tw` does not apply to two-byte codes, so the
/// widening is a `TJ` offset after each space, and the space itself stays in the text for
/// copy and paste.
fn text(out: &mut Vec<u8>, run: &TextRun, face: &FontFace, height: Mm) {
    out.extend_from_slice(b"1 0 0 1 ");
    num(out, run.x.to_pt().0);
    out.push(b' ');
    num(out, (height - run.baseline).to_pt().0);
    out.extend_from_slice(b" Tm ");
    let extra = run.space_extra;
    if extra.0.abs() < 1e-6 {
        out.push(b'(');
        for ch in run.text.chars() {
            glyph_bytes(out, face.glyph(ch).unwrap_or(0));
        }
        out.extend_from_slice(b") Tj\n");
        return;
    }
    let offset = -(extra.to_pt().0 / run.style.size.0) * 1000.0;
    out.push(b'[');
    let mut open = false;
    for ch in run.text.chars() {
        if !open {
            out.push(b'(');
            open = true;
        }
        glyph_bytes(out, face.glyph(ch).unwrap_or(0));
        if ch == ' ' {
            out.extend_from_slice(b")");
            num(out, offset);
            open = false;
        }
    }
    if open {
        out.push(b')');
    }
    out.extend_from_slice(b"] TJ\n");
}

/// A two-byte code as the bytes of a literal string: the delimiters and the backslash
/// escaped, and a carriage return too (a reader would take it for a line end).
fn glyph_bytes(out: &mut Vec<u8>, code: u16) {
    for b in code.to_be_bytes() {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
}

fn stroke(out: &mut Vec<u8>, outline: &Outline, height: Mm) {
    out.extend_from_slice(b"q ");
    num(out, outline.thickness.0);
    out.extend_from_slice(b" w");
    for (i, &(x, y)) in outline.points().iter().enumerate() {
        out.push(b' ');
        num(out, x.to_pt().0);
        out.push(b' ');
        num(out, (height - y).to_pt().0);
        out.extend_from_slice(if i == 0 { b" m" } else { b" l" });
    }
    out.extend_from_slice(if outline.closed {
        b" h S Q\n"
    } else {
        b" S Q\n"
    });
}

/// The glyphs drawn with one face, and the character each was drawn for.
struct Glyphs<'f> {
    font: &'f FontFace,
    /// The character of glyph `gid` at `gid` ('\0': not drawn).
    chars: Vec<char>,
}

impl<'f> Glyphs<'f> {
    fn new(font: &'f FontFace) -> Glyphs<'f> {
        Glyphs {
            font,
            chars: vec!['\0'; font.glyph_count() as usize],
        }
    }

    fn note(&mut self, ch: char) {
        if let Some(gid) = self.font.glyph(ch) {
            if let Some(slot) = self.chars.get_mut(gid as usize) {
                if *slot == '\0' {
                    *slot = ch;
                }
            }
        }
    }
}

/// One face as it goes into the file.
struct Subset<'f> {
    face: Face,
    font: &'f FontFace,
    /// The glyphs drawn, ascending, with their characters.
    drawn: Vec<(u16, char)>,
    /// The number of the Type0 font object; the other four follow it.
    number: usize,
}

impl<'f> Subset<'f> {
    fn new(face: Face, glyphs: Glyphs<'f>, number: usize) -> Subset<'f> {
        let drawn = glyphs
            .chars
            .iter()
            .enumerate()
            .filter(|&(_, &ch)| ch != '\0')
            .map(|(gid, &ch)| (gid as u16, ch))
            .collect();
        Subset {
            face,
            font: glyphs.font,
            drawn,
            number,
        }
    }

    /// The subset font program.
    fn program(&self) -> Result<Vec<u8>, PdfError> {
        let gids: Vec<u16> = self.drawn.iter().map(|&(gid, _)| gid).collect();
        crate::subset::subset(&self.font.data, self.font.index, &gids).map_err(|detail| {
            PdfError::FontUnreadable {
                path: self.font.path().display().to_string(),
                detail: format!("subsetting: {detail}"),
            }
        })
    }

    /// The face's five objects: Type0 font, CIDFont, descriptor, program, ToUnicode.
    fn write(&self, pdf: &mut Pdf, deflater: &mut Deflater) -> Result<(), PdfError> {
        let program = self.program()?;
        let font = self.font;
        let n = self.number;
        let mut name = Vec::with_capacity(48);
        name.push(b'/');
        name.extend_from_slice(self.tag().as_bytes());
        name.push(b'+');
        for &b in font.postscript_name().as_bytes() {
            // A name's delimiters and anything outside printable ASCII go as #xx.
            if b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b) {
                name.push(b);
            } else {
                name.push(b'#');
                hex_byte(&mut name, b);
            }
        }

        let out = pdf.open(n);
        out.extend_from_slice(b"<< /Type /Font /Subtype /Type0 /BaseFont ");
        out.extend_from_slice(&name);
        out.extend_from_slice(b" /Encoding /Identity-H /DescendantFonts [");
        reference(out, n + 1);
        out.extend_from_slice(b"] /ToUnicode ");
        reference(out, n + 4);
        out.extend_from_slice(b" >>");
        pdf.close();

        let out = pdf.open(n + 1);
        out.extend_from_slice(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont ");
        out.extend_from_slice(&name);
        out.extend_from_slice(
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
              /FontDescriptor ",
        );
        reference(out, n + 2);
        out.extend_from_slice(b" /CIDToGIDMap /Identity /DW 1000 /W [");
        // Runs of consecutive glyph ids: `first [w w w]`.
        let mut previous: Option<u16> = None;
        for &(gid, _) in std::iter::once(&(0, '\0')).chain(&self.drawn) {
            if previous.is_some_and(|p| p + 1 == gid) {
                out.push(b' ');
            } else {
                if previous.is_some() {
                    out.extend_from_slice(b"] ");
                }
                int(out, gid as u64);
                out.extend_from_slice(b" [");
            }
            int(out, font.advance_1000_of(gid) as u64);
            previous = Some(gid);
        }
        out.extend_from_slice(b"]] >>");
        pdf.close();

        // The descriptor's metrics in thousandths of an em.
        let scale = |v: i16| (v as f32 * 1000.0 / font.units_per_em as f32).round() as i64;
        let (rise, run) = font.caret_slope;
        let italic_angle = if rise == 0 {
            0
        } else {
            (-(run as f32).atan2(rise as f32).to_degrees()).round() as i64
        };
        // Non-symbolic (the standard Latin set), and italic when the caret slants.
        let flags = 32 + if italic_angle != 0 { 64 } else { 0 };
        // No table gives the stems' thickness: estimated from the weight, as is usual
        // (about 88 at 400, 166 at 700).
        let stem_v = if font.weight_class == 0 {
            80
        } else {
            50 + (font.weight_class as f32 / 65.0).powi(2).round() as i64
        };
        let out = pdf.open(n + 2);
        out.extend_from_slice(b"<< /Type /FontDescriptor /FontName ");
        out.extend_from_slice(&name);
        out.extend_from_slice(b" /Flags ");
        int(out, flags);
        out.extend_from_slice(b" /FontBBox [");
        for (i, &v) in font.bbox.iter().enumerate() {
            if i > 0 {
                out.push(b' ');
            }
            signed(out, scale(v));
        }
        out.extend_from_slice(b"] /ItalicAngle ");
        signed(out, italic_angle);
        out.extend_from_slice(b" /Ascent ");
        signed(out, scale(font.ascender));
        out.extend_from_slice(b" /Descent ");
        signed(out, scale(font.descender));
        out.extend_from_slice(b" /CapHeight ");
        signed(out, scale(font.ascender));
        out.extend_from_slice(b" /StemV ");
        signed(out, stem_v);
        out.extend_from_slice(b" /FontFile2 ");
        reference(out, n + 3);
        out.extend_from_slice(b" >>");
        pdf.close();

        let mut length1 = b" /Length1 ".to_vec();
        int(&mut length1, program.len() as u64);
        pdf.stream(n + 3, &length1, &program, deflater);

        pdf.stream(n + 4, &[], &self.to_unicode(), deflater);
        Ok(())
    }

    /// The CMap from glyph ids back to the characters they were drawn for.
    fn to_unicode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(300 + self.drawn.len() * 16);
        out.extend_from_slice(
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
              /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
              /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
              1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        // At most 100 entries a block.
        for block in self.drawn.chunks(100) {
            int(&mut out, block.len() as u64);
            out.extend_from_slice(b" beginbfchar\n");
            for &(gid, ch) in block {
                out.push(b'<');
                glyph_code(&mut out, gid);
                out.extend_from_slice(b"> <");
                let mut units = [0u16; 2];
                for &unit in ch.encode_utf16(&mut units).iter() {
                    glyph_code(&mut out, unit);
                }
                out.extend_from_slice(b">\n");
            }
            out.extend_from_slice(b"endbfchar\n");
        }
        out.extend_from_slice(
            b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n",
        );
        out
    }

    /// Six capital letters naming the subset (ISO 32000 §9.6.4), derived from its glyphs.
    fn tag(&self) -> String {
        let mut h = fnv(self.drawn.iter().flat_map(|(g, _)| g.to_be_bytes()));
        (0..6)
            .map(|_| {
                let c = (b'A' + (h % 26) as u8) as char;
                h /= 26;
                c
            })
            .collect()
    }
}

/// Flate level: the fastest, 1, takes about a third of the time of zlib's default 6 for the
/// 3-page plan, for a PDF some 10 % larger.
const FLATE_LEVEL: u32 = 1;

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

/// The name of `face`'s font in the page resources: `/F1` to `/F4`.
fn font_name(out: &mut Vec<u8>, face: Face) {
    out.extend_from_slice(b"/F");
    out.push(b'1' + face.index() as u8);
}

fn reference(out: &mut Vec<u8>, number: usize) {
    int(out, number as u64);
    out.extend_from_slice(b" 0 R");
}

fn int(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

fn signed(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    int(out, v.unsigned_abs());
}

/// `v` to three decimals, without trailing zeros (`12`, `-0.5`, `771.024`).
fn num(out: &mut Vec<u8>, v: f32) {
    let thousandths = (v as f64 * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push(b'-');
    }
    let t = thousandths.unsigned_abs();
    int(out, t / 1000);
    let mut frac = t % 1000;
    if frac != 0 {
        out.push(b'.');
        let mut digits = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let at = out.len();
        out.resize(at + digits, b'0');
        for d in out[at..].iter_mut().rev() {
            *d = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn hex_byte(out: &mut Vec<u8>, b: u8) {
    out.push(HEX[(b >> 4) as usize]);
    out.push(HEX[(b & 15) as usize]);
}

/// A two-byte code (a glyph id, a UTF-16 unit) as four hex digits.
fn glyph_code(out: &mut Vec<u8>, code: u16) {
    let [hi, lo] = code.to_be_bytes();
    hex_byte(out, hi);
    hex_byte(out, lo);
}

/// A text string: UTF-16BE with its byte order mark, in hex (`()` when empty).
fn text_string(out: &mut Vec<u8>, text: &str) {
    if text.is_empty() {
        out.extend_from_slice(b"()");
        return;
    }
    out.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        glyph_code(out, unit);
    }
    out.push(b'>');
}

/// A hash of the whole file for its identifier: FNV-1a over eight bytes at a time (a byte
/// at a time costs a dependent multiplication per byte, 50 KB of them).
fn file_hash(bytes: &[u8]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut words = bytes.chunks_exact(8);
    let mut h = words.by_ref().fold(0xcbf2_9ce4_8422_2325u64, |h, w| {
        let word = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        (h ^ word).wrapping_mul(PRIME)
    });
    for &b in words.remainder() {
        h = (h ^ b as u64).wrapping_mul(PRIME);
    }
    // Spread the high bits down: the identifier is read from bits 33 and up of the steps.
    h ^ (h >> 29)
}

fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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
    fn the_same_pages_give_the_same_bytes() {
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
            let first = write(&pages, &info, fonts, profile).unwrap();
            let second = write(&pages, &info, fonts, profile).unwrap();
            assert!(first == second, "{name}: two writes of one document differ");
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

    #[test]
    fn numbers_are_written_to_three_decimals_at_most() {
        let written = |v: f32| {
            let mut out = Vec::new();
            num(&mut out, v);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(written(0.0), "0");
        assert_eq!(written(-0.0001), "0");
        assert_eq!(written(12.0), "12");
        assert_eq!(written(-0.5), "-0.5");
        assert_eq!(written(771.0236), "771.024");
        assert_eq!(written(85.0394), "85.039");
        assert_eq!(written(0.05), "0.05");
        assert_eq!(written(-1234.5678), "-1234.568");
    }

    #[test]
    fn glyph_codes_escape_what_a_literal_string_cannot_hold() {
        let mut out = Vec::new();
        for code in [0x0028, 0x295C, 0x0D0A, 0x0141] {
            glyph_bytes(&mut out, code);
        }
        let expected: &[u8] = &[
            0, b'\\', b'(', // 0x0028
            b'\\', b')', b'\\', b'\\', // 0x295C
            b'\\', b'r', b'\n', // 0x0D0A: a line feed stays as it is
            1, b'A', // 0x0141
        ];
        assert_eq!(out, expected);
    }

    #[test]
    fn the_cross_reference_table_points_at_every_object() {
        let options = RenderOptions::default();
        let doc = fixture("002-party");
        let pdf = crate::render(&doc, &options).expect("render");
        let start = |needle: &[u8]| pdf.windows(needle.len()).rposition(|w| w == needle);
        let xref = start(b"\nxref\n").expect("a cross-reference table") + 1;
        let told: usize = std::str::from_utf8(&pdf[start(b"startxref\n").unwrap() + 10..])
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(told, xref, "startxref points at the table");
        let table = std::str::from_utf8(&pdf[xref..]).unwrap();
        let entries = table
            .lines()
            .skip(3)
            .take_while(|l| l.trim_end().ends_with(" n"));
        for (n, line) in entries.enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            let opening = format!("{} 0 obj\n", n + 1);
            assert!(
                pdf[offset..].starts_with(opening.as_bytes()),
                "object {} is not where the table says",
                n + 1
            );
        }
    }
}
