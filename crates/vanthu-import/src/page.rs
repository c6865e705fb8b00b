//! The web page around a document: what a site prints before the document's own first line.
//!
//! Clerks copy documents out of web pages, and a page's text comes with its site's menu
//! (`1. Trang chủ`, `2. » Tất cả`), the page's title in capitals, its date, a download
//! notice, a table of the document's particulars, a description repeated for search engines,
//! a page label glued to the first line (`Trang 1ĐOÀN …`). None of it is the document, and
//! read as its header it gives a wrong issuer, type or date. A document starts where its
//! header does: a national or Party heading, a number line, a place and date, the `*` under
//! the issuing body, a type name, several of them within a few lines of each other, with the
//! issuing body's lines in capitals just above. What comes before that block is dropped, and
//! the clerk is told which lines went. A file with no such block is left as it is, and so is
//! one whose lines before the block read as a document's own (its type name standing alone,
//! `Căn cứ …`, `Kính gửi …`): never is text dropped that the document may need.

use std::cell::OnceCell;
use std::collections::BTreeSet;

use vanthu_model::text::{fold, folded_words};
use vanthu_model::Conventions;

use crate::header::{self, Item};
use crate::line::{self, Line};
use crate::Warning;

/// How far down a file a document's header may start after a page's own lines.
const PAGE_ZONE_LINES: usize = 60;

/// The header's elements stand within this many non-blank lines of each other.
const HEADER_SPAN: usize = 8;

/// At most this many lines in capitals (the issuing body and those above it) stand above the
/// first element of the header.
const MAX_ISSUER_LINES: usize = 4;

/// How many dropped lines the warning quotes.
const QUOTED_LINES: usize = 3;

/// What marks a line as part of a document's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Element {
    Heading,
    Number,
    PlaceDate,
    Separator,
    TypeName,
}

/// The page's lines before the document, dropped with a warning (see the module), and the
/// lines from where the document starts.
pub(crate) fn strip(
    mut lines: Vec<Line>,
    conventions: &Conventions,
    warnings: &mut Vec<Warning>,
) -> (Vec<Line>, Vec<Line>) {
    let Some(start) = document_start(&lines, conventions) else {
        return (Vec::new(), lines);
    };
    let label = page_label(&lines[start].text).map(|(label, rest)| (label.to_owned(), rest));
    if let Some((label, rest)) = label {
        let no = lines[start].no;
        warnings.push(Warning::at(
            no,
            format!(
                "Bỏ nhãn trang “{label}” của trang web dính ở đầu dòng {no}; dòng được đọc là “{rest}”."
            ),
        ));
        lines[start].text = rest;
    }
    let dropped: Vec<&Line> = lines[..start].iter().filter(|l| !l.is_blank()).collect();
    if let (Some(first), Some(last)) = (dropped.first(), dropped.last()) {
        let quoted: Vec<String> = dropped
            .iter()
            .take(QUOTED_LINES)
            .map(|l| format!("“{}”", shortened(&l.text)))
            .collect();
        let more = if dropped.len() > QUOTED_LINES {
            ", …"
        } else {
            ""
        };
        let range = if first.no == last.no {
            format!("dòng {}", first.no)
        } else {
            format!("dòng {}–{}", first.no, last.no)
        };
        warnings.push(Warning::at(
            first.no,
            format!(
                "Bỏ {} dòng của trang web trước phần đầu văn bản ({range}; trình đơn, tiêu đề trang, mô tả…): {}{more}.",
                dropped.len(),
                quoted.join(", ")
            ),
        ));
    }
    let kept = lines.split_off(start);
    (lines, kept)
}

