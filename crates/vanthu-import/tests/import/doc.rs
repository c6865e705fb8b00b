//! Word 97–2003 files: LibreOffice's .doc of the corpus plans, a two-column header in a
//! table, a document typed in a legacy font, and damaged or locked files.

use std::io::{Cursor, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use vanthu_import::legacy::{self, LegacyEncoding};
use vanthu_import::{doc, import_file, import_text, ImportError, Imported};
use vanthu_model::{Conventions, Kind};

use crate::warns;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/doc/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn corpus_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/fixtures/corpus/{name}"))
}

fn import(bytes: &[u8], what: &str) -> Imported {
    import_file(bytes, &Conventions::default())
        .unwrap_or_else(|e| panic!("{what} was refused: {} ({e})", e.message_vi()))
}

fn refused(bytes: &[u8]) -> ImportError {
    match import_file(bytes, &Conventions::default()) {
        Ok(imp) => panic!("a broken file was accepted: {:?}", imp.document.title),
        Err(e) => e,
    }
}

fn text_import(name: &str) -> Imported {
    let bytes = std::fs::read(corpus_path(name)).unwrap();
    import_text(&bytes, &Conventions::default()).unwrap()
}

#[test]
fn a_doc_imports_like_the_text_it_was_made_from() {
    let imp = import(&fixture("002-ke-hoach-82-kh-du.doc"), "002 as .doc");
    let txt = text_import("002-ke-hoach-82-kh-du.txt");
    assert_eq!(
        imp.document, txt.document,
        "the .doc of plan 002 imported differently from its text"
    );
    assert_eq!(imp.document.number, Some(82));
}

#[test]
fn a_two_column_header_table_is_read_cell_by_cell() {
    let imp = import(&fixture("header-table.doc"), "the header table");
    let doc = &imp.document;
    let w = crate::listed(&imp);
    assert_eq!(doc.issuer.parent, "ĐẢNG BỘ TỈNH KHÁNH HÒA", "{w}");
    assert_eq!(doc.issuer.name, "ĐẢNG ỦY SỞ Y TẾ", "{w}");
    assert_eq!((doc.number, doc.issuer.code.as_str()), (Some(82), "ĐU"));
    assert_eq!(doc.place, "Khánh Hòa");
    assert_eq!(doc.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 15));
    assert_eq!(doc.kind, Some(Kind::KeHoach));
    assert_eq!(doc.title, "Tổ chức hội nghị sơ kết");
    assert_eq!(
        doc.body, "Nội dung kế hoạch, xem trang tin của Đảng ủy./.",
        "a hyperlink field must keep its shown text only"
    );
    assert_eq!(
        doc.recipients
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Ban Thường vụ Đảng ủy", "Các chi bộ"],
        "the signature column leaked into Nơi nhận: {w}"
    );
    assert_eq!(doc.signature.authority, "T/M BAN THƯỜNG VỤ");
    assert_eq!(doc.signature.position, "BÍ THƯ");
    assert_eq!(doc.signature.name, "Nguyễn Văn Hiếu");
}

#[test]
fn a_doc_typed_in_vntime_is_converted() {
    let imp = import(&fixture("002-tcvn3-vntime.doc"), "002 typed in .VnTime");
    let txt = text_import("002-ke-hoach-82-kh-du.txt");
    // The fonts say which letters are capitals (.VnTimeH): nothing is lost, unlike a text
    // export of the same document.
    assert_eq!(
        imp.document, txt.document,
        "plan 002 typed in .VnTime/.VnTimeH imported differently from its Unicode text"
    );
    assert!(
        warns(&imp, "TCVN3 (ABC)"),
        "the clerk is not told the .doc was converted"
    );
}

#[test]
fn unicode_text_in_a_legacy_font_is_left_alone() {
    // An old template's .VnTime on text typed in Unicode: á is not TCVN3's ỏ here.
    let html = "<html><head><meta charset=\"utf-8\"></head><body>\
        <p><span style=\"font-family:'.VnTime'\">Khánh Hòa, ngày 15 tháng 3 năm 2024</span></p>\
        </body></html>";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("template.html");
    std::fs::write(&path, html).unwrap();
    let Some(bytes) = soffice_doc(&path, dir.path(), None) else {
        eprintln!("soffice is not installed: skipped");
        return;
    };
    assert_eq!(
        doc::doc_text(&bytes).unwrap().trim(),
        "Khánh Hòa, ngày 15 tháng 3 năm 2024"
    );
}

