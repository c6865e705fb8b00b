//! The Nơi nhận line `name (note)`: one reader and one printer.
//!
//! A recipient is stored as a name and a note (`Đảng ủy Khối CCQ-DN tỉnh` / `để b/c`) but is
//! written as one line, in the printed list, in an imported text file and in the window where a
//! clerk keeps the usual recipients. All of them go through [`Recipient::parse_line`] and
//! [`Recipient::line`], so a line read back prints as it was written.

use crate::document::Recipient;
use crate::markup;

/// The punctuation that ends an entry of the printed list (`,` `;`, and `.` after the last);
/// it belongs to the list, not to the name.
const LIST_END: [char; 3] = [',', ';', '.'];

impl Recipient {
    /// Reads `Đảng ủy Khối CCQ-DN tỉnh (để b/c);` as the name `Đảng ủy Khối CCQ-DN tỉnh` and
    /// the note `để b/c`. A list marker in front (`- `) and the list's punctuation at the end
    /// are dropped. Only a parenthesis that closes the line is a note, and only when a name
    /// stands before it; a name that itself ends in parentheses (`Sở Nội vụ (Ban Tôn giáo)`)
    /// therefore reads as name and note.
    pub fn parse_line(line: &str) -> Recipient {
        let trimmed = |s: &str| {
            s.trim()
                .trim_end_matches(|c: char| LIST_END.contains(&c) || c.is_whitespace())
                .to_owned()
        };
        let mut text = line.trim();
        if let Some((_, marker)) = markup::item_marker(text) {
            text = &text[marker.len()..];
        }
        let text = trimmed(text);
        if let Some(inside) = text.strip_suffix(')') {
            if let Some(open) = inside.rfind('(') {
                let name = trimmed(&inside[..open]);
                if !name.is_empty() {
                    return Recipient {
                        name,
                        note: inside[open + 1..].trim().to_owned(),
                    };
                }
            }
        }
        Recipient {
            name: text,
            note: String::new(),
        }
    }

    /// The line as printed in Nơi nhận, without the list's marker and end punctuation (the
    /// layout profile adds those): `Đảng ủy Khối CCQ-DN tỉnh (để b/c)`.
    pub fn line(&self) -> String {
        let name = self
            .name
            .trim()
            .trim_end_matches(|c: char| LIST_END.contains(&c) || c.is_whitespace());
        let note = self
            .note
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        if note.is_empty() {
            name.to_owned()
        } else {
            format!("{name} ({note})")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, note: &str) -> Recipient {
        Recipient {
            name: name.into(),
            note: note.into(),
        }
    }

    #[test]
    fn lines_read_back_as_printed() {
        for recipient in [
            r("Đảng ủy Khối CCQ-DN tỉnh", "để b/c"),
            r("Ban Thường vụ Đảng ủy", ""),
            r("Các chi bộ trực thuộc", "để thực hiện"),
            r("Các khoa, phòng; Công đoàn", ""),
            r("Văn phòng UBND tỉnh", "qua Phòng KGVX"),
            r("Như trên", ""),
        ] {
            let line = recipient.line();
            assert_eq!(Recipient::parse_line(&line), recipient, "{line}");
            assert_eq!(Recipient::parse_line(&line).line(), line);
        }
    }

    #[test]
    fn list_marks_and_punctuation_are_not_part_of_the_name() {
        assert_eq!(
            Recipient::parse_line("- Đảng ủy Khối CCQ-DN tỉnh (để b/c);"),
            r("Đảng ủy Khối CCQ-DN tỉnh", "để b/c")
        );
        assert_eq!(
            Recipient::parse_line("Các khoa, phòng; Công đoàn,"),
            r("Các khoa, phòng; Công đoàn", "")
        );
        assert_eq!(
            Recipient::parse_line("(để b/c)"),
            r("(để b/c)", ""),
            "a note alone is kept as the name rather than lost"
        );
        assert_eq!(r("Như trên;", "(để biết)").line(), "Như trên (để biết)");
    }
}
