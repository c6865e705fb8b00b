//! The whole-process cost of importing a folder of Word files, as a clerk does it:
//! `vanthu import *.docx` into a fresh archive, a fresh process each time (reading every file,
//! then storing all of them in one transaction). `cargo bench -p vanthu-cli --bench import`
//! (release); `BENCH_FILES` (default 300) and `BENCH_ITERATIONS` (default 5);
//! `VANTHU_BENCH_CLI=path/to/vanthu` times another build on the same files (an A/B).
//!
//! The files are the three corpus plans as the importer reads them, each written as Word
//! writes it (`vanthu_docx`, the editable copy the window exports), the copies of an issued
//! plan numbered apart so that the register accepts them all. Prints the files per second
//! (wall, and per CPU second) and the load average, as the export benchmark does.

use std::path::{Path, PathBuf};
use std::process::Command;

use vanthu_model::Conventions;

mod common;
use common::{load, report, run};

const VANTHU: &str = env!("CARGO_BIN_EXE_vanthu");

fn env_number(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// `count` Word files in `dir`, made from the corpus plans.
fn word_files(dir: &Path, count: usize) -> Vec<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus");
    let mut plans: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("the corpus is in tests/fixtures/corpus")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    plans.sort();
    let conventions = Conventions::default();
    let docs: Vec<vanthu_model::Document> = plans
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("read a corpus plan");
            vanthu_import::import_text(&bytes, &conventions)
                .expect("a corpus plan imports")
                .document
        })
        .collect();
    let options = vanthu_pdf::RenderOptions::default();
    (0..count)
        .map(|i| {
            let mut doc = docs[i % docs.len()].clone();
            if doc.number.is_some() {
                let number = 1000 + i as u32;
                doc.number = Some(number);
                doc.symbol = doc.symbol.as_deref().map(|symbol| {
                    let rest = symbol.split_once('-').map_or("", |(_, rest)| rest);
                    format!("{number}-{rest}")
                });
            }
            let bytes = vanthu_ops::docx_with(&doc, &options).expect("write a Word file");
            let path = dir.join(format!("{i:05}.docx"));
            std::fs::write(&path, bytes).expect("save a Word file");
            path
        })
        .collect()
}

fn main() {
    let vanthu =
        std::env::var_os("VANTHU_BENCH_CLI").map_or_else(|| PathBuf::from(VANTHU), PathBuf::from);
    let count = env_number("BENCH_FILES", 300);
    let iterations = env_number("BENCH_ITERATIONS", 5);
    let dir = tempfile::tempdir().expect("temporary folder");
    let files = word_files(dir.path(), count);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{} import of {count} Word files ({} kB), {iterations} runs into a fresh archive, {cores} cores, load {}",
        vanthu.display(),
        bytes / 1024,
        load()
    );
    // One untimed run: the files and the binary into the page cache, and a refusal shown.
    let first = Command::new(&vanthu)
        .env("VANTHU_DB", dir.path().join("warm.vanthu"))
        .arg("import")
        .args(&files)
        .output()
        .expect("start vanthu");
    assert!(
        first.status.success(),
        "vanthu import refused the files: {}",
        String::from_utf8_lossy(&first.stderr)
            .lines()
            .filter(|l| !l.starts_with("cảnh báo"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let runs: Vec<_> = (0..iterations)
        .map(|i| {
            let db = dir.path().join(format!("bench-{i}.vanthu"));
            let mut import = Command::new(&vanthu);
            import.env("VANTHU_DB", &db).arg("import").args(&files);
            run(&mut import)
        })
        .collect();
    report("import, the whole process", runs.iter().copied());
    let rate = |d: std::time::Duration| count as f64 / d.as_secs_f64();
    let mut wall: Vec<f64> = runs.iter().map(|r| rate(r.0)).collect();
    let mut cpu: Vec<f64> = runs.iter().filter_map(|r| r.1.map(rate)).collect();
    let line = |rates: &mut Vec<f64>| {
        rates.sort_by(f64::total_cmp);
        format!(
            "best {:.0}, median {:.0} files/s",
            rates[rates.len() - 1],
            rates[rates.len() / 2]
        )
    };
    print!("  import: wall {}", line(&mut wall));
    if !cpu.is_empty() {
        print!("; per CPU second {}", line(&mut cpu));
    }
    println!();
    println!("load after: {}", load());
}
