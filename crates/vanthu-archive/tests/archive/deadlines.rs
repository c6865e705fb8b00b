//! Deadlines: read from the body when a plan is issued or recorded, corrected, added, removed,
//! marked done and reopened by the clerk — every change logged, a refused one changing nothing.

use vanthu_archive::{Archive, ArchiveError, DeadlineChange, DeadlineFilter, ErrorCode};
use vanthu_model::{Document, Status};

use crate::{dump, fresh, plan, stamp, Fixture};

const ASKS: &str = "I. TỔ CHỨC THỰC HIỆN\n\n\
    Các chi bộ hoàn thành việc tổ chức học tập trước ngày 31/5/2025.\n\n\
    Văn phòng Đảng ủy tổng hợp, báo cáo kết quả vào cuối năm.";

fn day(s: &str) -> chrono::NaiveDate {
    vanthu_model::date::parse_iso(s).unwrap()
}

fn plan_asking(body: &str) -> Document {
    Document {
        body: body.to_owned(),
        ..plan("Học tập chuyên đề năm 2025", "2025-02-10")
    }
}

fn issued_asking(f: &mut Fixture, body: &str) -> i64 {
    let id = f.archive.create(&plan_asking(body), &stamp()).unwrap();
    f.archive.issue(id, &stamp()).unwrap();
    id
}

fn open(archive: &Archive) -> Vec<vanthu_archive::Deadline> {
    archive.deadlines(&DeadlineFilter::default()).unwrap()
}

fn actions(f: &Fixture, id: i64) -> Vec<String> {
    f.archive
        .audit_log(Some(id))
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[test]
fn issuing_a_plan_stores_the_deadlines_its_body_sets() {
    let mut f = fresh();
    let draft = f.archive.create(&plan_asking(ASKS), &stamp()).unwrap();
    assert!(open(&f.archive).is_empty(), "a draft sets no deadline");
    let issued = f.archive.issue(draft, &stamp()).unwrap();

    let list = open(&f.archive);
    let dues: Vec<&str> = list.iter().map(|d| d.due.as_str()).collect();
    assert_eq!(dues, ["2025-05-31", "2025-12-31"], "oldest due first");
    let first = &list[0];
    assert_eq!(first.document_id, draft);
    assert_eq!(first.symbol, issued.symbol);
    assert_eq!(first.due_text, "31/05/2025");
    assert!(first.text.contains("hoàn thành việc tổ chức học tập"));
    assert_eq!(first.units, ["Các chi bộ"]);
    assert_eq!(first.status, "open");
    assert_eq!(first.source, "text");
    let offset = first.offset.unwrap() as usize;
    assert!(
        ASKS[offset..].starts_with("Các chi bộ"),
        "the offset finds the sentence"
    );
    assert_eq!(
        actions(&f, draft),
        ["create", "issue", "deadlines-read"],
        "reading the deadlines is logged with the issue"
    );
}

#[test]
fn a_document_recorded_as_issued_brings_its_deadlines() {
    let mut f = fresh();
    let doc = Document {
        status: Status::Issued,
        number: Some(12),
        ..plan_asking(ASKS)
    };
    let ids = f.archive.create_all(&[doc], &stamp()).unwrap();
    let list = open(&f.archive);
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|d| d.document_id == ids[0]));
    assert_eq!(list[0].symbol, "12-KH/ĐU");
}

#[test]
fn a_recorded_batch_keeps_every_deadline_of_every_document_in_order() {
    // 50 documents of 2 deadlines: more than one statement's worth of rows.
    let mut f = fresh();
    let docs: Vec<Document> = (1..=50)
        .map(|n| Document {
            status: Status::Issued,
            number: Some(n),
            ..plan_asking(ASKS)
        })
        .collect();
    let ids = f.archive.create_all(&docs, &stamp()).unwrap();
    let mut list = f
        .archive
        .deadlines(&DeadlineFilter {
            all: true,
            ..DeadlineFilter::default()
        })
        .unwrap();
    list.sort_by_key(|d| d.id);
    let stored: Vec<(i64, &str)> = list
        .iter()
        .map(|d| (d.document_id, d.due.as_str()))
        .collect();
    let expected: Vec<(i64, &str)> = ids
        .iter()
        .flat_map(|&id| [(id, "2025-05-31"), (id, "2025-12-31")])
        .collect();
    assert_eq!(
        stored, expected,
        "the follow-up list would miss or misplace a deadline of a recorded batch"
    );
    for id in ids {
        assert_eq!(actions(&f, id), ["record", "deadlines-read"]);
    }
}

