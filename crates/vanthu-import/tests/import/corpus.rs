//! The three real files of the shared corpus, every field checked.

use vanthu_import::import_text;
use vanthu_model::{Conventions, Format, Kind, Recipient, Status};

use crate::{blocks, listed, warns};

fn corpus(name: &str) -> vanthu_import::Imported {
    let path = format!(
        "{}/../../tests/fixtures/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    import_text(&bytes, &Conventions::default())
        .unwrap_or_else(|e| panic!("{name} was refused: {}", e.message_vi()))
}

fn r(name: &str, note: &str) -> Recipient {
    Recipient {
        name: name.into(),
        note: note.into(),
    }
}

#[test]
fn ke_hoach_dang_uy_so_vhttdl() {
    let imp = corpus("001-ke-hoach-dang-uy-so-vhttdl.txt");
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        doc.kind,
        Some(Kind::KeHoach),
        "the type name KẾ HOẠCH was not read"
    );
    assert_eq!(
        doc.number, None,
        "a number was invented for an unnumbered plan"
    );
    assert_eq!(
        doc.status,
        Status::Draft,
        "an unnumbered plan must come in as a draft"
    );
    assert_eq!(
        doc.format,
        Format::Party,
        "a Party office's plan defaults to Party format"
    );
    assert_eq!(
        doc.title,
        "tổ chức học tập, quán triệt và tuyên truyền Chuyên đề năm 2024 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "the trích yếu is wrong"
    );
    assert!(
        doc.body.starts_with("Thực hiện Kế hoạch số 137-KH/TU"),
        "the body should start with its first paragraph: {}",
        &doc.body[..80]
    );
    assert!(
        doc.body
            .ends_with("các chi bộ nghiêm túc triển khai thực hiện./."),
        "the body should end with the ./. mark"
    );
    assert!(doc.body.contains("**tại chi bộ**"), "bold markup was lost");
    assert!(
        doc.body.contains("*trước ngày 31/5/2024*"),
        "italic markup was lost"
    );
    assert!(
        doc.body.contains("“tự diễn biến”, “tự chuyển hóa”"),
        "quotes were changed"
    );
    let b = blocks(&imp);
    for heading in [
        "I- MỤC ĐÍCH, YÊU CẦU",
        "II- NỘI DUNG",
        "1.1- Hình thức",
        "III- TỔ CHỨC THỰC HIỆN",
    ] {
        assert!(
            b.contains(&heading),
            "heading “{heading}” is not its own paragraph"
        );
    }
    assert!(
        !doc.body.contains("Handwritten"),
        "scan noise leaked into the body"
    );
    assert!(
        !doc.body.contains("Nơi nhận"),
        "the Nơi nhận list leaked into the body"
    );
    assert_eq!(
        doc.recipients,
        vec![
            r("Đảng ủy Khối CCQ-DN tỉnh", "để b/c"),
            r("Các đ/c Ủy viên BCH Đảng bộ", ""),
            r("Các chi bộ trực thuộc", ""),
            r("Các tổ chức đoàn thể xã hội thuộc Sở", ""),
            r("Cổng thông tin điện tử Sở VH-TT-DL", ""),
        ],
        "the Nơi nhận list is wrong"
    );
    assert_eq!(doc.archive, "Lưu: VP", "the archive line is wrong");
    assert_eq!(
        doc.signature.name, "Nguyễn Tiến Dũng",
        "the signer is wrong"
    );
    assert_eq!(doc.signature.position, "", "a position was invented");
    assert_eq!(doc.signature.authority, "", "an authority was invented");
    assert!(
        imp.warnings
            .iter()
            .any(|x| x.line == Some(65) && x.message.contains("“[Handwritten mark]”")),
        "the dropped scan mark must be quoted with its line:\n{w}"
    );
    assert_eq!(doc.issuer.name, "", "an issuer was invented");
    for missing in [
        "tên cơ quan ban hành",
        "Chưa có số",
        "địa danh và ngày tháng",
        "chức vụ người ký",
    ] {
        assert!(warns(&imp, missing), "no warning about “{missing}”:\n{w}");
    }
}

