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
    /// `ĐOÀN TNCS HỒ CHÍ MINH`: the Youth Union heads its documents as the Party does.
    YouthHeading,
    /// `Số 82-KH/ĐU`: the symbol as the model reads it.
    Number(ParsedSymbol),
    PlaceDate(PlaceDate),
    Secrecy(Secrecy),
    Urgency(Urgency),
    /// `Dự thảo`, `XONG HỘI NGHỊ TRẢ LẠI`: marks that have no field in the document.
    Mark,
    /// `XÃ ..........`: a form's blank for a name, never filled in.
    Placeholder,
    /// `Chủ Nhật, ngày 24 tháng 11 năm 2024`: a web page's dateline (a weekday before the
    /// date), the day the page was shown or posted, never the document's date.
    PageDate,
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
    /// Which sign wins, lowest first: a heading names the format outright; the Youth Union's
    /// heading says it follows the Party's layout; a number's punctuation is often typed the
    /// other way (a chi bộ's `05/BC-CB`); the issuer's name and the signing authority last.
    pub strength: u8,
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
    /// a type line (or [`Header::untyped_title`]), otherwise the body.
    pub next: usize,
    /// No type name was found, but a trích yếu in capitals follows the number and date (a
    /// page that lost the type line): it starts at `next`.
    pub untyped_title: bool,
}

