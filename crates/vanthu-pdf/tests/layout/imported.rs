//! A plain-text file through the importer to the PDF. The importer and the PDF read the body
//! with one grammar (`vanthu_model::markup`), so every line the importer took for a heading is
//! set as a heading of its numbering's level, in the faces the profile gives that level; list
//! items hang; the Nơi nhận line prints as the file wrote it; and the end mark is the
//! profile's, whatever the file ended with.

use std::collections::BTreeMap;

use vanthu_model::{Conventions, Format, Kind};
use vanthu_pdf::{layout, Page, RenderOptions, Role, TextRun};

use crate::fixtures::rendered;
use crate::measure::near;
use crate::poppler;

/// A made-up plan whose body uses every heading and item form of the markup.
const SOURCE: &str = "\
ĐẢNG BỘ XÃ AN BÌNH\tĐẢNG CỘNG SẢN VIỆT NAM
CHI BỘ THÔN MỘT
*
Số 12-KH/CB\tAn Bình, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Tổ chức ngày hội đọc sách của chi bộ

Chi bộ xây dựng kế hoạch tổ chức ngày hội đọc sách như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao ý thức đọc
- Mỗi đảng viên chọn một cuốn sách để đọc trong tháng;
+ Ghi lại cảm nhận sau khi đọc xong;
1.1. Sách về lịch sử địa phương
1.2- Sách về khoa học kỹ thuật
a) Góc đọc tại nhà văn hóa thôn
II- TỔ CHỨC THỰC HIỆN
2- Thời gian và địa điểm
3) Kinh phí thực hiện
III.
ĐỀ XUẤT, KIẾN NGHỊ
Kinh phí do chi bộ tự cân đối./.

Nơi nhận:
- Đảng ủy xã (để b/c),
- Lưu chi bộ.
\tT/M CHI BỘ
\tBÍ THƯ

\tTrần Văn Bình
";

/// Every heading of [`SOURCE`] as printed, with the level its numbering form has
/// (`I.` `II-` 0; `1.` `2-` `3)` 1; `1.1.` `1.2-` 2; `a)` 3). `III.` stood alone on its line.
const HEADINGS: [(&str, usize); 9] = [
    ("I. MỤC ĐÍCH, YÊU CẦU", 0),
    ("II- TỔ CHỨC THỰC HIỆN", 0),
    ("III. ĐỀ XUẤT, KIẾN NGHỊ", 0),
    ("1. Nâng cao ý thức đọc", 1),
    ("2- Thời gian và địa điểm", 1),
    ("3) Kinh phí thực hiện", 1),
    ("1.1. Sách về lịch sử địa phương", 2),
    ("1.2- Sách về khoa học kỹ thuật", 2),
    ("a) Góc đọc tại nhà văn hóa thôn", 3),
];

fn imported() -> vanthu_model::Document {
    let imported = vanthu_import::import_str(SOURCE, &Conventions::default());
    let doc = imported.document;
    assert_eq!(
        (doc.format, doc.kind, doc.number),
        (Format::Party, Some(Kind::KeHoach), Some(12)),
        "the test file's header was not read: {:?}",
        imported.warnings
    );
    doc
}

