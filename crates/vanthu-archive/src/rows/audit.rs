//! The audit log table: who did what to which document, and when. Rows are only ever added;
//! the database refuses updates and deletes.
//!
//! The action is stored as a short English key (`issue`, `delete signer`). Archives in offices
//! already hold these exact strings, so [`AuditAction::key`] never changes a key it has given;
//! a new action gets a new key.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{ArchiveError, Result};
use crate::stamp::Stamp;

/// Everything the archive writes to its log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    /// A new draft.
    Create,
    /// A document issued before, recorded under the number it carries.
    Record,
    Edit,
    Issue,
    /// A draft moved to the trash.
    Delete,
    /// A draft brought back from the trash.
    Restore,
    Attach,
    /// One document written out to a file.
    Export,
    ExportArchive,
    Backup,
    RestoreArchive,
    /// The conventions where the regulations' sources disagree.
    Settings,
    IssuerProfile,
    Signer,
    RecipientList,
    DeleteIssuerProfile,
    DeleteSigner,
    DeleteRecipientList,
    /// The PDF layout in force for a format, set or reset.
    Layout,
    LayoutPreset,
    DeleteLayoutPreset,
    /// Deadlines read from a document's body when it was issued or recorded.
    DeadlinesRead,
    DeadlineAdd,
    DeadlineEdit,
    DeadlineRemove,
    DeadlineDone,
    DeadlineReopen,
}

impl AuditAction {
    pub const ALL: [AuditAction; 27] = [
        AuditAction::Create,
        AuditAction::Record,
        AuditAction::Edit,
        AuditAction::Issue,
        AuditAction::Delete,
        AuditAction::Restore,
        AuditAction::Attach,
        AuditAction::Export,
        AuditAction::ExportArchive,
        AuditAction::Backup,
        AuditAction::RestoreArchive,
        AuditAction::Settings,
        AuditAction::IssuerProfile,
        AuditAction::Signer,
        AuditAction::RecipientList,
        AuditAction::DeleteIssuerProfile,
        AuditAction::DeleteSigner,
        AuditAction::DeleteRecipientList,
        AuditAction::Layout,
        AuditAction::LayoutPreset,
        AuditAction::DeleteLayoutPreset,
        AuditAction::DeadlinesRead,
        AuditAction::DeadlineAdd,
        AuditAction::DeadlineEdit,
        AuditAction::DeadlineRemove,
        AuditAction::DeadlineDone,
        AuditAction::DeadlineReopen,
    ];

