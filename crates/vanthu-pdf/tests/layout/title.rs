//! The title block (spec §1.3 rows 5a–5a'', §2.3 rows 5a–5a'').

use vanthu_pdf::Role;

use crate::fixtures::{self, PLANS};
use crate::measure::{chunk, must, near, TOL};
use crate::poppler;

const TEXT_CENTRE: f32 = (30.0 + 195.0) / 2.0;

#[test]
fn title_block_is_centred_on_the_text_area() {
    for plan in PLANS {
        for (format, kind_size) in [("party", 16.0), ("state", 14.0)] {
            let name = format!("{plan}-{format}");
            let r = fixtures::fixture(&name);
            let words = poppler::words(&r.pdf);
            let chunks = poppler::chunks(&r.pdf);
            let page = &r.pages[0];
            let kind = must(&words, 1, "KẾ HOẠCH");
            near(
                kind.centre(),
                TEXT_CENTRE,
                TOL,
                &format!("{name}: KẾ HOẠCH centred"),
            );
            near(
                kind.size,
                kind_size,
                0.2,
                &format!("{name}: size of KẾ HOẠCH"),
            );
            assert!(chunk(&chunks, 1, "KẾ HOẠCH").bold, "{name}: type name bold");
            let number = must(
                &words,
                1,
                page.role(Role::Number)[0].text.split(' ').next().unwrap(),
            );
            assert!(
                kind.top > number.bottom + 3.0,
                "{name}: title block under the header"
            );

            let lines = page.role(Role::Title);
            assert!(!lines.is_empty(), "{name}: trích yếu printed");
            let mut previous = kind.baseline;
            for line in &lines {
                let found = must(&words, 1, &line.text);
                near(
                    found.centre(),
                    TEXT_CENTRE,
                    TOL,
                    &format!("{name}: trích yếu line {:?} centred", line.text),
                );
                near(found.size, 14.0, 0.2, &format!("{name}: trích yếu 14 pt"));
                assert!(chunk(&chunks, 1, &line.text).bold, "{name}: trích yếu bold");
                assert!(
                    found.baseline > previous,
                    "{name}: trích yếu lines in order"
                );
                previous = found.baseline;
            }
            let widest = lines.iter().map(|l| l.width.0).fold(0.0, f32::max);
            match format {
                "party" => {
                    let dashes = must(&words, 1, "-----");
                    near(
                        dashes.centre(),
                        TEXT_CENTRE,
                        TOL,
                        &format!("{name}: ----- centred"),
                    );
                    assert!(
                        dashes.baseline > previous,
                        "{name}: ----- under the trích yếu"
                    );
                }
                _ => {
                    let rule = page
                        .rules()
                        .find(|r| r.role == Role::TitleSeparator)
                        .expect("rule");
                    near(
                        (rule.x1.0 + rule.x2.0) / 2.0,
                        TEXT_CENTRE,
                        0.01,
                        &format!("{name}: rule centred"),
                    );
                    assert!(rule.width().0 >= widest / 3.0 && rule.width().0 <= widest / 2.0);
                    assert!(rule.y.0 > previous, "{name}: rule under the trích yếu");
                }
            }
        }
    }
}
