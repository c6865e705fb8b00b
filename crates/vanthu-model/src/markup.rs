//! The body's light markup (DESIGN.md), read in one place for every consumer.
//!
//! A body is stored as the clerk typed or the importer found it: blocks separated by blank
//! lines, `**bold**` and `*italic*` runs, list items opened by `- `, `– `, `• ` (depth 0) or
//! `+ ` (depth 1), and headings recognised by their numbering alone — `I.`/`I-` (level 0),
//! `1.`/`1-`/`1)` (level 1), `1.1.`/`1.1-`/`1.1` (level 2), `a)` (level 3) — followed by a space
//! or by the end of the line (`II.` alone, the title on the next line). The numbering is text
//! and is printed as typed; only the styling of a level comes from the layout profile.
//!
//! The importer decides where a block starts and the PDF decides how it looks; both call this
//! module, so a line the importer took for a heading is the line the PDF sets as one.
//!
//! The end mark (`./.` in both regulations, changeable in a profile) is layout, not text: a
//! body may have been typed with one or imported with one, and [`with_end_mark`] replaces what
//! is there with the profile's mark rather than adding to it.

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Part of a heading's styled lead (its numbering, its title or its part up to `:`):
    /// layout adds the level's bold/italic.
    pub heading: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// Level 0 (`I.`) to 3 (`a)`), as [`heading`] numbers them.
    Heading(usize),
    /// A list item: `-`, `–`, `•` (depth 0) or `+` (depth 1). The marker is not part of the
    /// spans: layout sets it in the hanging indent.
    Item {
        depth: usize,
        marker: String,
    },
}

/// One block of the body: a paragraph, a heading or a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
}

