//! The importer against openings of real documents as published on the web (see
//! `tests/fixtures/real/fields.tsv`: the source of each, and the fields a person reads from it).
//!
//! The corpus plans are three files the importer was written against; these are 197 it was
//! not. Each row has a split, fixed before the reader was changed for it: `tune` documents may
//! be looked at while improving the reader; `heldout` (every fourth of the first forty) and
//! `heldout9` (sixteen openings, 14 State and 2 Party, collected and written down by a helper
//! who never ran or read the importer, measured once after heldout8's rules, at 62/64 and
//! 14/14) are only measured, so their figures say how the reader does on documents nobody
//! tuned it on.
//!
//! `heldout2` to `heldout8` were held-out sets once. Each was measured before the
//! reader was changed for it, and its failures were then fixed with general rules, so each is
//! a tuning set now, like `tune`:
//! - heldout2 (twenty chi bộ, đảng ủy and huyện ủy openings less those numbered 1 or 3 modulo
//!   5) at 37 of 48 fields and 4 of 10 trích yếu; then fixed: a web page's text before the
//!   header, words glued by a scrape, a header table cut into word groups, a type name and
//!   trích yếu in capitals on one line, a page's own date;
//! - heldout3 (twelve openings collected and written down before the importer ran on them)
//!   at 25/48 and 5/12, then 41/48 and 8/12 after heldout2's rules; then fixed: a page's title
//!   or an editor's introduction above the text, a law site's table of particulars, a cited
//!   document's date taken for the document's, a symbol with two slashes, a motto the scrape
//!   cut, the format of a text without a header judged by the documents it cites;
//! - heldout4 (twenty-four openings collected and written down by a helper who never ran or
//!   read the importer, not looked at by whoever changed the reader until measured) at 90/96
//!   (93.8 %) and 22/24; then fixed: the legislature's `Nghị quyết số: 653/2019/UBTVQH14`, a
//!   stray `.` line inside the header, a page's title ending in a full stop above the type
//!   name, symbols typed with spaces or two slashes among the cited ones. Its `Số: /KHLĐ` is
//!   still read as type `KH` and code `LĐ` (the table reads `KHLĐ` as the code): both readings
//!   are defensible and the reader was not bent to the table.
//! - heldout5 (twenty-four more, collected the same way, 11 Party and 13 State) at 82/96
//!   (85.4 %) and 18/23; then fixed: a page's time stamp (`Ngày 05/04/2021 15:19:58`) or a
//!   date without a place taken for the document's, a page's label in title case
//!   (`Thông Báo`) that kept the page's lines, a document whose only header line is its type
//!   name under a page's counter and title, `DỰ THẢO BÁO CÁO`, a flattened header whose type
//!   name follows its date or number, the Youth Union's heading written out, a page that gives
//!   the trích yếu in its title and the number and date in its introduction.
//! - heldout6 (nineteen more; five Thông tư and Nghị định the collector found were left out,
//!   no office VănThư serves issues them) at 70/76 (92.1 %) and 16/17; then fixed: a `V/v`
//!   line in quotes, `Số     CV/ĐU` with the number and hyphen left out, the Young Pioneers'
//!   heading, a page's title naming a heading (`Kế hoạch của ĐOÀN TNCS HỒ CHÍ MINH …`), a
//!   site's banner above a page's time stamp (`Cập nhật lúc : 16:09 25/10/2021`), `02/KH.LĐ`,
//!   HTML tags from a page's source.
//! - heldout7 (twenty-one more) at 79/84 (94.0 %) and 20/20; then fixed: a header a narrow
//!   table broke over lines read as a page's (the fallback for a document with only its type
//!   name now leaves such lines alone), a page's heading repeating the type name above the
//!   header, `LÊ QUÝ ĐÔN Số: …/KH-LQĐ` in one row, a `DỰ THẢO` mark between `Số` and its
//!   symbol.
//! - heldout8 (twenty-one more, twenty of them State: the Party side of the search corpus
//!   ran out) at 79/84 (94.0 %) and 19/19; then fixed: line breaks a page's script wrote out
//!   as `\r\n`, a code with a full stop (`QC-TT.HĐND-UBND`), `Số:` whose symbol a page put
//!   after the national heading.
//!
//! Tuning sets are kept from falling below what they were last read at ([`TUNED_FLOOR`]). Run
//! with `--nocapture` to see the misses and the table of shares per split.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use vanthu_import::import_text;
use vanthu_model::numbering::parse_symbol;
use vanthu_model::text::folded_words;
use vanthu_model::{Conventions, Format, Kind};

