//! Source lines and the shapes a line can have.
//!
//! Clerks' files come out of Word ("Plain Text"), out of a scanner's OCR, or from a hand-typed
//! copy. None of them keeps the layout, so every part of the document is recognised from what a
//! single line looks like: all caps, a person's name, a list item, a heading number, scan noise.
//! These predicates are shared by the header, body and closing readers so that they agree.
//! What the body markup defines — list markers, heading numbers — is not decided here but in
//! [`vanthu_model::markup`], so that the importer and the PDF agree too.

use vanthu_model::markup;

/// One source line, trimmed, with its 1-based number in the file (what a clerk sees in Notepad).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub no: usize,
    pub text: String,
}

impl Line {
    pub fn new(no: usize, text: impl Into<String>) -> Line {
        Line {
            no,
            text: text.into(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits already-NFC text into trimmed lines numbered from 1.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line::new(i + 1, l.trim()))
        .collect()
}

/// The text of a header or closing line without Markdown-ish emphasis around it
/// (`**T/M BAN THƯỜNG VỤ**`, `*Hà Nội, ngày …*`). Unbalanced markers are removed too: a bold
/// span that Word split over two lines leaves `**T/M …` on one and `BÍ THƯ**` on the next.
pub(crate) fn plain(s: &str) -> &str {
    s.trim_matches(|c: char| c == '*' || c.is_whitespace())
}

/// A line that is only `*` (the Party header's separator under the issuer's name; `***` in the
/// Youth Union's, and a run of them under both headings in some State documents).
pub(crate) fn is_separator(s: &str) -> bool {
    let stars = s.chars().filter(|&c| c == '*').count();
    (1..=10).contains(&stars) && s.chars().all(|c| c == '*' || c.is_whitespace())
}

/// A drawn rule: `-----`, `_____`, `=====`.
pub(crate) fn is_rule(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() >= 3
        && s.chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '—' | '–' | '−' | '~') || c == ' ')
}

/// A whole line in square brackets: what OCR services write for things they cannot read
/// (`[Handwritten mark]`, `[Con dấu]`, `[Chữ ký]`).
pub(crate) fn is_bracketed(s: &str) -> bool {
    let s = plain(s);
    s.len() >= 2 && s.starts_with('[') && s.ends_with(']')
}

/// A lone page number (`2`, `- 2 -`), left behind where a page broke.
pub(crate) fn is_page_number(s: &str) -> bool {
    let core = s
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit())
}

/// Whether the first letter-ish character of a line is lower case, looking past emphasis,
/// quotes and brackets: `**tại chi bộ** …`, `“tự diễn biến” …`.
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '*' | '“' | '"' | '‘' | '\'' | '(' | '_'))
        .is_some_and(char::is_lowercase)
}

/// Whether a line ends a sentence or a clause (`.`, `:`, `;`, `!`, `?`), looking past closing
/// emphasis and quotes. Such a line is never continued by the next one.
pub(crate) fn ends_clause(s: &str) -> bool {
    s.trim_end_matches(|c: char| {
        matches!(c, '*' | '”' | '"' | '’' | '\'' | '_') || c.is_whitespace()
    })
    .ends_with(['.', ':', ';', '!', '?'])
}

/// A list item's text without its marker: `- Ban Thường vụ,` → `Ban Thường vụ,`.
/// The markers are the body markup's ([`markup::ITEM_MARKERS`]); the importer also accepts
/// them without the space OCR sometimes loses (`-Ban Thường vụ`), never a rule (`-----`).
pub(crate) fn item_text(s: &str) -> Option<&str> {
    let s = plain(s);
    let rest = markup::ITEM_MARKERS
        .iter()
        .find_map(|(marker, _)| s.strip_prefix(marker))?;
    let text = rest.trim_start();
    let first = text.chars().next()?;
    (first.is_alphanumeric() || matches!(first, '“' | '"' | '(')).then_some(text)
}

/// All caps: at least three letters and no lower-case one (`ĐẢNG ỦY SỞ`, `BÍ THƯ`).
pub(crate) fn is_caps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && !s.chars().any(char::is_lowercase)
}

/// A line that can be a signer's position (`BÍ THƯ`, `PHÓ CHÁNH VĂN PHÒNG`): all caps, starts
/// with a letter, no digits and no heading number, one word of two letters at least, and not
/// one of the marks a typist writes where the signature goes (`ĐÃ KÝ`).
pub(crate) fn is_position_like(s: &str) -> bool {
    let s = plain(s);
    is_caps(s)
        && s.chars().next().is_some_and(char::is_alphabetic)
        && !s.chars().any(|c| c.is_ascii_digit())
        && markup::heading(s).is_none()
        && s.split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        && s.chars().count() <= 80
        && !is_signing_mark(s)
}

/// `(Đã ký)`, `ĐÃ KÝ`, `Ký tên, đóng dấu`: a typist's stand-in for the signature itself.
pub(crate) fn is_signing_mark(s: &str) -> bool {
    let folded = vanthu_model::text::folded_words(s).join(" ");
    ["da ky", "ky ten", "dong dau", "chu ky", "ky va ghi ro"]
        .iter()
        .any(|m| folded.starts_with(m))
}

