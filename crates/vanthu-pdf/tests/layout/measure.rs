//! Finding elements in poppler's output and comparing positions with a tolerance.

use crate::poppler::{Chunk, Word};

/// Tolerance for positions measured from the PDF, in mm.
pub const TOL: f32 = 0.3;

/// One line of text found in the PDF: the words, and their extent.
#[derive(Debug, Clone)]
pub struct Found {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    pub baseline: f32,
    pub size: f32,
}

impl Found {
    pub fn centre(&self) -> f32 {
        (self.left + self.right) / 2.0
    }

    pub fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// The first place on `page` where the words of `text` follow each other on one baseline.
pub fn find(words: &[Word], page: usize, text: &str) -> Option<Found> {
    let wanted: Vec<&str> = text.split_whitespace().collect();
    let on_page: Vec<&Word> = words.iter().filter(|w| w.page == page).collect();
    'start: for i in 0..on_page.len() {
        if i + wanted.len() > on_page.len() {
            break;
        }
        for (k, want) in wanted.iter().enumerate() {
            let w = on_page[i + k];
            if w.text != *want || (w.baseline() - on_page[i].baseline()).abs() > 0.2 {
                continue 'start;
            }
        }
        let ws = &on_page[i..i + wanted.len()];
        return Some(Found {
            left: ws.iter().map(|w| w.x0).fold(f32::MAX, f32::min),
            right: ws.iter().map(|w| w.x1).fold(f32::MIN, f32::max),
            top: ws[0].top,
            bottom: ws[0].bottom,
            baseline: ws[0].baseline(),
            size: ws[0].size(),
        });
    }
    None
}

/// Like [`find`], but a missing text fails the test with what was looked for.
pub fn must(words: &[Word], page: usize, text: &str) -> Found {
    find(words, page, text).unwrap_or_else(|| {
        let on_page: Vec<&str> = words
            .iter()
            .filter(|w| w.page == page)
            .map(|w| w.text.as_str())
            .take(80)
            .collect();
        panic!("{text:?} is not printed on page {page}; the page starts with {on_page:?}")
    })
}

/// The pdftohtml chunk holding `text` on `page`.
pub fn chunk<'a>(chunks: &'a [Chunk], page: usize, text: &str) -> &'a Chunk {
    chunks
        .iter()
        .find(|c| c.page == page && c.text.contains(text))
        .unwrap_or_else(|| panic!("no text chunk with {text:?} on page {page}"))
}

pub fn near(actual: f32, expected: f32, tol: f32, what: &str) {
    assert!(
        (actual - expected).abs() <= tol,
        "{what}: measured {actual:.3} mm, expected {expected:.3} mm (± {tol} mm)"
    );
}
