//! The whole-process cost of one PDF: `vanthu export-json plan.json --pdf out.pdf` run as a
//! clerk's script runs it, a fresh process each time (start, fonts, layout, PDF, atomic
//! write), for the 3-page plan 002. `cargo bench -p vanthu-cli --bench export` (release);
//! `BENCH_ITERATIONS` (default 50). Prints wall and CPU time (user + system, from the
//! kernel's account of the child) as min / median, and the load average: on a shared machine
//! the median moves with the load, the minimum much less.
//!
//! The plan's JSON is what the archive gives for the corpus text file
//! (`vanthu import` into a scratch archive, then `vanthu show 1 --json`), so the benchmark
//! follows the importer instead of a hand-written copy.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

mod common;
use common::{load, report, run};

const VANTHU: &str = env!("CARGO_BIN_EXE_vanthu");

fn main() {
    let iterations: usize = std::env::var("BENCH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temporary folder");
    let plan = dir.path().join("002.json");
    let pdf = dir.path().join("002.pdf");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus/002-ke-hoach-82-kh-du.txt");
    let db = dir.path().join("bench.vanthu");
    let imported = Command::new(VANTHU)
        .env("VANTHU_DB", &db)
        .arg("import")
        .arg(&corpus)
        .stderr(Stdio::null())
        .output()
        .expect("vanthu import");
    assert!(
        imported.status.success(),
        "the corpus plan was not imported"
    );
    let shown = Command::new(VANTHU)
        .env("VANTHU_DB", &db)
        .args(["show", "1", "--json"])
        .output()
        .expect("vanthu show");
    assert!(shown.status.success(), "the imported plan cannot be shown");
    std::fs::write(&plan, &shown.stdout).expect("write the plan's JSON");

    let export = || {
        let mut c = Command::new(VANTHU);
        c.arg("export-json").arg(&plan).arg("--pdf").arg(&pdf);
        c
    };
    let version = || {
        let mut c = Command::new(VANTHU);
        c.arg("--version");
        c
    };
    // One untimed run: the binary and the fonts into the page cache.
    run(&mut export());
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    println!(
        "vanthu export-json (002, 3-page plan, {size} bytes of PDF), {iterations} runs, load {}",
        load()
    );
    report("export-json", (0..iterations).map(|_| run(&mut export())));
    report(
        "vanthu --version (start-up alone)",
        (0..iterations).map(|_| run(&mut version())),
    );
    // What the disk adds: the export's own durable write of the same bytes (a temporary file
    // synced to disk, then renamed over the last), in this process.
    let bytes = std::fs::read(&pdf).expect("read the exported PDF");
    report(
        "the durable write of those bytes alone (write, fsync, rename)",
        (0..iterations).map(|_| {
            let start = Instant::now();
            vanthu_ops::write_atomic(&pdf, &bytes).expect("write the PDF");
            (start.elapsed(), None)
        }),
    );
    println!("load after: {}", load());
}
