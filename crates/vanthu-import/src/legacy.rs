//! The pre-Unicode Vietnamese encodings: TCVN3 (ABC) and VNI.
//!
//! Until the mid-2000s a Party office typed in the `.VnTime` fonts (TCVN3, the "ABC" table) or
//! the `VNI-Times` fonts (VNI): ordinary 8-bit fonts whose glyphs at the Latin-1 positions are
//! Vietnamese letters. Years of documents survive only in those fonts — as `.doc`/`.docx` runs
//! whose text reads `KÕ ho¹ch` to anything but the font, or as `.txt` exports of such files.
//! This module turns them into Unicode (NFC), from the font of a Word run or from the byte
//! statistics of a text file, and back (for test fixtures).
//!
//! **TCVN3** (TCVN 5712:1993, table VN3, the one the ABC fonts implement) gives one byte to
//! each precomposed lower-case letter and to seven capitals (`Ă Â Ê Ô Ơ Ư Đ`); every other
//! capital with a mark has no code. Typists wrote those with the *capitals* fonts
//! (`.VnTimeH`, `.VnArialH`: the name ends in `H`), which print every code as a capital. A
//! capital like `Ủ` in `Ủy ban` is therefore a one-letter run in `.VnTimeH` holding the code of
//! `ủ`, and only the font says it is a capital: [`to_unicode`] needs the run's font, and a
//! `.txt` export, which has lost the fonts, has its capitals guessed back ([`decode_bytes`]).
//!
//! **VNI** spells a letter as its base letter followed by a mark code (`ế` = `e` `á`), with
//! distinct upper-case marks, so it is lossless and needs no font.
//!
//! Word keeps the text of a run in such a font as the Unicode characters of the Windows-1252
//! code page (the fonts declare the ANSI character set): byte `0xAA` is stored as `ª`, `0x93`
//! as `“`. Both tables below use only bytes `0xA1`–`0xFE`, so positions `0x80`–`0x9F` are
//! Windows-1252 punctuation in either encoding (Word's curly quotes and dashes typed in a
//! legacy font stay what they are); bytes given as the Latin-1 control characters
//! `U+0080`–`U+009F` are read the same way.
//!
//! Tables checked against public converters: the TCVN3 table against the TCVN 5712 table of
//! GNU libc (`iconvdata/tcvn5712-1.c`, `map_from_tcvn_high`, whose `0xA1`–`0xFE` letters are
//! VN3; its other positions hold the VN1 capitals the ABC fonts do not have) and the
//! TCVN3↔Unicode lists of `backupvietsoft/HRM` (`ConvertVNI/XtraForm1.cs`); the VNI table
//! against `lamdao/xvnkb` (`vni.h`, the VNI spelling of every letter, both cases).

use std::collections::HashMap;
use std::sync::OnceLock;

use vanthu_model::text::nfc;

/// A pre-Unicode Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegacyEncoding {
    /// TCVN 5712:1993 VN3, the "ABC" table of the `.VnTime` fonts.
    Tcvn3,
    /// VNI Windows, the table of the `VNI-Times` fonts.
    Vni,
}

impl LegacyEncoding {
    /// The name clerks know it by, for messages.
    pub fn name_vi(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
            LegacyEncoding::Vni => "VNI",
        }
    }
}

