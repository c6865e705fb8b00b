//! The body (spec §1.3 row 6, §2.3 row 6; DESIGN.md markup): text back in order, justified
//! inside the margins, headings, page numbers, widows and orphans.

use std::collections::BTreeMap;

use vanthu_pdf::{Page, Role};

use crate::fixtures::{self, Rendered};
use crate::measure::{chunk, must, near, TOL};
use crate::poppler;

/// The source body's words, markup removed, end mark added as the profile does.
pub fn expected_words(body: &str) -> Vec<String> {
    let plain = body.replace('*', "");
    let mut words: Vec<String> = plain.split_whitespace().map(str::to_owned).collect();
    if let Some(last) = words.last_mut() {
        if !last.ends_with("./.") {
            let stem = last.trim_end_matches(['.', ';', ',', ':']).to_owned();
            *last = format!("{stem}./.");
        }
    }
    words
}

/// The body's words come back in order: from the drawn words (`pdftotext -raw -bbox`) and
/// from poppler's own reading order (`pdftotext`, what copy and paste gives), page numbers
/// left out.
pub fn assert_body_in_order(r: &Rendered, name: &str) {
    let want = expected_words(&r.doc.body);
    let words = poppler::words(&r.pdf);
    let drawn: Vec<&str> = words
        .iter()
        .filter(|w| w.page == 1 || w.top > 19.5)
        .map(|w| w.text.as_str())
        .collect();
    assert_contains_in_order(&drawn, &want, &format!("{name} (drawn order)"));
    let text = poppler::text(&r.pdf);
    let mut read: Vec<&str> = Vec::new();
    for (i, page) in text.split('\u{c}').enumerate() {
        if page.trim().is_empty() {
            continue;
        }
        let mut lines = page.lines();
        if i > 0 {
            let number = lines.next().unwrap_or_default();
            assert_eq!(
                number.trim(),
                (i + 1).to_string(),
                "{name}: page {} starts with its number",
                i + 1
            );
        }
        // pdftotext takes the line `-----` for a hyphenated word and joins it to the next
        // line, dropping one hyphen ("----Thực").
        for word in lines.flat_map(str::split_whitespace) {
            let rest = word.trim_start_matches('-');
            if word.len() - rest.len() >= 4 && !rest.is_empty() {
                read.extend(["-----", rest]);
            } else {
                read.push(word);
            }
        }
    }
    assert_contains_in_order(&read, &want, &format!("{name} (reading order)"));
}

fn assert_contains_in_order(stream: &[&str], want: &[String], name: &str) {
    let start = stream
        .windows(want.len().min(8))
        .position(|w| w.iter().zip(want).all(|(a, b)| a == b))
        .unwrap_or_else(|| {
            panic!(
                "{name}: the body's first words {:?} are not in the PDF",
                &want[..8]
            )
        });
    let got = &stream[start..(start + want.len()).min(stream.len())];
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(
            g,
            w,
            "{name}: body word {i} differs; around it the PDF reads {:?}",
            &got[i.saturating_sub(5)..(i + 5).min(got.len())]
        );
    }
    assert_eq!(got.len(), want.len(), "{name}: body cut short");
}

/// Body lines from the layout: (page, baseline) → runs.
pub fn body_lines(pages: &[Page]) -> BTreeMap<(u32, i64), Vec<&vanthu_pdf::TextRun>> {
    let mut lines: BTreeMap<(u32, i64), Vec<&vanthu_pdf::TextRun>> = BTreeMap::new();
    for page in pages {
        for run in page.role(Role::Body) {
            lines
                .entry((page.number, (run.baseline.0 * 1000.0) as i64))
                .or_default()
                .push(run);
        }
    }
    lines
}

/// No paragraph leaves one line alone at the foot or the head of a page.
pub fn assert_no_widows_or_orphans(pages: &[Page], name: &str) {
    let mut per_block: BTreeMap<usize, BTreeMap<u32, std::collections::BTreeSet<i64>>> =
        BTreeMap::new();
    for page in pages {
        for run in page.role(Role::Body) {
            per_block
                .entry(run.block.expect("body runs know their block"))
                .or_default()
                .entry(page.number)
                .or_default()
                .insert((run.baseline.0 * 1000.0) as i64);
        }
    }
    for (block, parts) in per_block {
        if parts.len() > 1 {
            for (page, lines) in parts {
                assert!(
                    lines.len() >= 2,
                    "{name}: block {block} has a single line on page {page} (widow/orphan)"
                );
            }
        }
    }
}

