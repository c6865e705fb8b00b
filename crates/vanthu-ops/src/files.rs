//! The clerk's own files: reading one with a size cap, writing one so that a failure never
//! leaves half a file, and finding a fresh folder name. Every operation that touches a file
//! outside the archive goes through here, so the CLI and the window behave alike.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{OpsError, Result};

/// Reads a whole file (`-` is standard input), refusing one larger than `max` before reading
/// it all: a 100 MB file picked by mistake costs nothing.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>> {
    let too_large = |bytes| OpsError::TooLarge {
        path: path.to_owned(),
        bytes,
        max,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(OpsError::read(path))?;
    } else {
        // Asked before opening: Windows refuses to open a folder as a file with "access
        // denied", which would read as a missing permission.
        if path.is_dir() {
            return Err(OpsError::Read {
                path: path.to_owned(),
                source: std::io::Error::new(std::io::ErrorKind::IsADirectory, "a folder"),
            });
        }
        let file = std::fs::File::open(path).map_err(OpsError::read(path))?;
        let meta = file.metadata().map_err(OpsError::read(path))?;
        if meta.len() > max {
            return Err(too_large(meta.len()));
        }
        // Room for the whole file and the one byte that tells it grew: one read, where an
        // empty buffer took ten (32 bytes, 32, 64, … for a 6 KB document).
        bytes.reserve_exact(meta.len() as usize + 1);
        file.take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(OpsError::read(path))?;
    }
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes `bytes` to `target` through a temporary file beside it, flushed to disk and then
/// renamed over the target: a reader sees the old file or the whole new one, never a part.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    // A folder (`C:\`, `~/Tài liệu`) is said to be one: the rename over it would fail on
    // Windows with "access denied", which would read as a missing permission.
    if target.is_dir() {
        return Err(OpsError::Write {
            path: target.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::IsADirectory, "a folder"),
        });
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.tmp-vanthu", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, target)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        OpsError::Write {
            path: target.to_owned(),
            source: e,
        }
    })
}

/// `parent/name`, or `parent/name (2)`, … — the first that does not exist yet.
pub fn fresh_folder(parent: &Path, name: &str) -> PathBuf {
    let first = parent.join(name);
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| parent.join(format!("{name} ({n})")))
        .find(|p| !p.exists())
        .expect("some numbered name is free")
}

/// The last part of a path as a clerk reads it (`ke-hoach.pdf`).
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("Kế hoạch.pdf");
        write_atomic(&target, b"old").unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the target is left");
        let missing = dir.path().join("khong-co").join("x.pdf");
        let e = write_atomic(&missing, b"x").unwrap_err();
        assert!(e.message_vi().contains("không có tệp hay thư mục"), "{e}");
    }

    #[test]
    fn a_folder_as_target_is_said_to_be_a_folder_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Bản in");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("cũ.pdf"), b"old").unwrap();
        let e = write_atomic(&folder, b"%PDF").unwrap_err();
        let vi = e.message_vi();
        assert!(vi.contains("đây là một thư mục"), "{vi}");
        assert!(!vi.contains("không có quyền"), "{vi}");
        assert!(folder.is_dir(), "the folder is still a folder");
        assert_eq!(
            std::fs::read_dir(&folder).unwrap().count(),
            1,
            "nothing added"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn large_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lớn.txt");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert!(matches!(
            read_file(&path, 1024),
            Err(OpsError::TooLarge { bytes: 2048, .. })
        ));
        assert_eq!(read_file(&path, 4096).unwrap().len(), 2048);
        let folder = read_file(dir.path(), 4096).unwrap_err().message_vi();
        assert!(folder.contains("đây là một thư mục"), "{folder}");
        assert!(!folder.contains("không có quyền"), "{folder}");
    }

    #[test]
    fn fresh_folders_are_numbered() {
        let dir = tempfile::tempdir().unwrap();
        let a = fresh_folder(dir.path(), "Kho");
        std::fs::create_dir(&a).unwrap();
        assert_eq!(fresh_folder(dir.path(), "Kho"), dir.path().join("Kho (2)"));
    }
}
