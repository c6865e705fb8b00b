//! The printed outgoing register (sổ đăng ký văn bản đi, NĐ 30/2020 Phụ lục IV): A4
//! landscape, the ten statutory columns in a ruled table whose header repeats on every page,
//! entries never split across pages, and the closing lines with the real page count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use vanthu_model::Format;
use vanthu_pdf::{
    layout_register, render_register, Page, PdfError, RegisterBook, RegisterGroup, RegisterRow,
    RenderOptions, Role,
};

use crate::measure::{chunk, find, must, near, TOL};
use crate::poppler::{self, Word};

const PAGE_W: f32 = 297.0;
const PAGE_H: f32 = 210.0;
const LEFT: f32 = 25.0;
const RIGHT: f32 = PAGE_W - 15.0;
const TOP: f32 = 20.0;
const BOTTOM: f32 = PAGE_H - 20.0;
const CENTRE: f32 = (LEFT + RIGHT) / 2.0;

/// The column titles of the form, in order, written out from NĐ 30/2020 Phụ lục IV rather than
/// taken from the crate's `REGISTER_COLUMNS`, so a slip there fails here.
const COLUMNS: [&str; 10] = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
];

const TITLES: [&str; 6] = [
    "tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu",
    "lãnh đạo thực hiện nhiệm vụ chính trị năm học 2024 - 2025 gắn với việc học tập và làm \
     theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "kiểm tra, giám sát",
    "triển khai Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây \
     dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm \
     cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống",
    "chuẩn bị đại hội chi bộ nhiệm kỳ 2025 - 2027",
    "phân công nhiệm vụ cấp ủy viên",
];
const SIGNERS: [&str; 3] = ["Nguyễn Văn Hiếu", "Trần Thị Thanh Hương", "Lê Hoàng Phúc"];
const RECIPIENTS: [&str; 3] = [
    "Ban Thường vụ Đảng ủy; Các chi bộ trực thuộc",
    "Thành ủy (để báo cáo); Ban Tổ chức Thành ủy; Các đồng chí Đảng ủy viên; Các chi bộ",
    "Chi bộ Văn phòng",
];

fn row(n: usize, kind: &str, code: &str) -> RegisterRow {
    RegisterRow {
        symbol: format!("{n}-{code}/ĐU"),
        date: format!("{:02}/{:02}/2024", 1 + n % 28, 1 + n % 12),
        kind_and_title: format!("{kind} {}", TITLES[n % TITLES.len()]),
        signer: SIGNERS[n % SIGNERS.len()].into(),
        recipients: RECIPIENTS[n % RECIPIENTS.len()].into(),
        archive_unit: "Văn phòng Đảng ủy".into(),
        copies: 3 + (n % 10) as u32,
        sent_date: String::new(),
        received_by: String::new(),
        note: if n.is_multiple_of(7) {
            "Mật".into()
        } else {
            String::new()
        },
    }
}

