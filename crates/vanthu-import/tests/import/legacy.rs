//! Files from before Unicode: the corpus plans as a clerk's TCVN3 (ABC) and VNI text exports,
//! built at run time from the Unicode originals with the crate's own encoder.

use vanthu_import::legacy::{self, LegacyEncoding};
use vanthu_import::{import_text, import_text_with, ImportError, Imported};
use vanthu_model::Conventions;

use crate::warns;

const CORPUS: [&str; 3] = [
    "001-ke-hoach-dang-uy-so-vhttdl.txt",
    "002-ke-hoach-82-kh-du.txt",
    "003-ke-hoach-truong-chinh-tri.txt",
];

fn corpus_text(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The corpus plan as the bytes of a legacy text export.
fn legacy_file(name: &str, encoding: LegacyEncoding) -> Vec<u8> {
    legacy::encode_bytes(&corpus_text(name), encoding)
        .unwrap_or_else(|| panic!("{name} has a character {encoding:?} cannot carry"))
}

fn imported(bytes: &[u8], what: &str) -> Imported {
    import_text(bytes, &Conventions::default())
        .unwrap_or_else(|e| panic!("{what} was refused: {}", e.message_vi()))
}

/// The capitals TCVN3 writes with lower-case codes (all but Ă Â Ê Ô Ơ Ư Đ and A–Z).
fn tcvn3_loses_case(c: char) -> bool {
    c.is_uppercase() && !c.is_ascii() && !"ĂÂÊÔƠƯĐ".contains(c)
}

#[test]
fn vni_text_files_import_exactly_like_the_unicode_original() {
    for name in CORPUS {
        let unicode = imported(corpus_text(name).as_bytes(), name);
        let bytes = legacy_file(name, LegacyEncoding::Vni);
        assert_eq!(legacy::detect(&bytes), Some(LegacyEncoding::Vni), "{name}");
        let vni = imported(&bytes, name);
        assert_eq!(
            vni.document, unicode.document,
            "{name} in VNI imported differently"
        );
        assert!(
            warns(&vni, "bảng mã cũ VNI"),
            "{name}: the clerk is not told the file was converted"
        );
        assert_eq!(vni.warnings.len(), unicode.warnings.len() + 1, "{name}");
    }
}

#[test]
fn tcvn3_text_files_import_like_the_unicode_original() {
    for name in CORPUS {
        let unicode = imported(corpus_text(name).as_bytes(), name);
        let bytes = legacy_file(name, LegacyEncoding::Tcvn3);
        assert_eq!(
            legacy::detect(&bytes),
            Some(LegacyEncoding::Tcvn3),
            "{name}"
        );
        let tcvn3 = imported(&bytes, name);
        let (u, t) = (&unicode.document, &tcvn3.document);
        assert_eq!(
            (u.number, u.date, u.kind, u.format, u.status),
            (t.number, t.date, t.kind, t.format, t.status),
            "{name} in TCVN3: number, date, type or format differ"
        );
        // Every field alike, but for capitals a text file in TCVN3 cannot carry.
        let (want, got) = (format!("{u:#?}"), format!("{t:#?}"));
        assert_eq!(
            want.chars().count(),
            got.chars().count(),
            "{name} in TCVN3 imported differently:\n{got}"
        );
        let mut lost = Vec::new();
        for (i, (w, g)) in want.chars().zip(got.chars()).enumerate() {
            if w != g {
                assert!(
                    tcvn3_loses_case(w) && g.to_uppercase().eq([w]),
                    "{name} in TCVN3: “{w}” became “{g}” at {i}:\n{got}"
                );
                let at = got.char_indices().nth(i).map_or(0, |(b, _)| b);
                lost.push(
                    got[at.saturating_sub(20)..]
                        .chars()
                        .take(30)
                        .collect::<String>(),
                );
            }
        }
        // Only capitals inside a sentence (`các đ/c Ủy viên`) can be lost.
        assert!(lost.len() <= 3, "{name}: too many capitals lost: {lost:#?}");
        assert!(
            warns(&tcvn3, "bảng mã cũ TCVN3 (ABC)"),
            "{name}: the clerk is not told the file was converted"
        );
    }
}

#[test]
fn an_explicit_encoding_is_obeyed() {
    let bytes = legacy_file("002-ke-hoach-82-kh-du.txt", LegacyEncoding::Vni);
    let chosen = import_text_with(&bytes, &Conventions::default(), Some(LegacyEncoding::Vni))
        .expect("a VNI file read as VNI was refused");
    assert_eq!(chosen.document.number, Some(82));
    assert_eq!(
        chosen.document.title,
        "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu"
    );
    // The same bytes read as TCVN3 are mojibake, but the clerk asked for it.
    let wrong = import_text_with(&bytes, &Conventions::default(), Some(LegacyEncoding::Tcvn3))
        .expect("an explicit choice was refused");
    assert_ne!(wrong.document.title, chosen.document.title);
}

#[test]
fn bytes_that_are_neither_are_still_refused() {
    let bytes = b"\x81\x8d\x8f\x90\x9d random \x81\x9d bytes \x8f\x90";
    assert_eq!(
        import_text(bytes, &Conventions::default()).unwrap_err(),
        ImportError::NotText
    );
}
