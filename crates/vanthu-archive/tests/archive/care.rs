//! The trash, attachments, verification, backup and restore.

use vanthu_archive::{Archive, ArchiveError, AttachmentRole, Filter, RenderFailure};
use vanthu_model::Status;

use crate::{dump, fresh, plan, stamp};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

#[test]
fn a_deleted_draft_waits_in_the_trash_and_comes_back() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch bị xóa nhầm", "2024-03-15");
    f.archive.delete_draft(id, &stamp()).unwrap();
    assert!(
        f.archive
            .list(&Filter::default(), 10, 0)
            .unwrap()
            .is_empty(),
        "gone from the archive table"
    );
    assert!(
        f.archive
            .search("xoa nham", &Filter::default(), 10)
            .unwrap()
            .is_empty(),
        "and from search"
    );
    assert_eq!(f.archive.trash().unwrap()[0].id, id);
    let trashed = Filter {
        trash: true,
        ..Filter::default()
    };
    assert_eq!(f.archive.list(&trashed, 10, 0).unwrap().len(), 1);
    let err = f.archive.issue(id, &stamp()).unwrap_err();
    assert!(
        matches!(err, ArchiveError::InTrash(_)),
        "a deleted draft is not issued: {err:?}"
    );
    let err = f
        .archive
        .update_draft(id, &plan("x", "2024-03-15"), &stamp())
        .unwrap_err();
    assert!(matches!(err, ArchiveError::InTrash(_)), "{err:?}");
    f.archive.restore_draft(id, &stamp()).unwrap();
    assert_eq!(f.archive.list(&Filter::default(), 10, 0).unwrap().len(), 1);
    let actions: Vec<_> = f
        .archive
        .audit_log(Some(id))
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["create", "delete", "restore"]);
    let newest: Vec<_> = f
        .archive
        .recent_audit(2)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        newest,
        ["restore", "delete"],
        "the window's log: newest first"
    );
}

#[test]
fn issued_documents_cannot_be_deleted_even_by_sql() {
    let mut f = fresh();
    let id = f.issued("Kế hoạch", "2024-03-15");
    let before = dump(&f.path);
    let err = f.archive.delete_draft(id, &stamp()).unwrap_err();
    assert!(matches!(err, ArchiveError::Immutable { .. }), "{err:?}");
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    let raw = conn.execute(
        "INSERT INTO trash (document_id, deleted_at, deleted_by) VALUES (?1, 'x', 'y')",
        [id],
    );
    assert!(
        raw.is_err(),
        "the database refuses to trash an issued document"
    );
    assert_eq!(dump(&f.path), before);
}

#[test]
fn attachments_keep_their_bytes_and_fingerprint() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch", "2024-03-15");
    let scan = f.archive.attach(id, "ban-ky.pdf", PDF, &stamp()).unwrap();
    assert_eq!(scan.media_type, "application/pdf");
    assert_eq!(scan.size, PDF.len() as u64);
    assert_eq!(scan.sha256, vanthu_archive::sha256_hex(PDF));
    let png = f.archive.attach(id, "trang-1.png", PNG, &stamp()).unwrap();
    assert_eq!(png.media_type, "image/png");
    assert_eq!(f.archive.attachments(id).unwrap().len(), 2);
    assert_eq!(f.archive.attachment_bytes(scan.id).unwrap().1, PDF);
    let before = dump(&f.path);
    for (name, bytes) in [("ghi-chu.txt", &b"van ban"[..]), ("rong.pdf", &b""[..])] {
        let err = f.archive.attach(id, name, bytes, &stamp()).unwrap_err();
        assert!(
            matches!(err, ArchiveError::BadAttachment { .. }),
            "{name}: {err:?}"
        );
        assert!(err.message_vi().contains(name), "{}", err.message_vi());
    }
    let big = vec![b'%'; vanthu_archive::MAX_ATTACHMENT_BYTES + 1];
    let err = f
        .archive
        .attach(id, "qua-lon.pdf", &big, &stamp())
        .unwrap_err();
    assert!(err.message_vi().contains("quá lớn"), "{}", err.message_vi());
    assert_eq!(dump(&f.path), before, "refused files change nothing");
    assert!(f.archive.verify().unwrap().is_empty());
}

