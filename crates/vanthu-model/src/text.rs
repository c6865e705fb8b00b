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
    // Almost all text is already clean NFC; checking is far cheaper than normalising.
    if s.chars().all(surely_nfc)
        || (is_nfc_quick(s.chars()) == IsNormalized::Yes
            && !s.chars().any(|c| c == '\r' || is_invisible(c)))
    {
        return s.to_owned();
    }
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.nfc().filter(|&c| !is_invisible(c)).collect()
}

/// Characters that are NFC whatever surrounds them and need no cleaning: everything below the
/// combining marks (U+0300) but carriage return, Vietnamese precomposed letters, and the
/// common typographic punctuation.
fn surely_nfc(c: char) -> bool {
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

/// The folded form of the Latin letters Vietnamese uses (U+00C0–U+024F, U+1E00–U+1EFF), worked
/// out once: search folds every document as it is stored, so this is the hot path. Only letters
/// are in the table, so finding a character also tells it is part of a word.
fn latin_table() -> &'static [(u32, char)] {
    static TABLE: OnceLock<Vec<(u32, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0xC0..=0x24F_u32)
            .chain(0x1E00..=0x1EFF)
            .filter_map(|cp| {
                let c = char::from_u32(cp).filter(|c| c.is_alphabetic())?;
                let mut folded = String::new();
                slow_fold(c, &mut folded);
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (Some(f), None) => Some((cp, f)),
                    _ => None,
                }
            })
            .collect()
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

fn table_fold(c: char) -> Option<char> {
    let cp = c as u32;
    if (0xC0..=0x24F).contains(&cp) || (0x1E00..=0x1EFF).contains(&cp) {
        let table = latin_table();
        table
            .binary_search_by_key(&cp, |&(k, _)| k)
            .ok()
            .map(|i| table[i].1)
    } else {
        None
    }
}

/// The exact (diacritic-keeping) comparison form: NFC, lowercase. Old and new tone placement
/// (`uỷ`/`ủy`) stay distinct here, as they are distinct spellings.
pub fn lower_exact(s: &str) -> String {
    // Lower-casing precomposed Vietnamese letters keeps them precomposed, so NFC in is NFC out.
    let mut out = String::with_capacity(s.len());
    for c in nfc(s).chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The first control character in `s` that has no place in a document (anything below U+0020
/// except newline and tab, DEL, and the C1 range), if any.
pub fn first_control_char(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c))
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

/// Whether `c` belongs to a word (a letter or a digit), fast for Vietnamese text.
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

#[cfg(test)]
mod tests {
    use super::*;

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
