//! Documents copied out of web pages that lost part of their header: what the page says about
//! the document (its title, an editor's introduction, a law site's table of particulars)
//! fills what the document does not give, the page's line leaves the body, and a header with
//! no sign of the format is judged by the documents it cites. Each case is one a clerk meets
//! pasting from a site; none of these texts is a real document's.

use chrono::NaiveDate;
use vanthu_model::{Format, Kind, Status};

use crate::{blocks, import, listed, warns};

#[test]
fn a_page_title_gives_the_type_and_trich_yeu_of_a_document_without_a_header() {
    let imp = import(
        "Kế hoạch tổ chức hội nghị sơ kết công tác năm 2025 của chi bộ\n\n\
         Căn cứ Kế hoạch số 12-KH/ĐU ngày 03/4/2025 của Đảng ủy xã;\n\n\
         Căn cứ Hướng dẫn số 05-HD/BTCTU ngày 10/3/2025 của Ban Tổ chức Tỉnh ủy;\n\n\
         Chi bộ xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\nNâng cao chất lượng./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::KeHoach), "{w}");
    assert_eq!(
        doc.title,
        "Tổ chức hội nghị sơ kết công tác năm 2025 của chi bộ"
    );
    assert_eq!(
        doc.date, None,
        "a cited document's date is not the document's: {w}"
    );
    assert!(
        blocks(&imp)[0].starts_with("Căn cứ Kế hoạch số 12-KH/ĐU"),
        "the page's title stays out of the body: {:?}",
        blocks(&imp)
    );
    assert!(
        warns(&imp, "tiêu đề hoặc lời giới thiệu của trang web"),
        "{w}"
    );
    assert_eq!(doc.format, Format::Party);
    assert!(
        warns(&imp, "theo ký hiệu của các văn bản được dẫn"),
        "the format is a guess and is said to be: {w}"
    );
}

#[test]
fn an_editors_introduction_gives_the_number_and_date_the_text_lacks() {
    let imp = import(
        "Ban biên tập giới thiệu toàn văn Nghị quyết số 07-NQ/ĐU, ngày 15/6/2024 của Ban \
         Chấp hành Đảng bộ xã về phát triển kinh tế nông nghiệp.\n\n\
         NGHỊ QUYẾT\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ\nvề phát triển kinh tế nông nghiệp\n-----\n\n\
         Thực hiện Nghị quyết Đại hội, Ban Chấp hành ban hành Nghị quyết như sau:\n\n\
         I. TÌNH HÌNH\n\nNông nghiệp phát triển./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::NghiQuyet), "{w}");
    assert_eq!(
        (doc.number, doc.issuer.code.as_str()),
        (Some(7), "ĐU"),
        "{w}"
    );
    assert_eq!(doc.status, Status::Issued);
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2024, 6, 15), "{w}");
    assert_eq!(doc.title, "về phát triển kinh tế nông nghiệp", "{w}");
    assert!(warns(&imp, "Hãy đối chiếu với bản gốc"), "{w}");
    assert!(blocks(&imp)[0].starts_with("Thực hiện Nghị quyết Đại hội"));
}

#[test]
fn a_page_line_about_another_document_gives_nothing() {
    // The page names a Kế hoạch; the document is a Báo cáo with its own number.
    let imp = import(
        "Trang chủ\nTin tức\nKế hoạch 15/KH-UBND về phòng chống thiên tai năm 2025\n\n\
         ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 20/BC-UBND\n\
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
         An Bình, ngày 02 tháng 5 năm 2025\n\nBÁO CÁO\nKết quả phòng chống thiên tai quý I\n\n\
         Ủy ban nhân dân xã báo cáo như sau:\n\n1. Kết quả\n\nĐạt./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::BaoCao), "{w}");
    assert_eq!(doc.number, Some(20));
    assert_eq!(
        doc.title, "Kết quả phòng chống thiên tai quý I",
        "the page's Kế hoạch is another document: {w}"
    );
    assert!(!warns(&imp, "Hãy đối chiếu với bản gốc"), "{w}");
}

