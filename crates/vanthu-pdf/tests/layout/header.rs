//! The header (spec §1.2–1.3 Party, §2.2–2.3 State), measured in the PDF.

use vanthu_pdf::{Profile, RenderOptions, Role};

use crate::fixtures::{self, PLANS};
use crate::measure::{chunk, must, near, TOL};
use crate::poppler;

/// Text area of both default profiles: 30 … 195 mm; header columns 40 % / 60 %.
const LEFT_CENTRE: f32 = 30.0 + 165.0 * 0.4 / 2.0;
const RIGHT_CENTRE: f32 = (30.0 + 165.0 * 0.4 + 195.0) / 2.0;

#[test]
fn default_profiles_follow_the_spec() {
    for p in [Profile::party(), Profile::state()] {
        assert_eq!(
            (
                p.margin_top.0,
                p.margin_bottom.0,
                p.margin_left.0,
                p.margin_right.0
            ),
            (20.0, 20.0, 30.0, 15.0),
            "{} margins",
            p.name
        );
        assert_eq!((p.page_width.0, p.page_height.0), (210.0, 297.0));
        assert_eq!(p.end_mark, "./.");
    }
    let party = Profile::party();
    assert_eq!(party.number_prefix, "Số ");
    assert_eq!(party.recipient_end, ",");
    assert_eq!(party.national[0].text, "ĐẢNG CỘNG SẢN VIỆT NAM");
    let state = Profile::state();
    assert_eq!(state.number_prefix, "Số: ");
    assert_eq!(state.recipient_end, ";");
    assert_eq!(state.national[1].text, "Độc lập - Tự do - Hạnh phúc");
}

