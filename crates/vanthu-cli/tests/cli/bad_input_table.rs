//! Bad input, proven by a table: files, JSON, arguments and backups a clerk (or a broken
//! disk) may hand to VănThư. Each must exit 1 with a message naming the problem, and leave the
//! archive exactly as it was (compared row by row before and after).

use serde_json::{json, Value};

use crate::{corpus, plan_json, Env};

/// A plan with one field changed by `edit`.
fn plan_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut v = plan_json("Kế hoạch", "2024-05-01");
    edit(&mut v);
    v
}

enum Input {
    /// A file with these bytes, passed where the command's `{}` is.
    Bytes(&'static str, Vec<u8>),
    /// A file of this size whose bytes are never written (a sparse file): only its size matters.
    Sized(&'static str, u64),
    /// A JSON document.
    Json(Value),
    /// Nothing to write; the arguments say it all.
    None,
}

struct Case {
    name: &'static str,
    args: &'static [&'static str],
    input: Input,
    /// Words the message must contain (Vietnamese).
    needles: &'static [&'static str],
}

fn case(
    name: &'static str,
    args: &'static [&'static str],
    input: Input,
    needles: &'static [&'static str],
) -> Case {
    Case {
        name,
        args,
        input,
        needles,
    }
}

/// Entities that expand a few bytes into billions (the “billion laughs”).
const BILLION_LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#;

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

/// A `.docx` whose `document.xml` unpacks to 1 GB of one repeated paragraph.
fn zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    z.start_file("word/document.xml", opts).unwrap();
    let chunk = "<w:p><w:r><w:t>lol</w:t></w:r></w:p>".repeat(1 << 15);
    let mut written = 0u64;
    while written < 1 << 30 {
        z.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len() as u64;
    }
    z.finish().unwrap();
    out.into_inner()
}

/// Bytes that look like nothing, behind a zip signature.
fn noise(len: usize) -> Vec<u8> {
    let mut out = b"PK\x03\x04".to_vec();
    let mut x: u32 = 0x9e37_79b9;
    out.extend((0..len).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    }));
    out
}