#[test]
fn done_leaves_the_open_list_and_reopen_brings_it_back_both_logged() {
    let mut f = fresh();
    let doc = issued_asking(&mut f, ASKS);
    let id = open(&f.archive)[0].id;

    let next = f
        .archive
        .mark_deadline_done(id, day("2025-02-28"), &stamp())
        .unwrap();
    assert_eq!(next, None, "a one-off deadline does not come back");
    assert!(open(&f.archive).iter().all(|d| d.id != id));
    let all = f
        .archive
        .deadlines(&DeadlineFilter {
            all: true,
            ..DeadlineFilter::default()
        })
        .unwrap();
    let done = all.iter().find(|d| d.id == id).unwrap();
    assert_eq!(done.status, "done");
    assert_eq!(done.done_on.as_deref(), Some("2025-02-28"));

    let err = f
        .archive
        .mark_deadline_done(id, day("2025-03-01"), &stamp())
        .unwrap_err();
    assert!(matches!(err, ArchiveError::DeadlineDone { .. }));
    assert_eq!(
        err.message_vi(),
        format!("Thời hạn mã số {id} đã được đánh dấu xong ngày 28/02/2025.")
    );

    f.archive.reopen_deadline(id, &stamp()).unwrap();
    assert!(open(&f.archive)
        .iter()
        .any(|d| d.id == id && d.done_on.is_none()));
    assert!(matches!(
        f.archive.reopen_deadline(id, &stamp()).unwrap_err(),
        ArchiveError::DeadlineOpen(_)
    ));
    let log = actions(&f, doc);
    assert!(log.ends_with(&["deadline-done".to_owned(), "deadline-reopen".to_owned()]));
}

#[test]
fn a_deadline_cannot_be_done_on_a_day_still_to_come() {
    let mut f = fresh();
    issued_asking(&mut f, ASKS);
    let id = open(&f.archive)[0].id;
    let before = dump(&f.path);
    let err = f
        .archive
        .mark_deadline_done(id, day("2025-03-02"), &stamp())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(err.message_vi().contains("02/03/2025 chưa đến"));
    assert_eq!(dump(&f.path), before);
}

#[test]
fn a_recurring_deadline_marked_done_comes_back_at_its_next_time() {
    let mut f = fresh();
    let doc = issued_asking(
        &mut f,
        "Các chi bộ định kỳ hằng quý báo cáo kết quả về Văn phòng Đảng ủy.",
    );
    let list = open(&f.archive);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].recurring.as_deref(), Some("quarterly"));
    assert_eq!(list[0].recurring_text.as_deref(), Some("hằng quý"));
    assert_eq!(
        list[0].due, "2025-03-31",
        "the quarter the plan was issued in"
    );

    let next = f
        .archive
        .mark_deadline_done(list[0].id, day("2025-03-01"), &stamp())
        .unwrap()
        .expect("a quarterly report comes back");
    let again = f.archive.deadline(next).unwrap();
    assert_eq!(again.due, "2025-06-30");
    assert_eq!(again.source, "next");
    assert_eq!(again.text, list[0].text);
    assert_eq!(again.document_id, doc);
    assert_eq!(open(&f.archive).len(), 1);
}

