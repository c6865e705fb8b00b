//! The office's layout settings: stored in the archive, logged, used by every draft's PDF and
//! never by an issued document's.

use vanthu_model::Format;
use vanthu_ops::layout;

use crate::*;

fn set(f: &mut Fixture, changes: &[&str]) -> vanthu_ops::Result<vanthu_ops::LayoutSettings> {
    let args: Vec<String> = changes.iter().map(|s| s.to_string()).collect();
    let changes = layout::parse_assignments(&args)?;
    layout::set(&mut f.archive, Format::Party, &changes, &stamp())
}

#[test]
fn end_mark_and_body_size_reach_the_draft_but_not_the_issued_copy() {
    let mut f = Fixture::new();
    let issued_id = f.archive.create(&plan(), &stamp()).unwrap();
    vanthu_ops::issue(&mut f.archive, issued_id, &stamp()).unwrap();
    let issued = f.archive.get(issued_id).unwrap();
    let issued_before = vanthu_ops::printable_pdf(&f.archive, &issued).unwrap();
    let draft_id = f.archive.create(&plan(), &stamp()).unwrap();
    let draft = f.archive.get(draft_id).unwrap();

    let before = vanthu_ops::printable_pdf(&f.archive, &draft).unwrap();
    let text_before: Vec<_> = words(&before, f.dir.path());
    assert!(
        text_before.iter().any(|(w, _)| w.ends_with("hiện./.")),
        "36-HD ends the body with ./."
    );

    let shown = set(&mut f, &["end_mark=.", "body.size=13"]).unwrap();
    assert_eq!(
        shown.preset, None,
        "no preset is in force after a change by hand"
    );
    assert!(shown.changed.contains(&"body.size=13".to_owned()));

    let after = vanthu_ops::printable_pdf(&f.archive, &draft).unwrap();
    let text_after = words(&after, f.dir.path());
    assert!(
        text_after.iter().any(|(w, _)| w == "hiện."),
        "the body typed with ./. prints the profile's mark: {:?}",
        text_after.iter().rev().take(40).collect::<Vec<_>>()
    );
    assert!(!text_after.iter().any(|(w, _)| w.ends_with("./.")));
    let body_word = text_after
        .iter()
        .find(|(w, _)| w == "nghiêm")
        .expect("a body word");
    assert!(
        (body_word.1 - 13.0).abs() < 0.3,
        "body measured at {} pt",
        body_word.1
    );

    assert_eq!(
        vanthu_ops::printable_pdf(&f.archive, &issued).unwrap(),
        issued_before,
        "an issued copy never changes"
    );
    let log = f.archive.audit_log(None).unwrap();
    assert!(
        log.iter()
            .any(|e| e.detail.contains("body.size=13") && e.detail.contains("end_mark=.")),
        "the change is logged: {log:?}"
    );

    let reset = layout::reset(&mut f.archive, Format::Party, &stamp()).unwrap();
    assert!(reset.changed.is_empty());
    assert_eq!(reset.preset.as_deref(), Some("36-HD/VPTW"));
    assert_eq!(
        vanthu_ops::printable_pdf(&f.archive, &draft).unwrap(),
        before
    );
}

#[test]
fn a_refused_value_changes_nothing() {
    let mut f = Fixture::new();
    set(&mut f, &["line_spacing=19"]).unwrap();
    let before = layout::settings(&f.archive, Format::Party).unwrap();
    let dump = f.dump();
    for bad in [
        &["body.size=7"][..],
        &["margin_left=60"],
        &["end_mark=.", "body.color=red"],
        &["body.size"],
    ] {
        let e = set(&mut f, bad).unwrap_err();
        let key = bad.last().unwrap().split('=').next().unwrap();
        assert!(e.message_vi().contains(key), "{bad:?}: {}", e.message_vi());
        assert_eq!(e.code(), vanthu_ops::ErrorCode::Invalid);
    }
    assert_eq!(layout::settings(&f.archive, Format::Party).unwrap(), before);
    assert_eq!(f.dump(), dump, "the archive is as it was");
}

#[test]
fn presets_are_saved_chosen_and_the_regulation_is_always_there() {
    let mut f = Fixture::new();
    set(&mut f, &["end_mark=.", "line_spacing=19"]).unwrap();
    let saved =
        layout::save_preset(&mut f.archive, Format::Party, "Theo 05-HD/VPTW", &stamp()).unwrap();
    assert_eq!(saved.preset.as_deref(), Some("Theo 05-HD/VPTW"));
    layout::use_preset(&mut f.archive, Format::Party, "36-HD/VPTW", &stamp()).unwrap();
    let opts = vanthu_ops::render_options(&f.archive).unwrap();
    assert_eq!(opts.party.end_mark, "./.");
    let back =
        layout::use_preset(&mut f.archive, Format::Party, "Theo 05-HD/VPTW", &stamp()).unwrap();
    assert_eq!(back.preset.as_deref(), Some("Theo 05-HD/VPTW"));
    let opts = vanthu_ops::render_options(&f.archive).unwrap();
    assert_eq!(
        (opts.party.end_mark.as_str(), opts.party.line_spacing.0),
        (".", 19.0)
    );
    assert_eq!(
        opts.state,
        vanthu_pdf::Profile::state(),
        "the other format is untouched"
    );
    let names: Vec<_> = back.presets.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["36-HD/VPTW", "Theo 05-HD/VPTW"]);
    assert!(layout::use_preset(&mut f.archive, Format::Party, "Không có", &stamp()).is_err());
    assert!(layout::save_preset(&mut f.archive, Format::Party, "36-HD/VPTW", &stamp()).is_err());
}
