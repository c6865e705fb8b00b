//! The three corpus plans through the real binary: import, show, search.

use crate::{corpus, Env};

fn import_corpus(env: &Env) -> Vec<String> {
    let files = ["001", "002", "003"].map(|n| corpus(n).to_string_lossy().into_owned());
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = env.run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("[Handwritten mark]"),
        "the dropped scan mark is quoted in a warning: {stderr}"
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_corpus_imports_and_reads_back() {
    let env = Env::new();
    let ids = import_corpus(&env);
    assert_eq!(ids.len(), 3, "one id per file: {ids:?}");

    let d1 = env.show(&ids[0]);
    assert_eq!(d1["status"], "draft");
    assert_eq!(d1["kind"], "ke_hoach");
    assert_eq!(d1["signature"]["name"], "Nguyễn Tiến Dũng");
    assert!(!d1["body"].as_str().unwrap().contains("Handwritten"));

    let d2 = env.show(&ids[1]);
    assert_eq!(
        d2["status"], "issued",
        "a document with a number is recorded as issued"
    );
    assert_eq!(d2["number"], 82);
    assert_eq!(d2["symbol"], "82-KH/ĐU");
    assert_eq!(
        d2["title"],
        "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu"
    );
    assert_eq!(d2["signature"]["authority"], "T/M BAN THƯỜNG VỤ");
    assert_eq!(d2["signature"]["position"], "BÍ THƯ");
    assert_eq!(d2["archive"], "Lưu Văn phòng Đảng ủy");

    let d3 = env.show(&ids[2]);
    assert_eq!(d3["signature"]["position"], "HIỆU TRƯỞNG");
    assert_eq!(d3["signature"]["name"], "Lưu Hồng Vân");

    let human = env.ok(&["show", &ids[1]]);
    assert!(
        human.contains("82-KH/ĐU") && human.contains("Đã ban hành"),
        "{human}"
    );
}

fn search_ids(env: &Env, q: &str) -> Vec<i64> {
    let out = env.ok(&["search", q, "--json"]);
    let docs: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    docs.iter().map(|d| d["id"].as_i64().unwrap()).collect()
}

#[test]
fn the_corpus_is_found_as_clerks_type() {
    let env = Env::new();
    let ids: Vec<i64> = import_corpus(&env)
        .iter()
        .map(|i| i.parse().unwrap())
        .collect();
    assert_eq!(
        search_ids(&env, "sinh hoat chi bo mau")[0],
        ids[1],
        "the 002 plan, typed without marks"
    );
    let mut plain = search_ids(&env, "dang uy");
    let mut new_style = search_ids(&env, "Đảng ủy");
    let mut old_style = search_ids(&env, "Đảng uỷ");
    plain.sort();
    new_style.sort();
    old_style.sort();
    assert!(!plain.is_empty());
    assert_eq!(plain, new_style);
    assert_eq!(plain, old_style);
    assert_eq!(search_ids(&env, "82-KH/ĐU")[0], ids[1], "by symbol");
    assert_eq!(search_ids(&env, "Khanh Hoa"), [ids[2]]);
    assert!(search_ids(&env, "khong co tu nay").is_empty());
    let table = env.ok(&["search", "khong co tu nay"]);
    assert!(table.contains("không có văn bản nào"), "{table}");
    let drafts = env.ok(&["list", "--status", "draft", "--json"]);
    let drafts: Vec<serde_json::Value> = serde_json::from_str(&drafts).unwrap();
    assert_eq!(drafts.len(), 2);
}

pub fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_issued_plan_exports_as_a_pdf_that_reads_back() {
    let env = Env::new();
    let file = env.json(
        "ke-hoach.json",
        &crate::plan_json(
            "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu",
            "2024-03-15",
        ),
    );
    let id = env.ok(&["new", &file]);
    env.ok(&["issue", id.trim()]);
    let pdf = env.dir.path().join("ke-hoach.pdf");
    env.ok(&["export", id.trim(), "--pdf", pdf.to_str().unwrap()]);
    let text = pdf_text(&pdf);
    for needle in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 01-KH/ĐU",
        "Thành phố Hồ Chí Minh, ngày 15 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu",
        "Nơi nhận:",
        "T/M BAN THƯỜNG VỤ",
        "Nguyễn Văn Hiếu",
    ] {
        assert!(
            text.contains(needle),
            "the exported PDF should read “{needle}”:\n{text}"
        );
    }
    // The same document straight from JSON, without an archive.
    let direct = env.dir.path().join("truc-tiep.pdf");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanthu"))
        .args(["export-json", &file, "--pdf", direct.to_str().unwrap()])
        .env_remove("VANTHU_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let draft = pdf_text(&direct);
    assert!(
        draft.contains("-KH/ĐU") && !draft.contains("01-KH/ĐU") && draft.contains("Dự thảo"),
        "a draft prints a blank number and its marker:\n{draft}"
    );
}