#[test]
fn body_text_extracts_back_in_order() {
    for name in fixtures::all() {
        let r = fixtures::fixture(&name);
        assert_body_in_order(&r, &name);
        let text = poppler::text(&r.pdf);
        let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
        assert_eq!(text, nfc, "{name}: extracted text is not NFC");
    }
}

#[test]
fn no_glyph_outside_the_margins() {
    for name in fixtures::all() {
        let r = fixtures::fixture(&name);
        for w in poppler::words(&r.pdf) {
            assert!(
                w.x0 >= 30.0 - 0.05 && w.x1 <= 195.0 + 0.05,
                "{name}: {:?} on page {} crosses a side margin ({:.2}–{:.2} mm)",
                w.text,
                w.page,
                w.x0,
                w.x1
            );
            assert!(
                w.bottom <= 277.0 + 0.05,
                "{name}: {:?} on page {} reaches {:.2} mm, into the bottom margin",
                w.text,
                w.page,
                w.bottom
            );
            if w.top < 20.0 - 0.05 {
                assert!(
                    w.page >= 2 && w.text == w.page.to_string(),
                    "{name}: {:?} on page {} in the top margin",
                    w.text,
                    w.page
                );
            }
        }
    }
}

#[test]
fn justified_lines_end_exactly_at_the_right_margin() {
    for name in fixtures::all() {
        let r = fixtures::fixture(&name);
        let lines = body_lines(&r.pages);
        let mut justified = 0;
        for runs in lines.values() {
            let right = runs.iter().map(|r| r.right().0).fold(0.0, f32::max);
            assert!(
                right <= 195.0 + 1e-3,
                "{name}: body line ends at {right} mm"
            );
            if runs.iter().any(|r| r.space_extra.0 != 0.0) {
                near(right, 195.0, 0.01, &format!("{name}: justified line"));
                justified += 1;
            }
        }
        assert!(justified > 20, "{name}: only {justified} justified lines");
        // In the PDF: every line that reaches the right side ends at 195 mm.
        let words = poppler::words(&r.pdf);
        let mut by_line: BTreeMap<(usize, i64), f32> = BTreeMap::new();
        for w in &words {
            let e = by_line
                .entry((w.page, (w.baseline() * 10.0) as i64))
                .or_insert(0.0);
            *e = e.max(w.x1);
        }
        let at_margin = by_line
            .values()
            .filter(|&&x| (x - 195.0).abs() < 0.05)
            .count();
        assert!(
            at_margin >= justified,
            "{name}: {at_margin} printed lines end at 195 mm, {justified} justified"
        );
    }
}

#[test]
fn paragraphs_headings_and_items_are_styled_per_profile() {
    let r = fixtures::fixture("001-party");
    let words = poppler::words(&r.pdf);
    let chunks = poppler::chunks(&r.pdf);
    // First-line indent 10 mm, 14 pt regular.
    let first = must(&words, 1, "Thực hiện Kế hoạch số 137-KH/TU");
    near(first.left, 40.0, TOL, "first-line indent of 10 mm");
    near(first.size, 14.0, 0.2, "body 14 pt");
    // Headings: I- bold, 1- bold, 1.1- bold italic; inline **bold** and *italic*.
    assert!(chunk(&chunks, 1, "I- MỤC ĐÍCH, YÊU CẦU").bold);
    let h2 = chunk(&chunks, 1, "1- Tổ chức hội nghị học tập");
    assert!(h2.bold && !h2.italic);
    let h3 = chunk(&chunks, 1, "1.1- Hình thức");
    assert!(h3.bold && h3.italic);
    assert!(chunk(&chunks, 1, "tại chi bộ").bold);
    assert!(chunk(&chunks, 1, "trước ngày 31/5/2024").italic);
    // Exact line spacing: 18 pt between lines of a paragraph.
    let lines: Vec<f32> = body_lines(&r.pages)
        .keys()
        .filter(|(p, _)| *p == 1)
        .map(|(_, b)| *b as f32 / 1000.0)
        .collect();
    let step = 18.0 * 25.4 / 72.0;
    assert!(
        lines
            .windows(2)
            .filter(|w| (w[1] - w[0] - step).abs() < 0.01)
            .count()
            > 10
    );

    // Items: the dash at the indent, the text (and its next lines) hang 5 mm further.
    let r = fixtures::fixture("002-party");
    let words = poppler::words(&r.pdf);
    let item = must(&words, 1, "- Tạo sự chuyển");
    near(item.left, 40.0, TOL, "dash at the first-line indent");
    let text = must(&words, 1, "Tạo sự chuyển");
    near(text.left, 45.0, TOL, "item text after the hanging indent");
    let next = must(&words, 1, "dung sinh hoạt chi bộ. Xây dựng");
    near(next.left, 45.0, TOL, "item's next line hangs");
}

