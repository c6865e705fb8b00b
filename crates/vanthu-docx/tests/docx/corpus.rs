//! The three corpus plans (tests/fixtures/corpus at the repository root), imported as a
//! clerk's text files are, completed with the header fields their text lacks, in both formats.

use std::path::PathBuf;

use chrono::NaiveDate;
use vanthu_model::{Conventions, Document, Format, Kind, Secrecy, Status, Urgency};

pub const PLANS: [&str; 3] = [
    "001-ke-hoach-dang-uy-so-vhttdl",
    "002-ke-hoach-82-kh-du",
    "003-ke-hoach-truong-chinh-tri",
];

pub fn corpus_file(plan: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/corpus")
        .join(format!("{plan}.txt"))
}

/// The plan imported; what its text does not say (the header of a scan that lost it) is
/// filled in as the office would, the rest is the importer's.
pub fn plan(plan: &str, format: Format) -> Document {
    let bytes = std::fs::read(corpus_file(plan)).expect("the corpus plan is in the repository");
    let imported = vanthu_import::import_text(&bytes, &Conventions::default())
        .unwrap_or_else(|e| panic!("{plan}: {e}"));
    let mut doc = imported.document;
    let (parent, name, place, date, number) = match &plan[..3] {
        "001" => (
            "ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH",
            "ĐẢNG ỦY SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "Thái Nguyên",
            (2024, 5, 6),
            45,
        ),
        "002" => (
            "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
            "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO",
            "Thành phố Hồ Chí Minh",
            (2024, 3, 15),
            82,
        ),
        _ => (
            "ĐẢNG BỘ TỈNH KHÁNH HÒA",
            "ĐẢNG ỦY TRƯỜNG CHÍNH TRỊ TỈNH",
            "Khánh Hòa",
            (2025, 3, 10),
            56,
        ),
    };
    let fill = |field: &mut String, value: &str| {
        if field.trim().is_empty() {
            *field = value.to_owned();
        }
    };
    fill(&mut doc.issuer.parent, parent);
    fill(&mut doc.issuer.name, name);
    fill(&mut doc.issuer.code, "ĐU");
    fill(&mut doc.place, place);
    doc.date = doc
        .date
        .or_else(|| NaiveDate::from_ymd_opt(date.0, date.1, date.2));
    doc.number = doc.number.or(Some(number));
    doc.status = Status::Issued;
    doc.format = format;
    if format == Format::State {
        // The State's authority is written `TM.`, not `T/M`.
        doc.signature.authority = doc.signature.authority.replace("T/M ", "TM. ");
    }
    assert!(doc.kind.is_some(), "{plan}: the importer found no type");
    doc
}

/// Every plan in both formats, named `002-party` etc.
pub fn all() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for p in PLANS {
        for format in Format::ALL {
            out.push((format!("{}-{}", &p[..3], format.key()), plan(p, format)));
        }
    }
    out
}

/// Drafts with the marks and the công văn's header trích yếu: the header elements the plans
/// do not have (the blanks of the number and date, the draft marker, độ mật and độ khẩn, boxed
/// in State documents).
pub fn variants() -> Vec<(String, Document)> {
    let mut party = plan(PLANS[1], Format::Party);
    party.status = Status::Draft;
    party.number = None;
    party.urgency = Some(Urgency::HoaTocHenGio);
    party.secrecy = Some(Secrecy::Mat);
    let mut state = plan(PLANS[1], Format::State);
    state.status = Status::Draft;
    state.number = None;
    state.kind = Some(Kind::CongVan);
    state.issuer.code = "ĐU-VP".into();
    state.secrecy = Some(Secrecy::ToiMat);
    state.urgency = Some(Urgency::ThuongKhan);
    vec![
        ("002-party-draft".to_owned(), party),
        ("002-state-draft-cong-van".to_owned(), state),
    ]
}
