//! Vietnamese text rules: what is stored, and how it is compared.
//!
//! Text arrives from many places — a Word paste, a scan, an NFD file saved on a Mac, a JSON file
//! — and must be stored one way (NFC, TCVN 6909:2001 is Unicode) so that the PDF draws it right
//! and search finds it. Search compares *folded* text: lowercase, no tone or vowel marks, đ → d,
//! so `dang uy`, `Đảng uỷ` and `Đảng ủy` are the same words to a clerk typing in a hurry.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The canonical stored form: NFC, with Windows line ends made `\n` and invisible characters
/// that Word and web pages leave behind (BOM, zero-width spaces) removed.
pub fn nfc(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.nfc()
        .filter(|c| {
            !matches!(
                c,
                '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
            )
        })
        .collect()
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
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            // Old-style and new-style forms share the folded spelling; anything else lowercases.
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The exact (diacritic-keeping) comparison form: NFC, lowercase. Old and new tone placement
/// (`uỷ`/`ủy`) stay distinct here, as they are distinct spellings.
pub fn lower_exact(s: &str) -> String {
    s.nfc().flat_map(char::to_lowercase).collect()
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

/// Vietnamese upper case of a display string (`Kế hoạch` → `KẾ HOẠCH`), NFC.
pub fn upper(s: &str) -> String {
    s.nfc()
        .flat_map(char::to_uppercase)
        .collect::<String>()
        .nfc()
        .collect()
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
    fn words_split_symbols() {
        assert_eq!(folded_words("Số 82-KH/ĐU"), ["so", "82", "kh", "du"]);
    }
}
