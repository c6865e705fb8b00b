//! The operations as both front ends call them, on real archives (SQLite files in a temporary
//! folder), real files and real PDFs read back with poppler. Every multi-file operation is
//! checked here to go in whole or not at all.

mod batches;
mod deadlines;
mod layout;
mod printing;
mod word;

use std::path::{Path, PathBuf};
use std::process::Command;

use vanthu_archive::{Archive, Stamp};
use vanthu_model::{Document, Format, Issuer, Kind, Recipient, Signature};

pub fn stamp() -> Stamp {
    Stamp {
        at: "2026-11-30T09:00:00+07:00".into(),
        by: "vanthu".into(),
    }
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub archive: Archive,
}

impl Default for Fixture {
    fn default() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(&dir.path().join("kho.sqlite3")).unwrap();
        Fixture { dir, archive }
    }
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::default()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Every row of every table, to show that a refused operation changed nothing.
    pub fn dump(&self) -> String {
        let conn = rusqlite::Connection::open(self.archive.path()).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut out = String::new();
        for t in tables {
            let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap();
            for row in rows {
                out.push_str(&format!("{t}: {}\n", row.unwrap()));
            }
        }
        out
    }
}

/// A complete Party plan, its wording made up for the tests.
pub fn plan() -> Document {
    Document {
        format: Format::Party,
        kind: Some(Kind::KeHoach),
        issuer: Issuer {
            parent: "ĐẢNG BỘ TỈNH THỬ NGHIỆM".into(),
            name: "ĐẢNG ỦY XÃ THỬ NGHIỆM".into(),
            code: "ĐU".into(),
        },
        place: "Xã Thử Nghiệm".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
        title: "Tổ chức đợt sinh hoạt thử nghiệm".into(),
        body: "Đảng ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n- Các chi bộ thực hiện \
               nghiêm túc.\n\nII. TỔ CHỨC THỰC HIỆN\n\nVăn phòng theo dõi việc thực hiện./."
            .into(),
        recipients: vec![Recipient {
            name: "Các chi bộ trực thuộc".into(),
            note: String::new(),
        }],
        archive: "Lưu Văn phòng Đảng ủy".into(),
        signature: Signature {
            authority: "T/M ĐẢNG ỦY".into(),
            position: "BÍ THƯ".into(),
            name: "Trần Văn Thử".into(),
        },
        ..Document::default()
    }
}

pub fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus")
        .join(name)
}

/// A small real PDF (what a scanner's PDF starts and ends like).
pub fn scan_pdf() -> Vec<u8> {
    vanthu_pdf::render(&plan(), &Default::default()).unwrap()
}

/// Words of a PDF with their type size, as pdftotext measures them.
pub fn words(pdf: &[u8], dir: &Path) -> Vec<(String, f32)> {
    let path = dir.join("measure.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-raw", "-bbox", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) measures the PDFs");
    assert!(out.status.success());
    // FontDescriptor ascent + descent of Liberation Serif / Times New Roman, in em.
    const BOX_EM: f32 = 0.891 + 0.216;
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<word "))
        .map(|rest| {
            let attr = |name: &str| -> f32 {
                let key = format!("{name}=\"");
                let s = rest.find(&key).unwrap() + key.len();
                rest[s..s + rest[s..].find('"').unwrap()].parse().unwrap()
            };
            let close = rest.find('>').unwrap();
            let text = rest[close + 1..].trim_end_matches("</word>").to_owned();
            (text, (attr("yMax") - attr("yMin")) / BOX_EM)
        })
        .collect()
}
