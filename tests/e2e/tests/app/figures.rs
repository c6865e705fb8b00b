//! The figures of issues 4 and 14, measured in the real window: cold start to a usable
//! archive view (and where that time goes), idle memory of the app's processes, and how long a
//! word typed into the body of the 3-page plan takes to show in the preview. They are printed,
//! not asserted (the machine's load changes them); run them on the release binary:
//! `VANTHU_APP_BIN=target/release/vanthu-app xvfb-run -a cargo test -p vanthu-e2e --test app
//! -- --ignored figures --nocapture`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::support::{App, DataDir, Res};
use crate::typing;

/// The memory of one of the app's processes, in kB: resident, its proportional share (pages
/// shared with other processes counted by the share), its own pages, and the part of the
/// resident set that is Mesa's software GL (its LLVM and drivers), which WebKitGTK loads into
/// the app and web processes on a machine without a GPU.
#[derive(Debug)]
struct Memory {
    name: String,
    rss: u64,
    pss: u64,
    private: u64,
    software_gl: u64,
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = |kb: u64| kb as f64 / 1024.0;
        write!(
            f,
            "{} RSS {:.0} MB (PSS {:.0}, own {:.0}, software GL {:.0})",
            self.name,
            mb(self.rss),
            mb(self.pss),
            mb(self.private),
            mb(self.software_gl)
        )
    }
}

