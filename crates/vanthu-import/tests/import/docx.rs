//! `.docx` files as clerks make them in Word: the header and the closing as borderless
//! two-column tables, Word's own numbering and bullets, bold, italic and underlined runs, text
//! boxes, runs in the old `.VnTime`/`.VnTimeH` fonts — and hostile files that must be refused
//! quickly.
//!
//! The files are built here part by part (the XML Word writes, reduced to what matters), so
//! each test shows the structure it is about.

use std::io::Write;

use vanthu_import::docx::{self, DocxProblem};
use vanthu_import::legacy::{self, LegacyEncoding};
use vanthu_import::{import_file, ImportError};
use vanthu_model::{Conventions, Format, Kind, Status};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

/// A zip of `(name, content)` parts, deflated as Word does.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in parts {
            z.start_file(*name, opts).unwrap();
            z.write_all(content).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph of runs `(text, bold, italic)`.
fn p(runs: &[(&str, bool, bool)]) -> String {
    let runs: String = runs
        .iter()
        .map(|(t, b, i)| {
            let mut rpr = String::new();
            if *b {
                rpr.push_str("<w:b/>");
            }
            if *i {
                rpr.push_str("<w:i/>");
            }
            format!(
                r#"<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                esc(t)
            )
        })
        .collect();
    format!("<w:p>{runs}</w:p>")
}

fn plain(t: &str) -> String {
    p(&[(t, false, false)])
}

/// A paragraph of Word list `num` at level `ilvl`.
fn listed(num: u32, ilvl: u32, t: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        esc(t)
    )
}

