//! LibreOffice as the reader of our .docx files: `soffice --headless --convert-to pdf` sets
//! the file as a word processor would (Debian `libreoffice-writer-nogui`, installed by
//! scripts/deps.sh). A missing soffice fails the test instead of skipping it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Converts every file to PDF in `out_dir`, in one LibreOffice run (its start is slow), with
/// a profile of its own so that parallel test runs, and parallel tests of one run, do not
/// share one. Returns the PDFs, in the order of `files`.
pub fn to_pdf(files: &[PathBuf], out_dir: &Path) -> Vec<PathBuf> {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let profile =
        std::env::temp_dir().join(format!("vanthu-docx-lo-{}-{call}", std::process::id()));
    let mut cmd = Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args([
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
    ])
    .arg(out_dir)
    .args(files);
    let out = cmd.output().unwrap_or_else(|e| {
        panic!(
            "`soffice` could not be run ({e}). The .docx tests read the files with \
             LibreOffice: install it with \
             `sudo apt-get install --no-install-recommends libreoffice-writer-nogui`."
        )
    });
    let _ = std::fs::remove_dir_all(&profile);
    assert!(
        out.status.success(),
        "LibreOffice could not convert the .docx files: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    files
        .iter()
        .map(|f| {
            let pdf = out_dir.join(f.with_extension("pdf").file_name().unwrap());
            assert!(
                pdf.exists(),
                "LibreOffice did not open {f:?}: a clerk's Word would refuse it too ({})",
                String::from_utf8_lossy(&out.stderr)
            );
            pdf
        })
        .collect()
}