#[test]
fn several_files_attach_all_or_none() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch", "2024-03-15");
    let before = dump(&f.path);
    let log_before = f.archive.audit_log(None).unwrap();
    let files = vec![
        ("ban-ky.pdf".to_owned(), PDF.to_vec()),
        ("ghi-chu.txt".to_owned(), b"van ban".to_vec()),
    ];
    let err = f.archive.attach_all(id, &files, &stamp()).unwrap_err();
    assert!(
        matches!(&err, ArchiveError::BadAttachment { name, .. } if name == "ghi-chu.txt"),
        "the clerk is told which file was refused: {err:?}"
    );
    assert!(
        err.message_vi().contains("ghi-chu.txt"),
        "{}",
        err.message_vi()
    );
    assert!(
        f.archive.attachments(id).unwrap().is_empty(),
        "the good PDF must not be stored when another file of the batch is refused"
    );
    assert_eq!(f.archive.audit_log(None).unwrap(), log_before);
    assert_eq!(dump(&f.path), before, "a refused batch changes nothing");

    let files = vec![
        ("ban-ky.pdf".to_owned(), PDF.to_vec()),
        ("trang-1.png".to_owned(), PNG.to_vec()),
    ];
    let stored = f.archive.attach_all(id, &files, &stamp()).unwrap();
    let names: Vec<&str> = stored.iter().map(|a| a.file_name.as_str()).collect();
    assert_eq!(names, ["ban-ky.pdf", "trang-1.png"]);
    assert_eq!(f.archive.attachments(id).unwrap(), stored);
    let attached = f
        .archive
        .audit_log(Some(id))
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "attach")
        .count();
    assert_eq!(attached, 2, "one audit entry per attached file");
}

#[test]
fn a_deleted_draft_takes_no_attachment() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch", "2024-03-15");
    f.archive.delete_draft(id, &stamp()).unwrap();
    let before = dump(&f.path);
    let err = f
        .archive
        .attach(id, "ban-ky.pdf", PDF, &stamp())
        .unwrap_err();
    assert!(matches!(err, ArchiveError::InTrash(_)), "{err:?}");
    assert_eq!(dump(&f.path), before);
}

#[test]
fn verify_finds_a_tampered_attachment() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch", "2024-03-15");
    let att = f.archive.attach(id, "ban-ky.pdf", PDF, &stamp()).unwrap();
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    assert!(
        conn.execute("UPDATE attachments SET data = x'00'", [])
            .is_err(),
        "attachments are never rewritten"
    );
    // Someone with a SQLite tool and intent: drop the guard and change the bytes.
    conn.execute_batch("DROP TRIGGER attachments_no_update; UPDATE attachments SET data = CAST('%PDF-giả mạo' AS BLOB);").unwrap();
    let problems = f.archive.verify().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].attachment_id, Some(att.id));
    assert!(
        problems[0].message.contains("ban-ky.pdf"),
        "{}",
        problems[0].message
    );
    assert!(matches!(
        f.archive.attachment_bytes(att.id).unwrap_err(),
        ArchiveError::Damaged { .. }
    ));
}

#[test]
fn issuing_stores_the_printed_pdf_or_takes_no_number() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch", "2024-03-15");
    let before = dump(&f.path);
    let err = f
        .archive
        .issue_with_pdf(id, &stamp(), |_| {
            Err(RenderFailure {
                message_vi: "không có phông chữ Times New Roman".into(),
                message_en: "no Times New Roman font".into(),
            })
        })
        .unwrap_err();
    assert!(matches!(err, ArchiveError::Render { .. }), "{err:?}");
    assert_eq!(
        err.message_vi(),
        "Không tạo được bản PDF nên chưa ban hành: không có phông chữ Times New Roman"
    );
    assert_eq!(
        err.to_string(),
        "the PDF could not be made, so nothing was issued: no Times New Roman font",
        "the English line is English, said once"
    );
    assert_eq!(dump(&f.path), before, "a failed rendering takes no number");
    let issued = f
        .archive
        .issue_with_pdf(id, &stamp(), |doc| {
            assert_eq!(
                doc.symbol.as_deref(),
                Some("01-KH/ĐU"),
                "the PDF is made of the numbered document"
            );
            Ok(PDF.to_vec())
        })
        .unwrap();
    assert_eq!(issued.symbol, "01-KH/ĐU");
    let atts = f.archive.attachments(id).unwrap();
    assert_eq!(atts.len(), 1);
    assert_eq!(atts[0].role, AttachmentRole::IssuedPdf);
    assert_eq!(atts[0].file_name, "01-KH_ĐU.pdf");
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    assert!(
        conn.execute("DELETE FROM attachments", []).is_err(),
        "the issued copy is kept"
    );
}