fn cases(env: &Env) -> Vec<Case> {
    use Input::*;
    let text = |s: &str| s.as_bytes().to_vec();
    let big_text = "Kế hoạch tổ chức hội nghị. ".repeat(400_000).into_bytes();
    let big_json = {
        let mut v = plan_json("Kế hoạch", "2024-05-01");
        v["body"] = "Nội dung dài. ".repeat(200_000).into();
        v.to_string().into_bytes()
    };
    let sqlite_other = {
        let p = env.dir.path().join("khac.sqlite3");
        rusqlite::Connection::open(&p)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        std::fs::read(&p).unwrap()
    };
    let backup = std::fs::read(env.dir.path().join("sao-luu.sqlite3")).unwrap();
    let newer = {
        let p = env.dir.path().join("moi.sqlite3");
        std::fs::write(&p, &backup).unwrap();
        rusqlite::Connection::open(&p)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        std::fs::read(&p).unwrap()
    };
    vec![
        // Text files to import.
        case(
            "binary image",
            &["import", "{}"],
            Bytes("anh.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec()),
            &["anh.txt", "không phải văn bản thuần"],
        ),
        case(
            "Word .docx",
            &["import", "{}"],
            Bytes(
                "ke-hoach.txt",
                b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml".to_vec(),
            ),
            &["ke-hoach.txt"],
        ),
        // Hostile Word files: refused by name, quickly, without unpacking what they promise.
        case(
            "zip bomb: a 1 GB document.xml in about 1 MB",
            &["import", "{}"],
            Bytes("bom.docx", zip_bomb()),
            &["bom.docx", "word/document.xml", "lớn hơn"],
        ),
        case(
            "billion laughs",
            &["import", "{}"],
            Bytes(
                "cuoi.docx",
                zip_of(&[("word/document.xml", BILLION_LAUGHS.as_bytes())]),
            ),
            &["cuoi.docx", "DOCTYPE"],
        ),
        case(
            "a zip with no word/document.xml",
            &["import", "{}"],
            Bytes(
                "khong-phai.docx",
                zip_of(&[("noi-dung.txt", "Kế hoạch".as_bytes())]),
            ),
            &["khong-phai.docx", "word/document.xml"],
        ),
        case(
            "random bytes named .docx",
            &["import", "{}"],
            Bytes("ngau-nhien.docx", noise(64 * 1024)),
            &["ngau-nhien.docx"],
        ),
        case(
            "100 MB file",
            &["import", "{}"],
            Sized("lon.docx", 100 * 1024 * 1024),
            &["lon.docx", "quá lớn"],
        ),
        case(
            "empty file",
            &["import", "{}"],
            Bytes("rong.txt", vec![]),
            &["rong.txt", "rỗng"],
        ),
        case(
            "blank lines only",
            &["import", "{}"],
            Bytes("trang.txt", text("\n   \n\t\n")),
            &["trang.txt", "rỗng"],
        ),
        case(
            "10 MB paste",
            &["import", "{}"],
            Bytes("lon.txt", big_text),
            &["lon.txt", "quá lớn"],
        ),
        case(
            "UTF-16 without BOM",
            &["import", "{}"],
            Bytes(
                "u16.txt",
                "Kế hoạch"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect(),
            ),
            &["u16.txt"],
        ),
        case(
            "NUL inside text",
            &["import", "{}"],
            Bytes("nul.txt", text("KẾ HOẠCH\n\0\0\0\nTổ chức")),
            &["nul.txt"],
        ),
        case(
            "only scan noise",
            &["import", "{}"],
            Bytes("nhieu.txt", text("[Handwritten mark]\n\n[Con dấu]\n\n2\n")),
            &["nhieu.txt"],
        ),
        case(
            "missing file",
            &["import", "/khong/co/tep.txt"],
            None,
            &["không có tệp hay thư mục này"],
        ),
        case("a folder", &["import", "{dir}"], None, &["Không đọc được"]),
        case(
            "plan 82 imported twice",
            &["import", "{002}"],
            None,
            &["82-KH/ĐU", "không được dùng hai lần"],
        ),
        case(
            "good file with a bad one",
            &["import", "{001}", "{}"],
            Bytes("hong.txt", vec![0xff, 0xfe, 0, 0, 1]),
            &["hong.txt"],
        ),
        // JSON documents.
        case(
            "unknown field",
            &["new", "{}"],
            Json(plan_with(|v| v["tieu_de"] = "x".into())),
            &["tieu_de"],
        ),
        case(
            "unknown nested field",
            &["new", "{}"],
            Json(plan_with(|v| v["signature"]["ten"] = "x".into())),
            &["ten"],
        ),
        case(
            "30 February",
            &["new", "{}"],
            Json(plan_with(|v| v["date"] = "2024-02-30".into())),
            &["date", "2024-02-30"],
        ),
        case(
            "29 February of a common year",
            &["new", "{}"],
            Json(plan_with(|v| v["date"] = "2023-02-29".into())),
            &["2023-02-29"],
        ),
        case(
            "date written the Vietnamese way",
            &["new", "{}"],
            Json(plan_with(|v| v["date"] = "15/03/2024".into())),
            &["15/03/2024", "năm-tháng-ngày"],
        ),
        case(
            "unknown kind",
            &["new", "{}"],
            Json(plan_with(|v| v["kind"] = "ke_hoach_nam".into())),
            &["ke_hoach_nam"],
        ),
        case(
            "unknown format",
            &["new", "{}"],
            Json(plan_with(|v| v["format"] = "dang".into())),
            &["dang"],
        ),
        case(
            "unknown secrecy",
            &["new", "{}"],
            Json(plan_with(|v| v["secrecy"] = "rat_mat".into())),
            &["rat_mat"],
        ),
        case(
            "unknown urgency",
            &["new", "{}"],
            Json(plan_with(|v| v["urgency"] = "gap".into())),
            &["gap"],
        ),
        case(
            "Party-only urgency on a State document",
            &["new", "{}"],
            Json(plan_with(|v| {
                v["format"] = "state".into();
                v["urgency"] = "hoa_toc_hen_gio".into();
            })),
            &["hỏa tốc hẹn giờ"],
        ),
        case(
            "type the format does not have",
            &["new", "{}"],
            Json(plan_with(|v| v["kind"] = "hop_dong".into())),
            &["Hợp đồng"],
        ),
        case(
            "number as text",
            &["new", "{}"],
            Json(plan_with(|v| v["number"] = "82".into())),
            &["number"],
        ),
        case(
            "negative number",
            &["new", "{}"],
            Json(plan_with(|v| v["number"] = (-5).into())),
            &["number"],
        ),
        case(
            "number zero",
            &["new", "{}"],
            Json(plan_with(|v| {
                v["status"] = "issued".into();
                v["number"] = 0.into();
            })),
            &["01"],
        ),
        case(
            "draft with a number",
            &["new", "{}"],
            Json(plan_with(|v| v["number"] = 7.into())),
            &["dự thảo"],
        ),
        case(
            "issued without a number",
            &["new", "{}"],
            Json(plan_with(|v| v["status"] = "issued".into())),
            &["number", "phải có số"],
        ),
        case(
            "issued without a type",
            &["new", "{}"],
            Json(plan_with(|v| {
                v["status"] = "issued".into();
                v["number"] = 9.into();
                v["kind"] = Value::Null;
            })),
            &["kind"],
        ),
        case(
            "issued number already taken",
            &["new", "{}"],
            Json(plan_with(|v| {
                v["status"] = "issued".into();
                v["number"] = 82.into();
                v["date"] = Value::Null;
            })),
            &["82-KH/ĐU"],
        ),
        case(
            "control character in the title",
            &["new", "{}"],
            Json(plan_with(|v| v["title"] = "Kế\u{7}hoạch".into())),
            &["title", "ký tự điều khiển"],
        ),
        case(
            "NUL in the signer's name",
            &["new", "{}"],
            Json(plan_with(|v| {
                v["signature"]["name"] = "Nguyễn\u{0}Văn".into()
            })),
            &["signature.name"],
        ),
        case(
            "body of 600,000 characters",
            &["new", "{}"],
            Json(plan_with(|v| v["body"] = "x".repeat(600_000).into())),
            &["body", "quá dài"],
        ),
        case(
            "title of 2,000 characters",
            &["new", "{}"],
            Json(plan_with(|v| v["title"] = "t".repeat(2_000).into())),
            &["title", "Quá dài"],
        ),
        case(
            "301 recipients",
            &["new", "{}"],
            Json(plan_with(|v| {
                v["recipients"] = (0..301)
                    .map(|i| json!({"name": format!("Nơi {i}")}))
                    .collect::<Vec<_>>()
                    .into()
            })),
            &["nơi nhận"],
        ),
        case(
            "recipients not a list",
            &["new", "{}"],
            Json(plan_with(|v| v["recipients"] = "Ban Thường vụ".into())),
            &["recipients"],
        ),
        case(
            "issuer code with a slash",
            &["new", "{}"],
            Json(plan_with(|v| v["issuer"]["code"] = "Đ/U".into())),
            &["issuer.code"],
        ),
        case(
            "year 1900",
            &["new", "{}"],
            Json(plan_with(|v| v["date"] = "1900-01-01".into())),
            &["1945"],
        ),
        case(
            "a list instead of a document",
            &["new", "{}"],
            Bytes("list.json", text("[1, 2, 3]")),
            &["Sai kiểu"],
        ),
        case(
            "truncated JSON",
            &["new", "{}"],
            Bytes("cut.json", text("{ \"title\": \"Kế hoạch")),
            &["cắt ngang"],
        ),
        case(
            "empty JSON file",
            &["new", "{}"],
            Bytes("empty.json", vec![]),
            &["cắt ngang"],
        ),
        case(
            "text after the document",
            &["new", "{}"],
            Bytes("tail.json", text("{} thêm")),
            &["sai cú pháp"],
        ),
        case(
            "JSON not in UTF-8",
            &["new", "{}"],
            Bytes("latin.json", b"{\"title\": \"K\xea ho\xe3ch\"}".to_vec()),
            &["UTF-8"],
        ),
        case(
            "JSON over 2 MB",
            &["new", "{}"],
            Bytes("big.json", big_json),
            &["quá lớn"],
        ),
        case(
            "edit with an unknown field",
            &["edit", "2", "{}"],
            Json(plan_with(|v| v["x"] = 1.into())),
            &["`x`"],
        ),
        // Commands on the wrong document.
        case(
            "issue a missing document",
            &["issue", "999"],
            None,
            &["999"],
        ),
        case("show a missing document", &["show", "999"], None, &["999"]),
        case(
            "export a missing document",
            &["export", "999", "--pdf", "{dir}/x.pdf"],
            None,
            &["999"],
        ),
        case(
            "edit an issued document",
            &["edit", "3", "{}"],
            Json(plan_json("Sửa", "2024-05-01")),
            &["đã ban hành"],
        ),
        case(
            "delete an issued document",
            &["delete", "3"],
            None,
            &["không được sửa hay xóa"],
        ),
        case(
            "undelete what is not deleted",
            &["undelete", "2"],
            None,
            &["không ở thùng rác"],
        ),
        case(
            "issue an incomplete draft",
            &["issue", "4"],
            None,
            &["signature.name", "họ tên người ký"],
        ),
        case(
            "attach a text file",
            &["attach", "2", "{}"],
            Bytes("ghi-chu.txt", text("ghi chú")),
            &["ghi-chu.txt", "PDF, JPEG hoặc PNG"],
        ),
        case(
            "attach an empty file",
            &["attach", "2", "{}"],
            Bytes("rong.pdf", vec![]),
            &["rong.pdf", "rỗng"],
        ),
        case(
            "attach to a missing document",
            &["attach", "999", "{}"],
            Bytes("scan.pdf", text("%PDF-1.4\n")),
            &["999"],
        ),
        case(
            "save a missing attachment",
            &["save-attachment", "999", "--out", "{dir}/x.pdf"],
            None,
            &["999"],
        ),
        case(
            "export into a folder with files",
            &["export-archive", "{dir}"],
            None,
            &["đã có dữ liệu"],
        ),
        case(
            "a register of an impossible year",
            &["register", "--year", "20225", "--pdf", "{dir}/so.pdf"],
            None,
            &["Năm 20225 không hợp lệ"],
        ),
        // Backups.
        case(
            "restore from junk",
            &["restore", "{}"],
            Bytes("rac.sqlite3", vec![7u8; 8192]),
            &["Không khôi phục", "giữ nguyên"],
        ),
        case(
            "restore from half a backup",
            &["restore", "{}"],
            Bytes("nua.sqlite3", backup[..backup.len() / 2].to_vec()),
            &["Không khôi phục"],
        ),
        case(
            "restore from a newer program's backup",
            &["restore", "{}"],
            Bytes("moi.sqlite3", newer),
            &["phiên bản VănThư mới hơn"],
        ),
        case(
            "restore from another program's database",
            &["restore", "{}"],
            Bytes("khac.sqlite3", sqlite_other),
            &["không phải bản sao lưu"],
        ),
        case(
            "restore from a missing file",
            &["restore", "/khong/co/sao-luu.sqlite3"],
            None,
            &["không có tệp này"],
        ),
        case(
            "back up into a missing folder",
            &["backup", "/khong/co/thu-muc/sao-luu.sqlite3"],
            None,
            &["Không sao lưu được"],
        ),
    ]
}

#[test]
fn every_bad_input_is_refused_by_name_and_changes_nothing() {
    let env = Env::new();
    // The archive under test: plan 82 (issued history), a draft, an issued plan with its
    // printed PDF, an incomplete draft, and a backup of it all.
    env.ok(&["import", corpus("002").to_str().unwrap()]);
    env.ok(&[
        "new",
        &env.json("draft.json", &plan_json("Dự thảo", "2024-05-01")),
    ]);
    let issued = env.ok(&[
        "new",
        &env.json("issued.json", &plan_json("Đã ban hành", "2024-05-02")),
    ]);
    env.ok(&["issue", issued.trim()]);
    let mut incomplete = plan_json("Thiếu người ký", "2024-05-03");
    incomplete["signature"]["name"] = "".into();
    env.ok(&["new", &env.json("incomplete.json", &incomplete)]);
    env.ok(&[
        "backup",
        env.dir.path().join("sao-luu.sqlite3").to_str().unwrap(),
    ]);

    let cases = cases(&env);
    assert!(cases.len() >= 50, "at least 50 cases: {}", cases.len());
    let folder = env.dir.path().to_str().unwrap().to_owned();
    for (i, c) in cases.into_iter().enumerate() {
        let file = match c.input {
            Input::Bytes(name, bytes) => Some(env.file(&format!("{i}-{name}"), bytes)),
            Input::Sized(name, len) => {
                let path = env.dir.path().join(format!("{i}-{name}"));
                std::fs::File::create(&path).unwrap().set_len(len).unwrap();
                Some(path)
            }
            Input::Json(v) => Some(env.file(&format!("{i}.json"), v.to_string())),
            Input::None => None,
        };
        let args: Vec<String> = c
            .args
            .iter()
            .map(|a| match *a {
                "{}" => file
                    .as_ref()
                    .expect("a case with {} has input")
                    .to_string_lossy()
                    .into_owned(),
                "{001}" => corpus("001").to_string_lossy().into_owned(),
                "{002}" => corpus("002").to_string_lossy().into_owned(),
                a => a.replace("{dir}", &folder),
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let before = env.dump();
        let out = env.run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: {args:?} must fail with exit 1; stderr: {err}",
            c.name
        );
        for n in c.needles {
            assert!(
                err.contains(n),
                "{}: the message should name the problem ({n:?}): {err}",
                c.name
            );
        }
        assert!(
            err.contains("lỗi:") && err.contains("error:"),
            "{}: Vietnamese and English: {err}",
            c.name
        );
        assert_eq!(env.dump(), before, "{}: the archive changed", c.name);
    }
}
