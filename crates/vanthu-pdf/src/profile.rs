//! The two layouts as data.
//!
//! Everything that differs between a Party document (Hướng dẫn 36-HD/VPTW) and a State
//! document (Nghị định 30/2020/NĐ-CP) is a field of [`Profile`]; the layout code reads the
//! fields and never asks which regulation it is laying out. Items the spec marks UNCONFIRMED
//! (or lists in its §5) are fields too, with the spec's default, so an office can change them
//! — for instance to the reported 2026 Party rules (end mark ".", exact 19 pt lines) — without
//! a new program.

use serde::{Deserialize, Serialize};

use crate::units::{Mm, Pt};

/// The face of a text: the four faces of the serif family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn new(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub fn is_bold(self) -> bool {
        matches!(self, Face::Bold | Face::BoldItalic)
    }

    pub fn is_italic(self) -> bool {
        matches!(self, Face::Italic | Face::BoldItalic)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Size and face of one element.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TextStyle {
    pub size: Pt,
    pub face: Face,
}

impl TextStyle {
    pub const fn new(size: f32, face: Face) -> TextStyle {
        TextStyle {
            size: Pt(size),
            face,
        }
    }
}

/// What separates two parts of the page: a printed string (`*`, `-----`) or a solid rule as
/// long as a fraction of the line above it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Separator {
    Text { text: String, style: TextStyle },
    Rule { fraction: f32 },
}

/// One line of the top-right header (`ĐẢNG CỘNG SẢN VIỆT NAM`; Quốc hiệu, Tiêu ngữ).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderLine {
    pub text: String,
    pub style: TextStyle,
}

/// How a heading level of the body is set (`I.`, `1.`, `1.1.`, `a)`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HeadingStyle {
    pub bold: bool,
    pub italic: bool,
}

/// A stamp-like mark (độ mật, độ khẩn, draft marker).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MarkStyle {
    pub style: TextStyle,
    /// Drawn inside a single-border rectangle (NĐ 30 Phụ lục I III.2.b).
    pub boxed: bool,
}

/// A complete layout profile. See the spec tables (§1.3 Party, §2.3 State) for the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// How the profile is named in messages.
    pub name: String,

    // ---- page
    pub page_width: Mm,
    pub page_height: Mm,
    pub margin_top: Mm,
    pub margin_bottom: Mm,
    pub margin_left: Mm,
    pub margin_right: Mm,

    // ---- header
    /// Share of the text width taken by the left header column (the rest is the right one).
    pub header_split: f32,
    /// Single line spacing of the header and closing block, as a multiple of the type size.
    pub single_line: f32,
    /// Lines at the top right; the last one is underlined by a rule exactly its width.
    pub national: Vec<HeaderLine>,
    /// Gap from the baseline of a line to a rule drawn under it.
    pub rule_gap: Mm,
    pub rule_thickness: Pt,
    pub parent: TextStyle,
    pub issuer: TextStyle,
    /// Under the issuer: `*` (Party) or a rule of 1/3–1/2 of the issuer's line (State).
    pub issuer_separator: Separator,
    /// Extra space between the separator and the number line (baseline to baseline, on top of
    /// one single line).
    pub number_gap: Mm,
    /// `Số ` (Party) or `Số: ` (State).
    pub number_prefix: String,
    pub number: TextStyle,
    /// What stands for the number and the day and month of a draft.
    pub blank: String,
    pub place_date: TextStyle,
    /// Trích yếu of a công văn, under the number.
    pub summary: TextStyle,
    /// `V/v ` before a công văn's trích yếu, or empty.
    pub summary_prefix: String,
    /// Space between the number line and the công văn trích yếu (State: 6 pt).
    pub summary_gap: Pt,
    pub secrecy: MarkStyle,
    pub urgency: MarkStyle,
    /// Printed on drafts (empty: no marker).
    pub draft_marker: String,
    pub draft: MarkStyle,

    // ---- title block
    /// Space between the header and the type name.
    pub title_gap: Mm,
    pub kind_name: TextStyle,
    pub title: TextStyle,
    /// Widest line of a wrapped trích yếu.
    pub title_max_width: Mm,
    /// `-----` (Party) or a rule (State) under the trích yếu.
    pub title_separator: Separator,
    /// Space between the title block and the body.
    pub body_gap: Mm,

    // ---- body
    pub body: TextStyle,
    /// Exact line spacing of the body.
    pub line_spacing: Pt,
    /// Space after each paragraph.
    pub paragraph_spacing: Pt,
    pub first_line_indent: Mm,
    /// Hanging indent of `-` items: text starts this far after the dash.
    pub item_hang: Mm,
    /// `I.`, `1.`, `1.1.`, `a)`.
    pub headings: [HeadingStyle; 4],
    /// Appended to the last paragraph of the body (`./.`; the 2026 Party rules: `.`).
    pub end_mark: String,
    /// Page numbers from this page on (1-based).
    pub page_number_from: u32,
    pub page_number: TextStyle,
    /// Distance from the top edge of the paper to the top of the page number.
    pub page_number_top: Mm,

    // ---- closing block
    /// Space between the last body line and the closing block.
    pub closing_gap: Mm,
    /// Share of the text width for Nơi nhận (the signature is centred in the rest).
    pub closing_split: f32,
    pub recipients_label: String,
    pub recipients_label_style: TextStyle,
    pub recipients_label_underline: bool,
    pub recipient: TextStyle,
    /// Line spacing of the recipient list, as a multiple of its size.
    pub recipient_line: f32,
    /// Ends every recipient line but the last (`,` Party; `;` State).
    pub recipient_end: String,
    /// Ends the archive line (`.`).
    pub archive_end: String,
    pub authority: TextStyle,
    pub position: TextStyle,
    pub signer: TextStyle,
    /// Baseline of the last title line to the baseline of the signer's name.
    pub signature_space: Mm,
}

