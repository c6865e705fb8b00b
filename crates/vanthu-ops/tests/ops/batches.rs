//! Batches of files go in whole or not at all: one bad file among good ones stores nothing.

use crate::*;

#[test]
fn attach_refuses_the_whole_batch_for_one_bad_file() {
    let mut f = Fixture::new();
    let id = f.archive.create(&plan(), &stamp()).unwrap();
    let ok = f.write("bản quét.pdf", &scan_pdf());
    let bad = f.write("ghi chú.txt", "chỉ là chữ".as_bytes());
    let before = f.dump();
    let e = vanthu_ops::attach_files(&mut f.archive, id, &[ok.clone(), bad], &stamp()).unwrap_err();
    assert!(
        e.message_vi().contains("ghi chú.txt"),
        "the message names the bad file: {}",
        e.message_vi()
    );
    assert_eq!(f.dump(), before, "nothing attached, nothing logged");
    assert!(f.archive.attachments(id).unwrap().is_empty());

    // A missing file and a file over the cap (never read) refuse the batch the same way.
    let missing = f.path("không có.pdf");
    let e =
        vanthu_ops::attach_files(&mut f.archive, id, &[ok.clone(), missing], &stamp()).unwrap_err();
    assert!(
        e.message_vi().contains("không có.pdf"),
        "{}",
        e.message_vi()
    );
    let huge = f.path("lớn.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    let e =
        vanthu_ops::attach_files(&mut f.archive, id, &[ok.clone(), huge], &stamp()).unwrap_err();
    assert!(e.message_vi().contains("lớn.pdf"), "{}", e.message_vi());
    assert_eq!(f.dump(), before);

    let atts = vanthu_ops::attach_files(&mut f.archive, id, &[ok], &stamp()).unwrap();
    assert_eq!(atts.len(), 1);
    assert_eq!(atts[0].file_name, "bản quét.pdf");
}

#[test]
fn import_refuses_the_whole_batch_for_one_bad_file() {
    let mut f = Fixture::new();
    let good = [
        corpus("001-ke-hoach-dang-uy-so-vhttdl.txt"),
        corpus("003-ke-hoach-truong-chinh-tri.txt"),
    ];
    let binary = f.write(
        "ảnh.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3],
    );
    let before = f.dump();
    let mut seen = Vec::new();
    let e = vanthu_ops::import_files(
        &mut f.archive,
        &[good[0].clone(), binary, good[1].clone()],
        None,
        &stamp(),
        |done, total| seen.push((done, total)),
    )
    .unwrap_err();
    assert!(e.message_vi().contains("ảnh.txt"), "{}", e.message_vi());
    assert_eq!(f.dump(), before, "no document of the batch is stored");

    let mut seen = Vec::new();
    let done = vanthu_ops::import_files(&mut f.archive, &good, None, &stamp(), |d, t| {
        seen.push((d, t))
    })
    .unwrap();
    assert_eq!(seen, [(1, 2), (2, 2)], "progress after each file");
    assert_eq!(done.len(), 2);
    for file in &done {
        let doc = f.archive.get(file.id).unwrap();
        assert_eq!(doc.title, file.title);
        assert!(!file.title.is_empty());
    }
}

#[test]
fn saving_an_attachment_writes_the_same_bytes_and_logs_it() {
    let mut f = Fixture::new();
    let id = f.archive.create(&plan(), &stamp()).unwrap();
    let bytes = scan_pdf();
    let ok = f.write("scan.pdf", &bytes);
    let att = vanthu_ops::attach_files(&mut f.archive, id, &[ok], &stamp())
        .unwrap()
        .remove(0);
    let out = f.path("bản lưu.pdf");
    vanthu_ops::save_attachment(&mut f.archive, att.id, &out, &stamp()).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    let log = f.archive.audit_log(Some(id)).unwrap();
    assert!(
        log.iter().any(|e| e.detail.contains("bản lưu.pdf")),
        "the export is in the document's log: {log:?}"
    );
}
