//! The hard cases of the issue: long trích yếu, wrapping issuer, long body, a closing block
//! that must move, độ mật / độ khẩn, drafts, công văn, missing glyphs, determinism.

use vanthu_model::{Document, Kind, Secrecy, Status, Urgency};
use vanthu_pdf::{layout, render, PdfError, RenderOptions, Role};

use crate::body::{assert_body_in_order, assert_no_widows_or_orphans, body_lines};
use crate::fixtures::{self, rendered};
use crate::measure::{chunk, must, near, TOL};
use crate::poppler;

const LEFT_CENTRE: f32 = 30.0 + 165.0 * 0.4 / 2.0;

#[test]
fn three_line_trich_yeu_is_centred_and_balanced() {
    let mut doc = fixtures::load("002-party");
    doc.title = "về việc tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu năm 2024 gắn với \
        thực hiện Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII về xây dựng, \
        chỉnh đốn Đảng"
        .into();
    for format in [vanthu_model::Format::Party, vanthu_model::Format::State] {
        doc.format = format;
        let name = format!("hard-title-{}", format.key());
        let r = rendered(&name, &doc);
        let lines = r.pages[0].role(Role::Title);
        assert_eq!(lines.len(), 3, "{name}: three lines");
        let words = poppler::words(&r.pdf);
        for line in &lines {
            let f = must(&words, 1, &line.text);
            near(
                f.centre(),
                112.5,
                TOL,
                &format!("{name}: line {:?} centred", line.text),
            );
            assert!(
                f.width() <= 140.0 + TOL,
                "{name}: line wider than the trích yếu measure"
            );
        }
        let widths: Vec<f32> = lines.iter().map(|l| l.width.0).collect();
        let (min, max) = widths
            .iter()
            .fold((f32::MAX, 0.0f32), |(a, b), &w| (a.min(w), b.max(w)));
        assert!(max - min < 40.0, "{name}: unbalanced lines {widths:?}");
        assert_body_in_order(&r, &name);
    }
}

#[test]
fn wrapping_issuer_stays_centred_in_its_column() {
    let mut doc = fixtures::load("002-party");
    doc.issuer.name =
        "BAN CHẤP HÀNH ĐẢNG BỘ TRƯỜNG CAO ĐẲNG KINH TẾ - KỸ THUẬT THÀNH PHỐ HỒ CHÍ MINH".into();
    let r = rendered("hard-issuer", &doc);
    let words = poppler::words(&r.pdf);
    let lines = r.pages[0].role(Role::Issuer);
    assert!(lines.len() >= 3, "the issuer wraps: {lines:?}");
    for line in &lines {
        let f = must(&words, 1, &line.text);
        near(
            f.centre(),
            LEFT_CENTRE,
            TOL,
            &format!("issuer line {:?}", line.text),
        );
        assert!(
            f.left >= 30.0 - 0.05 && f.right <= 96.05,
            "issuer line {:?} leaves its column",
            line.text
        );
    }
    let star = must(&words, 1, "*");
    near(
        star.centre(),
        LEFT_CENTRE,
        TOL,
        "`*` under the wrapped issuer",
    );
    let last = must(&words, 1, &lines.last().unwrap().text);
    assert!(star.top > last.baseline);
    let number = must(&words, 1, "Số 82-KH/ĐU");
    let date = must(&words, 1, "Thành phố Hồ Chí Minh, ngày 15 tháng 3 năm 2024");
    near(
        number.baseline,
        date.baseline,
        0.05,
        "date follows the number down",
    );
}

#[test]
fn six_page_body_numbers_pages_and_keeps_paragraphs_whole() {
    let mut doc = fixtures::load("002-party");
    let once = doc.body.clone();
    doc.body = [once.as_str(); 4].join("\n\n");
    let r = rendered("hard-long", &doc);
    assert!(r.pages.len() >= 6, "{} pages", r.pages.len());
    let words = poppler::words(&r.pdf);
    for page in 2..=r.pages.len() {
        let top: Vec<_> = words
            .iter()
            .filter(|w| w.page == page && w.top < 19.9)
            .cloned()
            .collect();
        let n = must(&top, page, &page.to_string());
        near(n.top, 10.0, TOL, "page number position");
    }
    assert_no_widows_or_orphans(&r.pages, "hard-long");
    assert_body_in_order(&r, "hard-long");
    let last = r.pages.last().unwrap();
    assert!(!last.role(Role::Signer).is_empty());
    // Headings are never the last line of a page.
    for page in &r.pages {
        let lines = body_lines(std::slice::from_ref(page));
        if let Some(runs) = lines.values().next_back() {
            if page.number < last.number {
                let block = runs[0].block.unwrap();
                let heading = runs.iter().all(|r| r.style.face.is_bold())
                    && runs.iter().map(|r| r.text.len()).sum::<usize>() < 60;
                assert!(
                    !heading || lines.values().filter(|r| r[0].block == Some(block)).count() > 1,
                    "page {} ends with a heading",
                    page.number
                );
            }
        }
    }
}

