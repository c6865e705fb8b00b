//! Vietnamese text rules: what is stored, and how it is compared.
//!
//! Text arrives from many places — a Word paste, a scan, an NFD file saved on a Mac, a JSON file
//! — and must be stored one way (NFC, TCVN 6909:2001 is Unicode) so that the PDF draws it right
//! and search finds it. Search compares *folded* text: lowercase, no tone or vowel marks, đ → d,
//! so `dang uy`, `Đảng uỷ` and `Đảng ủy` are the same words to a clerk typing in a hurry.

use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
    )
}

/// The canonical stored form: NFC, with Windows line ends made `\n` and invisible characters
/// that Word and web pages leave behind (BOM, zero-width spaces) removed.
pub fn nfc(s: &str) -> String {
    if is_clean_nfc(s) {
        return s.to_owned();
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.nfc().filter(|&c| !is_invisible(c)).collect()
}

/// [`nfc`] of a string the caller owns: kept as it is when it is already clean.
pub(crate) fn nfc_owned(s: String) -> String {
    if is_clean_nfc(&s) {
        s
    } else {
        nfc(&s)
    }
}

/// Whether `s` is its own [`nfc`]. Almost all text is already clean NFC; checking is far
/// cheaper than normalising.
pub fn is_clean_nfc(s: &str) -> bool {
    all_surely_nfc(s)
        || (is_nfc_quick(s.chars()) == IsNormalized::Yes
            && !s.chars().any(|c| c == '\r' || is_invisible(c)))
}

/// Whether every char of `s` is NFC whatever surrounds it (so any of its substrings, with any
/// chars taken out, is clean NFC too): ASCII but carriage return, Vietnamese precomposed
/// letters, common punctuation.
pub(crate) fn is_surely_nfc(s: &str) -> bool {
    all_surely_nfc(s)
}

/// `s.chars().all(surely_nfc)`, read from the UTF-8 bytes without decoding: every text
/// stored is checked, and the body of a plan is thousands of chars.
fn all_surely_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // `s` is UTF-8: a lead byte of three is followed by two more.
        i += match b[i] {
            b'\r' => return false,
            0..=0x7F => 1,
            // U+0080–U+02FF: C2 80 to CB BF.
            0xC2..=0xCB => 2,
            // U+1E00–U+1EFF: E1 B8 80 to E1 BB BF.
            0xE1 if matches!(b[i + 1], 0xB8..=0xBB) => 3,
            // U+2010–U+2027 (E2 80 90 to E2 80 A7) and U+2030–U+205E (E2 80 B0 to E2 81 9E).
            0xE2 if (b[i + 1] == 0x80 && matches!(b[i + 2], 0x90..=0xA7 | 0xB0..=0xBF))
                || (b[i + 1] == 0x81 && b[i + 2] <= 0x9E) =>
            {
                3
            }
            _ => return false,
        };
    }
    true
}

/// Characters that are NFC whatever surrounds them and need no cleaning: everything below the
/// combining marks (U+0300) but carriage return, Vietnamese precomposed letters, and the
/// common typographic punctuation. [`all_surely_nfc`] reads this rule from the bytes; a text
/// whose every char is one of these is clean NFC ([`is_clean_nfc`]).
pub fn surely_nfc(c: char) -> bool {
    let cp = c as u32;
    (cp < 0x300 && c != '\r')
        || (0x1E00..=0x1EFF).contains(&cp)
        || (0x2010..=0x2027).contains(&cp)
        || (0x2030..=0x205E).contains(&cp)
}