/// The fixture with its `WordDocument` stream changed at `offset`.
fn with_word_bytes(offset: u64, bytes: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::open(Cursor::new(fixture("002-ke-hoach-82-kh-du.doc")))
        .expect("the fixture is a compound file");
    {
        let mut stream = file.open_stream("/WordDocument").unwrap();
        stream.seek(SeekFrom::Start(offset)).unwrap();
        stream.write_all(bytes).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn an_encrypted_doc_is_refused_by_name() {
    let plain = fixture("002-ke-hoach-82-kh-du.doc");
    let mut file = cfb::CompoundFile::open(Cursor::new(plain)).unwrap();
    let mut word = Vec::new();
    std::io::Read::read_to_end(&mut file.open_stream("/WordDocument").unwrap(), &mut word).unwrap();
    let flags = u16::from_le_bytes([word[0x0A], word[0x0B]]) | 0x0100;
    let locked = with_word_bytes(0x0A, &flags.to_le_bytes());
    let err = refused(&locked);
    assert_eq!(err, ImportError::Encrypted);
    assert!(
        err.message_vi().contains("mật khẩu"),
        "{}",
        err.message_vi()
    );
}

#[test]
fn an_old_word_version_is_named() {
    let old = with_word_bytes(2, &0x0065u16.to_le_bytes());
    let err = refused(&old);
    assert_eq!(err, ImportError::OldWord { n_fib: 0x0065 });
    assert!(err.message_vi().contains("Word 6.0/95"));
}

#[test]
fn damaged_docs_are_refused_without_panicking() {
    let good = fixture("002-ke-hoach-82-kh-du.doc");
    // Cut anywhere: refused (or, past the text, still read) — never a panic.
    for len in (0..good.len()).step_by(97) {
        let _ = import_file(&good[..len], &Conventions::default());
    }
    let err = refused(&good[..good.len() / 2]);
    assert!(
        matches!(err, ImportError::Damaged { .. }),
        "a half file gave {err:?}"
    );
    assert!(err.message_vi().contains("bị hỏng"), "{}", err.message_vi());
    // A text length and a piece table far beyond the file.
    for (offset, value) in [(0x4C, u32::MAX), (0x1A2, u32::MAX), (0x1A6, u32::MAX)] {
        let bad = with_word_bytes(offset, &value.to_le_bytes());
        assert!(
            matches!(refused(&bad), ImportError::Damaged { .. }),
            "FIB field at {offset:#x} set to {value:#x}"
        );
    }
    // The signature and then noise.
    let mut noise = doc::CFB_SIGNATURE.to_vec();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    assert!(matches!(refused(&noise), ImportError::Damaged { .. }));
}

#[test]
fn other_compound_files_are_named() {
    let mut xls = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    xls.create_stream("/Workbook")
        .unwrap()
        .write_all(b"x")
        .unwrap();
    xls.flush().unwrap();
    let err = refused(&xls.into_inner().into_inner());
    assert_eq!(err, ImportError::NotWord);
    assert!(err.message_vi().contains("Excel"));

    let mut locked = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    locked
        .create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(b"x")
        .unwrap();
    locked
        .create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(b"x")
        .unwrap();
    locked.flush().unwrap();
    assert_eq!(
        refused(&locked.into_inner().into_inner()),
        ImportError::Encrypted,
        "a password-protected .docx is a compound file too"
    );
}

/// Runs LibreOffice to convert `input` to .doc in `dir`; `None` when it is not installed.
fn soffice_doc(input: &Path, dir: &Path, infilter: Option<&str>) -> Option<Vec<u8>> {
    let mut cmd = Command::new("soffice");
    cmd.arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .arg("--convert-to")
        .arg("doc:MS Word 97")
        .arg("--outdir")
        .arg(dir);
    if let Some(filter) = infilter {
        cmd.arg(format!("--infilter={filter}"));
    }
    let status = cmd.arg(input).output().ok()?;
    assert!(status.status.success(), "soffice failed: {status:?}");
    let out = dir.join(input.with_extension("doc").file_name().unwrap());
    Some(std::fs::read(&out).unwrap_or_else(|e| panic!("no {}: {e}", out.display())))
}

/// An HTML page of the text, each line a paragraph, each run in the legacy font it needs.
fn legacy_html(text: &str, encoding: LegacyEncoding) -> String {
    let font = |caps: bool| match (encoding, caps) {
        (LegacyEncoding::Tcvn3, false) => ".VnTime",
        (LegacyEncoding::Tcvn3, true) => ".VnTimeH",
        (LegacyEncoding::Vni, _) => "VNI-Times",
    };
    let mut html = String::from("<html><head><meta charset=\"utf-8\"></head><body>\n");
    for line in text.lines() {
        html.push_str("<p>");
        for (run, caps) in legacy::runs_from_unicode(line, encoding).unwrap() {
            let run = run
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            html.push_str(&format!(
                "<span style=\"font-family:'{}'\">{run}</span>",
                font(caps)
            ));
        }
        html.push_str("</p>\n");
    }
    html.push_str("</body></html>\n");
    html
}

/// Every corpus plan through LibreOffice, as Unicode text and as a document typed in the
/// legacy fonts. Skipped where LibreOffice is not installed (the committed fixtures cover the
/// reader there). `VANTHU_KEEP_DOCS=<dir>` keeps the files, to refresh the fixtures.
#[test]
fn libreoffice_docs_of_the_corpus_import_like_the_text() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("soffice is not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "001-ke-hoach-dang-uy-so-vhttdl.txt",
        "002-ke-hoach-82-kh-du.txt",
        "003-ke-hoach-truong-chinh-tri.txt",
    ] {
        let txt = text_import(name);
        let bytes = soffice_doc(
            &corpus_path(name),
            dir.path(),
            Some("Text (encoded):UTF8,LF,,,"),
        )
        .unwrap();
        let imp = import(&bytes, name);
        let (d, t) = (&imp.document, &txt.document);
        assert_eq!(
            (d.number, d.date, &d.title),
            (t.number, t.date, &t.title),
            "{name} as .doc"
        );
        assert_eq!(d, t, "{name} as .doc imported differently");

        for encoding in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
            let text = std::fs::read_to_string(corpus_path(name)).unwrap();
            let stem = format!("{}-{encoding:?}", &name[..3]).to_lowercase();
            let html = dir.path().join(format!("{stem}.html"));
            std::fs::write(&html, legacy_html(&text, encoding)).unwrap();
            let bytes = soffice_doc(&html, dir.path(), None).unwrap();
            let imp = import(&bytes, &stem);
            assert_eq!(&imp.document, t, "{stem} imported differently");
            assert!(warns(&imp, encoding.name_vi()), "{stem}");
            if let Ok(keep) = std::env::var("VANTHU_KEEP_DOCS") {
                std::fs::write(Path::new(&keep).join(format!("{stem}.doc")), &bytes).unwrap();
            }
        }
    }
}
