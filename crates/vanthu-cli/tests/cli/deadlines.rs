//! `vanthu deadlines` and `vanthu deadline …`: the deadlines an issued plan sets, listed oldest
//! due first, marked done and reopened (both logged), corrected, added, removed, and written as
//! a calendar file; a refused change says why in Vietnamese and changes nothing.

use serde_json::Value;

use crate::{plan_json, Env};

/// An issued plan dated 10/2/2025 asking two things: one of the chi bộ by 31/5/2025, one of
/// the Văn phòng every quarter. Returns its id.
fn issued_plan(env: &Env) -> String {
    let mut plan = plan_json("Học tập chuyên đề năm 2025", "2025-02-10");
    plan["body"] = Value::from(
        "I. TỔ CHỨC THỰC HIỆN\n\n\
         1. Các chi bộ hoàn thành việc tổ chức học tập trước ngày 31/5/2025.\n\n\
         2. Văn phòng Đảng ủy định kỳ hằng quý tổng hợp, báo cáo Ban Thường vụ./.",
    );
    let id = env.ok(&["new", &env.json("plan.json", &plan)]);
    env.ok(&["issue", id.trim()]);
    id.trim().to_owned()
}

fn list(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["deadlines", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str::<Value>(&env.ok(&all))
        .expect("deadlines --json is JSON")
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn an_issued_plan_lists_its_deadlines_done_and_reopen_are_logged() {
    let env = Env::new();
    assert_eq!(env.ok(&["deadlines"]).trim(), "(không có thời hạn nào)");
    let doc = issued_plan(&env);

    let open = list(&env, &[]);
    assert_eq!(open.len(), 2, "{open:?}");
    let first = &open[0];
    for field in [
        "id",
        "document_id",
        "symbol",
        "due",
        "text",
        "units",
        "recurring",
        "status",
    ] {
        assert!(first.get(field).is_some(), "{field} in {first}");
    }
    assert_eq!(
        first["due"], "2025-03-31",
        "the quarter's report is due first"
    );
    assert_eq!(first["recurring"], "quarterly");
    assert_eq!(open[1]["due"], "2025-05-31");
    assert_eq!(open[1]["units"], serde_json::json!(["Các chi bộ"]));
    assert_eq!(open[1]["symbol"], "01-KH/ĐU");
    assert_eq!(open[1]["document_id"].as_i64().unwrap().to_string(), doc);
    assert_eq!(open[1]["status"], "open");

    let table = env.ok(&["deadlines"]);
    assert!(
        table.contains("31/05/2025") && table.contains("[Các chi bộ]"),
        "{table}"
    );

    let id = open[1]["id"].as_i64().unwrap().to_string();
    env.ok(&["deadline", "done", &id, "--on", "2025-05-20"]);
    let open_now = list(&env, &[]);
    assert!(
        open_now.iter().all(|d| d["id"] != open[1]["id"]),
        "done leaves the open list"
    );
    let all = list(&env, &["--all"]);
    let done = all.iter().find(|d| d["id"] == open[1]["id"]).unwrap();
    assert_eq!(done["status"], "done");
    assert_eq!(done["done_on"], "2025-05-20");

    env.ok(&["deadline", "reopen", &id]);
    assert!(list(&env, &[]).iter().any(|d| d["id"] == open[1]["id"]));

    let log = env.ok(&["log", &doc]);
    assert!(log.contains("đánh dấu đã xong"), "{log}");
    assert!(log.contains("mở lại thời hạn"), "{log}");

    let before = list(&env, &["--due-before", "2025-04-01"]);
    assert_eq!(before.len(), 1);
    assert_eq!(before[0]["due"], "2025-03-31");
}

#[test]
fn a_recurring_deadline_marked_done_comes_back_next_quarter() {
    let env = Env::new();
    issued_plan(&env);
    let quarterly = list(&env, &[])[0]["id"].as_i64().unwrap().to_string();
    let out = env
        .cmd()
        .args(["deadline", "done", &quarterly, "--on", "2025-03-28"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("lần tới hạn 30/06/2025"), "{said}");
    let dues: Vec<_> = list(&env, &[]).iter().map(|d| d["due"].clone()).collect();
    assert_eq!(dues, ["2025-05-31", "2025-06-30"]);
}

#[test]
fn the_clerk_adds_edits_and_removes_a_deadline() {
    let env = Env::new();
    let doc = issued_plan(&env);
    let id = env.ok(&[
        "deadline",
        "add",
        &doc,
        "2025-04-15",
        "Gửi danh sách đảng viên dự học",
        "--units",
        "Chi bộ 1; Chi bộ 2",
    ]);
    let id = id.trim();
    let key: i64 = id.parse().unwrap();
    let added = list(&env, &[])
        .into_iter()
        .find(|d| d["id"] == key)
        .unwrap();
    assert_eq!(added["units"], serde_json::json!(["Chi bộ 1", "Chi bộ 2"]));
    env.ok(&[
        "deadline",
        "edit",
        id,
        "--due",
        "2025-04-20",
        "--text",
        "Gửi danh sách học viên",
    ]);
    let edited = list(&env, &[])
        .into_iter()
        .find(|d| d["id"] == key)
        .unwrap();
    assert_eq!(edited["due"], "2025-04-20");
    assert_eq!(edited["text"], "Gửi danh sách học viên");
    assert_eq!(edited["units"], added["units"], "what was not given stays");
    env.ok(&["deadline", "remove", id]);
    assert!(list(&env, &["--all"]).iter().all(|d| d["id"] != key));
    let log = env.ok(&["log", &doc]);
    for action in ["thêm thời hạn", "sửa thời hạn", "xóa thời hạn"] {
        assert!(log.contains(action), "{action} in {log}");
    }
}

#[test]
fn refused_deadline_commands_say_why_and_change_nothing() {
    let env = Env::new();
    let doc = issued_plan(&env);
    let draft = env.ok(&[
        "new",
        &env.json("draft.json", &plan_json("Dự thảo", "2025-03-01")),
    ]);
    let before = env.dump();

    let err = env.fails(&["deadline", "done", "999"]);
    assert!(err.contains("Không có thời hạn mã số 999."), "{err}");
    let err = env.fails(&["deadline", "add", draft.trim(), "2025-04-15", "Việc"]);
    assert!(err.contains("còn là dự thảo"), "{err}");
    let err = env.fails(&["deadline", "add", &doc, "2025-04-15", "   "]);
    assert!(err.contains("Thời hạn cần có nội dung"), "{err}");
    let open = list(&env, &[]);
    let id = open[0]["id"].to_string();
    let err = env.fails(&["deadline", "reopen", &id]);
    assert!(err.contains("chưa được đánh dấu xong"), "{err}");
    let err = env.fails(&["deadline", "done", &id, "--on", "2999-01-01"]);
    assert!(err.contains("chưa đến"), "{err}");
    assert_eq!(env.dump(), before, "nothing changed");

    // An impossible day is refused by the argument reader, in Vietnamese, before any change.
    let out = env.run(&["deadline", "add", &doc, "2025-02-30", "Việc"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("không có thật trên lịch"), "{err}");
    assert_eq!(env.dump(), before);
}

#[test]
fn the_calendar_file_holds_one_event_per_open_deadline() {
    let env = Env::new();
    issued_plan(&env);
    let target = env.dir.path().join("lịch thời hạn.ics");
    let out = env
        .cmd()
        .args(["deadlines", "--ics", target.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("Đã ghi 2 thời hạn"));
    let ics = std::fs::read_to_string(&target).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    assert!(ics.contains("DTSTART;VALUE=DATE:20250531"));
}
