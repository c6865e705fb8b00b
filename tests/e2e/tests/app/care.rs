//! Taking care of the archive from the window: the signed scan of a document, the trash, the
//! history, the printed register, backup, verification, the readable export and a restore.

use std::path::Path;
use std::process::Command;

use fantoccini::Locator;

use crate::support::{self, App, DataDir, Res};

/// A small but real PDF, as a scanner writes one (one page, no text).
const SCAN: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n\
trailer << /Root 1 0 R >>\n%%EOF\n";

/// Last year's plan as a clerk typed it in Word: dated and numbered, so it is recorded as
/// issued and belongs in the 2025 register.
const PLAN_05: &str = "ĐẢNG BỘ TỈNH KHÁNH HÒA
ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO
*
Số 05-KH/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM
Nha Trang, ngày 15 tháng 3 năm 2025

KẾ HOẠCH
Kiểm tra công tác lưu trữ văn bản năm 2025

Thực hiện chương trình công tác năm 2025, Ban Thường vụ Đảng ủy ban hành kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Bảo đảm văn bản đi được đăng ký, lưu trữ đầy đủ, đúng quy định.

Nơi nhận:
- Ban Thường vụ Đảng ủy,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn Hiếu
";

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("run pdftotext (poppler-utils)");
    String::from_utf8(out.stdout).unwrap()
}