/// The memory of the process named `app` and its WebKit processes, found by name under /proc.
fn memory(app: &str) -> Vec<Memory> {
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
        if !(name.starts_with(app)
            || name.starts_with("WebKitWebProces")
            || name.starts_with("WebKitNetworkPr"))
        {
            continue;
        }
        let kb = |v: &str| -> u64 { v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0) };
        let rollup = std::fs::read_to_string(entry.path().join("smaps_rollup")).unwrap_or_default();
        let field = |key: &str| -> u64 {
            rollup
                .lines()
                .filter_map(|l| l.strip_prefix(key))
                .map(kb)
                .sum()
        };
        // The resident pages of each mapping, summed over Mesa's files.
        let smaps = std::fs::read_to_string(entry.path().join("smaps")).unwrap_or_default();
        let (mut gl, mut software_gl) = (false, 0);
        for line in smaps.lines() {
            if let Some(rss) = line.strip_prefix("Rss:") {
                software_gl += if gl { kb(rss) } else { 0 };
            } else if line
                .split_whitespace()
                .next()
                .is_some_and(|t| t.contains('-') && !t.ends_with(':'))
            {
                // A mapping's header: `start-end perms offset dev inode path`.
                gl = line.contains("libLLVM") || line.contains("/dri/");
            }
        }
        out.push(Memory {
            name,
            rss: field("Rss:"),
            pss: field("Pss:"),
            private: field("Private_Clean:") + field("Private_Dirty:"),
            software_gl,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// How the memory of the process named `app` and its WebKit processes reads, one line.
fn memory_line(app: &str) -> String {
    let all = memory(app);
    let total: u64 = all.iter().map(|m| m.rss).sum();
    let each: Vec<String> = all.iter().map(ToString::to_string).collect();
    format!("{} MB RSS in all; {}", total / 1024, each.join("; "))
}

/// When this test's newest process named `name` started (the one whose data directory is `data`), in ms since
/// the epoch (from /proc: its start in clock ticks after boot, and the uptime).
fn started_ms(data: &DataDir, name: &str) -> Option<f64> {
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
    let mut newest = None;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (name) state …`: the name may hold spaces, the fields after it do not.
        let Some((process, rest)) = stat.split_once(" (").and_then(|(_, r)| r.rsplit_once(") "))
        else {
            continue;
        };
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if process != name || !environ.windows(ours.len()).any(|w| w == ours) {
            continue;
        }
        let Some(start) = rest.split(' ').nth(19).and_then(|t| t.parse::<f64>().ok()) else {
            continue;
        };
        // The newest, should an earlier start's process still be ending.
        let ms = (btime + start / ticks) * 1000.0;
        newest = Some(newest.map_or(ms, |n: f64| n.max(ms)));
    }
    newest
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
  catalog: mark('vanthu:catalog'),
  shown: mark('vanthu:archive-shown'),
};
"#;

/// Where one start's time went, in ms: process start to the page's load, and after the
/// load the HTML, the bundle run, the window mounted, the lists in and the rows shown.
struct Start {
    page: f64,
    html: f64,
    script: f64,
    mounted: f64,
    catalog: f64,
    shown: f64,
}

impl Start {
    fn total(&self) -> f64 {
        self.page + self.shown
    }
}

/// One start's marks, read once the archive's count is shown.
async fn start_marks(app: &App, data: &DataDir) -> Res<Option<Start>> {
    app.find("search-input").await?;
    app.wait_text("doc-count", "the archive loaded", |t| {
        t.ends_with("văn bản")
    })
    .await?;
    let marks = app.client.execute(START_MARKS, vec![]).await?;
    let Some(process) = started_ms(data, "vanthu-app") else {
        return Ok(None);
    };
    let at = |k: &str| marks[k].as_f64().unwrap_or(f64::NAN);
    Ok(Some(Start {
        page: at("origin") - process,
        html: at("html"),
        script: at("script"),
        mounted: at("mounted"),
        catalog: at("catalog"),
        shown: at("shown"),
    }))
}

/// The blank window built beside the app (`src-tauri/examples/vanthu-floor.rs`): the same Tauri
/// and WebKitGTK showing one line of text, the floor under the app's start and memory here.
fn floor_binary() -> Option<PathBuf> {
    let bin = crate::support::app_binary()
        .parent()?
        .join("examples/vanthu-floor");
    bin.exists().then_some(bin)
}

/// One start of the blank window, started as the app is (through the WebDriver): ms from its
/// process start to its page loaded, and with `hold` the memory of its processes, read after
/// the same few idle seconds as the app's.
async fn floor_start(bin: &Path, data: &DataDir, hold: bool) -> Option<(f64, Option<String>)> {
    let app = App::start_binary(bin, data, None).await;
    let loaded = async {
        loop {
            let v = app.client.execute(FLOOR_LOADED, vec![]).await.ok()?;
            if let (Some(origin), Some(end)) = (v["origin"].as_f64(), v["loaded"].as_f64()) {
                if end > 0.0 {
                    return Some(origin + end);
                }
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let loaded = tokio::time::timeout(crate::support::WAIT, loaded)
        .await
        .ok()
        .flatten();
    let process = started_ms(data, "vanthu-floor");
    let memory = if hold {
        tokio::time::sleep(Duration::from_secs(3)).await;
        Some(memory_line("vanthu-floor"))
    } else {
        None
    };
    app.close().await;
    Some((loaded? - process?, memory))
}

/// The blank page's load, on the page's clock, and that clock beside the wall clock.
const FLOOR_LOADED: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
return { origin: Date.now() - performance.now(), loaded: nav ? nav.loadEventEnd : null };
"#;

/// How many times the app is started for the start figure: this VM's speed moves from one
/// second to the next, so one start says little.
const STARTS: usize = 7;

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn figures() {
    let data = DataDir::new();
    let files = typing::plan_folder(&data);
    // Starts before the measured one: the files the app and WebKit read are in the page cache
    // after the first, as on a clerk's machine after the first start of the day.
    let mut starts = Vec::new();
    // The blank window is started after each of the app's starts, so that both meet the same
    // phases of this VM's speed.
    let floor = floor_binary();
    let mut floor_runs = Vec::new();
    for _ in 1..STARTS {
        let app = App::start(&data, Some(&files)).await;
        let start = start_marks(&app, &data).await;
        app.close().await;
        starts.extend(start.expect("starting").into_iter());
        if let Some(f) = &floor {
            floor_runs.extend(floor_start(f, &data, false).await);
        }
    }
    let started = Instant::now();
    let app = App::start(&data, Some(&files)).await;
    let result: Res = async {
        let last = start_marks(&app, &data).await?;
        let cold = started.elapsed();
        starts.extend(last.into_iter());

        // Idle: nothing typed for a few seconds.
        tokio::time::sleep(Duration::from_secs(3)).await;
        let idle = memory_line("vanthu-app");

        typing::open_plan_as_draft(&app).await?;
        let times = typing::keystrokes_to_preview(&app, 10).await?;
        // The plan open in the editor, its preview drawn, typing over.
        tokio::time::sleep(Duration::from_secs(3)).await;
        let editing = memory_line("vanthu-app");

        println!(
            "FIGURE cold start to interactive archive view (test start, incl. tauri-driver and WebKitWebDriver): {} ms",
            cold.as_millis()
        );
        if !starts.is_empty() {
            let totals: Vec<f64> = starts.iter().map(Start::total).collect();
            let middle = starts
                .iter()
                .min_by(|a, b| {
                    (a.total() - typing::median(&totals))
                        .abs()
                        .total_cmp(&(b.total() - typing::median(&totals)).abs())
                })
                .unwrap();
            println!(
                "FIGURE app process start to archive rows shown, {} starts: median {:.0} ms, min {:.0} ms, each {:?} ms; \
                 the median start: process to page load start {:.0}, HTML {:.0}, bundle run {:.0}, mounted {:.0}, \
                 lists in {:.0}, rows shown {:.0} ms after page load start",
                starts.len(),
                typing::median(&totals),
                totals.iter().copied().fold(f64::INFINITY, f64::min),
                totals.iter().map(|t| t.round()).collect::<Vec<_>>(),
                middle.page,
                middle.html,
                middle.script,
                middle.mounted,
                middle.catalog,
                middle.shown,
            );
        }
        println!("FIGURE scripts of the built UI (kB): {:?}", bundle_kb());
        println!("FIGURE memory, idle after start: {idle}");
        println!("FIGURE memory, the 3-page plan open and typed into: {editing}");
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

    let Some(floor) = floor else {
        println!("FIGURE the floor: not built (cargo build -p vanthu-app --example vanthu-floor)");
        return;
    };
    floor_runs.extend(floor_start(&floor, &data, true).await);
    let loaded: Vec<f64> = floor_runs.iter().map(|r| r.0).collect();
    if !loaded.is_empty() {
        println!(
            "FIGURE the floor, a blank Tauri window, {} starts: process start to page loaded median {:.0} ms, min {:.0} ms, each {:?} ms",
            loaded.len(),
            typing::median(&loaded),
            loaded.iter().copied().fold(f64::INFINITY, f64::min),
            loaded.iter().map(|t| t.round()).collect::<Vec<_>>(),
        );
    }
    if let Some(m) = floor_runs.iter().find_map(|r| r.1.as_ref()) {
        println!("FIGURE the floor's memory, idle after start: {m}");
    }
}
