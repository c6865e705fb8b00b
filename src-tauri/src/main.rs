//! The `vanthu-app` binary: only starts the shell in [`vanthu_app_lib`].

// No extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    vanthu_app_lib::run()
}
