//! Which PDF leaves the office: an issued document's stored copy, else a fresh render.

use crate::*;

#[test]
fn an_issued_document_prints_its_stored_copy() {
    let mut f = Fixture::new();
    let id = f.archive.create(&plan(), &stamp()).unwrap();
    let issued = vanthu_ops::issue(&mut f.archive, id, &stamp()).unwrap();
    assert_eq!(issued.symbol, "01-KH/ĐU");
    let doc = f.archive.get(id).unwrap();
    let stored = vanthu_ops::issued_copy(&f.archive, id)
        .unwrap()
        .expect("a printed copy");
    assert_eq!(vanthu_ops::printable_pdf(&f.archive, &doc).unwrap(), stored);
    let out = f.path("01-KH-ĐU.pdf");
    vanthu_ops::export_pdf(&mut f.archive, &doc, &out, &stamp()).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), stored);
    assert!(f
        .archive
        .audit_log(Some(id))
        .unwrap()
        .iter()
        .any(|e| e.detail.contains("01-KH-ĐU.pdf")));
}

#[test]
fn file_names_are_safe_on_windows() {
    let mut doc = plan();
    doc.symbol = Some("82-KH/ĐU".into());
    doc.title = "Tổ chức: hội nghị \"mẫu\" <2026>?".into();
    let name = vanthu_ops::pdf_file_name(&doc);
    assert!(name.starts_with("82-KH-ĐU Tổ chức"), "{name}");
    assert!(name.ends_with(".pdf"));
    assert!(
        !name.contains(['/', '\\', ':', '"', '<', '>', '?', '*', '|']),
        "{name}"
    );
}

#[test]
fn the_daily_backup_goes_beside_the_archive() {
    let mut f = Fixture::new();
    f.archive.create(&plan(), &stamp()).unwrap();
    let made = vanthu_ops::daily_backup(&mut f.archive, &stamp())
        .unwrap()
        .expect("a backup today");
    assert_eq!(made.parent().unwrap(), f.path("sao-luu"));
    assert!(
        vanthu_ops::daily_backup(&mut f.archive, &stamp())
            .unwrap()
            .is_none(),
        "once a day"
    );
}