/// The page of the last body line, and how many body lines that page holds.
fn last_body_page(doc: &Document, options: &RenderOptions) -> (u32, usize) {
    let pages = layout(doc, options).unwrap();
    let lines = body_lines(&pages);
    let (&(page, _), _) = lines.iter().next_back().unwrap();
    let on_page = lines.keys().filter(|(p, _)| *p == page).count();
    (page, on_page)
}

#[test]
fn closing_block_that_does_not_fit_takes_two_body_lines_along() {
    let base = fixtures::load("002-party");
    let options = RenderOptions::default();
    // The same document with a closing block of almost no height: where the body alone ends.
    let mut bare_options = RenderOptions::default();
    bare_options.party.signature_space = vanthu_pdf::Mm(0.0);
    bare_options.party.closing_gap = vanthu_pdf::Mm(0.0);
    // Lengthen the last paragraph word by word until the closing block no longer fits
    // under the body although the body alone would.
    let mut found = None;
    for extra in 0..200 {
        let mut doc = base.clone();
        doc.body = format!("{}{}", base.body, " và tiếp tục hoàn thiện".repeat(extra));
        let mut bare = doc.clone();
        bare.recipients.clear();
        bare.archive.clear();
        bare.signature = Default::default();
        let (alone, _) = last_body_page(&bare, &bare_options);
        let (with, lines_there) = last_body_page(&doc, &options);
        if with > alone {
            found = Some((doc, with, lines_there));
            break;
        }
    }
    let (doc, page, lines_there) = found.expect("some length makes the closing block move");
    assert!(
        lines_there >= 2,
        "only {lines_there} body line(s) came along"
    );
    let r = rendered("hard-closing-moves", &doc);
    let last = r.pages.last().unwrap();
    assert_eq!(last.number, page);
    for role in [Role::RecipientsLabel, Role::Authority, Role::Signer] {
        assert!(!last.role(role).is_empty(), "{role:?} on the last page");
    }
    assert_no_widows_or_orphans(&r.pages, "hard-closing-moves");
    assert_body_in_order(&r, "hard-closing-moves");
    let words = poppler::words(&r.pdf);
    let label = must(&words, page as usize, "Nơi nhận:");
    let auth = must(&words, page as usize, "T/M BAN THƯỜNG VỤ");
    near(label.baseline, auth.baseline, 0.05, "level after moving");
}

#[test]
fn secrecy_and_urgency_marks_in_the_left_column() {
    for (fixture, boxed) in [("002-party", false), ("002-state", true)] {
        let mut doc = fixtures::load(fixture);
        doc.secrecy = Some(Secrecy::Mat);
        doc.urgency = Some(Urgency::ThuongKhan);
        let name = format!("hard-marks-{fixture}");
        let r = rendered(&name, &doc);
        let words = poppler::words(&r.pdf);
        let chunks = poppler::chunks(&r.pdf);
        let number = must(&words, 1, &r.pages[0].role(Role::Number)[0].text);
        let mut previous = number.baseline;
        for (text, role) in [("MẬT", Role::Secrecy), ("THƯỢNG KHẨN", Role::Urgency)] {
            let f = must(&words, 1, text);
            near(
                f.centre(),
                LEFT_CENTRE,
                TOL,
                &format!("{name}: {text} centred in the left column"),
            );
            assert!(f.baseline > previous, "{name}: {text} under the number");
            previous = f.baseline;
            assert!(chunk(&chunks, 1, text).bold, "{name}: {text} bold");
            let framed = r.pages[0].frames().any(|fr| fr.role == role);
            assert_eq!(framed, boxed, "{name}: {text} framed");
        }
        let title = must(&words, 1, "KẾ HOẠCH");
        assert!(
            title.top > previous + 2.0,
            "{name}: marks above the title block"
        );
    }
}

#[test]
fn drafts_print_blanks_and_a_marker() {
    let mut doc = fixtures::load("002-party");
    doc.status = Status::Draft;
    doc.number = None;
    let r = rendered("hard-draft-party", &doc);
    let page = &r.pages[0];
    assert_eq!(page.role(Role::Number)[0].text, "Số      -KH/ĐU");
    assert_eq!(
        page.role(Role::PlaceDate)[0].text,
        "Thành phố Hồ Chí Minh, ngày      tháng      năm 2024"
    );
    assert_eq!(page.role(Role::DraftMarker)[0].text, "Dự thảo");
    let words = poppler::words(&r.pdf);
    let so = must(&words, 1, "Số");
    let code = must(&words, 1, "-KH/ĐU");
    assert!(
        code.left - so.right > 5.0,
        "room to write the number by hand"
    );
    let chunks = poppler::chunks(&r.pdf);
    assert!(chunk(&chunks, 1, "Dự thảo").italic);

    let mut doc = fixtures::load("002-state");
    doc.status = Status::Draft;
    doc.number = None;
    doc.date = None;
    let r = rendered("hard-draft-state", &doc);
    let page = &r.pages[0];
    assert_eq!(page.role(Role::Number)[0].text, "Số:      /KH-ĐU");
    assert_eq!(
        page.role(Role::PlaceDate)[0].text,
        "Thành phố Hồ Chí Minh, ngày      tháng      năm      "
    );
    assert!(
        page.frames().any(|f| f.role == Role::DraftMarker),
        "boxed DỰ THẢO"
    );
}

