//! Headers as they come out of Word and scanners: both formats, table rows, drafts, dates.

use chrono::NaiveDate;
use vanthu_model::{Format, Kind, Secrecy, Status, Urgency};

use crate::{import, listed, warns};

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const PARTY: &str = "\
ĐẢNG BỘ TỈNH KHÁNH HÒA
ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO
*
Số 15-BC/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Khánh Hòa, ngày 05 tháng 3 năm 2024

BÁO CÁO
kết quả công tác xây dựng Đảng quý I năm 2024
-----

Trong quý I, Đảng ủy đã lãnh đạo hoàn thành các nhiệm vụ./.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (để b/c),
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
(Đã ký)
Trần Thị Bình
";

#[test]
fn full_party_header() {
    let imp = import(PARTY);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        doc.issuer.parent, "ĐẢNG BỘ TỈNH KHÁNH HÒA",
        "parent body wrong:\n{w}"
    );
    assert_eq!(doc.issuer.name, "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    assert_eq!(doc.issuer.code, "ĐU");
    assert_eq!((doc.number, doc.status), (Some(15), Status::Issued));
    assert_eq!(doc.kind, Some(Kind::BaoCao));
    assert_eq!(doc.format, Format::Party);
    assert_eq!(doc.place, "Khánh Hòa");
    assert_eq!(doc.date, ymd(2024, 3, 5), "the written date was not read");
    assert_eq!(doc.title, "kết quả công tác xây dựng Đảng quý I năm 2024");
    assert_eq!(
        doc.body,
        "Trong quý I, Đảng ủy đã lãnh đạo hoàn thành các nhiệm vụ./."
    );
    assert_eq!(doc.signature.authority, "T/M BAN THƯỜNG VỤ");
    assert_eq!(doc.signature.position, "PHÓ BÍ THƯ");
    assert_eq!(doc.signature.name, "Trần Thị Bình");
    assert!(
        warns(&imp, "“(Đã ký)”"),
        "the dropped (Đã ký) must be quoted:\n{w}"
    );
    assert_eq!(
        imp.warnings.len(),
        1,
        "a complete document needs one warning only:\n{w}"
    );
}

#[test]
fn full_state_header() {
    let text = "\
ỦY BAN NHÂN DÂN
TỈNH KHÁNH HÒA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________
Số: 7098/KH-UBND
Khánh Hòa, ngày 01 tháng 7 năm 2024

KẾ HOẠCH
Tổ chức Đại hội Thi đua yêu nước các cấp
________

Căn cứ Luật Thi đua, khen thưởng năm 2022;

Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau./.

Nơi nhận:
- Bộ Nội vụ;
- Các sở, ban, ngành;
- Lưu: VT, TĐKT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Tấn Tuân
";
    let imp = import(text);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        doc.format,
        Format::State,
        "a State header was read as Party:\n{w}"
    );
    assert_eq!((doc.number, doc.kind), (Some(7098), Some(Kind::KeHoach)));
    assert_eq!(doc.issuer.code, "UBND");
    assert_eq!(
        doc.issuer.parent, "",
        "a wrapped name was split into parent and name"
    );
    assert_eq!(doc.issuer.name, "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA");
    assert_eq!(doc.date, ymd(2024, 7, 1));
    assert_eq!(doc.title, "Tổ chức Đại hội Thi đua yêu nước các cấp");
    assert!(doc.body.starts_with("Căn cứ Luật"));
    assert_eq!(doc.recipients.len(), 2);
    assert_eq!(doc.recipients[1].name, "Các sở, ban, ngành");
    assert_eq!(doc.archive, "Lưu: VT, TĐKT");
    assert_eq!(doc.signature.authority, "TM. ỦY BAN NHÂN DÂN");
    assert_eq!(doc.signature.position, "CHỦ TỊCH");
    assert_eq!(doc.signature.name, "Nguyễn Tấn Tuân");
    assert!(!warns(&imp, "Thể thức không thống nhất"), "{w}");
}