/// The index of the document's first line when a web page's lines come before it.
fn document_start(lines: &[Line], conventions: &Conventions) -> Option<usize> {
    let zone_end = lines.first().map_or(0, |l| l.no) + PAGE_ZONE_LINES;
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && lines[i].no < zone_end)
        .collect();
    // Each line is read when the search first looks at it: a document whose header opens the
    // file is found within its first few lines, and reading every line of the zone (long
    // paragraphs among them) was half the time of importing a Word file.
    let found_cells: Vec<OnceCell<BTreeSet<Element>>> = vec![OnceCell::new(); nonblank.len()];
    let found =
        |j: usize| found_cells[j].get_or_init(|| elements(&lines[nonblank[j]].text, conventions));
    // A page's time stamp (`Cập nhật lúc : 16:09 25/10/2021`) is never inside a header: a
    // heading the site prints above it (`ĐỘI TNTP HỒ CHÍ MINH`) is the page's banner.
    let stamp_cells: Vec<OnceCell<bool>> = vec![OnceCell::new(); nonblank.len()];
    let stamp = |j: usize| {
        *stamp_cells[j]
            .get_or_init(|| header::is_page_dateline(line::plain(&lines[nonblank[j]].text)))
    };
    let header_at = |k: usize| {
        let last = (k + HEADER_SPAN).min(nonblank.len());
        // A header ends with its type name: a line whose only element is one is a page's title
        // (`BÁO CÁO TỔNG KẾT …`) when the header's other elements come after it.
        if !found(k).iter().any(|e| *e != Element::TypeName) {
            return false;
        }
        // Two kinds of element before the next time stamp; the lines after the second are not
        // read.
        let mut kinds: BTreeSet<Element> = found(k).clone();
        for j in k + 1..last {
            if kinds.len() >= 2 || stamp(j) {
                break;
            }
            kinds.extend(found(j));
        }
        kinds.len() >= 2
    };
    let Some(mut k) = (0..nonblank.len()).find(|&k| header_at(k)) else {
        return bare_type_line(lines, &nonblank, conventions);
    };
    // `… KẾ HOẠCH kiểm điểm … đối[.]`: a site's preview of the header, cut off, before the
    // text itself; the document starts at the header that follows it.
    if is_cut_off(&lines[nonblank[k]].text) {
        if let Some(again) =
            (k + 1..nonblank.len().min(k + 1 + HEADER_SPAN)).find(|&j| header_at(j))
        {
            k = again;
        }
    }
    let mut issuer_lines = 0;
    while k > 0 {
        let text = &lines[nonblank[k - 1]].text;
        let unlabelled = page_label(text).map(|(_, rest)| rest);
        let plain = line::plain(unlabelled.as_deref().unwrap_or(text));
        let passed_over = line::is_separator(plain)
            || line::is_rule(plain)
            || plain.chars().all(|c| c == '|' || c.is_whitespace())
            || matches!(
                header::classify(plain, conventions),
                Item::Secrecy(_) | Item::Urgency(_) | Item::Mark
            );
        if !passed_over {
            if issuer_lines == MAX_ISSUER_LINES || !issuer_like(plain) {
                break;
            }
            issuer_lines += 1;
        }
        k -= 1;
    }
    let start = nonblank[k];
    let before = &lines[..start];
    // A document's own type name is in capitals; a page's label (`Thông Báo`) is not, and a
    // type name the document prints again under its header is the page's heading repeating it.
    let lone_type = |l: &Line| {
        let plain = line::plain(&l.text);
        line::is_caps(plain)
            .then(|| vanthu_model::Kind::from_printed_name(plain))
            .flatten()
    };
    let zone_after: Vec<&Line> = lines[start..].iter().filter(|l| l.no < zone_end).collect();
    let document_before = before.iter().any(|l| {
        let repeated =
            lone_type(l).is_some_and(|k| zone_after.iter().any(|a| lone_type(a) == Some(k)));
        (lone_type(l).is_some() && !repeated) || opens_document_body(line::plain(&l.text))
    });
    let nothing_to_do =
        before.iter().all(Line::is_blank) && page_label(&lines[start].text).is_none();
    (!document_before && !nothing_to_do).then_some(start)
}

/// How many of a page's lines may stand before a document that has no header but its type
/// name.
const MAX_PAGE_LINES_BEFORE_TYPE: usize = 20;

/// Where a document with nothing of its header but the type name starts, when a page's lines
/// come before it (a visitor counter, the page's title and date, an editor's introduction):
/// at its type name in capitals on a line of its own, if no line above reads as a document's
/// body (`Căn cứ …`, a numbered item or heading), so that a text whose body merely holds a
/// heading like `KẾ HOẠCH` further down keeps everything.
fn bare_type_line(lines: &[Line], nonblank: &[usize], conventions: &Conventions) -> Option<usize> {
    let at = nonblank
        .iter()
        .take(MAX_PAGE_LINES_BEFORE_TYPE + 1)
        .position(|&i| {
            let plain = line::plain(&lines[i].text);
            line::is_caps(plain) && vanthu_model::Kind::from_printed_name(plain).is_some()
        })?;
    if at == 0 {
        return None;
    }
    let body_above = nonblank[..at].iter().any(|&i| {
        let plain = line::plain(&lines[i].text);
        opens_document_body(plain) || vanthu_model::markup::starts_block(plain)
    });
    // A header a narrow table broke over lines (`Số: 16 -` / `HD/BTCTW`, `Hà Nội, ngày` /
    // `24 tháng 9 năm 2018`) is the document's: its pieces, put together, are header elements.
    let header_above = nonblank[..at].windows(2).any(|pair| {
        let together = format!(
            "{} {}",
            line::plain(&lines[pair[0]].text),
            line::plain(&lines[pair[1]].text)
        );
        !elements(&together, conventions).is_empty()
    });
    (!body_above && !header_above).then_some(nonblank[at])
}