/// A Party book of `n` entries grouped by type, or a State book with one group.
fn book(format: Format, n: usize) -> RegisterBook {
    let kinds = [
        ("NGHỊ QUYẾT", "Nghị quyết", "NQ"),
        ("KẾ HOẠCH", "Kế hoạch", "KH"),
        ("THÔNG BÁO", "Thông báo", "TB"),
        ("CÔNG VĂN", "Công văn", "CV"),
    ];
    let groups = match format {
        Format::Party => {
            let mut groups: Vec<RegisterGroup> = kinds
                .iter()
                .map(|(h, _, _)| RegisterGroup {
                    heading: Some((*h).into()),
                    rows: Vec::new(),
                })
                .collect();
            // Fewer nghị quyết than the rest, as in a real year.
            for i in 0..n {
                let g = if i < n / 8 { 0 } else { 1 + i % 3 };
                let (_, kind, code) = kinds[g];
                let number = groups[g].rows.len() + 1;
                groups[g].rows.push(row(number, kind, code));
            }
            groups
        }
        Format::State => vec![RegisterGroup {
            heading: None,
            rows: (0..n)
                .map(|i| {
                    let (_, kind, code) = kinds[1 + i % 3];
                    let mut r = row(i + 1, kind, code);
                    r.symbol = format!("{}/{code}-SGDĐT", i + 1);
                    r
                })
                .collect(),
        }],
    };
    let (parent, name) = match format {
        Format::Party => (
            "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
            "ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        ),
        Format::State => ("UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
    };
    RegisterBook {
        format,
        issuer_parent: parent.into(),
        issuer_name: name.into(),
        period: "Năm 2024".into(),
        groups,
    }
}

struct Rendered {
    pages: Vec<Page>,
    pdf: PathBuf,
    bytes: Vec<u8>,
    words: Vec<Word>,
}

fn rendered(name: &str, book: &RegisterBook) -> Rendered {
    let options = RenderOptions::default();
    let pages = layout_register(book, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let bytes = render_register(book, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let pdf = poppler::save(&bytes, name);
    let words = poppler::words(&pdf);
    Rendered {
        pages,
        pdf,
        bytes,
        words,
    }
}

/// Page sizes in mm, from `pdfinfo`.
fn page_sizes(pdf: &Path) -> Vec<(f32, f32)> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "9999", pdf.to_str().unwrap()])
        .output()
        .expect("pdfinfo (poppler-utils) installed");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            let dims: Vec<f32> = l
                .split(" size: ")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (dims[0] * 25.4 / 72.0, dims[1] * 25.4 / 72.0)
        })
        .collect()
}

/// The 11 column boundaries of a page's table, from its vertical rules.
fn columns(page: &Page) -> Vec<f32> {
    let mut xs: Vec<f32> = Vec::new();
    for r in page.vertical_rules() {
        if !xs.iter().any(|x| (x - r.x.0).abs() < 0.01) {
            xs.push(r.x.0);
        }
    }
    xs.sort_by(f32::total_cmp);
    xs
}

/// Like [`must`], but only among the words inside `[a, b]` (the same text may be in several
/// columns).
fn must_in(words: &[Word], page: usize, text: &str, (a, b): (f32, f32)) -> crate::measure::Found {
    let inside: Vec<Word> = words
        .iter()
        .filter(|w| w.page == page && (w.x0 + w.x1) / 2.0 > a && (w.x0 + w.x1) / 2.0 < b)
        .cloned()
        .collect();
    must(&inside, page, text)
}

/// The column a run of a cell is in.
fn column_of(xs: &[f32], x: f32) -> usize {
    xs.iter().rposition(|&b| b <= x + 0.01).unwrap().min(9)
}