/// The body's runs block by block, in reading order.
fn blocks(pages: &[Page]) -> BTreeMap<usize, Vec<&TextRun>> {
    let mut out: BTreeMap<usize, Vec<&TextRun>> = BTreeMap::new();
    for page in pages {
        for run in page.role(Role::Body) {
            out.entry(run.block.expect("body runs know their block"))
                .or_default()
                .push(run);
        }
    }
    out
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The runs of the block that prints `text`, an item's marker included (compared without
/// spaces: runs split at faces).
fn block_of<'a>(blocks: &'a BTreeMap<usize, Vec<&'a TextRun>>, text: &str) -> &'a [&'a TextRun] {
    blocks
        .values()
        .find(|runs| {
            squeeze(&runs.iter().map(|r| r.text.as_str()).collect::<String>()) == squeeze(text)
        })
        .unwrap_or_else(|| panic!("{text:?} is not printed as a block of its own"))
}

fn faces(bold: bool, italic: bool) -> String {
    match (bold, italic) {
        (false, false) => "regular",
        (true, false) => "bold",
        (false, true) => "italic",
        (true, true) => "bold italic",
    }
    .to_owned()
}

#[test]
fn imported_headings_print_in_their_level_s_faces() {
    let doc = imported();
    for format in [Format::Party, Format::State] {
        let mut doc = doc.clone();
        doc.format = format;
        let name = format!("imported-headings-{}", format.key());
        let r = rendered(&name, &doc);
        let profile = RenderOptions::default().profile(format).clone();
        let blocks = blocks(&r.pages);
        let chunks = poppler::chunks(&r.pdf);
        for (text, level) in HEADINGS {
            let want = profile.headings[level];
            for run in block_of(&blocks, text) {
                assert_eq!(
                    faces(run.style.face.is_bold(), run.style.face.is_italic()),
                    faces(want.bold, want.italic),
                    "{name}: heading {text:?} (level {level}) should be set as the profile's \
                     level {level}, but {:?} is not",
                    run.text
                );
            }
            // The PDF itself, read back by poppler.
            let chunk = chunks
                .iter()
                .find(|c| squeeze(&c.text).contains(&squeeze(text)))
                .unwrap_or_else(|| panic!("{name}: {text:?} is not printed in one piece"));
            assert_eq!(
                faces(chunk.bold, chunk.italic),
                faces(want.bold, want.italic),
                "{name}: heading {text:?} in the PDF"
            );
        }
        // A paragraph is not a heading; an item's text is not either.
        for text in [
            "Chi bộ xây dựng kế hoạch tổ chức ngày hội đọc sách như sau:",
            "- Mỗi đảng viên chọn một cuốn sách để đọc trong tháng;",
            "+ Ghi lại cảm nhận sau khi đọc xong;",
        ] {
            let runs = block_of(&blocks, text);
            assert!(
                runs.iter().all(|r| r.style.face == profile.body.face),
                "{name}: {text:?} should be set in the body's face"
            );
        }
    }
}

#[test]
fn imported_items_hang_by_depth() {
    let doc = imported();
    let r = rendered("imported-items", &doc);
    let profile = RenderOptions::default().party;
    let runs: Vec<&TextRun> = r.pages.iter().flat_map(|p| p.role(Role::Body)).collect();
    let marker = |m: &str| {
        runs.iter()
            .find(|r| r.text == m)
            .unwrap_or_else(|| panic!("no item marked {m:?}"))
    };
    let indent = profile.text_left() + profile.first_line_indent;
    near(
        marker("-").x.0,
        indent.0,
        0.01,
        "the `-` item's dash at the first-line indent",
    );
    near(
        marker("+").x.0,
        (indent + profile.item_hang).0,
        0.01,
        "the `+` item's mark one hanging indent further in",
    );
}

#[test]
fn the_recipient_line_and_the_end_mark_print_as_the_profile_says() {
    let doc = imported();
    assert_eq!(
        (
            doc.recipients[0].name.as_str(),
            doc.recipients[0].note.as_str()
        ),
        ("Đảng ủy xã", "để b/c")
    );
    for end_mark in ["./.", "."] {
        let mut options = RenderOptions::default();
        options.party.end_mark = end_mark.into();
        let pages = layout(&doc, &options).unwrap();
        let body: Vec<&TextRun> = pages.iter().flat_map(|p| p.role(Role::Body)).collect();
        let last = &body.last().unwrap().text;
        assert!(
            last.ends_with(&format!("cân đối{end_mark}")) && !last.ends_with(&format!(".{end_mark}")),
            "with the end mark {end_mark:?} the file's `./.` should print as {end_mark:?}: {last:?}"
        );
        let recipients: Vec<&str> = pages
            .iter()
            .flat_map(|p| p.role(Role::Recipient))
            .map(|r| r.text.as_str())
            .collect();
        assert!(
            recipients.contains(&"Đảng ủy xã (để b/c),"),
            "the Nơi nhận line as the file wrote it: {recipients:?}"
        );
    }
}
