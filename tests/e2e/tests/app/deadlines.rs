//! “Theo dõi thời hạn”: a plan imported as issued brings its deadline onto the page, with the
//! count on the navigation and a notice at the next start; the row opens the plan at its
//! sentence, and “Đã xong” takes it off the list.

use fantoccini::Locator;

use crate::support::{self, App, DataDir, Res};

/// Corpus plan 001 (Đảng ủy Sở VHTTDL, học tập Chuyên đề năm 2024) under a header the test
/// gives it — the corpus files carry no header — so that it imports as issued: number 45,
/// dated 02/5/2024. Its body asks the chi bộ to finish “trước ngày 31/5/2024” and a report
/// every quarter.
fn issued_plan_file(dir: &std::path::Path) -> std::path::PathBuf {
    let body = std::fs::read_to_string(
        support::repo_root().join("tests/fixtures/corpus/001-ke-hoach-dang-uy-so-vhttdl.txt"),
    )
    .unwrap();
    let header = "ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH\n\
                  ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n\
                  *\n\
                  Số 45-KH/ĐU\n\
                  ĐẢNG CỘNG SẢN VIỆT NAM\n\
                  Nha Trang, ngày 02 tháng 5 năm 2024\n";
    let path = dir.join("ke-hoach-45.txt");
    std::fs::write(&path, format!("{header}{body}")).unwrap();
    path
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn an_imported_plan_shows_its_deadline_which_is_marked_done() {
    let data = DataDir::new();
    let files = data.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    issued_plan_file(&files);
    let app = App::start(&data, Some(&files)).await;
    let result: Res = async {
        app.click("nav-import").await?;
        app.click("import-pick").await?;
        app.wait_count("import-result", 1).await?;
        app.wait_text("import-result", "the plan recorded as issued", |t| {
            t.contains("Đã ban hành")
        })
        .await?;

        // The plan's deadlines are long past on any day this test runs: they count on the
        // navigation, as many as the page lists.
        let count = app
            .wait_text(
                "nav-deadline-count",
                "a count of deadlines due or late",
                |t| t.parse::<usize>().is_ok_and(|n| n > 0),
            )
            .await?;
        let n: usize = count.parse().unwrap();
        app.click("nav-deadlines").await?;
        app.find("deadlines").await?;
        let rows = app.wait_count("deadline-row", n).await?;
        // Oldest first: the chi bộ's 31/5, before the quarterly report's end of June.
        let text = rows[0].text().await?;
        assert!(text.contains("31/05/2024"), "{text}");
        assert!(text.contains("45-KH/ĐU"), "{text}");
        assert!(text.contains("Các chi bộ"), "{text}");
        assert!(text.contains("quá hạn"), "{text}");
        let section = app.find("deadline-section-overdue").await?;
        assert!(section.text().await?.to_lowercase().contains("quá hạn"));
        app.screenshot("09-deadlines").await?;

        // The row opens the plan, its deadline marked beside the preview.
        app.click("deadline-open").await?;
        app.wait_text(
            "doc-deadlines",
            "the plan's deadline beside the preview",
            |t| t.contains("31/05/2024") && t.contains(&format!("{n} chưa xong")),
        )
        .await?;
        let focused = app
            .client
            .find(Locator::Css("[data-testid='doc-deadline-row'].focused"))
            .await?;
        assert!(focused.text().await?.contains("hoàn thành"));
        app.screenshot("10-deadline-in-plan").await?;

        // Done: off the list, off the count.
        app.click("nav-deadlines").await?;
        app.wait_count("deadline-row", n).await?;
        app.click("deadline-done").await?;
        app.wait_text("notice", "done said", |t| t.contains("Đã xong: 45-KH/ĐU"))
            .await?;
        app.wait_count("deadline-row", n - 1).await?;
        if n == 1 {
            assert!(app.all("nav-deadline-count").await?.is_empty());
        } else {
            app.wait_text("nav-deadline-count", "one fewer", |t| {
                t == (n - 1).to_string()
            })
            .await?;
        }
        // Shown again with the done ones, to reopen if it was a mistake.
        app.click("deadline-show-done").await?;
        app.find("deadline-section-done").await?;
        let done = app
            .client
            .find_all(Locator::Css(
                "[data-testid='deadline-row'][data-status='done']",
            ))
            .await?;
        assert_eq!(done.len(), 1);
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("following up a plan's deadline");
}