/// TCVN3 (VN3): code → the letter the lower-case fonts (`.VnTime`) print. The capitals fonts
/// (`.VnTimeH`) print the upper case of the same letter. Codes not listed are not letters.
const TCVN3: [(u8, char); 74] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// VNI: each lower-case letter → its spelling, with the bytes written as their Latin-1
/// characters (`ế` = `e` then byte `0xE1`, written `eá`). The upper-case letter is spelt with
/// the Latin-1 upper case of both characters (`Ế` = `EÁ`, byte `0xC1`): every VNI mark code
/// for capitals is its lower-case code minus `0x20`, exactly as in Latin-1.
const VNI: [(char, &str); 67] = [
    ('á', "aù"),
    ('à', "aø"),
    ('ả', "aû"),
    ('ã', "aõ"),
    ('ạ', "aï"),
    ('ă', "aê"),
    ('ắ', "aé"),
    ('ằ', "aè"),
    ('ẳ', "aú"),
    ('ẵ', "aü"),
    ('ặ', "aë"),
    ('â', "aâ"),
    ('ấ', "aá"),
    ('ầ', "aà"),
    ('ẩ', "aå"),
    ('ẫ', "aã"),
    ('ậ', "aä"),
    ('é', "eù"),
    ('è', "eø"),
    ('ẻ', "eû"),
    ('ẽ', "eõ"),
    ('ẹ', "eï"),
    ('ê', "eâ"),
    ('ế', "eá"),
    ('ề', "eà"),
    ('ể', "eå"),
    ('ễ', "eã"),
    ('ệ', "eä"),
    ('í', "í"),
    ('ì', "ì"),
    ('ỉ', "æ"),
    ('ĩ', "ó"),
    ('ị', "ò"),
    ('ó', "où"),
    ('ò', "oø"),
    ('ỏ', "oû"),
    ('õ', "oõ"),
    ('ọ', "oï"),
    ('ô', "oâ"),
    ('ố', "oá"),
    ('ồ', "oà"),
    ('ổ', "oå"),
    ('ỗ', "oã"),
    ('ộ', "oä"),
    ('ơ', "ô"),
    ('ớ', "ôù"),
    ('ờ', "ôø"),
    ('ở', "ôû"),
    ('ỡ', "ôõ"),
    ('ợ', "ôï"),
    ('ú', "uù"),
    ('ù', "uø"),
    ('ủ', "uû"),
    ('ũ', "uõ"),
    ('ụ', "uï"),
    ('ư', "ö"),
    ('ứ', "öù"),
    ('ừ', "öø"),
    ('ử', "öû"),
    ('ữ', "öõ"),
    ('ự', "öï"),
    ('ý', "yù"),
    ('ỳ', "yø"),
    ('ỷ', "yû"),
    ('ỹ', "yõ"),
    ('ỵ', "î"),
    ('đ', "ñ"),
];

/// Windows-1252 at `0x80`–`0x9F` (the five unassigned positions stay the C1 controls).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The encoding of a Word run from its font's name: the `.Vn…` fonts are TCVN3 (capitals
/// when the name ends in `H`: `.VnTimeH`, `.VnArialH`), the `VNI-…` fonts are VNI. Any other
/// font is Unicode (`None`).
pub fn font_encoding(font_name: &str) -> Option<(LegacyEncoding, bool)> {
    let name = font_name.trim();
    if name.starts_with(".Vn") || name.starts_with(".VN") {
        return Some((LegacyEncoding::Tcvn3, name.ends_with('H')));
    }
    let upper = name.to_ascii_uppercase();
    if upper.starts_with("VNI-") || upper.starts_with("VNI ") {
        return Some((LegacyEncoding::Vni, false));
    }
    None
}

/// The byte a character of a Word run stands for, when it is one of the 8-bit positions
/// (`ª` → `0xAA`, `“` → `0x93`, `U+0093` → `0x93`); symbol-font text in the private-use
/// block (`U+F0AA`) counts too. `None` for any other character, which is kept as it is.
fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    if (0xF080..=0xF0FF).contains(&u) {
        return Some((u - 0xF000) as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// The character a byte of a legacy text file is when it is not a letter of the encoding.
fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn tcvn3_letter(b: u8) -> Option<char> {
    // The table is sorted by code.
    TCVN3
        .binary_search_by_key(&b, |&(code, _)| code)
        .ok()
        .map(|i| TCVN3[i].1)
}

/// VNI spellings (both cases, and an upper-case base with a lower-case mark, which some
/// keyboard drivers wrote) → letter.
fn vni_spellings() -> &'static HashMap<(char, Option<char>), char> {
    static MAP: OnceLock<HashMap<(char, Option<char>), char>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for (letter, spelling) in VNI {
            let upper_letter = upper(letter);
            let mut chars = spelling.chars();
            let base = chars.next().expect("a VNI spelling has a base");
            let mark = chars.next();
            let upper_base = upper(base);
            map.insert((base, mark), letter);
            map.insert((upper_base, mark.map(upper)), upper_letter);
            if mark.is_some() {
                map.insert((upper_base, mark), upper_letter);
            }
        }
        map
    })
}