#[test]
fn ke_hoach_82_kh_du() {
    let imp = corpus("002-ke-hoach-82-kh-du.txt");
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        doc.number,
        Some(82),
        "the number 82 was not read from “Số 82 -KH/ĐU”"
    );
    assert_eq!(doc.issuer.code, "ĐU", "the issuer code is wrong");
    assert_eq!(doc.format, Format::Party);
    assert_eq!(
        doc.status,
        Status::Issued,
        "a numbered document is a record of an issued one"
    );
    assert_eq!(doc.kind, Some(Kind::KeHoach));
    assert_eq!(doc.title, "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu");
    assert!(doc.body.starts_with("Thực hiện Chỉ thị số 10-CT/TW"));
    assert!(doc.body.ends_with("nhằm đảm bảo thành công của hội nghị"));
    let b = blocks(&imp);
    assert!(
        b.contains(&"- Cấp ủy đảng bộ, chi bộ cơ sở"),
        "a list item was merged"
    );
    assert!(b.contains(&"1. Hội nghị “sinh hoạt chi bộ thường kỳ” mẫu"));
    assert_eq!(
        doc.recipients,
        vec![
            r("Ban Thường vụ Đảng ủy", ""),
            r("Văn phòng Đảng ủy Sở", ""),
            r("Ban Tổ chức Đảng ủy", ""),
            r("Các cấp ủy cơ sở", ""),
        ]
    );
    assert_eq!(doc.archive, "Lưu Văn phòng Đảng ủy");
    assert_eq!(doc.signature.authority, "T/M BAN THƯỜNG VỤ");
    assert_eq!(doc.signature.position, "BÍ THƯ");
    assert_eq!(doc.signature.name, "Nguyễn Văn Hiếu");
    assert!(
        !warns(&imp, "Chưa có số"),
        "a numbered plan was called a draft:\n{w}"
    );
    assert!(
        !warns(&imp, "Bỏ dòng"),
        "nothing should be dropped from 002:\n{w}"
    );
}

#[test]
fn ke_hoach_truong_chinh_tri() {
    let imp = corpus("003-ke-hoach-truong-chinh-tri.txt");
    let doc = &imp.document;
    assert_eq!(doc.kind, Some(Kind::KeHoach));
    assert_eq!(doc.number, None);
    assert_eq!(
        doc.title,
        "Tổ chức Hội nghị điển hình tiên tiến Trường Chính trị tỉnh Khánh Hòa giai đoạn 2025 - 2030"
    );
    assert!(doc
        .body
        .starts_with("Thực hiện Kế hoạch số 7098/KH-UBND, ngày 01/7/2024"));
    assert!(doc.body.ends_with("tiết kiệm, hiệu quả, đúng quy định."));
    let b = blocks(&imp);
    assert!(b.contains(&"- Tuyên bố lý do, giới thiệu đại biểu, khai mạc Hội nghị."));
    assert!(
        b.contains(&"- Tổng kết, bế mạc Hội nghị."),
        "consecutive items were merged"
    );
    assert_eq!(
        doc.recipients,
        vec![
            r("Ban TĐ-KT tỉnh", "b/c"),
            r("Ban Giám hiệu trường", "chỉ đạo"),
            r("Các khoa, phòng; Công đoàn", ""),
        ]
    );
    assert_eq!(doc.archive, "Lưu VT, TCT");
    assert_eq!(doc.signature.position, "HIỆU TRƯỞNG");
    assert_eq!(
        doc.signature.name, "Lưu Hồng Vân",
        "a signer whose name starts with Lưu was taken for the archive line"
    );
    assert_eq!(doc.signature.authority, "");
    assert!(!doc.body.contains("HIỆU TRƯỞNG"));
}

#[test]
fn warnings_are_in_source_order() {
    let imp = corpus("001-ke-hoach-dang-uy-so-vhttdl.txt");
    let lines: Vec<usize> = imp
        .warnings
        .iter()
        .map(|w| w.line.unwrap_or(usize::MAX))
        .collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
}