impl Profile {
    /// Văn bản của Đảng: Hướng dẫn 36-HD/VPTW (spec §1).
    pub fn party() -> Profile {
        use Face::*;
        Profile {
            name: "Đảng (36-HD/VPTW)".into(),
            page_width: Mm(210.0),
            page_height: Mm(297.0),
            margin_top: Mm(20.0),
            margin_bottom: Mm(20.0),
            margin_left: Mm(30.0),
            margin_right: Mm(15.0),
            header_split: 0.4,
            single_line: 1.15,
            national: vec![HeaderLine {
                text: "ĐẢNG CỘNG SẢN VIỆT NAM".into(),
                style: TextStyle::new(15.0, Bold),
            }],
            rule_gap: Mm(2.2),
            rule_thickness: Pt(0.6),
            parent: TextStyle::new(14.0, Regular),
            issuer: TextStyle::new(14.0, Bold),
            issuer_separator: Separator::Text {
                text: "*".into(),
                style: TextStyle::new(14.0, Regular),
            },
            number_gap: Mm(0.0),
            number_prefix: "Số ".into(),
            number: TextStyle::new(14.0, Regular),
            blank: "      ".into(),
            place_date: TextStyle::new(14.0, Italic),
            summary: TextStyle::new(12.0, Italic),
            summary_prefix: String::new(),
            summary_gap: Pt(2.0),
            secrecy: MarkStyle {
                style: TextStyle::new(14.0, Bold),
                boxed: false,
            },
            urgency: MarkStyle {
                style: TextStyle::new(14.0, Bold),
                boxed: false,
            },
            draft_marker: "Dự thảo".into(),
            draft: MarkStyle {
                style: TextStyle::new(14.0, Italic),
                boxed: false,
            },
            title_gap: Mm(8.0),
            kind_name: TextStyle::new(16.0, Bold),
            title: TextStyle::new(14.0, Bold),
            title_max_width: Mm(140.0),
            title_separator: Separator::Text {
                text: "-----".into(),
                style: TextStyle::new(14.0, Regular),
            },
            body_gap: Mm(4.0),
            body: TextStyle::new(14.0, Regular),
            line_spacing: Pt(18.0),
            paragraph_spacing: Pt(6.0),
            first_line_indent: Mm(10.0),
            item_hang: Mm(5.0),
            headings: [
                HeadingStyle {
                    bold: true,
                    italic: false,
                },
                HeadingStyle {
                    bold: true,
                    italic: false,
                },
                HeadingStyle {
                    bold: true,
                    italic: true,
                },
                HeadingStyle {
                    bold: false,
                    italic: true,
                },
            ],
            end_mark: "./.".into(),
            page_number_from: 2,
            page_number: TextStyle::new(14.0, Regular),
            page_number_top: Mm(10.0),
            closing_gap: Mm(6.0),
            closing_split: 0.4,
            recipients_label: "Nơi nhận:".into(),
            recipients_label_style: TextStyle::new(14.0, Regular),
            recipients_label_underline: true,
            recipient: TextStyle::new(12.0, Regular),
            recipient_line: 1.15,
            recipient_end: ",".into(),
            archive_end: ".".into(),
            authority: TextStyle::new(14.0, Bold),
            position: TextStyle::new(14.0, Regular),
            signer: TextStyle::new(14.0, Bold),
            signature_space: Mm(30.0),
        }
    }