#[test]
fn page_numbers_only_from_page_two_top_centre() {
    for name in fixtures::all() {
        let r = fixtures::fixture(&name);
        assert!(r.pages.len() >= 2, "{name}: expected several pages");
        assert!(
            r.pages[0].role(Role::PageNumber).is_empty(),
            "{name}: page 1 numbered"
        );
        let words = poppler::words(&r.pdf);
        assert!(
            !words.iter().any(|w| w.page == 1 && w.top < 19.9),
            "{name}: something in page 1's top margin"
        );
        for page in 2..=r.pages.len() {
            let top: Vec<_> = words
                .iter()
                .filter(|w| w.page == page && w.top < 19.9)
                .cloned()
                .collect();
            assert_eq!(
                top.len(),
                1,
                "{name}: page {page} top margin holds only the number"
            );
            let n = must(&top, page, &page.to_string());
            near(
                n.centre(),
                112.5,
                TOL,
                &format!("{name}: page {page} number centred"),
            );
            near(
                n.top,
                10.0,
                TOL,
                &format!("{name}: page {page} number 10 mm from the top edge"),
            );
            near(n.size, 14.0, 0.2, "page number 14 pt");
        }
        assert_no_widows_or_orphans(&r.pages, &name);
    }
}

/// A body with a short underlined phrase and one long enough to break over two lines.
const UNDERLINED: &str = "Đề nghị __các chi bộ__ trực thuộc tổ chức quán triệt, học tập và \
    __xây dựng chương trình hành động thực hiện nghị quyết của Đảng bộ tỉnh, báo cáo kết quả \
    về Văn phòng Đảng ủy trước ngày 31 tháng 5 năm 2026__ để tổng hợp chung.";

