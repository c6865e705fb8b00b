//! `word/document.xml`: the page as Word should set it, part by part as the PDF layout places
//! it (`vanthu_pdf::layout`): the header as a borderless two-column table, the title block,
//! one paragraph per body block, the closing as a borderless two-column table.
//!
//! Every size, distance and string comes from the [`Profile`]. What only measuring the text
//! can tell — how wide the rule under `ĐẢNG CỘNG SẢN VIỆT NAM` or the issuer is, where a
//! centred element breaks into lines, the text that stands in the number and date lines of a
//! draft, the hanging indent of a recipient line — is read from the PDF layout of the same
//! document, so both files agree. A centred element stays one paragraph, its lines joined by
//! soft line breaks (`w:br`, a space to a reader). The body is left to Word to wrap and
//! paginate: the file is meant to be edited.
//!
//! Vertical distances are kept as the PDF computes them by giving every line an exact height
//! (the profile's single spacing × the type size, or the body's line spacing); in a line of
//! exact height a word processor puts the baseline about [`BASELINE`] of the way down,
//! which is how the gaps measured from a baseline (the rules, the signature space) are
//! turned into paragraph spacing.

use vanthu_model::markup::{self, BlockKind};
use vanthu_model::{Document, Kind, Recipient, Status};
use vanthu_pdf::{
    Frame, MarkStyle, Mm, Page, Profile, Pt, Role, Rule, Separator, TextRun, TextStyle,
};

use crate::xml::{self, twips, Align, Border, Para, RunStyle};

/// Where the baseline sits in a line of exact height, as a share of the line from its top.
/// LibreOffice sets it a little lower than this, and the rules still land within 0.3 mm of
/// the PDF's; Word has not been measured.
const BASELINE: f32 = 0.8;

/// The space between the text and a boxed stamp's border, in whole points (Word's unit).
const BOX_SPACE: Pt = Pt(3.0);

/// Space around a stamp-like mark (as the PDF layout leaves it).
const MARK_GAP: Mm = Mm(1.5);

/// Inner padding of a boxed mark (as the PDF layout draws it).
const MARK_PAD: Mm = Mm(1.2);

/// Room left on each side of a centred line, so that a word processor measuring a hair wider
/// than the PDF does not wrap a line the PDF kept whole.
const SLACK: Mm = Mm(1.0);

/// The smallest line Word keeps for an empty paragraph that only carries a rule.
const HAIRLINE: Pt = Pt(1.0);

const NAMESPACES: &str =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// What the document part needs from the PDF layout of the same document.
pub(crate) struct Measured<'a> {
    first: &'a Page,
    last: &'a Page,
}

impl<'a> Measured<'a> {
    pub fn new(pages: &'a [Page]) -> Option<Measured<'a>> {
        Some(Measured {
            first: pages.first()?,
            last: pages.last()?,
        })
    }

    /// The lines of a header or title element as the PDF breaks them (one run per line).
    fn lines(&self, role: Role) -> Vec<&'a TextRun> {
        self.first.role(role)
    }

    /// The lines of a closing element (the signature column).
    fn closing_lines(&self, role: Role) -> Vec<&'a TextRun> {
        self.last.role(role)
    }

    fn rule(&self, role: Role) -> Option<&'a Rule> {
        self.first.rules().find(|r| r.role == role)
    }

    fn frame(&self, role: Role) -> Option<&'a Frame> {
        self.first.frames().find(|f| f.role == role)
    }

    /// Width of the recipient list's `- ` (its text hangs there).
    fn recipient_hang(&self) -> Option<Mm> {
        let runs = self.last.role(Role::Recipient);
        match runs.as_slice() {
            [marker, text, ..] if text.x.0 > marker.x.0 => Some(text.x - marker.x),
            _ => None,
        }
    }
}

/// Relationship ids of the header parts, as `word/_rels/document.xml.rels` names them.
pub(crate) const HEADER_ID: &str = "rIdHeaderPageNumber";
pub(crate) const FIRST_HEADER_ID: &str = "rIdHeaderFirst";

/// Whether page 1 has a header of its own (none): the page numbers start on page 2. Word can
/// leave only the first page unnumbered within one section; a profile numbering from page 3
/// on still gets numbers from page 2 in the .docx.
pub(crate) fn title_page(p: &Profile) -> bool {
    p.page_number_from >= 2
}

