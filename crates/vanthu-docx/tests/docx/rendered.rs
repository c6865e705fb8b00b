//! The exported .docx as LibreOffice sets it, measured against VănThư's own PDF of the same
//! document: the same number of pages; every header element (the national heading, the
//! issuer, the number line, the place and date, the type name, the trích yếu) on page 1
//! within 3 mm and at the same size; the closing block (Nơi nhận and the signer's name) whole
//! on the last page; page numbers from page 2 only. The measured differences are printed
//! (`cargo test -p vanthu-docx --test docx rendered -- --nocapture`), and every page is also
//! saved as PNG next to the PDFs for a reviewer to compare.

use std::fmt::Write as _;
use std::path::Path;

use vanthu_docx::write_docx;
use vanthu_model::Document;
use vanthu_pdf::{layout, render, RenderOptions, Role};

use crate::poppler::{self, Chunk, Word};
use crate::{corpus, libreoffice, out_dir};

/// How far a header element may stand from where VănThư's PDF puts it.
const TOLERANCE_MM: f32 = 3.0;

/// A line of text found in a PDF: the words from the first searched one on, as long as they
/// continue on the same line.
#[derive(Debug, Clone, Copy)]
struct Found {
    x0: f32,
    x1: f32,
    baseline: f32,
    size: f32,
}

