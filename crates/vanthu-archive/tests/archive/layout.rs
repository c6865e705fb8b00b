//! The layout in force per format and its named presets: stored as given, logged, and a
//! refused change changes nothing.

use vanthu_archive::{ArchiveError, ErrorCode, StoredLayout};
use vanthu_model::Format;

use crate::{dump, fresh, stamp};

const BODY_13: &str = r#"{"body":{"size":13},"end_mark":"."}"#;
const BODY_14: &str = r#"{"body":{"size":14}}"#;

fn log_len(f: &crate::Fixture) -> usize {
    f.archive.audit_log(None).unwrap().len()
}

#[test]
fn the_layout_in_force_is_set_read_and_reset_per_format() {
    let mut f = fresh();
    assert_eq!(
        f.archive.layout(Format::Party).unwrap(),
        None,
        "a new archive follows the regulation"
    );
    let layout = StoredLayout {
        profile: BODY_13.to_owned(),
        preset: None,
    };
    f.archive
        .set_layout(
            Format::Party,
            Some(&layout),
            "body.size=13, end_mark=.",
            &stamp(),
        )
        .unwrap();
    assert_eq!(
        f.archive.layout(Format::Party).unwrap(),
        Some(layout.clone())
    );
    assert_eq!(
        f.archive.layout(Format::State).unwrap(),
        None,
        "changing the Party layout leaves the State one alone"
    );
    let log = f.archive.audit_log(None).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.action, "layout");
    assert_eq!(last.label, "Đổi cách trình bày văn bản");
    assert!(
        last.detail.contains("body.size=13, end_mark=."),
        "{}",
        last.detail
    );
    assert!(
        last.detail.contains("Đảng"),
        "the log says which format: {}",
        last.detail
    );

    f.archive
        .set_layout(Format::Party, None, "về mặc định", &stamp())
        .unwrap();
    assert_eq!(f.archive.layout(Format::Party).unwrap(), None);
    assert_eq!(log_len(&f), log.len() + 1, "the reset is logged too");
}

#[test]
fn presets_are_saved_listed_replaced_and_deleted() {
    let mut f = fresh();
    let n = log_len(&f);
    f.archive
        .save_layout_preset(Format::Party, "Thành ủy 2025", BODY_13, &stamp())
        .unwrap();
    f.archive
        .save_layout_preset(Format::Party, "  Huyện   ủy ", BODY_14, &stamp())
        .unwrap();
    f.archive
        .save_layout_preset(Format::State, "UBND", BODY_14, &stamp())
        .unwrap();
    assert_eq!(log_len(&f), n + 3, "each saved preset is logged");
    let party = f.archive.layout_presets(Format::Party).unwrap();
    let names: Vec<&str> = party.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Huyện ủy", "Thành ủy 2025"],
        "by name, spaces tidied"
    );
    assert_eq!(party[1].profile, BODY_13);
    assert_eq!(party[1].saved_by, "vanthu-test");
    let last = f.archive.audit_log(None).unwrap().pop().unwrap();
    assert_eq!(
        (last.action.as_str(), last.label.as_str()),
        ("layout-preset", "Lưu mẫu trình bày")
    );

    f.archive
        .save_layout_preset(Format::Party, "Thành ủy 2025", BODY_14, &stamp())
        .unwrap();
    let party = f.archive.layout_presets(Format::Party).unwrap();
    assert_eq!(
        party.len(),
        2,
        "a preset of the same name is replaced, not added"
    );
    assert_eq!(party[1].profile, BODY_14);
    assert_eq!(log_len(&f), n + 4);

    let from_preset = StoredLayout {
        profile: BODY_14.to_owned(),
        preset: Some("Thành ủy 2025".to_owned()),
    };
    f.archive
        .set_layout(
            Format::Party,
            Some(&from_preset),
            "mẫu Thành ủy 2025",
            &stamp(),
        )
        .unwrap();
    f.archive
        .delete_layout_preset(Format::Party, "Thành ủy 2025", &stamp())
        .unwrap();
    let last = f.archive.audit_log(None).unwrap().pop().unwrap();
    assert_eq!(
        (last.action.as_str(), last.label.as_str()),
        ("delete layout preset", "Xóa mẫu trình bày")
    );
    assert_eq!(f.archive.layout_presets(Format::Party).unwrap().len(), 1);
    assert_eq!(
        f.archive.layout(Format::Party).unwrap(),
        Some(StoredLayout {
            profile: BODY_14.to_owned(),
            preset: None
        }),
        "deleting a preset keeps the layout in force but forgets where it came from"
    );
    assert_eq!(f.archive.layout_presets(Format::State).unwrap().len(), 1);
}

