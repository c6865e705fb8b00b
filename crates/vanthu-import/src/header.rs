//! The header: everything above the type name (`KẾ HOẠCH`), or above the body of a công văn.
//!
//! The printed header is two columns — issuing body, `*` and number on the left; the national
//! or Party heading and the place and date on the right — and a text export keeps them in any
//! order: one element a line, or a table row a line with its cells separated by TAB. So each
//! line (or cell) is recognised on its own, and the order only matters for the issuing body's
//! two lines (parent first). Any element may be missing; the caller reports what is.

use chrono::NaiveDate;
use vanthu_model::markup;
use vanthu_model::numbering::{parse_symbol, ParsedSymbol};
use vanthu_model::text::{fold, folded_words};
use vanthu_model::{Conventions, Format, Kind, Secrecy, Urgency};

use crate::line::{self, Line};
use crate::Warning;

/// What a date written on the header turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WrittenDate {
    Date(NaiveDate),
    /// `ngày    tháng    năm 2025`: a draft waiting for its signing day.
    Blank,
    /// `ngày 30 tháng 02 năm 2024`: numbers that name no day.
    Impossible,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceDate {
    pub place: String,
    pub date: WrittenDate,
    pub text: String,
}

/// One recognised element of the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    Blank,
    Separator,
    Rule,
    Noise,
    /// `ĐẢNG CỘNG SẢN VIỆT NAM`
    PartyHeading,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`
    StateHeading,
    /// `Số 82-KH/ĐU`: the symbol as the model reads it.
    Number(ParsedSymbol),
    PlaceDate(PlaceDate),
    Secrecy(Secrecy),
    Urgency(Urgency),
    /// `Dự thảo`, `XONG HỘI NGHỊ TRẢ LẠI`: marks that have no field in the document.
    Mark,
    TypeName(Kind),
    /// `V/v …` — the trích yếu of a công văn, without the prefix.
    Vv(String),
    Caps(String),
    Other,
}

/// A hint about the format, and where it came from, for resolving and reporting conflicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatSignal {
    pub format: Format,
    pub line: usize,
    pub what: &'static str,
}

/// Everything the header gave.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub parent: String,
    pub name: String,
    pub number: Option<(usize, ParsedSymbol)>,
    pub place: String,
    pub date: Option<NaiveDate>,
    pub place_date_line: Option<usize>,
    pub secrecy: Option<Secrecy>,
    pub urgency: Option<Urgency>,
    pub signals: Vec<FormatSignal>,
    pub type_line: Option<(usize, Kind)>,
    pub vv: Option<(usize, String)>,
    /// Index (into the lines) of the first line after the header: the trích yếu when there is
    /// a type line, otherwise the body.
    pub next: usize,
}

/// Lines of a header never go past this many unrecognised short lines before the type name:
/// beyond that the text is already the body of a document without one.
const MAX_UNKNOWN_HEADER_LINES: usize = 3;

/// Reads the header from the top of `lines`, not looking at or past `limit` (the Nơi nhận line).
pub(crate) fn read(
    lines: &[Line],
    limit: usize,
    conventions: &Conventions,
    warnings: &mut Vec<Warning>,
) -> Header {
    let type_index = find_type_line(lines, limit, conventions);
    let mut head = Header::default();
    let mut issuer_lines: Vec<(usize, String)> = Vec::new();
    // Caps lines after the separator or the number are not the issuer (they are marks a
    // typist added), so the issuer is only collected before either.
    let mut issuer_closed = false;
    let mut last_was_vv = false;
    let end = type_index.unwrap_or(limit);
    let mut i = 0;
    while i < end {
        let l = &lines[i];
        i += 1;
        if l.is_blank() {
            continue;
        }
        let row = row_items(&l.text, conventions);
        if row.iter().any(|(_, item)| *item == Item::Other) && row.len() == 1 {
            if last_was_vv && line::starts_lowercase(&l.text) {
                if let Some((_, vv)) = head.vv.as_mut() {
                    vv.push(' ');
                    vv.push_str(line::plain(&l.text));
                }
                continue;
            }
            if type_index.is_none() {
                // No type name: the header ends where an unrecognised line starts the body.
                i -= 1;
                break;
            }
        }
        last_was_vv = false;
        let cells = row.len();
        for (k, (text, item)) in row.into_iter().enumerate() {
            let right_cell = cells > 1 && k == cells - 1;
            match item {
                Item::Blank | Item::Separator | Item::Rule => {
                    if item == Item::Separator {
                        issuer_closed = true;
                    }
                }
                Item::Noise => warnings.push(Warning::noise(l.no, &text)),
                Item::PartyHeading => head.signals.push(FormatSignal {
                    format: Format::Party,
                    line: l.no,
                    what: "tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”",
                }),
                Item::StateHeading => head.signals.push(FormatSignal {
                    format: Format::State,
                    line: l.no,
                    what: "Quốc hiệu, Tiêu ngữ",
                }),
                Item::Number(n) => {
                    issuer_closed = true;
                    if head.number.is_some() {
                        warnings.push(Warning::at(
                            l.no,
                            format!(
                                "Có hơn một dòng số, ký hiệu; đã dùng dòng đầu tiên, bỏ qua dòng {}: “{text}”.",
                                l.no
                            ),
                        ));
                    } else {
                        head.number = Some((l.no, n));
                    }
                }
                Item::PlaceDate(pd) => {
                    if head.place_date_line.is_some() {
                        warnings.push(Warning::at(
                            l.no,
                            format!(
                                "Có hơn một dòng địa danh, ngày tháng; đã dùng dòng đầu tiên, bỏ qua dòng {}: “{text}”.",
                                l.no
                            ),
                        ));
                        continue;
                    }
                    head.place_date_line = Some(l.no);
                    head.place = pd.place.clone();
                    match pd.date {
                        WrittenDate::Date(d) => head.date = Some(d),
                        WrittenDate::Blank => warnings.push(Warning::at(
                            l.no,
                            format!(
                                "Ngày tháng ở dòng {} còn để trống (“{}”) — văn bản chưa ghi ngày ban hành; ngày được để trống.",
                                l.no, pd.text
                            ),
                        )),
                        WrittenDate::Impossible => warnings.push(Warning::at(
                            l.no,
                            format!(
                                "Ngày ở dòng {} không có thật trên lịch (“{}”); ngày ban hành được để trống, hãy kiểm tra lại bản gốc.",
                                l.no, pd.text
                            ),
                        )),
                    }
                }
                Item::Secrecy(s) => head.secrecy = Some(s),
                Item::Urgency(u) => head.urgency = Some(u),
                Item::Mark => warnings.push(Warning::at(
                    l.no,
                    format!(
                        "Dòng {} (“{text}”) là dấu chỉ dẫn, không có trường tương ứng; đã bỏ qua.",
                        l.no
                    ),
                )),
                Item::TypeName(_) => {}
                Item::Vv(title) => {
                    if head.vv.is_none() {
                        head.vv = Some((l.no, title));
                        last_was_vv = true;
                    }
                }
                Item::Caps(caps) if !issuer_closed && !right_cell => {
                    issuer_lines.push((l.no, caps));
                }
                Item::Caps(_) | Item::Other => warnings.push(Warning::at(
                    l.no,
                    format!(
                        "Không nhận ra dòng {} ở phần đầu văn bản, đã bỏ qua: “{text}”.",
                        l.no
                    ),
                )),
            }
        }
    }
    match type_index {
        Some(t) => {
            if let Some(kind) = type_kind(&lines[t].text) {
                head.type_line = Some((lines[t].no, kind));
            }
            head.next = t + 1;
        }
        None => head.next = i,
    }
    if let Some((no, n)) = &head.number {
        head.signals.insert(
            0,
            FormatSignal {
                format: n.format,
                line: *no,
                what: "cách ghi số, ký hiệu",
            },
        );
    }
    assign_issuer(&mut head, issuer_lines, warnings);
    head
}

/// The index of the type-name line, if the top of the document has one before its body.
fn find_type_line(lines: &[Line], limit: usize, conventions: &Conventions) -> Option<usize> {
    let mut unknown = 0;
    for (i, l) in lines.iter().enumerate().take(limit) {
        if l.is_blank() {
            continue;
        }
        if type_kind(&l.text).is_some() {
            return Some(i);
        }
        let row = row_items(&l.text, conventions);
        if row.iter().all(|(_, item)| *item != Item::Other) {
            continue;
        }
        unknown += 1;
        let text = line::plain(&l.text);
        let body_like = text.chars().count() > 120
            || line::ends_clause(text)
            || markup::starts_block(text)
            || fold(text).starts_with("kinh gui");
        if body_like || unknown > MAX_UNKNOWN_HEADER_LINES {
            return None;
        }
    }
    None
}

/// The type whose printed name the line is, alone on its line.
fn type_kind(text: &str) -> Option<Kind> {
    let text = line::plain(text);
    if text.contains('\t') || text.chars().count() > 40 {
        return None;
    }
    Kind::from_printed_name(text)
}

/// A header line as its cells, each recognised. A Word table row is split only where every
/// cell is then recognised; otherwise the line is read whole, so that a place name written
/// with wide spacing stays with its date.
pub(crate) fn row_items(text: &str, conventions: &Conventions) -> Vec<(String, Item)> {
    let split = line::cells(text, |piece, tab| {
        let first = line::plain(piece).chars().next();
        let starts_ok = line::is_separator(piece)
            || first.is_some_and(|c| c.is_uppercase() || c == '[' || c == '(');
        if !starts_ok {
            return false;
        }
        tab || matches!(
            classify(piece, conventions),
            Item::PartyHeading
                | Item::StateHeading
                | Item::PlaceDate(_)
                | Item::Number(_)
                | Item::Secrecy(_)
                | Item::Urgency(_)
                | Item::Separator
                | Item::Noise
        )
    });
    if split.len() > 1 {
        let items: Vec<(String, Item)> = split
            .iter()
            .map(|c| (c.clone(), classify(c, conventions)))
            .collect();
        if items.iter().all(|(_, i)| *i != Item::Other) {
            return items;
        }
        let whole = classify(text, conventions);
        if whole != Item::Other {
            return vec![(line::plain(text).to_owned(), whole)];
        }
        return items;
    }
    vec![(line::plain(text).to_owned(), classify(text, conventions))]
}

/// Recognises one header line or cell.
pub(crate) fn classify(text: &str, conventions: &Conventions) -> Item {
    let raw = text.trim();
    if raw.is_empty() {
        return Item::Blank;
    }
    if line::is_separator(raw) {
        return Item::Separator;
    }
    if line::is_rule(raw) {
        return Item::Rule;
    }
    let text = line::plain(raw);
    let unbracketed =
        text.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')') || c.is_whitespace());
    let words = folded_words(unbracketed).join(" ");
    match words.as_str() {
        "mat" => return Item::Secrecy(Secrecy::Mat),
        "toi mat" => return Item::Secrecy(Secrecy::ToiMat),
        "tuyet mat" => return Item::Secrecy(Secrecy::TuyetMat),
        "khan" => return Item::Urgency(Urgency::Khan),
        "thuong khan" => return Item::Urgency(Urgency::ThuongKhan),
        "hoa toc" => return Item::Urgency(Urgency::HoaToc),
        "hoa toc hen gio" => return Item::Urgency(Urgency::HoaTocHenGio),
        "dang cong san viet nam" => return Item::PartyHeading,
        "cong hoa xa hoi chu nghia viet nam" | "doc lap tu do hanh phuc" => {
            return Item::StateHeading
        }
        _ => {}
    }
    if line::is_bracketed(text) || line::is_page_number(text) {
        return Item::Noise;
    }
    const MARKS: [&str; 6] = [
        "du thao",
        "xong hoi nghi tra lai",
        "tai lieu hoi nghi",
        "luu hanh noi bo",
        "xem xong tra lai",
        "ban sao",
    ];
    if MARKS
        .iter()
        .any(|m| words == *m || words.starts_with(&format!("{m} ")))
    {
        return Item::Mark;
    }
    if let Some(n) = number_line(text, conventions) {
        return Item::Number(n);
    }
    if let Some(pd) = place_date(text) {
        return Item::PlaceDate(pd);
    }
    if let Some(title) = vv_title(text) {
        return Item::Vv(title);
    }
    if let Some(kind) = type_kind(text) {
        return Item::TypeName(kind);
    }
    if line::is_caps(text) && text.chars().next().is_some_and(char::is_alphabetic) {
        return Item::Caps(text.to_owned());
    }
    Item::Other
}

/// `V/v tổ chức hội nghị` → `tổ chức hội nghị`.
fn vv_title(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("V/v")
        .or_else(|| text.strip_prefix("V/V"))
        .or_else(|| text.strip_prefix("v/v"))?;
    let rest = rest.trim_start_matches(|c: char| c == ':' || c == '.' || c.is_whitespace());
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// Reads a number line: `Số`, then a symbol as [`parse_symbol`] reads it (OCR spaces, Word's
/// en dash, a number left blank in a draft: `Số    -KH/ĐU`, `Số: ……/KH-UBND`).
pub(crate) fn number_line(text: &str, conventions: &Conventions) -> Option<ParsedSymbol> {
    let mut chars = text.char_indices();
    let (_, s) = chars.next()?;
    let (j, o) = chars.next()?;
    if !matches!(s, 'S' | 's') || !matches!(o, 'ố' | 'Ố') {
        return None;
    }
    let rest = &text[j + o.len_utf8()..];
    if rest.chars().next().is_some_and(char::is_alphabetic) {
        return None; // "Sống", "Số lượng" …
    }
    parse_symbol(rest, conventions)
}

/// Reads `Khánh Hòa, ngày 05 tháng 3 năm 2024` (also `ngày 5/3/2024`).
pub(crate) fn place_date(text: &str) -> Option<PlaceDate> {
    let at = line::find_word_ci(text, "ngày")?;
    let place = text[..at]
        .trim()
        .trim_end_matches([',', ' '])
        .trim_matches('*')
        .trim()
        .to_owned();
    let written = text[at..].trim_end_matches(['*', '.', ' ']).to_owned();
    let after_day = &written["ngày".len()..];
    let month_at = line::find_word_ci(after_day, "tháng");
    let year_at = line::find_word_ci(after_day, "năm");
    let date = match (month_at, year_at) {
        (Some(m), Some(y)) if m < y => {
            let day = &after_day[..m];
            let month = &after_day[m + "tháng".len()..y];
            let year = &after_day[y + "năm".len()..];
            read_date(day, month, year)?
        }
        (None, None) => {
            let parts: Vec<&str> = after_day
                .trim()
                .split(['/', '-', '.'])
                .map(str::trim)
                .collect();
            if parts.len() != 3 {
                return None;
            }
            read_date(parts[0], parts[1], parts[2])?
        }
        _ => return None,
    };
    // A body sentence also says "ngày 17/4/2024"; a place before the date must be short.
    if place.chars().count() > 60
        || place.contains([':', ';'])
        || place.ends_with('.')
        || line::starts_lowercase(&place)
    {
        return None;
    }
    Some(PlaceDate {
        place,
        date,
        text: written,
    })
}

/// The date from its three written parts; `None` if they are not numbers or blanks at all.
fn read_date(day: &str, month: &str, year: &str) -> Option<WrittenDate> {
    let part = |s: &str| -> Option<Option<u32>> {
        let s = s.trim().trim_matches(|c: char| c == ',' || c == '*');
        if s.chars().all(|c| matches!(c, '.' | '…' | '_' | ' ' | '·')) {
            return Some(None);
        }
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > 4 {
            return None;
        }
        digits.parse().ok().map(Some)
    };
    let (d, m, y) = (part(day)?, part(month)?, part(year)?);
    Some(match (d, m, y) {
        (Some(d), Some(m), Some(y)) => i32::try_from(y)
            .ok()
            .filter(|y| vanthu_model::validate::YEARS.contains(y))
            .and_then(|y| vanthu_model::date::from_parts(y, m, d))
            .map_or(WrittenDate::Impossible, WrittenDate::Date),
        _ => WrittenDate::Blank,
    })
}

/// Caps lines of the left column: the last is the issuing body, those above it its parent.
/// A name that wraps (`ĐẢNG ỦY SỞ VĂN HÓA,` / `THỂ THAO VÀ DU LỊCH`) is joined first.
fn assign_issuer(head: &mut Header, lines: Vec<(usize, String)>, warnings: &mut Vec<Warning>) {
    let mut joined: Vec<(usize, String)> = Vec::new();
    for (no, text) in lines {
        let first_word = text.split_whitespace().next().unwrap_or_default();
        let continues = joined.last().is_some_and(|(_, prev): &(usize, String)| {
            prev.ends_with([',', '-', '–'])
                || prev.ends_with(" VÀ")
                || matches!(first_word, "VÀ" | "CỦA" | "THUỘC" | "TẠI")
                // `ỦY BAN NHÂN DÂN` / `TỈNH KHÁNH HÒA`: a parent body is never just a place.
                || starts_with_place(&text) && !names_place(prev)
        });
        match joined.last_mut() {
            Some((_, prev)) if continues => {
                prev.push(' ');
                prev.push_str(&text);
            }
            _ => joined.push((no, text)),
        }
    }
    match joined.len() {
        0 => {}
        1 => head.name = joined.remove(0).1,
        n => {
            if n > 2 {
                warnings.push(Warning::at(
                    joined[0].0,
                    format!(
                        "Phần tên cơ quan có {n} dòng chữ in hoa; đã lấy dòng cuối làm cơ quan ban hành và ghép các dòng trên làm cơ quan cấp trên — hãy kiểm tra lại."
                    ),
                ));
            }
            if let Some((_, name)) = joined.pop() {
                head.name = name;
            }
            head.parent = joined
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
}

/// Administrative units, folded, that begin the place part of a body's name.
const PLACE_UNITS: [&str; 9] = [
    "tinh",
    "thanh pho",
    "huyen",
    "quan",
    "thi xa",
    "thi tran",
    "xa",
    "phuong",
    "dac khu",
];

fn starts_with_place(caps: &str) -> bool {
    let words = folded_words(caps).join(" ");
    PLACE_UNITS
        .iter()
        .any(|u| words.starts_with(&format!("{u} ")))
}

fn names_place(caps: &str) -> bool {
    let words = format!(" {} ", folded_words(caps).join(" "));
    PLACE_UNITS
        .iter()
        .any(|u| words.contains(&format!(" {u} ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> ParsedSymbol {
        number_line(text, &Conventions::default()).expect(text)
    }

    #[test]
    fn prose_that_starts_like_a_number_line_is_not_one() {
        let c = Conventions::default();
        assert!(number_line(
            "Số 82 -KH/ cao chất lượng sinh hoạt chi bộ; Hướng dẫn 02-HD/TU",
            &c
        )
        .is_none());
        assert!(number_line("Số 82-KH/ĐU", &c).is_some());
        assert!(number_line("Số 05-QC/BTCTU-BDVTU", &c).is_some());
    }

    #[test]
    fn number_lines_of_both_formats() {
        let party = n("Số 82 -KH/ĐU");
        assert_eq!(
            (party.number, party.kind, party.code.as_str(), party.format),
            (Some(82), Some(Kind::KeHoach), "ĐU", Format::Party)
        );
        let state = n("Số: 7098/KH-UBND");
        assert_eq!(
            (state.number, state.kind, state.code.as_str(), state.format),
            (Some(7098), Some(Kind::KeHoach), "UBND", Format::State)
        );
        let cv = n("Số 357-CV/BTCTU");
        assert_eq!((cv.kind, cv.code.as_str()), (Some(Kind::CongVan), "BTCTU"));
        let state_cv = n("Số: 05/UBND-VP");
        assert_eq!(
            (state_cv.number, state_cv.kind, state_cv.code.as_str()),
            (Some(5), Some(Kind::CongVan), "UBND-VP")
        );
        let draft = n("Số     -KH/ĐU");
        assert_eq!((draft.number, draft.kind), (None, Some(Kind::KeHoach)));
        let draft_state = n("Số:    /KH-UBND");
        assert_eq!(
            (draft_state.number, draft_state.code.as_str()),
            (None, "UBND")
        );
        let dots = n("Số: ......./QĐ-UBND");
        assert_eq!((dots.number, dots.kind), (None, Some(Kind::QuyetDinh)));
        let qdi = n("Số 08-QĐi/TW");
        assert_eq!(qdi.kind, Some(Kind::QuyDinh));
        assert!(number_line("Số lượng đại biểu: 120", &Conventions::default()).is_none());
        assert!(number_line("Sở Văn hóa", &Conventions::default()).is_none());
    }

    #[test]
    fn place_and_date() {
        let pd = place_date("Khánh Hòa, ngày 05 tháng 3 năm 2024").unwrap();
        assert_eq!(pd.place, "Khánh Hòa");
        assert_eq!(
            pd.date,
            WrittenDate::Date(NaiveDate::from_ymd_opt(2024, 3, 5).unwrap())
        );
        let pd = place_date("*Hà Nội, ngày 5/3/2024*").unwrap();
        assert_eq!(pd.place, "Hà Nội");
        assert!(matches!(pd.date, WrittenDate::Date(_)));
        let blank = place_date("Khánh Hòa, ngày    tháng    năm 2025").unwrap();
        assert_eq!(blank.date, WrittenDate::Blank);
        let bad = place_date("Hà Nội, ngày 30 tháng 02 năm 2024").unwrap();
        assert_eq!(bad.date, WrittenDate::Impossible);
        assert!(
            place_date("Thời gian dự kiến: lúc 08 giờ 00 thứ năm, ngày 18 tháng 04 năm 2024.")
                .is_none()
        );
    }

    #[test]
    fn word_table_rows() {
        let c = Conventions::default();
        let row = row_items("ĐẢNG BỘ TỈNH KHÁNH HÒA\tĐẢNG CỘNG SẢN VIỆT NAM", &c);
        assert_eq!(row.len(), 2);
        assert_eq!(row[1].1, Item::PartyHeading);
        let row = row_items("Số 82-KH/ĐU     Khánh Hòa, ngày 05 tháng 3 năm 2024", &c);
        assert!(matches!(row[0].1, Item::Number(_)), "{row:?}");
        assert!(matches!(row[1].1, Item::PlaceDate(_)), "{row:?}");
        let row = row_items("Khánh Hòa, ngày    tháng    năm 2025", &c);
        assert!(matches!(row[..], [(_, Item::PlaceDate(_))]), "{row:?}");
    }
}