#[test]
fn underlined_runs_get_a_rule_under_each_line_they_cover() {
    let mut doc = fixtures::load("001-party");
    doc.body = UNDERLINED.into();
    let r = fixtures::rendered("underline", &doc);
    let page = &r.pages[0];
    let rules: Vec<_> = page.rules().filter(|r| r.role == Role::Body).collect();
    assert!(
        rules.len() >= 3,
        "one rule under `các chi bộ`, one under each line of the long phrase: {rules:?}"
    );
    let runs = page.role(Role::Body);
    let run_over = |rule: &vanthu_pdf::Rule| {
        *runs
            .iter()
            .find(|t| (t.x - rule.x1).0.abs() < 1e-3 && (t.right() - rule.x2).0.abs() < 1e-3)
            .unwrap_or_else(|| panic!("no body run spans the rule {rule:?}: {runs:?}"))
    };
    let over: Vec<_> = rules.iter().map(|r| run_over(r)).collect();
    assert_eq!(
        over[0].text, "các chi bộ",
        "the rule stops at the words, not at the spaces around them"
    );
    let phrase = &rules[1..];
    assert!(
        over[1].text.starts_with("xây dựng") && over.last().unwrap().text.ends_with("năm 2026")
    );
    let step = 18.0 * 25.4 / 72.0;
    for (i, pair) in phrase.windows(2).enumerate() {
        near(
            (pair[1].y - pair[0].y).0,
            step,
            0.01,
            "the phrase goes on on the next line, with a rule of its own",
        );
        near(
            pair[0].x2.0,
            195.0,
            0.01,
            &format!("rule {i} runs to the justified line's end"),
        );
        near(
            pair[1].x1.0,
            30.0,
            0.01,
            &format!("rule {} starts at the left margin", i + 1),
        );
    }
    // Where the font puts an underline: its `post` table, scaled to 14 pt.
    let fonts = vanthu_pdf::FontSet::system().unwrap();
    let (depth, thickness) = fonts.face(vanthu_pdf::Face::Regular).underline();
    for (rule, run) in rules.iter().zip(&over) {
        near(
            (rule.y - run.baseline).0,
            14.0 * 25.4 / 72.0 * depth,
            1e-3,
            "underline depth below the baseline",
        );
        assert!(
            (rule.thickness.0 - 14.0 * thickness).abs() < 1e-3,
            "underline thickness {:?}",
            rule.thickness
        );
    }

    // In the PDF, as poppler draws it: a line of ink under every underlined word, none under
    // the others or under the space before the phrase.
    let words = poppler::words(&r.pdf);
    let grey = poppler::Grey::render(&r.pdf, 1, 200);
    let ink_under = |w: &poppler::Word| {
        grey.most_inked_row(
            w.x0 + 0.2,
            w.x1 - 0.2,
            w.baseline() + 0.3,
            w.baseline() + 2.0,
        )
        .1
    };
    let body_words: Vec<&poppler::Word> = {
        let start = words
            .windows(2)
            .position(|w| w[0].text == "Đề" && w[1].text == "nghị")
            .expect("the body is printed");
        words[start..]
            .iter()
            .take_while(|w| w.text != "chung./.")
            .collect()
    };
    let underlined: Vec<&str> = "các chi bộ xây dựng chương trình hành động thực hiện nghị quyết \
        của Đảng bộ tỉnh, báo cáo kết quả về Văn phòng Đảng ủy trước ngày 31 tháng 5 năm 2026"
        .split_whitespace()
        .collect();
    let mut next = 0;
    for w in &body_words {
        // Words of the phrase are matched in order (`nghị` is also in `Đề nghị`).
        let is_underlined =
            underlined.get(next) == Some(&w.text.as_str()) && (next > 0 || w.text == "các");
        let ink = ink_under(w);
        if is_underlined {
            next += 1;
            assert!(
                ink > 0.9,
                "{:?} is not underlined in the PDF ({ink:.2} inked)",
                w.text
            );
        } else {
            assert!(
                ink < 0.6,
                "{:?} is underlined in the PDF ({ink:.2} inked)",
                w.text
            );
        }
    }
    assert_eq!(next, underlined.len(), "every underlined word was seen");
    let (nghi, cac) = (
        body_words.iter().find(|w| w.text == "nghị").unwrap(),
        body_words.iter().find(|w| w.text == "các").unwrap(),
    );
    let gap = grey.most_inked_row(
        nghi.x1 + 0.3,
        cac.x0 - 0.3,
        cac.baseline() + 0.3,
        cac.baseline() + 2.0,
    );
    assert!(
        gap.1 < 0.2,
        "the space before `các chi bộ` is underlined ({gap:?})"
    );
    poppler::pngs(&r.pdf);
}

#[test]
fn an_underline_inside_a_word_covers_only_its_letters() {
    let mut doc = fixtures::load("001-party");
    doc.body = "- Kính gửi Đảng__bộ__ khối.".into();
    let r = fixtures::rendered("underline-in-word", &doc);
    let page = &r.pages[0];
    let rules: Vec<_> = page.rules().filter(|r| r.role == Role::Body).collect();
    assert_eq!(rules.len(), 1, "{rules:?}");
    let runs = page.role(Role::Body);
    let texts: Vec<&str> = runs.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["-", "Kính gửi Đảng", "bộ", "khối./."]);
    near(
        rules[0].x1.0,
        runs[1].right().0,
        1e-3,
        "the rule starts where `Đảng` ends",
    );
    near(
        rules[0].x2.0,
        runs[2].right().0,
        1e-3,
        "the rule ends with `bộ`",
    );
    // pdftotext still reads one word.
    must(&poppler::words(&r.pdf), 1, "Kính gửi Đảngbộ khối./.");
}
