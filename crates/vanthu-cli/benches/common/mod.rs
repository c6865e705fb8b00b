//! What the whole-process benchmarks share: one run of `vanthu` timed, its wall and CPU time
//! (user + system, from the kernel's account of the child), and how they are printed.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Wall and CPU time of one run.
pub fn run(command: &mut Command) -> (Duration, Option<Duration>) {
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let start = Instant::now();
    let child = command.spawn().expect("start vanthu");
    let (ok, cpu) = wait(child);
    let wall = start.elapsed();
    assert!(ok, "vanthu failed");
    (wall, cpu)
}

#[cfg(unix)]
fn wait(child: std::process::Child) -> (bool, Option<Duration>) {
    let mut status = 0;
    // SAFETY: all-zero is a valid `rusage` (plain integers); `wait4` fills it in for the
    // child we started, which nothing else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // SAFETY: `status` and `usage` are valid for writes for the duration of the call.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4: {}", std::io::Error::last_os_error());
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, Some(time(usage.ru_utime) + time(usage.ru_stime)))
}

#[cfg(not(unix))]
fn wait(mut child: std::process::Child) -> (bool, Option<Duration>) {
    let ok = child.wait().expect("wait for vanthu").success();
    (ok, None)
}

pub fn report(what: &str, runs: impl Iterator<Item = (Duration, Option<Duration>)>) {
    let (mut wall, mut cpu): (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for (w, c) in runs {
        wall.push(w.as_secs_f64() * 1e3);
        if let Some(c) = c {
            cpu.push(c.as_secs_f64() * 1e3);
        }
    }
    let line = |ms: &mut Vec<f64>| {
        ms.sort_by(f64::total_cmp);
        format!("min {:.2} ms, median {:.2} ms", ms[0], ms[ms.len() / 2])
    };
    print!("  {what}: wall {}", line(&mut wall));
    if !cpu.is_empty() {
        print!("; CPU {}", line(&mut cpu));
    }
    println!();
}

/// The 1, 5 and 15 minute load averages (Linux), to read the figures by.
pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