/// A person's name as signed: 2–6 words, each a capital letter followed by lower-case letters,
/// no digits, not all caps (`Nguyễn Văn Hiếu`, `Lưu Hồng Vân`, `Nguyễn Văn A`).
pub(crate) fn is_name_like(s: &str) -> bool {
    let s = plain(s);
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) {
        return false;
    }
    let capitalised = |part: &str| {
        let mut chars = part.chars();
        chars
            .next()
            .is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
            && chars.all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    // Ê Đê and Jrai names carry an apostrophe (`H'Hen Niê`, `Ksor H'Mai`).
    let word_ok = |w: &str| {
        let mut parts = w.split(['\'', '’']);
        parts.next().is_some_and(capitalised)
            && parts.all(|p| {
                capitalised(p)
                    || p.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) && !p.is_empty()
            })
    };
    words.iter().all(|w| word_ok(w)) && words.iter().any(|w| w.chars().count() >= 2)
}

/// Finds `word` in `s` ignoring case, at a word start; returns its byte offset.
pub(crate) fn find_word_ci(s: &str, word: &str) -> Option<usize> {
    let wanted: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let mut prev_alpha = false;
    for (i, c) in s.char_indices() {
        if !prev_alpha {
            let mut candidate = s[i..].chars().flat_map(char::to_lowercase);
            if wanted.iter().all(|w| candidate.next() == Some(*w))
                && !candidate.next().is_some_and(char::is_alphabetic)
            {
                return Some(i);
            }
        }
        prev_alpha = c.is_alphanumeric();
    }
    None
}

/// A two-column row from Word split into its cells. Word writes a table row as its cells
/// separated by a TAB, and OCR as a run of spaces. A gap splits the line only where `accept`
/// says the text after it can stand alone (given whether the gap held a TAB); otherwise the
/// gap is ordinary spacing (`ngày    tháng    năm 2025`) and is kept as one space.
pub(crate) fn cells(s: &str, accept: impl Fn(&str, bool) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (piece, tab) in raw_cells(s) {
        match out.last_mut() {
            Some(last) if !accept(&piece, tab) => {
                last.push(' ');
                last.push_str(&piece);
            }
            _ => out.push(piece),
        }
    }
    out
}

/// Pieces of `s` between gaps (a TAB, or three spaces or more), each with whether the gap
/// before it held a TAB.
fn raw_cells(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut gap = String::new();
    let mut gap_before_current = false;
    let flush_gap = |current: &mut String, gap: &mut String| {
        current.push_str(gap);
        gap.clear();
    };
    for c in s.chars() {
        if c.is_whitespace() {
            gap.push(c);
            continue;
        }
        if !gap.is_empty() {
            let is_tab = gap.contains('\t');
            if (is_tab || gap.chars().count() >= 3) && !current.is_empty() {
                out.push((std::mem::take(&mut current), gap_before_current));
                gap_before_current = is_tab;
                gap.clear();
            } else if current.is_empty() {
                gap.clear();
            } else {
                flush_gap(&mut current, &mut gap);
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        out.push((current, gap_before_current));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines_are_not_positions() {
        assert!(!is_position_like("II."));
        assert!(!is_position_like("IV- NHIỆM VỤ"));
        assert!(is_position_like("CHÁNH VĂN PHÒNG"));
    }

    #[test]
    fn names_and_caps() {
        assert!(is_name_like("Nguyễn Tiến Dũng"));
        assert!(is_name_like("**Lưu Hồng Vân**"));
        assert!(is_name_like("Nguyễn Văn A"));
        assert!(is_name_like("H'Hen Niê"));
        assert!(!is_name_like("Lưu VT, TCT"));
        assert!(!is_name_like("BÍ THƯ"));
        assert!(!is_name_like("(Đã ký)"));
        assert!(!is_name_like("Ø"));
        assert!(is_position_like("PHÓ BÍ THƯ"));
        assert!(!is_position_like("III. TỔ CHỨC THỰC HIỆN"));
        assert!(!is_position_like("ĐÃ KÝ"));
        assert!(!is_position_like("Ø"));
    }

    #[test]
    fn cells_split_only_where_accepted() {
        let all = |_: &str, _: bool| true;
        assert_eq!(
            cells("ĐẢNG BỘ TỈNH X\tĐẢNG CỘNG SẢN VIỆT NAM", all),
            ["ĐẢNG BỘ TỈNH X", "ĐẢNG CỘNG SẢN VIỆT NAM"]
        );
        let upper = |p: &str, _: bool| p.chars().next().is_some_and(char::is_uppercase);
        assert_eq!(
            cells("Khánh Hòa, ngày    tháng    năm 2025", upper),
            ["Khánh Hòa, ngày tháng năm 2025"]
        );
        assert_eq!(cells("Số 82 -KH/ĐU", upper), ["Số 82 -KH/ĐU"]);
    }

    #[test]
    fn items_and_clauses() {
        assert_eq!(item_text("- Lưu: VP."), Some("Lưu: VP."));
        assert_eq!(item_text("+ Các chi bộ;"), Some("Các chi bộ;"));
        assert_eq!(item_text("-----"), None);
        assert_eq!(
            item_text("-Các chi bộ;"),
            Some("Các chi bộ;"),
            "space lost by OCR"
        );
        assert_eq!(item_text("• “Tự diễn biến”"), Some("“Tự diễn biến”"));
        assert!(ends_clause("thực hiện./."));
        assert!(ends_clause("như sau:**"));
        assert!(!ends_clause("(qua Văn phòng)"));
        assert!(starts_lowercase("**tại chi bộ**"));
        assert!(starts_lowercase("“tự diễn biến”"));
        assert_eq!(find_word_ci("Khánh Hòa, Ngày 05", "ngày"), Some(13));
        assert_eq!(find_word_ci("những ngàyx", "ngày"), None);
    }
}
