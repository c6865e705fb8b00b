//! The register: which documents share a number series, and that a number is never given twice.

use vanthu_archive::{Archive, ArchiveError, IssuerProfile};
use vanthu_model::{date::parse_iso, Format, Kind, Secrecy, Status};

use crate::{dump, fresh, plan, record, stamp};

#[test]
fn party_numbers_run_per_type_within_a_term_and_restart_with_the_next() {
    let mut f = fresh();
    let profile = IssuerProfile {
        name: "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO".into(),
        code: "ĐU".into(),
        format: Format::Party,
        term_start: Some(parse_iso("2020-10-01").unwrap()),
        ..IssuerProfile::default()
    };
    f.archive.save_issuer_profile(&profile, &stamp()).unwrap();
    let mut issue = |kind: Kind, date: &str| {
        let mut doc = plan("Kế hoạch", date);
        doc.kind = Some(kind);
        let id = f.archive.create(&doc, &stamp()).unwrap();
        f.archive.issue(id, &stamp()).unwrap().symbol
    };
    assert_eq!(issue(Kind::KeHoach, "2024-03-15"), "01-KH/ĐU");
    assert_eq!(
        issue(Kind::BaoCao, "2024-03-16"),
        "01-BC/ĐU",
        "each type has its own series"
    );
    assert_eq!(
        issue(Kind::KeHoach, "2025-01-02"),
        "02-KH/ĐU",
        "a new calendar year does not restart a Party series"
    );
    assert_eq!(
        issue(Kind::KeHoach, "2025-10-01"),
        "01-KH/ĐU",
        "a new committee term restarts it"
    );
    assert_eq!(issue(Kind::KeHoach, "2025-11-01"), "02-KH/ĐU");
}

#[test]
fn party_secret_documents_share_the_series() {
    let mut f = fresh();
    let a = f
        .archive
        .create(&plan("A", "2024-03-15"), &stamp())
        .unwrap();
    let mut secret = plan("B", "2024-03-16");
    secret.secrecy = Some(Secrecy::Mat);
    let b = f.archive.create(&secret, &stamp()).unwrap();
    assert_eq!(f.archive.issue(a, &stamp()).unwrap().number, 1);
    assert_eq!(f.archive.issue(b, &stamp()).unwrap().number, 2);
}

#[test]
fn state_numbers_run_per_year_across_types_and_secret_ones_apart() {
    let mut f = fresh();
    let mut issue = |kind: Kind, date: &str, code: &str, secret: bool| {
        let mut doc = plan("Kế hoạch", date);
        doc.format = Format::State;
        doc.kind = Some(kind);
        doc.issuer.code = code.into();
        doc.signature.authority = "TM. ỦY BAN NHÂN DÂN".into();
        doc.secrecy = secret.then_some(Secrecy::Mat);
        let id = f.archive.create(&doc, &stamp()).unwrap();
        f.archive.issue(id, &stamp()).unwrap().symbol
    };
    assert_eq!(
        issue(Kind::KeHoach, "2024-07-01", "UBND", false),
        "01/KH-UBND"
    );
    assert_eq!(
        issue(Kind::QuyetDinh, "2024-07-02", "UBND", false),
        "02/QĐ-UBND",
        "one series across types"
    );
    assert_eq!(
        issue(Kind::CongVan, "2024-07-03", "UBND-VP", false),
        "03/UBND-VP",
        "công văn shares it"
    );
    assert_eq!(
        issue(Kind::KeHoach, "2024-07-04", "UBND", true),
        "01/KH-UBND",
        "secret documents have their own"
    );
    assert_eq!(
        issue(Kind::KeHoach, "2025-01-01", "UBND", false),
        "01/KH-UBND",
        "1 January restarts"
    );
}

#[test]
fn a_historical_number_is_recorded_and_the_series_continues_after_it() {
    let mut f = fresh();
    let mut old = record(
        "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu",
        "2024-03-15",
        82,
    );
    old.date = None; // the scan had no readable date
    let old_id = f.archive.create(&old, &stamp()).unwrap();
    let stored = f.archive.get(old_id).unwrap();
    assert_eq!(stored.status, Status::Issued);
    assert_eq!(stored.symbol.as_deref(), Some("82-KH/ĐU"));

    let id = f.draft("Kế hoạch mới", "2025-02-05");
    assert_eq!(
        f.archive.next_number(id, &stamp()).unwrap().symbol,
        "83-KH/ĐU",
        "the confirmation shows the number to be taken"
    );
    assert_eq!(f.archive.issue(id, &stamp()).unwrap().symbol, "83-KH/ĐU");
}

#[test]
fn a_duplicate_historical_number_is_refused_and_changes_nothing() {
    let mut f = fresh();
    let old = record("Kế hoạch cũ", "2024-03-15", 82);
    f.archive.create(&old, &stamp()).unwrap();
    let before = dump(&f.path);
    let err = f.archive.create(&old, &stamp()).unwrap_err();
    assert!(
        matches!(err, ArchiveError::DuplicateNumber { .. }),
        "{err:?}"
    );
    assert!(
        err.message_vi().contains("82-KH/ĐU"),
        "{}",
        err.message_vi()
    );
    assert_eq!(dump(&f.path), before);
}

#[test]
fn a_failed_batch_leaves_nothing_behind() {
    let mut f = fresh();
    let before = dump(&f.path);
    let mut bad = plan("B", "2024-01-01");
    bad.title = "a\u{7}".into();
    let err = f
        .archive
        .create_all(&[plan("A", "2024-01-01"), bad], &stamp())
        .unwrap_err();
    assert!(matches!(err, ArchiveError::Invalid(_)), "{err:?}");
    assert_eq!(dump(&f.path), before);
}

#[test]
fn issuing_needs_a_complete_document_and_says_what_is_missing() {
    let mut f = fresh();
    let mut doc = plan("Kế hoạch", "2024-03-15");
    doc.signature.name.clear();
    doc.place.clear();
    let id = f.archive.create(&doc, &stamp()).unwrap();
    let before = dump(&f.path);
    let err = f.archive.issue(id, &stamp()).unwrap_err();
    let ArchiveError::Invalid(problems) = &err else {
        panic!("{err:?}")
    };
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["place", "signature.name"]);
    assert!(
        err.message_vi().contains("họ tên người ký"),
        "{}",
        err.message_vi()
    );
    assert_eq!(dump(&f.path), before);
}

#[test]
fn sixteen_connections_issuing_at_once_get_sixteen_numbers() {
    let f = fresh();
    let path = f.path.clone();
    let ids: Vec<i64> = {
        let mut a = Archive::open(&path).unwrap();
        (0..16)
            .map(|i| {
                a.create(&plan(&format!("Kế hoạch {i}"), "2024-05-01"), &stamp())
                    .unwrap()
            })
            .collect()
    };
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let path = path.clone();
            std::thread::spawn(move || {
                Archive::open(&path)
                    .unwrap()
                    .issue(id, &stamp())
                    .unwrap()
                    .number
            })
        })
        .collect();
    let mut numbers: Vec<u32> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
}
