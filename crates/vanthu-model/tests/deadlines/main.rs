//! Deadlines read from real plans: precision and recall of `deadline::extract` against the
//! deadlines a person reads in them (`tests/fixtures/deadlines/expected.tsv`, written by reading
//! each text before the extractor ran on it). The held-out texts were not used to tune it; their
//! figures are printed apart. Run with `--nocapture` to see the figures and every miss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use vanthu_model::deadline::{extract, Found, Recurrence};

/// The floor both figures must reach over all the texts.
const MIN_PRECISION: f64 = 0.9;
const MIN_RECALL: f64 = 0.9;

struct Row {
    file: String,
    split: String,
    document_date: Option<NaiveDate>,
    due: NaiveDate,
    from: Option<NaiveDate>,
    recurrence: Option<Recurrence>,
    units: String,
    sentence_start: String,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadlines")
}

fn date(cell: &str, what: &str) -> Option<NaiveDate> {
    (!cell.is_empty()).then(|| {
        NaiveDate::parse_from_str(cell, "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("expected.tsv: {what} {cell:?}: {e}"))
    })
}

fn rows() -> Vec<Row> {
    let table = std::fs::read_to_string(fixtures().join("expected.tsv")).expect("expected.tsv");
    let mut lines = table.lines();
    assert_eq!(
        lines.next().map(|h| h.split('\t').count()),
        Some(9),
        "expected.tsv has the nine columns its README names"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 9, "expected.tsv row {l:?}");
            Row {
                file: c[0].to_owned(),
                split: c[2].to_owned(),
                document_date: date(c[3], "document_date"),
                due: date(c[4], "due").expect("every row has a due date"),
                from: date(c[5], "from"),
                recurrence: (!c[6].is_empty()).then(|| {
                    Recurrence::from_key(c[6]).unwrap_or_else(|| panic!("recurrence {:?}", c[6]))
                }),
                units: c[7].to_owned(),
                sentence_start: c[8].nfc().collect(),
            }
        })
        .collect()
}

/// The text of a fixture: ours, or one of the corpus plans (`corpus/…`).
fn read(file: &str) -> String {
    let path = match file.strip_prefix("corpus/") {
        Some(name) => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/corpus")
            .join(name),
        None => fixtures().join(file),
    };
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Default)]
struct Score {
    found: usize,
    right: usize,
    expected: usize,
    recalled: usize,
    from_agrees: usize,
    units_agree: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.found += other.found;
        self.right += other.right;
        self.expected += other.expected;
        self.recalled += other.recalled;
        self.from_agrees += other.from_agrees;
        self.units_agree += other.units_agree;
    }
    fn precision(&self) -> f64 {
        ratio(self.right, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.recalled, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Whether the found units say what the row says (informative: units are not scored).
fn units_agree(found: &Found, expected: &str) -> bool {
    let expected = expected.to_lowercase();
    if expected.is_empty() {
        return found.units.is_empty();
    }
    !found.units.is_empty()
        && found
            .units
            .iter()
            .all(|u| expected.contains(&u.to_lowercase()))
}

fn score_file(file: &str, rows: &[&Row]) -> (Score, Vec<Found>) {
    let document_date = rows[0].document_date;
    assert!(
        rows.iter().all(|r| r.document_date == document_date),
        "{file}: every row gives the same document date"
    );
    let found = extract(&read(file), document_date).deadlines;
    let mut used = vec![false; found.len()];
    let mut score = Score {
        found: found.len(),
        expected: rows.len(),
        ..Score::default()
    };
    for row in rows {
        let hit = found.iter().enumerate().position(|(i, f)| {
            !used[i] && f.due == row.due && f.text.contains(row.sentence_start.as_str())
        });
        match hit {
            Some(i) => {
                used[i] = true;
                score.recalled += 1;
                score.from_agrees += usize::from(found[i].from == row.from);
                score.units_agree += usize::from(units_agree(&found[i], &row.units));
                assert_eq!(
                    found[i].recurrence, row.recurrence,
                    "{file}: the recurrence of {:?}",
                    row.sentence_start
                );
            }
            None => println!("  missed  {file}: {} in {:?}", row.due, row.sentence_start),
        }
    }
    score.right = used.iter().filter(|u| **u).count();
    let extra: Vec<Found> = found
        .into_iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(f, _)| f)
        .collect();
    for f in &extra {
        println!("  extra   {file}: {} in {:?}", f.due, f.text);
    }
    (score, extra)
}

#[test]
fn deadlines_of_real_plans_are_found_with_high_precision_and_recall() {
    let rows = rows();
    let mut by_file: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_file.entry(r.file.as_str()).or_default().push(r);
    }
    let mut by_split: BTreeMap<&str, Score> = BTreeMap::new();
    let mut all = Score::default();
    for (file, rows) in &by_file {
        let split = rows[0].split.as_str();
        assert!(
            rows.iter().all(|r| r.split == split),
            "{file}: one split per file"
        );
        let (score, _) = score_file(file, rows);
        by_split.entry(split).or_default().add(&score);
        all.add(&score);
    }
    let heldout_files = by_file.values().filter(|r| r[0].split == "heldout").count();
    assert!(heldout_files >= 5, "at least five texts are held out");
    by_split.insert("all", all);
    println!("split     found  right  expected  precision  recall  from-agrees  units-agree");
    for (split, s) in &by_split {
        println!(
            "{split:<8}  {:>5}  {:>5}  {:>8}  {:>9.3}  {:>6.3}  {:>6}/{:<4}  {:>6}/{}",
            s.found,
            s.right,
            s.expected,
            s.precision(),
            s.recall(),
            s.from_agrees,
            s.recalled,
            s.units_agree,
            s.recalled
        );
    }
    let all = &by_split["all"];
    assert!(
        all.precision() >= MIN_PRECISION,
        "a clerk would see too many dates that are no deadline: precision {:.3}",
        all.precision()
    );
    assert!(
        all.recall() >= MIN_RECALL,
        "a clerk would miss too many deadlines: recall {:.3}",
        all.recall()
    );
}

#[test]
fn the_corpus_plans_give_their_deadlines_and_no_cited_document_date() {
    let rows = rows();
    for name in [
        "corpus/001-ke-hoach-dang-uy-so-vhttdl.txt",
        "corpus/002-ke-hoach-82-kh-du.txt",
        "corpus/003-ke-hoach-truong-chinh-tri.txt",
    ] {
        let expected: Vec<&Row> = rows.iter().filter(|r| r.file == name).collect();
        assert!(!expected.is_empty(), "{name} has rows in expected.tsv");
        let (score, extra) = score_file(name, &expected);
        assert_eq!(
            score.recalled, score.expected,
            "{name}: every deadline of the plan is found"
        );
        assert!(
            extra.is_empty(),
            "{name}: a date that is no deadline of the plan (a cited document's?) was found: {:?}",
            extra.iter().map(|f| f.due).collect::<Vec<_>>()
        );
    }
}
