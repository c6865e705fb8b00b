//! Word 97–2003 documents (`.doc`): the main text, read straight from the binary file.
//!
//! Offices kept a decade of documents as `.doc`; asking a clerk to re-save each one as text
//! loses an afternoon per folder. A `.doc` is an OLE compound file whose `WordDocument`
//! stream starts with the FIB (file information block); the FIB says which table stream
//! (`0Table`/`1Table`) holds the piece table, and the piece table says where each run of the
//! text lies in `WordDocument`, as 8-bit Windows-1252 or as UTF-16. Only the main document
//! (the first `ccpText` characters) is read: footnotes, headers and comments are not part of
//! what the importer reads. Structure ([MS-DOC] 2.5.1 FIB, 2.9.38 Clx, 2.9.177 Pcd) is
//! reduced to plain text the way Word's own "Plain Text" export does: paragraph marks become
//! line ends, table cells are separated by TAB (what the header reader takes for Word's
//! two-column rows), fields keep their shown result, other control characters go.
//!
//! The file is hostile input: every offset and length read from it is checked against the
//! stream it points into, and the text is never longer than the stream that holds it.

use std::io::{Cursor, Read};

use crate::legacy::{self, LegacyEncoding};
use crate::ImportError;

/// The first bytes of every OLE compound file (`.doc`, `.xls`, an encrypted `.docx`).
pub const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The FIB's magic number (`wIdent`).
const WORD_IDENT: u16 = 0xA5EC;
/// Word 97's `nFib`; anything below is Word 6.0/95 or older, with another layout.
const NFIB_WORD97: u16 = 0x00C0;
/// `FibBase` flags.
const F_ENCRYPTED: u16 = 0x0100;
const F_WHICH_TBL_STM: u16 = 0x0200;
const F_OBFUSCATED: u16 = 0x8000;
/// Index of `fcClx`/`lcbClx` in `FibRgFcLcb97`.
const CLX_INDEX: usize = 33;

/// The text of a `.doc` file's main document, with `\n` line ends; runs typed in a legacy
/// font (`.VnTime`, `.VnTimeH`, `VNI-Times`) are converted to Unicode. Optional hyphens
/// outside those runs are soft hyphens (`U+00AD`): the letter ư if the text turns out to be
/// TCVN3 all the same (fonts unknown), else to drop.
pub fn doc_text(bytes: &[u8]) -> Result<String, ImportError> {
    read_doc(bytes).map(|doc| doc.text)
}

/// A `.doc` file's main text and the legacy encoding its fonts said to convert, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocText {
    pub text: String,
    pub converted: Option<LegacyEncoding>,
}

/// [`doc_text`], saying whether runs in a legacy font were converted.
pub fn read_doc(bytes: &[u8]) -> Result<DocText, ImportError> {
    if !bytes.starts_with(&CFB_SIGNATURE) {
        return Err(damaged("no compound-file signature"));
    }
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| damaged(format!("compound file: {e}")))?;
    if !file.is_stream("/WordDocument") {
        // An encrypted .docx (or .xlsx) is a compound file holding the encrypted package.
        if file.is_stream("/EncryptedPackage") || file.is_stream("/EncryptionInfo") {
            return Err(ImportError::Encrypted);
        }
        return Err(ImportError::NotWord);
    }
    let word = read_stream(&mut file, "/WordDocument", bytes.len())?;
    let fib = Fib::read(&word)?;
    let table_name = if fib.table_one { "/1Table" } else { "/0Table" };
    if !file.is_stream(table_name) {
        return Err(damaged(format!("no {table_name} stream")));
    }
    let table = read_stream(&mut file, table_name, bytes.len())?;
    let clx = slice(&table, fib.fc_clx, fib.lcb_clx)
        .ok_or_else(|| damaged("the piece table lies outside the table stream"))?;
    let pieces = pieces(clx)?;
    let fonts = Fonts::read(&word, &table, &fib);
    let (raw, converted) = main_text(&word, &pieces, fib.ccp_text, &fonts)?;
    Ok(DocText {
        text: plain(&raw),
        converted,
    })
}

