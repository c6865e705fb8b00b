//! Deadlines as both front ends show them: the board on a given day, what falls due soon, the
//! deadlines a draft would set, and the calendar file read back by an iCalendar parser.

use chrono::NaiveDate;
use vanthu_model::Document;
use vanthu_ops::deadlines::{draft_deadlines, parse_units, write_ics};

use crate::{corpus, plan, stamp, Fixture};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The test plan, dated 2/3/2026, asking two things of two units and one thing every quarter.
fn asking() -> Document {
    Document {
        body: "I. TỔ CHỨC THỰC HIỆN\n\n\
               1. Các chi bộ tổ chức học tập xong trước ngày 20/3/2026.\n\n\
               2. Ban Tuyên giáo Đảng ủy gửi báo cáo kết quả trước ngày 30/6/2026.\n\n\
               3. Văn phòng Đảng ủy định kỳ hằng quý tổng hợp, báo cáo Ban Thường vụ./."
            .into(),
        ..plan()
    }
}

fn issued(f: &mut Fixture, doc: &Document) -> i64 {
    let id = f.archive.create(doc, &stamp()).unwrap();
    vanthu_ops::issue(&mut f.archive, id, &stamp()).unwrap();
    id
}

#[test]
fn the_board_sorts_open_deadlines_into_overdue_soon_and_later() {
    let mut f = Fixture::new();
    issued(&mut f, &asking());
    let dues = |list: &[vanthu_archive::Deadline]| -> Vec<String> {
        list.iter().map(|d| d.due.clone()).collect()
    };

    let board = vanthu_ops::board(&f.archive, day(2026, 3, 25), None, false).unwrap();
    assert_eq!(dues(&board.overdue), ["2026-03-20"]);
    assert_eq!(
        dues(&board.soon),
        ["2026-03-31"],
        "the quarter's report, within a week"
    );
    assert_eq!(dues(&board.later), ["2026-06-30"]);
    assert!(board.done.is_empty());
    assert_eq!(
        board.units,
        ["Ban Tuyên giáo Đảng ủy", "Các chi bộ", "Văn phòng Đảng ủy"]
    );

    let one_unit =
        vanthu_ops::board(&f.archive, day(2026, 3, 25), Some("cac chi bo"), false).unwrap();
    assert_eq!(dues(&one_unit.overdue), ["2026-03-20"]);
    assert!(one_unit.soon.is_empty() && one_unit.later.is_empty());

    let soon = vanthu_ops::due_soon(&f.archive, day(2026, 3, 25)).unwrap();
    assert_eq!(
        dues(&soon),
        ["2026-03-20", "2026-03-31"],
        "overdue ones are due soon too"
    );

    let first = board.overdue[0].id;
    f.archive
        .mark_deadline_done(first, day(2026, 3, 19), &stamp())
        .unwrap();
    let with_done = vanthu_ops::board(&f.archive, day(2026, 3, 25), None, true).unwrap();
    assert!(with_done.overdue.is_empty());
    assert_eq!(dues(&with_done.done), ["2026-03-20"]);
}

#[test]
fn a_draft_shows_the_deadlines_it_would_set_and_sets_none() {
    let f = Fixture::new();
    let read = |name: &str| {
        let bytes = std::fs::read(corpus(name)).unwrap();
        vanthu_import::import_text(&bytes, &Default::default())
            .unwrap()
            .document
    };
    let plan_001 = draft_deadlines(&read("001-ke-hoach-dang-uy-so-vhttdl.txt"));
    assert!(plan_001.deadlines.iter().any(|d| d.due == day(2024, 5, 31)));
    let plan_003 = draft_deadlines(&read("003-ke-hoach-truong-chinh-tri.txt"));
    let april = plan_003
        .deadlines
        .iter()
        .find(|d| d.due == day(2025, 4, 30))
        .expect("“Trong tháng 4 năm 2025” falls due at the end of April");
    assert_eq!(april.from, Some(day(2025, 4, 1)));
    for found in plan_001.deadlines.iter().chain(&plan_003.deadlines) {
        assert_ne!(
            found.due,
            day(2024, 4, 17),
            "a cited plan's date is no deadline"
        );
        assert_ne!(
            found.due,
            day(2024, 7, 1),
            "a cited plan's date is no deadline"
        );
    }
    assert!(f.archive.deadlines(&Default::default()).unwrap().is_empty());
}

#[test]
fn the_calendar_file_reads_back_one_all_day_event_per_open_deadline() {
    let mut f = Fixture::new();
    issued(&mut f, &asking());
    let open = f.archive.deadlines(&Default::default()).unwrap();
    let target = f.path("thời hạn.ics");
    assert_eq!(write_ics(&open, &target, &stamp()).unwrap(), 3);
    let first = std::fs::read(&target).unwrap();

    let reader = std::io::BufReader::new(first.as_slice());
    let calendars: Vec<_> = ical::IcalParser::new(reader)
        .collect::<Result<_, _>>()
        .expect("a standard iCalendar parser reads the file");
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    assert_eq!(events.len(), 3);
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} in every event"))
            .clone()
    };
    let start = prop(&events[0], "DTSTART");
    assert_eq!(start.value.as_deref(), Some("20260320"));
    let params = start.params.unwrap_or_default();
    assert!(
        params.iter().any(|(k, v)| k == "VALUE" && v == &["DATE"]),
        "an all-day event"
    );
    assert_eq!(prop(&events[0], "DTEND").value.as_deref(), Some("20260321"));
    let summary = prop(&events[2], "SUMMARY").value.unwrap();
    assert!(summary.contains("gửi báo cáo kết quả"), "{summary}");
    let description = prop(&events[2], "DESCRIPTION").value.unwrap();
    assert!(
        description.contains("Ban Tuyên giáo Đảng ủy"),
        "{description}"
    );
    let quarterly = prop(&events[1], "DESCRIPTION").value.unwrap();
    assert!(quarterly.contains("hằng quý"), "{quarterly}");

    // Written again, every event keeps its UID: a calendar updates instead of doubling.
    write_ics(&open, &target, &stamp()).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), first);
    let uids: Vec<_> = events
        .iter()
        .map(|e| prop(e, "UID").value.unwrap())
        .collect();
    let mut unique = uids.clone();
    unique.dedup();
    assert_eq!(unique.len(), 3, "{uids:?}");
}

#[test]
fn units_typed_on_one_line_are_split_at_semicolons() {
    assert_eq!(
        parse_units(" Chi bộ 1;Chi bộ 2 ;\n Văn phòng ; "),
        ["Chi bộ 1", "Chi bộ 2", "Văn phòng"]
    );
    assert!(parse_units("  ").is_empty());
}
