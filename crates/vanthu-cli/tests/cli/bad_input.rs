//! Bad input: a clear message naming the problem, exit 1, and the archive exactly as it was.

use unicode_normalization::UnicodeNormalization;

use crate::{corpus, plan_json, Env};

/// Runs `args` against an archive that already holds the corpus plan 002 and a draft, and
/// checks the refusal: exit 1, every `needles` in the message, nothing changed.
fn refused(env: &Env, args: &[&str], needles: &[&str]) {
    let before = env.dump();
    let err = env.fails(args);
    for n in needles {
        assert!(
            err.contains(n),
            "the message for {args:?} should mention {n:?}: {err}"
        );
    }
    assert!(
        err.contains("lỗi:") && err.contains("error:"),
        "Vietnamese and English: {err}"
    );
    assert_eq!(env.dump(), before, "{args:?} changed the archive");
}

fn seeded() -> Env {
    let env = Env::new();
    env.ok(&["import", corpus("002").to_str().unwrap()]);
    env.ok(&[
        "new",
        &env.json("d.json", &plan_json("Kế hoạch", "2024-05-01")),
    ]);
    env
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let env = seeded();
    let binary = env.file(
        "anh.txt",
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0, 1],
    );
    refused(
        &env,
        &["import", binary.to_str().unwrap()],
        &["anh.txt", "không phải văn bản thuần"],
    );
    let empty = env.file("rong.txt", "");
    refused(
        &env,
        &["import", empty.to_str().unwrap()],
        &["rong.txt", "rỗng"],
    );
    let big = env.file("lon.txt", "Kế hoạch tổ chức hội nghị. ".repeat(400_000));
    refused(
        &env,
        &["import", big.to_str().unwrap()],
        &["lon.txt", "quá lớn"],
    );
    refused(
        &env,
        &["import", "/khong/co/tep.txt"],
        &["không có tệp hay thư mục này"],
    );
    refused(
        &env,
        &["import", env.dir.path().to_str().unwrap()],
        &["Không đọc được"],
    );
    // One bad file in a batch: none is imported.
    let good = corpus("001");
    refused(
        &env,
        &["import", good.to_str().unwrap(), binary.to_str().unwrap()],
        &["anh.txt"],
    );
    // The plan 002 again: its number is taken.
    refused(
        &env,
        &["import", corpus("002").to_str().unwrap()],
        &["82-KH/ĐU"],
    );
}

#[test]
fn bad_json_is_refused_naming_the_field() {
    let env = seeded();
    let mut unknown = plan_json("Kế hoạch", "2024-05-01");
    unknown["tieu_de"] = "x".into();
    refused(&env, &["new", &env.json("a.json", &unknown)], &["tieu_de"]);
    refused(
        &env,
        &[
            "new",
            &env.json("b.json", &plan_json("Kế hoạch", "2024-02-30")),
        ],
        &["date", "2024-02-30"],
    );
    let mut bad_kind = plan_json("Kế hoạch", "2024-05-01");
    bad_kind["kind"] = "ke_hoach_nam".into();
    refused(
        &env,
        &["new", &env.json("c.json", &bad_kind)],
        &["ke_hoach_nam"],
    );
    let mut control = plan_json("Kế\u{7}hoạch", "2024-05-01");
    control["signature"]["name"] = "Nguyễn\u{0}Văn".into();
    refused(
        &env,
        &["new", &env.json("d.json", &control)],
        &["title", "signature.name", "ký tự điều khiển"],
    );
    let mut huge = plan_json("Kế hoạch", "2024-05-01");
    huge["body"] = "Nội dung rất dài. ".repeat(40_000).into();
    refused(
        &env,
        &["new", &env.json("e.json", &huge)],
        &["body", "quá dài"],
    );
    let mut numbered = plan_json("Kế hoạch", "2024-05-01");
    numbered["number"] = 5.into();
    refused(
        &env,
        &["new", &env.json("f.json", &numbered)],
        &["dự thảo", "số"],
    );
    refused(
        &env,
        &["new", env.file("g.json", "{ \"title\": ").to_str().unwrap()],
        &["cắt ngang"],
    );
    refused(
        &env,
        &[
            "new",
            env.file("h.json", [0xffu8, 0xfe, 0x00]).to_str().unwrap(),
        ],
        &["UTF-8"],
    );
    refused(
        &env,
        &["edit", "1", &env.json("i.json", &unknown)],
        &["tieu_de"],
    );
    refused(
        &env,
        &[
            "edit",
            "999",
            &env.json("j.json", &plan_json("Kế hoạch", "2024-05-01")),
        ],
        &["999"],
    );
    refused(&env, &["issue", "999"], &["999"]);
    refused(&env, &["show", "999"], &["999"]);
}

#[test]
fn issuing_an_incomplete_draft_names_every_missing_field() {
    let env = seeded();
    let mut draft = plan_json("Kế hoạch", "2024-05-01");
    draft["signature"]["name"] = "".into();
    draft["place"] = "".into();
    let id = env.ok(&["new", &env.json("d.json", &draft)]);
    let before = env.dump();
    let err = env.fails(&["issue", id.trim()]);
    assert!(
        err.contains("signature.name") && err.contains("họ tên người ký"),
        "{err}"
    );
    assert!(err.contains("place") && err.contains("địa danh"), "{err}");
    assert_eq!(env.dump(), before);
}

#[test]
fn nfd_input_is_stored_nfc() {
    let env = Env::new();
    let title: String = "Tổ chức hội nghị điển hình tiên tiến".nfd().collect();
    let id = env.ok(&[
        "new",
        &env.json("nfd.json", &plan_json(&title, "2025-04-01")),
    ]);
    let shown = env.show(&id);
    assert_eq!(shown["title"], "Tổ chức hội nghị điển hình tiên tiến");
    let nfd_file: String = std::fs::read_to_string(corpus("003"))
        .unwrap()
        .nfd()
        .collect();
    let path = env.file("nfd.txt", nfd_file);
    let id = env.ok(&["import", path.to_str().unwrap()]);
    let shown = env.show(&id);
    assert_eq!(shown["title"], "Tổ chức Hội nghị điển hình tiên tiến Trường Chính trị tỉnh Khánh Hòa giai đoạn 2025 - 2030");
}

#[test]
fn a_newer_or_foreign_archive_is_refused() {
    let env = seeded();
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let before = std::fs::read(&env.db).unwrap();
    let err = env.fails(&["list"]);
    assert!(err.contains("phiên bản VănThư mới hơn"), "{err}");
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    let foreign = Env::new();
    std::fs::write(&foreign.db, "đây không phải cơ sở dữ liệu SQLite mà là một tệp văn bản bình thường, đủ dài để SQLite đọc phần đầu.").unwrap();
    let err = foreign.fails(&["list"]);
    assert!(err.contains("không phải kho lưu trữ VănThư"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    for args in [
        &["khong-co-lenh"][..],
        &["show", "abc"],
        &["issue"],
        &["list", "--kind", "khong_co"],
        &["import"],
    ] {
        let out = env.run(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(env.ok(&["--help"]).contains("VănThư"));
}
