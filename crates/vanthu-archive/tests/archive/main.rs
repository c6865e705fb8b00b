//! Integration tests of the archive on real SQLite files in temporary directories.

mod care;
mod deadlines;
mod integrity;
mod layout;
mod numbering;
mod search;

use std::path::PathBuf;

use vanthu_archive::{Archive, Stamp};
use vanthu_model::{Document, Format, Issuer, Kind, Recipient, Signature};

pub struct Fixture {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub archive: Archive,
}

pub fn fresh() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vanthu.sqlite3");
    let archive = Archive::open(&path).expect("a new archive opens");
    Fixture {
        _dir: dir,
        path,
        archive,
    }
}

impl Fixture {
    /// Stores a complete plan as a draft; its id.
    pub fn draft(&mut self, title: &str, date: &str) -> i64 {
        self.archive
            .create(&plan(title, date), &stamp())
            .expect("a complete plan is stored")
    }

    /// Stores and issues a complete plan; its id.
    pub fn issued(&mut self, title: &str, date: &str) -> i64 {
        let id = self.draft(title, date);
        self.archive
            .issue(id, &stamp())
            .expect("a complete plan is issued");
        id
    }
}

pub fn stamp() -> Stamp {
    Stamp {
        at: "2025-03-01T09:00:00+07:00".to_owned(),
        by: "vanthu-test".to_owned(),
    }
}

/// A complete Party plan, ready to issue.
pub fn plan(title: &str, date: &str) -> Document {
    Document {
        format: Format::Party,
        kind: Some(Kind::KeHoach),
        issuer: Issuer {
            parent: "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH".into(),
            name: "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO".into(),
            code: "ĐU".into(),
        },
        place: "Thành phố Hồ Chí Minh".into(),
        date: Some(vanthu_model::date::parse_iso(date).expect("test date")),
        title: title.into(),
        body: "Thực hiện Chỉ thị số 10-CT/TW của Ban Bí thư.\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao chất lượng sinh hoạt chi bộ.".into(),
        recipients: vec![
            Recipient { name: "Ban Thường vụ Đảng ủy".into(), note: String::new() },
            Recipient { name: "Đảng ủy Khối CCQ-DN tỉnh".into(), note: "để b/c".into() },
        ],
        archive: "Lưu Văn phòng Đảng ủy".into(),
        signature: Signature {
            authority: "T/M BAN THƯỜNG VỤ".into(),
            position: "BÍ THƯ".into(),
            name: "Nguyễn Văn Hiếu".into(),
        },
        ..Document::default()
    }
}

/// A plan that arrives already issued under `number` (last year's, imported): recorded, not
/// numbered by the register.
pub fn record(title: &str, date: &str, number: u32) -> Document {
    Document {
        status: vanthu_model::Status::Issued,
        number: Some(number),
        ..plan(title, date)
    }
}

/// Everything in the archive as text, to prove a refused operation changed nothing.
pub fn dump(path: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("open for dump");
    let mut out = String::new();
    for table in [
        "documents",
        "registers",
        "audit_log",
        "issuer_profiles",
        "signers",
        "recipient_lists",
        "recipient_list_items",
        "settings",
        "trash",
        "attachments",
        "layout_presets",
        "layouts",
        "deadlines",
    ] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
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
            out.push_str(table);
            out.push(':');
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    out
}
