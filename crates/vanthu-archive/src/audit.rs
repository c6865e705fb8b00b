//! The audit log: who did what to which document, and when. Rows are only ever added; the
//! database refuses updates and deletes.

use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{ArchiveError, Result};
use crate::{Archive, Stamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    /// The action as the clerk reads it (`Ban hành`, `Xóa (vào thùng rác)`).
    pub label: String,
    pub document_id: Option<i64>,
    pub detail: String,
}

/// The Vietnamese words for an action key of the log.
pub fn action_vi(action: &str) -> &str {
    match action {
        "create" => "Tạo",
        "record" => "Ghi nhận văn bản đã ban hành",
        "edit" => "Sửa",
        "issue" => "Ban hành",
        "delete" => "Xóa (vào thùng rác)",
        "restore" => "Khôi phục từ thùng rác",
        "attach" => "Đính kèm",
        "export" => "Xuất ra tệp",
        "export-archive" => "Xuất toàn bộ kho",
        "backup" => "Sao lưu",
        "restore-archive" => "Khôi phục kho",
        "settings" => "Đổi cài đặt",
        "issuer-profile" => "Lưu cơ quan ban hành",
        "signer" => "Lưu người ký",
        "recipient-list" => "Lưu danh sách nơi nhận",
        "delete issuer profile" => "Xóa cơ quan ban hành",
        "delete signer" => "Xóa người ký",
        "delete recipient list" => "Xóa danh sách nơi nhận",
        "layout" => "Đổi cách trình bày văn bản",
        "layout-preset" => "Lưu mẫu trình bày",
        "delete layout preset" => "Xóa mẫu trình bày",
        other => other,
    }
}

pub(crate) fn append(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    action: &str,
    document_id: Option<i64>,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, document_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .and_then(|mut st| st.execute(params![stamp.at, stamp.by, action, document_id, detail]))
    .map_err(ArchiveError::sqlite("write the audit log"))?;
    Ok(())
}

impl Archive {
    /// Records that a document was exported (where to), so the log tells what left the office.
    pub fn note_export(&mut self, id: i64, destination: &str, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("write the audit log")?;
        crate::documents::get_tx(&tx, id)?;
        append(&tx, stamp, "export", Some(id), destination)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("write the audit log"))
    }

    /// Records an export of the whole archive (where to).
    pub fn note_archive_export(&mut self, destination: &str, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("write the audit log")?;
        append(&tx, stamp, "export-archive", None, destination)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("write the audit log"))
    }

    /// The audit log, oldest first; of one document when `document_id` is given.
    pub fn audit_log(&self, document_id: Option<i64>) -> Result<Vec<AuditEntry>> {
        self.read_audit(
            "SELECT id, at, actor, action, document_id, detail FROM audit_log
             WHERE ?1 IS NULL OR document_id = ?1 ORDER BY id",
            params![document_id],
        )
    }

    /// The newest `limit` entries of the whole log, newest first (the window's view of it).
    pub fn recent_audit(&self, limit: usize) -> Result<Vec<AuditEntry>> {
        self.read_audit(
            "SELECT id, at, actor, action, document_id, detail FROM audit_log
             ORDER BY id DESC LIMIT ?1",
            params![limit as i64],
        )
    }

    fn read_audit(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<AuditEntry>> {
        let mut stmt = self
            .conn
            .prepare(sql)
            .map_err(ArchiveError::sqlite("read the audit log"))?;
        let rows = stmt
            .query_map(args, |r| {
                let action: String = r.get(3)?;
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    label: action_vi(&action).to_owned(),
                    action,
                    document_id: r.get(4)?,
                    detail: r.get(5)?,
                })
            })
            .map_err(ArchiveError::sqlite("read the audit log"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read the audit log"))
    }
}