#[test]
fn a_refused_layout_change_changes_nothing() {
    let mut f = fresh();
    f.archive
        .save_layout_preset(Format::Party, "Thành ủy", BODY_13, &stamp())
        .unwrap();
    let before = dump(&f.path);

    for blank in ["", "   "] {
        let err = f
            .archive
            .save_layout_preset(Format::Party, blank, BODY_13, &stamp())
            .unwrap_err();
        assert!(matches!(err, ArchiveError::Invalid(_)), "{err:?}");
        assert!(
            err.message_vi().contains("Chưa đặt tên cho mẫu trình bày"),
            "{}",
            err.message_vi()
        );
    }
    for profile in ["", "[1, 2]", "{\"body\":", "13"] {
        let err = f
            .archive
            .save_layout_preset(Format::Party, "Hỏng", profile, &stamp())
            .unwrap_err();
        assert!(
            matches!(err, ArchiveError::Invalid(_)),
            "{profile:?}: {err:?}"
        );
        let bad = StoredLayout {
            profile: profile.to_owned(),
            preset: None,
        };
        let err = f
            .archive
            .set_layout(Format::Party, Some(&bad), "hỏng", &stamp())
            .unwrap_err();
        assert!(
            matches!(err, ArchiveError::Invalid(_)),
            "{profile:?}: {err:?}"
        );
    }
    let err = f
        .archive
        .delete_layout_preset(Format::Party, "Không có", &stamp())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "{err:?}");
    assert!(
        err.message_vi()
            .contains("Không có mẫu trình bày “Không có”"),
        "{}",
        err.message_vi()
    );
    let err = f
        .archive
        .delete_layout_preset(Format::State, "Thành ủy", &stamp())
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::NotFound,
        "a Party preset is not a State one"
    );
    let unknown = StoredLayout {
        profile: BODY_13.to_owned(),
        preset: Some("Không có".to_owned()),
    };
    let err = f
        .archive
        .set_layout(Format::Party, Some(&unknown), "mẫu Không có", &stamp())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "{err:?}");
    assert_eq!(
        dump(&f.path),
        before,
        "refused layout changes leave the archive as it was"
    );
}

#[test]
fn the_database_refuses_a_profile_that_is_not_a_json_object() {
    let f = fresh();
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    for profile in ["[]", "không phải JSON", "\"chuỗi\""] {
        assert!(
            conn.execute(
                "INSERT INTO layout_presets (format, name, profile, saved_at, saved_by)
                 VALUES ('party', 'x', ?1, 'a', 'b')",
                [profile],
            )
            .is_err(),
            "{profile:?} must not be stored as a preset"
        );
        assert!(
            conn.execute(
                "INSERT INTO layouts (format, profile, set_at, set_by) VALUES ('party', ?1, 'a', 'b')",
                [profile],
            )
            .is_err(),
            "{profile:?} must not be put in force"
        );
    }
    assert!(
        conn.execute(
            "INSERT INTO layouts (format, profile, preset, set_at, set_by)
             VALUES ('party', '{}', 'không có', 'a', 'b')",
            [],
        )
        .is_err(),
        "a layout cannot name a preset that does not exist"
    );
}
