//! What a web page says about the document it shows, above the document itself: its title
//! (`Kế hoạch 328/KH-UBND về duy trì …`, `Kế hoạch tổ chức Đại hội Chi bộ …`) or an editor's
//! introduction (`Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU, ngày 18/8/2021
//! của Ban Thường vụ Tỉnh ủy về …`).
//!
//! Such a line is not the document, and read as its first line it hides the header that
//! follows or becomes the body's first paragraph. But when the document as copied lost part of
//! its header — a site that prints the text without its type name or trích yếu, or without a
//! header at all — the page's own words are the only place its type, number, date or trích yếu
//! are written. They are taken from there only for a field the document itself does not give,
//! only when they agree with what it does give, and always with a warning naming the line.

use chrono::NaiveDate;
use vanthu_model::numbering::{parse_symbol, ParsedSymbol};
use vanthu_model::text::fold;
use vanthu_model::{Conventions, Kind};

use crate::header::{self, FormatSignal, Header, Item};
use crate::line::{self, Line};
use crate::Warning;

/// A page's line about the document, read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Described {
    /// The source line.
    pub line: usize,
    pub kind: Kind,
    /// The number and symbol, when the line gives them (`số 10-NQ/TU`).
    pub symbol: Option<ParsedSymbol>,
    pub date: Option<NaiveDate>,
    /// The trích yếu, its first letter in capitals; empty when the line has none.
    pub title: String,
}

/// A page's title or introduction is at most this long; longer is a paragraph of a body.
const MAX_CHARS: usize = 400;

/// How a body's sentence opens, never a page's words about a document.
const BODY_OPENINGS: [&str; 7] = [
    "can cu",
    "thuc hien",
    "trien khai",
    "theo ",
    "kinh gui",
    "xet de",
    "nham ",
];

/// How many of a file's first non-blank lines may be a page's own words about the document
/// when nothing of the page was recognised before it.
const TOP_LINES: usize = 2;

