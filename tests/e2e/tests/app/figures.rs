//! The figures of issues 4 and 14, measured in the real window: cold start to a usable
//! archive view (and where that time goes), idle memory of the app's processes, and how long a
//! word typed into the body of the 3-page plan takes to show in the preview. They are printed,
//! not asserted (the machine's load changes them); run them on the release binary:
//! `VANTHU_APP_BIN=target/release/vanthu-app xvfb-run -a cargo test -p vanthu-e2e --test app
//! -- --ignored figures --nocapture`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::support::{App, DataDir, Res};
use crate::typing;

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

/// When this test's app process started (the one whose data directory is `data`), in ms since
/// the epoch (from /proc: its start in clock ticks after boot, and the uptime).
fn app_started_ms(data: &DataDir) -> Option<f64> {
    let ours = data.path().as_os_str().as_encoded_bytes();
    // The boot time from the uptime (btime in /proc/stat is whole seconds).
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_secs_f64();
    let btime = now - uptime;
    // SAFETY: sysconf only reads a configuration value.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (name) state …`: the name may hold spaces, the fields after it do not.
        let Some((name, rest)) = stat.split_once(" (").and_then(|(_, r)| r.rsplit_once(") "))
        else {
            continue;
        };
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if name != "vanthu-app" || !environ.windows(ours.len()).any(|w| w == ours) {
            continue;
        }
        let start: f64 = rest.split(' ').nth(19)?.parse().ok()?;
        return Some((btime + start / ticks) * 1000.0);
    }
    None
}

/// The built UI's scripts and their sizes: the one the window starts with, and the chunks it
/// loads later (pdf.js only for an issued document's PDF).
fn bundle_kb() -> Vec<(String, u64)> {
    let dir = crate::support::repo_root().join("ui/dist/assets");
    let mut out: Vec<(String, u64)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let js = name.ends_with(".js") || name.ends_with(".mjs");
                    js.then(|| (name, e.metadata().map_or(0, |m| m.len() / 1024)))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The page's own clock of its start: the marks, in ms from when its document began loading,
/// and that clock beside the wall clock (WebKit's `timeOrigin` is not the wall clock's).
const START_MARKS: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
return {
  origin: Date.now() - performance.now(),
  timeOrigin: performance.timeOrigin,
  html: nav ? nav.responseEnd : null,
  script: mark('vanthu:script'),
  mounted: mark('vanthu:mounted'),
  shown: mark('vanthu:archive-shown'),
};
"#;

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn figures() {
    let data = DataDir::new();
    let files = typing::plan_folder(&data);
    let started = Instant::now();
    let app = App::start(&data, Some(&files)).await;
    let result: Res = async {
        app.find("search-input").await?;
        app.wait_text("doc-count", "the archive loaded", |t| t.ends_with("văn bản"))
            .await?;
        let cold = started.elapsed();
        let marks = app.client.execute(START_MARKS, vec![]).await?;
        let process = app_started_ms(&data);

        // Idle: nothing typed for a few seconds.
        tokio::time::sleep(Duration::from_secs(3)).await;
        let rss = rss_kb();
        let total: u64 = rss.iter().map(|(_, kb)| kb).sum();

        typing::open_plan_as_draft(&app).await?;
        let times = typing::keystrokes_to_preview(&app, 10).await?;

        println!(
            "FIGURE cold start to interactive archive view (test start, incl. tauri-driver and WebKitWebDriver): {} ms",
            cold.as_millis()
        );
        let origin = marks["origin"].as_f64().unwrap_or(f64::NAN);
        let at = |k: &str| marks[k].as_f64().unwrap_or(f64::NAN);
        if let Some(process) = process {
            println!(
                "FIGURE app process start to archive rows shown: {:.0} ms \
                 (process to page load start {:.0}, HTML {:.0}, bundle run {:.0}, mounted {:.0}, rows shown {:.0} ms after page load start)",
                origin + at("shown") - process,
                origin - process,
                at("html"),
                at("script"),
                at("mounted"),
                at("shown"),
            );
        }
        println!("FIGURE scripts of the built UI (kB): {:?}", bundle_kb());
        println!("FIGURE idle RSS: {} MB total ({rss:?})", total / 1024);
        println!(
            "FIGURE keystroke to the word in the preview, 3-page plan: median {:.0} ms, each {:?} ms",
            typing::median(&times),
            times.iter().map(|t| t.round()).collect::<Vec<_>>()
        );
        app.screenshot("08-preview-3-pages").await?;
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("measuring");
}