    /// Văn bản hành chính: Nghị định 30/2020/NĐ-CP, Phụ lục I (spec §2).
    pub fn state() -> Profile {
        use Face::*;
        Profile {
            name: "Hành chính (NĐ 30/2020)".into(),
            national: vec![
                HeaderLine {
                    text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
                    style: TextStyle::new(12.0, Bold),
                },
                HeaderLine {
                    text: "Độc lập - Tự do - Hạnh phúc".into(),
                    style: TextStyle::new(13.0, Bold),
                },
            ],
            parent: TextStyle::new(13.0, Regular),
            issuer: TextStyle::new(13.0, Bold),
            issuer_separator: Separator::Rule { fraction: 0.4 },
            number_gap: Mm(2.0),
            number_prefix: "Số: ".into(),
            number: TextStyle::new(13.0, Regular),
            place_date: TextStyle::new(14.0, Italic),
            summary: TextStyle::new(12.0, Regular),
            summary_prefix: "V/v ".into(),
            summary_gap: Pt(6.0),
            secrecy: MarkStyle {
                style: TextStyle::new(13.0, Bold),
                boxed: true,
            },
            urgency: MarkStyle {
                style: TextStyle::new(13.0, Bold),
                boxed: true,
            },
            draft_marker: "DỰ THẢO".into(),
            draft: MarkStyle {
                style: TextStyle::new(13.0, Bold),
                boxed: true,
            },
            kind_name: TextStyle::new(14.0, Bold),
            title: TextStyle::new(14.0, Bold),
            title_separator: Separator::Rule { fraction: 0.4 },
            recipients_label: "Nơi nhận:".into(),
            recipients_label_style: TextStyle::new(12.0, BoldItalic),
            recipients_label_underline: false,
            recipient: TextStyle::new(11.0, Regular),
            recipient_line: 1.1,
            recipient_end: ";".into(),
            position: TextStyle::new(14.0, Bold),
            ..Profile::party()
        }
    }

    pub fn text_width(&self) -> Mm {
        self.page_width - self.margin_left - self.margin_right
    }

    pub fn text_left(&self) -> Mm {
        self.margin_left
    }

    pub fn text_right(&self) -> Mm {
        self.page_width - self.margin_right
    }

    /// The centre of the text area.
    pub fn text_centre(&self) -> Mm {
        (self.text_left() + self.text_right()) / 2.0
    }

    /// Left and right edge of the left header column.
    pub fn header_left(&self) -> (Mm, Mm) {
        let split = self.margin_left + self.text_width() * self.header_split;
        (self.margin_left, split)
    }

    /// Left and right edge of the right header column.
    pub fn header_right(&self) -> (Mm, Mm) {
        (self.header_left().1, self.text_right())
    }

    /// Left and right edge of the signature column.
    pub fn signature_column(&self) -> (Mm, Mm) {
        let split = self.margin_left + self.text_width() * self.closing_split;
        (split, self.text_right())
    }

    /// The lowest point text may reach.
    pub fn text_bottom(&self) -> Mm {
        self.page_height - self.margin_bottom
    }
}
