//! The trích yếu and the body text.
//!
//! The body is stored in DESIGN.md's light markup: blocks separated by a blank line, a list
//! item or a numbered heading always a block of its own. A text export mostly has one
//! paragraph a line already, but OCR and hand-typed copies break lines inside a paragraph, so a
//! line is joined to the one before only when it plainly continues it: the previous line ends
//! mid-sentence and this one starts in lower case, or the previous line is a heading number
//! alone (`II.`) whose title is on this one. Where a block starts is the markup's decision
//! ([`markup::starts_block`]), so the PDF sets as headings the lines read here as headings.
//! Everything else — emphasis, quotes, the `./.` end mark — is kept as written (the end mark
//! is printed as the profile says whatever was typed).

use vanthu_model::markup;
use vanthu_model::text::fold;

use crate::line::{self, Line};
use crate::Warning;

/// A trích yếu wraps over at most this many source lines; more is the body without a blank line.
const MAX_TITLE_LINES: usize = 4;
/// A trích yếu in capitals is set in a narrower measure and wraps over more lines; so does one
/// closed by a rule (`-----`), which bounds it for sure.
const MAX_LONG_TITLE_LINES: usize = 6;

/// How a Quyết định or Nghị quyết names who enacts it, in capitals under its trích yếu
/// (`ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI`, `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`): folded first words.
/// Such a line is the body's first, never the end of a trích yếu in capitals.
const ENACTING_BODIES: [&str; 10] = [
    "uy ban nhan dan",
    "chu tich",
    "bo truong",
    "hoi dong nhan dan",
    "ban bi thu",
    "ban thuong vu",
    "giam doc",
    "thu truong",
    "thu tuong",
    "tong cuc truong",
];

/// Reads the trích yếu starting at `start` (the line after the type name): the first
/// paragraph, joined with single spaces. Returns it and the index where the body begins.
pub(crate) fn title(
    lines: &[Line],
    start: usize,
    end: usize,
    warnings: &mut Vec<Warning>,
) -> (String, usize) {
    let mut i = start;
    while i < end && (lines[i].is_blank() || line::is_rule(&lines[i].text) || is_noise(&lines[i])) {
        if is_noise(&lines[i]) {
            warnings.push(Warning::noise(lines[i].no, &lines[i].text));
        }
        i += 1;
    }
    // `NGHỊ QUYẾT` / `CỦA BAN THƯỜNG VỤ TỈNH ỦY` / `về …`: a Party resolution's type name
    // goes on with who passed it; the trích yếu is the line after.
    if i < end
        && line::is_caps(&lines[i].text)
        && fold(line::plain(&lines[i].text)).starts_with("cua ")
    {
        if let Some(next) = (i + 1..end).find(|&n| !lines[n].is_blank()) {
            if may_be_title(&lines[next].text) && !line::is_rule(&lines[next].text) {
                i = next;
            }
        }
    }
    // `HỘI ĐỒNG NHÂN DÂN TỈNH …` right under the header: who enacts the document, and its
    // body's first line; the trích yếu was lost, and none is made up from this.
    if i >= end || !may_be_title(&lines[i].text) || is_enacting(line::plain(&lines[i].text)) {
        return (String::new(), i);
    }
    if let Some(rule) = ruled_title_end(lines, i, end) {
        let title = lines[i..rule]
            .iter()
            .map(|l| line::plain(&l.text))
            .collect::<Vec<_>>()
            .join(" ");
        let mut next = rule;
        while next < end && (lines[next].is_blank() || line::is_rule(&lines[next].text)) {
            next += 1;
        }
        return (title, next);
    }
    let mut parts = vec![line::plain(&lines[i].text).to_owned()];
    let in_caps = line::is_caps(&parts[0]);
    let max_lines = if in_caps {
        MAX_LONG_TITLE_LINES
    } else {
        MAX_TITLE_LINES
    };
    i += 1;
    while i < end && parts.len() < max_lines {
        let prev_ends = parts.last().is_some_and(|p| line::ends_clause(p));
        // A web page sets each line of a centred trích yếu as a paragraph of its own; the
        // next one still continues it when it opens with `và` (or in lower case).
        if lines[i].is_blank() && !prev_ends {
            if let Some(next) = (i..end).find(|&n| !lines[n].is_blank()) {
                if continues_after_blank(&parts, &lines[next].text) {
                    i = next;
                }
            }
        }
        let l = &lines[i];
        if l.is_blank() || line::is_rule(&l.text) || is_noise(l) || prev_ends {
            break;
        }
        let text = line::plain(&l.text);
        let enacting = is_enacting(text);
        // `…về xây dựng hệ thống,` / `định hướng đến năm 2030` / `Hội nghị lần thứ bảy…`: after
        // lines that continue in lower case, one that starts a sentence starts the body.
        let sentence_after_wrap = parts.len() > 1
            && parts.last().is_some_and(|p| line::starts_lowercase(p))
            && text.chars().next().is_some_and(char::is_uppercase)
            && !line::is_caps(text);
        if enacting || sentence_after_wrap {
            break;
        }
        // With no blank line after the trích yếu, the body's first paragraph follows at once:
        // it is long, ends a sentence, or opens the way bodies do.
        let opens_body = l.text.chars().count() > 150
            || line::ends_clause(&l.text)
            || ["can cu", "thuc hien", "theo ", "de ", "nham "]
                .iter()
                .any(|w| fold(&l.text).starts_with(w));
        if !may_be_title(&l.text) || opens_body {
            break;
        }
        parts.push(line::plain(&l.text).to_owned());
        i += 1;
    }
    // A stray `.` a page left on its own line under the trích yếu is no paragraph.
    while i < end
        && (lines[i].is_blank()
            || line::is_rule(&lines[i].text)
            || !lines[i].text.chars().any(char::is_alphanumeric))
    {
        i += 1;
    }
    (parts.join(" "), i)
}

