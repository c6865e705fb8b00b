//! End-to-end tests of the `vanthu` binary: real processes, real archive files in temporary
//! directories, the real corpus.

mod bad_input;
mod bad_input_table;
mod care;
mod corpus;
mod crash;
mod deadlines;
mod layout;
mod numbering;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/corpus");

pub fn corpus(name: &str) -> PathBuf {
    let dir = Path::new(CORPUS);
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| {
            panic!(
                "the corpus must be in the repository at {}: {e}",
                dir.display()
            )
        })
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap_or_else(|| panic!("corpus file {name}* missing"))
}

/// A temporary working directory with its own archive.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Default for Env {
    fn default() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kho.sqlite3");
        Env { dir, db }
    }
}

impl Env {
    pub fn new() -> Env {
        Env::default()
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vanthu"));
        c.env("VANTHU_DB", &self.db).env("USER", "kiem-thu");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("vanthu runs")
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "vanthu {args:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs and expects a user error (exit 1); returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "vanthu {args:?} should fail with exit 1; stdout: {} stderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).expect("stderr is UTF-8")
    }

    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, contents).unwrap();
        p
    }

    pub fn json(&self, name: &str, value: &serde_json::Value) -> String {
        self.file(name, value.to_string())
            .to_string_lossy()
            .into_owned()
    }

    pub fn show(&self, id: &str) -> serde_json::Value {
        serde_json::from_str(&self.ok(&["show", id.trim(), "--json"])).expect("show --json is JSON")
    }

    /// Every row of every table, to prove a refused command changed nothing.
    pub fn dump(&self) -> String {
        if !self.db.exists() {
            return String::new();
        }
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let mut out = String::new();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for t in tables {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {t} ORDER BY rowid"))
                .unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap();
            for row in rows {
                out.push_str(&format!("{t}:{}\n", row.unwrap()));
            }
        }
        out
    }
}

/// A complete Party plan as interchange JSON.
pub fn plan_json(title: &str, date: &str) -> serde_json::Value {
    serde_json::json!({
        "format": "party",
        "kind": "ke_hoach",
        "issuer": { "parent": "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "name": "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO", "code": "ĐU" },
        "place": "Thành phố Hồ Chí Minh",
        "date": date,
        "title": title,
        "body": "Thực hiện Chỉ thị số 10-CT/TW.\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao chất lượng sinh hoạt chi bộ.",
        "recipients": [ { "name": "Ban Thường vụ Đảng ủy", "note": "" } ],
        "archive": "Lưu Văn phòng Đảng ủy",
        "signature": { "authority": "T/M BAN THƯỜNG VỤ", "position": "BÍ THƯ", "name": "Nguyễn Văn Hiếu" }
    })
}