/// Reads a page's line about a document: a type name, in the line's first words or after a
/// few words of introduction, then either the document's number (`số 10-NQ/TU`,
/// `328/KH-UBND`), with its date if given, and its trích yếu after `về` or `V/v`; or, when the
/// type name opens the line, the trích yếu straight after it.
///
/// `named_below` is the type of the lone type name on the next line, if there is one: a page's
/// title repeated right above the document's type name may end with a full stop.
pub(crate) fn describe(
    no: usize,
    text: &str,
    named_below: Option<Kind>,
    conventions: &Conventions,
) -> Option<Described> {
    let text = line::plain(text).trim();
    if text.chars().count() > MAX_CHARS || text.contains('\t') || text.contains('|') {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // The name must not be alone, or the line is the document's own type name line.
    if words.len() < 3 || Kind::from_printed_name(text).is_some() {
        return None;
    }
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    // A body's sentence citing a document (`Căn cứ Kế hoạch số 12-KH/TU …`) is no page's.
    let opening = folded[..2].join(" ");
    if BODY_OPENINGS.iter().any(|o| opening.starts_with(o)) {
        return None;
    }
    // A page title in capitals opens with the name; an introduction names the document
    // within its first dozen words, with a capital (`… toàn văn Nghị quyết số …`).
    for at in 0..words.len().min(12) {
        if !words[at].chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let Some((kind, after)) = name_at(&folded, at) else {
            continue;
        };
        if let Some(mut found) = numbered(no, kind, &words[after..], conventions) {
            // `Ngày 23/8/2017, Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …`.
            if found.date.is_none() && at > 0 && folded[0] == "ngay" {
                found.date = date_after(&words[1..at]).and_then(|(d, _)| d);
            }
            return Some(found);
        }
        let ends_ok = !line::ends_clause(text) || named_below == Some(kind);
        if at == 0 && !line::is_caps(text) && ends_ok {
            let title = title_of(&words[after..]);
            if title_opens(&title) {
                return Some(Described {
                    line: no,
                    kind,
                    symbol: None,
                    date: None,
                    title,
                });
            }
        }
    }
    None
}

/// The document's number line, date and trích yếu after its type name:
/// `[số] 10-NQ/TU[,] [ngày 18/8/2021] [của …] [về …]`.
fn numbered(no: usize, kind: Kind, words: &[&str], conventions: &Conventions) -> Option<Described> {
    let mut i = 0;
    if words.first().is_some_and(|w| fold(w) == "so") {
        i += 1;
    }
    // The symbol is one word, or two when a space stands at its separator (`80 /KHĐH/PL`).
    let (symbol, used) = (1..=2).filter(|n| i + n <= words.len()).find_map(|n| {
        let joined = words[i..i + n].concat();
        parse_symbol(joined.trim_end_matches([',', '.', ';', ':']), conventions)
            .filter(|s| s.number.is_some() && s.kind.is_none_or(|k| k == kind))
            .map(|s| (s, n))
    })?;
    i += used;
    let mut date = None;
    if words.get(i).is_some_and(|w| fold(w) == "ngay") {
        let (d, used) = date_after(&words[i + 1..])?;
        date = d;
        i += 1 + used;
    }
    // A law site's title: `Kế hoạch 41/KH-UBND năm 2023 phòng chống dịch bệnh`.
    if words.get(i).is_some_and(|w| fold(w) == "nam")
        && words
            .get(i + 1)
            .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
    {
        i += 2;
    }
    // `của Ban Thường vụ Tỉnh ủy về …`, `V/v …`: the trích yếu starts at its first word;
    // with neither, the words after the number are the trích yếu.
    let rest = &words[i..];
    let title = match rest
        .iter()
        .position(|w| matches!(fold(w).as_str(), "ve" | "v/v"))
    {
        Some(at) => title_of(&rest[at..]),
        None if rest.first().is_some_and(|w| fold(w) != "cua") => title_of(rest),
        None => String::new(),
    };
    let title = if title_opens(&title) {
        title
    } else {
        String::new()
    };
    Some(Described {
        line: no,
        kind,
        symbol: Some(symbol),
        date,
        title,
    })
}

/// The type whose printed name starts at word `at` of `folded` words, and the word after it;
/// the longest name that fits (`quyết định` before a shorter one).
fn name_at(folded: &[String], at: usize) -> Option<(Kind, usize)> {
    folded_names()
        .iter()
        .filter_map(|(kind, name)| {
            let kind = *kind;
            let end = at + name.len();
            (end <= folded.len()
                && folded[at..end]
                    .iter()
                    .zip(name)
                    .all(|(w, n)| w.trim_end_matches([',', ':']) == n))
            .then_some((kind, end))
        })
        .max_by_key(|(_, end)| *end)
}

/// Every type's printed name as folded words (`ke`, `hoach`), worked out once: [`name_at`] is
/// asked at every word of the lines it reads.
fn folded_names() -> &'static [(Kind, Vec<String>)] {
    static NAMES: std::sync::OnceLock<Vec<(Kind, Vec<String>)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        Kind::all()
            .map(|kind| {
                let name = kind.printed_name().split_whitespace().map(fold).collect();
                (kind, name)
            })
            .collect()
    })
}