/// A line naming who enacts a Quyết định or Nghị quyết, in capitals: it starts as one of
/// [`ENACTING_BODIES`] does, or is `CHÍNH PHỦ` alone.
fn is_enacting(text: &str) -> bool {
    let folded = fold(text);
    line::is_caps(text)
        && (ENACTING_BODIES.iter().any(|b| folded.starts_with(b)) || folded == "chinh phu")
}

/// Whether `text`, after a blank line, goes on with the trích yếu in `parts`: it opens in lower
/// case, or (a trích yếu in capitals) with `VÀ`, and is not the body's first paragraph.
fn continues_after_blank(parts: &[String], text: &str) -> bool {
    let text = line::plain(text);
    let in_caps = parts.iter().all(|p| line::is_caps(p));
    // A trích yếu in capitals set as centred paragraphs: its last line often names the term
    // or the year (`NHIỆM KỲ 2019 – 2020`, `NĂM 2024`, `GIAI ĐOẠN 2021 - 2025`).
    let caps_goes_on = in_caps
        && line::is_caps(text)
        && [
            "va ",
            "nhiem ky ",
            "nam ",
            "nam hoc ",
            "giai doan ",
            "den nam ",
            "khoa ",
        ]
        .iter()
        .any(|w| fold(text).starts_with(w));
    let opens = line::starts_lowercase(text) || caps_goes_on;
    opens
        && may_be_title(text)
        && !line::ends_clause(text)
        && text.chars().count() <= 150
        && !markup::starts_block(text)
}

/// The index of the rule (`-----`) that closes a trích yếu starting at `start`, if one comes
/// within a few unbroken lines of title-like text.
fn ruled_title_end(lines: &[Line], start: usize, end: usize) -> Option<usize> {
    let mut i = start;
    while i < end && i < start + MAX_LONG_TITLE_LINES {
        let l = &lines[i];
        if line::is_rule(&l.text) {
            return (i > start).then_some(i);
        }
        let opens_body = ["can cu", "thuc hien", "kinh gui"]
            .iter()
            .any(|w| fold(line::plain(&l.text)).starts_with(w));
        if l.is_blank() || !may_be_title(&l.text) || opens_body || line::ends_clause(&l.text) {
            return None;
        }
        i += 1;
    }
    None
}

/// A line that can be (part of) a trích yếu: not a list item or heading, not `Kính gửi`, not
/// the `(Ban hành kèm theo Quyết định …)` note printed under an attached document's trích yếu,
/// not a web page's time stamp or address left between the lines (`2024-10-08T04:01:27`).
fn may_be_title(text: &str) -> bool {
    let plain = line::plain(text);
    let folded = fold(plain);
    // One unbroken token with a digit and a colon is a time stamp; a wrapped `2021-2025` is
    // still part of a trích yếu.
    let stamp_or_address = folded.starts_with("http")
        || folded.starts_with("www.")
        || (!plain.contains(char::is_whitespace)
            && plain.contains(':')
            && plain.chars().any(|c| c.is_ascii_digit()));
    !markup::starts_block(text)
        && !folded.starts_with("kinh gui")
        // The note may be cut over lines itself: `(Ban hành` / `kèm theo Quyết định …`.
        && !folded.starts_with("(ban hanh")
        && !stamp_or_address
}

/// Whole-line scan noise: `[Handwritten mark]`, or a lone page number.
fn is_noise(l: &Line) -> bool {
    line::is_bracketed(&l.text) || line::is_page_number(&l.text)
}

