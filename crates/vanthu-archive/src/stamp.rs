//! When and by whom a change was made. At the bottom of the crate because every table that
//! records a change (documents, attachments, the trash, the audit log) takes one, and the
//! backend, not the caller's clock, owns time: tests pass a fixed stamp.

/// When and by whom a change was made; written to the audit log and the row timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// RFC 3339 local time with offset.
    pub at: String,
    /// The OS user.
    pub by: String,
}

impl Stamp {
    /// Now, by the current OS user.
    pub fn now() -> Stamp {
        let by = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
            .or_else(os_user)
            .unwrap_or_else(|| "không rõ".to_owned());
        Stamp {
            at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            by,
        }
    }

    /// The calendar day of the stamp (for undated historical records), today if unparsable.
    pub fn day(&self) -> chrono::NaiveDate {
        chrono::DateTime::parse_from_rfc3339(&self.at)
            .map(|t| t.date_naive())
            .unwrap_or_else(|_| chrono::Local::now().date_naive())
    }
}

/// The name of the process's user from the system's account list, for when the environment
/// does not say (a service, a bare container).
#[cfg(target_os = "linux")]
fn os_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    std::fs::read_to_string("/etc/passwd")
        .ok()?
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.len() > 2 && f[2] == uid)
        .map(|f| f[0].to_owned())
}

#[cfg(not(target_os = "linux"))]
fn os_user() -> Option<String> {
    None
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_log_names_a_user_even_when_the_environment_does_not() {
        let name = super::os_user().expect("the process's user is in /etc/passwd");
        assert!(!name.is_empty() && !name.contains(':'), "{name:?}");
    }
}
