//! The Thể thức page in the real window: a changed body size shows in the live preview, is
//! applied and listed as a change from the regulation, and “Trở về theo quy định” undoes it.

use crate::support::{App, DataDir, Res, WAIT};

/// A fingerprint of the first preview page as drawn (the layout's SVG), to see that it changed.
async fn first_page(app: &App) -> Res<String> {
    let v = app
        .client
        .execute(
            "const c = document.querySelector(\"[data-testid='preview-page']\"); \
             return c ? c.innerHTML : '';",
            vec![],
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

async fn wait_page_other_than(app: &App, before: &str) -> Res<String> {
    let start = std::time::Instant::now();
    loop {
        let now = first_page(app).await?;
        if !now.is_empty() && now != before {
            return Ok(now);
        }
        assert!(start.elapsed() < WAIT, "the preview did not change");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn the_body_size_changes_the_preview_and_is_reset() {
    let data = DataDir::new();
    let app = App::start(&data, None).await;
    let result: Res = async {
        app.click("nav-settings").await?;
        app.click("settings-tab-layout").await?;
        app.find("layout-settings").await?;
        assert_eq!(app.value("layout-field-body.size").await?, "14");
        let regulation = wait_page_other_than(&app, "").await?;

        app.replace("layout-field-body.size", "12").await?;
        let smaller = wait_page_other_than(&app, &regulation).await?;
        app.click("layout-apply").await?;
        app.wait_text("layout-changed", "one change from the regulation", |t| {
            t.contains("1 mục")
        })
        .await?;
        app.screenshot("11-layout").await?;

        // A refused value is named and changes nothing.
        app.replace("layout-field-body.size", "40").await?;
        app.wait_text("preview-error", "the refused size", |t| {
            t.contains("body.size")
        })
        .await?;

        app.click("layout-reset").await?;
        app.click("confirm").await?;
        app.wait_text("layout-changed", "the regulation again", |t| {
            t.contains("36-HD/VPTW") && !t.contains("mục")
        })
        .await?;
        assert_eq!(app.value("layout-field-body.size").await?, "14");
        let back = wait_page_other_than(&app, &smaller).await?;
        assert_eq!(
            back, regulation,
            "the reset preview is the regulation's again"
        );
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("the layout page");
}