impl Block {
    /// The block's text without markup (and without an item's marker).
    pub fn plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The list-item markers and their depth. Each opens an item only when a space follows it, so
/// that `-----` (a drawn rule) and `-5 °C` stay text.
pub const ITEM_MARKERS: [(&str, usize); 4] = [("-", 0), ("–", 0), ("•", 0), ("+", 1)];

/// A heading that reads like a title (short, no closing punctuation) is styled whole; a
/// numbered paragraph only up to its colon, or just its number.
const TITLE_MAX_CHARS: usize = 120;
const LABEL_COLON_MAX_CHARS: usize = 80;

/// Roman numerals longer than this are a word in capitals (`CLC`), not a section number.
const MAX_ROMAN_CHARS: usize = 6;

/// Arabic numbering groups longer than this are a year or an amount (`2025.`), not a section.
const MAX_NUMBER_DIGITS: usize = 3;

/// Splits the body into blocks. A line opens a new block when [`starts_block`] says so, even
/// without a blank line before it; other lines continue the block above. `end_mark` ends the
/// last block, replacing any end mark typed there ([`with_end_mark`]).
pub fn parse(body: &str, end_mark: &str) -> Vec<Block> {
    let mut raw: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let t = line.trim();
        if t.is_empty() {
            if !current.is_empty() {
                raw.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() && starts_block(t) {
            raw.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(t);
    }
    if !current.is_empty() {
        raw.push(current);
    }
    if let Some(last) = raw.last_mut() {
        *last = with_end_mark(last, end_mark);
    }
    raw.iter().map(|r| block(r)).collect()
}

/// Whether a line of the body opens a block by its own shape: a list item or a heading
/// number. `line` may carry markup; emphasis opened before the number (`**1. Hình thức**`),
/// even if Word left it unclosed on this line, does not hide the number.
pub fn starts_block(line: &str) -> bool {
    let plain = strip_markup(line);
    let plain = plain.trim_start_matches('*').trim_start();
    item_marker(plain).is_some() || heading(plain).is_some()
}

/// The depth and marker of a list item (`- Một` → `(0, "-")`), looking at text without markup.
pub fn item_marker(plain: &str) -> Option<(usize, &'static str)> {
    ITEM_MARKERS.iter().find_map(|&(marker, depth)| {
        plain
            .strip_prefix(marker)
            .filter(|rest| rest.starts_with(' '))
            .map(|_| (depth, marker))
    })
}

/// The heading level and the length in chars of its numbering label (`II. NỘI DUNG` →
/// `(0, 3)`), looking at text without markup:
///
/// | form                      | level |
/// |---------------------------|-------|
/// | `I.` `I-`                 | 0     |
/// | `1.` `1-` `1)`            | 1     |
/// | `1.1.` `1.1-` `1.1)` `1.1`| 2     |
/// | `a)` `đ)`                 | 3     |
///
/// The numbering is followed by a space, a TAB, or the end of the line (`II.` alone: OCR and
/// Word's numbered lists put the title on the next line).
pub fn heading(plain: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = plain.chars().collect();
    let ends_label = |i: usize| chars.get(i).is_none_or(|c| c.is_whitespace());
    // I. / I-
    let roman = chars
        .iter()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        .count();
    if (1..=MAX_ROMAN_CHARS).contains(&roman)
        && matches!(chars.get(roman), Some('.' | '-'))
        && ends_label(roman + 1)
    {
        return Some((0, roman + 1));
    }
    // 1. / 1- / 1) / 1.1. / 1.1- / 1.1) / 1.1
    let mut i = 0;
    let mut groups = 0;
    loop {
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        if i == start || i - start > MAX_NUMBER_DIGITS {
            break;
        }
        groups += 1;
        let level = if groups == 1 { 1 } else { 2 };
        match chars.get(i) {
            Some('.' | '-' | ')') if ends_label(i + 1) => return Some((level, i + 1)),
            // `1.1`: a dotted number is a heading even without a closing separator.
            _ if groups > 1 && ends_label(i) => return Some((2, i)),
            Some('.') if chars.get(i + 1).is_some_and(char::is_ascii_digit) => i += 1,
            _ => break,
        }
    }
    // a) / đ)
    if chars.len() >= 2
        && chars[0].is_alphabetic()
        && chars[0].is_lowercase()
        && chars[1] == ')'
        && ends_label(2)
    {
        return Some((3, 2));
    }
    None
}

/// The text with `end_mark` at its end, in place of whatever end the clerk typed: an end mark
/// (`./.`, with or without OCR's space), or the sentence's last `.`, `;`, `,` or `:`. An
/// ellipsis is part of the text: it stays and takes the place of the mark's leading full stop
/// (`làm…` → `làm…/.`). Closing emphasis stays before the mark (`**thực hiện**./.`).
///
/// An empty `end_mark` (a profile that prints none) only takes a typed `./.` back to its full
/// stop; the text is otherwise left as typed.
pub fn with_end_mark(text: &str, end_mark: &str) -> String {
    // Look at the text without closing markup (`**…**`).
    let body = text.trim_end_matches('*').trim_end();
    let closing = &text[body.len()..];
    let body = without_typed_mark(body);
    if end_mark.is_empty() {
        return format!("{body}{closing}");
    }
    if body.ends_with("...") || body.ends_with('…') {
        return format!("{body}{closing}{}", end_mark.trim_start_matches('.'));
    }
    let stem = body.trim_end_matches(['.', ';', ',', ':']);
    format!("{stem}{closing}{end_mark}")
}

/// `body` without the `/.` of a typed end mark (`thực hiện./.` → `thực hiện.`,
/// `thực hiện. /.` → `thực hiện.`, `làm.../.` → `làm...`).
fn without_typed_mark(body: &str) -> &str {
    match body.strip_suffix("/.") {
        Some(before) if before.trim_end().ends_with(['.', '…']) => before.trim_end(),
        _ => body,
    }
}

fn block(raw: &str) -> Block {
    let plain = strip_markup(raw);
    if let Some((depth, marker)) = item_marker(&plain) {
        // Drop the marker and its space from the marked-up text (it never carries markup).
        let rest = raw
            .trim_start_matches('*')
            .get(marker.len()..)
            .map(str::trim_start)
            .unwrap_or_default();
        let lead = &raw[..raw.len() - raw.trim_start_matches('*').len()];
        return Block {
            kind: BlockKind::Item {
                depth,
                marker: marker.to_owned(),
            },
            spans: inline(&format!("{lead}{rest}")),
        };
    }
    let mut spans = inline(raw);
    if let Some((level, label)) = heading(&plain) {
        let n = plain.chars().count();
        let last = plain.chars().last().unwrap_or(' ');
        let styled = if n <= TITLE_MAX_CHARS && !matches!(last, '.' | ';' | ',') {
            n
        } else {
            match plain.chars().position(|c| c == ':') {
                Some(colon) if colon < LABEL_COLON_MAX_CHARS => colon + 1,
                _ => label,
            }
        };
        spans = split_at_char(spans, styled);
        return Block {
            kind: BlockKind::Heading(level),
            spans: mark_heading(spans, styled),
        };
    }
    Block {
        kind: BlockKind::Paragraph,
        spans,
    }
}

fn mark_heading(spans: Vec<Span>, chars: usize) -> Vec<Span> {
    let mut seen = 0;
    spans
        .into_iter()
        .map(|mut s| {
            s.heading = seen < chars;
            seen += s.text.chars().count();
            s
        })
        .collect()
}

fn split_at_char(spans: Vec<Span>, at: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len() + 1);
    let mut seen = 0;
    for s in spans {
        let n = s.text.chars().count();
        if seen < at && at < seen + n {
            let byte = s
                .text
                .char_indices()
                .nth(at - seen)
                .map_or(s.text.len(), |(i, _)| i);
            out.push(Span {
                text: s.text[..byte].to_owned(),
                ..s.clone()
            });
            out.push(Span {
                text: s.text[byte..].to_owned(),
                ..s
            });
        } else {
            out.push(s);
        }
        seen += n;
    }
    out
}

/// The text without `**` and `*` delimiters (those that pair up).
pub fn strip_markup(s: &str) -> String {
    inline(s).into_iter().map(|s| s.text).collect()
}

/// Inline runs. A delimiter opens only if it is followed by a non-space and a matching
/// closer follows; otherwise it is a literal asterisk (`5 * 3`).
pub fn inline(s: &str) -> Vec<Span> {
    let chars: Vec<char> = s.chars().collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut text = String::new();
    let (mut bold, mut italic) = (false, false);
    let mut i = 0;
    let flush = |text: &mut String, spans: &mut Vec<Span>, bold: bool, italic: bool| {
        if !text.is_empty() {
            spans.push(Span {
                text: std::mem::take(text),
                bold,
                italic,
                heading: false,
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '*' {
            let double = chars.get(i + 1) == Some(&'*');
            let len = if double { 2 } else { 1 };
            let open = if double { bold } else { italic };
            let prev_space = i == 0 || chars[i - 1].is_whitespace();
            let next_space = chars.get(i + len).is_none_or(|c| c.is_whitespace());
            let toggles = if open {
                !prev_space
            } else {
                !next_space && has_closer(&chars, i + len, double)
            };
            if toggles {
                flush(&mut text, &mut spans, bold, italic);
                if double {
                    bold = !bold;
                } else {
                    italic = !italic;
                }
                i += len;
                continue;
            }
        }
        text.push(c);
        i += 1;
    }
    flush(&mut text, &mut spans, bold, italic);
    spans
}

fn has_closer(chars: &[char], from: usize, double: bool) -> bool {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '*' {
            let is_double = chars.get(i + 1) == Some(&'*');
            if is_double == double && i > from && !chars[i - 1].is_whitespace() {
                return true;
            }
            i += if is_double { 2 } else { 1 };
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_heading_form_has_its_level_and_label() {
        for (line, want) in [
            ("I. MỤC ĐÍCH, YÊU CẦU", (0, 2)),
            ("III- TỔ CHỨC THỰC HIỆN", (0, 4)),
            ("II.", (0, 3)),
            ("IV-", (0, 3)),
            ("1. Mục đích", (1, 2)),
            ("2- Tuyên truyền", (1, 2)),
            ("3) Kinh phí", (1, 2)),
            ("12.", (1, 3)),
            ("4)", (1, 2)),
            ("1.1. Hình thức", (2, 4)),
            ("1.1- Hình thức", (2, 4)),
            ("1.2) Thời gian", (2, 4)),
            ("1.1 Hình thức", (2, 3)),
            ("1.1.2. Kỹ thuật", (2, 6)),
            ("2.3.", (2, 4)),
            ("a) Đối với", (3, 2)),
            ("đ) Khác", (3, 2)),
            ("b)", (3, 2)),
            ("1.\tHội nghị", (1, 2)),
        ] {
            assert_eq!(heading(line), Some(want), "{line:?}");
        }
    }

    #[test]
    fn text_that_only_looks_numbered_is_no_heading() {
        for line in [
            "Thực hiện Chỉ thị",
            "2025 - 2030 là",
            "2025. Năm",
            "17/4/2024 của Ban",
            "1.a bảng",
            "Việc tổ chức",
            "V/v tổ chức",
            "A) Viết hoa",
            "CHÁNH VĂN PHÒNG",
            "XXXVIII. quá dài",
            "1,5 triệu đồng",
            "",
        ] {
            assert_eq!(heading(line), None, "{line:?}");
        }
    }

    #[test]
    fn every_item_form_and_what_is_not_one() {
        assert_eq!(item_marker("- Một"), Some((0, "-")));
        assert_eq!(item_marker("– Một"), Some((0, "–")));
        assert_eq!(item_marker("• Một"), Some((0, "•")));
        assert_eq!(item_marker("+ Hai"), Some((1, "+")));
        assert_eq!(item_marker("-----"), None);
        assert_eq!(item_marker("-5 °C"), None);
        assert_eq!(item_marker("Một - hai"), None);
    }

    #[test]
    fn blocks_start_at_numbers_and_markers_even_under_emphasis() {
        assert!(starts_block("**1. Hình thức**"));
        assert!(starts_block("**I. MỤC ĐÍCH"), "bold left open by Word");
        assert!(starts_block("*a) Đối với*"));
        assert!(starts_block("- Một"));
        assert!(starts_block("II."));
        assert!(!starts_block("Ban Thường vụ"));
        assert!(!starts_block("17/4/2024 như sau:"));
    }

    #[test]
    fn inline_runs_and_literal_asterisks() {
        let s = inline("học tập **tại chi bộ** và *trước ngày 31/5*; 5 * 3");
        let texts: Vec<(&str, bool, bool)> = s
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic))
            .collect();
        assert_eq!(
            texts,
            [
                ("học tập ", false, false),
                ("tại chi bộ", true, false),
                (" và ", false, false),
                ("trước ngày 31/5", false, true),
                ("; 5 * 3", false, false)
            ]
        );
        assert_eq!(strip_markup("**đậm** và *nghiêng*"), "đậm và nghiêng");
    }

    #[test]
    fn blocks_items_and_end_mark() {
        let body = "Mở đầu\ntiếp dòng.\n\nI. NỘI DUNG\n\n- Một;\n- Hai\n+ Ba\n\n3. Cấp ủy: cử cán bộ tham dự. Sau đó thảo luận";
        let blocks = parse(body, "./.");
        assert_eq!(blocks.len(), 6);
        assert_eq!(blocks[0].plain(), "Mở đầu tiếp dòng.");
        assert_eq!(blocks[1].kind, BlockKind::Heading(0));
        assert_eq!(
            blocks[4].kind,
            BlockKind::Item {
                depth: 1,
                marker: "+".into()
            }
        );
        assert_eq!(blocks[3].plain(), "Hai");
        let last = &blocks[5];
        assert_eq!(last.kind, BlockKind::Heading(1));
        assert!(last.spans[0].heading && !last.spans[1].heading);
        assert_eq!(last.spans[0].text, "3. Cấp ủy:");
        assert!(last.plain().ends_with("thảo luận./."));
    }

    #[test]
    fn a_number_alone_on_its_line_heads_the_line_below() {
        let blocks = parse("II.\nNỘI DUNG\n\n3)\nKinh phí thực hiện", "./.");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].kind, BlockKind::Heading(0));
        assert_eq!(blocks[0].plain(), "II. NỘI DUNG");
        assert!(
            blocks[0].spans.iter().all(|s| s.heading),
            "a title is styled whole"
        );
        assert_eq!(blocks[1].kind, BlockKind::Heading(1));
        assert_eq!(blocks[1].plain(), "3) Kinh phí thực hiện./.");
    }

    #[test]
    fn the_profile_s_end_mark_replaces_the_typed_one() {
        for (typed, mark, printed) in [
            ("thực hiện./.", "./.", "thực hiện./."),
            ("thực hiện.", "./.", "thực hiện./."),
            ("thực hiện", "./.", "thực hiện./."),
            ("thực hiện;", "./.", "thực hiện./."),
            ("thực hiện. /.", "./.", "thực hiện./."),
            ("thực hiện./.", ".", "thực hiện."),
            ("thực hiện.", ".", "thực hiện."),
            ("thực hiện;", ".", "thực hiện."),
            ("thực hiện./.", "", "thực hiện."),
            ("thực hiện", "", "thực hiện"),
            ("**thực hiện**", "./.", "**thực hiện**./."),
            ("**thực hiện./.**", ".", "**thực hiện**."),
            (
                "và các nội dung khác...",
                "./.",
                "và các nội dung khác.../.",
            ),
            ("và các nội dung khác.../.", ".", "và các nội dung khác..."),
            ("và các nội dung khác…", "./.", "và các nội dung khác…/."),
        ] {
            assert_eq!(
                with_end_mark(typed, mark),
                printed,
                "{typed:?} with {mark:?}"
            );
        }
    }

    #[test]
    fn only_the_last_block_takes_the_end_mark() {
        let blocks = parse("Đoạn một./.\n\nĐoạn hai./.", ".");
        assert_eq!(
            blocks[0].plain(),
            "Đoạn một./.",
            "text inside the body is kept"
        );
        assert_eq!(blocks[1].plain(), "Đoạn hai.");
    }
}