/// Lines of a header never go past this many unrecognised short lines before the type name:
/// beyond that the text is already the body of a document without one.
const MAX_UNKNOWN_HEADER_LINES: usize = 5;

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
    let mut unknown_lines = 0;
    let end = type_index.unwrap_or(limit);
    let mut i = 0;
    while i < end {
        let l = &lines[i];
        i += 1;
        if l.is_blank() {
            continue;
        }
        let row = row_items(&l.text, conventions);
        let found =
            usize::from(head.number.is_some()) + usize::from(head.place_date_line.is_some());
        if type_index.is_none()
            && found == 2
            && head.vv.is_none()
            && matches!(row[..], [(_, Item::Caps(_))])
        {
            // The type name was lost but its trích yếu, in capitals, follows the number and
            // date: the header ends here and the caller reads it.
            head.untyped_title = true;
            i -= 1;
            break;
        }
        if row.iter().any(|(_, item)| *item == Item::Other) && row.len() == 1 {
            if last_was_vv && line::starts_lowercase(&l.text) {
                if let Some((_, vv)) = head.vv.as_mut() {
                    vv.push(' ');
                    vv.push_str(line::plain(&l.text));
                }
                continue;
            }
            if type_index.is_none() {
                // No type name: the header ends where an unrecognised line starts the body —
                // one that reads as body, or any once the number and date are read. Before
                // that, a line or two of scan debris is passed over (and reported).
                if body_like(&l.text) || found == 2 || unknown_lines >= 2 {
                    i -= 1;
                    break;
                }
                unknown_lines += 1;
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
                    strength: 0,
                }),
                Item::StateHeading => head.signals.push(FormatSignal {
                    format: Format::State,
                    line: l.no,
                    what: "Quốc hiệu, Tiêu ngữ",
                    strength: 0,
                }),
                Item::YouthHeading => head.signals.push(FormatSignal {
                    format: Format::Party,
                    line: l.no,
                    what: "tiêu đề “ĐOÀN TNCS HỒ CHÍ MINH”",
                    strength: 1,
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
                    // `Ngày 25 tháng 01 năm 2025` alone, then `Phong Sơn, ngày 27 …`: a page's
                    // date without a place gives way to the document's own.
                    if let Some(earlier) = head.place_date_line {
                        if head.place.is_empty() && !pd.place.is_empty() {
                            warnings.push(Warning::at(
                                earlier,
                                format!(
                                    "Dòng {earlier} có ngày nhưng không có địa danh; đã dùng dòng {} (“{text}”) làm địa danh, ngày tháng ban hành.",
                                    l.no
                                ),
                            ));
                            head.place_date_line = None;
                            head.date = None;
                        }
                    }
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
                Item::Placeholder => warnings.push(Warning::at(
                    l.no,
                    format!(
                        "Dòng {} (“{text}”) là chỗ để trống chưa điền; đã bỏ qua, hãy nhập bổ sung nếu cần.",
                        l.no
                    ),
                )),
                Item::PageDate => warnings.push(Warning::at(
                    l.no,
                    format!(
                        "Dòng {} (“{text}”) là ngày của trang web (có thứ trong tuần trước ngày), không phải ngày ban hành văn bản; đã bỏ qua.",
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
    separate_glued_abbreviation(&mut head, conventions, warnings);
    if let Some((no, n)) = &head.number {
        head.signals.push(FormatSignal {
            format: n.format,
            line: *no,
            what: "cách ghi số, ký hiệu",
            strength: 2,
        });
    }
    let first_issuer_line = issuer_lines.first().map(|(no, _)| *no);
    assign_issuer(&mut head, issuer_lines, warnings);
    if let (Some(format), Some(line)) = (issuer_format(&head), first_issuer_line) {
        head.signals.push(FormatSignal {
            format,
            line,
            what: "tên cơ quan ban hành",
            strength: 3,
        });
    }
    head.signals.sort_by_key(|s| s.strength);
    head
}

/// `Số: 1961/QĐUBND` under `QUYẾT ĐỊNH`: a PDF's text layer lost the hyphen between a State
/// symbol's type and code, and the whole was read as a công văn's code. When the code begins
/// with the abbreviation of the type the type name line prints, the two are told apart again
/// (and the clerk is told), never otherwise.
fn separate_glued_abbreviation(
    head: &mut Header,
    conventions: &Conventions,
    warnings: &mut Vec<Warning>,
) {
    let (Some((no, number)), Some((_, kind))) = (head.number.as_mut(), head.type_line) else {
        return;
    };
    // Only in a State document: a Party one that punctuates its symbol the State way (a chi
    // bộ's `10/BCTK`) has no type–code structure to restore.
    let party_heading = head
        .signals
        .iter()
        .any(|s| s.format == Format::Party && s.strength <= 1);
    if number.format != Format::State
        || !number.abbreviation.is_empty()
        || kind == Kind::CongVan
        || party_heading
    {
        return;
    }
    let Some(abbreviation) = kind
        .abbreviation(Format::State, conventions)
        .filter(|a| !a.is_empty())
    else {
        return;
    };
    let Some(code) = number.code.strip_prefix(abbreviation.as_str()) else {
        return;
    };
    let code_like = code.chars().count() >= 2
        && code.chars().next().is_some_and(char::is_uppercase)
        && !code.chars().any(char::is_lowercase);
    if !code_like {
        return;
    }
    warnings.push(Warning::at(
        *no,
        format!(
            "Ký hiệu ở dòng {no} thiếu dấu gạch nối (“{}”); đã đọc là “{abbreviation}-{code}” theo tên loại văn bản — hãy kiểm tra lại.",
            number.code
        ),
    ));
    number.code = code.to_owned();
    number.abbreviation = abbreviation;
    number.kind = Some(kind);
}

/// The format an issuing body's name tells: a people's committee, council, ministry or
/// department is State; a Party committee, cell or the Youth Union is Party.
fn issuer_format(head: &Header) -> Option<Format> {
    let names = [&head.parent, &head.name].map(|n| folded_words(n).join(" "));
    let words = format!(" {} {} ", names[0], names[1]);
    const STATE_START: [&str; 5] = ["uy ban nhan dan", "ubnd", "hoi dong nhan dan", "so ", "bo "];
    const PARTY: [&str; 8] = [
        " dang uy ",
        " huyen uy ",
        " tinh uy ",
        " thanh uy ",
        " chi bo ",
        " dang bo ",
        " doan tncs ",
        " thanh doan ",
    ];
    let state = names
        .iter()
        .any(|n| STATE_START.iter().any(|w| n.starts_with(w)));
    let party = PARTY.iter().any(|w| words.contains(w));
    match (state, party) {
        (true, false) => Some(Format::State),
        (false, true) => Some(Format::Party),
        _ => None,
    }
}

/// The index of the type-name line, if the top of the document has one before its body.
fn find_type_line(lines: &[Line], limit: usize, conventions: &Conventions) -> Option<usize> {
    let mut unknown = 0;
    for (i, l) in lines.iter().enumerate().take(limit) {
        // A stray `.` or `,` left on a line of its own by a page's layout says nothing.
        if l.is_blank() || !l.text.chars().any(char::is_alphanumeric) {
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
        if body_like(&l.text) || unknown > MAX_UNKNOWN_HEADER_LINES {
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
    Kind::from_printed_name(text).or_else(|| {
        // `DỰ THẢO BÁO CÁO`: a draft's type line with the mark before the name.
        let words: Vec<&str> = text.split_whitespace().collect();
        let marked = words.len() > 2 && fold(words[0]) == "du" && fold(words[1]) == "thao";
        marked.then(|| Kind::from_printed_name(&words[2..].join(" ")))?
    })
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
                | Item::YouthHeading
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
        _ => {}
    }
    // The headings with OCR's spaces inside their words (`ĐOÀ N TNCS HỒ CHÍ MINH`).
    match words.replace(' ', "").as_str() {
        "dangcongsanvietnam" => return Item::PartyHeading,
        // The Young Pioneers (`ĐỘI TNTP HỒ CHÍ MINH`) are led by the Youth Union, its layout.
        "doantncshochiminh"
        | "doanthanhniencongsanhochiminh"
        | "doitntphochiminh"
        | "doithieunientienphonghochiminh" => return Item::YouthHeading,
        _ => {}
    }
    if is_state_heading(&words) {
        return Item::StateHeading;
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
    if is_page_dateline(text) {
        return Item::PageDate;
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
    if !text.chars().any(char::is_lowercase) && text.split_whitespace().any(is_placeholder) {
        return Item::Placeholder;
    }
    if line::is_caps(text) && text.chars().next().is_some_and(char::is_alphabetic) {
        return Item::Caps(text.to_owned());
    }
    Item::Other
}

/// `V/v tổ chức hội nghị` → `tổ chức hội nghị`; also `Về: …` and `Về việc: …`, which some
/// offices write instead (the colon tells it from a trích yếu that starts with `Về`).
fn vv_title(text: &str) -> Option<String> {
    // `“V/v định hướng …”`: a page that set the line in quotes.
    let text = text
        .strip_prefix(['“', '"'])
        .map_or(text, |t| t.trim_end().trim_end_matches(['”', '"']));
    let rest = text
        .strip_prefix("V/v")
        .or_else(|| text.strip_prefix("V/V"))
        .or_else(|| text.strip_prefix("v/v"))
        .or_else(|| text.strip_prefix("Về việc:"))
        .or_else(|| text.strip_prefix("Về:"))?;
    let rest = rest.trim_start_matches(|c: char| c == ':' || c == '.' || c.is_whitespace());
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// Reads a number line: `Số`, then a symbol as [`parse_symbol`] reads it (OCR spaces, Word's
/// en dash, a number left blank in a draft: `Số    -KH/ĐU`, `Số: ……/KH-UBND`).
pub(crate) fn number_line(text: &str, conventions: &Conventions) -> Option<ParsedSymbol> {
    // `Nghị quyết số: 653/2019/UBTVQH14`, `Luật số …`: the legislature's number line names the
    // type; its symbol has no type abbreviation, so the name gives it.
    if let Some((kind, rest)) = after_type_name(text) {
        let mut parsed = number_line(rest, conventions)?;
        if parsed.abbreviation.is_empty() {
            parsed.kind = Some(kind);
        }
        return Some(parsed);
    }
    let mut chars = text.char_indices();
    let (_, s) = chars.next()?;
    let (j, o) = chars.next()?;
    if !matches!(s, 'S' | 's') {
        return None;
    }
    if !matches!(o, 'ố' | 'Ố') {
        // OCR that loses every marked letter leaves `S 291/QĐ-UBDT`: taken only when what
        // follows is a whole symbol, with its number and a known type.
        let parsed = parse_symbol(text.strip_prefix("S ")?, conventions)?;
        return (parsed.number.is_some() && parsed.kind.is_some()).then_some(parsed);
    }
    let rest = &text[j + o.len_utf8()..];
    if rest.chars().next().is_some_and(char::is_alphabetic) {
        return None; // "Sống", "Số lượng" …
    }
    parse_symbol(rest, conventions)
        .or_else(|| unhyphenated_party_symbol(rest, conventions))
        .or_else(|| code_only_party_symbol(rest, conventions))
}

/// `Nghị quyết số: …` → the type and `số: …`; `None` unless a type's name, in any case, is
/// followed by the word `số`.
fn after_type_name(text: &str) -> Option<(Kind, &str)> {
    let first = fold(text.split_whitespace().next()?);
    printed_names().iter().find_map(|(kind, name)| {
        let words = name.split_whitespace().count();
        if fold(name.split_whitespace().next()?) != first {
            return None;
        }
        let mut at = 0;
        for _ in 0..words {
            let skip = text[at..].len() - text[at..].trim_start().len();
            let word_end = text[at + skip..]
                .find(char::is_whitespace)
                .map_or(text.len(), |e| at + skip + e);
            at = word_end;
        }
        let (head, rest) = text.split_at(at);
        let rest = rest.trim_start();
        let next = fold(rest.split_whitespace().next()?);
        (fold(head) == fold(name) && next.trim_end_matches(':') == "so").then_some((*kind, rest))
    })
}

/// `Số: 01 NQ/THCSTrA`, `Số 09 KH/ĐU`: a Party symbol whose hyphen the typist left out (a
/// space, or nothing, between the number and the type). Taken only when the type is a known
/// one and a code follows the slash, so that prose is never read as a symbol.
fn unhyphenated_party_symbol(rest: &str, conventions: &Conventions) -> Option<ParsedSymbol> {
    let rest = rest.trim_start_matches([':', ' ']);
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let (number, after) = rest.split_at(digits);
    let after = after.trim_start();
    let slash = after.find('/')?;
    let abbreviation = &after[..slash];
    if number.is_empty()
        || abbreviation.is_empty()
        || !abbreviation.chars().all(char::is_alphabetic)
    {
        return None;
    }
    let parsed = parse_symbol(&format!("{number}-{after}"), conventions)?;
    (parsed.kind.is_some() && !parsed.code.is_empty()).then_some(parsed)
}

/// `Số      -/ĐU`: a Party draft's number line with the number left blank and no type
/// abbreviation (the type name line says it). Only the issuer's code is read; the number and
/// type are left to the rest of the header.
fn code_only_party_symbol(rest: &str, conventions: &Conventions) -> Option<ParsedSymbol> {
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_start_matches(':');
    let compact = compact.trim_start_matches(['.', '…', '_', '·']);
    // `Số     CV/ĐU`: the number and its hyphen both left out; the type is kept when known.
    let (abbreviation, kind, code) = match compact
        .strip_prefix("-/")
        .or_else(|| compact.strip_prefix("–/"))
    {
        Some(code) => (String::new(), None, code),
        None => {
            let (abbr, code) = compact.split_once('/')?;
            let kind = Kind::all().find(|k| {
                k.abbreviation(Format::Party, conventions)
                    .is_some_and(|a| !a.is_empty() && a == abbr)
            })?;
            (abbr.to_owned(), Some(kind), code)
        }
    };
    let is_code = (2..=24).contains(&code.chars().count())
        && code.chars().next().is_some_and(char::is_uppercase)
        && code.chars().all(|c| c.is_alphanumeric() || c == '-');
    is_code.then(|| ParsedSymbol {
        format: Format::Party,
        number: None,
        abbreviation,
        kind,
        code: code.to_owned(),
    })
}

/// Reads `Khánh Hòa, ngày 05 tháng 3 năm 2024` (also `ngày 5/3/2024`).
pub(crate) fn place_date(text: &str) -> Option<PlaceDate> {
    if is_page_dateline(text) {
        return None;
    }
    let at = line::find_word_ci(text, "ngày")?;
    let place = text[..at]
        .trim()
        .trim_end_matches([',', ' '])
        .trim_matches('*')
        .trim()
        .to_owned();
    if is_weekday(&place) {
        return None;
    }
    // `.........., ngày 20 tháng 6 năm 2018`: a form's place left to fill in; the date stands.
    let place = if is_placeholder(&place) {
        String::new()
    } else {
        place
    };
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
    // Nor is a cited document's date one (`Căn cứ Chỉ thị số 35-CT/TW ngày 30/5/2019`): no
    // place name has a symbol's slash or the word `số`.
    let cites = place.contains('/') || folded_words(&place).iter().any(|w| w == "so");
    if cites
        || place.chars().count() > 60
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

/// `Chủ Nhật, ngày 24 tháng 11 năm 2024`, `Thứ Hai, ngày …`: the date a web page prints at its
/// top (the day it was shown or posted). A document's place is never a day of the week.
pub(crate) fn is_page_dateline(text: &str) -> bool {
    // `Ngày 05/04/2021 15:19:58`, `Cập nhật lúc : 16:09 25/10/2021`: a page's time stamp of
    // when it was posted; a document's date never carries the hour.
    let words: Vec<&str> = text.split_whitespace().collect();
    let clock = words.iter().any(|w| {
        let parts: Vec<&str> = w.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
    });
    let numeric_date = words.iter().any(|w| {
        let parts: Vec<&str> = w.trim_end_matches([',', '.']).split(['/', '-']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    let Some(at) = line::find_word_ci(text, "ngày") else {
        return clock && numeric_date && text.chars().count() <= 60;
    };
    clock
        || is_weekday(
            text[..at]
                .trim()
                .trim_end_matches([',', ' '])
                .trim_matches('*'),
        )
}

/// A day of the week as a web page writes it before a date: `Thứ Hai`, `Thứ 2`, `Chủ Nhật`, `CN`.
fn is_weekday(s: &str) -> bool {
    let words = folded_words(s);
    match words.as_slice() {
        [w] => w == "cn",
        [a, b] if a == "chu" => b == "nhat",
        [a, b] if a == "thu" => {
            matches!(b.as_str(), "hai" | "ba" | "tu" | "nam" | "sau" | "bay")
                || matches!(b.as_str(), "2" | "3" | "4" | "5" | "6" | "7")
        }
        _ => false,
    }
}

/// A blank left in a form for the clerk to fill in: only dots, ellipses or underscores.
pub(crate) fn is_placeholder(s: &str) -> bool {
    let s = s.trim();
    s.chars().filter(|c| matches!(c, '.' | '…' | '_')).count() >= 3
        && s.chars()
            .all(|c| matches!(c, '.' | '…' | '_' | ',') || c.is_whitespace())
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
    fn number_lines_left_short_by_a_typist() {
        let c = Conventions::default();
        let no_hyphen = n("Số: 01 NQ/THCSTrA");
        assert_eq!(
            (no_hyphen.number, no_hyphen.kind, no_hyphen.code.as_str()),
            (Some(1), Some(Kind::NghiQuyet), "THCSTrA")
        );
        let code_only = n("Số      -/ĐU");
        assert_eq!(
            (code_only.number, code_only.kind, code_only.code.as_str()),
            (None, None, "ĐU")
        );
        assert_eq!(code_only.format, Format::Party);
        assert!(number_line("Số 5 người/tổ được cử đi học", &c).is_none());
        assert!(number_line("Số -/ là số thứ tự", &c).is_none());
    }

    #[test]
    fn headings_are_found_with_lost_marks() {
        let pieces = split_flattened(
            "UBND XÃ A CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM Độc lập – Tự do – Hạnh phúc KẾ HOẠCH “NĂM HỌC”",
        );
        assert!(
            pieces.contains(&"CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM".to_owned()),
            "{pieces:?}"
        );
        assert!(pieces.contains(&"KẾ HOẠCH".to_owned()), "{pieces:?}");
        // A heading's words in running text, not in capitals, are not a heading.
        assert_eq!(
            split_flattened("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;").len(),
            1
        );
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
    fn glued_header_words_come_apart_and_nothing_else() {
        assert_eq!(
            unglue("An Phú, ngày 3 tháng 4 năm2019THÔNGBÁOTẠM HOÃN"),
            "An Phú, ngày 3 tháng 4 năm 2019 THÔNGBÁO TẠM HOÃN"
        );
        assert_eq!(
            unglue("KẾ HOẠCHTổ chức hội thi"),
            "KẾ HOẠCH Tổ chức hội thi"
        );
        assert_eq!(unglue("CHI BỘ BSố 12-KH/CB"), "CHI BỘ B Số 12-KH/CB");
        assert_eq!(unglue("Số07/BC-UBND"), "Số 07/BC-UBND");
        // Glued words that are no header words stay glued: nothing says where a space goes.
        assert_eq!(unglue("Căn cứĐiều lệ"), "Căn cứĐiều lệ");
        assert_eq!(unglue("BANHÀNH QUY CHẾ"), "BANHÀNH QUY CHẾ");
    }

    #[test]
    fn type_names_at_the_start_of_a_text() {
        assert_eq!(
            type_name_prefix("GIẤY GIỚI THIỆU ông A"),
            Some((Kind::GiayGioiThieu, "GIẤY GIỚI THIỆU".len()))
        );
        assert_eq!(
            type_name_prefix("BÁOCÁO"),
            Some((Kind::BaoCao, "BÁOCÁO".len()))
        );
        assert_eq!(type_name_prefix("THÔNG BÁOx"), None);
        assert_eq!(type_name_prefix("Kế hoạch"), None, "in capitals only");
    }

    #[test]
    fn a_type_name_and_its_title_in_capitals_are_cut_apart() {
        assert_eq!(
            split_type_and_title("QUY ĐỊNH TỔ CHỨC HOẠT ĐỘNG CỦA CHI HỘI"),
            Some((
                "QUY ĐỊNH".to_owned(),
                "TỔ CHỨC HOẠT ĐỘNG CỦA CHI HỘI".to_owned()
            ))
        );
        assert_eq!(split_type_and_title("ỦY BAN NHÂN DÂN HUYỆN A"), None);
        assert_eq!(split_type_and_title("KẾ HOẠCH SỐ 5"), None);
    }

    #[test]
    fn a_web_pages_dateline_is_no_document_date() {
        let c = Conventions::default();
        for dateline in [
            "Thứ Ba, ngày 05 tháng 3 năm 2024",
            "Chủ nhật, ngày 9/6/2024",
            "Thứ 6, ngày 12 tháng 1 năm 2024",
            "Ngày 05/04/2021 15:19:58",
            "Cập nhật ngày 04/11/2024 14:32",
            "Cập nhật lúc : 16:09 25/10/2021",
            "Đăng lúc: 17:00:00 02/01/2024 (GMT+7)",
        ] {
            assert!(place_date(dateline).is_none(), "{dateline}");
            assert_eq!(classify(dateline, &c), Item::PageDate, "{dateline}");
        }
        assert!(place_date("Ba Tri, ngày 05 tháng 3 năm 2024").is_some());
    }

    #[test]
    fn a_place_left_blank_keeps_its_date() {
        let pd = place_date("…………, ngày 7 tháng 8 năm 2023").unwrap();
        assert_eq!(pd.place, "");
        assert_eq!(
            pd.date,
            WrittenDate::Date(NaiveDate::from_ymd_opt(2023, 8, 7).unwrap())
        );
        assert_eq!(
            classify("HUYỆN ……………", &Conventions::default()),
            Item::Placeholder
        );
    }

    #[test]
    fn headings_and_type_names_broken_over_lines_are_put_back() {
        let joined = join_broken_elements(line::split_lines(
            "Độc lập - Tự do -\nHạnh phúc\nKẾ\nHOẠCH TỔ CHỨC NGÀY HỘI\nSố:\n14/KH-UBND",
        ));
        let texts: Vec<&str> = joined.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Độc lập - Tự do - Hạnh phúc",
                "KẾ HOẠCH",
                "TỔ CHỨC NGÀY HỘI",
                "Số: 14/KH-UBND"
            ]
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

/// How far down a file the header can reach, in source lines: past this the text is the body.
const HEADER_ZONE_LINES: usize = 40;

/// The top of a document rewritten one header element a line, keeping each piece's source line
/// number.
///
/// Web pages, PDF extraction and OCR lose the two-column table of the header in many ways: the
/// cells of a row on one line separated by `|`, a TAB or a run of spaces; the whole header on
/// one line (`BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội,
/// ngày …`); or one element broken over lines (`Số:` / `3970/QĐ-UBND`, `Quảng` / `Trị, ngày 27
/// tháng 12 năm 2016`, `Kon Tum, ngày 25` / `tháng 01 năm 2024`). The header reader recognises
/// a line by what it looks like, so here each line is cut where a header element visibly starts
/// and the pieces of one element are put back together. Only the top of the file is touched:
/// the zone ends at the type name, at the first line that reads as body, or after
/// [`HEADER_ZONE_LINES`] lines.
pub(crate) fn unflatten(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len() + 16);
    // A web page's lines before the document were dropped: the zone counts from the first.
    let first = lines.first().map_or(0, |l| l.no.saturating_sub(1));
    let mut rest = lines.into_iter();
    for l in rest.by_ref() {
        if l.is_blank() {
            out.push(l);
            continue;
        }
        let pieces = split_header_line(&l.text);
        let mut ends_zone = l.no > first + HEADER_ZONE_LINES;
        for piece in pieces {
            let piece = piece.trim();
            if piece.chars().all(|c| c == '|' || c.is_whitespace()) {
                continue;
            }
            if Kind::from_printed_name(line::plain(piece)).is_some() || opens_body(piece) {
                ends_zone = true;
            }
            out.push(Line::new(l.no, piece));
        }
        if out.last().is_none_or(|last| last.no != l.no) {
            out.push(Line::new(l.no, ""));
        }
        if ends_zone {
            break;
        }
    }
    let mut joined = join_broken_elements(out);
    joined.extend(rest);
    joined
}

/// A piece of text that starts a document's body rather than its header.
fn opens_body(text: &str) -> bool {
    let folded = fold(text.trim_start_matches(['-', ' ', '*']));
    ["can cu ", "kinh gui", "thuc hien ", "xet de nghi"]
        .iter()
        .any(|w| folded.starts_with(w))
        || markup::starts_block(text)
}

/// What a place in a header's text anchors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Anchor {
    Heading,
    Stars,
    Number,
    PlaceDate,
    TypeName,
    Other,
}

/// Cuts one source line of the header zone into its elements.
pub(crate) fn split_header_line(text: &str) -> Vec<String> {
    let text = unglue(text);
    // Cells a table export kept apart: `|`, TAB, a run of three spaces or more before text
    // that can start a cell.
    let mut cells: Vec<String> = Vec::new();
    for cell in text.split(['|', '\t']) {
        for piece in line::cells(cell, |piece, _| {
            piece
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(c, '*' | '(' | '['))
        }) {
            cells.push(piece);
        }
    }
    // `Số     CV/ĐU`: the blank left for the number is no gap between cells.
    let mut joined: Vec<String> = Vec::with_capacity(cells.len());
    for cell in cells {
        match joined.last_mut() {
            Some(last) if fold(last).trim_end_matches([':', ' ']) == "so" => {
                last.push(' ');
                last.push_str(&cell);
            }
            _ => joined.push(cell),
        }
    }
    let mut out = Vec::new();
    for cell in joined {
        out.extend(split_flattened(&cell));
    }
    // A type name with its trích yếu on one line: `HƯỚNG DẪN VỀ THỂ THỨC VĂN BẢN CỦA ĐẢNG`.
    out.into_iter()
        .flat_map(|cell| match split_type_and_title(&cell) {
            Some((name, title)) => vec![name, title],
            None => vec![cell],
        })
        .collect()
}

/// `HƯỚNG DẪN VỀ THỂ THỨC…` → (`HƯỚNG DẪN`, `VỀ THỂ THỨC…`); the rest must open as a trích
/// yếu does (`về`, `V/v`), or be a trích yếu in sentence case after the name in capitals, as a
/// web page's heading writes it (`THÔNG BÁO Niêm yết công khai kết quả…`), or in capitals too
/// (`QUY CHẾ LÀM VIỆC CỦA …`). Only a known type name is cut off, never another caps line.
fn split_type_and_title(cell: &str) -> Option<(String, String)> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    // The longest name first: `GIẤY GIỚI THIỆU`, not a two-word name that starts it.
    (2..=3).rev().find_map(|n| {
        if words.len() <= n {
            return None;
        }
        let name = words[..n].join(" ");
        let rest = words[n..].join(" ");
        let first = fold(words[n]);
        let sentence_case = words.len() >= n + 3
            && words[n].chars().next().is_some_and(char::is_uppercase)
            && words[n].chars().skip(1).any(char::is_lowercase)
            && first != "so";
        // `QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH`: name and trích yếu in capitals on one line, as
        // a web page's heading or a header table cut into word groups writes them.
        let in_caps = rest.chars().any(char::is_alphabetic)
            && !rest.chars().any(char::is_lowercase)
            && rest.chars().next().is_some_and(char::is_alphabetic)
            && first != "so";
        // Folded, `PHƯỜNG AN LẠC` starts with `PHƯƠNG ÁN`: only `về` or `V/v` after it lets a
        // name whose marks OCR lost be cut off; otherwise it must be printed exactly.
        let exact = type_name_prefix(&name).is_some_and(|(_, end)| end == name.len());
        let opens =
            first == "ve" || first.starts_with("v/v") || (exact && (sentence_case || in_caps));
        (line::is_caps(&name) && Kind::from_printed_name(&name).is_some() && opens)
            .then_some((name, rest))
    })
}

/// The printed type name `text` starts with, in capitals, its spaces kept or lost
/// (`BÁO CÁO`, `BÁOCÁO`), and the byte offset where it ends; the longest name that fits. The
/// name must end a word: what follows is not a lower-case letter (`THÔNG BÁOx` is no name), but
/// may be a capital glued on by a scrape (`BÁOCÁOKIỂMTRA`, `HƯỚNG DẪNQuy trình`).
pub(crate) fn type_name_prefix(text: &str) -> Option<(Kind, usize)> {
    let first = text.chars().next().filter(|c| c.is_uppercase())?;
    printed_names()
        .iter()
        .filter(|(_, name)| name.starts_with(first))
        .filter_map(|(kind, name)| {
            let kind = *kind;
            let mut rest = text.char_indices().peekable();
            for want in name.chars() {
                if want == ' ' {
                    while rest.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                    continue;
                }
                match rest.next() {
                    Some((_, c)) if c == want => {}
                    _ => return None,
                }
            }
            let end = rest.peek().map_or(text.len(), |(at, _)| *at);
            let after = text[end..].chars().next();
            (!after.is_some_and(char::is_lowercase)).then_some((kind, end))
        })
        .max_by_key(|(_, end)| *end)
}

/// Puts back the spaces a web page's scrape lost between header words, and only there:
/// `năm2010` and `Số09` before their digits; a type name glued to what precedes it
/// (`2010BÁOCÁO`, `…trìnhKẾ HOẠCH`) or follows it (`BÁOCÁOKIỂMTRA`, `HƯỚNG DẪNQuy trình`);
/// `Số` glued after a word (`LA BẰNGSố 09`). Other glued words (`Căn cứĐiều lệ`) are left as
/// they are: nothing says where their space belongs.
pub(crate) fn unglue(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // A byte offset at which a space goes in: the end of a type name glued to what follows.
    let mut space_at: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        if space_at == Some(at) && c.is_alphabetic() {
            out.push(' ');
        }
        if let Some(p) = prev {
            let rest = &text[at..];
            let next_lower = rest.chars().nth(1).is_some_and(char::is_lowercase);
            let number_word = || {
                let word: String = out
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                matches!(fold(&word).as_str(), "nam" | "so")
            };
            let so_follows = rest.starts_with("Số")
                && rest["Số".len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, ' ' | ':'));
            let type_follows = c.is_uppercase().then(|| type_name_prefix(rest)).flatten();
            let glued_before = (p.is_ascii_digit() || p.is_lowercase()) && c.is_uppercase()
                || p.is_uppercase() && c.is_uppercase() && next_lower;
            if p.is_alphabetic() && c.is_ascii_digit() && number_word() {
                out.push(' ');
            } else if glued_before && (type_follows.is_some() || so_follows) {
                out.push(' ');
                if let Some((_, end)) = type_follows {
                    space_at = Some(at + end);
                }
            } else if p.is_uppercase()
                && c.is_uppercase()
                && next_lower
                && ends_with_type_name(&out)
            {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Whether `text` ends with a printed type name that starts a word (`… HƯỚNG DẪN`).
fn ends_with_type_name(text: &str) -> bool {
    printed_names().iter().any(|(_, name)| {
        text.strip_suffix(name.as_str())
            .is_some_and(|before| !before.chars().next_back().is_some_and(char::is_alphabetic))
    })
}

/// Every type's printed name, made once: the glued-word check asks at every capital.
fn printed_names() -> &'static [(Kind, String)] {
    static NAMES: std::sync::OnceLock<Vec<(Kind, String)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| Kind::all().map(|k| (k, k.printed_name())).collect())
}

/// Phrases that head a column of the header, found wherever they are.
/// Matched with case and marks aside, so both spellings of `HÒA`/`HOÀ` are one.
const HEADINGS: [&str; 4] = [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐOÀN TNCS HỒ CHÍ MINH",
    "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH",
];

/// Cuts a line where header elements start. A national or Party heading is cut out wherever it
/// stands; the other anchors (stars, the number, the place and date, the type name, the first
/// words of the body) only in a line that holds two kinds of them at least, which only a
/// flattened header does.
fn split_flattened(text: &str) -> Vec<String> {
    let mut cuts: Vec<(usize, Anchor)> = Vec::new();
    // Where a heading ends: a type name that follows at once is the next header element.
    let mut heading_ends = Vec::new();
    for heading in HEADINGS {
        // In capitals, as a heading is printed; OCR's lost marks aside (`CHỦ NGHIA`).
        for (at, end) in find_folded(text, heading) {
            if !text[at..end].chars().any(char::is_lowercase) {
                cuts.push((at, Anchor::Heading));
                cuts.push((end, Anchor::Heading));
                heading_ends.push(end);
            }
        }
    }
    if let Some(at) = find_ci(text, "độc lập", 0) {
        if let Some(end) = find_ci(text, "hạnh phúc", at) {
            let end = end + "hạnh phúc".len();
            cuts.push((at, Anchor::Heading));
            cuts.push((end, Anchor::Heading));
            heading_ends.push(end);
        }
    }
    for end in heading_ends {
        if let Some((start, end)) = type_name_span(text, end) {
            cuts.push((start, Anchor::TypeName));
            cuts.push((end, Anchor::TypeName));
        }
    }
    // Runs of stars (`*`, `***`, `*******`): the separator under a body's name.
    let mut i = 0;
    while let Some(off) = text[i..].find('*') {
        let start = i + off;
        let end = start
            + text[start..]
                .find(|c: char| c != '*')
                .unwrap_or(text.len() - start);
        // Stars at either end are emphasis (`**Số 82-KH/ĐU**`); inside, a flattened separator.
        if start > 0 && end < text.len() {
            cuts.push((start, Anchor::Stars));
            cuts.push((end, Anchor::Stars));
        }
        i = end;
        if i >= text.len() {
            break;
        }
    }
    if let Some(at) = number_start(text) {
        cuts.push((at, Anchor::Number));
    }
    let date = place_date_span(text);
    if let Some((start, end)) = date {
        cuts.push((start, Anchor::PlaceDate));
        cuts.push((end, Anchor::PlaceDate));
    }
    // The type name in capitals after the place and date or the number (`… năm 2010 BÁO CÁO
    // TỔNG KẾT …`, `… Số: 76 /Ttr -MNTL TỜ TRÌNH Về việc …`): only a flattened header has it.
    let after = date
        .map(|(_, end)| end)
        .into_iter()
        .chain(number_start(text))
        .max()
        .unwrap_or(0);
    let type_after = date
        .or(number_start(text).map(|at| (at, at)))
        .and_then(|_| first_type_name(text, after));
    let mut kinds: std::collections::BTreeSet<Anchor> = cuts.iter().map(|(_, a)| *a).collect();
    if type_after.is_some() {
        kinds.insert(Anchor::TypeName);
    }
    let flattened = kinds.len() >= 2;
    if flattened {
        if let Some((start, end)) = type_name_span(text, after).or(type_after) {
            cuts.push((start, Anchor::TypeName));
            cuts.push((end, Anchor::TypeName));
            // `… năm 2020 -Căn cứ Hướng dẫn …`: after the trích yếu, a dash glued to a capital
            // is the body's first item whose line break was lost.
            if let Some(at) = text[end..].find(" -").map(|at| end + at + 1) {
                if text[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                {
                    cuts.push((at, Anchor::Other));
                }
            }
        }
        // `(Ban hành kèm theo Quyết định …)` under the trích yếu of an attached document.
        for opening in [
            "- Căn cứ",
            "- Thực hiện",
            "Căn cứ",
            "Kính gửi",
            "V/v ",
            "---",
            "(Ban hành kèm theo",
        ] {
            if let Some(at) = text.find(opening) {
                cuts.push((at, Anchor::Other));
            }
        }
        // Page-list numbering a document site puts before the text (`1. BỘ LAO ĐỘNG`).
    } else {
        // `LÊ QUÝ ĐÔN Số: …/KH-LQĐ`: the issuing body's last line and the number, side by side
        // in a row the page ran together.
        let caps_before_number = number_start(text).is_some_and(|at| {
            let before = text[..at].trim();
            !before.is_empty() && line::is_caps(before)
        });
        cuts.retain(|(_, a)| *a == Anchor::Heading || (caps_before_number && *a == Anchor::Number));
    }
    let mut at: Vec<usize> = cuts
        .into_iter()
        .map(|(at, _)| at)
        .filter(|&at| at > 0 && at < text.len() && text.is_char_boundary(at))
        .collect();
    at.sort_unstable();
    at.dedup();
    let mut pieces = Vec::new();
    let mut from = 0;
    for cut in at.into_iter().chain([text.len()]) {
        let piece = text[from..cut].trim();
        if !piece.is_empty() {
            pieces.push(piece.to_owned());
        }
        from = cut;
    }
    if flattened {
        // `1. BỘ LAO ĐỘNG…`, `- U BAN DÂN T C`: a document site's list marker before the header.
        if let Some(first) = pieces.first_mut() {
            let rest = first
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['.', '-', ' ']);
            let capital = rest.chars().next().is_some_and(char::is_uppercase);
            if rest.len() < first.len() && capital {
                *first = rest.to_owned();
            }
        }
    }
    pieces
}

/// Where a number line starts: `Số` (or OCR's `S` alone) at a word start, then a number, a dot
/// leader or the symbol's separator.
fn number_start(text: &str) -> Option<usize> {
    for (at, _) in text.match_indices('S') {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            continue;
        }
        let rest = &text[at + 1..];
        let (rest, lost_mark) = match rest.strip_prefix('ố') {
            Some(r) => (r, false),
            None => (rest, true),
        };
        let after = rest.trim_start_matches([' ', ':']);
        if lost_mark && !rest.starts_with(' ') {
            continue;
        }
        let starts_symbol = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '…' | '_' | '-'));
        if starts_symbol && (!lost_mark || after.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            return Some(at);
        }
    }
    None
}

/// The span of `Place, ngày 05 tháng 3 năm 2024` inside a longer text: from the first word of
/// the place (capitalised words going back from the comma) to the year.
fn place_date_span(text: &str) -> Option<(usize, usize)> {
    let comma = text.find(", ngày").or_else(|| text.find(",ngày"))?;
    let words: Vec<(usize, &str)> = text[..comma]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let mut start = None;
    for (at, word) in words.iter().rev().take(5) {
        let first = word.chars().next()?;
        let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word.chars().any(char::is_lowercase);
        let place_word = (first.is_uppercase() && !all_caps)
            || (word.chars().count() == 1 && first.is_alphabetic());
        if !place_word {
            break;
        }
        start = Some(*at);
    }
    let start = start?;
    if is_weekday(&text[start..comma]) {
        return None;
    }
    let year_at = find_ci(text, "năm", comma)?;
    let after_year = text.get(year_at + "năm".len()..)?;
    let digits_from = after_year.find(|c: char| c.is_ascii_digit())?;
    if !after_year[..digits_from].trim().is_empty() {
        return None;
    }
    let digits_len = after_year[digits_from..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after_year.len() - digits_from);
    Some((start, year_at + "năm".len() + digits_from + digits_len))
}

/// The first printed type name (in capitals) at or after `from`, standing on its own or glued to
/// the trích yếu that follows (`QUYẾT ĐỊNHVề việc …`).
fn type_name_span(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let start = from + (rest.len() - rest.trim_start_matches([' ', '*', '-']).len());
    // Its spaces may be lost (`BÁOCÁO`), as a scrape leaves it.
    let (_, len) = type_name_prefix(&text[start..])?;
    let end = start + len;
    let mut after = text[end..].chars();
    let after_ok = match (after.next(), after.next()) {
        (None, _) => true,
        (Some(c), _) if !c.is_alphabetic() => true,
        // Glued to a capitalised word: `ĐỊNHVề`.
        (Some(c), Some(d)) => c.is_uppercase() && d.is_lowercase(),
        (Some(_), None) => false,
    };
    after_ok.then_some((start, end))
}

/// A type name in capitals at one of the first few words of `text` from byte `from` on (past
/// a number line's `Số: 76 /Ttr -MNTL`).
fn first_type_name(text: &str, from: usize) -> Option<(usize, usize)> {
    const WORDS: usize = 5;
    let rest = text.get(from..)?;
    rest.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || rest[..i].ends_with(|p: char| p.is_whitespace()))
        })
        .take(WORDS)
        .find_map(|(i, _)| type_name_span(text, from + i))
}

/// Where `needle` occurs in `hay` with case and marks aside: the byte span of each match.
fn find_folded(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let wanted = fold(needle);
    let starts: Vec<usize> = hay.char_indices().map(|(i, _)| i).collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k < starts.len() {
        let mut folded = String::new();
        let mut end = None;
        for (j, c) in hay[starts[k]..].char_indices() {
            folded.push_str(&fold(c.encode_utf8(&mut [0; 4])));
            if !wanted.starts_with(&folded) {
                break;
            }
            if folded.len() == wanted.len() {
                end = Some(starts[k] + j + c.len_utf8());
                break;
            }
        }
        match end {
            Some(end) => {
                found.push((starts[k], end));
                k = starts.partition_point(|&s| s < end);
            }
            None => k += 1,
        }
    }
    found
}

/// Finds `needle` in `hay` from byte `from`, ignoring case; returns its byte offset.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let wanted: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let hay_from = hay.get(from..)?;
    for (i, _) in hay_from.char_indices() {
        let mut candidate = hay_from[i..].chars().flat_map(char::to_lowercase);
        if wanted.iter().all(|w| candidate.next() == Some(*w)) {
            return Some(from + i);
        }
    }
    None
}

/// Puts back together the pieces of one element broken over lines: `Số:` and its symbol, a
/// symbol broken at its dash, a place cut from its date, a date cut before its month or year.
fn join_broken_elements(lines: Vec<Line>) -> Vec<Line> {
    let conventions = Conventions::default();
    let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for k in 0..lines.len() {
        let Some(mut l) = lines[k].take() else {
            continue;
        };
        if l.is_blank() {
            out.push(l);
            continue;
        }
        // `Số:` / `CỘNG HÒA …` / `Độc lập …` / `/TTr-VPCP`: a page that ran the header's two
        // columns one after the other left the headings between `Số` and its symbol.
        if matches!(fold(&l.text).trim_end_matches([':', ' ']), "so") {
            let ahead: Vec<usize> = (k + 1..lines.len())
                .filter(|&n| lines[n].as_ref().is_some_and(|x| !x.is_blank()))
                .take(4)
                .collect();
            let symbol_at = ahead.iter().position(|&n| {
                let text = lines[n].as_ref().map_or("", |x| x.text.as_str());
                text.starts_with(['/', '-'])
                    && number_line(&format!("Số {text}"), &conventions).is_some()
            });
            let headings_between = symbol_at.is_some_and(|at| {
                ahead[..at].iter().all(|&n| {
                    let text = lines[n].as_ref().map_or("", |x| x.text.as_str());
                    matches!(
                        classify(text, &conventions),
                        Item::StateHeading | Item::PartyHeading | Item::YouthHeading
                    )
                })
            });
            if let (Some(at), true) = (symbol_at, headings_between) {
                if let Some(symbol) = lines[ahead[at]].take() {
                    l.text = format!("{} {}", l.text.trim_end(), symbol.text);
                }
            }
        }
        // Up to two following pieces may complete this one; a mark set between them
        // (`Số` / `DỰ THẢO` / `/KH-THCSNN`) stays where it is.
        for _ in 0..2 {
            let Some(n) = (k + 1..lines.len()).find(|&n| {
                lines[n]
                    .as_ref()
                    .is_some_and(|x| !x.is_blank() && classify(&x.text, &conventions) != Item::Mark)
            }) else {
                break;
            };
            let next = lines[n]
                .as_ref()
                .map(|x| x.text.as_str())
                .unwrap_or_default();
            let together = format!("{} {}", l.text, next);
            let bare_number = matches!(fold(&l.text).trim_end_matches([':', ' ']), "so");
            let number_broken = l.text.starts_with("Số")
                && number_line(line::plain(&l.text), &conventions).is_none_or(|_| {
                    let t = l.text.trim_end();
                    t.ends_with(['-', '/', '–']) || !t.contains('/')
                })
                && number_line(&together, &conventions).is_some()
                // What completes a symbol is a code (`HD/BTCTW`, `QĐi/TU`, `UBND-VP`), never a
                // word in lower case (a draft's blank `Số      -KH/` before its `ngày  tháng`).
                && next
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '/');
            let date_broken = line::find_word_ci(&l.text, "ngày").is_some()
                && !has_year(&l.text)
                && has_year(&together)
                && !line::ends_clause(&l.text)
                && l.text.chars().count() < 60;
            let place_cut = l.text.split_whitespace().count() == 1
                && l.text.chars().count() <= 12
                && l.text.chars().next().is_some_and(char::is_uppercase)
                && !line::is_caps(&l.text)
                && !l.text.chars().any(|c| c.is_ascii_digit())
                && next.contains("ngày");
            // `Độc lập -` / `Tự do - Hạnh phúc`: a heading a narrow table column broke.
            let heading_broken =
                !is_heading_text(&l.text) && !is_heading_text(next) && is_heading_text(&together);
            // `QUY` / `CHẾ LÀM VIỆC`: a type name broken over two lines. The name goes on this
            // line; what followed it on the next (its trích yếu) stays there.
            let short_caps = l.text.split_whitespace().count() <= 2
                && l.text.chars().any(char::is_alphabetic)
                && !l.text.chars().any(char::is_lowercase)
                && Kind::from_printed_name(&l.text).is_none();
            if let Some((_, end)) = short_caps
                .then(|| type_name_prefix(&together))
                .flatten()
                .filter(|(_, end)| *end > l.text.len() + 1)
            {
                let rest = together[end..].trim().to_owned();
                l.text = together[..end].trim_end().to_owned();
                for blank in lines.iter_mut().take(n).skip(k + 1) {
                    *blank = None;
                }
                match lines[n].as_mut() {
                    Some(next) if !rest.is_empty() => next.text = rest,
                    _ => lines[n] = None,
                }
                break;
            }
            if !(bare_number || number_broken || date_broken || place_cut || heading_broken) {
                break;
            }
            // The blank lines between the pieces go with them.
            for blank in lines.iter_mut().take(n + 1).skip(k + 1) {
                *blank = None;
            }
            l.text = together;
        }
        out.push(l);
    }
    out
}

/// Whether the text is a column heading of the header, whole or the half of the national
/// heading a narrow column leaves on its line.
fn is_heading_text(text: &str) -> bool {
    let words = folded_words(line::plain(text)).join(" ");
    matches!(
        words.as_str(),
        "dang cong san viet nam" | "doan tncs ho chi minh" | "doan thanh nien cong san ho chi minh"
    ) || is_state_heading(&words)
}

/// Whether a date's year is written: `năm 2024` or `5/3/2024`.
fn has_year(text: &str) -> bool {
    let four_digits = |t: &str| {
        let t = t.trim_start();
        t.len() >= 4 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    };
    line::find_word_ci(text, "năm")
        .and_then(|at| text.get(at + "năm".len()..))
        .is_some_and(four_digits)
        || text
            .match_indices('/')
            .any(|(at, _)| four_digits(&text[at + 1..]))
}

/// The national heading or motto, whole or the half a narrow column left on its line
/// (`CỘNG HÒA XÃ HỘI` / `CHỦ NGHĨA VIỆT NAM`), with OCR's lost spaces (`XàHỘI`).
fn is_state_heading(folded: &str) -> bool {
    let glued = folded.replace(' ', "");
    glued == "conghoaxahoichunghiavietnam"
        || glued == "conghoaxahoi"
        || glued == "chunghiavietnam"
        || is_motto(&glued)
}

/// `Độc lập - Tự do - Hạnh phúc`, also as a scrape or OCR cut it (`Độc lập - Tự - Hạnh phúc`,
/// `Độc lập Tự do Hạnh p`): its first words and its last, with at most a word between.
fn is_motto(glued: &str) -> bool {
    glued == "doclaptudohanhphuc"
        || (glued.starts_with("doclap")
            && glued.ends_with("hanhphuc")
            && glued.len() <= "doclaptudohanhphuc".len())
}

/// A line that can only be the body: long, ending a sentence, a list item or heading, or the
/// `Kính gửi` of a công văn.
fn body_like(text: &str) -> bool {
    let text = line::plain(text);
    text.chars().count() > 120
        || line::ends_clause(text)
        || markup::starts_block(text)
        || fold(text).starts_with("kinh gui")
}

/// The type read, if the format read has it. A State header over `KẾT LUẬN` (a Party type
/// only) is two signs that disagree; the format is the stronger one, so the type is left for
/// the clerk to choose rather than kept in a document that could not be issued.
pub(crate) fn kind_in_format(
    kind: Option<Kind>,
    format: Format,
    head: &Header,
    warnings: &mut Vec<Warning>,
) -> Option<Kind> {
    let kind = kind?;
    if kind.exists_in(format) {
        return Some(kind);
    }
    let message = format!(
        "Loại “{}” không có trong {}; đã để trống loại văn bản, hãy chọn loại đúng.",
        kind.name(),
        fold_first(format.name_vi())
    );
    let line = head
        .type_line
        .map(|(no, _)| no)
        .or(head.number.as_ref().map(|(no, _)| *no));
    warnings.push(match line {
        Some(no) => Warning::at(no, message),
        None => Warning::general(message),
    });
    None
}

/// `Văn bản hành chính` → `văn bản hành chính`, inside a sentence.
fn fold_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
