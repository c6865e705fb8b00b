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

#[test]
fn import_reads_files_side_by_side_but_answers_in_the_clerks_order() {
    let mut f = Fixture::new();
    let text = |i: usize| {
        format!(
            "ĐẢNG BỘ TỈNH KHÁNH HÒA\nĐẢNG ỦY SỞ VĂN HÓA\n\nKẾ HOẠCH\nTổ chức hội nghị lần thứ {i}\n\nNội dung của hội nghị lần thứ {i}.\n"
        )
    };
    let files: Vec<_> = (1..=9)
        .map(|i| f.write(&format!("kế hoạch {i}.txt"), text(i).as_bytes()))
        .collect();
    let png = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3];

    // Two bad files: the one the clerk listed first is the one named, after the files before it.
    let mut with_bad = files.clone();
    with_bad[3] = f.write("hỏng thứ tư.txt", &png);
    with_bad[6] = f.write("hỏng thứ bảy.txt", &png);
    let before = f.dump();
    let mut seen = Vec::new();
    let e = vanthu_ops::import_files(&mut f.archive, &with_bad, None, &stamp(), |d, t| {
        seen.push((d, t))
    })
    .unwrap_err();
    assert!(
        e.message_vi().contains("hỏng thứ tư.txt"),
        "{}",
        e.message_vi()
    );
    assert_eq!(
        seen,
        [(1, 9), (2, 9), (3, 9)],
        "progress up to the bad file"
    );
    assert_eq!(f.dump(), before, "no document of the batch is stored");

    let mut seen = Vec::new();
    let done = vanthu_ops::import_files(&mut f.archive, &files, None, &stamp(), |d, t| {
        seen.push((d, t))
    })
    .unwrap();
    assert_eq!(seen, (1..=9).map(|d| (d, 9)).collect::<Vec<_>>());
    for (i, file) in done.iter().enumerate() {
        assert!(
            file.path.ends_with(&format!("kế hoạch {}.txt", i + 1)),
            "{}",
            file.path
        );
        assert!(
            file.title.ends_with(&format!("lần thứ {}", i + 1)),
            "file {} is read as its own: {}",
            i + 1,
            file.title
        );
    }
    assert!(
        done.windows(2).all(|w| w[0].id < w[1].id),
        "stored in the clerk's order"
    );
}
