//! Writing WordprocessingML by hand: escaping, units and the few paragraph, run and table
//! shapes the export uses.
//!
//! The parts are small and their shape is fixed, so they are written as text rather than
//! through an XML library; everything a clerk typed goes through [`escape`], which is the one
//! place that decides what may appear in the XML.

use std::fmt::Write as _;

use vanthu_pdf::{Mm, Pt};

/// Twentieths of a point per millimetre (1 mm = 72 / 25.4 pt).
const TWIPS_PER_MM: f32 = 56.692_914;

/// A length in twentieths of a point, the unit of Word's page, indent and spacing values.
pub(crate) fn twips(mm: Mm) -> i64 {
    (mm.0 * TWIPS_PER_MM).round() as i64
}

pub(crate) fn twips_pt(pt: Pt) -> i64 {
    (pt.0 * 20.0).round() as i64
}

/// A type size in half-points (`w:sz`).
pub(crate) fn half_points(size: Pt) -> i64 {
    (size.0 * 2.0).round() as i64
}

/// Appends `text` escaped for XML character data and attribute values. Characters XML 1.0
/// cannot carry at all (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) are
/// dropped: a stray control character from a pasted text must not make the file unreadable.
pub(crate) fn escape(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

pub(crate) fn escaped(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    escape(&mut s, text);
    s
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RunStyle {
    pub size: Pt,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl RunStyle {
    pub fn of(style: vanthu_pdf::TextStyle) -> RunStyle {
        RunStyle {
            size: style.size,
            bold: style.face.is_bold(),
            italic: style.face.is_italic(),
            underline: false,
        }
    }

    fn write(&self, out: &mut String) {
        out.push_str("<w:rPr>");
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        let hp = half_points(self.size);
        let _ = write!(out, "<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>");
        if self.underline {
            out.push_str("<w:u w:val=\"single\"/>");
        }
        out.push_str("</w:rPr>");
    }
}

/// A run: TABs become `w:tab`, line breaks `w:br`; spaces are kept as typed.
pub(crate) fn run(out: &mut String, text: &str, style: RunStyle) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    style.write(out);
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        let mut first_piece = true;
        for piece in line.split('\t') {
            if !first_piece {
                out.push_str("<w:tab/>");
            }
            first_piece = false;
            if !piece.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                escape(out, piece.trim_end_matches('\r'));
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Align {
    #[default]
    Left,
    Centre,
    Justify,
}

/// A solid border line of a paragraph side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Border {
    pub thickness: Pt,
    /// Distance to the text, in whole points (Word's unit for it).
    pub space: Pt,
}

impl Border {
    fn write(&self, out: &mut String, side: &str) {
        // `w:sz` is in eighths of a point; Word draws 2 (¼ pt) to 96 (12 pt).
        let sz = (self.thickness.0 * 8.0).round().clamp(2.0, 96.0) as i64;
        let space = self.space.0.round().max(0.0) as i64;
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"{sz}\" w:space=\"{space}\" w:color=\"000000\"/>"
        );
    }
}

/// The paragraph properties the export sets. Lengths are in the units a profile uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Para {
    pub align: Align,
    /// Exact line height (`w:lineRule="exact"`); `None`: single.
    pub line: Option<Pt>,
    pub before: Pt,
    pub after: Pt,
    pub left: Mm,
    pub right: Mm,
    /// Positive: first-line indent; negative: hanging indent.
    pub first_line: Mm,
    pub keep_next: bool,
    pub bottom_border: Option<Border>,
    /// A border on all four sides (a boxed stamp).
    pub boxed: Option<Border>,
    /// Size of the paragraph mark, which sets the height of an empty paragraph.
    pub mark_size: Option<Pt>,
}

impl Para {
    pub fn open(&self, out: &mut String) {
        out.push_str("<w:p><w:pPr>");
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.boxed.is_some() || self.bottom_border.is_some() {
            out.push_str("<w:pBdr>");
            if let Some(b) = self.boxed {
                b.write(out, "top");
                b.write(out, "left");
                b.write(out, "bottom");
                b.write(out, "right");
            } else if let Some(b) = self.bottom_border {
                b.write(out, "bottom");
            }
            out.push_str("</w:pBdr>");
        }
        let _ = write!(
            out,
            "<w:spacing w:before=\"{}\" w:after=\"{}\"",
            twips_pt(self.before).max(0),
            twips_pt(self.after).max(0)
        );
        match self.line {
            Some(line) => {
                let _ = write!(
                    out,
                    " w:line=\"{}\" w:lineRule=\"exact\"/>",
                    twips_pt(line).max(1)
                );
            }
            None => out.push_str(" w:line=\"240\" w:lineRule=\"auto\"/>"),
        }
        let (left, right) = (twips(self.left), twips(self.right));
        let first = twips(self.first_line);
        if left != 0 || right != 0 || first != 0 {
            let _ = write!(out, "<w:ind w:left=\"{left}\" w:right=\"{right}\"");
            if first > 0 {
                let _ = write!(out, " w:firstLine=\"{first}\"");
            } else if first < 0 {
                let _ = write!(out, " w:hanging=\"{}\"", -first);
            }
            out.push_str("/>");
        }
        let jc = match self.align {
            Align::Left => "left",
            Align::Centre => "center",
            Align::Justify => "both",
        };
        let _ = write!(out, "<w:jc w:val=\"{jc}\"/>");
        if let Some(size) = self.mark_size {
            let hp = half_points(size);
            let _ = write!(
                out,
                "<w:rPr><w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/></w:rPr>"
            );
        }
        out.push_str("</w:pPr>");
    }

    pub fn close(out: &mut String) {
        out.push_str("</w:p>");
    }

    /// A paragraph of one run.
    pub fn text(&self, out: &mut String, text: &str, style: RunStyle) {
        let mut p = self.clone();
        p.mark_size.get_or_insert(style.size);
        p.open(out);
        run(out, text, style);
        Para::close(out);
    }
}

/// A borderless table of one or more rows with fixed column widths and no cell padding, so
/// that the columns are exactly the header's and closing block's columns.
pub(crate) fn table_open(out: &mut String, widths: &[i64]) {
    let total: i64 = widths.iter().sum();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
         <w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblBorders>"
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(out, "<w:{side} w:val=\"nil\"/>");
    }
    out.push_str(
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
         <w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/>\
         </w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" \
         w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
    );
    for w in widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
}