fn damaged(detail: impl Into<String>) -> ImportError {
    ImportError::Damaged {
        detail: detail.into(),
    }
}

/// A whole stream, refusing one that claims more bytes than the file has.
fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    file_len: usize,
) -> Result<Vec<u8>, ImportError> {
    let stream = file
        .open_stream(name)
        .map_err(|e| damaged(format!("{name}: {e}")))?;
    let len = stream.len();
    if len > file_len as u64 {
        return Err(damaged(format!("{name} claims {len} bytes")));
    }
    let mut data = Vec::with_capacity(len as usize);
    stream
        .take(len)
        .read_to_end(&mut data)
        .map_err(|e| damaged(format!("{name}: {e}")))?;
    if data.len() as u64 != len {
        return Err(damaged(format!("{name} is cut short")));
    }
    Ok(data)
}

/// `len` bytes at `offset`, if they are all there.
fn slice(data: &[u8], offset: u32, len: u32) -> Option<&[u8]> {
    let start = usize::try_from(offset).ok()?;
    let end = start.checked_add(usize::try_from(len).ok()?)?;
    data.get(start..end)
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        data.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// What the importer needs from the FIB.
struct Fib {
    table_one: bool,
    ccp_text: u32,
    fc_clx: u32,
    lcb_clx: u32,
    /// `FibRgFcLcb`: (offset, size) pairs of the table stream's structures.
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    fn read(word: &[u8]) -> Result<Fib, ImportError> {
        let short = || damaged("the FIB is cut short");
        if u16_at(word, 0).ok_or_else(short)? != WORD_IDENT {
            return Err(damaged("no Word FIB"));
        }
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        // Checked first: whatever the version, an encrypted file cannot be read.
        if flags & (F_ENCRYPTED | F_OBFUSCATED) != 0 {
            return Err(ImportError::Encrypted);
        }
        if n_fib < NFIB_WORD97 {
            return Err(ImportError::OldWord { n_fib });
        }
        // FibBase (32 bytes), then three arrays each preceded by its count.
        let csw = usize::from(u16_at(word, 32).ok_or_else(short)?);
        let lw_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(word, lw_at).ok_or_else(short)?);
        if cslw < 4 {
            return Err(damaged("the FIB has no text length"));
        }
        let ccp_text = u32_at(word, lw_at + 2 + 3 * 4).ok_or_else(short)?;
        let fc_at = lw_at + 2 + cslw * 4;
        let pairs = usize::from(u16_at(word, fc_at).ok_or_else(short)?);
        if pairs <= CLX_INDEX {
            return Err(damaged("the FIB has no piece table"));
        }
        let clx_at = fc_at + 2 + CLX_INDEX * 8;
        let fc_lcb = (0..=CLX_INDEX)
            .map(|i| {
                Some((
                    u32_at(word, fc_at + 2 + i * 8)?,
                    u32_at(word, fc_at + 6 + i * 8)?,
                ))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(short)?;
        Ok(Fib {
            table_one: flags & F_WHICH_TBL_STM != 0,
            ccp_text,
            fc_clx: u32_at(word, clx_at).ok_or_else(short)?,
            lcb_clx: u32_at(word, clx_at + 4).ok_or_else(short)?,
            fc_lcb,
        })
    }

    /// The (offset, size) of the table stream's structure at `index` of `FibRgFcLcb97`.
    fn fc_lcb(&self, index: usize) -> Option<(u32, u32)> {
        self.fc_lcb.get(index).copied().filter(|&(_, lcb)| lcb > 0)
    }
}

/// One piece of the text: character positions `[start, end)` stored at `fc`.
struct Piece {
    start: u32,
    end: u32,
    /// Byte offset in `WordDocument`.
    fc: u32,
    /// 8-bit Windows-1252 rather than UTF-16LE.
    compressed: bool,
}

/// The piece table (`PlcPcd`) from the `Clx`, skipping the formatting (`Prc`) before it.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, ImportError> {
    let mut at = 0usize;
    let plc = loop {
        match clx.get(at) {
            Some(0x01) => {
                let cb = u16_at(clx, at + 1).ok_or_else(|| damaged("a Prc is cut short"))?;
                if cb > 0x3FA2 {
                    return Err(damaged("a Prc is too long"));
                }
                at += 3 + usize::from(cb);
            }
            Some(0x02) => {
                let lcb = u32_at(clx, at + 1).ok_or_else(|| damaged("the Pcdt is cut short"))?;
                break slice(clx, (at + 5) as u32, lcb)
                    .ok_or_else(|| damaged("the piece table is cut short"))?;
            }
            _ => return Err(damaged("no piece table in the Clx")),
        }
    };
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(damaged("the piece table has a wrong size"));
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, i * 4).unwrap_or(0);
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (start, end) = (cp(i), cp(i + 1));
        if end < start || pieces.last().is_some_and(|p: &Piece| p.end > start) {
            return Err(damaged("the piece table is out of order"));
        }
        let raw = u32_at(plc, (n + 1) * 4 + i * 8 + 2).unwrap_or(0);
        pieces.push(Piece {
            start,
            end,
            fc: raw & 0x3FFF_FFFF,
            compressed: raw & 0x4000_0000 != 0,
        });
    }
    Ok(pieces)
}