/// The body from `lines`, in the stored markup. Scan noise is dropped with a warning.
pub(crate) fn body(lines: &[Line], warnings: &mut Vec<Warning>) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for l in lines {
        if l.is_blank() {
            if let Some(block) = current.take() {
                blocks.push(block);
            }
            continue;
        }
        if line::is_bracketed(&l.text) {
            warnings.push(Warning::noise(l.no, &l.text));
            continue;
        }
        if line::is_page_number(&l.text) {
            warnings.push(Warning::at(
                l.no,
                format!("Bỏ số trang ở dòng {}: “{}”", l.no, l.text),
            ));
            continue;
        }
        current = match current.take() {
            Some(mut block)
                if !markup::starts_block(&l.text)
                    && (is_bare_number(&block)
                        || (!line::ends_clause(&block) && continues(&l.text))) =>
            {
                block.push(' ');
                block.push_str(&l.text);
                Some(block)
            }
            Some(block) => {
                blocks.push(block);
                Some(l.text.clone())
            }
            None => Some(l.text.clone()),
        };
    }
    if let Some(block) = current {
        blocks.push(block);
    }
    blocks.join("\n\n")
}

/// A block that is only a heading number (`II.`, `3)`, `**1.1-**`): its title is the next line.
/// Asked of the paragraph growing line by line, so anything longer than a number is answered
/// at once (reading the whole paragraph each time made a long text take minutes).
fn is_bare_number(block: &str) -> bool {
    const LONGEST_NUMBER: usize = 24;
    if block.len() > LONGEST_NUMBER {
        return false;
    }
    let plain = markup::strip_markup(block);
    let plain = plain.trim_matches('*').trim();
    markup::heading(plain).is_some_and(|(_, label)| label == plain.chars().count())
}

/// Whether a line continues the paragraph above it: it starts in lower case, or with a number
/// that is not a heading (`17/4/2024 của …` after a hard wrap).
fn continues(text: &str) -> bool {
    line::starts_lowercase(text) || text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        line::split_lines(text)
    }

    #[test]
    fn hard_wraps_join_but_items_and_headings_do_not() {
        let src = "Thực hiện Kế hoạch của\nBan Thường vụ, ngày\n17/4/2024 như sau:\nI- MỤC ĐÍCH\n- Tạo sự chuyển biến\n- Nâng cao\nnhận thức.\nCâu mới.";
        let mut w = Vec::new();
        let body = body(&lines(src), &mut w);
        assert_eq!(
            body,
            "Thực hiện Kế hoạch của\n\nBan Thường vụ, ngày 17/4/2024 như sau:\n\nI- MỤC ĐÍCH\n\n- Tạo sự chuyển biến\n\n- Nâng cao nhận thức.\n\nCâu mới."
        );
        assert!(w.is_empty());
    }

    #[test]
    fn a_number_alone_takes_the_title_below_it() {
        let src = "II.\nNỘI DUNG\n3)\nKinh phí:\n- Một.\na)\n- Hai.";
        let body = body(&lines(src), &mut Vec::new());
        assert_eq!(
            body, "II. NỘI DUNG\n\n3) Kinh phí:\n\n- Một.\n\na)\n\n- Hai.",
            "a number is joined to its title, never to a list item"
        );
    }

    #[test]
    fn noise_is_dropped_with_a_warning() {
        let mut w = Vec::new();
        let body = body(&lines("Đoạn một của\n2\n[Con dấu]\nđoạn một."), &mut w);
        assert_eq!(body, "Đoạn một của đoạn một.");
        assert_eq!(w.len(), 2);
        assert!(w[1].message.contains("“[Con dấu]”"), "{w:?}");
    }

    #[test]
    fn title_wraps_until_blank_or_rule() {
        let src = "Tổ chức Hội nghị điển hình\nKhánh Hòa giai đoạn 2025 - 2030\n-----\n\nThực hiện";
        let mut w = Vec::new();
        let l = lines(src);
        let (title, next) = title(&l, 0, l.len(), &mut w);
        assert_eq!(
            title,
            "Tổ chức Hội nghị điển hình Khánh Hòa giai đoạn 2025 - 2030"
        );
        assert_eq!(l[next].text, "Thực hiện");
    }

    #[test]
    fn title_stops_where_the_body_starts_without_a_blank_line() {
        let src = "Tổ chức hội nghị\nThực hiện Chỉ thị số 10-CT/TW, Đảng ủy xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH";
        let l = lines(src);
        let (title, next) = title(&l, 0, l.len(), &mut Vec::new());
        assert_eq!(title, "Tổ chức hội nghị");
        assert_eq!(next, 1);
    }
}