fn upper(c: char) -> char {
    let mut u = c.to_uppercase();
    match (u.next(), u.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// Converts a run typed in a legacy font to Unicode (NFC). `text` is the run as Word stores
/// it (legacy bytes as `U+0080`–`U+00FF`, or as their Windows-1252 characters);
/// `capitals_font` is the second half of [`font_encoding`], and upper-cases the whole run as
/// the font prints it. Characters that are not 8-bit positions pass through unchanged.
pub fn to_unicode(text: &str, encoding: LegacyEncoding, capitals_font: bool) -> String {
    let converted = match encoding {
        LegacyEncoding::Tcvn3 => text
            .chars()
            .map(|c| byte_of(c).and_then(tcvn3_letter).unwrap_or(c))
            .collect(),
        LegacyEncoding::Vni => {
            let units: Vec<(char, Option<u8>)> = text.chars().map(|c| (c, byte_of(c))).collect();
            vni_decode(&units)
        }
    };
    let converted = if capitals_font {
        converted.to_uppercase()
    } else {
        converted
    };
    nfc(&converted)
}

/// VNI units (the character, and the byte it stands for) → text: a base followed by a mark
/// is one letter; a lone code that is a letter (`ô` = ơ, `ñ` = đ) is that letter; anything
/// else is kept.
fn vni_decode(units: &[(char, Option<u8>)]) -> String {
    let map = vni_spellings();
    // The Latin-1 character a unit stands for in the VNI table.
    let latin = |&(c, b): &(char, Option<u8>)| b.map(char::from).unwrap_or(c);
    let mut out = String::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let here = latin(&units[i]);
        if let Some(next) = units.get(i + 1).map(latin) {
            if let Some(&letter) = map.get(&(here, Some(next))) {
                out.push(letter);
                i += 2;
                continue;
            }
        }
        match map.get(&(here, None)) {
            Some(&letter) if units[i].1.is_some() => out.push(letter),
            _ => out.push(units[i].0),
        }
        i += 1;
    }
    out
}

/// Decodes a whole text file written in a legacy encoding (a `.txt` export of a legacy
/// document), to NFC. Bytes that are not letters of the encoding are Windows-1252.
///
/// A text file has lost the fonts, so in TCVN3 a capital with a mark other than
/// `Ă Â Ê Ô Ơ Ư Đ` arrives as its lower-case code. The capitals are guessed back: a word
/// whose other letters are all capitals (`HUYỆN`, `KẾ` beside `HOẠCH`) and a lower-case
/// letter that opens a line or a sentence become capitals. A capital inside a sentence
/// (`các đ/c Ủy viên`) cannot be told from a small letter and stays small.
pub fn decode_bytes(bytes: &[u8], encoding: LegacyEncoding) -> String {
    let units: Vec<(char, Option<u8>)> = bytes
        .iter()
        .map(|&b| (cp1252(b), (b >= 0x80).then_some(b)))
        .collect();
    decode_units(&units, encoding)
}

/// [`decode_bytes`] for text already read from a Word document whose fonts were not kept
/// (a `.doc` read as plain text): its characters as Word stores them in a legacy run.
pub(crate) fn decode_text(text: &str, encoding: LegacyEncoding) -> String {
    let units: Vec<(char, Option<u8>)> = text.chars().map(|c| (c, byte_of(c))).collect();
    decode_units(&units, encoding)
}

/// The letters of Unicode Vietnamese that Latin-1 has (lower case).
const LATIN1_VIETNAMESE: &str = "àáâãèéêìíòóôõùúý";

/// Unicode text some of whose lines are a legacy font's text shown as Latin-1 (a web page that
/// kept a `.VnTime` heading: `§OµN TNCS Hå CHÝ MINH` beside Unicode lines). The lines with no
/// Unicode Vietnamese letter and some 8-bit character are read together; when they show one
/// legacy encoding ([`detect_text`]'s test), each of them is decoded. Returns the text, the
/// encoding and the 1-based numbers of the lines decoded; `None` when nothing is.
pub(crate) fn decode_legacy_lines(text: &str) -> Option<(String, LegacyEncoding, Vec<usize>)> {
    // An 8-bit character inside a word that Vietnamese never writes (`ho¹ch`, `§OµN`): a
    // line of only `á`, `ê`, `ô`… is Unicode Vietnamese (`Báo cáo viên`), and a `©` standing
    // alone is a page's.
    let suspect = |l: &str| {
        let chars: Vec<char> = l.chars().collect();
        !has_unicode_vietnamese(l)
            && chars.iter().enumerate().any(|(i, c)| {
                ('\u{a0}'..='\u{ff}').contains(c)
                    && !LATIN1_VIETNAMESE.contains(c.to_lowercase().next().unwrap_or(*c))
                    && [i.checked_sub(1), Some(i + 1)]
                        .into_iter()
                        .flatten()
                        .any(|j| chars.get(j).is_some_and(|n| n.is_ascii_alphabetic()))
            })
    };
    let suspects: Vec<&str> = text.lines().filter(|l| suspect(l)).collect();
    // A `©` or `°` on a page's line is no legacy text: a few such letters are.
    let high: usize = suspects
        .iter()
        .map(|l| {
            l.chars()
                .filter(|c| ('\u{a0}'..='\u{ff}').contains(c))
                .count()
        })
        .sum();
    if high < 3 {
        return None;
    }
    let encoding = detect_text(&suspects.join("\n"))?;
    let mut decoded = Vec::new();
    let lines: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            if suspect(l) {
                decoded.push(i + 1);
                decode_text(l, encoding)
            } else {
                l.to_owned()
            }
        })
        .collect();
    Some((lines.join("\n"), encoding, decoded))
}