#[test]
fn party_header_positions_sizes_and_faces() {
    for plan in PLANS {
        let name = format!("{plan}-party");
        let r = fixtures::fixture(&name);
        let words = poppler::words(&r.pdf);
        let chunks = poppler::chunks(&r.pdf);
        let page = &r.pages[0];

        // [1] ĐẢNG CỘNG SẢN VIỆT NAM: first line, right column, 15 pt bold, rule its width.
        let title = must(&words, 1, "ĐẢNG CỘNG SẢN VIỆT NAM");
        near(
            title.top,
            20.0,
            TOL,
            &format!("{name}: top of ĐẢNG CỘNG SẢN VIỆT NAM"),
        );
        near(
            title.centre(),
            RIGHT_CENTRE,
            TOL,
            &format!("{name}: centre of the tiêu đề"),
        );
        near(
            title.size,
            15.0,
            0.2,
            &format!("{name}: size of the tiêu đề"),
        );
        let c = chunk(&chunks, 1, "ĐẢNG CỘNG SẢN VIỆT NAM");
        assert!(c.bold, "{name}: tiêu đề not bold");
        near(
            c.size,
            15.0,
            0.5,
            &format!("{name}: font size of the tiêu đề"),
        );
        assert!(
            c.font.contains("+LiberationSerif") || c.font.contains("+TimesNewRoman"),
            "{name}: tiêu đề in {}",
            c.font
        );
        let run = page.role(Role::National)[0];
        let rule = page
            .rules()
            .find(|r| r.role == Role::NationalRule)
            .expect("rule under the tiêu đề");
        near(
            rule.x1.0,
            run.x.0,
            0.01,
            &format!("{name}: rule starts with the tiêu đề"),
        );
        near(
            rule.width().0,
            run.width.0,
            0.01,
            &format!("{name}: rule as long as the tiêu đề"),
        );
        near(
            rule.width().0,
            title.width(),
            TOL,
            &format!("{name}: rule vs printed tiêu đề"),
        );
        assert!(
            rule.y.0 > title.baseline && rule.y.0 < title.baseline + 4.0,
            "{name}: rule directly under"
        );

        // [2] parent (regular) and issuer (bold), 14 pt, centred in the left column.
        let issuer_lines = page.role(Role::Issuer);
        assert!(!issuer_lines.is_empty());
        for (role, bold) in [(Role::Parent, false), (Role::Issuer, true)] {
            for line in page.role(role) {
                let found = must(&words, 1, &line.text);
                near(
                    found.centre(),
                    LEFT_CENTRE,
                    TOL,
                    &format!("{name}: centre of {:?}", line.text),
                );
                assert!(
                    found.left >= 30.0 - 0.05 && found.right <= LEFT_CENTRE * 2.0 - 30.0 + 0.05,
                    "{name}: {:?} leaves the left column",
                    line.text
                );
                near(
                    found.size,
                    14.0,
                    0.2,
                    &format!("{name}: size of {:?}", line.text),
                );
                assert_eq!(
                    chunk(&chunks, 1, &line.text).bold,
                    bold,
                    "{name}: bold of {:?}",
                    line.text
                );
            }
        }
        // `*` centred under the issuer, on its own line.
        let star = must(&words, 1, "*");
        let last_issuer = must(&words, 1, &issuer_lines.last().unwrap().text);
        near(
            star.centre(),
            last_issuer.centre(),
            TOL,
            &format!("{name}: `*` centred under the issuer"),
        );
        assert!(
            star.baseline > last_issuer.baseline + 4.0,
            "{name}: `*` under the issuer"
        );

        // [3] number and [4] place and date share a baseline; no colon after Số.
        let number = format!(
            "Số {}-KH/{}",
            r.doc.number.map(|n| format!("{n:02}")).unwrap(),
            r.doc.issuer.code
        );
        let num = must(&words, 1, &number);
        near(
            num.centre(),
            LEFT_CENTRE,
            TOL,
            &format!("{name}: centre of {number}"),
        );
        near(num.size, 14.0, 0.2, &format!("{name}: size of the number"));
        assert!(num.baseline > star.baseline, "{name}: number under `*`");
        let date = vanthu_model::date::place_and_date(&r.doc.place, r.doc.date.unwrap());
        let d = must(&words, 1, &date);
        near(
            d.baseline,
            num.baseline,
            0.05,
            &format!("{name}: date on the number's baseline"),
        );
        let c = chunk(&chunks, 1, &date);
        assert!(c.italic && !c.bold, "{name}: date must be italic");
        near(d.size, 14.0, 0.2, &format!("{name}: size of the date"));
        assert!(
            d.right <= 195.05 && d.left >= LEFT_CENTRE * 2.0 - 30.0 - 12.0,
            "{name}: date in the right column"
        );
        if d.width() < 195.0 - (LEFT_CENTRE * 2.0 - 30.0) {
            near(
                d.centre(),
                RIGHT_CENTRE,
                TOL,
                &format!("{name}: date centred in the right column"),
            );
        }
    }
}