/// The bar for a held-out split: of its type, number, date and format fields taken
/// together, this share must be read right.
const HELD_OUT_MIN: f64 = 0.95;

/// The splits that were set aside before the reader was tuned, and are asserted on.
const HELD_OUT: [&str; 2] = ["heldout", "heldout9"];

/// What a split was read at: type, number, date and format fields together, and trích yếu
/// read of the documents that have one, each as (right, total).
struct Reading {
    split: &'static str,
    /// Type, number, date and format fields together: (right, total).
    fields: (usize, usize),
    /// Trích yếu read, of the documents that have one: (read, present).
    titles: (usize, usize),
}

impl Reading {
    const fn new(split: &'static str, fields: (usize, usize), titles: (usize, usize)) -> Self {
        Reading {
            split,
            fields,
            titles,
        }
    }

    /// Fails the test when `fields` or `titles`, read now, are a smaller share than this
    /// reading's; `what` says which documents they are.
    fn assert_not_below(&self, fields: (usize, usize), titles: (usize, usize), what: &str) {
        let not_below = |now: (usize, usize), was: (usize, usize)| now.0 * was.1 >= was.0 * now.1;
        assert!(
            not_below(fields, self.fields) && not_below(titles, self.titles),
            "{what}: {}/{} fields (was {}/{}), {}/{} trích yếu read (was {}/{})",
            fields.0,
            fields.1,
            self.fields.0,
            self.fields.1,
            titles.0,
            titles.1,
            self.titles.0,
            self.titles.1
        );
    }
}

/// Splits the reader was tuned on, as read when it was last changed: a later change must not
/// read fewer.
const TUNED_FLOOR: [Reading; 8] = [
    Reading::new("tune", (151, 152), (35, 36)),
    Reading::new("heldout2", (48, 48), (10, 10)),
    Reading::new("heldout3", (48, 48), (12, 12)),
    Reading::new("heldout4", (95, 96), (24, 24)),
    Reading::new("heldout5", (96, 96), (23, 23)),
    Reading::new("heldout6", (76, 76), (17, 17)),
    Reading::new("heldout7", (84, 84), (20, 20)),
    Reading::new("heldout8", (84, 84), (19, 19)),
];

/// A held-out split below the bar: what was read right when the reader was last changed.
struct Shortfall {
    read: Reading,
    why: &'static str,
}

/// Held-out splits measured below the bar, with what was read right when the reader was last
/// changed (type, number, date and format together; trích yếu read of those present) and why.
/// The reader is never tuned on a held-out split, so such a split is not made to pass: the
/// test prints that it falls short and keeps it from falling further. Once it reaches the bar
/// the test says so, and the entry goes.
const BELOW_BAR: [Shortfall; 0] = [];

/// The splits, in the order the table prints them.
const SPLITS: [&str; 11] = [
    "tune", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
    "heldout8", "heldout9", "all",
];

/// Documents whose trích yếu a person reads but the importer cannot, and why. Kept short and
/// explained; everything else must give its trích yếu.
const UNREADABLE_TITLES: [(&str, &str); 1] = [(
    "035-quyet-dinh-uy-ban-dan-toc.txt",
    "the PDF text layer lost every marked letter (`QUY T Đ NH`), so the type name cannot be \
     read, and the trích yếu runs on into the preamble on the same line",
)];

