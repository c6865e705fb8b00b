//! Trash, log, attachments, verify, backup and restore through the binary.

use crate::{plan_json, Env};

#[test]
fn delete_undelete_and_the_log() {
    let env = Env::new();
    let id = env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch xóa nhầm", "2024-05-01")),
    ]);
    let id = id.trim();
    env.ok(&["delete", id]);
    assert!(env.ok(&["list"]).contains("không có văn bản nào"));
    assert!(env.ok(&["list", "--trash"]).contains("Kế hoạch xóa nhầm"));
    env.ok(&["undelete", id]);
    assert!(env.ok(&["list"]).contains("Kế hoạch xóa nhầm"));
    let issued = env.ok(&["issue", id]);
    let err = env.fails(&["delete", id]);
    assert!(
        err.contains(issued.trim()) && err.contains("không được sửa hay xóa"),
        "{err}"
    );
    let log = env.ok(&["log", id]);
    for action in [
        "tạo",
        "xóa (vào thùng rác)",
        "khôi phục từ thùng rác",
        "ban hành",
    ] {
        assert!(
            log.contains(action),
            "the log should show “{action}”:\n{log}"
        );
    }
    assert!(log.contains("kiem-thu"), "the OS user is recorded:\n{log}");
}

#[test]
fn issuing_keeps_the_printed_pdf_and_export_gives_it_back() {
    let env = Env::new();
    let id = env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch in", "2024-05-01")),
    ]);
    let id = id.trim();
    env.ok(&["issue", id]);
    let list = env.ok(&["attachments", id, "--json"]);
    let atts: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(atts.len(), 1);
    assert_eq!(atts[0]["role"], "issued_pdf");
    let out = env.dir.path().join("ban-in.pdf");
    env.ok(&["export", id, "--pdf", out.to_str().unwrap()]);
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(
        vanthu_archive::sha256_hex(&bytes),
        atts[0]["sha256"],
        "export gives the very PDF printed at issue"
    );
    assert!(env.ok(&["log", id]).contains("xuất PDF"));

    // The signed scan comes back later and is attached.
    let scan = env.file("ban-ky.pdf", b"%PDF-1.4\n% scan\n%%EOF\n");
    env.ok(&["attach", id, scan.to_str().unwrap()]);
    let err = env.fails(&[
        "attach",
        id,
        env.file("ghi-chu.txt", "chữ").to_str().unwrap(),
    ]);
    assert!(
        err.contains("ghi-chu.txt") && err.contains("PDF, JPEG hoặc PNG"),
        "{err}"
    );
    let atts: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["attachments", id, "--json"])).unwrap();
    assert_eq!(atts.len(), 2);
    let saved = env.dir.path().join("lay-lai.pdf");
    env.ok(&[
        "save-attachment",
        &atts[1]["id"].to_string(),
        "--out",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read(&saved).unwrap(),
        std::fs::read(&scan).unwrap()
    );
    assert!(env.ok(&["verify"]).contains("nguyên vẹn"));
}

#[test]
fn verify_reports_a_damaged_attachment() {
    let env = Env::new();
    let id = env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch", "2024-05-01")),
    ]);
    env.ok(&[
        "attach",
        id.trim(),
        env.file("a.png", b"\x89PNG\r\n\x1a\nDATA")
            .to_str()
            .unwrap(),
    ]);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER attachments_no_update; UPDATE attachments SET data = x'89504E470D0A1A0A58585858';",
    )
    .unwrap();
    let err = env.fails(&["verify"]);
    assert!(err.contains("a.png") && err.contains("SHA-256"), "{err}");
}

#[test]
fn backup_then_restore() {
    let env = Env::new();
    env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch gốc", "2024-05-01")),
    ]);
    let copy = env.dir.path().join("usb-sao-luu.sqlite3");
    env.ok(&["backup", copy.to_str().unwrap()]);
    env.ok(&[
        "new",
        &env.json("e.json", &plan_json("Kế hoạch sau sao lưu", "2024-05-02")),
    ]);
    let before = env.dump();
    let junk = env.file("hong.sqlite3", vec![7u8; 8192]);
    let err = env.fails(&["restore", junk.to_str().unwrap()]);
    assert!(
        err.contains("Không khôi phục") && err.contains("giữ nguyên"),
        "{err}"
    );
    assert_eq!(env.dump(), before);
    let out = env.run(&["restore", copy.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Kho cũ được giữ tại"));
    let list = env.ok(&["list"]);
    assert!(
        list.contains("Kế hoạch gốc") && !list.contains("sau sao lưu"),
        "{list}"
    );
    assert!(env.ok(&["log"]).contains("khôi phục kho"));
}

#[test]
fn the_archive_exports_as_plain_files() {
    let env = Env::new();
    let id = env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch xuất kho", "2024-05-01")),
    ]);
    let id = id.trim();
    env.ok(&["issue", id]);
    env.ok(&[
        "attach",
        id,
        env.file("scan.png", b"\x89PNG\r\n\x1a\nSCAN")
            .to_str()
            .unwrap(),
    ]);
    env.ok(&[
        "new",
        &env.json("e.json", &plan_json("Dự thảo năm sau", "2025-01-10")),
    ]);
    let out = env.dir.path().join("kho-xuat");
    env.ok(&["export-archive", out.to_str().unwrap()]);
    let pdf = out.join("2024").join("01-KH_ĐU.pdf");
    assert!(
        pdf.is_file(),
        "one PDF per document, named by its symbol, in its year"
    );
    let printed: Vec<serde_json::Value> =
        serde_json::from_str(&env.ok(&["attachments", id, "--json"])).unwrap();
    assert_eq!(
        vanthu_archive::sha256_hex(&std::fs::read(&pdf).unwrap()),
        printed[0]["sha256"],
        "the printed PDF"
    );
    assert!(out
        .join("2024")
        .join("01-KH_ĐU-dinh-kem-1-scan.png")
        .is_file());
    assert!(out.join("2025").join("du-thao-2.pdf").is_file());
    let docs: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("documents.json")).unwrap())
            .unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["symbol"], "01-KH_ĐU".replace('_', "/"));
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("Kế hoạch xuất kho") && html.contains("2024/01-KH_ĐU.pdf"),
        "index lists the documents"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "index.html works offline"
    );
    let err = env.fails(&["export-archive", out.to_str().unwrap()]);
    assert!(err.contains("đã có dữ liệu"), "{err}");
}