#[test]
fn backup_and_restore_round_trip_and_refuse_bad_files() {
    let mut f = fresh();
    let id = f.draft("Kế hoạch cần giữ", "2024-03-15");
    f.archive.attach(id, "ban-ky.pdf", PDF, &stamp()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("sao-luu.sqlite3");
    // Another connection holds a read transaction open meanwhile, as the app would.
    let reader = rusqlite::Connection::open(&f.path).unwrap();
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM documents;")
        .unwrap();
    f.archive.backup(&copy, &stamp()).unwrap();
    reader.execute_batch("COMMIT").unwrap();

    // After the backup the archive changes; restoring brings back the state of the backup.
    f.archive
        .create(&plan("Viết sau khi sao lưu", "2024-03-16"), &stamp())
        .unwrap();
    let target = f.path.clone();
    drop(f.archive);
    let aside = Archive::restore(&target, &copy, &stamp()).unwrap();
    assert!(aside.exists(), "the replaced archive is kept aside");
    let restored = Archive::open(&target).unwrap();
    let titles: Vec<_> = restored
        .list(&Filter::default(), 10, 0)
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Kế hoạch cần giữ"]);
    assert!(restored.verify().unwrap().is_empty());
    assert_eq!(
        Archive::open(&aside)
            .unwrap()
            .count(&Filter::default())
            .unwrap(),
        2
    );
    drop(restored);

    let before = std::fs::read(&target).unwrap();
    let junk = dir.path().join("rac.sqlite3");
    std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
    let truncated = dir.path().join("cut.sqlite3");
    let bytes = std::fs::read(&copy).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let newer = dir.path().join("moi.sqlite3");
    std::fs::copy(&copy, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    for bad in [
        &junk,
        &truncated,
        &newer,
        &dir.path().join("khong-co.sqlite3"),
    ] {
        let err = Archive::restore(&target, bad, &stamp()).unwrap_err();
        assert!(
            matches!(
                err,
                ArchiveError::Restore { .. } | ArchiveError::NewerArchive { .. }
            ),
            "{}: {err:?}",
            bad.display()
        );
        assert_eq!(
            std::fs::read(&target).unwrap(),
            before,
            "{} must change nothing",
            bad.display()
        );
    }
    assert_eq!(
        Archive::open(&target).unwrap().get(id).unwrap().status,
        Status::Draft
    );
}

#[test]
fn the_daily_backup_runs_once_a_day_and_keeps_the_newest() {
    let mut f = fresh();
    f.archive
        .create(&plan("Kế hoạch", "2024-03-15"), &stamp())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let day = |d: &str| vanthu_model::date::parse_iso(d).unwrap();
    for d in ["2025-03-01", "2025-03-02", "2025-03-03"] {
        assert!(f
            .archive
            .daily_backup(dir.path(), day(d), 2, &stamp())
            .unwrap()
            .is_some());
    }
    assert!(
        f.archive
            .daily_backup(dir.path(), day("2025-03-03"), 2, &stamp())
            .unwrap()
            .is_none(),
        "once a day"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["vanthu-2025-03-02.sqlite3", "vanthu-2025-03-03.sqlite3"]
    );
    let copy = Archive::open(&dir.path().join(&names[1])).unwrap();
    assert_eq!(copy.count(&Filter::default()).unwrap(), 1);
}
