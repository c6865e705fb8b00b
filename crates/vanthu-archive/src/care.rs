//! Taking care of the archive as a whole: verification, and backup and restore.
//!
//! A clerk must be able to prove nothing was changed behind the program's back (every
//! attachment against its SHA-256, SQLite's own integrity check) and survive a dead disk.
//! Backups use SQLite's online backup, so they are consistent while the app is open; a restore
//! checks the file before it touches anything and keeps the current archive aside.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use vanthu_model::text::io_reason_vi;

use crate::error::{ArchiveError, Result};
use crate::migrate::{APPLICATION_ID, SCHEMA_VERSION};
use crate::rows::attachments::sha256_hex;
use crate::rows::audit::{self, AuditAction};
use crate::{Archive, Stamp};

/// One problem found by [`Archive::verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyProblem {
    /// The attachment concerned, if any.
    pub attachment_id: Option<i64>,
    pub message: String,
}

impl Archive {
    /// Checks the database (`integrity_check`, foreign keys) and every attachment against its
    /// recorded size and SHA-256. Empty when all is well.
    pub fn verify(&self) -> Result<Vec<VerifyProblem>> {
        let mut problems = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(ArchiveError::sqlite("check the archive"))?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(ArchiveError::sqlite("check the archive"))?
            .collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("check the archive"))?;
        for row in rows.into_iter().filter(|r| r != "ok") {
            problems.push(VerifyProblem {
                attachment_id: None,
                message: format!("Cơ sở dữ liệu hỏng: {row}"),
            });
        }
        let fk: i64 = self
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .map_err(ArchiveError::sqlite("check the archive"))?;
        if fk > 0 {
            problems.push(VerifyProblem {
                attachment_id: None,
                message: format!("{fk} dòng tham chiếu tới văn bản không còn tồn tại."),
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, file_name, size, sha256, data FROM attachments ORDER BY id")
            .map_err(ArchiveError::sqlite("check the attachments"))?;
        let mut rows = stmt
            .query([])
            .map_err(ArchiveError::sqlite("check the attachments"))?;
        while let Some(r) = rows
            .next()
            .map_err(ArchiveError::sqlite("check the attachments"))?
        {
            let (id, name, size, sha): (i64, String, i64, String) = (
                r.get(0)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
                r.get(1)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
                r.get(2)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
                r.get(3)
                    .map_err(ArchiveError::sqlite("check the attachments"))?,
            );
            let data = r
                .get_ref(4)
                .and_then(|v| v.as_blob().map_err(Into::into))
                .map_err(ArchiveError::sqlite("check the attachments"))?;
            if data.len() as i64 != size {
                problems.push(VerifyProblem {
                    attachment_id: Some(id),
                    message: format!(
                        "Tệp đính kèm “{name}” (mã {id}) dài {} byte, khác {size} byte đã ghi.",
                        data.len()
                    ),
                });
            } else if sha256_hex(data) != sha {
                problems.push(VerifyProblem {
                    attachment_id: Some(id),
                    message: format!(
                        "Tệp đính kèm “{name}” (mã {id}) đã bị thay đổi: mã SHA-256 không khớp."
                    ),
                });
            }
        }
        Ok(problems)
    }

    /// Writes a consistent copy of the archive to `dest` (SQLite's online backup: the app may
    /// keep working meanwhile). The copy is written beside `dest` and renamed into place.
    /// A failure is said about `dest`, the file the clerk chose, never about the temporary one.
    pub fn backup(&mut self, dest: &Path, stamp: &Stamp) -> Result<()> {
        let failed = |reason_vi: String| ArchiveError::Backup {
            path: dest.to_owned(),
            reason_vi,
        };
        if dest.is_dir() {
            return Err(failed(io_reason_vi(&std::io::Error::from(
                std::io::ErrorKind::IsADirectory,
            ))));
        }
        let tmp = dest.with_extension("tmp-sao-luu");
        // Created here first so that a missing folder or a refused permission comes back as
        // an I/O error of a known kind rather than SQLite's "unable to open database file".
        if let Err(e) = std::fs::File::create(&tmp) {
            return Err(failed(match dest.parent() {
                Some(dir) if e.kind() == std::io::ErrorKind::NotFound && !dir.is_dir() => {
                    format!("không có thư mục {}", dir.display())
                }
                _ => io_reason_vi(&e),
            }));
        }
        let result = (|| {
            let mut out = Connection::open(&tmp)?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
            drop(backup);
            out.execute_batch("PRAGMA journal_mode = DELETE;")?;
            Ok::<_, rusqlite::Error>(())
        })();
        if let Err(source) = result {
            let _ = std::fs::remove_file(&tmp);
            return Err(failed(backup_reason_vi(&source, &tmp, dest)));
        }
        std::fs::rename(&tmp, dest).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            failed(io_reason_vi(&e))
        })?;
        // Logged once the copy exists, so a failed backup leaves the archive as it was.
        let tx = self.write_tx("back up the archive")?;
        audit::append(
            &tx,
            stamp,
            AuditAction::Backup,
            None,
            &dest.display().to_string(),
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("back up the archive"))
    }