/// A single-line field as stored: NFC, every run of whitespace (newlines and non-breaking
/// spaces included) one space, no space at either end.
pub fn one_line(s: &str) -> String {
    let s = nfc(s);
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The folded form used by search: lowercase, diacritics removed, đ → d.
///
/// Works on NFC and NFD input alike, so `hòa`/`hoà` (old and new tone placement) and a
/// decomposed string all fold to `hoa`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// The folded and the lowercase form of the Latin letters Vietnamese uses (U+00C0–U+024F,
/// U+1E00–U+1EFF), worked out once and looked up by code point: search folds every document
/// as it is stored, so this is the hot path. Only letters have a folded form, so finding one
/// also tells a character is part of a word. `'\0'`: not a letter, or a form of more than one
/// character (left to the general rules).
struct LatinTable {
    fold: [char; LATIN_LEN],
    lower: [char; LATIN_LEN],
}

const LATIN_LOW: std::ops::RangeInclusive<u32> = 0xC0..=0x24F;
const LATIN_EXTENDED: std::ops::RangeInclusive<u32> = 0x1E00..=0x1EFF;
const LATIN_LEN: usize = (0x24F - 0xC0 + 1) + 0x100;

/// Where `c` is in [`LatinTable`], if it is there.
fn latin_slot(c: char) -> Option<usize> {
    let cp = c as u32;
    if LATIN_LOW.contains(&cp) {
        Some((cp - 0xC0) as usize)
    } else if LATIN_EXTENDED.contains(&cp) {
        Some((cp - 0x1E00) as usize + (0x24F - 0xC0 + 1))
    } else {
        None
    }
}

fn latin_table() -> &'static LatinTable {
    static TABLE: OnceLock<LatinTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = LatinTable {
            fold: ['\0'; LATIN_LEN],
            lower: ['\0'; LATIN_LEN],
        };
        for cp in LATIN_LOW.chain(LATIN_EXTENDED) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let slot = latin_slot(c).expect("in range");
            let one = |s: String| {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(f), None) => f,
                    _ => '\0',
                }
            };
            if c.is_alphabetic() {
                let mut folded = String::new();
                slow_fold(c, &mut folded);
                table.fold[slot] = one(folded);
            }
            table.lower[slot] = one(c.to_lowercase().collect());
        }
        table
    })
}

fn slow_fold(c: char, out: &mut String) {
    for d in std::iter::once(c).nfd() {
        match d {
            d if is_combining_mark(d) => {}
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(d.to_lowercase()),
        }
    }
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(f) = table_fold(c) {
        out.push(f);
    } else {
        slow_fold(c, out);
    }
}

/// The lowercase of a Latin letter Vietnamese uses, when it is one char (from the table, so
/// without the general Unicode lookup).
pub(crate) fn lower_letter(c: char) -> Option<char> {
    let lower = latin_table().lower[latin_slot(c)?];
    (lower != '\0').then_some(lower)
}

fn table_fold(c: char) -> Option<char> {
    let f = latin_table().fold[latin_slot(c)?];
    (f != '\0').then_some(f)
}

/// The exact (diacritic-keeping) comparison form: NFC, lowercase. Old and new tone placement
/// (`uỷ`/`ủy`) stay distinct here, as they are distinct spellings.
pub fn lower_exact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower_exact(s, &mut out);
    out
}

/// [`lower_exact`] of `s`, appended to `out` (the indexing form: no intermediate copies).
pub fn push_lower_exact(s: &str, out: &mut String) {
    // Lower-casing precomposed Vietnamese letters keeps them precomposed, so NFC in is NFC out.
    let normalized;
    let s = if is_clean_nfc(s) {
        s
    } else {
        normalized = nfc(s);
        &normalized
    };
    // Copied whole and lowercased in place where that keeps the length (ASCII, and the
    // Vietnamese capitals of the table); the rest of the text from the first other change
    // on, char by char.
    let start = out.len();
    out.push_str(s);
    out[start..].make_ascii_lowercase();
    // Where a char changes length (or turns into several), the text from there is done char
    // by char; before it, the capitals to swap for their lowercase.
    let mut rest = None;
    let mut swaps: Vec<(usize, char)> = Vec::new();
    for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
        match lower_letter(c) {
            Some(lower) if lower.len_utf8() == c.len_utf8() => {
                if lower != c {
                    swaps.push((start + i, lower));
                }
            }
            Some(_) => {
                rest = Some(i);
                break;
            }
            None => {
                let mut lower = c.to_lowercase();
                if !(lower.next() == Some(c) && lower.next().is_none()) {
                    rest = Some(i);
                    break;
                }
            }
        }
    }
    let mut buf = [0; 4];
    for (at, lower) in swaps {
        out.replace_range(at..at + lower.len_utf8(), lower.encode_utf8(&mut buf));
    }
    if let Some(i) = rest {
        out.truncate(start + i);
        push_lower_nfc(&s[i..], out);
    }
}