struct Expected {
    file: String,
    split: String,
    format: Format,
    kind: Option<Kind>,
    number: Option<u32>,
    symbol: String,
    date: Option<NaiveDate>,
    title: String,
}

fn fixtures_dir() -> String {
    format!("{}/tests/fixtures/real", env!("CARGO_MANIFEST_DIR"))
}

fn table() -> Vec<Expected> {
    let path = format!("{}/fields.tsv", fixtures_dir());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 9, "fields.tsv row has not 9 cells: {line}");
            let optional = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            let split = cells[2].to_owned();
            assert!(
                SPLITS[..SPLITS.len() - 1].contains(&split.as_str()),
                "unknown split {split} in {line}"
            );
            Expected {
                file: cells[0].to_owned(),
                split,
                format: match cells[3] {
                    "party" => Format::Party,
                    "state" => Format::State,
                    other => panic!("unknown format {other} in {line}"),
                },
                kind: optional(cells[4]).map(|k| {
                    Kind::from_key(&k).unwrap_or_else(|| panic!("unknown kind {k} in {line}"))
                }),
                number: optional(cells[5]).map(|n| n.parse().expect("a number")),
                symbol: cells[6].to_owned(),
                date: optional(cells[7])
                    .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").expect("a date")),
                title: cells[8].to_owned(),
            }
        })
        .collect()
}

/// The issuing body's code in a symbol as the document prints it without its number: after
/// the slash of a Party symbol (`KH/ĐU`, `QĐ/TWĐTN-VP`, a typist's `/ĐU`), after the type of a
/// State one (`KH-UBND`), or all of a State công văn's (`UBND-NCTH`).
fn expected_code(symbol: &str) -> String {
    if symbol.is_empty() {
        return String::new();
    }
    if let Some((_, code)) = symbol.split_once('/') {
        return code.to_owned();
    }
    parse_symbol(&format!("1/{symbol}"), &Conventions::default())
        .map(|p| p.code)
        .unwrap_or_else(|| symbol.to_owned())
}

/// Titles compared as a reader would: case, marks and spacing aside.
fn same_title(a: &str, b: &str) -> bool {
    folded_words(a) == folded_words(b)
}

/// The columns of the table. `number` is the number and the symbol's issuer code together
/// (the type in the symbol is the `type` column, its punctuation the `format` one); `title
/// read` counts only documents that have a trích yếu.
const FIELDS: [&str; 6] = [
    "type",
    "number",
    "date",
    "format",
    "title read",
    "title same",
];
/// The fields the held-out bar is about, taken together.
const ASSERTED: [&str; 4] = ["type", "number", "date", "format"];