/// Decodes units (a character and the legacy byte it stands for, if any).
fn decode_units(units: &[(char, Option<u8>)], encoding: LegacyEncoding) -> String {
    match encoding {
        LegacyEncoding::Tcvn3 => {
            let lines: Vec<String> = units.split(|&(c, _)| c == '\n').map(tcvn3_line).collect();
            nfc(&lines.join("\n"))
        }
        LegacyEncoding::Vni => nfc(&vni_decode(units)),
    }
}

/// One line of a TCVN3 text file, its capitals guessed back (see [`decode_bytes`]).
fn tcvn3_line(units: &[(char, Option<u8>)]) -> String {
    // Each character, and whether it came from a lower-case code a capitals font would have
    // printed as a capital.
    let chars: Vec<(char, bool)> = units
        .iter()
        .map(|&(c, b)| match b.and_then(tcvn3_letter) {
            Some(letter) => (letter, letter.is_lowercase()),
            None => (c, false),
        })
        .collect();
    // Words: runs of letters.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].0.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].0.is_alphabetic() {
                i += 1;
            }
            words.push((start, i));
        } else {
            i += 1;
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Case {
        /// Two or more capitals that are sure (ASCII or a capital code), nothing small.
        Caps,
        /// A small letter that is sure.
        Small,
        /// Too few sure letters to tell (`KẾ`, `Ủ`).
        Unsure,
    }
    let cases: Vec<Case> = words
        .iter()
        .map(|&(s, e)| {
            let sure: Vec<char> = chars[s..e]
                .iter()
                .filter(|(_, guessed)| !guessed)
                .map(|&(c, _)| c)
                .collect();
            if sure.iter().any(|c| c.is_lowercase()) {
                Case::Small
            } else if sure.len() >= 2 {
                Case::Caps
            } else {
                Case::Unsure
            }
        })
        .collect();
    let no_sure_word = cases.iter().all(|&c| c == Case::Unsure);
    // `Y TẾ`: a line of short words, each starting with a sure capital.
    let short_capitals = words.len() >= 2
        && words
            .iter()
            .all(|&(s, _)| !chars[s].1 && chars[s].0.is_uppercase());
    // The nearest sure word on each side of every word (one pass each way, so a line of
    // a million short words costs no more than its length).
    let mut left_sure = Vec::with_capacity(cases.len());
    let mut last = None;
    for &c in &cases {
        left_sure.push(last);
        if c != Case::Unsure {
            last = Some(c);
        }
    }
    let mut right_sure = vec![None; cases.len()];
    last = None;
    for (w, &c) in cases.iter().enumerate().rev() {
        right_sure[w] = last;
        if c != Case::Unsure {
            last = Some(c);
        }
    }
    let mut out: Vec<char> = chars.iter().map(|&(c, _)| c).collect();
    for (w, &(start, end)) in words.iter().enumerate() {
        let caps = match cases[w] {
            Case::Caps => true,
            Case::Small => false,
            Case::Unsure if no_sure_word => short_capitals,
            Case::Unsure => {
                left_sure[w].is_none_or(|c| c == Case::Caps)
                    && right_sure[w].is_none_or(|c| c == Case::Caps)
            }
        };
        let guessed = |k: usize| chars[k].1;
        if caps {
            for (k, slot) in out.iter_mut().enumerate().take(end).skip(start) {
                if guessed(k) {
                    *slot = upper(*slot);
                }
            }
        } else if guessed(start) && opens_sentence(&chars[..start]) {
            out[start] = upper(out[start]);
        }
    }
    out.into_iter().collect()
}