/// [`push_lower_exact`] of text that is already clean NFC ([`is_clean_nfc`]), char by char:
/// for short words, where checking again and copying whole cost more than they spare.
pub fn push_lower_nfc(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            match lower_letter(c) {
                Some(lower) => out.push(lower),
                None => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// The first control character in `s` that has no place in a document (anything below U+0020
/// except newline and tab, DEL, and the C1 range), if any.
pub fn first_control_char(s: &str) -> Option<char> {
    // Control characters are U+0000–U+001F, U+007F–U+009F: below 0x20 or 0x7F as a byte, or
    // 0xC2 then 0x80–0x9F in UTF-8. Looking at bytes spares decoding a whole body.
    let bytes = s.as_bytes();
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && b != b'\n' && b != b'\t')
            || b == 0x7F
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    })?;
    s[at..].chars().next()
}

/// Words of a text in folded form, split at anything that is not a letter or digit.
/// This is how both the index and a query are cut into tokens, so they always agree.
pub fn folded_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The first `n` of [`folded_words`] of `s` (fewer when `s` has fewer), folding only as far
/// as they reach: for a test on how a line opens, made on every line of a long text.
pub fn first_folded_words(s: &str, n: usize) -> Vec<String> {
    let mut words = Vec::with_capacity(n);
    let mut word = String::new();
    let mut folded = String::new();
    for c in s.chars() {
        if words.len() == n {
            break;
        }
        folded.clear();
        push_folded(c, &mut folded);
        for f in folded.chars() {
            if f.is_alphanumeric() {
                word.push(f);
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if words.len() < n && !word.is_empty() {
        words.push(word);
    }
    words.truncate(n);
    words
}

/// Whether `c` belongs to a word (a letter or a digit: `char::is_alphanumeric`), fast for
/// Vietnamese text.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        table_fold(c).is_some() || c.is_alphanumeric()
    }
}

/// The folded words of `s`, each followed by one space, appended to `out` — the indexing form
/// of [`folded_words`], without a vector of small strings.
pub fn push_folded_words(s: &str, out: &mut String) {
    let mut in_word = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII, most of the text: a letter or digit is its own lowercase, anything else
        // ends a word.
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
                in_word = true;
            } else if in_word {
                out.push(' ');
                in_word = false;
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        let letter = if c.is_ascii() {
            c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
        } else {
            table_fold(c)
        };
        if let Some(f) = letter {
            out.push(f);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            push_folded(c, out);
            in_word = true;
        } else if in_word {
            out.push(' ');
            in_word = false;
        } else if !c.is_ascii() && is_combining_mark(c) {
            // A stray combining mark (NFD input that slipped through) is part of its word.
        }
    }
    if in_word {
        out.push(' ');
    }
}

/// Vietnamese upper case of a display string (`Kế hoạch` → `KẾ HOẠCH`), NFC.
pub fn upper(s: &str) -> String {
    s.nfc()
        .flat_map(char::to_uppercase)
        .collect::<String>()
        .nfc()
        .collect()
}

/// Why a file could not be read or written, in the words a clerk reads (the CLI, the window and
/// the exports all say it the same way).
pub fn io_reason_vi(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "không có tệp hay thư mục này".to_owned(),
        K::PermissionDenied => "không có quyền".to_owned(),
        K::IsADirectory => "đây là một thư mục".to_owned(),
        _ => e.to_string(),
    }
}

/// A file size as a clerk reads it, the same in every message and listing.
///
/// The rule: units of 1024 (KB, MB, GB, TB — the units Windows Explorer shows); below 1 MB a
/// whole number of KB rounded up, so a file that is not empty never shows `0 KB`; from 1 MB
/// one decimal, rounded half up, with the Vietnamese decimal comma, and `,0` left out
/// (`2 MB`, `1,5 MB`). A value that rounds up to 1024 of a unit is shown in the next one.
/// Thousands, in TB only, are grouped with a dot (`1.536 TB`).
pub fn size_vi(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["MB", "GB", "TB"];
    let bytes = u128::from(bytes);
    let kb = bytes.div_ceil(1024);
    if kb < 1024 {
        return format!("{kb} KB");
    }
    let mut unit = 1024 * 1024;
    for (i, name) in UNITS.iter().enumerate() {
        let tenths = (bytes * 10 + unit / 2) / unit;
        if tenths < 10240 || i + 1 == UNITS.len() {
            let whole = group_thousands(tenths / 10);
            return match tenths % 10 {
                0 => format!("{whole} {name}"),
                d => format!("{whole},{d} {name}"),
            };
        }
        unit *= 1024;
    }
    unreachable!("the last unit always returns")
}

