//! The package as a reader sees it: every part is well-formed XML, what a clerk typed is
//! escaped, the structure the .docx importer relies on is there, and the same document gives
//! the same bytes.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use vanthu_docx::write_docx;
use vanthu_model::Format;
use vanthu_pdf::RenderOptions;

use crate::corpus;

fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip file");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().expect("a part name").into_owned();
            let mut text = String::new();
            file.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
            (name, text)
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("the package has no {name}"))
        .1
}

/// Parses `xml` to its end; returns the text of every `w:t` element, joined.
fn parse(name: &str, xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0i32;
    let mut in_t = false;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                in_t = e.name().as_ref() == "w:t";
            }
            Ok(Event::End(_)) => {
                depth -= 1;
                in_t = false;
            }
            Ok(Event::Text(t)) if in_t => {
                text.push_str(&t.xml10_content());
            }
            Ok(Event::GeneralRef(r)) if in_t => {
                text.push_str(match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("{name}: unexpected entity &{other};"),
                });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{name} is not well-formed XML at byte {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: elements left open");
    text
}

#[test]
fn every_part_is_well_formed_xml() {
    let options = RenderOptions::default();
    for (name, doc) in corpus::all() {
        let bytes = write_docx(&doc, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (part, xml) in parts(&bytes) {
            parse(&format!("{name}: {part}"), &xml);
        }
    }
}

#[test]
fn what_the_clerk_typed_is_escaped_and_read_back_as_typed() {
    let mut doc = corpus::plan(corpus::PLANS[1], Format::Party);
    doc.title = "về việc A < B & \"C\" 'D' > E".into();
    doc.body = "Nội dung <b>không</b> phải thẻ & ký hiệu \"trích\" 'dẫn'.".into();
    doc.signature.name = "Trần <Văn> & Bình".into();
    let bytes = write_docx(&doc, &RenderOptions::default()).expect("export");
    let text = parse("document.xml", &part(&bytes, "word/document.xml"));
    for typed in [
        "về việc A < B & \"C\" 'D' > E",
        "Nội dung <b>không</b> phải thẻ & ký hiệu \"trích\" 'dẫn'./.",
        "Trần <Văn> & Bình",
    ] {
        assert!(
            text.contains(typed),
            "Word would show something else than {typed:?}; the document reads {text:?}"
        );
    }
    let core = part(&bytes, "docProps/core.xml");
    parse("core.xml", &core);
    assert!(core.contains("A &lt; B &amp; &quot;C&quot;"), "{core}");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = corpus::plan(corpus::PLANS[1], Format::State);
    let options = RenderOptions::default();
    let a = write_docx(&doc, &options).unwrap();
    let b = write_docx(&doc, &options).unwrap();
    assert!(a == b, "two exports of one document differ");
}

#[test]
fn the_structure_a_reader_relies_on() {
    let options = RenderOptions::default();
    for format in Format::ALL {
        let doc = corpus::plan(corpus::PLANS[1], format);
        let bytes = write_docx(&doc, &options).unwrap();
        let xml = part(&bytes, "word/document.xml");
        // The header and the closing: two tables of two columns each.
        assert_eq!(xml.matches("<w:tbl>").count(), 2, "{format:?}: two tables");
        assert_eq!(
            xml.matches("<w:gridCol ").count(),
            4,
            "{format:?}: two columns each"
        );
        assert!(
            xml.contains("<w:cantSplit/>"),
            "the closing row must not split"
        );
        // A4, the profile's margins (20/20/30/15 mm), numbers from page 2 at 10 mm.
        assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
        assert!(
            xml.contains(
                "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" \
                 w:header=\"567\""
            ),
            "margins"
        );
        assert!(xml.contains("<w:titlePg/>"), "page 1 has no number");
        // The body: exact 18 pt lines, 6 pt after, 10 mm first-line indent, justified.
        assert!(
            xml.contains("<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"360\" w:lineRule=\"exact\"/><w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"567\"/><w:jc w:val=\"both\"/>"),
            "{format:?}: the body paragraphs' spacing"
        );
        let header = part(&bytes, "word/header1.xml");
        assert!(
            header.contains("w:instr=\" PAGE \""),
            "the page number field"
        );
        let custom = part(&bytes, "docProps/custom.xml");
        assert!(
            custom.contains(&format!(
                "name=\"VanThuFormat\"><vt:lpwstr>{}</vt:lpwstr>",
                format.key()
            )),
            "{custom}"
        );
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains("w:ascii=\"Times New Roman\""));
        assert!(styles.contains("<w:lang w:val=\"vi-VN\""));
    }
}

#[test]
fn a_document_the_pdf_cannot_lay_out_is_refused_with_the_same_message() {
    let mut doc = corpus::plan(corpus::PLANS[1], Format::Party);
    doc.kind = None;
    let err = write_docx(&doc, &RenderOptions::default()).expect_err("no type, no layout");
    assert!(
        err.message_vi().contains("loại văn bản"),
        "the clerk is not told the type is missing: {}",
        err.message_vi()
    );
}

#[test]
fn an_underlined_phrase_is_a_run_with_a_single_underline() {
    let mut doc = corpus::plan(corpus::PLANS[1], Format::Party);
    doc.body = "Đề nghị __các chi bộ__ và __**Văn phòng** Đảng ủy__ báo cáo.".into();
    let bytes = write_docx(&doc, &RenderOptions::default()).expect("export");
    let xml = part(&bytes, "word/document.xml");
    let run = |rpr: &str, text: &str| {
        format!("<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    };
    let size = "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>";
    let underline = "<w:u w:val=\"single\"/>";
    for want in [
        run(size, "Đề nghị "),
        run(&format!("{size}{underline}"), "các chi bộ"),
        run(size, " và "),
        run(&format!("<w:b/><w:bCs/>{size}{underline}"), "Văn phòng"),
        run(&format!("{size}{underline}"), " Đảng ủy"),
        run(size, " báo cáo./."),
    ] {
        assert!(
            xml.contains(&want),
            "Word would not underline the body as marked: no {want:?} in the document"
        );
    }
}