#[test]
fn the_clerk_adds_edits_and_removes_deadlines_each_change_logged() {
    let mut f = fresh();
    let doc = issued_asking(&mut f, ASKS);
    let id = f
        .archive
        .add_deadline(
            doc,
            day("2025-04-15"),
            "  Gửi danh sách\nđảng viên dự học  ",
            &["Chi bộ Văn phòng".to_owned(), " ".to_owned()],
            &stamp(),
        )
        .unwrap();
    let added = f.archive.deadline(id).unwrap();
    assert_eq!(added.text, "Gửi danh sách đảng viên dự học");
    assert_eq!(added.units, ["Chi bộ Văn phòng"]);
    assert_eq!(added.source, "hand");
    assert_eq!(added.offset, None);

    f.archive
        .edit_deadline(
            id,
            &DeadlineChange {
                due: Some(day("2025-04-20")),
                units: Some(vec!["Chi bộ 1".to_owned(), "Chi bộ 2".to_owned()]),
                ..DeadlineChange::default()
            },
            &stamp(),
        )
        .unwrap();
    let edited = f.archive.deadline(id).unwrap();
    assert_eq!(edited.due, "2025-04-20");
    assert_eq!(edited.text, added.text, "what was not given stays");
    assert_eq!(edited.units, ["Chi bộ 1", "Chi bộ 2"]);

    f.archive.remove_deadline(id, &stamp()).unwrap();
    assert!(matches!(
        f.archive.deadline(id).unwrap_err(),
        ArchiveError::MissingItem { .. }
    ));
    let log = f.archive.audit_log(Some(doc)).unwrap();
    let tail: Vec<(&str, &str)> = log[log.len() - 3..]
        .iter()
        .map(|e| (e.action.as_str(), e.label.as_str()))
        .collect();
    assert_eq!(
        tail,
        [
            ("deadline-add", "Thêm thời hạn"),
            ("deadline-edit", "Sửa thời hạn"),
            ("deadline-remove", "Xóa thời hạn"),
        ]
    );
    assert!(log[log.len() - 2]
        .detail
        .contains("hạn 15/04/2025 → 20/04/2025"));
}

#[test]
fn refused_deadline_changes_change_nothing() {
    let mut f = fresh();
    let doc = issued_asking(&mut f, ASKS);
    let draft = f.draft("Dự thảo", "2025-02-11");
    let id = open(&f.archive)[0].id;
    let before = dump(&f.path);

    let on_draft = f
        .archive
        .add_deadline(draft, day("2025-04-15"), "Việc", &[], &stamp())
        .unwrap_err();
    assert_eq!(
        on_draft.message_vi(),
        format!("Văn bản mã số {draft} còn là dự thảo: thời hạn của văn bản được theo dõi từ khi ban hành.")
    );
    let empty = f
        .archive
        .add_deadline(doc, day("2025-04-15"), " \n ", &[], &stamp())
        .unwrap_err();
    assert!(empty.message_vi().contains("Thời hạn cần có nội dung"));
    let huge = "x".repeat(100 * 1024 * 1024);
    let too_long = f
        .archive
        .edit_deadline(
            id,
            &DeadlineChange {
                text: Some(huge),
                ..DeadlineChange::default()
            },
            &stamp(),
        )
        .unwrap_err();
    assert!(too_long.message_vi().contains("dài quá 2000 ký tự"));
    let missing = f.archive.remove_deadline(9999, &stamp()).unwrap_err();
    assert_eq!(missing.message_vi(), "Không có thời hạn mã số 9999.");
    let no_doc = f
        .archive
        .add_deadline(4242, day("2025-04-15"), "Việc", &[], &stamp())
        .unwrap_err();
    assert_eq!(no_doc.code(), ErrorCode::NotFound);
    assert_eq!(
        dump(&f.path),
        before,
        "every refused change left the archive as it was"
    );
}

#[test]
fn the_upgrade_to_schema_4_reads_the_deadlines_of_documents_issued_before() {
    let mut f = fresh();
    let doc = issued_asking(&mut f, ASKS);
    drop(f.archive);
    // The archive as schema 3 left it: no deadlines table.
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    conn.execute_batch("DROP TABLE deadlines; PRAGMA user_version = 3;")
        .unwrap();
    drop(conn);

    let archive = Archive::open(&f.path).unwrap();
    let list = open(&archive);
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .all(|d| d.document_id == doc && d.source == "text"));
    let log = archive.audit_log(Some(doc)).unwrap();
    assert_eq!(log.last().unwrap().action, "deadlines-read");
    assert_eq!(log.last().unwrap().actor, "VănThư (nâng cấp kho)");
}