fn group_thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Longest file name [`safe_file_name`] gives, in characters, extension included.
pub const MAX_FILE_NAME_CHARS: usize = 120;
/// … and in UTF-8 bytes: Linux counts bytes (255 at most) and a Vietnamese letter takes up to 3.
const MAX_FILE_NAME_BYTES: usize = 240;
/// Longest ending after the last dot that is kept as an extension when a name is shortened.
const MAX_EXTENSION_CHARS: usize = 10;

/// A stored name (an attachment's, a document's title) made safe as the name of a file inside
/// a folder, on Windows and on Linux: the characters Windows forbids (`/ \ : * ? " < > |`) and
/// control characters become `_`; dots and spaces at either end go (Windows drops them, and a
/// leading dot hides a file on Linux); a Windows device name (`CON`, `PRN`, `AUX`, `NUL`,
/// `COM0`…`COM9`, `LPT0`…`LPT9`, with any extension) is prefixed with `_`; an over-long name
/// is cut to [`MAX_FILE_NAME_CHARS`] characters keeping its extension; and the result is never
/// empty (`tệp`). Vietnamese letters are kept as they are (NFC).
pub fn safe_file_name(stored: &str) -> String {
    const FORBIDDEN: [char; 9] = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];
    let cleaned: String = nfc(stored)
        .chars()
        .map(|c| {
            if FORBIDDEN.contains(&c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trim = |s: &str| {
        s.trim_matches(|c: char| c == '.' || c.is_whitespace())
            .to_owned()
    };
    let mut name = trim(&cleaned);
    if name.chars().count() > MAX_FILE_NAME_CHARS || name.len() > MAX_FILE_NAME_BYTES {
        let (stem, extension) = match name.rsplit_once('.') {
            Some((stem, ext))
                if !stem.is_empty()
                    && (1..=MAX_EXTENSION_CHARS).contains(&ext.chars().count())
                    && ext.chars().all(char::is_alphanumeric) =>
            {
                (stem.to_owned(), format!(".{ext}"))
            }
            _ => (name.clone(), String::new()),
        };
        let room_chars = MAX_FILE_NAME_CHARS - extension.chars().count();
        let room_bytes = MAX_FILE_NAME_BYTES - extension.len();
        let mut short = String::new();
        for c in stem.chars().take(room_chars) {
            if short.len() + c.len_utf8() > room_bytes {
                break;
            }
            short.push(c);
        }
        name = format!("{}{extension}", trim(&short));
        name = trim(&name);
    }
    if is_windows_device_name(&name) {
        name.insert(0, '_');
    }
    if name.is_empty() {
        name = "tệp".to_owned();
    }
    name
}

/// Whether Windows reserves `name` for a device: the part before the first dot, spaces at
/// its end ignored, is one of its device names in any case (`con.txt`, `LPT1`).
fn is_windows_device_name(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or_default().trim_end();
    let upper = base.to_ascii_uppercase();
    matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || (upper.len() == 4
        && (upper.starts_with("COM") || upper.starts_with("LPT"))
        && upper.as_bytes()[3].is_ascii_digit())
        || ["COM", "LPT"].iter().any(|p| {
            upper
                .strip_prefix(p)
                .is_some_and(|d| matches!(d, "¹" | "²" | "³"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_folded_words_are_the_first_of_folded_words() {
        let texts = [
            "Nơi nhận:",
            "**Nơi nhận:** - Như trên;",
            "  Nơi   nhận",
            "Nơi",
            "",
            "—",
            "ĐẢNG ỦY SỞ, Hòa Bình 2025",
            "Ho\u{0300}a (NFD) đ Đ",
            "nơinhận: x",
            "12/5/2024 — trước ngày 15",
        ];
        for t in texts {
            let all = folded_words(t);
            for n in 0..5 {
                let want: Vec<String> = all.iter().take(n).cloned().collect();
                assert_eq!(first_folded_words(t, n), want, "{t:?}, {n}");
            }
        }
    }

    #[test]
    fn the_byte_checks_agree_with_the_char_rules_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(
                all_surely_nfc(&s),
                surely_nfc(c),
                "text with U+{:04X} would be stored unnormalised or normalised again",
                c as u32
            );
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "U+{:04X} would cut words differently",
                c as u32
            );
        }
    }

    /// The indexing forms as they were written first, char by char: the fast paths must give
    /// the same.
    fn reference_lower_exact(s: &str) -> String {
        nfc(s).chars().flat_map(char::to_lowercase).collect()
    }

    fn reference_folded_words(s: &str) -> String {
        let mut out = String::new();
        let mut in_word = false;
        for c in s.chars() {
            let letter = if c.is_ascii() {
                c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
            } else {
                table_fold(c)
            };
            if let Some(f) = letter {
                out.push(f);
                in_word = true;
            } else if !c.is_ascii() && c.is_alphanumeric() {
                push_folded(c, &mut out);
                in_word = true;
            } else if in_word {
                out.push(' ');
                in_word = false;
            }
        }
        if in_word {
            out.push(' ');
        }
        out
    }

    #[test]
    fn control_characters_are_found_by_their_bytes_as_by_their_chars() {
        let reference = |s: &str| {
            s.chars().find(|&c| {
                (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
            })
        };
        for s in [
            "Kế hoạch\n\tsố 82",
            "a\u{1}b",
            "Đảng\u{7f}",
            "x\u{85}y",
            "\u{9f}",
            "\u{a0}\u{c2}\u{100}ĐÂ",
            "",
            "\r",
        ] {
            assert_eq!(first_control_char(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn indexing_forms_match_the_char_by_char_rules() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(corpus)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.extend(
            [
                "ĐẢNG BỘ TỈNH Khánh Hòa — “Kế hoạch” số 82-KH/ĐU\r\n",
                "İstanbul ẞ ΣΑΣ Ǆ ǅ K Å Ω ﬁ",
                "Hoa\u{300} Đa\u{323}i ho\u{323}c \u{200b}x\u{feff}y",
                "",
                "ASCII only, 123.",
                "ẞtraße ĐĐ ÀÀ ǈ",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(lower_exact(t), reference_lower_exact(t), "{t:?}");
            let mut appended = String::from("đã có ");
            push_lower_exact(t, &mut appended);
            assert_eq!(appended, format!("đã có {}", reference_lower_exact(t)));
            let mut folded = String::new();
            push_folded_words(t, &mut folded);
            assert_eq!(folded, reference_folded_words(t), "{t:?}");
        }
    }

    #[test]
    fn the_latin_table_folds_and_lowercases_as_the_general_rules_do() {
        for cp in (0xC0..=0x24F).chain(0x1E00..=0x1EFF) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let (mut fast, mut slow) = (String::new(), String::new());
            push_folded(c, &mut fast);
            slow_fold(c, &mut slow);
            assert_eq!(fast, slow, "U+{cp:04X} folds differently");
            let one = c.to_string();
            assert_eq!(
                lower_exact(&one),
                nfc(&one).to_lowercase(),
                "U+{cp:04X} lowercases differently"
            );
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "U+{cp:04X} is or is not a letter"
            );
        }
    }

    #[test]
    fn sizes_read_the_same_everywhere() {
        assert_eq!(size_vi(0), "0 KB");
        assert_eq!(size_vi(1), "1 KB");
        assert_eq!(size_vi(1000), "1 KB");
        assert_eq!(size_vi(12 * 1024), "12 KB");
        assert_eq!(size_vi(1023 * 1024), "1023 KB");
        assert_eq!(size_vi(1024 * 1024 - 1), "1 MB");
        assert_eq!(size_vi(2 * 1024 * 1024), "2 MB");
        assert_eq!(size_vi(1024 * 1024 * 3 / 2), "1,5 MB");
        assert_eq!(size_vi(10 * 1024 * 1024 + 512 * 1024), "10,5 MB");
        assert_eq!(size_vi(1024 * 1024 * 1024 - 1), "1 GB");
        assert_eq!(size_vi(5 * 1024 * 1024 * 1024 / 4), "1,3 GB");
        assert_eq!(size_vi(1536 * 1024_u64.pow(4)), "1.536 TB");
        assert_eq!(size_vi(u64::MAX), "16.777.216 TB");
    }

    #[test]
    fn stored_names_become_safe_file_names() {
        assert_eq!(
            safe_file_name("Kế hoạch 82-KH/ĐU.pdf"),
            "Kế hoạch 82-KH_ĐU.pdf"
        );
        assert_eq!(
            safe_file_name(r#"a\b:c*d?e"f<g>h|i.txt"#),
            "a_b_c_d_e_f_g_h_i.txt"
        );
        assert_eq!(safe_file_name("dòng\nmới\t.docx"), "dòng_mới_.docx");
        assert_eq!(safe_file_name("  ..ẩn.pdf.. "), "ẩn.pdf");
        assert_eq!(safe_file_name("CON"), "_CON");
        assert_eq!(safe_file_name("con.txt"), "_con.txt");
        assert_eq!(safe_file_name("Lpt1.pdf"), "_Lpt1.pdf");
        assert_eq!(safe_file_name("COM9"), "_COM9");
        assert_eq!(safe_file_name("NUL .txt"), "_NUL .txt");
        assert_eq!(safe_file_name("CONSOLE.txt"), "CONSOLE.txt");
        assert_eq!(safe_file_name("COM10"), "COM10");
        assert_eq!(safe_file_name(""), "tệp");
        assert_eq!(safe_file_name(" ... "), "tệp");
        assert_eq!(safe_file_name("///"), "___");
        let nfd: String = "Báo cáo.pdf".nfd().collect();
        assert_eq!(safe_file_name(&nfd), "Báo cáo.pdf");
    }

    #[test]
    fn long_names_are_cut_keeping_the_extension() {
        let long = format!("{}.pdf", "Tổ chức hội nghị ".repeat(20));
        let safe = safe_file_name(&long);
        assert!(safe.chars().count() <= MAX_FILE_NAME_CHARS, "{safe}");
        assert!(safe.len() <= 240, "{} bytes", safe.len());
        assert!(safe.ends_with(".pdf"), "{safe}");
        assert!(safe.starts_with("Tổ chức hội nghị"), "{safe}");
        assert!(
            !safe.contains(" .pdf"),
            "no space before the extension: {safe}"
        );
        let vowels = format!("{}.docx", "ệ".repeat(200));
        let safe = safe_file_name(&vowels);
        assert!(safe.len() <= 240 && safe.ends_with(".docx"), "{safe}");
        let no_ext = "ạ".repeat(300);
        assert_eq!(
            safe_file_name(&no_ext).chars().count(),
            80,
            "240 bytes of 3-byte letters"
        );
    }

    #[test]
    fn folding_ignores_marks_case_and_placement() {
        assert_eq!(fold("Đảng ủy"), "dang uy");
        assert_eq!(fold("Đảng uỷ"), "dang uy");
        assert_eq!(fold("hòa"), fold("hoà"));
        let nfd: String = "Nguyễn Văn Hiếu".nfd().collect();
        assert_eq!(fold(&nfd), "nguyen van hieu");
        assert_eq!(fold("82-KH/ĐU"), "82-kh/du");
    }

    #[test]
    fn nfc_composes_and_strips_invisibles() {
        let nfd: String = "Kế hoạch".nfd().collect();
        assert_ne!(nfd, "Kế hoạch");
        assert_eq!(nfc(&format!("\u{feff}{nfd}\r\n")), "Kế hoạch\n");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  Tổ chức\n hội\u{a0}nghị  "), "Tổ chức hội nghị");
    }

    #[test]
    fn control_characters_are_found() {
        assert_eq!(first_control_char("a\u{7}b"), Some('\u{7}'));
        assert_eq!(first_control_char("dòng 1\ndòng\t2"), None);
    }

    #[test]
    fn the_fast_path_folds_like_decomposition() {
        let sample = "ĐẢNG CỘNG SẢN VIỆT NAM Độc lập Tự do Hạnh phúc ủy uỷ hòa hoà ỹ Ỹ ư ơ ă â ê ô";
        let mut slow = String::new();
        sample.chars().for_each(|c| slow_fold(c, &mut slow));
        assert_eq!(fold(sample), slow);
        let mut words = String::new();
        push_folded_words("Số 82-KH/ĐU, Đảng ủy", &mut words);
        assert_eq!(words, "so 82 kh du dang uy ");
    }

    #[test]
    fn words_split_symbols() {
        assert_eq!(folded_words("Số 82-KH/ĐU"), ["so", "82", "kh", "du"]);
    }
}
