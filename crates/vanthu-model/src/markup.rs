//! The body's light markup (DESIGN.md), read in one place for every consumer.
//!
//! A body is stored as the clerk typed or the importer found it: blocks separated by blank
//! lines, `**bold**`, `*italic*` and `__underlined__` runs, list items opened by `- `, `– `,
//! `• ` (depth 0) or `+ ` (depth 1), and headings recognised by their numbering alone —
//! `I.`/`I-` (level 0), `1.`/`1-`/`1)` (level 1), `1.1.`/`1.1-`/`1.1` (level 2), `a)` (level 3)
//! — followed by a space or by the end of the line (`II.` alone, the title on the next line).
//! The numbering is text and is printed as typed; only the styling of a level comes from the
//! layout profile.
//!
//! The three marks switch independently, so they nest (`__**Lưu ý:**__`, `**a __b__ c**`).
//! `*` and `**` mark a run when the opener is followed by a non-space and a closer preceded
//! by a non-space comes later (`5 * 3` stays text). Underscores appear in real text far more
//! than asterisks — signature and fill-in lines (`________`, `ngày __ tháng __`,
//! `Số: __/QĐ-UBND`), file names (`ke_hoach_2025.docx`) — so `__` is stricter: only a run of
//! exactly two underscores is a delimiter (`_` and `___…` are always text); it opens when the
//! character after it starts a word (a letter, a digit, `*`, an opening bracket or quote) and
//! a closer follows; it closes when the character before it ends one (a letter, a digit, `*`,
//! a closing bracket or quote, or `.` `,` `:` `;` `!` `?` `…` `%`). So `__/__/2025` and
//! `ngày __ tháng` are blanks, not marks. [`compose`] writes spans back in this grammar, the
//! marks' edges moved inward past what may not border them.
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
    pub underline: bool,
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
    let plain = after_openers(&plain).trim_start();
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
    // Every rule below looks at the first word and the char after it, no further (a label
    // ends at whitespace or the end of the line): a long line is not decoded whole.
    let mut chars: Vec<char> = Vec::new();
    for c in plain.chars() {
        chars.push(c);
        if c.is_whitespace() {
            break;
        }
    }
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
/// (`làm…` → `làm…/.`). Closing marks stay before the mark (`**thực hiện**./.`,
/// `__thực hiện__./.`).
///
/// An empty `end_mark` (a profile that prints none) only takes a typed `./.` back to its full
/// stop; the text is otherwise left as typed.
pub fn with_end_mark(text: &str, end_mark: &str) -> String {
    // Look at the text without closing markup (`**…**`, `__…__`).
    let body = before_closers(text).trim_end();
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
        let rest = after_openers(raw)
            .get(marker.len()..)
            .map(str::trim_start)
            .unwrap_or_default();
        let lead = &raw[..raw.len() - after_openers(raw).len()];
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

/// The text without its `**`, `*` and `__` delimiters (those that pair up).
pub fn strip_markup(s: &str) -> String {
    if !s.contains('*') && !s.contains('_') {
        // No delimiter at all, as in most lines: nothing to read.
        return s.to_owned();
    }
    inline(s).into_iter().map(|s| s.text).collect()
}

/// Inline runs. A delimiter opens only if it may border the text after it and a matching
/// closer follows; otherwise it is literal text (`5 * 3`, `________`, `__/__/2025`); see the
/// module's documentation for the rules.
pub fn inline(s: &str) -> Vec<Span> {
    let chars: Vec<char> = s.chars().collect();
    let closers = Closers::of(&chars);
    let mut spans: Vec<Span> = Vec::new();
    let mut text = String::new();
    let mut on = Marks::default();
    let mut i = 0;
    let flush = |text: &mut String, spans: &mut Vec<Span>, on: Marks| {
        if !text.is_empty() {
            spans.push(Span {
                text: std::mem::take(text),
                bold: on.bold,
                italic: on.italic,
                underline: on.underline,
                heading: false,
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '*' {
            let double = chars.get(i + 1) == Some(&'*');
            let len = if double { 2 } else { 1 };
            let open = if double { on.bold } else { on.italic };
            let prev_space = i == 0 || chars[i - 1].is_whitespace();
            let next_space = chars.get(i + len).is_none_or(|c| c.is_whitespace());
            let toggles = if open {
                !prev_space
            } else {
                !next_space && closers.star_after(&chars, i + len, double)
            };
            if toggles {
                flush(&mut text, &mut spans, on);
                if double {
                    on.bold = !on.bold;
                } else {
                    on.italic = !on.italic;
                }
                i += len;
                continue;
            }
        }
        if c == '_' {
            // A run of underscores is read whole: only one of exactly two is a delimiter.
            let run = chars[i..].iter().take_while(|&&c| c == '_').count();
            let toggles = run == 2
                && if on.underline {
                    i > 0 && may_end_underline(chars[i - 1])
                } else {
                    chars.get(i + 2).is_some_and(|&c| may_start_underline(c))
                        && closers.underline_after(i + 2)
                };
            if toggles {
                flush(&mut text, &mut spans, on);
                on.underline = !on.underline;
            } else {
                text.extend(&chars[i..i + run]);
            }
            i += run;
            continue;
        }
        text.push(c);
        i += 1;
    }
    flush(&mut text, &mut spans, on);
    spans
}

/// Writes spans back as marked-up text: the inverse of [`inline`] (`compose(&inline(s)) == s`
/// for text marked up as this writes it). A mark opens where a span starts having it and
/// closes where one stops; spaces at a mark's edges go outside it (`** a **` would not be
/// bold), and so does what may not border an underline (`- __Một__`). An underline around
/// nothing that may border it (`__-__`) is left out. Underline opens outermost, then bold,
/// then italic (`__***x***__`); [`Span::heading`] is layout's and not written.
pub fn compose(spans: &[Span]) -> String {
    let mut out = String::new();
    let mut open: Vec<Mark> = Vec::new();
    for span in spans.iter().filter(|s| !s.text.is_empty()) {
        let text = span.text.as_str();
        let mut wanted: Vec<Mark> = Mark::ALL.into_iter().filter(|m| m.of(span)).collect();
        if text.trim().is_empty() {
            // Spaces never open a mark: one that is open stays open over them.
            wanted.retain(|m| open.contains(m));
        } else if !open.contains(&Mark::Underline) && underlinable(text).is_none() {
            wanted.retain(|&m| m != Mark::Underline);
        }
        close_marks(&mut out, &mut open, |m| !wanted.contains(&m));
        let opening: Vec<Mark> = wanted.into_iter().filter(|m| !open.contains(m)).collect();
        if opening.is_empty() {
            out.push_str(text);
            continue;
        }
        let lead = if opening.contains(&Mark::Underline) {
            underlinable(text).map_or(0, |(start, _)| start)
        } else {
            text.len() - text.trim_start().len()
        };
        out.push_str(&text[..lead]);
        for m in opening {
            out.push_str(m.delimiter());
            open.push(m);
        }
        out.push_str(&text[lead..]);
    }
    close_marks(&mut out, &mut open, |_| true);
    out
}

/// The marks a run of text is in.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    bold: bool,
    italic: bool,
    underline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Underline,
    Bold,
    Italic,
}

impl Mark {
    /// In the order [`compose`] opens them, outermost first.
    const ALL: [Mark; 3] = [Mark::Underline, Mark::Bold, Mark::Italic];

    fn delimiter(self) -> &'static str {
        match self {
            Mark::Underline => "__",
            Mark::Bold => "**",
            Mark::Italic => "*",
        }
    }

    fn of(self, span: &Span) -> bool {
        match self {
            Mark::Underline => span.underline,
            Mark::Bold => span.bold,
            Mark::Italic => span.italic,
        }
    }
}

/// Closes the open marks that `closes` picks, innermost first, each after the text it covers:
/// trailing spaces (and, for an underline, what may not end one) move out past the closer.
/// The others stay open: the marks switch independently, so they need not nest
/// (`***a**b*` is bold italic `a`, then italic `b`).
fn close_marks(out: &mut String, open: &mut Vec<Mark>, closes: impl Fn(Mark) -> bool) {
    for i in (0..open.len()).rev() {
        let mark = open[i];
        if !closes(mark) {
            continue;
        }
        open.remove(i);
        let keep = match mark {
            Mark::Underline => out
                .char_indices()
                .rev()
                .find(|&(_, c)| may_end_underline(c))
                .map_or(out.len(), |(i, c)| i + c.len_utf8()),
            _ => out.trim_end().len(),
        };
        let tail = out.split_off(keep);
        out.push_str(mark.delimiter());
        out.push_str(&tail);
    }
}

/// The byte range of `text` an underline can cover: from the first character that may start
/// one to the end of the last that may end one.
fn underlinable(text: &str) -> Option<(usize, usize)> {
    let start = text.find(may_start_underline)?;
    let (last, c) = text
        .char_indices()
        .rev()
        .find(|&(_, c)| may_end_underline(c))?;
    let end = last + c.len_utf8();
    (start < end).then_some((start, end))
}

/// May the text of an underline begin with `c` (`__Lưu`, `__**Lưu**`, `__(a)`)?
fn may_start_underline(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '*' | '(' | '[' | '"' | '\'' | '“' | '‘' | '«')
}

/// May the text of an underline end with `c` (`ý__`, `ý:__`, `**__`, `(a)__`)?
fn may_end_underline(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '*' | ')'
                | ']'
                | '"'
                | '\''
                | '”'
                | '’'
                | '»'
                | '.'
                | ','
                | ':'
                | ';'
                | '!'
                | '?'
                | '…'
                | '%'
        )
}