/// A borderless table of one row and two cells.
fn two_cells(left: &[String], right: &[String]) -> String {
    format!(
        "<w:tbl><w:tblPr><w:tblBorders/></w:tblPr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        left.concat(),
        right.concat()
    )
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// `1.` decimal lists (num 1), `a)` letters (num 2), `-`/`+` bullets (num 3).
const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

pub fn docx(body: &str) -> Vec<u8> {
    let doc = document(body);
    zip_parts(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", doc.as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ])
}

/// A Party plan laid out as a clerk does in Word. Its wording is made up for the test.
fn party_plan() -> String {
    let header = two_cells(
        &[
            plain("ĐẢNG BỘ TỈNH THỬ NGHIỆM"),
            p(&[("ĐẢNG ỦY XÃ THỬ NGHIỆM", true, false)]),
            plain("*"),
            plain("Số 07-KH/ĐU"),
        ],
        &[
            p(&[("ĐẢNG CỘNG SẢN VIỆT NAM", true, false)]),
            p(&[("Xã Thử Nghiệm, ngày 02 tháng 3 năm 2026", false, true)]),
        ],
    );
    let closing = two_cells(
        &[
            p(&[("Nơi nhận:", false, false)]),
            plain("- Ban Thường vụ Huyện ủy (để b/c),"),
            plain("- Các chi bộ trực thuộc,"),
            plain("- Lưu Văn phòng Đảng ủy."),
        ],
        &[
            p(&[("T/M ĐẢNG ỦY", true, false)]),
            plain("BÍ THƯ"),
            plain(""),
            p(&[("Trần Văn Thử", true, false)]),
        ],
    );
    [
        header,
        p(&[("KẾ HOẠCH", true, false)]),
        p(&[("Tổ chức đợt sinh hoạt chính trị thử nghiệm", true, false)]),
        plain("-----"),
        p(&[
            ("Đảng ủy xây dựng kế hoạch ", false, false),
            ("trước ngày 31/3/2026", true, false),
            (" như sau:", false, false),
        ]),
        p(&[("I. MỤC ĐÍCH, YÊU CẦU", true, false)]),
        listed(1, 0, "Mục đích"),
        listed(3, 0, "Các chi bộ thực hiện nghiêm túc."),
        listed(3, 1, "Báo cáo kết quả về Văn phòng."),
        listed(1, 0, "Yêu cầu"),
        listed(2, 0, "Đúng thời gian."),
        listed(2, 0, "Đủ thành phần."),
        plain("Văn phòng Đảng ủy theo dõi, đôn đốc thực hiện./."),
        closing,
    ]
    .concat()
}

#[test]
fn a_party_plan_laid_out_in_word_tables_imports_every_field() {
    let imported = import_file(&docx(&party_plan()), &Conventions::default())
        .unwrap_or_else(|e| panic!("refused: {}", e.message_vi()));
    let d = &imported.document;
    assert_eq!(d.format, Format::Party);
    assert_eq!(d.kind, Some(Kind::KeHoach));
    assert_eq!(
        d.status,
        Status::Issued,
        "a numbered file is a historical record"
    );
    assert_eq!(d.number, Some(7));
    assert_eq!(d.issuer.parent, "ĐẢNG BỘ TỈNH THỬ NGHIỆM");
    assert_eq!(d.issuer.name, "ĐẢNG ỦY XÃ THỬ NGHIỆM");
    assert_eq!(d.issuer.code, "ĐU");
    assert_eq!(d.place, "Xã Thử Nghiệm");
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2026-03-02"));
    assert_eq!(d.title, "Tổ chức đợt sinh hoạt chính trị thử nghiệm");
    assert_eq!(d.signature.authority, "T/M ĐẢNG ỦY");
    assert_eq!(d.signature.position, "BÍ THƯ");
    assert_eq!(d.signature.name, "Trần Văn Thử");
    assert_eq!(d.recipients.len(), 2, "{:?}", d.recipients);
    assert_eq!(d.recipients[0].name, "Ban Thường vụ Huyện ủy");
    assert_eq!(d.recipients[0].note, "để b/c");
    assert_eq!(d.archive, "Lưu Văn phòng Đảng ủy");
    // Word's numbering and bullets are written out as the body markup reads them; a mixed
    // paragraph keeps its bold run; a heading's bold is the layout's, not the text's.
    let body = &d.body;
    for expected in [
        "Đảng ủy xây dựng kế hoạch **trước ngày 31/3/2026** như sau:",
        "\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n",
        "\n\n1. Mục đích\n\n",
        "\n\n- Các chi bộ thực hiện nghiêm túc.\n\n",
        "\n\n+ Báo cáo kết quả về Văn phòng.\n\n",
        "\n\n2. Yêu cầu\n\n",
        "\n\na) Đúng thời gian.\n\n",
        "\n\nb) Đủ thành phần.\n\n",
    ] {
        assert!(body.contains(expected), "missing {expected:?} in:\n{body}");
    }
    assert!(!body.contains("**I."), "{body}");
}

/// A paragraph of runs `(text, run properties as Word writes them)`.
fn styled(runs: &[(&str, &str)]) -> String {
    let runs: String = runs
        .iter()
        .map(|(t, rpr)| {
            format!(
                r#"<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                esc(t)
            )
        })
        .collect();
    format!("<w:p>{runs}</w:p>")
}

#[test]
fn underlined_runs_become_the_underline_mark_and_a_paragraph_underlined_whole_stays_plain() {
    let last = plain("Văn phòng Đảng ủy theo dõi, đôn đốc thực hiện./.");
    let extra = [
        styled(&[
            ("Đề nghị ", ""),
            ("các chi bộ", r#"<w:u w:val="single"/>"#),
            (" và ", ""),
            ("Văn phòng ", r#"<w:b/><w:u w:val="double"/>"#),
            ("Đảng ủy", r#"<w:u w:val="words"/>"#),
            (" báo cáo; ", ""),
            ("không gạch", r#"<w:u w:val="none"/>"#),
            (" ở đây.", ""),
        ]),
        styled(&[("Lưu ý chung", r#"<w:u w:val="single"/>"#)]),
    ]
    .concat();
    let xml = party_plan().replace(&last, &format!("{extra}{last}"));
    let imported = import_file(&docx(&xml), &Conventions::default())
        .unwrap_or_else(|e| panic!("refused: {}", e.message_vi()));
    let body = &imported.document.body;
    assert!(
        body.contains(
            "Đề nghị __các chi bộ__ và __**Văn phòng** Đảng ủy__ báo cáo; không gạch ở đây."
        ),
        "the underlined words are marked, `none` is not an underline:\n{body}"
    );
    assert!(
        body.contains("\n\nLưu ý chung\n\n"),
        "a paragraph underlined whole is a label, not a mark:\n{body}"
    );
    assert_eq!(
        imported.document.recipients.len(),
        2,
        "the closing is read as before"
    );
}

#[test]
fn a_text_box_is_read_once_where_it_stands() {
    // Word writes a text box twice: the drawing (mc:Choice) and a VML fallback copy.
    let boxed = |inner: &str| {
        format!(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{inner}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        )
    };
    let body = [
        boxed(
            &[
                plain("ĐẢNG BỘ TỈNH THỬ NGHIỆM"),
                plain("ĐẢNG ỦY XÃ THỬ NGHIỆM"),
                plain("*"),
                plain("Số 03-BC/ĐU"),
            ]
            .concat(),
        ),
        boxed(
            &[
                plain("ĐẢNG CỘNG SẢN VIỆT NAM"),
                plain("Xã Thử Nghiệm, ngày 15 tháng 01 năm 2026"),
            ]
            .concat(),
        ),
        plain("BÁO CÁO"),
        plain("Kết quả thực hiện nhiệm vụ quý IV năm 2025"),
        plain("Nội dung báo cáo."),
    ]
    .concat();
    let read = docx::read(&docx(&body)).unwrap();
    assert_eq!(
        read.text.matches("ĐẢNG CỘNG SẢN VIỆT NAM").count(),
        1,
        "{}",
        read.text
    );
    let d = import_file(&docx(&body), &Conventions::default())
        .unwrap()
        .document;
    assert_eq!((d.kind, d.number), (Some(Kind::BaoCao), Some(3)));
    assert_eq!(d.issuer.name, "ĐẢNG ỦY XÃ THỬ NGHIỆM");
    assert_eq!(d.title, "Kết quả thực hiện nhiệm vụ quý IV năm 2025");
}

#[test]
fn runs_in_vntime_and_vntimeh_read_as_unicode() {
    // The typist's habit: `.VnTimeH` for a capital with a tone mark inside a `.VnTime` word.
    let run = |text: &str, font: &str| {
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(text)
        )
    };
    let legacy_runs = |text: &str| -> String {
        legacy::runs_from_unicode(text, LegacyEncoding::Tcvn3)
            .expect("encodable")
            .into_iter()
            .map(|(t, capitals)| run(&t, if capitals { ".VnTimeH" } else { ".VnTime" }))
            .collect()
    };
    let para = |text: &str| format!("<w:p>{}</w:p>", legacy_runs(text));
    let body = [
        para("HUYỆN ỦY THỬ NGHIỆM"),
        para("Ủy ban kiểm tra"),
        para("Số 12-TB/HU"),
        para("THÔNG BÁO"),
        para("Ý kiến của Thường trực Huyện ủy về công tác lưu trữ"),
        para("Thường trực Huyện ủy có ý kiến như sau."),
    ]
    .concat();
    let text = docx::read(&docx(&body)).unwrap().text;
    assert!(text.contains("HUYỆN ỦY THỬ NGHIỆM"), "{text}");
    assert!(text.contains("Ủy ban kiểm tra"), "{text}");
    assert!(text.contains("Ý kiến của Thường trực Huyện ủy"), "{text}");
}

#[test]
fn hostile_files_are_refused_with_their_problem() {
    let c = Conventions::default();
    let refused = |bytes: &[u8]| -> DocxProblem {
        match import_file(bytes, &c) {
            Err(ImportError::Docx(p)) => p,
            other => panic!("not refused as a .docx: {other:?}"),
        }
    };
    // Random bytes behind a zip signature.
    let mut random = b"PK\x03\x04".to_vec();
    random.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(matches!(refused(&random), DocxProblem::NotZip(_)));
    // A zip that is not a Word document.
    let other = zip_parts(&[("hello.txt", b"xin chao")]);
    assert_eq!(refused(&other), DocxProblem::NoDocument);
    assert!(refused(&other).message_vi().contains("word/document.xml"));
    // Billion laughs: a document type declaring entities.
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let bomb = zip_parts(&[("word/document.xml", laughs.as_bytes())]);
    assert!(matches!(refused(&bomb), DocxProblem::Doctype { .. }));
    // Broken XML.
    let broken = zip_parts(&[("word/document.xml", b"<w:document><w:body><w:p>")]);
    let p = refused(&broken);
    assert!(p.message_vi().contains("bị hỏng"), "{p:?}");
}

#[test]
fn a_zip_bomb_stops_at_the_size_cap() {
    // 40 MB of one repeated paragraph compress to well under 1 MB; the reader stops at its
    // cap without unpacking the rest.
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(br#"<w:document xmlns:w="x"><w:body>"#).unwrap();
        let chunk = "<w:p><w:r><w:t>lol</w:t></w:r></w:p>".repeat(30_000);
        for _ in 0..40 {
            z.write_all(chunk.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    let bytes = out.into_inner();
    assert!(
        bytes.len() < 2 * 1024 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    match import_file(&bytes, &Conventions::default()) {
        Err(ImportError::Docx(DocxProblem::TooLarge { part, .. })) => {
            assert_eq!(part, "word/document.xml")
        }
        other => panic!("a bomb must be refused for its size: {other:?}"),
    }
}

/// The corpus plans typed in Word with the old fonts: every line a paragraph of `.VnTime`
/// runs, with `.VnTimeH` wherever a capital needs it — as a typist of the 2000s made them.
#[test]
fn the_corpus_plans_typed_in_vntime_import_as_their_unicode_text() {
    let run = |text: &str, font: &str| {
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(text)
        )
    };
    for name in [
        "001-ke-hoach-dang-uy-so-vhttdl.txt",
        "002-ke-hoach-82-kh-du.txt",
        "003-ke-hoach-truong-chinh-tri.txt",
    ] {
        let path = format!(
            "{}/../../tests/fixtures/corpus/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let body: String = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let runs: String = legacy::runs_from_unicode(line, LegacyEncoding::Tcvn3)
                    .unwrap_or_else(|| panic!("{name}: TCVN3 cannot carry {line:?}"))
                    .into_iter()
                    .map(|(t, capitals)| run(&t, if capitals { ".VnTimeH" } else { ".VnTime" }))
                    .collect();
                format!("<w:p>{runs}</w:p>")
            })
            .collect();
        let from_word = import_file(&docx(&body), &Conventions::default())
            .unwrap_or_else(|e| panic!("{name}: {}", e.message_vi()))
            .document;
        let from_text = import_file(text.as_bytes(), &Conventions::default())
            .unwrap()
            .document;
        assert_eq!(
            from_word, from_text,
            "{name}: the .VnTime Word file reads as its Unicode text"
        );
    }
}