#[test]
fn a_law_sites_table_gives_what_the_copied_text_lost() {
    let imp = import(
        "Kế hoạch 41/KH-UBND năm 2023 phòng chống dịch bệnh\n\
         Số hiệu: | 41/KH-UBND | Loại văn bản: | Kế hoạch |\n\
         Nơi ban hành: | Tỉnh Hòa Bình | Người ký: | Nguyễn Văn A |\n\
         Ngày ban hành: | 14/02/2023 | Ngày hiệu lực: | Đã biết |\n\
         ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\
         Số: 41/KH-UBND |\nHòa Bình, ngày 14 tháng 2 năm 2023 |\n\
         Thực hiện chỉ đạo của Bộ Y tế, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n\
         1. Mục đích\n- Chủ động phòng chống dịch.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::KeHoach), "{w}");
    assert_eq!(doc.number, Some(41));
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2023, 2, 14));
    assert_eq!(doc.format, Format::State);
    assert_eq!(doc.title, "Phòng chống dịch bệnh", "{w}");
}

#[test]
fn a_state_notice_without_a_header_is_judged_by_what_it_cites() {
    let imp = import(
        "THÔNG BÁO\nLịch tiếp công dân năm 2026\n\
         Căn cứ Luật Tiếp công dân ngày 25/11/2013;\n\
         Căn cứ Nghị định số 64/2014/NĐ-CP ngày 26/6/2014 của Chính phủ;\n\
         Căn cứ Quyết định số 17/QĐ-UBND ngày 9/7/2025 của UBND xã;\n\
         Ủy ban nhân dân xã thông báo lịch tiếp công dân như sau./.",
    );
    let w = listed(&imp);
    assert_eq!(imp.document.format, Format::State, "{w}");
    assert_eq!(imp.document.date, None, "{w}");
    assert!(warns(&imp, "đã đoán là văn bản hành chính"), "{w}");
}

