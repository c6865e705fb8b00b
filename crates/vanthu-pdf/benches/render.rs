//! In-process rendering time of the 3-page 002 plan (Party and State), and the PDF size.
//! `cargo bench -p vanthu-pdf` (release). Prints mean / p50 / p95 in ms.

use std::time::Instant;

use vanthu_model::Document;
use vanthu_pdf::{layout, render, RenderOptions};

fn load(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    Document::from_json(&std::fs::read_to_string(&path).expect("fixture")).expect("valid fixture")
}

fn stats(mut ms: Vec<f64>) -> (f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    (mean, at(0.5), at(0.95))
}

fn main() {
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let options = RenderOptions::default();
    let t = Instant::now();
    let first = render(&load("002-party"), &options).expect("render");
    println!(
        "first render (fonts read + render): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let _ = first;
    for name in ["002-party", "002-state"] {
        let doc = load(name);
        let pages = layout(&doc, &options).expect("layout").len();
        let mut layout_ms = Vec::with_capacity(iterations);
        let mut render_ms = Vec::with_capacity(iterations);
        let mut size = 0;
        for _ in 0..iterations {
            let t = Instant::now();
            let _ = std::hint::black_box(layout(&doc, &options).expect("layout"));
            layout_ms.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            size = std::hint::black_box(render(&doc, &options).expect("render")).len();
            render_ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let (lm, l50, l95) = stats(layout_ms);
        let (rm, r50, r95) = stats(render_ms);
        println!(
            "{name}: {pages} pages, {size} bytes ({:.1} KB); {iterations} iterations\n  \
             layout only: mean {lm:.3} ms, p50 {l50:.3} ms, p95 {l95:.3} ms\n  \
             render (layout + PDF): mean {rm:.3} ms, p50 {r50:.3} ms, p95 {r95:.3} ms",
            size as f64 / 1024.0
        );
    }
}
