//! The window's live preview is the PDF: the same pages, the same lines on each page at the
//! same places, the same words on each line — for every corpus plan, in both formats, read
//! back from the PDF with poppler.

use vanthu_pdf::{preview, Preview, PreviewText, RenderOptions};

use crate::fixtures::{all, fixture};
use crate::measure::near;
use crate::poppler::{self, Word};

/// A piece of a line: page, baseline, left and right edges, text.
type Piece<'a> = (usize, f32, f32, f32, &'a str);

/// A line as read: page, baseline, left edge, words joined by single spaces.
#[derive(Debug)]
struct Line {
    page: usize,
    baseline: f32,
    x: f32,
    text: String,
}

fn words_text<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words
        .into_iter()
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The PDF's lines: poppler's words grouped by page and baseline, left to right.
fn pdf_lines(words: &[Word]) -> Vec<Line> {
    let mut sorted: Vec<&Word> = words.iter().collect();
    sorted.sort_by(|a, b| {
        (a.page, a.baseline())
            .partial_cmp(&(b.page, b.baseline()))
            .unwrap()
    });
    group(
        sorted
            .into_iter()
            .map(|w| (w.page, w.baseline(), w.x0, w.x1, w.text.as_str())),
    )
}

/// The preview's lines: its runs grouped the same way. Two runs that touch are one word
/// (`**đích**` inside a word); a gap between them is a space.
fn preview_lines(p: &Preview) -> Vec<Line> {
    let mut runs: Vec<(usize, &PreviewText)> = p
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| page.texts.iter().map(move |t| (i + 1, t)))
        .filter(|(_, t)| !t.text.trim().is_empty())
        .collect();
    runs.sort_by(|a, b| (a.0, a.1.y).partial_cmp(&(b.0, b.1.y)).unwrap());
    group(
        runs.into_iter()
            .map(|(page, t)| (page, t.y, t.x, t.x + t.width, t.text.as_str())),
    )
}

fn group<'a>(pieces: impl Iterator<Item = Piece<'a>>) -> Vec<Line> {
    // Pieces sorted by page and baseline; those within 0.3 mm of a line's first baseline are
    // on that line (two columns set in different sizes differ by a hair), left to right.
    let mut clusters: Vec<Vec<Piece>> = Vec::new();
    for piece in pieces {
        match clusters.last_mut() {
            Some(c) if c[0].0 == piece.0 && (c[0].1 - piece.1).abs() < 0.3 => c.push(piece),
            _ => clusters.push(vec![piece]),
        }
    }
    clusters
        .into_iter()
        .map(|mut c| {
            c.sort_by(|a, b| a.2.partial_cmp(&b.2).unwrap());
            let mut text = String::new();
            let mut right = f32::MIN;
            for &(_, _, x0, x1, t) in &c {
                let glued = x0 - right < 0.3 && !t.starts_with(' ') && !text.ends_with(' ');
                if !text.is_empty() && !glued {
                    text.push(' ');
                }
                text.push_str(t);
                right = x1;
            }
            Line {
                page: c[0].0,
                baseline: c[0].1,
                x: c[0].2,
                text: words_text([text.as_str()]),
            }
        })
        .collect()
}

#[test]
fn the_preview_has_the_pdfs_pages_lines_and_words() {
    for name in all() {
        let r = fixture(&name);
        let p = preview(&r.doc, &RenderOptions::default()).expect("the preview lays out");
        assert_eq!(
            p.pages.len(),
            poppler::page_count(&r.pdf),
            "{name}: the preview shows another number of pages than the PDF has"
        );
        assert_eq!((p.width, p.height), (210.0, 297.0), "{name}: the paper");
        let pdf = pdf_lines(&poppler::words(&r.pdf));
        let shown = preview_lines(&p);
        let list = |ls: &[Line]| {
            ls.iter()
                .map(|l| format!("p{} {:.1} {}", l.page, l.baseline, l.text))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            pdf.len(),
            shown.len(),
            "{name}: the preview has another number of lines than the PDF.\nPDF:\n{}\npreview:\n{}",
            list(&pdf),
            list(&shown)
        );
        for (a, b) in pdf.iter().zip(&shown) {
            let what = format!("{name} page {} line {:?}", a.page, a.text);
            assert_eq!(a.page, b.page, "{what}: on another page in the preview");
            assert_eq!(a.text, b.text, "{what}: another text in the preview");
            near(b.baseline, a.baseline, 0.2, &format!("{what}: baseline"));
            near(b.x, a.x, 0.2, &format!("{what}: left edge"));
        }
    }
}

#[test]
fn every_word_starts_where_the_pdf_puts_it() {
    // The page places each word at its own x, so a screen font measuring a hair off never
    // moves a line's end: those places are where the PDF viewer's pen puts the words.
    for name in ["002-party", "003-state"] {
        let r = fixture(name);
        let p = preview(&r.doc, &RenderOptions::default()).unwrap();
        let words = poppler::words(&r.pdf);
        let mut checked = 0;
        for (i, page) in p.pages.iter().enumerate() {
            for t in &page.texts {
                assert_eq!(
                    t.words.len(),
                    t.text.split(' ').count(),
                    "{name}: {:?}",
                    t.text
                );
                for (piece, &x) in t.text.split(' ').zip(&t.words) {
                    if piece.is_empty() {
                        continue;
                    }
                    let found = words.iter().any(|w| {
                        w.page == i + 1
                            && (w.baseline() - t.y).abs() < 0.3
                            && (w.x0 - x).abs() < 0.15
                            && w.text.starts_with(piece)
                    });
                    assert!(
                        found,
                        "{name} page {}: “{piece}” of {:?} at x {x} mm is not where the PDF has it",
                        i + 1,
                        t.text
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "{name}: only {checked} words checked");
    }
}
