//! The floor under the window's start and memory on this machine: a blank Tauri window, built
//! as the app's is (the same Tauri and WebKitGTK, drawn without compositing), showing one line
//! of text and nothing else. No page of ours can start quicker or hold less than this.
//!
//! The e2e figures start it as they start the app, through the WebDriver, and read when its page
//! loaded and what its processes hold: `cargo build -p vanthu-app --example vanthu-floor`.
//! Started by hand with `FLOOR_T0_NS=$(date +%s%N)`, it prints `FLOOR page loaded <ms>` from
//! then (so that the loading before `main` counts) and exits.

use std::time::{SystemTime, UNIX_EPOCH};

use tauri::Manager;

fn now_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn env_number(key: &str) -> Option<u128> {
    std::env::var(key).ok()?.parse().ok()
}

fn main() {
    let t0 = env_number("FLOOR_T0_NS");
    vanthu_app_lib::draw_without_compositing();
    tauri::Builder::default()
        .register_uri_scheme_protocol("floor", |_ctx, _request| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(
                    "<!doctype html><meta charset=utf-8><p>VănThư</p>"
                        .as_bytes()
                        .to_vec(),
                )
                .expect("a fixed response")
        })
        .setup(move |app| {
            let url = "floor://localhost/".parse().expect("a fixed URL");
            tauri::WebviewWindowBuilder::new(app, "floor", tauri::WebviewUrl::CustomProtocol(url))
                .title("VănThư")
                .inner_size(1360.0, 860.0)
                .on_page_load(move |window, payload| {
                    let Some(t0) = t0 else { return };
                    if payload.event() == tauri::webview::PageLoadEvent::Finished {
                        println!("FLOOR page loaded {:.1}", (now_ns() - t0) as f64 / 1e6);
                        window.app_handle().exit(0);
                    }
                })
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!(
            "examples/vanthu-floor/tauri.conf.json"
        ))
        .expect("the blank window could not start");
}