/// The first `ccp_text` characters, from the pieces that hold them, each run typed in a
/// legacy font converted to Unicode. Returns the text and the legacy encoding converted, if
/// any.
fn main_text(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: u32,
    fonts: &Fonts,
) -> Result<(String, Option<LegacyEncoding>), ImportError> {
    // The pieces hold every story (notes and headers follow the main text).
    if pieces.last().map_or(0, |p| p.end) < ccp_text {
        return Err(damaged("the text is longer than its pieces"));
    }
    let mut runs = Runs::default();
    let mut chars = 0usize;
    for piece in pieces {
        if piece.start >= ccp_text {
            break;
        }
        let count = piece.end.min(ccp_text) - piece.start;
        // Every character takes a byte at least: more text than stream is a lie.
        chars += count as usize;
        if chars > word.len() {
            return Err(damaged("the text is longer than its stream"));
        }
        if piece.compressed {
            let at = piece.fc / 2;
            let bytes = slice(word, at, count)
                .ok_or_else(|| damaged("a piece lies outside WordDocument"))?;
            for (k, &b) in bytes.iter().enumerate() {
                let c = windows_1252(b);
                runs.push(c, fonts.legacy_at(at + k as u32, c));
            }
        } else {
            let len = count
                .checked_mul(2)
                .ok_or_else(|| damaged("a piece is too long"))?;
            let bytes = slice(word, piece.fc, len)
                .ok_or_else(|| damaged("a piece lies outside WordDocument"))?;
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            let mut k = 0;
            while k < units.len() {
                let fc = piece.fc + 2 * k as u32;
                let pair = units.get(k..k + 2).unwrap_or(&units[k..k + 1]);
                let mut decoded = char::decode_utf16(pair.iter().copied());
                let c = match decoded.next() {
                    Some(Ok(c)) => c,
                    _ => '\u{FFFD}',
                };
                k += c.len_utf16().max(1);
                runs.push(c, fonts.legacy_at(fc, c));
            }
        }
    }
    Ok(runs.finish())
}

/// The text gathered run by run: characters in the same legacy font (or none) together, so
/// a VNI letter and its mark are converted as one.
#[derive(Default)]
struct Runs {
    text: String,
    run: String,
    font: Option<(LegacyEncoding, bool)>,
    converted: Option<LegacyEncoding>,
}

impl Runs {
    fn push(&mut self, c: char, font: Option<(LegacyEncoding, bool)>) {
        if font != self.font {
            self.flush();
            self.font = font;
        }
        self.run.push(c);
    }

    fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        match self.font {
            // Real Unicode letters in a legacy font: an old template's font, not old text.
            Some((encoding, capitals)) if !legacy::has_unicode_vietnamese(&run) => {
                // Word stores TCVN3's ư (0xAD) typed in the font as an optional hyphen.
                let run = match encoding {
                    LegacyEncoding::Tcvn3 => run.replace('\u{1f}', "\u{ad}"),
                    LegacyEncoding::Vni => run,
                };
                let converted = legacy::to_unicode(&run, encoding, capitals);
                if converted != run {
                    self.converted.get_or_insert(encoding);
                }
                self.text.push_str(&converted);
            }
            _ => self.text.push_str(&run),
        }
    }

    fn finish(mut self) -> (String, Option<LegacyEncoding>) {
        self.flush();
        (self.text, self.converted)
    }
}

/// Which characters are in a legacy font: the font table and the character formatting
/// (`PlcBteChpx` and its FKP pages), with the Normal style's font and the document's
/// default font for runs that name none. Paragraph and character styles other than Normal
/// are not followed. Anything unreadable leaves the text's fonts unknown, never fails the
/// import: the whole-text check of the importer still applies.
#[derive(Default)]
struct Fonts {
    /// The legacy encoding of each font of the font table, by index.
    table: Vec<Option<(LegacyEncoding, bool)>>,
    /// Character runs by file offset.
    runs: Vec<CharRun>,
    /// The fonts of text whose run names none.
    default: (Option<u16>, Option<u16>),
}

/// A run of character formatting: file offsets `[start, end)` and the fonts it names for
/// ASCII and for other text.
struct CharRun {
    start: u32,
    end: u32,
    ascii: Option<u16>,
    other: Option<u16>,
}

/// Font sprms ([MS-DOC] 2.6.1): the font for ASCII text and for other text.
const SPRM_C_RG_FTC0: u16 = 0x4A4F;
const SPRM_C_RG_FTC2: u16 = 0x4A51;
/// `FibRgFcLcb97` indexes.
const STSHF_INDEX: usize = 1;
const PLCF_BTE_CHPX_INDEX: usize = 12;
const STTBF_FFN_INDEX: usize = 15;
/// An FKP page.
const FKP_SIZE: usize = 512;

impl Fonts {
    fn read(word: &[u8], table: &[u8], fib: &Fib) -> Fonts {
        let Some(names) = fib
            .fc_lcb(STTBF_FFN_INDEX)
            .and_then(|(fc, lcb)| slice(table, fc, lcb))
            .and_then(font_names)
        else {
            return Fonts::default();
        };
        let table_fonts: Vec<_> = names.iter().map(|n| legacy::font_encoding(n)).collect();
        if table_fonts.iter().all(Option::is_none) {
            return Fonts::default(); // no legacy font anywhere: nothing to look up
        }
        let runs = fib
            .fc_lcb(PLCF_BTE_CHPX_INDEX)
            .and_then(|(fc, lcb)| slice(table, fc, lcb))
            .and_then(|plc| chpx_runs(word, plc))
            .unwrap_or_default();
        let default = fib
            .fc_lcb(STSHF_INDEX)
            .and_then(|(fc, lcb)| slice(table, fc, lcb))
            .and_then(default_fonts)
            .unwrap_or_default();
        Fonts {
            table: table_fonts,
            runs,
            default,
        }
    }

    /// The legacy font of the character `c` stored at file offset `fc`, if it is in one.
    fn legacy_at(&self, fc: u32, c: char) -> Option<(LegacyEncoding, bool)> {
        if self.table.is_empty() {
            return None;
        }
        let i = self.runs.partition_point(|r| r.end <= fc);
        let (ascii, other) = match self.runs.get(i) {
            Some(r) if r.start <= fc => (r.ascii, r.other),
            _ => (None, None),
        };
        let (ascii, other) = (ascii.or(self.default.0), other.or(ascii).or(self.default.1));
        let ftc = if c.is_ascii() {
            ascii.or(other)
        } else {
            other.or(ascii)
        }?;
        self.table.get(usize::from(ftc)).copied().flatten()
    }
}