    /// The daily automatic backup: writes `vanthu-YYYY-MM-DD.sqlite3` into `dir` unless today's
    /// is already there, then keeps only the newest `keep` of them. Returns the file written.
    pub fn daily_backup(
        &mut self,
        dir: &Path,
        today: chrono::NaiveDate,
        keep: usize,
        stamp: &Stamp,
    ) -> Result<Option<PathBuf>> {
        let err = |e: std::io::Error| ArchiveError::Backup {
            path: dir.to_owned(),
            reason_vi: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(err)?;
        let name = |d: chrono::NaiveDate| format!("vanthu-{}.sqlite3", vanthu_model::date::iso(d));
        let target = dir.join(name(today));
        let written = if target.exists() {
            None
        } else {
            self.backup(&target, stamp)?;
            Some(target)
        };
        let mut existing: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with("vanthu-") && n.ends_with(".sqlite3") && n.len() == 25
                })
            })
            .collect();
        // The ISO date in the name sorts by age.
        existing.sort();
        let excess = existing.len().saturating_sub(keep);
        for old in &existing[..excess] {
            std::fs::remove_file(old).map_err(err)?;
        }
        Ok(written)
    }

    /// Replaces the archive at `target` with the backup `source`, after checking that the
    /// backup is a VănThư archive this program can read and that SQLite finds it intact. The
    /// archive it replaces is kept beside it; its path is returned.
    pub fn restore(target: &Path, source: &Path, stamp: &Stamp) -> Result<PathBuf> {
        check_backup(source)?;
        let aside = {
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "vanthu.sqlite3".to_owned());
            let when: String = stamp
                .at
                .chars()
                .filter(char::is_ascii_digit)
                .take(14)
                .collect();
            target.with_file_name(format!("{name}.truoc-khoi-phuc-{when}"))
        };
        let err = |reason: String| ArchiveError::Restore {
            path: source.to_owned(),
            reason_vi: reason,
        };
        if target.exists() {
            // A consistent copy of the current archive first (its WAL folded in), then replace.
            let mut current = Archive::open(target)?;
            current.backup(&aside, stamp)?;
            drop(current);
        }
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| err(e.to_string()))?;
        let mut dst = Connection::open(target).map_err(|e| err(e.to_string()))?;
        rusqlite::backup::Backup::new(&src, &mut dst)
            .and_then(|b| b.run_to_completion(256, std::time::Duration::from_millis(5), None))
            .map_err(|e| err(e.to_string()))?;
        drop(dst);
        let mut archive = Archive::open(target)?;
        let tx = archive.write_tx("restore the archive")?;
        audit::append(
            &tx,
            stamp,
            AuditAction::RestoreArchive,
            None,
            &source.display().to_string(),
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("restore the archive"))?;
        Ok(aside)
    }
}

/// Refuses a backup that is not a readable, intact VănThư archive of a known schema.
fn check_backup(source: &Path) -> Result<()> {
    let reject = |reason: &str| ArchiveError::Restore {
        path: source.to_owned(),
        reason_vi: reason.to_owned(),
    };
    if !source.is_file() {
        return Err(reject("không có tệp này"));
    }
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| reject("không mở được tệp"))?;
    let header = (|| {
        let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok::<_, rusqlite::Error>((app, version))
    })();
    let (app, version) =
        header.map_err(|_| reject("tệp không phải cơ sở dữ liệu SQLite (hoặc đã hỏng)"))?;
    if app != APPLICATION_ID {
        return Err(reject("tệp không phải bản sao lưu của kho VănThư"));
    }
    if version > SCHEMA_VERSION {
        return Err(ArchiveError::NewerArchive {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| reject("bản sao lưu bị hỏng, SQLite không đọc hết được"))?;
    if check != "ok" {
        return Err(reject(&format!("bản sao lưu bị hỏng ({check})")));
    }
    Ok(())
}

/// Why SQLite could not write the copy, said about the file the clerk chose.
fn backup_reason_vi(e: &rusqlite::Error, tmp: &Path, dest: &Path) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DiskFull) => "ổ đĩa đã đầy".to_owned(),
        Some(C::ReadOnly | C::PermissionDenied) => "không có quyền".to_owned(),
        _ => e
            .to_string()
            .replace(&tmp.display().to_string(), &dest.display().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(dir: &Path) -> Archive {
        Archive::open(&dir.join("kho.sqlite3")).expect("a new archive")
    }

    fn stamp() -> Stamp {
        Stamp {
            at: "2025-03-01T09:00:00+07:00".to_owned(),
            by: "vanthu-test".to_owned(),
        }
    }

    #[test]
    fn a_failed_backup_names_the_target_not_its_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = archive(dir.path());
        let target = dir.path().join("Không có").join("sao lưu.sqlite3");
        let e = archive.backup(&target, &stamp()).unwrap_err();
        let (vi, en) = (e.message_vi(), e.to_string());
        for text in [&vi, &en] {
            assert!(text.contains(&target.display().to_string()), "{text}");
            assert!(!text.contains("tmp-sao-luu"), "{text}");
        }
        assert!(vi.contains("không có thư mục"), "{vi}");
        assert!(vi.contains("Kho không bị thay đổi"), "{vi}");
    }

    #[test]
    fn a_folder_as_backup_target_is_said_to_be_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = archive(dir.path());
        let folder = dir.path().join("Sao lưu");
        std::fs::create_dir(&folder).unwrap();
        let e = archive.backup(&folder, &stamp()).unwrap_err();
        let vi = e.message_vi();
        assert!(vi.contains("đây là một thư mục"), "{vi}");
        assert!(vi.contains(&folder.display().to_string()), "{vi}");
        assert!(folder.is_dir(), "the folder is left as it was");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.contains("tmp-sao-luu")),
            "no temporary file is left: {names:?}"
        );
    }
}
