//! Benchmark of the archive at office scale: 100,000 generated documents sized like the corpus.
//!
//! Reports the import rate, with where its time went per document (on the threads that check and
//! fold, summed, and on the one that writes), search latency (p50/p95) for folded and marked
//! queries, the latency of one page of the archive table, and the file size. Run with
//! `cargo bench -p vanthu-archive`; `VANTHU_BENCH_DOCS=N` changes the number of documents.
//!
//! `VANTHU_BENCH_CARE=1` then attaches an 8 KB image to every document and times backup and
//! verify; with `VANTHU_BENCH_CLI=path/to/release/vanthu` also the register of a full year and
//! the readable export of the whole archive, as whole processes.

use std::time::{Duration, Instant};

use vanthu_archive::{Archive, Filter, ImportTimes, Stamp};
use vanthu_model::{Document, Format, Issuer, Kind, Recipient, Signature, Status};

/// A small deterministic generator (xorshift64*), so every run builds the same archive.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn corpus_sentences() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the corpus is in tests/fixtures/corpus") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue; // its README.md
        }
        let text = std::fs::read_to_string(path).unwrap();
        for line in text.lines().map(str::trim).filter(|l| l.len() > 40) {
            out.extend(
                line.split_inclusive(['.', ';'])
                    .map(str::trim)
                    .filter(|s| s.len() > 20)
                    .map(str::to_owned),
            );
        }
    }
    out
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức"];
const GIVEN: &[&str] = &[
    "Hiếu", "Dũng", "Vân", "Lan", "Hùng", "Hòa", "Tâm", "Bình", "Sơn", "Hải", "Thủy", "Khánh",
];
const PLACES: &[&str] = &[
    "Khánh Hòa",
    "Thành phố Hồ Chí Minh",
    "Hà Nội",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Nghệ An",
];
const TOPICS: &[&str] = &[
    "sinh hoạt chi bộ mẫu",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "hội nghị điển hình tiên tiến",
    "công tác kiểm tra, giám sát",
    "phát triển đảng viên mới",
    "tổng kết công tác xây dựng Đảng",
    "phòng, chống tham nhũng, lãng phí",
    "chuyển đổi số",
    "bảo vệ nền tảng tư tưởng của Đảng",
    "công tác dân vận",
    "thi đua yêu nước",
    "đại hội chi bộ",
];
const KINDS: &[Kind] = &[
    Kind::KeHoach,
    Kind::BaoCao,
    Kind::ThongBao,
    Kind::NghiQuyet,
    Kind::QuyetDinh,
    Kind::CongVan,
];

fn generate(rng: &mut Rng, sentences: &[String], counters: &mut [u32]) -> Document {
    let kind_ix = rng.below(KINDS.len());
    let topic = rng.pick(TOPICS);
    let year = 2015 + rng.below(11) as i32;
    let date =
        chrono::NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
    let mut body = String::new();
    // Corpus documents run 5–6 KB; so do these.
    while body.len() < 5_000 {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        if rng.below(6) == 0 {
            body.push_str(&format!("{}. {}", 1 + rng.below(5), topic.to_uppercase()));
            body.push_str("\n\n");
        }
        for _ in 0..1 + rng.below(3) {
            body.push_str(rng.pick(sentences).as_str());
            body.push(' ');
        }
    }
    let signer = format!(
        "{} {} {}",
        rng.pick(SURNAMES),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    );
    let issued = rng.below(2) == 0;
    let number = issued.then(|| {
        counters[kind_ix] += 1;
        counters[kind_ix]
    });
    Document {
        status: if issued {
            Status::Issued
        } else {
            Status::Draft
        },
        format: Format::Party,
        kind: Some(KINDS[kind_ix]),
        issuer: Issuer {
            parent: "ĐẢNG BỘ TỈNH KHÁNH HÒA".into(),
            name: "ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH".into(),
            code: "ĐU".into(),
        },
        number,
        place: rng.pick(PLACES).to_string(),
        date,
        title: format!("Tổ chức {topic} năm {year}"),
        body,
        recipients: vec![
            Recipient {
                name: "Ban Thường vụ Đảng ủy".into(),
                note: String::new(),
            },
            Recipient {
                name: "Các chi bộ trực thuộc".into(),
                note: String::new(),
            },
            Recipient {
                name: "Đảng ủy Khối CCQ-DN tỉnh".into(),
                note: "để b/c".into(),
            },
        ],
        archive: "Lưu Văn phòng Đảng ủy".into(),
        signature: Signature {
            authority: "T/M BAN THƯỜNG VỤ".into(),
            position: "BÍ THƯ".into(),
            name: signer,
        },
        ..Document::default()
    }
}

