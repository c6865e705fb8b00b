//! A body cut into the sentences a deadline is read from.
//!
//! A sentence ends at `;`, at a line break, and at `.`, `!` or `?` followed by a space and not by
//! a lowercase word (`zalo... và` goes on). A full stop inside a number (`31.5`, `5.4.2025`,
//! `1.2-`) or after a one-letter abbreviation (`Tp. Hồ Chí Minh`) never ends one, nor does the
//! numbering of a heading (`1. Ban Tuyên giáo`). Markup (`**`, `*`) is transparent: it is
//! skipped when looking around a full stop and removed from the text.

use std::borrow::Cow;

use crate::markup;
use crate::text::{self, nfc_owned};

/// Words written with a full stop that does not end the sentence (lowercase, without the stop).
const ABBREVIATIONS: [&str; 9] = ["tp", "tt", "ts", "ths", "pgs", "gs", "đ/c", "v.v", "vv"];

/// One line of the body, with where it starts.
pub(super) struct Line<'a> {
    pub offset: usize,
    pub raw: &'a str,
    /// The line without markup, trimmed.
    pub plain: Cow<'a, str>,
    /// Its heading level and the length in chars of its numbering, if it is a heading.
    pub heading: Option<(usize, usize)>,
    /// Every char of the body is NFC whatever surrounds it (`text::is_surely_nfc`): a
    /// sentence's text, the line's chars less some markup, needs no normalising.
    pub surely_nfc: bool,
}

/// One sentence: its text (markup, numbering and item marker removed, NFC, trimmed) and where
/// it starts in the body.
pub(super) struct Sentence {
    pub offset: usize,
    pub text: String,
}

/// The lines of `body` with their byte offsets (a `\r` before the `\n` is not part of a line).
pub(super) fn lines(body: &str) -> Vec<Line<'_>> {
    let surely_nfc = text::is_surely_nfc(body);
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in body.split('\n') {
        let raw = piece.strip_suffix('\r').unwrap_or(piece);
        // Most lines have no markup: their plain text is the line itself, not a copy.
        let plain = if raw.contains('*') || raw.contains('_') {
            Cow::Owned(markup::strip_markup(raw).trim().to_owned())
        } else {
            Cow::Borrowed(raw.trim())
        };
        let heading = markup::heading(&plain);
        out.push(Line {
            offset,
            raw,
            plain,
            heading,
            surely_nfc,
        });
        offset += piece.len() + 1;
    }
    out
}

/// The sentences of one line.
pub(super) fn sentences(line: &Line<'_>) -> Vec<Sentence> {
    let raw = line.raw;
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(raw.len());
    chars.extend(raw.char_indices());
    // Chars of the numbering (or item marker) to pass over before a stop can end a sentence.
    let label = line
        .heading
        .map(|(_, len)| len)
        .or_else(|| markup::item_marker(&line.plain).map(|(_, m)| m.chars().count()))
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut start = 0; // index into `chars`
                       // The label: chars passed until `label` of them that are not markup nor leading space are.
    let mut i = 0;
    if label > 0 {
        let mut seen = 0;
        while i < chars.len() {
            let c = chars[i].1;
            i += 1;
            if c != '*' && !(seen == 0 && c.is_whitespace()) {
                seen += 1;
            }
            if seen >= label && c != '*' {
                break;
            }
        }
    }
    // Then only a stop can end a sentence: the chars between two are passed over at once.
    while let Some(at) = chars[i..]
        .iter()
        .position(|&(_, c)| matches!(c, ';' | '!' | '?' | '.'))
    {
        let stop = i + at;
        if ends_sentence(&chars, stop) {
            push(line, &chars, start, stop + 1, label, &mut out);
            start = stop + 1;
        }
        i = stop + 1;
    }
    push(line, &chars, start, chars.len(), label, &mut out);
    out
}

fn push(
    line: &Line<'_>,
    chars: &[(usize, char)],
    from: usize,
    to: usize,
    label: usize,
    out: &mut Vec<Sentence>,
) {
    let raw = line.raw;
    let byte = |i: usize| chars.get(i).map_or(raw.len(), |&(b, _)| b);
    let piece = &raw[byte(from)..byte(to)];
    let lead = piece.len() - piece.trim_start().len();
    let mut text = if piece.contains('*') || piece.contains('_') {
        markup::strip_markup(piece).trim().to_owned()
    } else {
        piece.trim().to_owned()
    };
    if out.is_empty() && label > 0 {
        // The line's numbering or item marker is structure, not part of the sentence.
        text = text
            .chars()
            .skip(label)
            .collect::<String>()
            .trim()
            .to_owned();
    }
    if text.chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            offset: line.offset + byte(from) + lead,
            text: if line.surely_nfc {
                text
            } else {
                nfc_owned(text)
            },
        });
    }
}

/// Whether the char at `i` ends a sentence.
fn ends_sentence(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    if !matches!(c, ';' | '!' | '?' | '.') {
        return false;
    }
    let next = chars[i + 1..].iter().map(|&(_, c)| c).find(|&c| c != '*');
    match c {
        ';' => true,
        '!' | '?' => next.is_none_or(char::is_whitespace),
        '.' => {
            if !next.is_none_or(char::is_whitespace) {
                return false;
            }
            let after = chars[i + 1..]
                .iter()
                .map(|&(_, c)| c)
                .find(|&c| c != '*' && !c.is_whitespace());
            if after.is_some_and(char::is_lowercase) {
                return false;
            }
            let word: String = chars[..i]
                .iter()
                .rev()
                .map(|&(_, c)| c)
                .filter(|&c| c != '*')
                .take_while(|c| !c.is_whitespace())
                .collect::<Vec<char>>()
                .into_iter()
                .rev()
                .collect::<String>()
                .to_lowercase();
            let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            !(single_letter || ABBREVIATIONS.contains(&word.as_str()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        lines(body)
            .iter()
            .flat_map(|l| sentences(l))
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_semicolons_and_lines_but_not_inside_numbers() {
        assert_eq!(
            texts("Hạn trước ngày 31/5/2024. Sau đó báo cáo; rồi nộp ngày 5.4. Xong\nDòng mới"),
            [
                "Hạn trước ngày 31/5/2024.",
                "Sau đó báo cáo;",
                "rồi nộp ngày 5.4.",
                "Xong",
                "Dòng mới"
            ]
        );
    }

    #[test]
    fn headings_markup_and_abbreviations_stay_inside_the_sentence() {
        assert_eq!(
            texts("1.2- Thời gian\n1. Các chi bộ hoàn thành *trước ngày 31/5/2024*.\n- Đại hội tại Tp. Hồ Chí Minh, zalo... và khác."),
            [
                "Thời gian",
                "Các chi bộ hoàn thành trước ngày 31/5/2024.",
                "Đại hội tại Tp. Hồ Chí Minh, zalo... và khác."
            ]
        );
    }

    #[test]
    fn offsets_point_at_the_sentence_in_the_body() {
        let body = "Mở đầu.\r\n  Các chi bộ gửi; Văn phòng nhận.";
        for line in lines(body) {
            for s in sentences(&line) {
                let at = &body[s.offset..];
                let first = s.text.chars().next().unwrap();
                assert!(at.starts_with(first), "{at:?} for {:?}", s.text);
            }
        }
    }
}