    /// The text stored in the log.
    pub fn key(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Record => "record",
            AuditAction::Edit => "edit",
            AuditAction::Issue => "issue",
            AuditAction::Delete => "delete",
            AuditAction::Restore => "restore",
            AuditAction::Attach => "attach",
            AuditAction::Export => "export",
            AuditAction::ExportArchive => "export-archive",
            AuditAction::Backup => "backup",
            AuditAction::RestoreArchive => "restore-archive",
            AuditAction::Settings => "settings",
            AuditAction::IssuerProfile => "issuer-profile",
            AuditAction::Signer => "signer",
            AuditAction::RecipientList => "recipient-list",
            AuditAction::DeleteIssuerProfile => "delete issuer profile",
            AuditAction::DeleteSigner => "delete signer",
            AuditAction::DeleteRecipientList => "delete recipient list",
            AuditAction::Layout => "layout",
            AuditAction::LayoutPreset => "layout-preset",
            AuditAction::DeleteLayoutPreset => "delete layout preset",
            AuditAction::DeadlinesRead => "deadlines-read",
            AuditAction::DeadlineAdd => "deadline-add",
            AuditAction::DeadlineEdit => "deadline-edit",
            AuditAction::DeadlineRemove => "deadline-remove",
            AuditAction::DeadlineDone => "deadline-done",
            AuditAction::DeadlineReopen => "deadline-reopen",
        }
    }

    /// The action a stored key names; `None` for a key this program does not know (written by
    /// a newer one).
    pub fn from_key(key: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The action as the clerk reads it.
    pub fn name_vi(self) -> &'static str {
        match self {
            AuditAction::Create => "Tạo",
            AuditAction::Record => "Ghi nhận văn bản đã ban hành",
            AuditAction::Edit => "Sửa",
            AuditAction::Issue => "Ban hành",
            AuditAction::Delete => "Xóa (vào thùng rác)",
            AuditAction::Restore => "Khôi phục từ thùng rác",
            AuditAction::Attach => "Đính kèm",
            AuditAction::Export => "Xuất ra tệp",
            AuditAction::ExportArchive => "Xuất toàn bộ kho",
            AuditAction::Backup => "Sao lưu",
            AuditAction::RestoreArchive => "Khôi phục kho",
            AuditAction::Settings => "Đổi cài đặt",
            AuditAction::IssuerProfile => "Lưu cơ quan ban hành",
            AuditAction::Signer => "Lưu người ký",
            AuditAction::RecipientList => "Lưu danh sách nơi nhận",
            AuditAction::DeleteIssuerProfile => "Xóa cơ quan ban hành",
            AuditAction::DeleteSigner => "Xóa người ký",
            AuditAction::DeleteRecipientList => "Xóa danh sách nơi nhận",
            AuditAction::Layout => "Đổi cách trình bày văn bản",
            AuditAction::LayoutPreset => "Lưu mẫu trình bày",
            AuditAction::DeleteLayoutPreset => "Xóa mẫu trình bày",
            AuditAction::DeadlinesRead => "Đọc thời hạn từ văn bản",
            AuditAction::DeadlineAdd => "Thêm thời hạn",
            AuditAction::DeadlineEdit => "Sửa thời hạn",
            AuditAction::DeadlineRemove => "Xóa thời hạn",
            AuditAction::DeadlineDone => "Đánh dấu đã xong",
            AuditAction::DeadlineReopen => "Mở lại thời hạn",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    /// When, as a clerk reads it (`22/11/2026 08:15`).
    pub at_text: String,
    pub actor: String,
    /// The stored key ([`AuditAction::key`]).
    pub action: String,
    /// The action as the clerk reads it (`Ban hành`, `Xóa (vào thùng rác)`).
    pub label: String,
    pub document_id: Option<i64>,
    pub detail: String,
}

impl AuditEntry {
    /// The action, if this program knows its key.
    pub fn action(&self) -> Option<AuditAction> {
        AuditAction::from_key(&self.action)
    }
}

pub(crate) fn append(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    action: AuditAction,
    document_id: Option<i64>,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, document_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .and_then(|mut st| {
        st.execute(params![
            stamp.at,
            stamp.by,
            action.key(),
            document_id,
            detail
        ])
    })
    .map_err(ArchiveError::sqlite("write the audit log"))?;
    Ok(())
}

/// The log oldest first; of one document when `document_id` is given.
pub(crate) fn all(conn: &Connection, document_id: Option<i64>) -> Result<Vec<AuditEntry>> {
    read(
        conn,
        "SELECT id, at, actor, action, document_id, detail FROM audit_log
         WHERE ?1 IS NULL OR document_id = ?1 ORDER BY id",
        params![document_id],
    )
}

/// The newest `limit` entries, newest first.
pub(crate) fn recent(conn: &Connection, limit: usize) -> Result<Vec<AuditEntry>> {
    read(
        conn,
        "SELECT id, at, actor, action, document_id, detail FROM audit_log
         ORDER BY id DESC LIMIT ?1",
        params![limit as i64],
    )
}

fn read(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn
        .prepare(sql)
        .map_err(ArchiveError::sqlite("read the audit log"))?;
    let rows = stmt
        .query_map(args, from_row)
        .map_err(ArchiveError::sqlite("read the audit log"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(ArchiveError::sqlite("read the audit log"))
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let action: String = r.get(3)?;
    // A key from a newer program is shown as it is stored rather than hidden.
    let label =
        AuditAction::from_key(&action).map_or_else(|| action.clone(), |a| a.name_vi().to_owned());
    let at: String = r.get(1)?;
    Ok(AuditEntry {
        id: r.get(0)?,
        at_text: vanthu_model::date::stamp_vi(&at),
        at,
        actor: r.get(2)?,
        label,
        action,
        document_id: r.get(4)?,
        detail: r.get(5)?,
    })
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn every_action_reads_back_from_its_stored_key() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_key(action.key()), Some(action));
        }
        assert_eq!(AuditAction::from_key("no such action"), None);
    }

    #[test]
    fn the_keys_existing_archives_hold_are_kept() {
        // Existing archives hold these strings: changing one would orphan their entries.
        let keys: Vec<&str> = AuditAction::ALL.iter().map(|a| a.key()).collect();
        assert_eq!(
            keys,
            [
                "create",
                "record",
                "edit",
                "issue",
                "delete",
                "restore",
                "attach",
                "export",
                "export-archive",
                "backup",
                "restore-archive",
                "settings",
                "issuer-profile",
                "signer",
                "recipient-list",
                "delete issuer profile",
                "delete signer",
                "delete recipient list",
                "layout",
                "layout-preset",
                "delete layout preset",
                "deadlines-read",
                "deadline-add",
                "deadline-edit",
                "deadline-remove",
                "deadline-done",
                "deadline-reopen",
            ]
        );
    }
}