/// The font names of the font table (`SttbfFfn`: a count, then one `FFN` each, its size
/// first and its name, NUL-terminated UTF-16, 39 bytes in).
fn font_names(sttb: &[u8]) -> Option<Vec<String>> {
    let count = usize::from(u16_at(sttb, 0)?);
    let mut at = 4; // count and cbExtra
    let mut names = Vec::with_capacity(count.min(sttb.len()));
    for _ in 0..count {
        let size = usize::from(*sttb.get(at)?);
        let ffn = sttb.get(at + 1..at + 1 + size)?;
        let name: Vec<u16> = ffn
            .get(39..)
            .unwrap_or_default()
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .take_while(|&u| u != 0)
            .collect();
        names.push(String::from_utf16_lossy(&name));
        at += 1 + size;
    }
    Some(names)
}

/// The character runs of `PlcBteChpx`: FKP pages of (file offset range, `Chpx`).
fn chpx_runs(word: &[u8], plc: &[u8]) -> Option<Vec<CharRun>> {
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(8) {
        return None;
    }
    let pages = (plc.len() - 4) / 8;
    let mut runs = Vec::new();
    for i in 0..pages {
        let pn = u32_at(plc, (pages + 1) * 4 + i * 4)? & 0x003F_FFFF;
        let page = word
            .get((pn as usize).checked_mul(FKP_SIZE)?..)?
            .get(..FKP_SIZE)?;
        let crun = usize::from(page[FKP_SIZE - 1]);
        if crun > 0x65 {
            return None;
        }
        for r in 0..crun {
            let (start, end) = (u32_at(page, r * 4)?, u32_at(page, r * 4 + 4)?);
            let offset = usize::from(*page.get((crun + 1) * 4 + r)?) * 2;
            let (ascii, other) = if offset == 0 {
                (None, None)
            } else {
                let cb = usize::from(*page.get(offset)?);
                page.get(offset + 1..offset + 1 + cb)
                    .map_or((None, None), sprm_fonts)
            };
            if end > start {
                runs.push(CharRun {
                    start,
                    end,
                    ascii,
                    other,
                });
            }
        }
    }
    runs.sort_by_key(|r| r.start);
    Some(runs)
}

/// The fonts a list of property changes (`grpprl`) sets.
fn sprm_fonts(grpprl: &[u8]) -> (Option<u16>, Option<u16>) {
    let (mut ascii, mut other) = (None, None);
    let mut at = 0;
    while let Some(sprm) = u16_at(grpprl, at) {
        at += 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match grpprl.get(at) {
                Some(&n) => {
                    at += 1;
                    usize::from(n)
                }
                None => break,
            },
        };
        match sprm {
            SPRM_C_RG_FTC0 => ascii = u16_at(grpprl, at),
            SPRM_C_RG_FTC2 => other = u16_at(grpprl, at),
            _ => {}
        }
        at += size;
    }
    (ascii, other)
}

/// The Normal style's fonts, else the document's default fonts, from the style sheet.
fn default_fonts(stsh: &[u8]) -> Option<(Option<u16>, Option<u16>)> {
    let cb_stshi = usize::from(u16_at(stsh, 0)?);
    let stshi = stsh.get(2..2 + cb_stshi)?;
    let base_size = usize::from(u16_at(stshi, 2)?);
    // rgftcStandardChpStsh: ASCII, East Asian, other.
    let standard = (u16_at(stshi, 12), u16_at(stshi, 16));
    let normal = (|| {
        let at = 2 + cb_stshi;
        let cb_std = usize::from(u16_at(stsh, at)?);
        let std = stsh.get(at + 2..at + 2 + cb_std)?;
        // The style's name after the fixed part: a length, the UTF-16 name, a NUL.
        let cch = usize::from(u16_at(std, base_size)?);
        let mut upx = base_size + 2 + cch * 2 + 2;
        upx += upx % 2;
        // A paragraph style: the paragraph properties (with their style index), then the
        // character properties; each UPX is a size then its bytes, padded to even.
        let cb_papx = usize::from(u16_at(std, upx)?);
        upx += 2 + cb_papx;
        upx += upx % 2;
        let cb_chpx = usize::from(u16_at(std, upx)?);
        Some(sprm_fonts(std.get(upx + 2..upx + 2 + cb_chpx)?))
    })()
    .unwrap_or((None, None));
    Some((
        normal.0.or(standard.0),
        normal.1.or(normal.0).or(standard.1),
    ))
}

