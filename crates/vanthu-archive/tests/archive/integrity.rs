//! What protects the archive: immutability in the database, schema versions, foreign files,
//! NFC storage and the audit log.

use unicode_normalization::UnicodeNormalization;
use vanthu_archive::{Archive, ArchiveError, SCHEMA_VERSION};
use vanthu_model::Status;

use crate::{dump, fresh, plan, stamp};

#[test]
fn an_issued_document_cannot_be_edited_by_the_program() {
    let mut f = fresh();
    let id = f.issued("Kế hoạch", "2024-03-15");
    let before = dump(&f.path);
    let err = f
        .archive
        .update_draft(id, &plan("Sửa lại", "2024-03-15"), &stamp())
        .unwrap_err();
    assert!(matches!(err, ArchiveError::Immutable { .. }), "{err:?}");
    assert!(
        err.message_vi().contains("01-KH/ĐU"),
        "{}",
        err.message_vi()
    );
    let again = f.archive.issue(id, &stamp()).unwrap_err();
    assert!(
        matches!(again, ArchiveError::Immutable { .. }),
        "issuing twice must not take a second number"
    );
    assert_eq!(dump(&f.path), before);
}

#[test]
fn an_issued_document_cannot_be_changed_by_raw_sql() {
    let mut f = fresh();
    let id = f.issued("Kế hoạch", "2024-03-15");
    let before = dump(&f.path);
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    for sql in [
        "UPDATE documents SET title = 'giả mạo' WHERE id = ?1",
        "UPDATE documents SET status = 'draft', number = NULL, symbol = NULL, register_id = NULL WHERE id = ?1",
        "DELETE FROM documents WHERE id = ?1",
        "UPDATE audit_log SET actor = 'ai đó' WHERE document_id = ?1",
        "DELETE FROM audit_log WHERE document_id = ?1",
    ] {
        let err = conn.execute(sql, [id]).expect_err(sql);
        assert!(err.to_string().contains("vanthu:"), "{sql}: {err}");
    }
    assert_eq!(dump(&f.path), before);
}

#[test]
fn drafts_can_be_edited_and_the_log_remembers() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch", "2024-03-15");
    f.archive
        .update_draft(id, &plan("Kế hoạch sửa", "2024-03-16"), &stamp())
        .unwrap();
    let doc = f.archive.get(id).unwrap();
    assert_eq!(doc.title, "Kế hoạch sửa");
    assert_eq!(doc.status, Status::Draft);
    let actions: Vec<_> = f
        .archive
        .audit_log(Some(id))
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["create", "edit"]);
}

#[test]
fn nfd_input_is_stored_nfc() {
    let mut f = fresh();
    let mut doc = plan("x", "2024-03-15");
    doc.title = "Tổ chức hội nghị".nfd().collect();
    doc.signature.name = "Nguyễn Văn Hiếu".nfd().collect();
    let id = f.archive.create(&doc, &stamp()).unwrap();
    let stored = f.archive.get(id).unwrap();
    assert_eq!(stored.title, "Tổ chức hội nghị");
    assert_eq!(stored.signature.name, "Nguyễn Văn Hiếu");
    assert_eq!(
        f.archive
            .search("Tổ chức hội nghị", &Default::default(), 10)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_archive_from_a_newer_program_is_refused_untouched() {
    let f = fresh();
    let path = f.path.clone();
    drop(f.archive);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Archive::open(&path)
        .err()
        .expect("a newer archive must be refused");
    assert!(matches!(err, ArchiveError::NewerArchive { .. }), "{err:?}");
    assert!(
        err.message_vi().contains("phiên bản VănThư mới hơn"),
        "{}",
        err.message_vi()
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_an_archive_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("ghi-chu.txt");
    std::fs::write(&text, "Không phải cơ sở dữ liệu, chỉ là một ghi chú dài hơn một trăm byte để SQLite đọc phần đầu tệp và nhận ra.").unwrap();
    let err = Archive::open(&text)
        .err()
        .expect("a text file is not an archive");
    assert!(matches!(err, ArchiveError::NotAnArchive { .. }), "{err:?}");
    let other = dir.path().join("khac.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let err = Archive::open(&other)
        .err()
        .expect("another program's database is not an archive");
    assert!(matches!(err, ArchiveError::NotAnArchive { .. }), "{err:?}");
}

#[test]
fn saved_lists_keep_their_order() {
    use vanthu_archive::{RecipientList, Signer};
    use vanthu_model::Recipient;
    let mut f = fresh();
    let items = ["Ban Thường vụ Đảng ủy", "Các chi bộ trực thuộc", "Lưu trữ"]
        .map(|n| Recipient {
            name: n.into(),
            note: String::new(),
        })
        .to_vec();
    let id = f
        .archive
        .save_recipient_list(
            &RecipientList {
                id: None,
                name: "Gửi các chi bộ".into(),
                items: items.clone(),
            },
            &stamp(),
        )
        .unwrap();
    let mut reordered = items.clone();
    reordered.reverse();
    f.archive
        .save_recipient_list(
            &RecipientList {
                id: Some(id),
                name: "Gửi các chi bộ".into(),
                items: reordered.clone(),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(f.archive.recipient_list(id).unwrap().items, reordered);
    let dup = f
        .archive
        .save_recipient_list(
            &RecipientList {
                id: None,
                name: "Gửi các chi bộ".into(),
                items,
            },
            &stamp(),
        )
        .unwrap_err();
    assert!(matches!(dup, ArchiveError::Duplicate { .. }), "{dup:?}");
    f.archive
        .save_signer(
            &Signer {
                id: None,
                authority: "T/M BAN THƯỜNG VỤ".into(),
                position: "BÍ THƯ".into(),
                name: "Nguyễn Văn Hiếu".into(),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(f.archive.signers().unwrap().len(), 1);
}
