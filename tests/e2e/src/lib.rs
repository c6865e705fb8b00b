//! End-to-end tests live in `tests/app/`; they drive the built window through tauri-driver.
