//! Crash safety, proven: imports and issues in a child process killed with SIGKILL at random
//! moments, 200 times. After every kill the archive is intact, everything a command reported
//! done is there, and an unfinished issue left neither a document nor a number behind.

use std::collections::BTreeMap;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{corpus, plan_json, Env};

/// A small deterministic generator (xorshift64*), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

struct State {
    /// Ids of documents whose `new`/`import` reported success.
    created: Vec<i64>,
    /// Symbols whose `issue` reported success, by document id.
    issued: BTreeMap<i64, String>,
}

fn check(env: &Env, state: &State, round: usize) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "round {round}: the archive is damaged");
    // Killed before the very first schema transaction committed: an empty file, and nothing may
    // have been reported done.
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    if version == 0 {
        assert!(
            state.created.is_empty() && state.issued.is_empty(),
            "round {round}: the schema is missing but documents were reported created"
        );
        return;
    }
    for id in &state.created {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(
            n, 1,
            "round {round}: document {id} was reported created but is gone"
        );
    }
    for (id, symbol) in &state.issued {
        let stored: Option<String> = conn
            .query_row("SELECT symbol FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(
            stored.as_deref(),
            Some(symbol.as_str()),
            "round {round}: issued {symbol} lost"
        );
    }
    // No gap in any register: an issue that did not finish took no number.
    let mut stmt = conn
        .prepare("SELECT register_id, count(*), max(number), min(number) FROM documents WHERE status = 'issued' GROUP BY register_id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (register, count, max, min) = row.unwrap();
        assert_eq!(
            (min, max),
            (1, count),
            "round {round}: register {register} has a gap ({count} numbers from {min} to {max})"
        );
    }
    // No half-written document: each has its search entry, each issued one its printed PDF.
    let unindexed: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT rowid FROM documents_fts)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        unindexed, 0,
        "round {round}: a document without its search entry"
    );
    let unprinted: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents WHERE status = 'issued'
             AND id NOT IN (SELECT document_id FROM attachments WHERE role = 'issued_pdf')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        unprinted, 0,
        "round {round}: an issued document without its printed PDF"
    );
}

#[test]
fn sigkill_at_random_moments_loses_nothing_and_leaves_no_half_work() {
    let env = Env::new();
    let plan = env.json(
        "plan.json",
        &plan_json("Kế hoạch kiểm tra mất điện", "2025-03-01"),
    );
    let files: Vec<String> = ["001", "003"]
        .iter()
        .map(|n| corpus(n).to_string_lossy().into_owned())
        .collect();
    let mut state = State {
        created: Vec::new(),
        issued: BTreeMap::new(),
    };
    let mut rng = Rng(0xC0FF_EE00_D15E_A5E5);
    let mut drafts: Vec<i64> = Vec::new();
    let (mut finished, mut killed) = (0, 0);
    for round in 0..200 {
        let choice = rng.below(3);
        let (args, issuing): (Vec<String>, Option<i64>) = match choice {
            0 if !drafts.is_empty() => {
                let id = drafts.remove(rng.below(drafts.len() as u64) as usize);
                (vec!["issue".into(), id.to_string()], Some(id))
            }
            1 => (
                ["import".to_string()]
                    .into_iter()
                    .chain(files.iter().cloned())
                    .collect(),
                None,
            ),
            _ => (vec!["new".into(), plan.clone()], None),
        };
        let mut child = env
            .cmd()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_millis(rng.below(60));
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if Instant::now() >= deadline {
                child.kill().unwrap(); // SIGKILL
                child.wait().unwrap();
                break None;
            }
            std::thread::sleep(Duration::from_micros(200));
        };
        let mut out = String::new();
        if let Some(mut stdout) = child.stdout.take() {
            std::io::Read::read_to_string(&mut stdout, &mut out).unwrap();
        }
        match status {
            Some(s) if s.success() => {
                finished += 1;
                match issuing {
                    Some(id) => {
                        state.issued.insert(id, out.trim().to_owned());
                    }
                    None => {
                        for id in out.lines().map(|l| l.trim().parse::<i64>().unwrap()) {
                            state.created.push(id);
                            // Imported corpus plans 001 and 003 are drafts without issuer
                            // fields; only the JSON plans can be issued.
                            if choice != 1 {
                                drafts.push(id);
                            }
                        }
                    }
                }
            }
            Some(s) => panic!("round {round}: vanthu {args:?} failed on its own ({s})"),
            None => {
                killed += 1;
                // A killed issue may have committed just before the kill: then it is issued,
                // with its PDF; otherwise it is still a draft and can be issued again.
                if let Some(id) = issuing {
                    let conn = rusqlite::Connection::open(&env.db).unwrap();
                    let symbol: Option<String> = conn
                        .query_row("SELECT symbol FROM documents WHERE id = ?1", [id], |r| {
                            r.get(0)
                        })
                        .unwrap();
                    match symbol {
                        Some(s) => {
                            state.issued.insert(id, s);
                        }
                        None => drafts.push(id),
                    }
                }
            }
        }
        check(&env, &state, round);
    }
    eprintln!(
        "crash test: {killed} commands killed, {finished} finished, {} issued",
        state.issued.len()
    );
    assert!(
        killed >= 50 && finished >= 20,
        "the kills should land at many moments: {killed} killed, {finished} finished"
    );
}
