//! The figures of issue 4's note, measured in the real window: cold start to a usable archive
//! view, idle memory of the app's processes, and how long the preview of the 3-page plan takes
//! to refresh. They are printed, not asserted (the machine's load changes them); run them on
//! the release binary: `VANTHU_APP_BIN=target/release/vanthu-app xvfb-run -a cargo test -p
//! vanthu-e2e -- --ignored figures --nocapture`.

use std::time::{Duration, Instant};

use crate::support::{App, DataDir, Res};

/// Resident memory (kB) of the app and its WebKit processes, found by name under /proc.
fn rss_kb() -> Vec<(String, u64)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
            continue;
        };
        let name = status
            .lines()
            .find_map(|l| l.strip_prefix("Name:"))
            .unwrap_or("")
            .trim()
            .to_owned();
        if !(name.starts_with("vanthu-app")
            || name.starts_with("WebKitWebProces")
            || name.starts_with("WebKitNetworkPr"))
        {
            continue;
        }
        if let Some(kb) = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        {
            out.push((name, kb));
        }
    }
    out
}

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn figures() {
    let data = DataDir::new();
    let corpus = crate::support::repo_root().join("tests/fixtures/corpus");
    let started = Instant::now();
    let app = App::start(&data, Some(&corpus.canonicalize().unwrap())).await;
    let result: Res = async {
        app.find("search-input").await?;
        app.wait_text("doc-count", "the archive loaded", |t| t.ends_with("văn bản"))
            .await?;
        let cold = started.elapsed();

        // Idle: nothing typed for a few seconds.
        tokio::time::sleep(Duration::from_secs(3)).await;
        let rss = rss_kb();
        let total: u64 = rss.iter().map(|(_, kb)| kb).sum();

        // The 3-page plan: 82-KH/ĐU from the corpus.
        app.click("nav-import").await?;
        app.click("import-pick").await?;
        app.wait_count("import-result", 3).await?;
        app.click("nav-archive").await?;
        app.type_into("search-input", "82-KH/ĐU").await?;
        app.wait_text("doc-count", "the plan found", |t| t == "1 kết quả").await?;
        app.client
            .find(fantoccini::Locator::Css("[data-testid='doc-row'] button.link"))
            .await?
            .click()
            .await?;
        app.wait_text("preview", "three pages", |t| t.contains("3 trang")).await?;
        // It is issued (read-only): measure on its copy, as next year's plan would be made.
        app.click("copy-as-new").await?;
        app.wait_text("save-state", "the copy opened", |t| t.starts_with("Đã lưu"))
            .await?;
        app.wait_text("preview", "three pages", |t| t.contains("3 trang")).await?;
        let mut refresh = Vec::new();
        let mut round_trip = Vec::new();
        for i in 0..5 {
            // From the keystroke to the new pages on screen, minus the typing pause the
            // preview waits for (PREVIEW_MS = 300).
            let ms = app
                .client
                .execute_async(
                    r#"const [i, done] = arguments;
                       const pages = document.querySelector('.canvases');
                       const title = document.querySelector("[data-testid='field-title']");
                       const obs = new MutationObserver(() => { obs.disconnect(); done(performance.now() - t0 - 300); });
                       obs.observe(pages, { childList: true });
                       title.value = title.value + ' ' + i;
                       const t0 = performance.now();
                       title.dispatchEvent(new Event('input', { bubbles: true }));"#,
                    vec![serde_json::json!(i)],
                )
                .await?;
            refresh.push(ms.as_f64().unwrap_or(f64::NAN));
            let head = app.find("preview").await?.text().await?;
            if let Some(rt) = head.split(" · ").nth(1).and_then(|s| s.split(' ').next()) {
                round_trip.push(rt.parse::<f64>().unwrap_or(f64::NAN));
            }
        }
        println!("FIGURE cold start to interactive archive view: {} ms", cold.as_millis());
        println!("FIGURE idle RSS: {} MB total ({rss:?})", total / 1024);
        println!("FIGURE preview refresh of the 3-page plan (keystroke to new pages, less the 300 ms pause): {refresh:?} ms");
        println!("FIGURE preview render round trip (Rust render + IPC): {round_trip:?} ms");
        app.screenshot("08-preview-3-pages").await?;
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("measuring");
}