impl Found {
    fn centre(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

/// Finds `text`'s first words (at most three) on `page`, then extends to the end of that
/// line: words on the same baseline with no more than a wide space between them (the other
/// column of the header is far away).
fn find(pdf: &Pdf, page: usize, text: &str) -> Option<Found> {
    let (words, chunks) = (&pdf.words, &pdf.chunks);
    let tokens: Vec<&str> = text.split_whitespace().take(3).collect();
    if tokens.is_empty() {
        return None;
    }
    let on_page: Vec<&Word> = words.iter().filter(|w| w.page == page).collect();
    let start = (0..on_page.len()).find(|&i| {
        tokens
            .iter()
            .enumerate()
            .all(|(k, t)| on_page.get(i + k).is_some_and(|w| w.text == *t))
    })?;
    let first = on_page[start];
    let mut x1 = first.x1;
    for w in &on_page[start + 1..] {
        if (w.top - first.top).abs() > 0.8 || w.x0 < x1 || w.x0 - x1 > 4.0 {
            break;
        }
        x1 = w.x1;
    }
    let needle = tokens.join(" ");
    let size = chunks
        .iter()
        .find(|c| {
            c.page == page
                && c.text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(&needle)
        })
        .map_or(first.size(), |c| c.size);
    Some(Found {
        x0: first.x0,
        x1,
        baseline: first.bottom - pdf.descent * size * MM_PER_PT,
        size,
    })
}

/// The header elements of a document as VănThư's layout prints them (first lines).
fn header_elements(doc: &Document, options: &RenderOptions) -> Vec<(&'static str, String)> {
    let pages = layout(doc, options).expect("VănThư lays the document out");
    let first = &pages[0];
    let mut out = Vec::new();
    for (i, run) in first.role(Role::National).iter().enumerate() {
        out.push((
            ["national", "national 2", "national 3"][i.min(2)],
            run.text.clone(),
        ));
    }
    for (name, role) in [
        ("parent", Role::Parent),
        ("issuer", Role::Issuer),
        ("number", Role::Number),
        ("place-date", Role::PlaceDate),
        ("kind name", Role::KindName),
        ("trích yếu", Role::Title),
        ("summary", Role::Summary),
        ("secrecy", Role::Secrecy),
        ("urgency", Role::Urgency),
        ("draft", Role::DraftMarker),
    ] {
        if let Some(run) = first.role(role).first() {
            out.push((name, run.text.clone()));
        }
    }
    out
}

struct Pdf {
    words: Vec<Word>,
    chunks: Vec<Chunk>,
    pages: usize,
    /// How far poppler's word boxes reach below the baseline, in em: the font descriptor's
    /// Descent. VănThư writes the font's own (0.216); LibreOffice writes 0, and poppler then
    /// takes the FontBBox (−303/1000 in all four Liberation Serif faces).
    descent: f32,
}

const MM_PER_PT: f32 = 25.4 / 72.0;

impl Pdf {
    fn read(path: &Path, descent: f32) -> Pdf {
        Pdf {
            words: poppler::words(path),
            chunks: poppler::chunks(path),
            pages: poppler::page_count(path),
            descent,
        }
    }

    fn find(&self, page: usize, text: &str) -> Option<Found> {
        find(self, page, text)
    }
}

#[test]
fn libreoffice_sets_the_docx_as_vanthu_sets_the_pdf() {
    let dir = out_dir();
    let options = RenderOptions::default();
    let mut cases = corpus::all();
    cases.extend(corpus::variants());
    let mut docx = Vec::new();
    let mut own = Vec::new();
    for (name, doc) in &cases {
        let bytes = write_docx(doc, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let path = dir.join(format!("{name}.docx"));
        std::fs::write(&path, bytes).expect("write the .docx");
        docx.push(path);
        let pdf = render(doc, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let path = dir.join(format!("{name}-vanthu.pdf"));
        std::fs::write(&path, pdf).expect("write the PDF");
        own.push(path);
    }
    let converted = libreoffice::to_pdf(&docx, &dir);

    let mut report = String::new();
    let mut problems = Vec::new();
    for (((name, doc), lo_path), own_path) in cases.iter().zip(&converted).zip(&own) {
        let lo = Pdf::read(lo_path, 0.303);
        let ours = Pdf::read(own_path, 0.216);
        let _ = writeln!(report, "{name}: pages {} (VănThư {})", lo.pages, ours.pages);
        if lo.pages != ours.pages {
            problems.push(format!(
                "{name}: Word/LibreOffice sets {} pages, VănThư's PDF {}",
                lo.pages, ours.pages
            ));
        }
        for (element, text) in header_elements(doc, &options) {
            let (Some(a), Some(b)) = (ours.find(1, &text), lo.find(1, &text)) else {
                problems.push(format!(
                    "{name}: {element} {text:?} is not on page 1 of both PDFs"
                ));
                continue;
            };
            let (dx, dy) = (b.centre() - a.centre(), b.baseline - a.baseline);
            let _ = writeln!(
                report,
                "  {element:<11} dx {dx:+5.2} mm  dy {dy:+5.2} mm  size {:.1}/{:.1} pt  {text:?}",
                b.size, a.size
            );
            if dx.abs() > TOLERANCE_MM || dy.abs() > TOLERANCE_MM {
                problems.push(format!(
                    "{name}: {element} {text:?} stands {dx:+.1} mm across and {dy:+.1} mm down \
                     from where the PDF prints it (at most {TOLERANCE_MM} mm)"
                ));
            }
            if (a.size - b.size).abs() > 0.6 {
                problems.push(format!(
                    "{name}: {element} {text:?} is set at {} pt in Word, {} pt in the PDF",
                    b.size, a.size
                ));
            }
        }
        // The closing block whole on the last page.
        let label = corpus_label(doc, &options);
        for (element, text) in [("Nơi nhận", label), ("signer", doc.signature.name.clone())] {
            let found = lo.find(lo.pages, &text);
            let theirs = ours.find(ours.pages, &text);
            match (found, theirs) {
                (Some(b), Some(a)) => {
                    let _ = writeln!(
                        report,
                        "  {element:<11} on the last page; dx {:+5.2} mm  dy {:+5.2} mm",
                        b.centre() - a.centre(),
                        b.baseline - a.baseline
                    );
                }
                _ => problems.push(format!(
                    "{name}: {element} {text:?} is not on the last page (page {}) of the .docx",
                    lo.pages
                )),
            }
        }
        // Page numbers: none on page 1, centred at the top from page 2 on.
        let profile = options.profile(doc.format);
        let top_words = |page: usize| -> Vec<&Word> {
            lo.words
                .iter()
                .filter(|w| w.page == page && w.bottom < profile.margin_top.0)
                .collect()
        };
        if !top_words(1).is_empty() {
            problems.push(format!("{name}: page 1 has a page number"));
        }
        for page in 2..=lo.pages {
            let words = top_words(page);
            let ok = words.len() == 1
                && words[0].text == page.to_string()
                && ((words[0].x0 + words[0].x1) / 2.0 - profile.text_centre().0).abs()
                    < TOLERANCE_MM;
            if !ok {
                problems.push(format!(
                    "{name}: page {page} has no page number centred at the top: {words:?}"
                ));
            }
        }
        poppler::pngs(lo_path);
        poppler::pngs(own_path);
    }
    println!("{report}");
    assert!(
        problems.is_empty(),
        "the .docx does not look like the PDF:\n{}\n\nmeasured:\n{report}",
        problems.join("\n")
    );
}

/// `Nơi nhận:` as the profile of the document's format writes it.
fn corpus_label(doc: &Document, options: &RenderOptions) -> String {
    options.profile(doc.format).recipients_label.clone()
}

/// LibreOffice draws the underline of `__…__` under those words and no others.
#[test]
fn libreoffice_underlines_the_underlined_words() {
    let mut doc = corpus::plan(corpus::PLANS[1], vanthu_model::Format::Party);
    doc.body = "Đề nghị __các chi bộ__ trực thuộc tổ chức quán triệt và __xây dựng chương \
                trình hành động thực hiện nghị quyết của Đảng bộ tỉnh, báo cáo kết quả về \
                **Văn phòng Đảng ủy** trước ngày 31 tháng 5 năm 2026__ để tổng hợp chung."
        .into();
    let dir = out_dir();
    let path = dir.join("underline.docx");
    let bytes = write_docx(&doc, &RenderOptions::default()).expect("export");
    std::fs::write(&path, bytes).expect("write the .docx");
    let pdf = libreoffice::to_pdf(&[path], &dir).remove(0);
    let words = poppler::words(&pdf);
    let start = words
        .windows(2)
        .position(|w| w[0].text == "Đề" && w[1].text == "nghị")
        .expect("the body is set");
    let body: Vec<&Word> = words[start..]
        .iter()
        .take_while(|w| w.text != "chung./.")
        .collect();
    let page = body[0].page;
    assert!(
        body.iter().all(|w| w.page == page),
        "the body is on one page"
    );
    let grey = poppler::Grey::render(&pdf, page, 200);
    let underlined: Vec<&str> = "các chi bộ xây dựng chương trình hành động thực hiện nghị \
        quyết của Đảng bộ tỉnh, báo cáo kết quả về Văn phòng Đảng ủy trước ngày 31 tháng 5 \
        năm 2026"
        .split_whitespace()
        .collect();
    let mut next = 0;
    let mut problems = Vec::new();
    for w in &body {
        // LibreOffice's word boxes are ascent 0.891 + descent 0.303 em tall.
        let baseline = w.top + (w.bottom - w.top) * 0.891 / (0.891 + 0.303);
        let ink = grey.most_inked_row(w.x0 + 0.2, w.x1 - 0.2, baseline + 0.3, baseline + 2.0);
        let want = underlined.get(next) == Some(&w.text.as_str()) && (next > 0 || w.text == "các");
        if want {
            next += 1;
            if ink < 0.9 {
                problems.push(format!("{:?} is not underlined ({ink:.2} inked)", w.text));
            }
        } else if ink > 0.6 {
            problems.push(format!("{:?} is underlined ({ink:.2} inked)", w.text));
        }
    }
    assert_eq!(next, underlined.len(), "every underlined word is set");
    poppler::pngs(&pdf);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