pub(crate) fn table_close(out: &mut String) {
    out.push_str("</w:tbl>");
}

/// Opens a row; `whole`: the row may not break across pages.
pub(crate) fn row_open(out: &mut String, whole: bool) {
    out.push_str("<w:tr>");
    if whole {
        out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
    }
}

pub(crate) fn row_close(out: &mut String) {
    out.push_str("</w:tr>");
}

/// Writes a cell of `width` twips; `content` must write at least one paragraph (Word's rule).
pub(crate) fn cell(out: &mut String, width: i64, content: impl FnOnce(&mut String)) {
    let _ = write!(
        out,
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
    );
    let start = out.len();
    content(out);
    if !out[start..].contains("<w:p>") {
        Para::default().open(out);
        Para::close(out);
    }
    out.push_str("</w:tc>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_controls_dropped() {
        assert_eq!(
            escaped("a < b & \"c\" 'd' > e\u{1}\u{b}"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e"
        );
    }

    #[test]
    fn lengths_in_word_units() {
        assert_eq!(twips(Mm(210.0)), 11906);
        assert_eq!(twips(Mm(20.0)), 1134);
        assert_eq!(twips_pt(Pt(18.0)), 360);
        assert_eq!(half_points(Pt(14.0)), 28);
    }

    #[test]
    fn a_run_keeps_spaces_and_turns_tabs_into_tab_elements() {
        let mut s = String::new();
        let style = RunStyle {
            size: Pt(14.0),
            bold: true,
            italic: false,
            underline: false,
        };
        run(&mut s, "-\tSố  <1>", style);
        assert!(s.contains("<w:b/>"), "{s}");
        assert!(s.contains("<w:tab/>"), "{s}");
        assert!(s.contains(">Số  &lt;1&gt;</w:t>"), "{s}");
    }
}
