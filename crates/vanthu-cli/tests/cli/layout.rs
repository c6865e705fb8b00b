//! `vanthu layout`: the office's layout settings through the binary, as the clerk uses
//! them — set, see the draft change and the issued copy not, read the log, reset; a refused
//! value changes nothing.

use crate::*;

#[test]
fn layout_settings_reach_drafts_only_and_are_logged() {
    let env = Env::new();
    let issued = env.ok(&[
        "new",
        &env.json("a.json", &plan_json("Kế hoạch đã in", "2025-05-01")),
    ]);
    let issued = issued.trim();
    env.ok(&["issue", issued]);
    let draft = env.ok(&[
        "new",
        &env.json("b.json", &plan_json("Kế hoạch dự thảo", "2025-06-01")),
    ]);
    let draft = draft.trim();
    let pdf = |name: &str, id: &str| {
        let out = env.dir.path().join(name);
        env.ok(&["export", id, "--pdf", out.to_str().unwrap()]);
        std::fs::read(&out).unwrap()
    };
    let issued_before = pdf("issued-before.pdf", issued);
    let defaults = env.ok(&["layout", "show", "--format", "party", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&defaults).unwrap();
    assert_eq!(json["end_mark"], "./.");
    assert_eq!(json["body"]["size"], 14.0);
    assert_eq!(json["margin_left"], 30.0);

    env.ok(&[
        "layout",
        "set",
        "--format",
        "party",
        "end_mark=.",
        "body.size=13",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["layout", "show", "--format", "party", "--json"])).unwrap();
    assert_eq!(
        (json["end_mark"].as_str(), json["body"]["size"].as_f64()),
        (Some("."), Some(13.0))
    );
    let shown = env.ok(&["layout", "show"]);
    assert!(shown.contains("* body.size = 13"), "{shown}");
    assert!(shown.contains("  body.face = Regular"), "{shown}");

    // The draft's text ends with the new mark; the issued copy is the same bytes.
    let out = env.dir.path().join("draft.pdf");
    env.ok(&["export", draft, "--pdf", out.to_str().unwrap()]);
    let text = std::process::Command::new("pdftotext")
        .args([out.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        !text.contains("./."),
        "the draft prints the profile's end mark: {text}"
    );
    assert_eq!(
        pdf("issued-after.pdf", issued),
        issued_before,
        "issued copies never change"
    );

    let log = env.ok(&["log"]);
    assert!(
        log.contains("body.size=13") && log.contains("end_mark=."),
        "{log}"
    );

    env.ok(&["layout", "reset", "--format", "party"]);
    assert_eq!(
        env.ok(&["layout", "show", "--format", "party", "--json"]),
        defaults
    );
}

#[test]
fn a_refused_layout_value_changes_nothing() {
    let env = Env::new();
    env.ok(&["layout", "set", "line_spacing=19"]);
    let before = env.ok(&["layout", "show", "--json"]);
    let dump = env.dump();
    for (args, key) in [
        (&["body.size=30"][..], "body.size"),
        (&["margin_left=2"], "margin_left"),
        (&["end_mark=.", "khong_co=1"], "khong_co"),
        (&["body.size"], "body.size"),
    ] {
        let mut cmd = vec!["layout", "set", "--format", "party"];
        cmd.extend_from_slice(args);
        let err = env.fails(&cmd);
        assert!(err.contains(key), "the message names `{key}`: {err}");
    }
    assert_eq!(env.ok(&["layout", "show", "--json"]), before);
    assert_eq!(env.dump(), dump);
}

#[test]
fn presets_are_saved_and_chosen_by_name() {
    let env = Env::new();
    env.ok(&["layout", "set", "end_mark=.", "line_spacing=19"]);
    env.ok(&["layout", "save", "Hướng dẫn mới"]);
    env.ok(&["layout", "preset", "36-HD/VPTW"]);
    assert!(env.ok(&["layout", "show", "--json"]).contains("\"./.\""));
    env.ok(&["layout", "preset", "Hướng dẫn mới"]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["layout", "show", "--json"])).unwrap();
    assert_eq!(json["line_spacing"], 19.0);
    let list = env.ok(&["layout", "presets"]);
    assert!(list.contains("* Hướng dẫn mới"), "{list}");
    assert!(env
        .fails(&["layout", "preset", "Không có"])
        .contains("Không có"));
}