/// Whether a word after `before` (the line up to it) opens a line or a sentence: nothing but
/// list marks, quotes and brackets before it on the line, or a full stop.
fn opens_sentence(before: &[(char, bool)]) -> bool {
    let mut rest = before
        .iter()
        .rev()
        .map(|&(c, _)| c)
        .skip_while(|c| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '*'));
    match rest.next() {
        None => true,
        Some('.' | '!' | '?') => true,
        Some('-' | '+' | '•') => before
            .iter()
            .all(|&(c, _)| c.is_whitespace() || matches!(c, '-' | '+' | '•' | '*' | '“' | '"')),
        Some(_) => false,
    }
}

/// Decides whether a text file that is not Unicode is TCVN3 or VNI, from its bytes: in TCVN3
/// a byte above `0x7F` is a whole letter and usually follows a consonant (`K` `ế`); in VNI it
/// is mostly a mark right after the vowel it sits on (`e` `á`). `None` for Unicode text, for
/// text with too few Vietnamese letters to tell, and for anything else.
pub fn detect(bytes: &[u8]) -> Option<LegacyEncoding> {
    if std::str::from_utf8(bytes).is_ok()
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.contains(&0)
    {
        return None;
    }
    let units: Vec<(char, Option<u8>)> = bytes
        .iter()
        .map(|&b| (cp1252(b), (b >= 0x80).then_some(b)))
        .collect();
    detect_units(&units)
}

/// [`detect`] over text whose 8-bit positions are already known (a Word document's text).
pub(crate) fn detect_text(text: &str) -> Option<LegacyEncoding> {
    if text.chars().any(is_vietnamese_unicode) {
        return None; // real Unicode Vietnamese: not (only) legacy
    }
    let units: Vec<(char, Option<u8>)> = text.chars().map(|c| (c, byte_of(c))).collect();
    detect_units(&units)
}

/// Whether the text has a letter only Unicode Vietnamese has (`ạ`, `ư`, `đ`; never one of
/// Latin-1): text typed in Unicode, whatever font it is set in.
pub(crate) fn has_unicode_vietnamese(text: &str) -> bool {
    text.chars().any(is_vietnamese_unicode)
}

/// A letter only Unicode Vietnamese text has (never a Latin-1 one).
fn is_vietnamese_unicode(c: char) -> bool {
    matches!(
        c as u32,
        0x0102
            | 0x0103
            | 0x0110
            | 0x0111
            | 0x0128
            | 0x0129
            | 0x0168
            | 0x0169
            | 0x01A0
            | 0x01A1
            | 0x01AF
            | 0x01B0
            | 0x1EA0..=0x1EF9
    )
}

fn detect_units(units: &[(char, Option<u8>)]) -> Option<LegacyEncoding> {
    let letters = units
        .iter()
        .filter(|(c, b)| b.is_none() && c.is_ascii_alphabetic())
        .count();
    let vni = vni_spellings();
    let latin = |&(c, b): &(char, Option<u8>)| b.map(char::from).unwrap_or(c);
    let (mut high, mut tcvn3_hits, mut vni_hits) = (0usize, 0usize, 0usize);
    for (i, unit) in units.iter().enumerate() {
        let Some(b) = unit.1 else { continue };
        if b < 0xA0 {
            continue; // punctuation in both
        }
        high += 1;
        if tcvn3_letter(b).is_some() {
            tcvn3_hits += 1;
        }
        let here = latin(unit);
        let prev = i.checked_sub(1).map(|p| latin(&units[p]));
        let after_base = prev.is_some_and(|p| vni.contains_key(&(p, Some(here))));
        // A lone VNI letter (`ô` = ơ) in the case of the letter before it: TCVN3's `ễ` is
        // VNI's `Ơ`, which cannot follow a small letter.
        let alone = vni.get(&(here, None)).is_some_and(|l| {
            prev.is_none_or(|p| !p.is_ascii_alphabetic() || p.is_lowercase() == l.is_lowercase())
        });
        if after_base || alone {
            vni_hits += 1;
        }
    }
    // Vietnamese marks about every other word; a stray `é` in English text is not enough.
    if high == 0 || high * 20 < letters {
        return None;
    }
    if vni_hits * 10 >= high * 9 && vni_hits > tcvn3_hits / 2 {
        Some(LegacyEncoding::Vni)
    } else if tcvn3_hits * 100 >= high * 97 {
        // Nearly every byte a TCVN3 letter: Windows-1258 text (Word's "Vietnamese (Windows)"
        // export) also reads as TCVN3 letters, all but its đ (0xF0), which TCVN3 lacks.
        Some(LegacyEncoding::Tcvn3)
    } else {
        None
    }
}

