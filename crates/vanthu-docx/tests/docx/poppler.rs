//! Reading a PDF back the way a reviewer would: poppler's `pdftotext -bbox` for word
//! positions and `pdftohtml -xml` for the size of each piece of text (the helpers of
//! vanthu-pdf's layout tests, trimmed to what these tests use). A missing tool fails the test
//! instead of skipping it.

use std::path::{Path, PathBuf};
use std::process::Command;

const MM_PER_PT: f32 = 25.4 / 72.0;
/// FontDescriptor /Ascent and /Descent of Times New Roman and Liberation Serif (1/1000 em) as
/// VănThư writes them: pdftotext's word boxes are (ascent + descent) × size tall.
const ASCENT: f32 = 0.891;
const DESCENT: f32 = 0.216;

pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "`{tool}` could not be run ({e}). The .docx tests measure PDFs with poppler: \
             install it with `sudo apt-get install poppler-utils`."
        )
    });
    assert!(
        out.status.success(),
        "`{tool} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// A word as pdftotext sees it, in millimetres from the top-left corner of its page.
#[derive(Debug, Clone)]
pub struct Word {
    /// 1-based.
    pub page: usize,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub text: String,
}

impl Word {
    /// Type size from the box height (in VănThư's PDFs; the fallback when pdftohtml has no
    /// size for a word).
    pub fn size(&self) -> f32 {
        (self.bottom - self.top) / MM_PER_PT / (ASCENT + DESCENT)
    }
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    let end = start + tag[start..].find('"').expect("closing quote");
    tag[start..end].parse().expect("a number")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

pub fn words(pdf: &Path) -> Vec<Word> {
    // `-raw`: words in the order they are drawn, which is the reading order of both writers.
    let html = run("pdftotext", &["-raw", "-bbox", pdf.to_str().unwrap(), "-"]);
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').expect("word tag");
            let tag = &rest[..close];
            let text = rest[close + 1..].trim_end_matches("</word>");
            out.push(Word {
                page,
                x0: attr(tag, "xMin") * MM_PER_PT,
                x1: attr(tag, "xMax") * MM_PER_PT,
                top: attr(tag, "yMin") * MM_PER_PT,
                bottom: attr(tag, "yMax") * MM_PER_PT,
                text: unescape(text),
            });
        }
    }
    out
}

/// The number of pages.
pub fn page_count(pdf: &Path) -> usize {
    let info = run("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

/// A piece of text with its font size, as pdftohtml reports it.
#[derive(Debug, Clone)]
pub struct Chunk {
    pub page: usize,
    pub text: String,
    pub size: f32,
}

pub fn chunks(pdf: &Path) -> Vec<Chunk> {
    let xml = run(
        "pdftohtml",
        &[
            "-xml",
            "-i",
            "-q",
            "-zoom",
            "1",
            "-stdout",
            pdf.to_str().unwrap(),
        ],
    );
    let mut fonts = std::collections::HashMap::new();
    let mut out = Vec::new();
    let mut page = 0;
    for line in xml.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if line.starts_with("<fontspec ") {
            let id = between(line, "id=\"", "\"");
            let size: f32 = between(line, "size=\"", "\"").parse().unwrap();
            fonts.insert(id.to_owned(), size);
        } else if line.starts_with("<text ") {
            let id = between(line, "font=\"", "\"");
            let inner = &line[line.find('>').unwrap() + 1..line.rfind("</text>").unwrap()];
            out.push(Chunk {
                page,
                text: unescape(&strip_tags(inner)),
                size: fonts[id],
            });
        }
    }
    out
}

fn between<'a>(s: &'a str, a: &str, b: &str) -> &'a str {
    let start = s.find(a).unwrap() + a.len();
    &s[start..start + s[start..].find(b).unwrap()]
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Renders every page to PNG at 80 dpi, for a reviewer to look at; returns the files.
pub fn pngs(pdf: &Path) -> Vec<PathBuf> {
    let stem = pdf.with_extension("");
    run(
        "pdftoppm",
        &[
            "-r",
            "80",
            "-png",
            pdf.to_str().unwrap(),
            stem.to_str().unwrap(),
        ],
    );
    let dir = pdf.parent().unwrap();
    let prefix = format!("{}-", stem.file_name().unwrap().to_str().unwrap());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "png")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
        })
        .collect();
    files.sort();
    files
}

/// One page rendered in grey levels by `pdftoppm -gray`, to see what is drawn where text
/// extraction says nothing (underlines).
pub struct Grey {
    width: usize,
    height: usize,
    dpi: f32,
    pixels: Vec<u8>,
}

impl Grey {
    /// The page `page` (1-based) of `pdf` at `dpi`.
    pub fn render(pdf: &Path, page: usize, dpi: u32) -> Grey {
        let stem = format!("{}-grey-{page}", pdf.with_extension("").display());
        let (n, r) = (page.to_string(), dpi.to_string());
        run(
            "pdftoppm",
            &[
                "-gray",
                "-r",
                &r,
                "-f",
                &n,
                "-l",
                &n,
                "-singlefile",
                pdf.to_str().unwrap(),
                &stem,
            ],
        );
        let bytes = std::fs::read(format!("{stem}.pgm")).expect("pdftoppm writes a .pgm");
        // `P5 <width> <height> 255` and one whitespace, then a byte per pixel.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5", "pdftoppm -gray writes a binary PGM");
        let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        let pixels = bytes[at + 1..].to_vec();
        assert_eq!(pixels.len(), width * height, "the PGM is whole");
        Grey {
            width,
            height,
            dpi: dpi as f32,
            pixels,
        }
    }

    fn px(&self, mm: f32) -> usize {
        (mm / 25.4 * self.dpi).round().max(0.0) as usize
    }

    /// The largest share of inked pixels over `x0`..`x1` on one row between `top` and
    /// `bottom` (all in mm).
    pub fn most_inked_row(&self, x0: f32, x1: f32, top: f32, bottom: f32) -> f32 {
        let (a, b) = (self.px(x0), self.px(x1).min(self.width));
        if b <= a {
            return 0.0;
        }
        (self.px(top)..=self.px(bottom).min(self.height - 1))
            .map(|row| {
                let line = &self.pixels[row * self.width + a..row * self.width + b];
                line.iter().filter(|&&g| g < 160).count() as f32 / line.len() as f32
            })
            .fold(0.0, f32::max)
    }
}