#[test]
fn word_two_column_rows_with_tabs() {
    let text = "\
ĐẢNG BỘ TỈNH KHÁNH HÒA\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY SỞ Y TẾ\t
*\t
Số 82-KH/ĐU\tKhánh Hòa, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Tổ chức hội nghị sơ kết

Nội dung kế hoạch./.

Nơi nhận:\tT/M BAN THƯỜNG VỤ
- Ban Thường vụ Đảng ủy,\tBÍ THƯ
- Các chi bộ,\t
- Lưu Văn phòng Đảng ủy.\t
\t[Con dấu]
\tNguyễn Văn Hiếu
";
    let imp = import(text);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.issuer.parent, "ĐẢNG BỘ TỈNH KHÁNH HÒA", "{w}");
    assert_eq!(
        doc.issuer.name, "ĐẢNG ỦY SỞ Y TẾ",
        "the right column leaked into the issuer"
    );
    assert_eq!((doc.number, doc.issuer.code.as_str()), (Some(82), "ĐU"));
    assert_eq!(doc.place, "Khánh Hòa");
    assert_eq!(doc.date, ymd(2024, 3, 15));
    assert_eq!(doc.body, "Nội dung kế hoạch./.");
    assert_eq!(
        doc.recipients
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Ban Thường vụ Đảng ủy", "Các chi bộ"],
        "the signature column leaked into Nơi nhận"
    );
    assert_eq!(doc.archive, "Lưu Văn phòng Đảng ủy");
    assert_eq!(doc.signature.authority, "T/M BAN THƯỜNG VỤ");
    assert_eq!(doc.signature.position, "BÍ THƯ");
    assert_eq!(doc.signature.name, "Nguyễn Văn Hiếu");
    assert!(warns(&imp, "“[Con dấu]”"), "{w}");
}

#[test]
fn two_column_rows_with_wide_spaces() {
    let text = "\
ĐẢNG BỘ TỈNH KHÁNH HÒA          ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY SỞ Y TẾ
*
Số 05-TB/ĐU          Nha Trang, ngày 09 tháng 01 năm 2025

THÔNG BÁO
kết luận của Ban Thường vụ

Nội dung thông báo./.

Nơi nhận:
- Các chi bộ,                    T/M BAN THƯỜNG VỤ
- Lưu Văn phòng.                 PHÓ BÍ THƯ

                                 Lê Văn Tám
";
    let imp = import(text);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.issuer.name, "ĐẢNG ỦY SỞ Y TẾ", "{w}");
    assert_eq!(doc.issuer.parent, "ĐẢNG BỘ TỈNH KHÁNH HÒA");
    assert_eq!((doc.number, doc.kind), (Some(5), Some(Kind::ThongBao)));
    assert_eq!(
        (doc.place.as_str(), doc.date),
        ("Nha Trang", ymd(2025, 1, 9))
    );
    assert_eq!(doc.recipients.len(), 1, "{:?}", doc.recipients);
    assert_eq!(doc.archive, "Lưu Văn phòng");
    assert_eq!(doc.signature.authority, "T/M BAN THƯỜNG VỤ");
    assert_eq!(doc.signature.position, "PHÓ BÍ THƯ");
    assert_eq!(doc.signature.name, "Lê Văn Tám");
}

#[test]
fn impossible_and_blank_dates_are_left_empty() {
    let imp =
        import("Số 3-KH/ĐU\nHà Nội, ngày 30 tháng 02 năm 2024\nKẾ HOẠCH\nvề việc A\n\nNội dung.");
    assert_eq!(imp.document.date, None, "an impossible date was stored");
    assert_eq!(
        imp.document.place, "Hà Nội",
        "the place was lost with the bad date"
    );
    assert!(
        imp.warnings
            .iter()
            .any(|w| w.line == Some(2) && w.message.contains("không có thật")),
        "no warning names the impossible date:\n{}",
        listed(&imp)
    );

    let imp = import(
        "Số     -KH/ĐU\nKhánh Hòa, ngày    tháng    năm 2025\nKẾ HOẠCH\nvề việc A\n\nNội dung.",
    );
    let doc = &imp.document;
    assert_eq!(doc.date, None);
    assert_eq!(doc.place, "Khánh Hòa", "a blank date must keep its place");
    assert!(warns(&imp, "còn để trống"), "{}", listed(&imp));
    assert_eq!(doc.number, None, "a blank number was invented");
    assert_eq!(
        (doc.kind, doc.issuer.code.as_str()),
        (Some(Kind::KeHoach), "ĐU")
    );
    assert_eq!(doc.status, Status::Draft);
    assert!(warns(&imp, "Chưa có số"), "{}", listed(&imp));
}

