//! Closing blocks: bold labels and signatures, scan noise, signatures with no Nơi nhận.

use crate::{blocks, import, listed, warns};

#[test]
fn bold_signature_with_stray_tokens_between_position_and_name() {
    let text = "\
KẾ HOẠCH
Tổ chức hội nghị

Nội dung./.

**Nơi nhận:**
- Ban Thường vụ Tỉnh ủy (b/c),
- Các chi bộ trực thuộc (thực hiện),
- Lưu: VP.

**T/M BAN THƯỜNG VỤ**
**BÍ THƯ**

ww
~
Ø

**Nguyễn Văn Hiếu**
";
    let imp = import(text);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        doc.signature.authority, "T/M BAN THƯỜNG VỤ",
        "bold markers kept in a field:\n{w}"
    );
    assert_eq!(doc.signature.position, "BÍ THƯ");
    assert_eq!(doc.signature.name, "Nguyễn Văn Hiếu");
    assert_eq!(doc.recipients.len(), 2);
    assert_eq!(doc.recipients[1].note, "thực hiện");
    assert_eq!(doc.archive, "Lưu: VP");
    for (line, token) in [(14, "ww"), (15, "~"), (16, "Ø")] {
        assert!(
            imp.warnings.iter().any(|x| x.line == Some(line)
                && x.message == format!("Bỏ dòng nhiễu do quét/OCR ở dòng {line}: “{token}”")),
            "the stray “{token}” was not reported at line {line}:\n{w}"
        );
    }
    assert!(!warns(&imp, "quyền hạn ký"), "{w}");
}

#[test]
fn signature_without_noi_nhan_is_found_at_the_end() {
    let text = "\
THÔNG BÁO
Lịch làm việc tuần

Thứ hai họp giao ban.

- Thứ ba làm việc với chi bộ.
3
Thứ tư [chưa rõ] kiểm tra./.

K/T BÍ THƯ
PHÓ BÍ THƯ
[Handwritten mark]
Phạm Minh Chính
";
    let imp = import(text);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.signature.authority, "K/T BÍ THƯ", "{w}");
    assert_eq!(doc.signature.position, "PHÓ BÍ THƯ");
    assert_eq!(doc.signature.name, "Phạm Minh Chính");
    assert!(
        !doc.body.contains("PHÓ BÍ THƯ"),
        "the signature leaked into the body"
    );
    assert_eq!(
        blocks(&imp),
        [
            "Thứ hai họp giao ban.",
            "- Thứ ba làm việc với chi bộ.",
            "Thứ tư [chưa rõ] kiểm tra./."
        ],
        "the page number was kept or an inline bracket lost"
    );
    assert!(
        imp.warnings.iter().any(|x| x.line == Some(7)),
        "the page number drop is not reported:\n{w}"
    );
    assert!(warns(&imp, "“[Handwritten mark]”"), "{w}");
    assert!(
        warns(&imp, "Nơi nhận"),
        "a missing Nơi nhận must be reported:\n{w}"
    );
}

#[test]
fn ocr_hard_wraps_join_into_paragraphs() {
    let text = "\
BÁO CÁO
Kết quả học tập

Các chi bộ đã tổ chức học tập, quán triệt
chuyên đề năm 2024 cho cán bộ,
đảng viên.
Tỷ lệ tham gia đạt 98%.

Nơi nhận:
- Đảng ủy Khối các cơ quan
tỉnh (để b/c);
- Lưu VT.

BÍ THƯ
Nguyễn Thị Lan
";
    let imp = import(text);
    assert_eq!(
        blocks(&imp),
        [
            "Các chi bộ đã tổ chức học tập, quán triệt chuyên đề năm 2024 cho cán bộ, đảng viên.",
            "Tỷ lệ tham gia đạt 98%."
        ]
    );
    let doc = &imp.document;
    assert_eq!(doc.recipients.len(), 1, "{:?}", doc.recipients);
    assert_eq!(
        doc.recipients[0].name, "Đảng ủy Khối các cơ quan tỉnh",
        "a wrapped item was cut"
    );
    assert_eq!(doc.recipients[0].note, "để b/c");
    assert_eq!(doc.archive, "Lưu VT");
    assert_eq!(
        (doc.signature.position.as_str(), doc.signature.name.as_str()),
        ("BÍ THƯ", "Nguyễn Thị Lan")
    );
}

#[test]
fn missing_parts_are_reported_not_invented() {
    let imp = import("Chỉ có một đoạn văn không có gì khác.");
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.body, "Chỉ có một đoạn văn không có gì khác.");
    assert_eq!(doc.kind, None);
    assert!(doc.title.is_empty() && doc.issuer.name.is_empty() && doc.signature.name.is_empty());
    for missing in [
        "tên cơ quan ban hành",
        "ký hiệu cơ quan",
        "Chưa có số",
        "tên loại văn bản",
        "trích yếu",
        "địa danh và ngày tháng",
        "Nơi nhận",
        "quyền hạn ký",
        "chức vụ người ký",
        "họ tên người ký",
    ] {
        assert!(warns(&imp, missing), "no warning about “{missing}”:\n{w}");
    }
}