pub(crate) fn document_xml(doc: &Document, p: &Profile, m: &Measured) -> String {
    let mut out = String::with_capacity(32 * 1024 + doc.body.len() * 3);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str("<w:document ");
    out.push_str(NAMESPACES);
    out.push_str("><w:body>");
    let w = Writer { p, m, doc };
    let cong_van = doc.kind == Some(Kind::CongVan);
    w.header(&mut out, cong_van);
    let body_before = if cong_van {
        p.title_gap.to_pt()
    } else {
        w.title_block(&mut out);
        Pt(0.0)
    };
    w.body(&mut out, body_before);
    w.closing(&mut out);
    // Word ends a body with a paragraph; a hairline one, so it never makes a page of its own.
    Para {
        line: Some(HAIRLINE),
        mark_size: Some(HAIRLINE),
        ..Para::default()
    }
    .text(&mut out, "", RunStyle::of(p.body));
    w.section(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

struct Writer<'a> {
    p: &'a Profile,
    m: &'a Measured<'a>,
    doc: &'a Document,
}

impl Writer<'_> {
    /// Single line spacing of a style, as an exact height.
    fn lead(&self, style: TextStyle) -> Pt {
        Pt(style.size.0 * self.p.single_line)
    }

    /// A centred paragraph of one line height.
    fn centred(&self, style: TextStyle) -> Para {
        Para {
            align: Align::Centre,
            line: Some(self.lead(style)),
            ..Para::default()
        }
    }

    /// A centred paragraph of one element in `column` (no wider than `max`), with the lines
    /// the PDF broke it into (soft line breaks), or `text` if the PDF has none. The paragraph
    /// is widened past its column, as the PDF lets a line do, when a line would not fit with
    /// [`SLACK`] on both sides.
    #[allow(clippy::too_many_arguments)]
    fn centred_lines(
        &self,
        out: &mut String,
        lines: &[&TextRun],
        text: &str,
        style: TextStyle,
        column: (Mm, Mm),
        max: Option<Mm>,
        para: Para,
    ) {
        let side = max.map_or(Mm::ZERO, |max| {
            ((column.1 - column.0 - max) / 2.0).max(Mm::ZERO)
        });
        let mut area = (column.0 + side, column.1 - side);
        let room = area.1 - area.0;
        match lines {
            [] => {}
            [line] if line.width + SLACK * 2.0 > room => {
                // A single line the PDF may have pulled back inside the text area.
                area = (line.x - SLACK, line.right() + SLACK);
            }
            _ => {
                let widest = lines.iter().fold(Mm::ZERO, |w, l| w.max(l.width));
                if widest + SLACK * 2.0 > room {
                    let centre = (area.0 + area.1) / 2.0;
                    let half = widest / 2.0 + SLACK;
                    area = (centre - half, centre + half);
                }
            }
        }
        let text = if lines.is_empty() {
            text.to_owned()
        } else {
            lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        Para {
            left: area.0 - column.0,
            right: column.1 - area.1,
            ..para
        }
        .text(out, &text, RunStyle::of(style));
    }

    /// An empty paragraph whose bottom border is `rule`, `gap` below the baseline of a line of
    /// height `line_above` (the paragraph before it), in a column spanning `column`.
    fn rule(&self, out: &mut String, rule: &Rule, column: (Mm, Mm), line_above: Pt, after: Pt) {
        let height = Pt(self.p.rule_gap.to_pt().0 - (1.0 - BASELINE) * line_above.0);
        Para {
            line: Some(Pt(height.0.max(HAIRLINE.0))),
            after,
            left: (rule.x1 - column.0).max(Mm::ZERO),
            right: (column.1 - rule.x2).max(Mm::ZERO),
            bottom_border: Some(Border {
                thickness: rule.thickness,
                space: Pt(0.0),
            }),
            mark_size: Some(HAIRLINE),
            ..Para::default()
        }
        .text(out, "", RunStyle::of(self.p.body));
    }

    /// A stamp-like mark (độ mật, độ khẩn, the draft marker), boxed as the PDF frames it.
    fn mark(&self, out: &mut String, text: &str, mark: MarkStyle, role: Role, column: (Mm, Mm)) {
        let mut para = self.centred(mark.style);
        para.before = MARK_GAP.to_pt();
        para.after = MARK_GAP.to_pt();
        if let Some(frame) = self.m.frame(role).filter(|_| mark.boxed) {
            let space = BOX_SPACE.to_mm();
            para.left = (frame.left + space - column.0).max(Mm::ZERO);
            para.right = (column.1 - frame.right + space).max(Mm::ZERO);
            para.boxed = Some(Border {
                thickness: self.p.rule_thickness,
                space: Pt(MARK_PAD.to_pt().0.round()),
            });
        }
        para.text(out, text, RunStyle::of(mark.style));
    }

    /// The header: row 1 the issuing body (left) and the national heading with its rule
    /// (right); row 2 the number line and the place and date on one baseline, then the công
    /// văn's trích yếu and the marks.
    fn header(&self, out: &mut String, cong_van: bool) {
        let (p, m, doc) = (self.p, self.m, self.doc);
        let width = twips(p.text_width());
        let left_w = twips(p.text_width() * p.header_split);
        let widths = [left_w, width - left_w];
        let (left, right) = (p.header_left(), p.header_right());
        let plain = Para::default();
        xml::table_open(out, &widths);

        xml::row_open(out, false);
        xml::cell(out, widths[0], |out| {
            if !doc.issuer.parent.is_empty() {
                let lines = m.lines(Role::Parent);
                let para = self.centred(p.parent);
                self.centred_lines(out, &lines, &doc.issuer.parent, p.parent, left, None, para);
            }
            let lines = m.lines(Role::Issuer);
            let para = self.centred(p.issuer);
            self.centred_lines(out, &lines, &doc.issuer.name, p.issuer, left, None, para);
            match &p.issuer_separator {
                Separator::Text { text, style } => {
                    self.centred(*style).text(out, text, RunStyle::of(*style));
                }
                Separator::Rule { .. } => {
                    if let Some(rule) = m.rule(Role::IssuerSeparator) {
                        self.rule(out, rule, left, self.lead(p.issuer), Pt(0.0));
                    }
                }
            }
        });
        xml::cell(out, widths[1], |out| {
            let runs = m.lines(Role::National);
            for (i, line) in p.national.iter().enumerate() {
                let run: Vec<&TextRun> = runs.get(i).copied().into_iter().collect();
                let para = self.centred(line.style);
                self.centred_lines(out, &run, &line.text, line.style, right, None, para);
            }
            if let (Some(rule), Some(last)) = (m.rule(Role::NationalRule), p.national.last()) {
                self.rule(out, rule, right, self.lead(last.style), Pt(0.0));
            }
        });
        xml::row_close(out);

        // The number and the date share a baseline: one line height for both.
        let line = Pt(self.lead(p.number).0.max(self.lead(p.place_date).0));
        let first_line = Para {
            align: Align::Centre,
            line: Some(line),
            before: p.number_gap.to_pt(),
            ..plain.clone()
        };
        xml::row_open(out, false);
        xml::cell(out, widths[0], |out| {
            let lines = m.lines(Role::Number);
            self.centred_lines(out, &lines, "", p.number, left, None, first_line.clone());
            if cong_van && !doc.title.is_empty() {
                let para = Para {
                    before: p.summary_gap,
                    ..self.centred(p.summary)
                };
                let text = format!("{}{}", p.summary_prefix, doc.title);
                let lines = m.lines(Role::Summary);
                self.centred_lines(out, &lines, &text, p.summary, left, None, para);
            }
            if let Some(s) = doc.secrecy {
                self.mark(out, s.mark(), p.secrecy, Role::Secrecy, left);
            }
            if let Some(u) = doc.urgency {
                self.mark(out, u.mark(), p.urgency, Role::Urgency, left);
            }
        });
        xml::cell(out, widths[1], |out| {
            let lines = m.lines(Role::PlaceDate);
            self.centred_lines(
                out,
                &lines,
                "",
                p.place_date,
                right,
                None,
                first_line.clone(),
            );
            if doc.status == Status::Draft && !p.draft_marker.is_empty() {
                self.mark(out, &p.draft_marker, p.draft, Role::DraftMarker, right);
            }
        });
        xml::row_close(out);
        xml::table_close(out);
    }

    /// The type name, the trích yếu and the separator under them, centred no wider than the
    /// profile's widest title line.
    fn title_block(&self, out: &mut String) {
        let (p, m, doc) = (self.p, self.m, self.doc);
        let area = (p.text_left(), p.text_right());
        let max = Some(p.title_max_width);
        let kind = doc.kind.map(Kind::printed_name).unwrap_or_default();
        let para = Para {
            before: p.title_gap.to_pt(),
            ..self.centred(p.kind_name)
        };
        let lines = m.lines(Role::KindName);
        self.centred_lines(out, &lines, &kind, p.kind_name, area, max, para);
        let mut above = p.kind_name;
        if !doc.title.is_empty() {
            let lines = m.lines(Role::Title);
            let para = self.centred(p.title);
            self.centred_lines(out, &lines, &doc.title, p.title, area, max, para);
            above = p.title;
        }
        match &p.title_separator {
            Separator::Text { text, style } => Para {
                after: p.body_gap.to_pt(),
                ..self.centred(*style)
            }
            .text(out, text, RunStyle::of(*style)),
            Separator::Rule { .. } => {
                let after = (p.rule_gap + p.body_gap).to_pt();
                match m.rule(Role::TitleSeparator) {
                    Some(rule) => self.rule(out, rule, area, self.lead(above), after),
                    None => Para {
                        line: Some(HAIRLINE),
                        after,
                        ..Para::default()
                    }
                    .text(out, "", RunStyle::of(p.body)),
                }
            }
        }
    }

    /// One justified paragraph per block of the body's markup, styled as the PDF styles it.
    fn body(&self, out: &mut String, first_before: Pt) {
        let p = self.p;
        let blocks = markup::parse(&self.doc.body, &p.end_mark);
        let n = blocks.len();
        let base = p.body.face;
        for (i, block) in blocks.iter().enumerate() {
            let level = match block.kind {
                BlockKind::Heading(level) => Some(level.min(p.headings.len() - 1)),
                _ => None,
            };
            // A heading that is a title (styled whole) stays with what follows it.
            let titled = level.is_some() && block.spans.iter().all(|s| s.heading);
            let last = i + 1 == n;
            let mut para = Para {
                align: Align::Justify,
                line: Some(p.line_spacing),
                before: if i == 0 { first_before } else { Pt(0.0) },
                // The closing block follows the last paragraph at its own distance.
                after: if last {
                    p.closing_gap.to_pt()
                } else {
                    p.paragraph_spacing
                },
                first_line: p.first_line_indent,
                // The last lines go to a new page with the closing block, never without it.
                keep_next: titled || last,
                mark_size: Some(p.body.size),
                ..Para::default()
            };
            let plain = RunStyle {
                size: p.body.size,
                bold: base.is_bold(),
                italic: base.is_italic(),
                underline: false,
            };
            let marker = match &block.kind {
                BlockKind::Item { depth, marker } => {
                    para.left = p.first_line_indent + p.item_hang * (*depth as f32 + 1.0);
                    para.first_line = -p.item_hang;
                    Some(marker.as_str())
                }
                _ => None,
            };
            para.open(out);
            if let Some(marker) = marker {
                // The marker, then a TAB to the hanging indent where the text starts.
                xml::run(out, &format!("{marker}\t"), plain);
            }
            for span in &block.spans {
                let h = level.filter(|_| span.heading).map(|l| p.headings[l]);
                let style = RunStyle {
                    bold: plain.bold || span.bold || h.is_some_and(|h| h.bold),
                    italic: plain.italic || span.italic || h.is_some_and(|h| h.italic),
                    underline: span.underline,
                    ..plain
                };
                xml::run(out, &span.text, style);
            }
            Para::close(out);
        }
    }

    /// Nơi nhận (left) and the signature (right) in one row that never splits.
    fn closing(&self, out: &mut String) {
        let (p, doc) = (self.p, self.doc);
        let width = twips(p.text_width());
        let left_w = twips(p.text_width() * p.closing_split);
        let widths = [left_w, width - left_w];
        xml::table_open(out, &widths);
        xml::row_open(out, true);
        xml::cell(out, widths[0], |out| {
            if doc.recipients.is_empty() && doc.archive.is_empty() {
                return;
            }
            let label = RunStyle {
                underline: p.recipients_label_underline,
                ..RunStyle::of(p.recipients_label_style)
            };
            Para {
                line: Some(self.lead(p.recipients_label_style)),
                ..Para::default()
            }
            .text(out, &p.recipients_label, label);
            let mut entries: Vec<String> = doc.recipients.iter().map(Recipient::line).collect();
            if !doc.archive.is_empty() {
                entries.push(doc.archive.trim_end_matches([',', ';', '.']).to_owned());
            }
            let hang = self
                .m
                .recipient_hang()
                // `- ` in Times New Roman is about 0.58 em.
                .unwrap_or(p.recipient.size.to_mm() * 0.583);
            let n = entries.len();
            for (i, entry) in entries.iter().enumerate() {
                let end = if i + 1 == n {
                    &p.archive_end
                } else {
                    &p.recipient_end
                };
                Para {
                    line: Some(Pt(p.recipient.size.0 * p.recipient_line)),
                    left: hang,
                    first_line: -hang,
                    ..Para::default()
                }
                .text(out, &format!("- {entry}{end}"), RunStyle::of(p.recipient));
            }
        });
        xml::cell(out, widths[1], |out| {
            let sig = p.signature_column();
            let mut above: Option<Pt> = None;
            for (text, style, role) in [
                (&doc.signature.authority, p.authority, Role::Authority),
                (&doc.signature.position, p.position, Role::Position),
            ] {
                if !text.is_empty() {
                    let lines = self.m.closing_lines(role);
                    let para = self.centred(style);
                    self.centred_lines(out, &lines, text, style, sig, None, para);
                    above = Some(self.lead(style));
                }
            }
            // The signature space runs from the last title line's baseline to the name's.
            let name_line = self.lead(p.signer);
            let space = p.signature_space.to_pt().0;
            let before = match above {
                Some(line) => space - (1.0 - BASELINE) * line.0 - BASELINE * name_line.0,
                None => space,
            };
            let para = Para {
                before: Pt(before.max(0.0)),
                ..self.centred(p.signer)
            };
            let lines = self.m.closing_lines(Role::Signer);
            self.centred_lines(out, &lines, &doc.signature.name, p.signer, sig, None, para);
        });
        xml::row_close(out);
        xml::table_close(out);
    }

    /// Page size, margins, and the page-number header from the profile's first numbered page.
    fn section(&self, out: &mut String) {
        let p = self.p;
        out.push_str("<w:sectPr>");
        out.push_str(&format!(
            "<w:headerReference w:type=\"default\" r:id=\"{HEADER_ID}\"/>"
        ));
        if title_page(p) {
            out.push_str(&format!(
                "<w:headerReference w:type=\"first\" r:id=\"{FIRST_HEADER_ID}\"/>"
            ));
        }
        out.push_str(&format!(
            "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>",
            twips(p.page_width),
            twips(p.page_height)
        ));
        out.push_str(&format!(
            "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" \
             w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
            twips(p.margin_top),
            twips(p.margin_right),
            twips(p.margin_bottom),
            twips(p.margin_left),
            twips(p.page_number_top),
            twips(p.margin_bottom / 2.0),
        ));
        out.push_str("<w:cols w:space=\"720\"/>");
        if title_page(p) {
            out.push_str("<w:titlePg/>");
        }
        out.push_str("</w:sectPr>");
    }
}

/// The page-number header (`word/header1.xml`): the PAGE field centred at the top.
pub(crate) fn page_number_header(p: &Profile) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr ");
    out.push_str(NAMESPACES);
    out.push('>');
    let style = p.page_number;
    Para {
        align: Align::Centre,
        line: Some(Pt(style.size.0 * p.single_line)),
        mark_size: Some(style.size),
        ..Para::default()
    }
    .open(&mut out);
    out.push_str("<w:fldSimple w:instr=\" PAGE \">");
    xml::run(&mut out, "2", RunStyle::of(style));
    out.push_str("</w:fldSimple>");
    Para::close(&mut out);
    out.push_str("</w:hdr>");
    out
}

/// The first page's header (`word/header2.xml`): empty, the first page has no number.
pub(crate) fn empty_header() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NAMESPACES}>\
         <w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p></w:hdr>"
    )
}