#[test]
fn state_draft_number_and_secrecy_marks() {
    let text = "\
SỞ Y TẾ
MẬT
HỎA TỐC
Số:    /BC-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
BÁO CÁO
Tình hình dịch bệnh

Nội dung.
";
    let imp = import(text);
    let doc = &imp.document;
    assert_eq!(
        doc.secrecy,
        Some(Secrecy::Mat),
        "the MẬT stamp was not read"
    );
    assert_eq!(
        doc.urgency,
        Some(Urgency::HoaToc),
        "the HỎA TỐC stamp was not read"
    );
    assert_eq!(
        doc.issuer.name, "SỞ Y TẾ",
        "a stamp was taken for the issuer"
    );
    assert_eq!(doc.issuer.parent, "");
    assert_eq!((doc.number, doc.issuer.code.as_str()), (None, "SYT"));
    assert_eq!((doc.kind, doc.format), (Some(Kind::BaoCao), Format::State));
}

#[test]
fn type_name_wins_over_the_symbol_with_a_warning() {
    let imp = import("Số 15-BC/ĐU\n\nKẾ HOẠCH\nTổ chức hội nghị\n\nNội dung.");
    assert_eq!(imp.document.kind, Some(Kind::KeHoach));
    assert!(
        warns(&imp, "đã lấy theo tên loại"),
        "a symbol/type mismatch must be reported:\n{}",
        listed(&imp)
    );
}

#[test]
fn party_cong_van_with_vv() {
    let text = "\
ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\tĐẢNG CỘNG SẢN VIỆT NAM
BAN TỔ CHỨC
*
Số 357-CV/BTCTU\tKhánh Hòa, ngày 09 tháng 01 năm 2025
V/v báo cáo số lượng đảng viên
năm 2024

Kính gửi: Các tổ chức cơ sở đảng trực thuộc.

Đề nghị các đơn vị báo cáo trước ngày 20/01/2025./.

Nơi nhận:
- Như trên,
- Lưu VT.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN

Lê Thị Hoa
";
    let imp = import(text);
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::CongVan), "{w}");
    assert_eq!(
        doc.title, "báo cáo số lượng đảng viên năm 2024",
        "the V/v trích yếu is wrong"
    );
    assert_eq!((doc.number, doc.issuer.code.as_str()), (Some(357), "BTCTU"));
    assert_eq!(doc.issuer.name, "BAN TỔ CHỨC");
    assert!(
        doc.body.starts_with("Kính gửi: Các tổ chức"),
        "{}",
        doc.body
    );
    assert_eq!(doc.recipients.len(), 1);
    assert_eq!(doc.archive, "Lưu VT");
    assert_eq!(doc.signature.authority, "K/T TRƯỞNG BAN");
    assert_eq!(doc.signature.position, "PHÓ TRƯỞNG BAN");
    assert!(
        !warns(&imp, "tên loại"),
        "a công văn has no type name to miss:\n{w}"
    );
}

#[test]
fn state_cong_van_by_its_symbol() {
    let text = "\
ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA
Số: 05/UBND-VP
V/v: tổ chức Tết Nguyên đán
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Khánh Hòa, ngày 05 tháng 01 năm 2025

Kính gửi: Các sở, ban, ngành.

Nội dung./.
";
    let imp = import(text);
    let doc = &imp.document;
    assert_eq!(
        (doc.kind, doc.format),
        (Some(Kind::CongVan), Format::State),
        "{}",
        listed(&imp)
    );
    assert_eq!((doc.number, doc.issuer.code.as_str()), (Some(5), "UBND-VP"));
    assert_eq!(doc.title, "tổ chức Tết Nguyên đán");
    assert_eq!(doc.date, ymd(2025, 1, 5));
    assert!(doc.body.starts_with("Kính gửi:"));
}

