//! Starting the real window for one test, and the few WebDriver moves the tests repeat.
//!
//! Each [`App`] gets a fresh data directory (XDG_DATA_HOME and HOME point into a temp dir, so
//! the archive and the web view's storage start empty), fresh ports, and its own process
//! group: dropping it ends tauri-driver, WebKitWebDriver and the app together, even when the
//! test panics (killing tauri-driver alone would orphan WebKitWebDriver on its port).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::net::TcpStream;
use tokio::process::Command;
use tokio::time::sleep;

pub type Res<T = ()> = Result<T, CmdError>;

/// How long any single wait may take before the test fails with what it last saw.
pub const WAIT: Duration = Duration::from_secs(20);

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The build's target directory (wherever `CARGO_TARGET_DIR` put it): the parent of the
/// scratch directory cargo gives integration tests.
pub fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map_or_else(|| repo_root().join("target"), PathBuf::from)
}

pub fn app_binary() -> PathBuf {
    let p = std::env::var_os("VANTHU_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/vanthu-app"));
    assert!(
        p.exists(),
        "app binary not found at {} (build it: npm --prefix ui run build && cargo build -p vanthu-app)",
        p.display()
    );
    p.canonicalize().unwrap()
}

pub fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("VANTHU_E2E_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("e2e-screenshots"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct DriverGroup(i32);

impl Drop for DriverGroup {
    fn drop(&mut self) {
        // SAFETY: plain kill(2) on the process group this test created.
        unsafe {
            libc::kill(-self.0, libc::SIGTERM);
        }
        std::thread::sleep(Duration::from_millis(300));
        unsafe {
            libc::kill(-self.0, libc::SIGKILL);
        }
    }
}

/// A data directory the app starts in; kept across app restarts within one test.
pub struct DataDir {
    pub dir: tempfile::TempDir,
}

impl DataDir {
    pub fn new() -> DataDir {
        DataDir {
            dir: tempfile::Builder::new()
                .prefix("vanthu-e2e-")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

pub struct App {
    pub client: Client,
    _group: DriverGroup,
}

impl App {
    /// Starts the window on `data`; `dialog_dir` answers the save/open dialogs.
    pub async fn start(data: &DataDir, dialog_dir: Option<&Path>) -> App {
        App::start_binary(&app_binary(), data, dialog_dir).await
    }

    /// [`App::start`] of another Tauri program (the figures' blank window).
    pub async fn start_binary(app: &Path, data: &DataDir, dialog_dir: Option<&Path>) -> App {
        let (port, native_port) = (free_port(), free_port());
        let driver = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let home = data.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let mut cmd = Command::new(driver);
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("XDG_DATA_HOME", data.path().join("data"))
        .env("XDG_CONFIG_HOME", data.path().join("config"))
        .env("XDG_CACHE_HOME", data.path().join("cache"))
        .env("HOME", &home)
        .env_remove("VANTHU_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .process_group(0);
        match dialog_dir {
            Some(d) => cmd.env("VANTHU_DIALOG_DIR", d),
            None => cmd.env_remove("VANTHU_DIALOG_DIR"),
        };
        let child = cmd
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked --version 2.1.0)");
        let group = DriverGroup(child.id().expect("tauri-driver pid") as i32);
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(
                start.elapsed() < WAIT,
                "tauri-driver did not listen on {port}"
            );
            sleep(Duration::from_millis(50)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        // tauri-driver listens before WebKitWebDriver behind it does; on a busy machine the
        // first request can meet a closed connection, so a few tries are allowed.
        let mut tries = 0;
        let client = loop {
            tries += 1;
            let attempt = tokio::time::timeout(
                Duration::from_secs(40),
                ClientBuilder::native()
                    .capabilities(caps.clone())
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .await
            .expect("the WebDriver session did not open within 40 s (is there a display? run under xvfb-run -a)");
            match attempt {
                Ok(client) => break client,
                Err(e) if tries < 5 => {
                    eprintln!("WebDriver session, try {tries}: {e}; trying again");
                    sleep(Duration::from_millis(500 * tries)).await;
                }
                Err(e) => panic!("open a WebDriver session: {e}"),
            }
        };
        App {
            client,
            _group: group,
        }
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }

    pub async fn find(&self, testid: &str) -> Res<Element> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&format!("[data-testid='{testid}']")))
            .await
    }

    pub async fn all(&self, testid: &str) -> Res<Vec<Element>> {
        self.client
            .find_all(Locator::Css(&format!("[data-testid='{testid}']")))
            .await
    }

    pub async fn click(&self, testid: &str) -> Res {
        self.find(testid).await?.click().await
    }

    /// Types into a field as the clerk would (keys, so the page sees real input events).
    pub async fn type_into(&self, testid: &str, text: &str) -> Res {
        let el = self.find(testid).await?;
        el.click().await?;
        el.send_keys(&keys(text)).await
    }

    /// Empties a field, then types `text`.
    pub async fn replace(&self, testid: &str, text: &str) -> Res {
        let el = self.find(testid).await?;
        el.clear().await?;
        el.click().await?;
        if !text.is_empty() {
            el.send_keys(&keys(text)).await?;
        }
        // clear() sends no input event in every engine: make sure the form hears it.
        self.client
            .execute(
                "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                vec![serde_json::to_value(&el)?],
            )
            .await?;
        Ok(())
    }

    pub async fn value(&self, testid: &str) -> Res<String> {
        Ok(self
            .find(testid)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Waits until `check` holds for the text of `testid`, failing with the last text seen.
    pub async fn wait_text(
        &self,
        testid: &str,
        what: &str,
        check: impl Fn(&str) -> bool,
    ) -> Res<String> {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            if let Ok(el) = self
                .client
                .find(Locator::Css(&format!("[data-testid='{testid}']")))
                .await
            {
                if let Ok(t) = el.text().await {
                    if check(&t) {
                        return Ok(t);
                    }
                    last = t;
                }
            }
            assert!(
                start.elapsed() < WAIT,
                "{testid}: expected {what}; the window showed {last:?}"
            );
            sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `count` elements carry `testid`.
    pub async fn wait_count(&self, testid: &str, count: usize) -> Res<Vec<Element>> {
        let start = Instant::now();
        loop {
            let found = self.all(testid).await?;
            if found.len() == count {
                return Ok(found);
            }
            assert!(
                start.elapsed() < WAIT,
                "expected {count} × {testid}, the window shows {}",
                found.len()
            );
            sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn screenshot(&self, name: &str) -> Res {
        // Let the last changes be painted (two animation frames), fonts and canvases included:
        // WebKit's snapshot is of the last painted frame.
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await?;
        sleep(Duration::from_millis(300)).await;
        // WebKit takes the snapshot at the page's next paint. Drawn without compositing (as the
        // app has WebKitGTK draw), a page with nothing left to change never paints again and
        // the snapshot would wait for ever: one transparent pixel in a corner is repainted
        // until the snapshot is taken.
        self.client
            .execute(
                "const p = document.createElement('div'); p.id = 'vanthu-e2e-paint'; \
                 p.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none'; \
                 document.body.append(p); let on = false; \
                 window.__vanthuPaint = setInterval(() => { on = !on; \
                 p.style.background = on ? 'rgba(0,0,0,0.01)' : 'transparent'; }, 30);",
                vec![],
            )
            .await?;
        let png = self.client.screenshot().await;
        self.client
            .execute(
                "clearInterval(window.__vanthuPaint); document.getElementById('vanthu-e2e-paint')?.remove();",
                vec![],
            )
            .await?;
        std::fs::write(screenshot_dir().join(format!("{name}.png")), png?).unwrap();
        Ok(())
    }
}

/// The WebDriver keys for `text`: a line break is the Enter key (WebKitWebDriver drops `\n`).
pub fn keys(text: &str) -> String {
    text.replace('\n', "\u{E007}")
}

/// The `value` property of the first element matching `css`, whatever its JSON type.
pub async fn js_value(client: &fantoccini::Client, css: &str) -> Res<serde_json::Value> {
    client
        .execute(
            "const e = document.querySelector(arguments[0]); return e ? e.value : null;",
            vec![serde_json::Value::String(css.to_owned())],
        )
        .await
}

/// Waits for a file to appear (and stop growing).
pub async fn wait_file(path: &Path) -> Vec<u8> {
    let start = Instant::now();
    loop {
        if let Ok(bytes) = std::fs::read(path) {
            if bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF") {
                return bytes;
            }
        }
        assert!(start.elapsed() < WAIT, "{} was not written", path.display());
        sleep(Duration::from_millis(100)).await;
    }
}