#[test]
fn state_header_positions_sizes_and_faces() {
    for plan in PLANS {
        let name = format!("{plan}-state");
        let r = fixtures::fixture(&name);
        let words = poppler::words(&r.pdf);
        let chunks = poppler::chunks(&r.pdf);
        let page = &r.pages[0];

        let qh = must(&words, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        near(qh.top, 20.0, TOL, &format!("{name}: top of the Quốc hiệu"));
        near(qh.size, 12.0, 0.2, &format!("{name}: Quốc hiệu 12 pt"));
        near(
            qh.centre(),
            RIGHT_CENTRE,
            TOL,
            &format!("{name}: Quốc hiệu centred"),
        );
        assert!(chunk(&chunks, 1, "CỘNG HÒA XÃ HỘI").bold);
        let tn = must(&words, 1, "Độc lập - Tự do - Hạnh phúc");
        near(tn.size, 13.0, 0.2, &format!("{name}: Tiêu ngữ 13 pt"));
        near(
            tn.centre(),
            qh.centre(),
            TOL,
            &format!("{name}: Tiêu ngữ centred under the Quốc hiệu"),
        );
        assert!(chunk(&chunks, 1, "Độc lập").bold);
        let rule = page.rules().find(|r| r.role == Role::NationalRule).unwrap();
        near(
            rule.width().0,
            tn.width(),
            TOL,
            &format!("{name}: rule as long as the Tiêu ngữ"),
        );
        near(
            (rule.x1.0 + rule.x2.0) / 2.0,
            tn.centre(),
            TOL,
            &format!("{name}: rule centred"),
        );

        // Issuer (bold) with a rule of 1/3–1/2 of its line, centred.
        let issuer = page.role(Role::Issuer);
        let widest = issuer.iter().map(|l| l.width.0).fold(0.0, f32::max);
        let last = must(&words, 1, &issuer.last().unwrap().text);
        assert!(chunk(&chunks, 1, &issuer[0].text).bold);
        near(last.size, 13.0, 0.2, &format!("{name}: issuer 13 pt"));
        near(
            last.centre(),
            LEFT_CENTRE,
            TOL,
            &format!("{name}: issuer centred in the left column"),
        );
        let sep = page
            .rules()
            .find(|r| r.role == Role::IssuerSeparator)
            .expect("issuer rule");
        assert!(
            sep.width().0 >= widest / 3.0 - 0.01 && sep.width().0 <= widest / 2.0 + 0.01,
            "{name}: issuer rule {} mm for a {widest} mm line",
            sep.width().0
        );
        near(
            (sep.x1.0 + sep.x2.0) / 2.0,
            last.centre(),
            TOL,
            &format!("{name}: issuer rule centred"),
        );
        assert!(sep.y.0 > last.baseline, "{name}: rule under the issuer");
        if let Some(parent) = page.role(Role::Parent).first() {
            let p = must(&words, 1, &parent.text);
            assert!(
                !chunk(&chunks, 1, &parent.text).bold,
                "{name}: parent body not bold"
            );
            near(
                p.centre(),
                LEFT_CENTRE,
                TOL,
                &format!("{name}: parent centred"),
            );
        }

        let number = format!("Số: {:02}/KH-{}", r.doc.number.unwrap(), r.doc.issuer.code);
        let num = must(&words, 1, &number);
        near(
            num.centre(),
            LEFT_CENTRE,
            TOL,
            &format!("{name}: number centred"),
        );
        near(num.size, 13.0, 0.2, &format!("{name}: number 13 pt"));
        assert!(num.top > sep.y.0, "{name}: number under the issuer rule");
        let date = vanthu_model::date::place_and_date(&r.doc.place, r.doc.date.unwrap());
        let d = must(&words, 1, &date);
        near(
            d.baseline,
            num.baseline,
            0.05,
            &format!("{name}: date on the number's line"),
        );
        assert!(chunk(&chunks, 1, &date).italic);
        if d.width() <= 195.0 - (LEFT_CENTRE * 2.0 - 30.0) {
            near(
                d.centre(),
                tn.centre(),
                TOL,
                &format!("{name}: date centred under the Tiêu ngữ"),
            );
        } else {
            near(
                d.right,
                195.0,
                TOL,
                &format!("{name}: a date wider than its column ends at the margin"),
            );
        }
        assert!(d.top > rule.y.0, "{name}: date under the rule");
    }
}

#[test]
fn header_columns_come_from_the_profile() {
    let mut doc = fixtures::load("002-party");
    doc.issuer.parent.clear();
    let mut options = RenderOptions::default();
    options.party.header_split = 0.5;
    options.party.margin_left = vanthu_pdf::Mm(35.0);
    let pages = vanthu_pdf::layout(&doc, &options).unwrap();
    let issuer = pages[0].role(Role::Issuer);
    let centre = (35.0 + (35.0 + 160.0 * 0.5)) / 2.0;
    for line in issuer {
        near(
            line.centre().0,
            centre,
            0.01,
            "issuer centred in a 50 % column",
        );
    }
    assert!(pages[0].role(Role::Parent).is_empty());
}