/// A compressed piece's byte ([MS-DOC] 2.4.1: Windows-1252).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Word's special characters to plain text (what its "Plain Text" export writes).
fn plain(raw: &str) -> String {
    /// Field characters: `0x13 code 0x14 result 0x15`; fields nest.
    const FIELD_BEGIN: char = '\u{13}';
    const FIELD_SEPARATOR: char = '\u{14}';
    const FIELD_END: char = '\u{15}';
    let mut out = String::with_capacity(raw.len());
    // For each open field: whether its result (shown) part has begun.
    let mut fields: Vec<bool> = Vec::new();
    // How many of them are still in their code part.
    let mut in_code = 0usize;
    let mut after_cell = false;
    for c in raw.chars() {
        match c {
            FIELD_BEGIN => {
                fields.push(false);
                in_code += 1;
                continue;
            }
            FIELD_SEPARATOR => {
                if let Some(shown @ false) = fields.last_mut() {
                    *shown = true;
                    in_code -= 1;
                }
                continue;
            }
            FIELD_END => {
                if fields.pop() == Some(false) {
                    in_code -= 1;
                }
                continue;
            }
            _ => {}
        }
        if in_code > 0 {
            continue; // inside a field's code
        }
        match c {
            // A cell ends with a cell mark; the row ends with one more.
            '\u{7}' => {
                out.push(if after_cell { '\n' } else { '\t' });
                after_cell = !after_cell;
                continue;
            }
            // Paragraph mark, manual line break, page or section break.
            '\r' | '\u{b}' | '\u{c}' => out.push('\n'),
            '\t' => out.push('\t'),
            '\u{1e}' => out.push('-'), // non-breaking hyphen
            '\u{a0}' => out.push(' '),
            // An optional hyphen is kept as the soft hyphen: in a document typed in a TCVN3
            // font it is the letter ư (code 0xAD), which Word stores as an optional hyphen.
            '\u{1f}' => out.push('\u{ad}'),
            // Picture and object anchors, note references.
            c if c.is_control() => {}
            c => out.push(c),
        }
        after_cell = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_result_and_cells_become_tabs() {
        assert_eq!(
            plain("Trang \u{13} PAGE \u{14}2\u{15}\rA\u{7}B\u{7}\u{7}C"),
            "Trang 2\nA\tB\t\nC"
        );
        assert_eq!(
            plain("\u{13}outer \u{13}inner\u{14}x\u{15}\u{14}shown\u{15}"),
            "shown"
        );
        assert_eq!(plain("a\u{1}\u{8}b\u{1f}c\u{1e}d"), "ab\u{ad}c-d");
    }

    #[test]
    fn hostile_lengths_are_refused() {
        assert!(slice(&[1, 2, 3], u32::MAX, 2).is_none());
        assert!(slice(&[1, 2, 3], 1, u32::MAX).is_none());
        assert!(matches!(
            pieces(&[0x02, 0xFF, 0xFF, 0xFF, 0xFF]),
            Err(ImportError::Damaged { .. })
        ));
        assert!(matches!(
            pieces(&[0x01, 0xFF, 0xFF]),
            Err(ImportError::Damaged { .. })
        ));
        assert!(matches!(
            doc_text(&CFB_SIGNATURE),
            Err(ImportError::Damaged { .. })
        ));
    }
}
