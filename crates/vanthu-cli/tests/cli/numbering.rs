//! Numbering through the binary: the register continues after history, follows the format's
//! rule, and never gives one number twice — not even to sixteen processes at once.

use crate::{corpus, plan_json, Env};

#[test]
fn issuing_after_an_imported_82_gives_83() {
    let env = Env::new();
    env.ok(&["import", corpus("002").to_str().unwrap()]);
    let file = env.json(
        "moi.json",
        &plan_json("Kế hoạch sinh hoạt chi bộ năm 2025", "2025-02-05"),
    );
    let id = env.ok(&["new", &file]);
    assert_eq!(env.ok(&["issue", id.trim()]).trim(), "83-KH/ĐU");
    let shown = env.show(&id);
    assert_eq!(shown["status"], "issued");
    assert_eq!(shown["symbol"], "83-KH/ĐU");
}

#[test]
fn party_terms_and_state_years() {
    let env = Env::new();
    env.ok(&[
        "profile",
        "add",
        "--name",
        "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "--code",
        "ĐU",
        "--term-start",
        "2020-10-01",
    ]);
    let issue = |value: serde_json::Value| {
        let file = env.json("d.json", &value);
        let id = env.ok(&["new", &file]);
        env.ok(&["issue", id.trim()]).trim().to_owned()
    };
    assert_eq!(issue(plan_json("A", "2024-03-15")), "01-KH/ĐU");
    let mut report = plan_json("B", "2024-03-16");
    report["kind"] = "bao_cao".into();
    assert_eq!(issue(report), "01-BC/ĐU");
    assert_eq!(issue(plan_json("C", "2025-09-30")), "02-KH/ĐU");
    assert_eq!(issue(plan_json("D", "2025-10-01")), "01-KH/ĐU", "new term");

    let state = |kind: &str, date: &str| {
        let mut v = plan_json("Kế hoạch", date);
        v["format"] = "state".into();
        v["kind"] = kind.into();
        v["issuer"]["code"] = "UBND".into();
        v["signature"]["authority"] = "TM. ỦY BAN NHÂN DÂN".into();
        v
    };
    assert_eq!(issue(state("ke_hoach", "2024-07-01")), "01/KH-UBND");
    assert_eq!(issue(state("quyet_dinh", "2024-07-02")), "02/QĐ-UBND");
    assert_eq!(issue(state("ke_hoach", "2025-01-02")), "01/KH-UBND");
}

#[test]
fn sixteen_processes_issuing_at_once_get_sixteen_numbers() {
    let env = Env::new();
    let file = env.json("d.json", &plan_json("Kế hoạch", "2024-05-01"));
    let ids: Vec<String> = (0..16)
        .map(|_| env.ok(&["new", &file]).trim().to_owned())
        .collect();
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            env.cmd()
                .args(["issue", id])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut symbols: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "a waiting issuer must not fail: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap().trim().to_owned()
        })
        .collect();
    symbols.sort();
    let expected: Vec<String> = (1..=16).map(|n| format!("{n:02}-KH/ĐU")).collect();
    assert_eq!(symbols, expected);
}

#[test]
fn an_issued_document_cannot_be_edited() {
    let env = Env::new();
    let file = env.json("d.json", &plan_json("Kế hoạch", "2024-05-01"));
    let id = env.ok(&["new", &file]);
    env.ok(&["issue", id.trim()]);
    let before = env.dump();
    let changed = env.json("sua.json", &plan_json("Kế hoạch đã sửa", "2024-05-01"));
    let err = env.fails(&["edit", id.trim(), &changed]);
    assert!(
        err.contains("đã ban hành") && err.contains("01-KH/ĐU"),
        "{err}"
    );
    assert_eq!(env.dump(), before);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    assert!(
        conn.execute("UPDATE documents SET title = 'x'", [])
            .is_err(),
        "raw SQL must be refused too"
    );
    assert_eq!(env.dump(), before);
}

#[test]
fn a_draft_can_be_edited_and_reopened() {
    let env = Env::new();
    let id = env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch", "2024-05-01")),
    ]);
    env.ok(&[
        "edit",
        id.trim(),
        &env.json("e.json", &plan_json("Kế hoạch đã sửa", "2024-05-02")),
    ]);
    let shown = env.show(&id);
    assert_eq!(shown["title"], "Kế hoạch đã sửa");
    assert_eq!(shown["date"], "2024-05-02");
    assert_eq!(shown["status"], "draft");
}