/// Where a closer could stand, found once per text: each `*` run's closing tokens and each
/// `__` that may end an underline. Asking "is there a closer after here?" for every opener by
/// scanning to the end made a text full of unclosed `*` take minutes; this answers each in
/// logarithmic time, with the same answers the scan gave.
struct Closers {
    /// Star runs: start, length, and whether a double / a single closer follows from this run
    /// on (this run or a later one).
    runs: Vec<(usize, usize, bool, bool)>,
    /// Positions of `__` that may close an underline, ascending.
    underlines: Vec<usize>,
}

impl Closers {
    fn of(chars: &[char]) -> Closers {
        let mut runs = Vec::new();
        let mut underlines = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != '*' && c != '_' {
                i += 1;
                continue;
            }
            let len = chars[i..].iter().take_while(|&&x| x == c).count();
            if c == '*' {
                runs.push((i, len, false, false));
            } else if len == 2 && i > 0 && may_end_underline(chars[i - 1]) {
                underlines.push(i);
            }
            i += len;
        }
        // From the last run back: a run read from its start is doubles, then a single if odd.
        let (mut double_after, mut single_after) = (false, false);
        for run in runs.iter_mut().rev() {
            let (start, len, ..) = *run;
            let first_valid = start > 0 && !chars[start - 1].is_whitespace();
            // The first token is valid after a non-space; later ones follow a `*`.
            let doubles = len / 2;
            double_after |= doubles >= 2 || (doubles == 1 && first_valid);
            single_after |= len % 2 == 1 && (len > 1 || first_valid);
            run.2 = double_after;
            run.3 = single_after;
        }
        Closers { runs, underlines }
    }

    /// Whether a `*` (or `**` when `double`) closer follows `from`, read as a scan from `from`
    /// reads the runs: the run `from` stands in from there, every later run from its start.
    fn star_after(&self, chars: &[char], from: usize, double: bool) -> bool {
        let mut i = from;
        while i < chars.len() && chars[i] == '*' {
            let is_double = chars.get(i + 1) == Some(&'*');
            if is_double == double && i > from && !chars[i - 1].is_whitespace() {
                return true;
            }
            i += if is_double { 2 } else { 1 };
        }
        let next = self.runs.partition_point(|r| r.0 < i);
        self.runs
            .get(next)
            .is_some_and(|r| if double { r.2 } else { r.3 })
    }

    /// Whether a `__` that may end an underline stands at or after `from`.
    fn underline_after(&self, from: usize) -> bool {
        self.underlines.partition_point(|&p| p < from) < self.underlines.len()
    }
}