/// Encodes text as it would be typed in a legacy font, for test fixtures (a `.txt` export,
/// a Word run in `.VnTime`): the inverse of [`to_unicode`] for one run.
///
/// Returns the run's text as Word stores it (each legacy byte as the character
/// `U+0080`–`U+00FF`; other characters such as `“` or `–` unchanged) and whether the run must
/// be set in the capitals font (`.VnTimeH`): a TCVN3 capital other than `Ă Â Ê Ô Ơ Ư Đ` is
/// written with its lower-case code and shows as a capital only in that font. `None` when the
/// run cannot be typed in one font: it mixes such a capital with small letters (`Ủy`: split
/// it, see [`runs_from_unicode`]), or holds a Latin-1 character whose position is a
/// Vietnamese letter in the encoding (`«` is `ô` in TCVN3). VNI never needs the capitals
/// font.
pub fn from_unicode(text: &str, encoding: LegacyEncoding) -> Option<(String, bool)> {
    let runs = runs_from_unicode(text, encoding)?;
    match runs.as_slice() {
        [] => Some((String::new(), false)),
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Like [`from_unicode`], but splits the text into the runs a typist would have made: a run
/// in the capitals font for each stretch of TCVN3 capitals that need it (`Ủ` of `Ủy`), the
/// normal font for the rest. `None` only for a character the encoding cannot carry.
pub fn runs_from_unicode(text: &str, encoding: LegacyEncoding) -> Option<Vec<(String, bool)>> {
    let text = nfc(text);
    let mut runs: Vec<(String, bool)> = Vec::new();
    for c in text.chars() {
        let (spelling, caps) = encode_char(c, encoding)?;
        // Capitals with their own code, digits, punctuation and ASCII capitals print the
        // same in both fonts: they join whatever run is open.
        let neutral = !c.is_alphabetic() || (c.is_uppercase() && !caps);
        match runs.last_mut() {
            Some((run, run_caps)) if neutral || *run_caps == caps => run.push_str(&spelling),
            _ => runs.push((spelling, caps)),
        }
    }
    Some(runs)
}

/// One character's legacy spelling, and whether it needs the capitals font.
fn encode_char(c: char, encoding: LegacyEncoding) -> Option<(String, bool)> {
    if c.is_ascii() {
        return Some((c.to_string(), false));
    }
    match encoding {
        LegacyEncoding::Tcvn3 => {
            if let Some(&(code, _)) = TCVN3.iter().find(|&&(_, l)| l == c) {
                return Some((char::from(code).to_string(), false));
            }
            let lower = c.to_lowercase().collect::<String>();
            let mut lower_chars = lower.chars();
            if let (Some(l), None) = (lower_chars.next(), lower_chars.next()) {
                if l != c {
                    if let Some(&(code, _)) = TCVN3.iter().find(|&&(_, x)| x == l) {
                        return Some((char::from(code).to_string(), true));
                    }
                }
            }
        }
        LegacyEncoding::Vni => {
            if let Some(&(_, spelling)) = VNI.iter().find(|&&(l, _)| l == c) {
                return Some((spelling.to_owned(), false));
            }
            if let Some(&(_, spelling)) = VNI.iter().find(|&&(l, _)| upper(l) == c) {
                return Some((spelling.chars().map(upper).collect(), false));
            }
        }
    }
    // Not a letter of the table: it survives if the decoder leaves it alone.
    let decodes_to_itself = match byte_of(c) {
        None => true,
        Some(b) => match encoding {
            LegacyEncoding::Tcvn3 => tcvn3_letter(b).is_none(),
            LegacyEncoding::Vni => {
                !vni_spellings().contains_key(&(char::from(b), None))
                    && !VNI
                        .iter()
                        .any(|(_, s)| s.chars().nth(1) == Some(char::from(b)))
                    && !VNI
                        .iter()
                        .any(|(_, s)| s.chars().nth(1).map(upper) == Some(char::from(b)))
            }
        },
    };
    decodes_to_itself.then(|| (c.to_string(), false))
}

/// Encodes text as the bytes of a legacy `.txt` export (fonts lost): [`runs_from_unicode`]
/// joined, each legacy position as its byte, other characters as Windows-1252. `None` when a
/// character has no byte in either.
pub fn encode_bytes(text: &str, encoding: LegacyEncoding) -> Option<Vec<u8>> {
    let runs = runs_from_unicode(text, encoding)?;
    let mut out = Vec::new();
    for (run, _) in runs {
        for c in run.chars() {
            if c.is_ascii() {
                out.push(c as u8);
            } else {
                out.push(byte_of(c)?);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every precomposed Vietnamese letter, lower case: 12 vowels × 6 tones and đ.
    fn letters() -> Vec<char> {
        let vowels = "aăâeêioôơuưy";
        let mut all = vec!['đ'];
        for v in vowels.chars() {
            for mark in [
                '\u{0}', '\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}',
            ] {
                let s: String = if mark == '\u{0}' {
                    v.to_string()
                } else {
                    [v, mark].iter().collect()
                };
                let composed = nfc(&s);
                let mut chars = composed.chars();
                let c = chars.next().unwrap();
                assert!(chars.next().is_none(), "{s} does not compose");
                all.push(c);
            }
        }
        all
    }

    #[test]
    fn every_letter_round_trips_in_both_encodings_and_cases() {
        let lower = letters();
        assert_eq!(lower.len(), 73);
        for encoding in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
            for &l in &lower {
                for c in [l, upper(l)] {
                    let (run, caps) = from_unicode(&c.to_string(), encoding)
                        .unwrap_or_else(|| panic!("{c} cannot be encoded in {encoding:?}"));
                    assert_eq!(
                        to_unicode(&run, encoding, caps),
                        c.to_string(),
                        "{c} in {encoding:?} ({run:?}, capitals font {caps})"
                    );
                    // A text file: the letter inside a word of its case comes back.
                    let word = if c.is_uppercase() {
                        format!("X{c}{c}Y")
                    } else {
                        format!("x{c}{c}y")
                    };
                    let bytes = encode_bytes(&word, encoding).unwrap();
                    assert_eq!(
                        decode_bytes(&bytes, encoding),
                        word,
                        "{word} as a text file in {encoding:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn tcvn3_needs_the_capitals_font_only_for_marked_capitals() {
        let tc = LegacyEncoding::Tcvn3;
        for c in ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'A', 'Z'] {
            assert_eq!(from_unicode(&c.to_string(), tc).map(|r| r.1), Some(false));
        }
        assert_eq!(from_unicode("Ủ", tc), Some(("ñ".to_owned(), true)));
        assert_eq!(from_unicode("Ủy", tc), None, "Ủy needs two runs");
        assert_eq!(
            runs_from_unicode("Ủy ban", tc).unwrap(),
            [("ñ".to_owned(), true), ("y ban".to_owned(), false)]
        );
        assert_eq!(from_unicode("«", tc), None, "« is the code of ô");
    }

    #[test]
    fn word_runs_as_word_stores_them() {
        let tc = LegacyEncoding::Tcvn3;
        assert_eq!(to_unicode("KÕ ho¹ch", tc, false), "Kế hoạch");
        // HUYỆN ỦY typed as runs .VnTimeH `huyÖn ` + .VnTime? No: all in the capitals font.
        assert_eq!(to_unicode("huyÖn ñy", tc, true), "HUYỆN ỦY");
        let runs = [("ñ", true), ("y ban nh©n d©n", false)];
        let text: String = runs
            .iter()
            .map(|&(t, caps)| to_unicode(t, tc, caps))
            .collect();
        assert_eq!(text, "Ủy ban nhân dân");
        // Word's curly quotes in a .VnTime run stay quotes; the C1 view of a byte is a byte.
        assert_eq!(to_unicode("“ch\u{f8}c”", tc, false), "“chức”");
        assert_eq!(to_unicode("c\u{f0b8}c", tc, false), "các");
        assert_eq!(
            to_unicode("Vieät Nam", LegacyEncoding::Vni, false),
            "Việt Nam"
        );
        assert_eq!(
            to_unicode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA", LegacyEncoding::Vni, false),
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
        );
    }

    #[test]
    fn font_names() {
        use LegacyEncoding::*;
        assert_eq!(font_encoding(".VnTime"), Some((Tcvn3, false)));
        assert_eq!(font_encoding(".VnTimeH"), Some((Tcvn3, true)));
        assert_eq!(font_encoding(".VnArialH"), Some((Tcvn3, true)));
        assert_eq!(font_encoding(".VnCentury Schoolbook"), Some((Tcvn3, false)));
        assert_eq!(font_encoding("VNI-Times"), Some((Vni, false)));
        assert_eq!(font_encoding("VNI-Helve"), Some((Vni, false)));
        assert_eq!(font_encoding("Times New Roman"), None);
        assert_eq!(font_encoding("Arial"), None);
    }

    #[test]
    fn text_files_keep_their_capitals() {
        let tc = LegacyEncoding::Tcvn3;
        let cases = [
            "KẾ HOẠCH",
            "Kế hoạch số 82",
            "ĐẢNG ỦY SỞ Y TẾ",
            "T/M BAN THƯỜNG VỤ",
            "HUYỆN ỦY",
            "- Ủy ban nhân dân tỉnh. Ở đó",
            "Đảng ủy Khối",
        ];
        for text in cases {
            let bytes = encode_bytes(text, tc).unwrap();
            assert_eq!(decode_bytes(&bytes, tc), text);
        }
        assert_eq!(
            decode_bytes(&encode_bytes("các đ/c Ủy viên", tc).unwrap(), tc),
            "các đ/c ủy viên",
            "a capital inside a sentence cannot be known"
        );
    }

    #[test]
    fn a_huge_line_costs_its_length() {
        // A million one-letter words on one line: each looks for its neighbours' case.
        let line = "A ".repeat(1_000_000);
        let start = std::time::Instant::now();
        let text = decode_bytes(line.as_bytes(), LegacyEncoding::Tcvn3);
        assert_eq!(text.len(), line.len());
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }

    #[test]
    fn legacy_lines_inside_unicode_text() {
        let text = "Trang chủ\n§OµN TNCS Hå CHÝ MINH\nSố: 12-KH/ĐTN\nKÕ ho¹ch tæ chøc\n© 2024";
        let (fixed, encoding, lines) = decode_legacy_lines(text).unwrap();
        assert_eq!(encoding, LegacyEncoding::Tcvn3);
        assert_eq!(lines, [2, 4], "a lone `©` is no legacy letter");
        let fixed: Vec<&str> = fixed.lines().collect();
        assert_eq!(fixed[1], "ĐOÀN TNCS HỒ CHÍ MINH");
        assert_eq!(fixed[3], "Kế hoạch tổ chức");
        assert_eq!(fixed[2], "Số: 12-KH/ĐTN", "Unicode lines are kept");
        assert_eq!(decode_legacy_lines("Hà Nội\n© 2024 Trường"), None);
        assert_eq!(
            decode_legacy_lines("Báo cáo viên\nBÁO CÁO\nTôi là"),
            None,
            "Latin-1's Vietnamese letters are Unicode Vietnamese"
        );
    }

    #[test]
    fn detection() {
        let text =
            "KẾ HOẠCH\nTổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu, thực hiện nghiêm túc.";
        for encoding in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
            let bytes = encode_bytes(text, encoding).unwrap();
            assert_eq!(detect(&bytes), Some(encoding), "{encoding:?}");
        }
        assert_eq!(detect(text.as_bytes()), None, "UTF-8 is not legacy");
        assert_eq!(detect(b"plain ascii"), None);
        assert_eq!(
            detect(b"An English caf\xe9 menu with many words in it"),
            None
        );
        // Windows-1258 (base letters, then tone marks as separate codes) is neither: refused
        // rather than turned into nonsense.
        let cp1258 = b"\xd0a\xd2ng u\xd2y S\xf5\xd2 \xf0a\xde t\xf4\xd2 ch\xfd\xecc h\xf4\xf2i nghi\xf2 \
            \xf0\xea\xd2 \xf0a\xecnh gia\xec vi\xea\xf2c th\xfd\xf2c hi\xea\xf2n k\xea\xec hoa\xf2ch \
            \xf0\xfd\xf5\xf2c giao trong n\xe3m.";
        assert_eq!(
            detect(cp1258),
            None,
            "Windows-1258 taken for a legacy encoding"
        );
    }
}