#[test]
fn nfd_input_is_stored_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = PARTY.nfd().collect();
    assert_ne!(nfd, PARTY);
    let imp = import(&nfd);
    let nfc = import(PARTY);
    assert_eq!(
        imp.document, nfc.document,
        "NFD text (a Mac file) imported differently"
    );
    assert_eq!(imp.document.issuer.name, "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    assert!(imp.document.body.nfc().eq(imp.document.body.chars()));
}

#[test]
fn headers_flattened_broken_or_scanned() {
    // Cells separated by `|`, the number broken over two lines with spaces round the dash, a
    // date that does not exist.
    let imp = import(
        "ĐẢNG BỘ HUYỆN A | ĐẢNG CỘNG SẢN VIỆT NAM |\nCHI BỘ B\n*\nSố: 16 -\nHD/CB\nA, ngày 30 tháng 02 năm 2025\n\nHƯỚNG DẪN\nvề việc thứ nhất\n\nNội dung.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        (doc.number, doc.issuer.code.as_str()),
        (Some(16), "CB"),
        "{w}"
    );
    assert_eq!(
        (doc.kind, doc.format),
        (Some(Kind::HuongDan), Format::Party)
    );
    assert_eq!(doc.date, None, "a date that does not exist was stored");
    assert!(warns(&imp, "không có thật"), "{w}");
    assert_eq!(doc.title, "về việc thứ nhất");

    // A blank number, the type name only in the symbol, runs of spaces between the cells.
    let imp = import(
        "UBND XÃ A       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố      /KH-UBND       A, ngày 05 tháng 3 năm 2024\n\nNội dung.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!((doc.number, doc.kind), (None, Some(Kind::KeHoach)), "{w}");
    assert_eq!(doc.format, Format::State, "{w}");
    assert_eq!(doc.date, ymd(2024, 3, 5));

    // The whole header on one line, the Youth Union's stars and heading, a type name with a
    // space OCR put inside it.
    let imp = import(
        "BAN CHẤP HÀNH ĐOÀN A***Số: 90 - TB/ĐTN ĐOÀN TNCS HỒ CHÍ MINH A, ngày 05 tháng 3 năm 2024 THÔNG BÁ O\nkết quả hội nghị\n-----\n\nNội dung.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        (doc.number, doc.issuer.code.as_str()),
        (Some(90), "ĐTN"),
        "{w}"
    );
    assert_eq!(
        (doc.kind, doc.format),
        (Some(Kind::ThongBao), Format::Party),
        "{w}"
    );
    assert_eq!(doc.date, ymd(2024, 3, 5));
    assert_eq!(doc.title, "kết quả hội nghị");
}

#[test]
fn a_type_the_format_has_not_is_left_for_the_clerk() {
    let imp = import(
        "ỦY BAN NHÂN DÂN XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nA, ngày 13 tháng 5 năm 2022\nKẾT LUẬN\nvề việc thứ nhất\n\nNội dung.",
    );
    let doc = &imp.document;
    assert_eq!(doc.format, Format::State);
    assert_eq!(
        doc.kind, None,
        "a State document was given a Party-only type"
    );
    assert!(
        warns(&imp, "không có trong văn bản hành chính"),
        "{}",
        listed(&imp)
    );
}

#[test]
fn number_lines_a_typist_left_short() {
    // No hyphen between the number and the type: a space, as a chi bộ types it.
    let imp = import(
        "ĐẢNG ỦY XÃ A\nCHI BỘ TRƯỜNG B\nĐẢNG CỘNG SẢN VIỆT NAM\nSố: 01 NQ/CBB\nA, ngày 15 tháng 01 năm 2018\n\nNGHỊ QUYẾT\nĐại hội chi bộ nhiệm kỳ 2018 – 2020\n\nNội dung.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        (doc.number, doc.issuer.code.as_str(), doc.kind),
        (Some(1), "CBB", Some(Kind::NghiQuyet)),
        "a number line without its hyphen was not read: {w}"
    );

    // A draft with the number and the type abbreviation both left out: only the code is read.
    let imp = import(
        "ĐẢNG ỦY TRƯỜNG A\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố      -/ĐU\nA, ngày       tháng 10 năm 2021\n\nQUYẾT ĐỊNH\nV/v ban hành hướng dẫn thứ nhất\n-----\n\nNội dung.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        (doc.number, doc.issuer.code.as_str(), doc.kind),
        (None, "ĐU", Some(Kind::QuyetDinh)),
        "{w}"
    );
    assert_eq!(doc.status, Status::Draft, "a number was invented: {w}");

    // Words after `Số` that are prose, not a symbol, stay out.
    let imp = import(
        "CHI BỘ A\nĐẢNG CỘNG SẢN VIỆT NAM\nA, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nthứ nhất\n\nSố 5 người/tổ được cử đi học.",
    );
    assert_eq!(imp.document.number, None, "{}", listed(&imp));
}

#[test]
fn a_state_symbol_that_lost_its_hyphen() {
    let state = "ỦY BAN NHÂN DÂN\nTỈNH A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/QĐUBND\nA, ngày 01 tháng 02 năm 2020\n\nQUYẾT ĐỊNH\nVề việc thứ nhất\n\nNội dung.";
    let imp = import(state);
    let w = listed(&imp);
    assert_eq!(imp.document.issuer.code, "UBND", "{w}");
    assert!(warns(&imp, "thiếu dấu gạch nối"), "{w}");

    // A Party document writing its symbol the State way keeps what it wrote.
    let party = "ĐẢNG ỦY XÃ A\nCHI BỘ B\nĐẢNG CỘNG SẢN VIỆT NAM\nSố : 10/ BCTK\nA, ngày 14 tháng 12 năm 2017\n\nBÁO CÁO\ntổng kết năm 2017\n\nNội dung.";
    let imp = import(party);
    assert_eq!(imp.document.issuer.code, "BCTK", "{}", listed(&imp));
}

#[test]
fn type_names_in_running_text() {
    // A web page's heading: the type name in capitals, the trích yếu in sentence case after it.
    let imp = import(
        "THÔNG BÁO Niêm yết công khai kết quả bình xét năm 2024\n\nCăn cứ kết quả họp xét, Ủy ban thông báo như sau.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::ThongBao), "{w}");
    assert_eq!(doc.title, "Niêm yết công khai kết quả bình xét năm 2024");

    // A flattened header whose national heading lost a mark (`NGHIA`), the type name right
    // after the motto, an attached document's note under its trích yếu.
    let imp = import(
        "ỦY BAN NHÂN DÂN XÃ A CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM Độc lập – Tự do – Hạnh phúc KẾ HOẠCH “NĂM HỌC MỚI” XÃ A (Ban hành kèm theo Quyết định số ./QĐ-UBND ngày . tháng 11 năm 2013 của Ủy ban nhân dân xã A) Căn cứ công văn số 1/SGDĐT ngày 17/01/2013; Ủy ban ban hành Kế hoạch.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        (doc.kind, doc.format),
        (Some(Kind::KeHoach), Format::State),
        "{w}"
    );
    assert_eq!(doc.title, "“NĂM HỌC MỚI” XÃ A", "{w}");
    assert_eq!(
        doc.date, None,
        "the attached decision's blank date was read: {w}"
    );
}

#[test]
fn a_trich_yeu_set_one_line_a_paragraph() {
    // Each line of the centred trích yếu in a paragraph of its own, as web pages set it.
    let imp = import(
        "UBND XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 80/BC-UBND\nA, ngày 18 tháng 12 năm 2020\n\nBÁO CÁO\n\nPhát triển kinh tế – xã hội năm 2020\n\nvà phương hướng, nhiệm vụ năm 2021\n\n–––––\n\nTrong năm 2020, xã đã hoàn thành các chỉ tiêu.",
    );
    assert_eq!(
        imp.document.title,
        "Phát triển kinh tế – xã hội năm 2020 và phương hướng, nhiệm vụ năm 2021"
    );
    let imp = import(
        "CHI BỘ A\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 10-BC/CB\nA, ngày 14 tháng 12 năm 2017\n\nBÁO CÁO\n\nTỔNG KẾT CÔNG TÁC NĂM 2017\n\nVÀ PHƯƠNG HƯỚNG NĂM 2018\n\nCăn cứ kế hoạch của Đảng ủy, Chi bộ báo cáo như sau:",
    );
    assert_eq!(
        imp.document.title,
        "TỔNG KẾT CÔNG TÁC NĂM 2017 VÀ PHƯƠNG HƯỚNG NĂM 2018"
    );
}