/// CPU seconds this process has used (user + system), from /proc: on a shared machine the wall
/// clock also counts other people's work, so both are reported.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i].as_secs_f64() * 1e3
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing useful: run small then.
    let n: usize = std::env::var("VANTHU_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if std::env::args().any(|a| a == "--bench") {
            100_000
        } else {
            500
        });
    let dir = tempfile::tempdir().unwrap();
    // VANTHU_BENCH_DB keeps the archive for a look afterwards.
    let path = std::env::var_os("VANTHU_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.sqlite3"));
    // VANTHU_BENCH_REUSE=1 with VANTHU_BENCH_DB measures an archive built by an earlier run.
    let reuse = std::env::var_os("VANTHU_BENCH_REUSE").is_some() && path.exists();
    if !reuse {
        let _ = std::fs::remove_file(&path);
    }
    let mut archive = Archive::open(&path).unwrap();
    let stamp = Stamp {
        at: "2026-01-01T08:00:00+07:00".into(),
        by: "bench".into(),
    };
    let sentences = corpus_sentences();
    let mut rng = Rng(0x5EED_CAFE);
    let mut counters = vec![0u32; KINDS.len()];

    let docs: Vec<Document> = (0..if reuse { 0 } else { n })
        .map(|_| generate(&mut rng, &sentences, &mut counters))
        .collect();
    let text_bytes: usize = docs.iter().map(|d| d.body.len() + d.title.len()).sum();
    let import_docs = docs.len();
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let mut phases = ImportTimes::default();
    for batch in docs.chunks(1_000) {
        let (_, times) = archive.create_all_timed(batch, &stamp).unwrap();
        phases.add(&times);
    }
    let import = start.elapsed();
    let import_cpu = cpu_seconds() - cpu_start;
    drop(docs);
    let n = archive.count(&Filter::default()).unwrap() as usize;

    let queries = [
        "sinh hoat chi bo mau",
        "dang uy",
        "hoi nghi dien hinh tien tien",
        "phong chong tham nhung",
        "chuyen doi so 2024",
        "nguyen van hieu",
        "82-KH/ĐU",
        "Đảng ủy",
        "hòa",
        "khong co tu nay",
    ];
    let mut per_query = Vec::new();
    let mut all = Vec::new();
    for q in queries {
        let mut samples = Vec::new();
        let mut found = 0;
        for _ in 0..30 {
            let t = Instant::now();
            found = archive.search(q, &Filter::default(), 50).unwrap().len();
            samples.push(t.elapsed());
        }
        all.extend_from_slice(&samples);
        per_query.push((
            q,
            found,
            percentile(&mut samples, 0.5),
            percentile(&mut samples, 0.95),
        ));
    }

    let filters = [
        Filter::default(),
        Filter {
            kind: Some(Kind::KeHoach),
            ..Filter::default()
        },
        Filter {
            year: Some(2020),
            ..Filter::default()
        },
        Filter {
            status: Some(Status::Issued),
            ..Filter::default()
        },
    ];
    let mut list = Vec::new();
    for f in &filters {
        for page in 0..50 {
            let t = Instant::now();
            let rows = archive.list(f, 50, page * 50).unwrap();
            list.push(t.elapsed());
            assert!(
                page > 0 || !rows.is_empty(),
                "the first page is never empty"
            );
        }
    }

    drop(archive);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let size = std::fs::metadata(&path).unwrap().len();

    println!(
        "archive benchmark: {n} documents, {:.1} MB of text",
        text_bytes as f64 / 1e6
    );
    println!(
        "import: {:.2} s, {:.0} docs/s wall; {:.2} CPU s, {:.0} docs per CPU second (batches of 1,000, one transaction each)",
        import.as_secs_f64(),
        n as f64 / import.as_secs_f64(),
        import_cpu,
        n as f64 / import_cpu
    );
    if import_docs > 0 {
        let per = |d: Duration| d.as_secs_f64() * 1e6 / import_docs as f64;
        let prepare = phases.check + phases.fold + phases.deadlines;
        let write = phases.rows + phases.search_index + phases.commit;
        println!(
            "  preparing ({} threads, summed), µs/doc: {:.0} (check {:.0}, fold {:.0}, \
             deadlines {:.0}); writing thread: {:.0} (rows {:.0}, search index {:.0}, commit {:.0})",
            phases.preparing_threads,
            per(prepare),
            per(phases.check),
            per(phases.fold),
            per(phases.deadlines),
            per(write),
            per(phases.rows),
            per(phases.search_index),
            per(phases.commit),
        );
        println!(
            "  CPU µs/doc: preparing {:.0} (summed), writing {:.0}",
            per(phases.preparing_cpu),
            per(phases.writing_cpu),
        );
    }
    println!("search (limit 50), 30 runs each:");
    for (q, found, p50, p95) in &per_query {
        println!("  {q:<32} hits {found:>3}   p50 {p50:7.2} ms   p95 {p95:7.2} ms");
    }
    println!(
        "search, all queries: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&mut all, 0.5),
        percentile(&mut all, 0.95)
    );
    println!(
        "list page (50 rows; 4 filters × 50 pages): p50 {:.3} ms, p95 {:.3} ms",
        percentile(&mut list, 0.5),
        percentile(&mut list, 0.95)
    );
    println!(
        "file size: {:.1} MB ({:.0} bytes/document)",
        size as f64 / 1e6,
        size as f64 / n as f64
    );
    drop(conn);
    if std::env::var_os("VANTHU_BENCH_CARE").is_some() {
        care(&path, dir.path(), &stamp);
    }
}

