//! The body's light markup (DESIGN.md): blocks separated by blank lines, `**bold**` and
//! `*italic*` runs, `- `/`+ ` list items, and headings recognised by their numbering
//! (`I.`/`I-`, `1.`/`1-`, `1.1.`/`1.1-`, `a)`). The numbering itself is text the clerk typed
//! and is printed as typed; only the styling comes from the profile.

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Part of a heading's styled lead (its numbering, its title or its part up to `:`):
    /// layout adds the level's bold/italic.
    pub heading: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Paragraph,
    /// Level 0 (`I.`) to 3 (`a)`).
    Heading(usize),
    /// A list item: `-` (depth 0) or `+` (depth 1). The marker is not part of the spans.
    Item {
        depth: usize,
        marker: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
}

impl Block {
    #[cfg(test)]
    pub fn plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A heading that reads like a title (short, no closing punctuation) is styled whole; a
/// numbered paragraph only up to its colon, or just its number.
const TITLE_MAX_CHARS: usize = 120;
const LABEL_COLON_MAX_CHARS: usize = 80;

/// Splits the body into blocks. `end_mark` is appended to the last block unless the text
/// already ends with it (or with a full stop that becomes it).
pub(crate) fn parse(body: &str, end_mark: &str) -> Vec<Block> {
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
        if !current.is_empty() && starts_block(&strip_markup(t)) {
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

fn starts_block(plain: &str) -> bool {
    item_marker(plain).is_some() || heading(plain).is_some()
}

fn item_marker(plain: &str) -> Option<(usize, &str)> {
    for (marker, depth) in [("- ", 0), ("– ", 0), ("• ", 0), ("+ ", 1)] {
        if plain.starts_with(marker) {
            return Some((depth, marker.trim_end()));
        }
    }
    None
}

/// The heading level and the length in chars of its numbering label (`II.` → 3).
pub(crate) fn heading(plain: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = plain.chars().collect();
    let followed_by_space = |i: usize| chars.get(i).is_some_and(|c| *c == ' ');
    // I. / I-
    let roman = chars
        .iter()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        .count();
    if roman > 0
        && roman <= 6
        && matches!(chars.get(roman), Some('.') | Some('-'))
        && followed_by_space(roman + 1)
    {
        return Some((0, roman + 1));
    }
    // 1. / 1- / 1.1. / 1.1- / 1.1
    let mut i = 0;
    let mut groups = 0;
    loop {
        let start = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        if i == start || i - start > 3 {
            break;
        }
        groups += 1;
        match chars.get(i) {
            Some('.') | Some('-') => {
                i += 1;
                if followed_by_space(i) {
                    return Some((if groups == 1 { 1 } else { 2 }, i));
                }
                if chars.get(i - 1) == Some(&'-') {
                    break;
                }
            }
            Some(' ') if groups > 1 => return Some((2, i)),
            _ => break,
        }
    }
    // a) / đ)
    if chars.len() > 2
        && (chars[0].is_lowercase() && chars[0].is_alphabetic())
        && chars[1] == ')'
        && followed_by_space(2)
    {
        return Some((3, 2));
    }
    None
}

fn with_end_mark(text: &str, end_mark: &str) -> String {
    if end_mark.is_empty() {
        return text.to_owned();
    }
    // Look at the text without closing markup (`**…**`).
    let body = text.trim_end_matches('*').trim_end();
    let closing = &text[body.len()..];
    if body.ends_with(end_mark) || body.ends_with("./.") {
        return text.to_owned();
    }
    let stem = body.trim_end_matches(['.', ';', ',', ':']);
    if stem.len() + 1 < body.len() && body.ends_with("...") {
        // An ellipsis is part of the text: keep it, then the mark.
        return format!("{body}{closing}{}", end_mark.trim_start_matches('.'));
    }
    format!("{stem}{closing}{end_mark}")
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
pub(crate) fn strip_markup(s: &str) -> String {
    inline(s).into_iter().map(|s| s.text).collect()
}

/// Inline runs. A delimiter opens only if it is followed by a non-space and a matching
/// closer follows; otherwise it is a literal asterisk.
pub(crate) fn inline(s: &str) -> Vec<Span> {
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
    fn headings_by_numbering() {
        assert_eq!(heading("I. MỤC ĐÍCH, YÊU CẦU"), Some((0, 2)));
        assert_eq!(heading("III- TỔ CHỨC THỰC HIỆN"), Some((0, 4)));
        assert_eq!(heading("1. Mục đích"), Some((1, 2)));
        assert_eq!(heading("2- Tuyên truyền"), Some((1, 2)));
        assert_eq!(heading("1.1- Hình thức"), Some((2, 4)));
        assert_eq!(heading("1.1. Hình thức"), Some((2, 4)));
        assert_eq!(heading("a) Đối với"), Some((3, 2)));
        assert_eq!(heading("Thực hiện Chỉ thị"), None);
        assert_eq!(heading("2025 - 2030 là"), None);
        assert_eq!(heading("Việc tổ chức"), None);
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
    fn end_mark_is_not_doubled() {
        assert_eq!(with_end_mark("thực hiện./.", "./."), "thực hiện./.");
        assert_eq!(with_end_mark("thực hiện.", "./."), "thực hiện./.");
        assert_eq!(with_end_mark("thực hiện", "./."), "thực hiện./.");
        assert_eq!(with_end_mark("thực hiện.", "."), "thực hiện.");
        assert_eq!(with_end_mark("thực hiện;", "."), "thực hiện.");
        assert_eq!(with_end_mark("**thực hiện**", "./."), "**thực hiện**./.");
    }
}
