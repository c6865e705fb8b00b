//! In-process .docx export and import of the 3-page 002 plan (Party and State), and the file
//! size. `cargo bench -p vanthu-docx` (release). Prints mean / p50 / p95 in ms of `write_docx`
//! (the plan's text is imported once, outside the timing) and of importing the written file
//! back with `vanthu_import::import_file`.

use std::time::Instant;

use vanthu_docx::write_docx;
use vanthu_model::{Conventions, Document, Format, Status};
use vanthu_pdf::RenderOptions;

const PLAN: &str = "002-ke-hoach-82-kh-du";

fn stats(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    (mean, at(0.5), at(0.95))
}

/// The plan as the importer reads it, with the header fields its text lacks.
fn plan(bytes: &[u8], format: Format) -> Document {
    let mut doc = vanthu_import::import_text(bytes, &Conventions::default())
        .expect("the corpus plan imports")
        .document;
    doc.issuer.parent = "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH".into();
    doc.issuer.name = "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO".into();
    doc.issuer.code = "ĐU".into();
    doc.place = "Thành phố Hồ Chí Minh".into();
    doc.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 15);
    doc.number = Some(82);
    doc.status = Status::Issued;
    doc.format = format;
    doc
}

fn main() {
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let path = format!(
        "{}/../../tests/fixtures/corpus/{PLAN}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("the corpus plan");
    let options = RenderOptions::default();

    let t = Instant::now();
    let _ = write_docx(&plan(&bytes, Format::Party), &options).expect("export");
    println!(
        "first export (fonts read + export): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    for format in Format::ALL {
        let doc = plan(&bytes, format);
        let pages = vanthu_pdf::layout(&doc, &options).expect("layout").len();
        let mut ms = Vec::with_capacity(iterations);
        let mut layout_ms = Vec::with_capacity(iterations);
        let mut size = 0;
        for _ in 0..iterations {
            let t = Instant::now();
            let _ = std::hint::black_box(vanthu_pdf::layout(&doc, &options).expect("layout"));
            layout_ms.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            size = std::hint::black_box(write_docx(&doc, &options).expect("export")).len();
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let docx = write_docx(&doc, &options).expect("export");
        let mut import_ms = Vec::with_capacity(iterations);
        for _ in 0..iterations {
            let t = Instant::now();
            let _ = std::hint::black_box(
                vanthu_import::import_file(&docx, &Conventions::default()).expect("import"),
            );
            import_ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let (im, i50, i95) = stats(import_ms);
        println!(
            "002-{} as .docx, imported: mean {im:.3} ms, p50 {i50:.3} ms, p95 {i95:.3} ms",
            format.key()
        );
        let (mean, p50, p95) = stats(ms);
        let (lm, l50, l95) = stats(layout_ms);
        println!(
            "002-{}: {pages} pages (PDF), {size} bytes ({:.1} KB); {iterations} iterations\n  \
             write_docx: mean {mean:.3} ms, p50 {p50:.3} ms, p95 {p95:.3} ms\n  \
             of which the PDF layout it measures with: mean {lm:.3} ms, p50 {l50:.3} ms, \
             p95 {l95:.3} ms",
            format.key(),
            size as f64 / 1024.0
        );
    }
}
