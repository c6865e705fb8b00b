//! Word out and back in: a document exported as `.docx` and imported again gives the same
//! fields and body — the three corpus plans, in both layouts.

use vanthu_model::{Conventions, Document, Format};

use crate::corpus;

fn imported(bytes: &[u8]) -> Document {
    vanthu_import::import_file(bytes, &Conventions::default())
        .unwrap_or_else(|e| panic!("refused: {}", e.message_vi()))
        .document
}

#[test]
fn the_corpus_plans_come_back_from_word_unchanged() {
    for name in [
        "001-ke-hoach-dang-uy-so-vhttdl.txt",
        "002-ke-hoach-82-kh-du.txt",
        "003-ke-hoach-truong-chinh-tri.txt",
    ] {
        let original = imported(&std::fs::read(corpus(name)).unwrap());
        for format in [Format::Party, Format::State] {
            let mut doc = original.clone();
            doc.format = format;
            let docx = vanthu_docx::write_docx(&doc, &Default::default())
                .unwrap_or_else(|e| panic!("{name}: {}", e.message_vi()));
            let back = imported(&docx);
            let fields = |d: &Document| {
                (
                    d.format,
                    d.kind,
                    d.number,
                    d.issuer.clone(),
                    d.place.clone(),
                    d.date,
                    d.title.clone(),
                    d.recipients.clone(),
                    d.archive.clone(),
                    d.signature.clone(),
                )
            };
            assert_eq!(
                fields(&back),
                fields(&doc),
                "{name} as {format:?}: the fields"
            );
            // The Word copy shows the end mark the PDF prints (`./.`); it is layout, not text,
            // so a body read back with it prints the same as one stored without.
            let printed = |body: &str| vanthu_model::markup::with_end_mark(body, "./.");
            assert_eq!(
                printed(&back.body),
                printed(&doc.body),
                "{name} as {format:?}: the body"
            );
        }
    }
}

#[test]
fn an_underlined_phrase_comes_back_from_word_underlined() {
    let original = imported(&std::fs::read(corpus("002-ke-hoach-82-kh-du.txt")).unwrap());
    let marked = "Đề nghị __các chi bộ__ và __**Văn phòng** Đảng ủy__ báo cáo trước ngày 31/5.";
    for format in [Format::Party, Format::State] {
        let mut doc = original.clone();
        doc.format = format;
        doc.body = format!("{marked}\n\n{}", doc.body);
        let docx = vanthu_docx::write_docx(&doc, &Default::default())
            .unwrap_or_else(|e| panic!("{format:?}: {}", e.message_vi()));
        let back = imported(&docx);
        assert!(
            back.body.starts_with(&format!("{marked}\n\n")),
            "{format:?}: the underline is lost on the way through Word:\n{}",
            back.body
        );
        let printed = |body: &str| vanthu_model::markup::with_end_mark(body, "./.");
        assert_eq!(
            printed(&back.body),
            printed(&doc.body),
            "{format:?}: the body"
        );
    }
}
