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
    assert!(env.ok(&["log", id]).contains("xuất ra tệp"));

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

#[test]
fn the_register_of_a_year_prints_and_exports() {
    let env = Env::new();
    let issue = |v: serde_json::Value| {
        let id = env.ok(&["new", &env.json("d.json", &v)]);
        env.ok(&["issue", id.trim()]).trim().to_owned()
    };
    assert_eq!(
        issue(plan_json("Kế hoạch thứ nhất", "2024-02-01")),
        "01-KH/ĐU"
    );
    let mut report = plan_json("Báo cáo sơ kết", "2024-06-01");
    report["kind"] = "bao_cao".into();
    assert_eq!(issue(report), "01-BC/ĐU");
    assert_eq!(
        issue(plan_json("Kế hoạch thứ hai", "2024-09-01")),
        "02-KH/ĐU"
    );
    assert_eq!(
        issue(plan_json("Kế hoạch năm sau", "2025-01-05")),
        "03-KH/ĐU"
    );
    env.ok(&[
        "new",
        &env.json(
            "draft.json",
            &plan_json("Dự thảo không vào sổ", "2024-03-01"),
        ),
    ]);

    let pdf = env.dir.path().join("so-2024.pdf");
    let csv = env.dir.path().join("so-2024.csv");
    env.ok(&[
        "register",
        "--year",
        "2024",
        "--pdf",
        pdf.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(
        csv.starts_with('\u{feff}'),
        "a BOM so that Excel reads UTF-8"
    );
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].contains("Tên loại và trích yếu nội dung văn bản") && lines[0].contains("Ký nhận")
    );
    assert_eq!(
        lines.len(),
        4,
        "three documents of 2024, no draft, nothing of 2025:\n{csv}"
    );
    // Party registers group by type (in the order of the type table), each in number order.
    assert!(
        lines[1].starts_with("BÁO CÁO,01-BC/ĐU,01/06/2024,Báo cáo Báo cáo sơ kết,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("KẾ HOẠCH,01-KH/ĐU,01/02/2024,Kế hoạch Kế hoạch thứ nhất,Nguyễn Văn Hiếu,Ban Thường vụ Đảng ủy,Văn phòng Đảng ủy,2,"),
        "copies are the recipients plus the archive copy: {}",
        lines[2]
    );
    assert!(lines[3].starts_with("KẾ HOẠCH,02-KH/ĐU"), "{}", lines[3]);

    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("Page size:       841.89 x 595.2"),
        "A4 landscape: {info}"
    );
    let text = crate::corpus::pdf_text(&pdf);
    for needle in [
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm 2024",
        "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "01-KH/ĐU",
        "02-KH/ĐU",
        "01-BC/ĐU",
        "NGƯỜI ĐÓNG SỔ",
    ] {
        assert!(
            text.contains(needle),
            "the register should read “{needle}”:\n{text}"
        );
    }
    assert!(!text.contains("03-KH/ĐU") && !text.contains("Dự thảo không vào sổ"));

    let term = env.dir.path().join("nhiem-ky.csv");
    env.ok(&[
        "register",
        "--term",
        "2020-10-01",
        "--csv",
        term.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read_to_string(&term).unwrap().lines().count(),
        5,
        "a term runs five years"
    );
    let out = env.run(&["register", "--year", "2024"]);
    assert_eq!(out.status.code(), Some(2), "--pdf or --csv is required");
}
