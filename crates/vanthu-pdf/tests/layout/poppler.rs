//! Reading a PDF back the way a reviewer would: poppler's `pdftotext -bbox` for word
//! positions, `pdftohtml -xml` for the font (name and size) of each piece of text, `pdffonts`
//! for embedding, `pdftoppm` for pictures. CI installs poppler-utils; a missing tool fails
//! the test instead of skipping it.

use std::path::{Path, PathBuf};
use std::process::Command;

const MM_PER_PT: f32 = 25.4 / 72.0;
/// FontDescriptor /Ascent and /Descent of Times New Roman and Liberation Serif (1/1000 em):
/// pdftotext's word boxes are (ascent + descent) × size tall.
const ASCENT: f32 = 0.891;
const DESCENT: f32 = 0.216;

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "`{tool}` could not be run ({e}). The PDF tests measure the output with poppler: \
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

/// Writes `pdf` to a file named `name` under the shared output directory.
pub fn save(pdf: &[u8], name: &str) -> PathBuf {
    let dir = out_dir();
    let path = dir.join(format!("{name}.pdf"));
    // Tests run in parallel and may write the same document: write aside, then rename
    // (atomic), so poppler never reads a half-written file.
    let tmp = dir.join(format!("{name}.pdf.{:?}.tmp", std::thread::current().id()));
    std::fs::write(&tmp, pdf).expect("write the PDF");
    std::fs::rename(&tmp, &path).expect("move the PDF in place");
    path
}

pub fn out_dir() -> PathBuf {
    let dir = std::env::temp_dir().join("vanthu-pdf");
    std::fs::create_dir_all(&dir).expect("create the output directory");
    dir
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
    /// Type size from the box height.
    pub fn size(&self) -> f32 {
        (self.bottom - self.top) / MM_PER_PT / (ASCENT + DESCENT)
    }

    pub fn baseline(&self) -> f32 {
        self.top + ASCENT * self.size() * MM_PER_PT
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
    // `-raw`: words in the order they are drawn, which is the reading order we lay out.
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

/// A piece of text with its font, as pdftohtml reports it.
#[derive(Debug, Clone)]
pub struct Chunk {
    pub page: usize,
    pub text: String,
    /// The font family with its subset tag (`ABCDEF+LiberationSerif`).
    pub font: String,
    pub size: f32,
    /// pdftohtml's `<b>`/`<i>`, which it derives from the font's name (`…-Bold`, `…-Italic`).
    pub bold: bool,
    pub italic: bool,
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
            let family = between(line, "family=\"", "\"");
            fonts.insert(id.to_owned(), (family.to_owned(), size));
        } else if line.starts_with("<text ") {
            let id = between(line, "font=\"", "\"");
            let inner = &line[line.find('>').unwrap() + 1..line.rfind("</text>").unwrap()];
            let text = strip_tags(inner);
            let (font, size) = fonts[id].clone();
            out.push(Chunk {
                page,
                text: unescape(&text),
                font,
                size,
                bold: inner.contains("<b>"),
                italic: inner.contains("<i>"),
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

/// `pdffonts` rows: (name, type, embedded, subset, unicode).
pub fn fonts(pdf: &Path) -> Vec<(String, String, bool, bool, bool)> {
    let out = run("pdffonts", &[pdf.to_str().unwrap()]);
    out.lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (
                cols[0].to_owned(),
                cols[1..n - 6].join(" "),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
                cols[n - 3] == "yes",
            )
        })
        .collect()
}

/// Renders every page to PNG at 80 dpi; returns the files.
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
    let prefix = stem.file_name().unwrap().to_str().unwrap().to_owned();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "png")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{prefix}-")))
        })
        .collect();
    files.sort();
    files
}

/// The number of pages, as `pdfinfo` counts them.
pub fn page_count(pdf: &Path) -> usize {
    run("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo names the page count")
}

/// Plain text of the whole document, in poppler's own reading order (what copy and paste
/// gives), pages separated by form feeds.
pub fn text(pdf: &Path) -> String {
    run("pdftotext", &[pdf.to_str().unwrap(), "-"])
}

/// One page rendered in grey levels by `pdftoppm -gray`, to see what is drawn where text
/// extraction says nothing (rules, underlines).
pub struct Grey {
    width: usize,
    height: usize,
    dpi: f32,
    pixels: Vec<u8>,
}

impl Grey {
    /// The page `page` (1-based) of `pdf` at `dpi`.
    pub fn render(pdf: &Path, page: usize, dpi: u32) -> Grey {
        let stem = pdf.with_extension(format!("grey-{page}"));
        let n = page.to_string();
        let r = dpi.to_string();
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
                stem.to_str().unwrap(),
            ],
        );
        let file = PathBuf::from(format!("{}.pgm", stem.display()));
        let bytes = std::fs::read(&file).expect("pdftoppm writes a .pgm");
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

    /// The share of the pixels from `x0` to `x1` (mm) on the row at `y` (mm) that are inked.
    pub fn inked(&self, x0: f32, x1: f32, y: f32) -> f32 {
        let row = self.px(y).min(self.height - 1);
        let (a, b) = (self.px(x0), self.px(x1).min(self.width));
        if b <= a {
            return 0.0;
        }
        let line = &self.pixels[row * self.width + a..row * self.width + b];
        line.iter().filter(|&&g| g < 160).count() as f32 / line.len() as f32
    }

    /// The most inked row between `top` and `bottom` (mm) over `x0`..`x1`: its position
    /// (mm) and share.
    pub fn most_inked_row(&self, x0: f32, x1: f32, top: f32, bottom: f32) -> (f32, f32) {
        let step = 25.4 / self.dpi;
        let mut best = (top, 0.0);
        let mut y = top;
        while y <= bottom {
            let share = self.inked(x0, x1, y);
            if share > best.1 {
                best = (y, share);
            }
            y += step;
        }
        best
    }
}