#[test]
fn register_is_a4_landscape_with_centred_title_and_period() {
    for format in [Format::Party, Format::State] {
        let name = format!("register-title-{}", format.key());
        let r = rendered(&name, &book(format, 12));
        let sizes = page_sizes(&r.pdf);
        assert_eq!(sizes.len(), r.pages.len(), "{name}: page count");
        for (w, h) in sizes {
            near(
                w,
                PAGE_W,
                0.1,
                &format!("{name}: page width (A4 landscape)"),
            );
            near(
                h,
                PAGE_H,
                0.1,
                &format!("{name}: page height (A4 landscape)"),
            );
        }
        let chunks = poppler::chunks(&r.pdf);
        let title = must(&r.words, 1, "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
        near(
            title.centre(),
            CENTRE,
            TOL,
            &format!("{name}: title centred"),
        );
        near(title.size, 16.0, 0.2, &format!("{name}: title 16 pt"));
        assert!(chunk(&chunks, 1, "SỔ ĐĂNG KÝ").bold, "{name}: title bold");
        let period = must(&r.words, 1, "Năm 2024");
        near(
            period.centre(),
            CENTRE,
            TOL,
            &format!("{name}: period centred"),
        );
        near(period.size, 14.0, 0.2, &format!("{name}: period 14 pt"));
        assert!(
            chunk(&chunks, 1, "Năm 2024").italic,
            "{name}: period italic"
        );
        assert!(
            period.top > title.bottom - 0.5,
            "{name}: period under the title"
        );

        // The office at the top left, centred in a 90 mm column, above the title.
        let office_centre = LEFT + 45.0;
        let parent = must(&r.words, 1, &book(format, 0).issuer_parent);
        let issuer = must(&r.words, 1, &book(format, 0).issuer_name);
        near(
            parent.top,
            TOP,
            TOL,
            &format!("{name}: office at the top margin"),
        );
        for (f, what) in [(&parent, "parent"), (&issuer, "issuer")] {
            near(
                f.centre(),
                office_centre,
                TOL,
                &format!("{name}: {what} centred"),
            );
        }
        assert!(!chunk(&chunks, 1, &book(format, 0).issuer_parent).bold);
        assert!(chunk(&chunks, 1, &book(format, 0).issuer_name).bold);
        assert!(title.top > issuer.bottom, "{name}: title under the office");
        let page = &r.pages[0];
        match format {
            Format::Party => {
                let star = must(&r.words, 1, "*");
                near(star.centre(), office_centre, TOL, "`*` under the issuer");
                assert!(star.top > issuer.bottom - 0.5 && star.bottom < title.top);
            }
            Format::State => {
                let rule = page
                    .rules()
                    .find(|r| r.role == Role::IssuerSeparator)
                    .expect("a rule under the issuer");
                near(
                    (rule.x1.0 + rule.x2.0) / 2.0,
                    office_centre,
                    0.01,
                    "rule centred",
                );
                assert!(rule.y.0 > issuer.baseline && rule.y.0 < title.top);
            }
        }
        // The table starts under the period.
        let table_top = page
            .rules()
            .filter(|r| r.role == Role::TableRule)
            .map(|r| r.y.0)
            .fold(f32::MAX, f32::min);
        assert!(table_top > period.bottom, "{name}: table under the period");
    }
}

#[test]
fn column_headers_are_bold_centred_inside_their_columns_on_every_page() {
    let name = "register-party-60";
    let r = rendered(name, &book(Format::Party, 60));
    assert!(r.pages.len() >= 3, "{name}: 60 entries fill several pages");
    let chunks = poppler::chunks(&r.pdf);
    for page in &r.pages {
        let n = page.number as usize;
        let xs = columns(page);
        assert_eq!(xs.len(), 11, "{name} p.{n}: 10 columns: {xs:?}");
        near(xs[0], LEFT, 0.01, "table starts at the left margin");
        near(xs[10], RIGHT, 0.01, "table ends at the right margin");
        let mut titles: Vec<Vec<&str>> = vec![Vec::new(); 10];
        for run in page.role(Role::ColumnHeader) {
            let c = column_of(&xs, run.x.0);
            titles[c].push(&run.text);
            let f = must_in(&r.words, n, &run.text, (xs[c], xs[c + 1]));
            assert!(
                f.left >= xs[c] + 0.5 && f.right <= xs[c + 1] - 0.5,
                "{name} p.{n}: header {:?} ({:.1}–{:.1} mm) leaves its column ({:.1}–{:.1} mm)",
                run.text,
                f.left,
                f.right,
                xs[c],
                xs[c + 1]
            );
            near(
                f.centre(),
                (xs[c] + xs[c + 1]) / 2.0,
                TOL,
                &format!("{name} p.{n}: header {:?} centred", run.text),
            );
            near(f.size, 11.0, 0.2, "header 11 pt");
            assert!(chunk(&chunks, n, &run.text).bold, "{:?} bold", run.text);
            assert!(
                f.top > 20.0 - TOL,
                "{name} p.{n}: header under the top margin"
            );
        }
        for (c, want) in COLUMNS.iter().enumerate() {
            assert_eq!(
                titles[c].join(" "),
                *want,
                "{name} p.{n}: column {} title",
                c + 1
            );
        }
        for c in 0..10 {
            let f = must(&r.words, n, &format!("({})", c + 1));
            near(
                f.centre(),
                (xs[c] + xs[c + 1]) / 2.0,
                TOL,
                &format!("{name} p.{n}: ({}) centred in its column", c + 1),
            );
        }
        if n > 1 {
            // Repeated header: at the top margin of the continuation pages.
            let top = page
                .rules()
                .filter(|r| r.role == Role::TableRule)
                .map(|r| r.y.0)
                .fold(f32::MAX, f32::min);
            near(
                top,
                TOP,
                0.01,
                &format!("{name} p.{n}: table at the top margin"),
            );
        }
    }
    // Widths: the trích yếu and the recipients widest, room to sign in Ký nhận.
    let xs = columns(&r.pages[0]);
    let widths: Vec<f32> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    let mut order: Vec<usize> = (0..10).collect();
    order.sort_by(|&a, &b| widths[b].total_cmp(&widths[a]));
    assert_eq!(&order[..2], &[2, 4], "widest columns: {widths:?}");
    assert!(
        widths[8] >= 20.0,
        "Ký nhận {:.1} mm: too narrow to sign",
        widths[8]
    );
}

#[test]
fn entries_never_split_and_stay_inside_the_margins() {
    for format in [Format::Party, Format::State] {
        let name = format!("register-split-{}", format.key());
        let b = book(format, 60);
        let r = rendered(&name, &b);
        assert!(r.pages.len() >= 3, "{name}: several pages");
        // Layout: every line of an entry on one page, inside its cell and its row.
        let mut page_of: BTreeMap<usize, BTreeSet<u32>> = BTreeMap::new();
        for page in &r.pages {
            let xs = columns(page);
            let mut hs: Vec<f32> = page
                .rules()
                .filter(|r| r.role == Role::TableRule)
                .map(|r| r.y.0)
                .collect();
            hs.sort_by(f32::total_cmp);
            hs.dedup_by(|a, b| (*a - *b).abs() < 0.01);
            let mut rows: BTreeMap<usize, (f32, f32)> = BTreeMap::new();
            for run in page.role(Role::RegisterCell) {
                let entry = run.block.expect("a cell knows its entry");
                page_of.entry(entry).or_default().insert(page.number);
                let c = column_of(&xs, run.x.0);
                assert!(
                    run.x.0 >= xs[c] + 1.49 && run.right().0 <= xs[c + 1] - 1.49,
                    "{name}: {:?} crosses its column's padding",
                    run.text
                );
                let e = rows.entry(entry).or_insert((f32::MAX, f32::MIN));
                e.0 = e.0.min(run.baseline.0);
                e.1 = e.1.max(run.baseline.0);
            }
            for (entry, (first, last)) in rows {
                // The rules just above the first line and just below the last one.
                let above = hs.iter().rev().find(|&&y| y < first).copied().unwrap();
                let below = hs.iter().find(|&&y| y > last).copied().unwrap();
                let between = hs.iter().filter(|&&y| y > above && y < below).count();
                assert_eq!(between, 0, "{name}: a rule crosses entry {entry}");
                assert!(
                    below - above >= 10.0 - 0.01,
                    "{name}: entry {entry} only {:.1} mm tall: no room to sign",
                    below - above
                );
                assert!(
                    below <= BOTTOM + 0.01,
                    "{name}: entry {entry} under the margin"
                );
            }
        }
        let total: usize = b.groups.iter().map(|g| g.rows.len()).sum();
        assert_eq!(page_of.len(), total, "{name}: every entry printed");
        for (entry, pages) in &page_of {
            assert_eq!(pages.len(), 1, "{name}: entry {entry} split over {pages:?}");
        }
        // PDF: each entry's symbol printed once, on the page layout gave it, with all of
        // that entry's lines on the same page.
        let symbols: Vec<&str> = b
            .groups
            .iter()
            .flat_map(|g| g.rows.iter().map(|r| r.symbol.as_str()))
            .collect();
        for (entry, symbol) in symbols.iter().enumerate() {
            let on: Vec<usize> = r
                .words
                .iter()
                .filter(|w| w.text == *symbol)
                .map(|w| w.page)
                .collect();
            let page = *page_of[&entry].iter().next().unwrap() as usize;
            assert_eq!(on, vec![page], "{name}: {symbol} printed on {on:?}");
            for run in r.pages[page - 1]
                .role(Role::RegisterCell)
                .into_iter()
                .filter(|t| t.block == Some(entry))
            {
                assert!(
                    find(&r.words, page, &run.text).is_some(),
                    "{name}: {:?} of {symbol} not printed on page {page}",
                    run.text
                );
            }
        }
        // No glyph outside the margins (the page number sits in the top margin, by design).
        for w in &r.words {
            let page_number = w.text == w.page.to_string() && w.top < TOP;
            if page_number {
                continue;
            }
            assert!(
                w.x0 >= LEFT - TOL && w.x1 <= RIGHT + TOL,
                "{name} p.{}: {:?} at {:.1}–{:.1} mm crosses a side margin",
                w.page,
                w.text,
                w.x0,
                w.x1
            );
            assert!(
                w.top >= TOP - TOL && w.bottom <= BOTTOM + TOL,
                "{name} p.{}: {:?} at {:.1}–{:.1} mm crosses the top or bottom margin",
                w.page,
                w.text,
                w.top,
                w.bottom
            );
        }
        // Page numbers at the top centre, from page 2.
        for page in &r.pages {
            let n = page.number as usize;
            let numbers: Vec<&Word> = r
                .words
                .iter()
                .filter(|w| w.page == n && w.top < TOP && w.text == n.to_string())
                .collect();
            if n == 1 {
                assert!(numbers.is_empty(), "{name}: page 1 is not numbered");
            } else {
                assert_eq!(numbers.len(), 1, "{name}: page {n} numbered once");
                let centre = (numbers[0].x0 + numbers[0].x1) / 2.0;
                near(
                    centre,
                    CENTRE,
                    TOL,
                    &format!("{name}: page number {n} centred"),
                );
            }
        }
    }
}

#[test]
fn table_rules_form_a_closed_grid() {
    for format in [Format::Party, Format::State] {
        let name = format!("register-grid-{}", format.key());
        let r = rendered(&name, &book(format, 60));
        for page in &r.pages {
            let n = page.number;
            let hs: Vec<_> = page.rules().filter(|r| r.role == Role::TableRule).collect();
            let xs = columns(page);
            if hs.is_empty() {
                continue; // a page holding only the closing lines
            }
            assert_eq!(xs.len(), 11, "{name} p.{n}");
            for h in &hs {
                near(
                    h.x1.0,
                    xs[0],
                    0.01,
                    &format!("{name} p.{n}: rule from the left edge"),
                );
                near(
                    h.x2.0,
                    xs[10],
                    0.01,
                    &format!("{name} p.{n}: rule to the right edge"),
                );
            }
            let mut ys: Vec<f32> = hs.iter().map(|h| h.y.0).collect();
            ys.sort_by(f32::total_cmp);
            ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
            let (top, bottom) = (ys[0], *ys.last().unwrap());
            // Every vertical ends on a horizontal rule.
            for v in page.vertical_rules() {
                for end in [v.y1.0, v.y2.0] {
                    assert!(
                        ys.iter().any(|&y| (y - end).abs() < 0.01),
                        "{name} p.{n}: a column rule at {:.1} mm ends at {end:.2} mm, off the grid",
                        v.x.0
                    );
                }
            }
            let covered = |x: f32, a: f32, b: f32| {
                page.vertical_rules()
                    .any(|v| (v.x.0 - x).abs() < 0.01 && v.y1.0 <= a + 0.01 && v.y2.0 >= b - 0.01)
            };
            for x in [xs[0], xs[10]] {
                assert!(
                    covered(x, top, bottom),
                    "{name} p.{n}: outer edge open at {x:.1}"
                );
            }
            // Every row band is closed on all sides; a group heading spans the table.
            let headings: Vec<f32> = page
                .role(Role::RegisterGroup)
                .iter()
                .map(|t| t.baseline.0)
                .collect();
            for band in ys.windows(2) {
                let (a, b) = (band[0], band[1]);
                let heading = headings.iter().any(|&y| y > a && y < b);
                for &x in &xs[1..10] {
                    assert_eq!(
                        covered(x, a, b),
                        !heading,
                        "{name} p.{n}: column rule at {x:.1} mm between {a:.1} and {b:.1} mm \
                         (heading row: {heading})"
                    );
                }
            }
        }
    }
}

#[test]
fn party_books_have_group_headings_state_books_none() {
    let b = book(Format::Party, 60);
    let r = rendered("register-party-60", &b);
    let chunks = poppler::chunks(&r.pdf);
    for group in &b.groups {
        let heading = group.heading.as_deref().unwrap();
        let (page, run) = r
            .pages
            .iter()
            .find_map(|p| {
                p.role(Role::RegisterGroup)
                    .into_iter()
                    .find(|t| t.text == heading)
                    .map(|t| (p.number as usize, t.clone()))
            })
            .unwrap_or_else(|| panic!("heading {heading:?} not laid out"));
        let f = must(&r.words, page, heading);
        near(
            f.left,
            LEFT + 1.5,
            TOL,
            &format!("{heading}: inside the table"),
        );
        assert!(chunk(&chunks, page, heading).bold, "{heading} bold");
        // On the same page as, and just above, the first entry of its group.
        let first = must(&r.words, page, &group.rows[0].symbol);
        assert!(
            first.top > f.bottom && first.top - run.baseline.0 < 15.0,
            "{heading}: not directly above its first entry"
        );
    }
    let s = rendered("register-split-state", &book(Format::State, 60));
    assert!(s
        .pages
        .iter()
        .all(|p| p.role(Role::RegisterGroup).is_empty()));
}

#[test]
fn closing_lines_count_the_real_pages_and_stay_together() {
    for (format, rows) in [(Format::Party, 60), (Format::State, 25), (Format::Party, 3)] {
        let name = format!("register-closing-{}-{rows}", format.key());
        let r = rendered(&name, &book(format, rows));
        let n = page_sizes(&r.pdf).len();
        assert_eq!(n, r.pages.len());
        let note = format!("Sổ này có {n:02} trang, đánh số từ trang 01 đến trang {n:02}.");
        let f = must(&r.words, n, &note);
        near(
            f.left,
            LEFT,
            TOL,
            &format!("{name}: note at the left margin"),
        );
        let chunks = poppler::chunks(&r.pdf);
        let date = must(&r.words, n, "Ngày ...... tháng ...... năm ........");
        let closer = must(&r.words, n, "NGƯỜI ĐÓNG SỔ");
        let closer_hint = must(&r.words, n, "(Ký, ghi rõ họ tên)");
        let head = must(&r.words, n, "THỦ TRƯỞNG CƠ QUAN");
        let head_hint = must(&r.words, n, "(Ký tên, đóng dấu)");
        assert!(chunk(&chunks, n, "NGƯỜI ĐÓNG SỔ").bold);
        assert!(chunk(&chunks, n, "THỦ TRƯỞNG CƠ QUAN").bold);
        assert!(chunk(&chunks, n, "(Ký, ghi rõ họ tên)").italic);
        let right_centre = LEFT + (RIGHT - LEFT) * 0.75;
        let left_centre = LEFT + (RIGHT - LEFT) * 0.25;
        for (found, centre, what) in [
            (&date, right_centre, "date"),
            (&closer, right_centre, "NGƯỜI ĐÓNG SỔ"),
            (&closer_hint, right_centre, "(Ký, ghi rõ họ tên)"),
            (&head, left_centre, "THỦ TRƯỞNG CƠ QUAN"),
            (&head_hint, left_centre, "(Ký tên, đóng dấu)"),
        ] {
            near(
                found.centre(),
                centre,
                TOL,
                &format!("{name}: {what} centred"),
            );
        }
        near(head.baseline, closer.baseline, 0.05, "the two titles level");
        assert!(f.bottom < date.top && date.bottom < closer.top && closer.bottom < closer_hint.top);
        // Under the table, with room to sign above the bottom margin.
        let last = &r.pages[n - 1];
        let table_bottom = last
            .rules()
            .filter(|r| r.role == Role::TableRule)
            .map(|r| r.y.0)
            .fold(0.0, f32::max);
        assert!(f.top > table_bottom, "{name}: closing under the table");
        assert!(
            closer_hint.bottom + 20.0 <= BOTTOM,
            "{name}: no room to sign"
        );
        assert!(
            !last.role(Role::RegisterCell).is_empty(),
            "{name}: the closing lines alone on the last page; an entry should come with them"
        );
        for p in &r.pages[..n - 1] {
            for role in [Role::ClosingNote, Role::ClosingTitle, Role::ClosingHint] {
                assert!(
                    p.role(role).is_empty(),
                    "{name}: {role:?} on page {}",
                    p.number
                );
            }
        }
    }
}

#[test]
fn empty_book_still_prints_header_table_and_closing() {
    for format in [Format::Party, Format::State] {
        let name = format!("register-empty-{}", format.key());
        let mut b = book(format, 0);
        let r = rendered(&name, &b);
        assert_eq!(r.pages.len(), 1, "{name}: one page");
        must(&r.words, 1, "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
        must(&r.words, 1, "Năm 2024");
        for c in 1..=10 {
            must(&r.words, 1, &format!("({c})"));
        }
        assert!(r.pages[0].role(Role::ColumnHeader).len() >= 10);
        must(
            &r.words,
            1,
            "Sổ này có 01 trang, đánh số từ trang 01 đến trang 01.",
        );
        must(&r.words, 1, "NGƯỜI ĐÓNG SỔ");
        must(&r.words, 1, "THỦ TRƯỞNG CƠ QUAN");
        // No groups at all, and a group heading with no entries, print the same table.
        b.groups.clear();
        let none = layout_register(&b, &RenderOptions::default()).unwrap();
        assert_eq!(none.len(), 1);
        assert!(none[0].role(Role::RegisterCell).is_empty());
    }
}

#[test]
fn long_symbols_break_after_a_slash_or_dash() {
    let mut b = book(Format::State, 2);
    b.groups[0].rows[0].symbol = "1234/KH-SGDĐT-VP".into();
    let pages = layout_register(&b, &RenderOptions::default()).unwrap();
    let xs = columns(&pages[0]);
    let lines: Vec<&str> = pages[0]
        .role(Role::RegisterCell)
        .into_iter()
        .filter(|t| t.block == Some(0) && column_of(&xs, t.x.0) == 0)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(lines, ["1234/KH-", "SGDĐT-VP"]);
}

#[test]
fn same_book_same_bytes() {
    let b = book(Format::Party, 20);
    let options = RenderOptions::default();
    let a = render_register(&b, &options).unwrap();
    let again = render_register(&b, &options).unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == again, "two renderings of the same book differ");
    let fonts = poppler::fonts(&poppler::save(&a, "register-determinism"));
    assert!(
        fonts.iter().all(|f| f.2 && f.3),
        "fonts embedded and subset: {fonts:?}"
    );
}

#[test]
fn a_character_without_glyph_names_its_field() {
    let mut b = book(Format::State, 3);
    b.groups[0].rows[1].recipients = "Sở Tài chính ☃".into();
    let err = layout_register(&b, &RenderOptions::default()).unwrap_err();
    match err {
        PdfError::MissingGlyph { ch, field, .. } => {
            assert_eq!(ch, '☃');
            assert_eq!(field, "groups[0].rows[1].recipients");
        }
        other => panic!("expected a missing glyph, got {other}"),
    }
}

/// Pictures at 60 dpi of a multi-page book in each format, in $TMPDIR/vanthu-pdf, to look at
/// beside a paper register.
#[test]
fn register_renders_to_png() {
    for format in [Format::Party, Format::State] {
        let name = format!("register-png-{}", format.key());
        let r = rendered(&name, &book(format, 40));
        assert!(r.bytes.len() > 10_000);
        let stem = r.pdf.with_extension("");
        let status = Command::new("pdftoppm")
            .args(["-r", "60", "-png"])
            .arg(&r.pdf)
            .arg(&stem)
            .status()
            .expect("pdftoppm (poppler-utils) installed");
        assert!(status.success());
        for n in 1..=r.pages.len() {
            let png = PathBuf::from(format!("{}-{n}.png", stem.display()));
            assert!(
                std::fs::metadata(&png)
                    .map(|m| m.len() > 5_000)
                    .unwrap_or(false),
                "{png:?} missing or empty"
            );
        }
    }
}