#[test]
fn real_documents_read_as_a_person_reads_them() {
    let rows = table();
    assert!(rows.len() >= 60, "only {} real documents", rows.len());
    // split → field → (right, total)
    let mut score: BTreeMap<&str, BTreeMap<&str, (usize, usize)>> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut titles_missing = Vec::new();
    for row in &rows {
        let path = format!("{}/{}", fixtures_dir(), row.file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let imported = import_text(&bytes, &Conventions::default())
            .unwrap_or_else(|e| panic!("{} was refused: {}", row.file, e.message_vi()));
        let doc = &imported.document;
        let want_code = expected_code(&row.symbol);
        let has_title = !row.title.is_empty();
        // (field, counted, right, want, got)
        let checks: [(&str, bool, bool, String, String); 6] = [
            (
                "type",
                true,
                doc.kind == row.kind,
                format!("{:?}", row.kind.map(Kind::key)),
                format!("{:?}", doc.kind.map(Kind::key)),
            ),
            (
                "number",
                true,
                doc.number == row.number && doc.issuer.code == want_code,
                format!("{:?} {want_code:?}", row.number),
                format!("{:?} {:?}", doc.number, doc.issuer.code),
            ),
            (
                "date",
                true,
                doc.date == row.date,
                format!("{:?}", row.date),
                format!("{:?}", doc.date),
            ),
            (
                "format",
                true,
                doc.format == row.format,
                format!("{:?}", row.format),
                format!("{:?}", doc.format),
            ),
            (
                "title read",
                has_title,
                !doc.title.is_empty(),
                row.title.clone(),
                doc.title.clone(),
            ),
            (
                "title same",
                true,
                same_title(&doc.title, &row.title),
                row.title.clone(),
                doc.title.clone(),
            ),
        ];
        for (field, counted, right, want, got) in checks {
            if !counted {
                continue;
            }
            for split in [row.split.as_str(), "all"] {
                let split = SPLITS.iter().find(|s| **s == split).expect("a known split");
                let cell = score.entry(split).or_default().entry(field).or_default();
                cell.1 += 1;
                if right {
                    cell.0 += 1;
                }
            }
            if !right {
                misses.push(format!(
                    "{:<8} {:<49} {:<11} want {want}\n{:<71} got  {got}",
                    row.split, row.file, field, ""
                ));
                let below_bar = BELOW_BAR.iter().any(|b| b.read.split == row.split);
                if field == "title read"
                    && !below_bar
                    && !UNREADABLE_TITLES.iter().any(|(f, _)| *f == row.file)
                {
                    titles_missing.push(row.file.clone());
                }
            }
        }
    }

    println!("\nMisses ({}):", misses.len());
    for miss in &misses {
        println!("{miss}");
    }
    println!("\nShare right per field (title read: of the documents that have a trích yếu):");
    print!("{:<10}", "split");
    for field in FIELDS.iter().chain(&["4 together"]) {
        print!("{field:>12}");
    }
    println!();
    let together = |fields: &BTreeMap<&str, (usize, usize)>| {
        ASSERTED.iter().fold((0, 0), |(r, t), f| {
            let (right, total) = fields.get(f).copied().unwrap_or_default();
            (r + right, t + total)
        })
    };
    for split in SPLITS {
        let Some(fields) = score.get(split) else {
            continue;
        };
        print!("{split:<10}");
        for field in FIELDS {
            let (right, total) = fields.get(field).copied().unwrap_or_default();
            print!("{:>12}", format!("{right}/{total}"));
        }
        let (right, total) = together(fields);
        println!("{:>12}", format!("{right}/{total}"));
    }

    for split in HELD_OUT {
        let (right, total) = together(&score[split]);
        let share = right as f64 / total as f64;
        let titles = score[split].get("title read").copied().unwrap_or_default();
        let titles_all = titles.0 == titles.1;
        match BELOW_BAR.iter().find(|b| b.read.split == split) {
            None => assert!(
                share >= HELD_OUT_MIN && titles_all,
                "on the {split} documents {right} of {total} type, number, date and format \
                 fields were read right ({:.1} %, the bar is {:.0} %) and {} of {} trích yếu \
                 (the bar is all)",
                share * 100.0,
                HELD_OUT_MIN * 100.0,
                titles.0,
                titles.1
            ),
            Some(Shortfall { read, why }) => {
                println!(
                    "\n{split} is below the bar: {right}/{total} fields ({:.1} %, the bar is \
                     {:.0} %), {}/{} trích yếu read. Why: {why}.",
                    share * 100.0,
                    HELD_OUT_MIN * 100.0,
                    titles.0,
                    titles.1
                );
                read.assert_not_below(
                    (right, total),
                    titles,
                    &format!("the {split} documents got worse"),
                );
                assert!(
                    !(share >= HELD_OUT_MIN && titles_all),
                    "the {split} documents now meet the bar: take {split} out of BELOW_BAR"
                );
            }
        }
    }
    for floor in TUNED_FLOOR {
        let split = floor.split;
        let titles = score[split].get("title read").copied().unwrap_or_default();
        floor.assert_not_below(
            together(&score[split]),
            titles,
            &format!("the reader got worse on the {split} documents it was tuned on"),
        );
    }
    assert!(
        titles_missing.is_empty(),
        "no trích yếu was read from documents that have one: {titles_missing:?}"
    );
}