/// `s` after the delimiters that open it (`**`, `*`, `__`): emphasis opened before a number
/// (`**1. Hình thức**`), even if left unclosed on its line, does not hide the number.
fn after_openers(s: &str) -> &str {
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("__").filter(|r| !r.starts_with('_')) {
            rest = r;
        } else if let Some(r) = rest.strip_prefix('*') {
            rest = r;
        } else {
            return rest;
        }
    }
}

/// `s` before the delimiters that close it (`**`, `*`, `__` after a character that may end an
/// underline): `__thực hiện__` → `__thực hiện`, while a blank line `ký: ____` keeps its
/// underscores.
fn before_closers(s: &str) -> &str {
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_suffix("__").filter(|r| {
            r.chars()
                .next_back()
                .is_some_and(|c| c != '_' && may_end_underline(c))
        }) {
            rest = r;
        } else if let Some(r) = rest.strip_suffix('*') {
            rest = r;
        } else {
            return rest;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan [`Closers`] replaced, kept to check it gives the same answers.
    fn scanned_star(chars: &[char], from: usize, double: bool) -> bool {
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

    fn scanned_underline(chars: &[char], from: usize) -> bool {
        let mut i = from;
        while i < chars.len() {
            if chars[i] == '_' {
                let run = chars[i..].iter().take_while(|&&c| c == '_').count();
                if run == 2 && i > 0 && may_end_underline(chars[i - 1]) {
                    return true;
                }
                i += run;
            } else {
                i += 1;
            }
        }
        false
    }

    #[test]
    fn closers_found_once_answer_as_the_scan_from_every_place() {
        // Every text of up to 7 characters from `*`, `_`, a space and a letter.
        let alphabet = ['*', '_', ' ', 'a'];
        for len in 0..=7u32 {
            for code in 0..4usize.pow(len) {
                let chars: Vec<char> = (0..len)
                    .map(|k| alphabet[code / 4usize.pow(k) % 4])
                    .collect();
                let closers = Closers::of(&chars);
                for from in 0..=chars.len() {
                    for double in [false, true] {
                        assert_eq!(
                            closers.star_after(&chars, from, double),
                            scanned_star(&chars, from, double),
                            "{chars:?} from {from} double {double}"
                        );
                    }
                    if from == 0 || chars.get(from) != Some(&'_') {
                        assert_eq!(
                            closers.underline_after(from),
                            scanned_underline(&chars, from),
                            "{chars:?} from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_text_full_of_unclosed_stars_reads_in_one_pass() {
        // 200,000 openers and no closer: each answered without reading to the end.
        let text = "*chi ".repeat(200_000);
        let spans = inline(&text);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].text, text);
    }

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
        assert!(starts_block("__1.1. Hình thức__"));
        assert!(starts_block("__**II. NỘI DUNG"), "underline left open");
        assert!(!starts_block("____ 1. không phải đề mục"));
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

    /// (text, bold, italic, underline) of each run.
    fn styled(s: &str) -> Vec<(String, bool, bool, bool)> {
        inline(s)
            .into_iter()
            .map(|s| (s.text, s.bold, s.italic, s.underline))
            .collect()
    }

    #[test]
    fn underline_runs_and_how_they_nest_with_bold_and_italic() {
        let t = |s: &str| s.to_owned();
        assert_eq!(
            styled("Đề nghị __các chi bộ__ báo cáo __**trước ngày 31/5**__."),
            [
                (t("Đề nghị "), false, false, false),
                (t("các chi bộ"), false, false, true),
                (t(" báo cáo "), false, false, false),
                (t("trước ngày 31/5"), true, false, true),
                (t("."), false, false, false),
            ]
        );
        assert_eq!(
            styled("**a __b__ c** và *__d__* __***e***__"),
            [
                (t("a "), true, false, false),
                (t("b"), true, false, true),
                (t(" c"), true, false, false),
                (t(" và "), false, false, false),
                (t("d"), false, true, true),
                (t(" "), false, false, false),
                (t("e"), true, true, true),
            ]
        );
        assert_eq!(
            styled("__Lưu ý:__ nộp (__bản chính__)"),
            [
                (t("Lưu ý:"), false, false, true),
                (t(" nộp ("), false, false, false),
                (t("bản chính"), false, false, true),
                (t(")"), false, false, false),
            ]
        );
        assert_eq!(strip_markup("__gạch chân__ và **đậm**"), "gạch chân và đậm");
    }

    #[test]
    fn underscores_in_real_text_stay_text() {
        for text in [
            "________________",
            "Người nhận: ____________ Chức vụ: ____________",
            "ngày __ tháng __ năm 20__",
            "Số: __/QĐ-UBND ngày __/__/2025",
            "Số: ____/KH-ĐU",
            "gửi tệp ke_hoach_2025.docx và bao_cao_quy_1.pdf",
            "tệp ke__hoach",
            "___Lưu ý___ ba gạch là chữ",
            "a _b_ c",
            "__ mở không có chữ liền sau__",
            "__chưa đóng",
        ] {
            assert_eq!(
                styled(text),
                [(text.to_owned(), false, false, false)],
                "{text:?} must print as typed, underscores and all"
            );
            assert_eq!(compose(&inline(text)), text, "{text:?} written back");
        }
    }

    #[test]
    fn marked_up_text_comes_back_from_its_spans() {
        for text in [
            "học tập **tại chi bộ** và *trước ngày 31/5*; 5 * 3",
            "Đề nghị __các chi bộ__ báo cáo __**trước ngày 31/5**__.",
            "**a __b__ c** và __d__ *e*",
            "__***Nơi nhận:***__",
            "__Lưu ý:__ nộp (__bản chính__) và __“bản sao”__",
            "Đảng__bộ__ khối",
            "ngày __ tháng __ năm 20__, __ký tên__ và ________",
            "__**I. MỤC ĐÍCH**__",
            "***Lưu ý**: nộp trước*, **tổng hợp __Văn phòng__**",
        ] {
            assert_eq!(compose(&inline(text)), text, "{text:?}");
        }
    }

    #[test]
    fn composed_marks_keep_spaces_and_what_may_not_border_them_outside() {
        let span = |text: &str, bold: bool, underline: bool| Span {
            text: text.to_owned(),
            bold,
            italic: false,
            underline,
            heading: false,
        };
        let cases = [
            (
                vec![
                    span("Mời ", false, false),
                    span(" các đồng chí ", false, true),
                ],
                "Mời  __các đồng chí__ ",
            ),
            (
                vec![span("- Một ", false, true), span("hai", false, false)],
                "- __Một__ hai",
            ),
            (
                vec![span("x", false, false), span(" - ", true, true)],
                "x **-** ",
            ),
            (
                vec![
                    span("Kính gửi ", false, false),
                    span("Ban ", true, true),
                    span("Thường vụ", false, true),
                ],
                "Kính gửi __**Ban** Thường vụ__",
            ),
        ];
        for (spans, want) in cases {
            let text = compose(&spans);
            assert_eq!(text, want);
            let plain: String = spans.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(
                strip_markup(&text),
                plain,
                "{text:?} prints the spans' text"
            );
        }
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
            ("__thực hiện__", "./.", "__thực hiện__./."),
            ("__**thực hiện.**__", "./.", "__**thực hiện**__./."),
            ("ký tên: ____", "./.", "ký tên: ____./."),
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
