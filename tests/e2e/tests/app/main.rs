//! The VănThư window end to end, through tauri-driver and WebKitWebDriver: what a clerk does
//! on a first day — set up the lists, draft a plan, see it printed, issue it, find it again
//! without diacritics, export it; import old files; be told what is missing; come back to a
//! draft tomorrow.
//!
//! Needs the built app (`npm --prefix ui run build && cargo build -p vanthu-app`),
//! `tauri-driver` 2.1 on PATH, WebKitWebDriver (Debian: webkit2gtk-driver), `pdftotext` and a
//! display: `xvfb-run -a cargo test -p vanthu-e2e -- --ignored --test-threads=1`
//! (`scripts/test` does all of it). Screenshots of the main screens land in
//! `target/e2e-screenshots/`.

mod care;
mod deadlines;
mod figures;
mod layout;
mod support;
mod typing;

use std::process::Command;

use fantoccini::Locator;
use support::{wait_file, App, DataDir, Res};

const TITLE: &str = "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu năm 2026";

async fn fill_css(app: &App, css: &str, text: &str) -> Res {
    let el = app.client.find(Locator::Css(css)).await?;
    el.click().await?;
    el.send_keys(&support::keys(text)).await
}

async fn set_up_lists(app: &App) -> Res {
    app.click("nav-settings").await?;
    let p = "[data-testid='profile-form']";
    app.find("profile-form").await?;
    let inputs = app
        .client
        .find_all(Locator::Css(&format!("{p} input")))
        .await?;
    inputs[0].send_keys("ĐẢNG BỘ TỈNH KHÁNH HÒA").await?;
    inputs[1]
        .send_keys("ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO")
        .await?;
    inputs[2].send_keys("ĐU").await?;
    inputs[3].send_keys("Nha Trang").await?;
    app.client
        .find(Locator::Css(&format!("{p} [data-testid='settings-save']")))
        .await?
        .click()
        .await?;
    app.wait_text("notice", "the profile saved", |t| {
        t.contains("Đã lưu cơ quan")
    })
    .await?;

    let s = "[data-testid='signer-form']";
    let inputs = app
        .client
        .find_all(Locator::Css(&format!("{s} input")))
        .await?;
    inputs[0].send_keys("T/M BAN THƯỜNG VỤ").await?;
    inputs[1].send_keys("BÍ THƯ").await?;
    inputs[2].send_keys("Nguyễn Văn Hiếu").await?;
    app.client
        .find(Locator::Css(&format!("{s} [data-testid='settings-save']")))
        .await?
        .click()
        .await?;
    app.wait_text("notice", "the signer saved", |t| {
        t.contains("Đã lưu người ký")
    })
    .await?;

    let l = "[data-testid='list-form']";
    fill_css(app, &format!("{l} input"), "Cấp trên và các chi bộ").await?;
    fill_css(
        app,
        &format!("{l} textarea"),
        "Ban Thường vụ Đảng ủy Khối (để b/c)\nCác chi bộ trực thuộc\nCác đồng chí Đảng ủy viên",
    )
    .await?;
    app.client
        .find(Locator::Css(&format!("{l} [data-testid='settings-save']")))
        .await?
        .click()
        .await?;
    app.wait_text("notice", "the list saved", |t| {
        t.contains("Đã lưu danh sách")
    })
    .await?;
    app.screenshot("05-settings").await
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn plan_is_drafted_previewed_issued_found_and_exported() {
    let data = DataDir::new();
    let out = data.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let app = App::start(&data, Some(&out)).await;
    let result: Res = async {
        set_up_lists(&app).await?;
        app.click("nav-archive").await?;
        app.click("new-document").await?;
        eprintln!("e2e step: new document");

        // The header and signer come from the saved lists.
        assert_eq!(app.value("field-issuer-name").await?, "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO");
        assert_eq!(app.value("field-signer-name").await?, "Nguyễn Văn Hiếu");
        app.type_into("field-title", TITLE).await?;
        app.type_into(
            "field-body",
            "Thực hiện Chỉ thị của Ban Thường vụ, Đảng ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n- Tạo sự chuyển biến rõ nét trong sinh hoạt chi bộ.\n\nII. NỘI DUNG\n\nMỗi chi bộ tổ chức một buổi sinh hoạt chuyên đề.",
        )
        .await?;
        app.type_into("field-archive", "Lưu Văn phòng Đảng ủy").await?;

        // Recipients from the saved list, in its order.
        eprintln!("e2e step: recipients");
        app.find("recipient-list-pick")
            .await?
            .select_by_label("Cấp trên và các chi bộ (3)")
            .await?;
        let rows = app.wait_count("recipient-row", 3).await?;
        let first = rows[0]
            .find(Locator::Css("input"))
            .await?
            .prop("value")
            .await?;
        assert_eq!(first.as_deref(), Some("Ban Thường vụ Đảng ủy Khối"));

        // The preview is the real PDF, drawn in the page.
        eprintln!("e2e step: preview");
        app.wait_text("preview", "a drawn page", |_| true).await?;
        let start = std::time::Instant::now();
        loop {
            let pages = app.find("preview").await?.attr("data-pages").await?;
            if pages.as_deref().is_some_and(|p| p != "0") {
                break;
            }
            assert!(start.elapsed() < support::WAIT, "the preview never drew a page");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.wait_text("save-state", "the draft saved by itself", |t| t.starts_with("Đã lưu"))
            .await?;
        app.client
            .execute("document.querySelector('.form').scrollTo(0, 0)", vec![])
            .await?;
        app.screenshot("02-editor-preview").await?;
        app.client
            .execute("const f = document.querySelector('.form'); f.scrollTo(0, f.scrollHeight)", vec![])
            .await?;
        app.screenshot("02b-editor-closing").await?;

        // Issue: the confirmation shows the number first.
        eprintln!("e2e step: issue");
        app.click("issue").await?;
        app.wait_text("issue-dialog", "the number it will take", |t| t.contains("01-KH/ĐU"))
            .await?;
        app.screenshot("03-issue-confirm").await?;
        app.click("confirm").await?;
        app.wait_text("issued-banner", "the issued number", |t| t.contains("01-KH/ĐU"))
            .await?;
        assert!(
            app.all("issue").await?.is_empty(),
            "an issued document still offers Ban hành"
        );
        let disabled = app
            .find("field-title")
            .await?
            .prop("disabled")
            .await?;
        assert!(
            app.client
                .execute(
                    "return document.querySelector(\"[data-testid='field-title']\").closest('fieldset').disabled",
                    vec![]
                )
                .await?
                .as_bool()
                .unwrap_or(false),
            "the issued form is still editable (title disabled prop: {disabled:?})"
        );
        app.screenshot("04-issued").await?;

        // Export through the save dialog (answered by VANTHU_DIALOG_DIR), read the PDF back.
        eprintln!("e2e step: export");
        app.click("export-pdf").await?;
        app.wait_text("notice", "the export", |t| t.contains("Đã lưu PDF"))
            .await?;
        let pdf = std::fs::read_dir(&out)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "pdf"))
            .expect("no PDF in the export folder");
        assert!(
            pdf.file_name().unwrap().to_string_lossy().starts_with("01-KH-ĐU "),
            "{}",
            pdf.display()
        );
        wait_file(&pdf).await;
        let text = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("run pdftotext (poppler-utils)");
        let text = String::from_utf8(text.stdout).unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [
            "KẾ HOẠCH",
            "sinh hoạt chi bộ mẫu năm 2026",
            "Nguyễn Văn Hiếu",
            "01-KH/ĐU",
            "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO",
            "Ban Thường vụ Đảng ủy Khối",
        ] {
            assert!(flat.contains(want), "the exported PDF lacks {want:?}:\n{text}");
        }

        // The editable Word copy, saved beside it, reads back as the same document.
        app.click("export-docx").await?;
        app.wait_text("notice", "the Word export", |t| t.contains("Đã lưu tệp Word"))
            .await?;
        let docx = std::fs::read_dir(&out)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "docx"))
            .expect("no .docx in the export folder");
        // Written through a temporary file and renamed: whole once the notice shows.
        let bytes = std::fs::read(&docx).expect("read the saved .docx");
        let back = vanthu_import::import_file(&bytes, &vanthu_model::Conventions::default())
            .expect("the saved .docx imports")
            .document;
        assert_eq!(back.title, TITLE);
        assert_eq!(back.number, Some(1));
        assert_eq!(back.signature.name, "Nguyễn Văn Hiếu");

        // The export is in the archive's log, newest first.
        app.click("nav-care").await?;
        app.wait_text("log-row", "the export logged", |t| {
            t.contains("Xuất ra tệp") && t.contains("01-KH-ĐU")
        })
        .await?;

        // Find it again, typed without diacritics.
        eprintln!("e2e step: search");
        app.click("nav-archive").await?;
        app.type_into("search-input", "hoi nghi chuyen de sinh hoat").await?;
        app.wait_text("doc-count", "one hit", |t| t == "1 kết quả").await?;
        let row = app.wait_count("doc-row", 1).await?.remove(0);
        let row_text = row.text().await?;
        assert!(row_text.contains("01-KH/ĐU") && row_text.contains("Đã ban hành"), "{row_text}");
        app.screenshot("01-archive-search").await?;
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("the plan's first day in the window");
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn corpus_files_are_imported_with_progress_and_warnings() {
    let corpus = support::repo_root().join("tests/fixtures/corpus");
    assert!(corpus.is_dir(), "corpus not found at {}", corpus.display());
    let files = std::fs::read_dir(&corpus)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    let data = DataDir::new();
    let app = App::start(&data, Some(&corpus.canonicalize().unwrap())).await;
    let result: Res = async {
        app.click("nav-import").await?;
        app.click("import-pick").await?;
        let rows = app.wait_count("import-result", files).await?;
        let start = std::time::Instant::now();
        loop {
            let v = support::js_value(&app.client, "[data-testid='import-progress']").await?;
            if v.as_f64() == Some(files as f64) {
                break;
            }
            assert!(start.elapsed() < support::WAIT, "progress stuck at {v:?}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // Every file read is not yet every file stored: the batch is one transaction, and the
        // rows get their status when it has committed.
        app.wait_text("import-summary", "the batch stored", |t| {
            t.ends_with(&format!("đã nhập {files} tệp"))
        })
        .await?;
        for r in &rows {
            let t = r.text().await?;
            assert!(
                t.contains("Dự thảo") || t.contains("Đã ban hành"),
                "a corpus file was not imported: {t}"
            );
        }
        app.screenshot("06-import").await?;
        app.click("nav-archive").await?;
        app.wait_count("doc-row", files).await?;
        app.wait_text("doc-count", "the imported count", |t| {
            t == format!("{files} văn bản")
        })
        .await?;
        app.screenshot("00-archive").await?;
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("importing the corpus");
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn empty_signer_is_named_beside_its_field() {
    let data = DataDir::new();
    let app = App::start(&data, None).await;
    let result: Res = async {
        app.click("new-document").await?;
        app.type_into("field-title", "Kế hoạch kiểm tra").await?;
        app.replace("field-signer-name", "").await?;
        app.click("issue").await?;
        let css = ".field:has([data-testid='field-signer-name']) [data-testid='field-error']";
        let start = std::time::Instant::now();
        let message = loop {
            if let Ok(el) = app.client.find(Locator::Css(css)).await {
                break el.text().await?;
            }
            assert!(
                start.elapsed() < support::WAIT,
                "no message beside the signer's name"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        assert_eq!(message, "Chưa nhập họ tên người ký.");
        assert!(
            app.all("confirm").await?.is_empty(),
            "issuing went on without a signer"
        );
        // The form first takes the focus to the first missing field; then look at the signer
        // (without the focus, which WebKit's snapshot would scroll back into view).
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        app.client
            .execute(
                "document.activeElement?.blur(); \
                 const el = document.querySelector(\"[data-testid='field-signer-name']\"); const f = el.closest('.form'); \
                 f.scrollTop += el.getBoundingClientRect().top - f.getBoundingClientRect().top - 300; return f.scrollTop;",
                vec![],
            )
            .await?;
        app.screenshot("07-validation").await?;
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("the missing signer");
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn a_draft_is_edited_and_reopened_after_a_restart() {
    let data = DataDir::new();
    let app = App::start(&data, None).await;
    let result: Res = async {
        app.click("new-document").await?;
        app.type_into("field-title", "Báo cáo sơ kết quý I").await?;
        app.type_into("field-body", "Nội dung ban đầu.").await?;
        app.wait_text("save-state", "saved", |t| t.starts_with("Đã lưu"))
            .await?;

        app.click("nav-archive").await?;
        app.wait_count("doc-row", 1).await?;
        app.client
            .find(Locator::Css("[data-testid='doc-row'] button.link"))
            .await?
            .click()
            .await?;
        assert_eq!(app.value("field-title").await?, "Báo cáo sơ kết quý I");
        app.type_into("field-body", "\n\nBổ sung sau khi họp.")
            .await?;
        app.wait_text("save-state", "saved again", |t| t.starts_with("Đã lưu"))
            .await?;
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("editing the draft");

    // Next morning: the window opens on the same draft, with yesterday's edit.
    let app = App::start(&data, None).await;
    let result: Res = async {
        let start = std::time::Instant::now();
        loop {
            let body = app.value("field-body").await?;
            if body.contains("Bổ sung sau khi họp.") {
                assert!(body.starts_with("Nội dung ban đầu."), "{body:?}");
                break;
            }
            assert!(start.elapsed() < support::WAIT, "reopened body: {body:?}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        app.click("nav-archive").await?;
        let row = app.wait_count("doc-row", 1).await?.remove(0);
        let t = row.text().await?;
        assert!(
            t.contains("Báo cáo sơ kết quý I") && t.contains("Dự thảo"),
            "{t}"
        );
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("reopening the draft");
}
