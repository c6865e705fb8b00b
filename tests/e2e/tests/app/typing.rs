//! Issue 14, the editor at typing speed: words typed into the body of the 3-page plan (corpus
//! plan 82-KH/ĐU, imported, copied as a draft) appear in the preview as the keys are pressed,
//! and the preview has as many pages as the PDF exported from the same form. The time from a
//! keystroke to its word in the preview is printed, not asserted (the machine's load changes
//! it).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::support::{self, wait_file, App, DataDir, Res, WAIT};

/// A folder holding only corpus plan 002 (82-KH/ĐU, three pages), for the import dialog.
pub fn plan_folder(data: &DataDir) -> std::path::PathBuf {
    let dir = data.path().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let name = "002-ke-hoach-82-kh-du.txt";
    std::fs::copy(
        support::repo_root()
            .join("tests/fixtures/corpus")
            .join(name),
        dir.join(name),
    )
    .unwrap();
    dir
}

/// Imports the plan (issued: 82-KH/ĐU), opens it, and copies it as a draft, as next year's
/// plan would be made; returns once the draft's preview shows its three pages.
pub async fn open_plan_as_draft(app: &App) -> Res {
    app.click("nav-import").await?;
    app.click("import-pick").await?;
    app.wait_count("import-result", 1).await?;
    app.click("nav-archive").await?;
    app.type_into("search-input", "82-KH/ĐU").await?;
    app.wait_text("doc-count", "the plan found", |t| t == "1 kết quả")
        .await?;
    app.client
        .find(Locator::Css("[data-testid='doc-row'] button.link"))
        .await?
        .click()
        .await?;
    app.wait_text("preview", "three pages", |t| t.contains("3 trang"))
        .await?;
    app.click("copy-as-new").await?;
    app.wait_text("save-state", "the copy opened", |t| t.starts_with("Đã lưu"))
        .await?;
    app.wait_text("preview", "three pages", |t| t.contains("3 trang"))
        .await?;
    Ok(())
}

/// The page's side of one measurement: remembers when the last key went down in the body and
/// when `word` first appeared in the preview's text — at the next animation frame after it
/// entered the page, when it is drawn.
const WATCH: &str = r#"
const [word] = arguments;
const area = document.querySelector("[data-testid='field-body']");
const pane = document.querySelector("[data-testid='preview']");
const probe = { word, key: 0, seen: 0 };
window.__probe = probe;
const onkey = () => { probe.key = performance.now(); };
area.addEventListener('keydown', onkey, true);
const obs = new MutationObserver(() => {
  if (probe.seen || !pane.textContent.includes(word)) return;
  obs.disconnect();
  area.removeEventListener('keydown', onkey, true);
  probe.seen = -1;
  requestAnimationFrame(() => { probe.seen = performance.now(); });
});
obs.observe(pane, { subtree: true, childList: true, characterData: true });
"#;

/// Types `count` words into the body, at the end of its first paragraph (so the rest of the
/// plan reflows behind them), each as a clerk would — key by key — and returns, for each, the
/// milliseconds from its last keystroke to the word drawn in the preview.
pub async fn keystrokes_to_preview(app: &App, count: usize) -> Res<Vec<f64>> {
    let body = app.find("field-body").await?;
    body.click().await?;
    // The caret at the end of the first paragraph; WebDriver types where the caret is.
    app.client
        .execute(
            "const a = document.querySelector(\"[data-testid='field-body']\"); \
             const end = a.value.indexOf('\\n'); a.focus(); a.setSelectionRange(end, end);",
            vec![],
        )
        .await?;
    let mut times = Vec::new();
    for i in 0..count {
        let word = format!("phím{i}");
        app.client
            .execute(WATCH, vec![serde_json::json!(word)])
            .await?;
        body.send_keys(&format!(" {word}")).await?;
        let start = Instant::now();
        let ms = loop {
            let probe = app.client.execute("return window.__probe;", vec![]).await?;
            let seen = probe["seen"].as_f64().unwrap_or(0.0);
            let key = probe["key"].as_f64().unwrap_or(0.0);
            if seen > 0.0 {
                break seen - key;
            }
            assert!(
                start.elapsed() < WAIT,
                "“{word}”, typed into the body, never showed in the preview"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        times.push(ms);
    }
    let value = app.value("field-body").await?;
    let first = value.lines().next().unwrap_or_default();
    let typed: Vec<String> = (0..count).map(|i| format!("phím{i}")).collect();
    assert!(
        first.ends_with(&typed.join(" ")),
        "the words went elsewhere than the end of the first paragraph: {first:?}"
    );
    Ok(times)
}

pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) reads the exported PDF");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo names the page count")
}