/// The archive-care figures of issue 5: backup, verify, register, readable export.
fn care(path: &std::path::Path, scratch: &std::path::Path, stamp: &Stamp) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let has: i64 = conn
        .query_row("SELECT count(*) FROM attachments", [], |r| r.get(0))
        .unwrap();
    if has == 0 {
        // One scan-sized blob per document, stored as the archive stores them (size, SHA-256),
        // in one transaction: this is set-up, not a figure.
        let mut blob = b"\x89PNG\r\n\x1a\n".to_vec();
        blob.resize(8 * 1024, 0x5a);
        let t = Instant::now();
        conn.execute_batch("BEGIN").unwrap();
        let ids: Vec<i64> = conn
            .prepare("SELECT id FROM documents")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for id in &ids {
            blob[8..16].copy_from_slice(&id.to_le_bytes());
            conn.execute(
                "INSERT INTO attachments (document_id, role, file_name, media_type, size, sha256, added_at, added_by, data)
                 VALUES (?1, 'scan', 'ban-ky.png', 'image/png', ?2, ?3, ?4, 'bench', ?5)",
                rusqlite::params![id, blob.len() as i64, vanthu_archive::sha256_hex(&blob), stamp.at, blob],
            )
            .unwrap();
        }
        conn.execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        println!(
            "attachments: {} × 8 KB stored in {:.1} s (set-up)",
            ids.len(),
            t.elapsed().as_secs_f64()
        );
    }
    drop(conn);
    let size = std::fs::metadata(path).unwrap().len();
    let mut archive = Archive::open(path).unwrap();
    let backup = scratch.join("sao-luu.sqlite3");
    let t = Instant::now();
    archive.backup(&backup, stamp).unwrap();
    println!(
        "backup: {:.1} s for {:.0} MB ({:.0} MB/s)",
        t.elapsed().as_secs_f64(),
        size as f64 / 1e6,
        size as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
    std::fs::remove_file(&backup).unwrap();
    let t = Instant::now();
    let problems = archive.verify().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    println!(
        "verify (integrity_check + every attachment's SHA-256): {:.1} s",
        t.elapsed().as_secs_f64()
    );
    drop(archive);
    let Some(cli) = std::env::var_os("VANTHU_BENCH_CLI") else {
        println!(
            "(set VANTHU_BENCH_CLI to a release `vanthu` to time the register and the export)"
        );
        return;
    };
    let run = |args: &[&std::ffi::OsStr]| {
        let t = Instant::now();
        let out = std::process::Command::new(&cli)
            .arg("--db")
            .arg(path)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.elapsed().as_secs_f64()
    };
    let pdf = scratch.join("so-2020.pdf");
    let csv = scratch.join("so-2020.csv");
    let secs = run(&[
        "register".as_ref(),
        "--year".as_ref(),
        "2020".as_ref(),
        "--pdf".as_ref(),
        pdf.as_os_str(),
        "--csv".as_ref(),
        csv.as_os_str(),
    ]);
    let pages = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_owned()))
                .unwrap_or_default()
        });
    println!(
        "register of 2020 (PDF + CSV, whole process): {secs:.2} s, {} pages, {:.0} KB",
        pages.unwrap_or_default(),
        std::fs::metadata(&pdf).unwrap().len() as f64 / 1024.0
    );
    let out = scratch.join("xuat");
    let secs = run(&["export-archive".as_ref(), out.as_os_str()]);
    println!("export-archive (whole process): {secs:.1} s");
}