/// `18/8/2021` or `18 tháng 8 năm 2021` at the start of `words`: the date (`None` when it does
/// not exist) and the words it took; `None` when no date is written there.
fn date_after(words: &[&str]) -> Option<(Option<NaiveDate>, usize)> {
    let first = words.first()?.trim_end_matches([',', '.', ';']);
    let numeric: Vec<&str> = first.split(['/', '-', '.']).collect();
    if let [d, m, y] = numeric[..] {
        return Some((ymd(y, m, d), 1));
    }
    let folded: Vec<String> = words
        .iter()
        .take(5)
        .map(|w| fold(w.trim_end_matches([',', '.', ';'])))
        .collect();
    match &folded[..] {
        [d, t, m, n, y] if t == "thang" && n == "nam" => Some((ymd(y, m, d), 5)),
        _ => None,
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The trích yếu from its first word: `về`, `V/v` or `về việc` dropped, the first letter in
/// capitals, a closing full stop dropped.
fn title_of(words: &[&str]) -> String {
    let mut rest = words;
    if rest.first().is_some_and(|w| fold(w) == "v/v") {
        rest = &rest[1..];
    } else if rest.first().is_some_and(|w| fold(w) == "ve") {
        rest = &rest[1..];
        if rest.first().is_some_and(|w| fold(w) == "viec") {
            rest = &rest[1..];
        }
    }
    let title = rest.join(" ");
    let title = title.trim_end_matches(['.', ';', ':', ',']).trim();
    let mut chars = title.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A page title's trích yếu is several words and not a sentence about the document
/// (`Kế hoạch này …`, `Kế hoạch số …` without a symbol).
fn title_opens(title: &str) -> bool {
    let words: Vec<String> = title.split_whitespace().map(fold).collect();
    words.len() >= 2 && !matches!(words[0].as_str(), "nay" | "so" | "da" | "duoc" | "cua")
}

/// The page's line about the document, if one stands above it: among the lines the page
/// stripper dropped (`dropped`), or the first lines of `kept` when nothing of the header
/// comes before them. A line taken from `kept` is removed from it (with everything above it),
/// so that it is neither read as the header nor kept as the body's first paragraph.
pub(crate) fn take(
    dropped: &[Line],
    kept: &mut Vec<Line>,
    conventions: &Conventions,
) -> Option<Described> {
    // The page may say it more than once: a title with the trích yếu, then an introduction
    // with the number (`Ngày 23/8/2017, Tỉnh ủy … đã ban hành Chương trình số 27-CTr/TU …`).
    let mut said = dropped
        .iter()
        .filter(|l| !l.is_blank())
        .filter_map(|l| describe(l.no, &l.text, None, conventions));
    let titled = said.next().map(|mut first| {
        for more in said {
            fill_from(&mut first, more);
        }
        first
    });
    let listed = particulars(dropped, conventions);
    match (titled, listed) {
        (Some(mut t), Some(p)) => {
            fill_from(&mut t, p);
            return Some(t);
        }
        (Some(t), _) => return Some(t),
        (None, Some(p)) => return Some(p),
        (None, None) => {}
    }
    let top: Vec<usize> = (0..kept.len())
        .filter(|&i| !kept[i].is_blank())
        .take(TOP_LINES)
        .collect();
    for &i in &top {
        let l = &kept[i];
        // The document follows the page's line: a file that is only such a line is itself.
        let below = kept[i + 1..].iter().find(|l| !l.is_blank());
        let named_below = below.and_then(|b| Kind::from_printed_name(line::plain(&b.text)));
        if let Some(found) =
            describe(l.no, &l.text, named_below, conventions).filter(|_| below.is_some())
        {
            kept.drain(..=i);
            return Some(found);
        }
        // Only above the document: a line of its header ends the search.
        let row = header::row_items(&l.text, conventions);
        if row.iter().any(|(_, item)| !matches!(item, Item::Other)) {
            return None;
        }
    }
    None
}

/// What `more` says of the same document (its type, and its number if both give one) and
/// `first` does not.
fn fill_from(first: &mut Described, more: Described) {
    let same_number = match (&first.symbol, &more.symbol) {
        (Some(a), Some(b)) => a.number == b.number,
        _ => true,
    };
    if first.kind != more.kind || !same_number {
        return;
    }
    if first.symbol.is_none() {
        first.symbol = more.symbol;
        first.date = first.date.or(more.date);
    }
    if first.title.is_empty() {
        first.title = more.title;
    }
}

/// A law site's table of a document's particulars (`Số hiệu: | 328/KH-UBND | Loại văn bản: |
/// Kế hoạch |`, `Ngày ban hành: | 29/09/2022 |`, `Trích yếu: | …`), a label and its value a
/// cell each, or `Label: value` in one: the type (named, or by the symbol), the number, the
/// date and the trích yếu, as far as the table gives them.
fn particulars(lines: &[Line], conventions: &Conventions) -> Option<Described> {
    let cells: Vec<(usize, String)> = lines
        .iter()
        .flat_map(|l| {
            l.text
                .split(['|', '\t'])
                .flat_map(|cell| match cell.split_once(':') {
                    Some((label, value)) if label.split_whitespace().count() <= 4 => {
                        vec![format!("{label}:"), value.to_owned()]
                    }
                    _ => vec![cell.to_owned()],
                })
                .map(|c| (l.no, c.trim().to_owned()))
                .filter(|(_, c)| !c.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut found: Option<Described> = None;
    let (mut kind, mut symbol, mut date, mut title) = (None, None, None, String::new());
    let mut line_no = None;
    for pair in cells.windows(2) {
        let ((no, label), (_, value)) = (&pair[0], &pair[1]);
        let Some(label) = label.strip_suffix(':') else {
            continue;
        };
        match fold(label).as_str() {
            "so hieu" | "so ky hieu" | "so, ky hieu" if symbol.is_none() => {
                symbol = parse_symbol(value, conventions).filter(|s| s.number.is_some());
                line_no.get_or_insert(*no);
            }
            "loai van ban" if kind.is_none() => kind = Kind::from_printed_name(value),
            "ngay ban hanh" if date.is_none() => {
                let words: Vec<&str> = value.split_whitespace().collect();
                date = date_after(&words).and_then(|(d, _)| d);
            }
            "trich yeu" | "trich yeu noi dung" if title.is_empty() => {
                title = title_of(&value.split_whitespace().collect::<Vec<_>>());
            }
            _ => {}
        }
    }
    let kind = kind.or_else(|| symbol.as_ref().and_then(|s| s.kind))?;
    if symbol
        .as_ref()
        .is_some_and(|s| s.kind.is_some_and(|k| k != kind))
    {
        return None;
    }
    if let Some(no) = line_no {
        found = Some(Described {
            line: no,
            kind,
            symbol,
            date,
            title,
        });
    }
    found
}

/// Fills from the page's line what the document's own header left empty (see the module), each
/// with a warning. Nothing is taken when the line names another type or another number than
/// the document's.
pub(crate) fn complete(
    head: &mut Header,
    title: &mut String,
    described: &Described,
    warnings: &mut Vec<Warning>,
) {
    let d = described;
    let own_kind = head
        .type_line
        .map(|(_, k)| k)
        .or(head.vv.as_ref().map(|_| Kind::CongVan))
        .or_else(|| head.number.as_ref().and_then(|(_, n)| n.kind));
    if own_kind.is_some_and(|k| k != d.kind) {
        return;
    }
    let own_number = head.number.as_ref().and_then(|(_, n)| n.number);
    let page_number = d.symbol.as_ref().and_then(|s| s.number);
    if own_number.is_some() && page_number.is_some() && own_number != page_number {
        return;
    }
    let no = d.line;
    // A document that prints its type name and no trích yếu has none (`THÔNG BÁO` then
    // `Kính gửi`); one whose type line was lost lost its trích yếu with it.
    let lost_title = head.type_line.is_none() && head.vv.is_none();
    let mut taken = Vec::new();
    if own_kind.is_none() {
        head.type_line = Some((no, d.kind));
        taken.push(format!("loại văn bản ({})", d.kind.name()));
    }
    if let (None, Some(symbol)) = (&head.number, &d.symbol) {
        head.number = Some((no, symbol.clone()));
        head.signals.push(FormatSignal {
            format: symbol.format,
            line: no,
            what: "cách ghi số, ký hiệu trên trang web",
            strength: 4,
        });
        taken.push("số, ký hiệu".to_owned());
        // A date is the document's only when the page gives it with the number.
        if let (None, None, Some(date)) = (head.place_date_line, head.date, d.date) {
            head.date = Some(date);
            taken.push(format!("ngày ban hành ({})", date.format("%d/%m/%Y")));
        }
    }
    if lost_title && title.is_empty() && !d.title.is_empty() {
        title.clone_from(&d.title);
        taken.push("trích yếu".to_owned());
    }
    if !taken.is_empty() {
        warnings.push(Warning::at(
            no,
            format!(
                "Văn bản chép từ trang web thiếu {}; đã lấy theo tiêu đề hoặc lời giới thiệu của trang ở dòng {no}. Hãy đối chiếu với bản gốc.",
                taken.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Described> {
        describe(1, text, None, &Conventions::default())
    }

    #[test]
    fn a_page_title_with_the_symbol() {
        let d = read("Kế hoạch 328/KH-UBND về duy trì phổ cập giáo dục mầm non năm 2022").unwrap();
        assert_eq!(d.kind, Kind::KeHoach);
        assert_eq!(d.symbol.as_ref().and_then(|s| s.number), Some(328));
        assert_eq!(d.title, "Duy trì phổ cập giáo dục mầm non năm 2022");
        assert_eq!(d.date, None);
    }

    #[test]
    fn an_editors_introduction_with_number_and_date() {
        let d = read(
            "Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU, ngày 18/8/2021 của Ban \
             Thường vụ Tỉnh ủy về lãnh đạo xây dựng thị xã.",
        )
        .unwrap();
        assert_eq!(d.kind, Kind::NghiQuyet);
        let s = d.symbol.unwrap();
        assert_eq!((s.number, s.code.as_str()), (Some(10), "TU"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2021, 8, 18));
        assert_eq!(d.title, "Lãnh đạo xây dựng thị xã");
    }

    #[test]
    fn an_introduction_that_opens_with_the_date() {
        let d = read(
            "Ngày 23/8/2017, Tỉnh ủy đã ban hành Chương trình số 27-CTr/TU về thực hiện Chỉ \
             thị 13-CT/TW.",
        )
        .unwrap();
        assert_eq!(d.kind, Kind::ChuongTrinh);
        assert_eq!(d.symbol.and_then(|s| s.number), Some(27));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2017, 8, 23));
    }

    #[test]
    fn a_page_title_without_a_symbol() {
        let d = read("Kế hoạch tổ chức Đại hội Chi bộ lần IV, nhiệm kỳ 2020 – 2025").unwrap();
        assert_eq!(d.kind, Kind::KeHoach);
        assert_eq!(d.symbol, None);
        assert_eq!(
            d.title,
            "Tổ chức Đại hội Chi bộ lần IV, nhiệm kỳ 2020 – 2025"
        );
    }

    #[test]
    fn sentences_and_lone_names_are_not_page_titles() {
        assert_eq!(read("KẾ HOẠCH"), None);
        assert_eq!(read("Kế hoạch này được phổ biến đến các chi bộ."), None);
        assert_eq!(
            read("Căn cứ Kế hoạch số 12-KH/TU ngày 3/4/2024 của Tỉnh ủy;"),
            None
        );
        assert_eq!(read("Thực hiện Kế hoạch của Ban Thường vụ"), None);
        // A type named with a symbol of another type is another document.
        assert_eq!(read("Kế hoạch số 12-NQ/TU về việc gì đó"), None);
    }

    #[test]
    fn a_law_sites_table_of_particulars() {
        let c = Conventions::default();
        let text = "Kế hoạch 328/KH-UBND\nSố hiệu: | 328/KH-UBND | Loại văn bản: | Kế hoạch |\n\
                    Nơi ban hành: | Tỉnh Lào Cai | Người ký: | Giàng Thị Dung |\n\
                    Ngày ban hành: | 29/09/2022 | Ngày hiệu lực: | Đã biết |";
        let lines = crate::line::split_lines(text);
        let d = particulars(&lines, &c).unwrap();
        assert_eq!(d.kind, Kind::KeHoach);
        assert_eq!(d.symbol.and_then(|s| s.number), Some(328));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2022, 9, 29));
        assert_eq!(d.line, 2);
    }

    #[test]
    fn an_impossible_date_is_left_out() {
        let d = read("Thông báo số 5-TB/ĐU ngày 30/02/2025 về lịch họp").unwrap();
        assert_eq!(d.date, None);
        assert_eq!(d.title, "Lịch họp");
    }
}