#[test]
fn a_youth_heading_with_ocr_spaces_and_a_symbol_with_two_slashes() {
    let imp = import(
        "BCH ĐOÀN TRƯỜNG THPT AN LẠC\nSố: 45 /KHĐH/AL-ĐTN\nĐOÀ N TNCS HỒ CHÍ MINH\n\
         Bình Tân, ngày 02 tháng 10 năm 2024\n\nKẾ HOẠCH\n\nĐẠI HỘI ĐOÀN TRƯỜNG\n\n\
         NHIỆM KỲ 2024 – 2025\n\n1. MỤC ĐÍCH\n\nTổng kết năm học./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.format, Format::Party, "the Youth Union's layout: {w}");
    assert_eq!((doc.number, doc.issuer.code.as_str()), (Some(45), "AL-ĐTN"));
    assert_eq!(doc.kind, Some(Kind::KeHoach));
    assert_eq!(doc.title, "ĐẠI HỘI ĐOÀN TRƯỜNG NHIỆM KỲ 2024 – 2025");
}

#[test]
fn a_cut_motto_still_ends_the_header_before_its_vv() {
    let imp = import(
        "UBND HUYỆN AN LÃO PHÒNG GIÁO DỤC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 88/PGD-TH \
         An Lão, ngày 05 tháng 3 năm 2024 Độc lập - Tự - Hạnh phúc V/v tổ chức hội thi giáo \
         viên dạy giỏi Kính gửi: Các trường tiểu học; Phòng hướng dẫn như sau.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::CongVan), "{w}");
    assert_eq!(doc.number, Some(88));
    assert_eq!(doc.title, "tổ chức hội thi giáo viên dạy giỏi", "{w}");
}

#[test]
fn legacy_font_lines_inside_a_unicode_page_are_converted() {
    let imp = import(
        "§OµN TNCS Hå CHÝ MINH\nBCH ĐOÀN XÃ AN PHÚ\n***\nSố: 12-KH/ĐTN\n\
         An Phú, ngày 3 tháng 3 năm 2024\n\nKẾ HOẠCH\nTổ chức Tháng Thanh niên\n\n\
         1. Mục đích\n\nPhát huy vai trò./.",
    );
    let w = listed(&imp);
    assert_eq!(imp.document.format, Format::Party, "{w}");
    assert!(warns(&imp, "còn ở bảng mã cũ TCVN3"), "{w}");
    assert_eq!(imp.document.number, Some(12));
}

#[test]
fn the_legislatures_number_line_and_a_stray_full_stop_in_the_header() {
    let imp = import(
        "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         Độc lập - Tự do - Hạnh phúc\n\nNghị quyết số: 12/2024/UBTVQH15\n\n\
         Hà Nội, ngày 12 tháng 3 năm 2024\n          .\n\nNGHỊ QUYẾT\n\n\
         VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH\n\nCăn cứ Hiến pháp;\n\nQUYẾT NGHỊ:\n\n\
         Điều 1. Phạm vi./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::NghiQuyet), "{w}");
    assert_eq!(
        (doc.number, doc.issuer.code.as_str()),
        (Some(12), "UBTVQH15"),
        "{w}"
    );
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2024, 3, 12));
    assert_eq!(doc.title, "VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH", "{w}");
    assert!(
        !warns(&imp, "Ký hiệu ở dòng"),
        "the symbol agrees with the type: {w}"
    );
}

#[test]
fn a_page_counter_title_and_time_stamp_above_a_document_with_only_its_type_name() {
    let imp = import(
        "Truy cập\n\nHôm nay:\n12\nTất cả:\n174989\n\n\
         NGHỊ QUYẾT CỦA ĐẢNG ỦY XÃ AN HÒA VỀ NHIỆM VỤ NĂM 2023\n\nNgày 13/03/2023 14:51:27\n\n\
         NGHỊ QUYẾT.\n\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN HÒA\n\nVề mục tiêu, nhiệm vụ năm 2023\n\n\
         .\n\nNgày 07/01/2023, Ban Chấp hành Đảng bộ xã đã họp và quyết nghị:\n\n\
         I. ĐÁNH GIÁ CHUNG.\n\nNăm 2022 hoàn thành các chỉ tiêu.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::NghiQuyet), "{w}");
    assert_eq!(
        doc.date, None,
        "the page's time stamp is not the document's date: {w}"
    );
    assert_eq!(doc.title, "Về mục tiêu, nhiệm vụ năm 2023", "{w}");
    assert!(warns(&imp, "Bỏ 7 dòng của trang web"), "{w}");
    assert!(
        blocks(&imp)[0].starts_with("Ngày 07/01/2023"),
        "{:?}",
        blocks(&imp)
    );
}

#[test]
fn a_drafts_type_line_and_a_page_date_without_a_place() {
    let imp = import(
        "Ngày 25 tháng 01 năm 2025\n\nỦY BAN NHÂN DÂN\nPHƯỜNG AN LẠC\n\
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/BC-UBND\n\
         An Lạc, ngày 10 tháng 01 năm 2025\n     DỰ THẢO BÁO CÁO\n\
         Kết quả xây dựng phường đạt chuẩn tiếp cận pháp luật năm 2024\n\
         Ủy ban nhân dân phường báo cáo như sau:\n1. Kết quả\nĐạt./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::BaoCao), "{w}");
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2025, 1, 10), "{w}");
    assert_eq!(doc.place, "An Lạc");
    assert_eq!(
        doc.title,
        "Kết quả xây dựng phường đạt chuẩn tiếp cận pháp luật năm 2024"
    );
}

#[test]
fn line_breaks_written_out_and_a_number_after_the_national_heading() {
    let imp = import(
        "\\r\\n ỦY BAN NHÂN DÂN | \\r\\n CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | \\r\\n\
         Số: 54/KH-UBND \\r\\n | \\r\\n Lạng Sơn, ngày 27 tháng 3 năm 2020 \\r\\n\
         KẾ HOẠCH\\r\\nPhòng chống suy dinh dưỡng\\r\\n\\r\\nThực hiện Quyết định, UBND tỉnh \
         xây dựng Kế hoạch như sau:",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(
        (doc.number, doc.date),
        (Some(54), NaiveDate::from_ymd_opt(2020, 3, 27)),
        "{w}"
    );
    assert_eq!(doc.title, "Phòng chống suy dinh dưỡng", "{w}");
    assert!(warns(&imp, "thành ngắt dòng"), "{w}");

    let imp = import(
        "VĂN PHÒNG CHÍNH PHỦ\nSố:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n\
         /TTr-VPCP\n\nHà Nội, ngày 05 tháng 6 năm 2024\n\nTỜ TRÌNH\nVề dự thảo Quy chế làm việc\n\n\
         Kính gửi: Chính phủ.\n\nNội dung./.",
    );
    let doc = &imp.document;
    let w = listed(&imp);
    assert_eq!(doc.kind, Some(Kind::ToTrinh), "{w}");
    assert_eq!(
        (doc.number, doc.issuer.code.as_str()),
        (None, "VPCP"),
        "{w}"
    );
}