/// How far apart the right ends of the justified lines of the first page are drawn, in mm.
/// They all end at the text area's right edge in the PDF; drawn in another font than the
/// layout measured with, or at a rounded size, they would scatter.
const JUSTIFIED_SPREAD: &str = r#"
const ends = [];
// The first sheet, in view (sheets out of view are not laid out until scrolled to).
for (const sheet of [document.querySelector("[data-testid='preview-page']")]) {
  const paper = sheet.querySelector('.paper');
  const box = sheet.getBoundingClientRect();
  // Millimetres of paper per screen pixel.
  const mm = parseFloat(paper.style.width) / 10 / box.width;
  const lines = new Map();
  for (const run of sheet.querySelectorAll('.run')) {
    const top = run.style.top;
    if (!lines.has(top)) lines.set(top, []);
    lines.get(top).push(...run.querySelectorAll('span'));
  }
  for (const words of lines.values()) {
    // A line of the body: many words.
    if (words.length < 8) continue;
    const right = Math.max(...words.map((w) => {
      const r = document.createRange();
      r.selectNodeContents(w);
      const text = w.textContent;
      // The ink of the word, not its trailing space.
      r.setEnd(w.firstChild, text.trimEnd().length);
      return r.getBoundingClientRect().right;
    }));
    ends.push((right - box.left) * mm);
  }
}
ends.sort((a, b) => a - b);
// The body's lines end at the text area's right edge; the last line of a paragraph ends short.
const right = ends.at(-1);
const full = ends.filter((e) => right - e < 1.5);
return { count: full.length, spread: right - full[0], right,
         fonts: document.fonts.check("12px 'VanThu Preview'") };
"#;

#[tokio::test]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display (scripts/test)"]
async fn typed_words_reach_the_preview_which_has_the_pdfs_pages() {
    let data = DataDir::new();
    let files = plan_folder(&data);
    let app = App::start(&data, Some(&files)).await;
    let result: Res = async {
        open_plan_as_draft(&app).await?;
        let times = keystrokes_to_preview(&app, 10).await?;
        println!(
            "FIGURE keystroke to the word in the preview, 3-page plan: median {:.0} ms, each {:?} ms",
            median(&times),
            times.iter().map(|t| t.round()).collect::<Vec<_>>()
        );
        app.screenshot("12-typing-preview").await?;

        // The same form exported: as many pages as the preview shows.
        app.click("export-pdf").await?;
        app.wait_text("notice", "the export", |t| t.contains("Đã lưu PDF"))
            .await?;
        let pdf = std::fs::read_dir(&files)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "pdf"))
            .expect("no PDF in the export folder");
        let bytes = wait_file(&pdf).await;
        // Beside the screenshot, to compare with `pdftoppm` by eye.
        std::fs::write(support::screenshot_dir().join("12-typing-preview.pdf"), bytes).unwrap();
        let shown: usize = app
            .find("preview")
            .await?
            .attr("data-pages")
            .await?
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        assert_eq!(
            shown,
            pdf_pages(&pdf),
            "the preview shows another number of pages than the PDF of the same form has"
        );

        // The preview's text is the layout's, in the font files the layout measured with.
        let drawn = app.client.execute(JUSTIFIED_SPREAD, vec![]).await?;
        println!("justified lines drawn: {drawn}");
        assert_eq!(
            drawn["fonts"].as_bool(),
            Some(true),
            "the preview does not draw in the layout's own font files"
        );
        assert!(
            drawn["count"].as_u64().unwrap_or(0) > 8,
            "the plan's justified lines are missing from the preview: {drawn}"
        );
        let spread = drawn["spread"].as_f64().unwrap_or(f64::NAN);
        assert!(
            spread < 0.4,
            "justified lines end {spread:.2} mm apart in the preview; in the PDF they end together"
        );

        let text = String::from_utf8(
            Command::new("pdftotext")
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext")
                .stdout,
        )
        .unwrap();
        assert!(text.contains("phím9"), "the exported PDF lacks the typed words");
        Ok(())
    }
    .await;
    app.close().await;
    result.expect("typing into the plan");
}