#[test]
fn cong_van_has_its_trich_yeu_under_the_number() {
    for (fixture, prefix, italic) in [("002-party", "", true), ("002-state", "V/v ", false)] {
        let mut doc = fixtures::load(fixture);
        doc.kind = Some(Kind::CongVan);
        doc.title = "tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu".into();
        let name = format!("hard-cong-van-{fixture}");
        let r = rendered(&name, &doc);
        let page = &r.pages[0];
        assert!(page.role(Role::KindName).is_empty(), "{name}: no type name");
        let summary = page.role(Role::Summary);
        assert!(
            summary[0].text.starts_with(&format!("{prefix}tổ chức")),
            "{name}: {:?}",
            summary[0].text
        );
        let words = poppler::words(&r.pdf);
        let chunks = poppler::chunks(&r.pdf);
        let number = must(&words, 1, &page.role(Role::Number)[0].text);
        for line in &summary {
            let f = must(&words, 1, &line.text);
            near(
                f.centre(),
                LEFT_CENTRE,
                TOL,
                &format!("{name}: trích yếu centred under the number"),
            );
            near(f.size, 12.0, 0.2, &format!("{name}: trích yếu 12 pt"));
            assert!(f.top > number.bottom, "{name}: under the number");
            assert_eq!(
                chunk(&chunks, 1, &line.text).italic,
                italic,
                "{name}: italic"
            );
        }
        assert!(page.role(Role::Number)[0]
            .text
            .contains(if prefix.is_empty() { "-CV/ĐU" } else { "/ĐU" }));
        assert_body_in_order(&r, &name);
    }
}

#[test]
fn characters_the_font_lacks_are_an_error_not_a_box() {
    let mut doc = fixtures::load("002-party");
    doc.signature.name = "Nguyễn Văn Hiếu 😀".into();
    let err = render(&doc, &RenderOptions::default()).unwrap_err();
    match &err {
        PdfError::MissingGlyph { ch, field, .. } => {
            assert_eq!(*ch, '😀');
            assert_eq!(field, "signature.name");
        }
        other => panic!("{other:?}"),
    }
    assert!(err.message_vi().contains("signature.name") && err.message_vi().contains('😀'));

    let mut doc = fixtures::load("002-party");
    doc.kind = None;
    assert!(matches!(
        render(&doc, &RenderOptions::default()),
        Err(PdfError::Incomplete { .. })
    ));
    let mut doc = fixtures::load("002-state");
    doc.kind = Some(Kind::KetLuan);
    let err = render(&doc, &RenderOptions::default()).unwrap_err();
    assert!(matches!(err, PdfError::KindNotInFormat { .. }), "{err:?}");
}

#[test]
fn same_document_same_bytes_fonts_subset_and_embedded() {
    let doc = fixtures::load("002-party");
    let options = RenderOptions::default();
    let a = render(&doc, &options).unwrap();
    let b = render(&doc, &options).unwrap();
    assert!(a == b, "two renders of one document differ");
    assert!(a.len() <= 60 * 1024, "002 is {} bytes, over 60 KB", a.len());
    let path = poppler::save(&a, "determinism");
    let fonts = poppler::fonts(&path);
    assert_eq!(fonts.len(), 3, "regular, bold, italic used: {fonts:?}");
    for (name, kind, emb, sub, uni) in &fonts {
        assert!(
            *emb && *sub && *uni,
            "{name}: embedded {emb}, subset {sub}, unicode {uni}"
        );
        assert!(kind.contains("TrueType"), "{name}: {kind}");
        let (tag, ps) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(
            ps.starts_with("LiberationSerif") || ps.starts_with("TimesNewRoman"),
            "{name}"
        );
    }
    let info = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           3"), "{info}");
    assert!(
        info.contains("2024"),
        "creation date from the document: {info}"
    );
}

#[test]
fn profile_settings_change_the_output() {
    let doc = fixtures::load("002-party");
    let mut options = RenderOptions::default();
    options.party.end_mark = ".".into();
    options.party.margin_left = vanthu_pdf::Mm(35.0);
    options.party.signature_space = vanthu_pdf::Mm(25.0);
    let pages = layout(&doc, &options).unwrap();
    let body: Vec<_> = pages.iter().flat_map(|p| p.role(Role::Body)).collect();
    assert!(
        body.last().unwrap().text.ends_with("hội nghị."),
        "{:?}",
        body.last().unwrap().text
    );
    assert!(body.iter().all(|r| r.x.0 >= 35.0 - 1e-3));
    let last = pages.last().unwrap();
    let pos = last.role(Role::Position)[0].baseline;
    let name = last.role(Role::Signer)[0].baseline;
    near(
        (name - pos).0,
        25.0,
        0.01,
        "signature space from the profile",
    );
}