/// The header elements a line holds, read as the header reader reads them, cells and
/// flattened runs apart.
fn elements(text: &str, conventions: &Conventions) -> BTreeSet<Element> {
    let mut found = BTreeSet::new();
    // `Kế hoạch của ĐOÀN TNCS HỒ CHÍ MINH Năm 2021`: a page's title that names a heading is
    // no part of a header.
    let plain = line::plain(text);
    let first = plain.split_whitespace().next().unwrap_or_default();
    let sentence_case = first.chars().any(char::is_lowercase);
    if sentence_case && header::type_name_prefix(&plain.to_uppercase()).is_some() {
        return found;
    }
    // `Số:` alone: the symbol is on the next line.
    if matches!(fold(line::plain(text)).trim_end_matches([':', ' ']), "so") {
        found.insert(Element::Number);
    }
    for piece in header::split_header_line(text) {
        let element = match header::classify(&piece, conventions) {
            Item::PartyHeading | Item::StateHeading | Item::YouthHeading => Element::Heading,
            Item::Number(_) => Element::Number,
            // A date without a place (`Ngày 25 tháng 01 năm 2025`) is as often a page's.
            Item::PlaceDate(pd) if !pd.place.is_empty() => Element::PlaceDate,
            Item::Separator => Element::Separator,
            Item::TypeName(_) => Element::TypeName,
            _ => continue,
        };
        found.insert(element);
    }
    found
}

/// A line that can be (part of) an issuing body's name: in capitals (or a form's blank for
/// it, `XÃ ..........`), not opening with a type name (a page title does: `BÁO CÁO SƠ KẾT …`),
/// short, and without a year, which no body's name carries.
fn issuer_like(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let caps = line::is_caps(text)
        || (letters >= 2 && !text.chars().any(char::is_lowercase) && has_placeholder(text));
    let year = text
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4);
    caps && text.chars().next().is_some_and(char::is_alphabetic)
        && header::type_name_prefix(text).is_none()
        && text.split_whitespace().count() <= 12
        && !year
}

/// A run of dots, ellipses or underscores left for the clerk to fill in.
fn has_placeholder(text: &str) -> bool {
    text.split_whitespace().any(header::is_placeholder)
}

/// `Trang 1ĐOÀN ĐẠI HỌC …`: a page label a document site glues before the page's first line,
/// and the line without it.
fn page_label(text: &str) -> Option<(&str, String)> {
    let rest = text.strip_prefix("Trang")?;
    let after_space = rest.trim_start();
    let digits = after_space
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after_space.len());
    if digits == 0 || after_space.len() == rest.len() {
        return None;
    }
    let remainder = after_space[digits..].trim_start();
    // Only before a line in capitals, the way the page's first line of a header is.
    let first_word = remainder.split_whitespace().next().unwrap_or_default();
    let caps_word = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first_word.chars().any(char::is_lowercase);
    let label_len = text.len() - remainder.len();
    caps_word.then(|| (text[..label_len].trim_end(), remainder.to_owned()))
}

/// A site's preview that stops mid-word with a mark of its own (`đối[.]`, `…]`).
fn is_cut_off(text: &str) -> bool {
    let text = text.trim_end();
    ["[.]", "[…]", "[...]", "…]"]
        .iter()
        .any(|mark| text.ends_with(mark))
}

/// How a document's body opens, never a web page's own line.
fn opens_document_body(text: &str) -> bool {
    let words = folded_words(text.trim_start_matches(['-', ' ', '*'])).join(" ");
    ["can cu ", "kinh gui", "xet de nghi"]
        .iter()
        .any(|w| words.starts_with(w))
}

/// A line as quoted in a warning: at most 60 characters.
fn shortened(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(MAX).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(text: &str) -> Option<usize> {
        document_start(&line::split_lines(text), &Conventions::default())
    }

    #[test]
    fn a_menu_and_page_title_before_the_header_go() {
        let text = "1. Trang chủ\n2. » Tất cả\nBÁO CÁO SƠ KẾT NĂM 2024\nĐang tải...\n\nỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO";
        assert_eq!(
            start(text),
            Some(5),
            "the document starts at its issuing body"
        );
    }

    #[test]
    fn a_document_that_starts_at_the_top_is_left_alone() {
        let text = "ĐẢNG BỘ TỈNH X\nĐẢNG ỦY XÃ Y\n*\nSố 12-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nKẾ HOẠCH";
        assert_eq!(start(text), None);
    }

    #[test]
    fn nothing_goes_when_the_document_began_above() {
        // A header of an attached document under one that lost its own.
        let text = "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\nCăn cứ Luật;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\nỦY BAN NHÂN DÂN\nSố: 5/QC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assert_eq!(start(text), None);
    }

    #[test]
    fn a_lone_date_at_the_foot_is_no_header() {
        let text = "Nội dung thông báo.\nHà Nội, ngày 5 tháng 3 năm 2024\nNguyễn Văn A";
        assert_eq!(start(text), None);
    }

    #[test]
    fn a_page_label_glued_to_the_issuer_is_cut() {
        assert_eq!(
            page_label("Trang 1ĐOÀN ĐẠI HỌC QUỐC GIA"),
            Some(("Trang 1", "ĐOÀN ĐẠI HỌC QUỐC GIA".to_owned()))
        );
        assert_eq!(page_label("Trang chủ"), None);
        assert_eq!(page_label("Trang 2 của tài liệu"), None);
    }
}