/// The files of `dir` whose name starts with `prefix`.
fn named(dir: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    found.sort();
    found
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn scans_trash_register_backup_verify_export_and_restore() {
    let data = DataDir::new();
    // The folder the dialogs answer from: two old plans to import, then the scans.
    let io = data.path().join("io");
    std::fs::create_dir_all(&io).unwrap();
    let plan82 = support::repo_root().join("tests/fixtures/corpus/002-ke-hoach-82-kh-du.txt");
    std::fs::copy(&plan82, io.join("002.txt")).unwrap();
    std::fs::write(io.join("05.txt"), PLAN_05).unwrap();
    let app = App::start(&data, Some(&io)).await;
    let result: Res = async {
        // Plan 82 (undated) and plan 05 of 2025 come in as issued documents.
        app.click("nav-import").await?;
        app.click("import-pick").await?;
        app.wait_count("import-result", 2).await?;
        let start = std::time::Instant::now();
        while !app.all("import-result").await?[1]
            .text()
            .await?
            .contains("05-KH/ĐU")
        {
            assert!(start.elapsed() < support::WAIT, "plan 05 was not imported");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        std::fs::remove_file(io.join("002.txt")).unwrap();
        std::fs::remove_file(io.join("05.txt")).unwrap();

        // A draft, saved.
        eprintln!("e2e step: a draft with a scan");
        app.click("new-document").await?;
        app.type_into("field-title", "Kế hoạch kiểm tra bản quét")
            .await?;
        app.wait_text("save-state", "the draft saved", |t| t.starts_with("Đã lưu"))
            .await?;

        // A file that is not a scan, picked with a real one: refused by name, nothing attached.
        std::fs::write(io.join("ban-ky.pdf"), SCAN).unwrap();
        std::fs::write(io.join("ghi-chu.png"), "chỉ là chữ, không phải ảnh").unwrap();
        app.click("attach-add").await?;
        app.wait_text("notice", "the bad file named", |t| {
            t.contains("ghi-chu.png") && t.contains("PDF, JPEG hoặc PNG")
        })
        .await?;
        assert!(
            app.all("attachment-row").await?.is_empty(),
            "a bad file in the pick attached the good one anyway"
        );
        std::fs::remove_file(io.join("ghi-chu.png")).unwrap();
        app.click("attach-add").await?;
        let row = app.wait_count("attachment-row", 1).await?.remove(0);
        let t = row.text().await?;
        assert!(t.contains("Bản quét") && t.contains("ban-ky.pdf"), "{t}");
        app.wait_text("doc-history", "the attach in the history", |t| {
            t.contains("Đính kèm: ban-ky.pdf") && t.contains("Tạo")
        })
        .await?;

        // Saved elsewhere, it is the very file attached.
        std::fs::remove_file(io.join("ban-ky.pdf")).unwrap();
        app.client
            .find(Locator::Css("[data-testid='attachment-save']"))
            .await?
            .click()
            .await?;
        app.wait_text("notice", "the attachment saved", |t| {
            t.contains("Đã lưu tệp")
        })
        .await?;
        assert_eq!(support::wait_file(&io.join("ban-ky.pdf")).await, SCAN);
        app.client
            .execute(
                "const f = document.querySelector('.form'); f.scrollTo(0, f.scrollHeight)",
                vec![],
            )
            .await?;
        app.screenshot("08-attachments").await?;

        // Deleted: asked first, then gone from the archive, waiting in the trash.
        eprintln!("e2e step: trash");
        app.click("delete-draft").await?;
        app.wait_text("confirm-dialog", "the question", |t| {
            t.contains("Kế hoạch kiểm tra bản quét")
        })
        .await?;
        app.click("confirm").await?;
        app.wait_text("doc-count", "two documents left", |t| t == "2 văn bản")
            .await?;
        app.click("trash-toggle").await?;
        let row = app.wait_count("trash-row", 1).await?.remove(0);
        assert!(row.text().await?.contains("Kế hoạch kiểm tra bản quét"));
        app.screenshot("09-trash").await?;
        app.click("trash-restore").await?;
        app.wait_count("trash-row", 0).await?;
        app.click("trash-toggle").await?;
        app.wait_text("doc-count", "all three documents", |t| t == "3 văn bản")
            .await?;

        // The register of 2025, printed: the book lists plan 05 in its columns.
        eprintln!("e2e step: register");
        app.click("nav-care").await?;
        app.replace("register-year", "2025").await?;
        app.click("register-pdf").await?;
        let line = app
            .wait_text("register-result", "the book made", |t| {
                t.contains("có 1 văn bản")
            })
            .await?;
        let path = line.rsplit(": ").next().unwrap().trim().to_owned();
        support::wait_file(Path::new(&path)).await;
        let book = pdftotext(Path::new(&path));
        let flat = book.split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [
            "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
            "Năm 2025",
            "05-KH/ĐU",
            "15/03/2025",
            "Kế hoạch Kiểm tra công tác lưu",
            "Nguyễn Văn",
            "Sổ này có 01 trang",
        ] {
            assert!(flat.contains(want), "the register lacks {want:?}:\n{book}");
        }

        // Backup, then a check of the archive.
        eprintln!("e2e step: backup, verify, export");
        app.click("backup-now").await?;
        app.wait_text("notice", "the backup", |t| t.contains("Đã sao lưu kho"))
            .await?;
        let backups = named(&io, "vanthu-sao-luu-");
        assert_eq!(backups.len(), 1, "{backups:?}");
        app.click("verify-now").await?;
        app.wait_text("verify-result", "a sound archive", |t| {
            t.contains("Kho nguyên vẹn")
        })
        .await?;

        // The readable export: a folder with index.html, the plan's PDF and the scan.
        app.click("export-archive").await?;
        app.wait_text("export-result", "the export", |t| {
            t.contains("Đã xuất 3 văn bản và 1 tệp đính kèm")
        })
        .await?;
        let exported = named(&io, "VanThu-kho-");
        assert_eq!(exported.len(), 1, "{exported:?}");
        let index = std::fs::read_to_string(exported[0].join("index.html")).unwrap();
        assert!(index.contains("82-KH/ĐU"), "index.html lacks plan 82");
        assert!(exported[0].join("2025/05-KH_ĐU.pdf").is_file());
        app.screenshot("10-care").await?;

        // A draft written after the backup; restoring the backup takes the archive back.
        eprintln!("e2e step: restore");
        app.click("new-document").await?;
        app.type_into("field-title", "Bản nháp viết sau khi sao lưu")
            .await?;
        app.wait_text("save-state", "the late draft saved", |t| {
            t.starts_with("Đã lưu")
        })
        .await?;
        app.click("nav-care").await?;
        app.click("restore-backup").await?;
        app.wait_text("confirm-dialog", "the warning", |t| t.contains("được giữ"))
            .await?;
        app.click("confirm").await?;
        app.wait_text("notice", "the restore", |t| {
            t.contains("Đã khôi phục kho") && t.contains("truoc-khoi-phuc")
        })
        .await?;
        app.wait_text("log-row", "the restore first in the log", |t| {
            t.contains("Khôi phục kho")
        })
        .await?;
        app.click("nav-archive").await?;
        app.wait_text("doc-count", "the archive as backed up", |t| {
            t == "3 văn bản"
        })
        .await?;
        let rows = app.all("doc-row").await?;
        for r in rows {
            let t = r.text().await?;
            assert!(
                !t.contains("sau khi sao lưu"),
                "the late draft survived the restore: {t}"
            );
        }
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("taking care of the archive");
}
