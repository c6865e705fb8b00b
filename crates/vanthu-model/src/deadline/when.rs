//! The time expressions of a sentence: days, months, quarters, halves and the year's end, as a
//! plan writes them.
//!
//! | written                                            | read as                     |
//! |----------------------------------------------------|-----------------------------|
//! | `31/5/2024`, `30-6-2020`, `10.6.2013`              | a day                       |
//! | `15/3`, `ngày 25.3`, `ngày 10-4` (after a cue word) | a day, year from context    |
//! | `ngày 28 tháng 3 năm 2024`, `ngày 28 tháng 3`      | a day                       |
//! | `ngày 20 hằng tháng`                               | a day of every month        |
//! | `tháng 4 năm 2025`, `tháng 5/2019`, `tháng 8.2015`, `tháng 3-2020`, `tháng 3` | a month |
//! | `tháng 4 - 6`                                      | April to June               |
//! | `cuối tháng 3-2020`                                | a month's last day          |
//! | `quý II`, `quý I-2019`, `quý IV/2013`, `quý 2 năm 2025` | a quarter              |
//! | `6 tháng đầu năm`, `6 tháng cuối năm 2025`         | a half year                 |
//! | `cuối năm`, `cuối năm 2025`                        | 31 December                 |
//!
//! Years alone (`năm 2025`, `giai đoạn 2021-2025`) are never read: a period of years is a
//! programme, not a deadline. `đầu tháng 8`, `giữa tháng 11` are too vague to fall due and are
//! left out. A day or month that cannot exist (`30/02/2025`, `tháng 13`) is kept as a mention
//! with its numbers so that the caller can warn about it.

use chrono::{Datelike, NaiveDate};

use crate::text::is_word_char;

/// Years a plan's date can have; a number outside is not a year.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Words that, just before a day written without its year, make the numbers a date
/// (`ngày 25.3`, `trước 15/3`); elsewhere `1-2` or `3.5` are amounts.
const DAY_LEAD_WORDS: [&str; 8] = ["ngày", "trước", "đến", "tới", "hết", "từ", "nhất", "hạn"];

/// Words before `tháng` that make a month too vague to fall due.
const VAGUE_MONTH_PREFIXES: [&str; 2] = ["đầu", "giữa"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum When {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
    },
    /// Months `m` to `to` (the same for one month).
    Month {
        m: u32,
        to: u32,
        y: Option<i32>,
    },
    /// Only the last day of month `m` (`cuối tháng 3`).
    MonthEnd {
        m: u32,
        y: Option<i32>,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    Half {
        first: bool,
        y: Option<i32>,
    },
    YearEnd {
        y: Option<i32>,
    },
    /// `ngày 20 hằng tháng`.
    EveryMonthOn {
        d: u32,
    },
}

impl When {
    pub fn year(self) -> Option<i32> {
        match self {
            When::Day { y, .. }
            | When::Month { y, .. }
            | When::MonthEnd { y, .. }
            | When::Quarter { y, .. }
            | When::Half { y, .. }
            | When::YearEnd { y } => y,
            When::EveryMonthOn { .. } => None,
        }
    }

    pub fn with_year(self, year: i32) -> When {
        let y = Some(year);
        match self {
            When::Day { d, m, .. } => When::Day { d, m, y },
            When::Month { m, to, .. } => When::Month { m, to, y },
            When::MonthEnd { m, .. } => When::MonthEnd { m, y },
            When::Quarter { q, .. } => When::Quarter { q, y },
            When::Half { first, .. } => When::Half { first, y },
            When::YearEnd { .. } => When::YearEnd { y },
            other @ When::EveryMonthOn { .. } => other,
        }
    }

    /// Whether it names a stretch of time with a first day of its own ("trong tháng 4").
    pub fn is_period(self) -> bool {
        matches!(
            self,
            When::Month { .. } | When::Quarter { .. } | When::Half { .. }
        )
    }

    /// A time frame is a deadline by itself ("quý II", "6 tháng đầu năm", "cuối năm"); a day or
    /// a month needs a word that says so ("trước", "trong", "đến").
    pub fn speaks_for_itself(self) -> bool {
        matches!(
            self,
            When::MonthEnd { .. }
                | When::Quarter { .. }
                | When::Half { .. }
                | When::YearEnd { .. }
                | When::EveryMonthOn { .. }
        )
    }

    /// The first and the last day, once the year is known; `None` when such a day does not
    /// exist (30 February).
    pub fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        let y = self.year()?;
        match self {
            When::Day { d, m, .. } => {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                Some((day, day))
            }
            When::Month { m, to, .. } => Some((first_of(y, m)?, last_of(y, to)?)),
            When::MonthEnd { m, .. } => {
                let last = last_of(y, m)?;
                Some((last, last))
            }
            When::Quarter { q, .. } => Some((first_of(y, 3 * q - 2)?, last_of(y, 3 * q)?)),
            When::Half { first: true, .. } => Some((first_of(y, 1)?, last_of(y, 6)?)),
            When::Half { first: false, .. } => Some((first_of(y, 7)?, last_of(y, 12)?)),
            When::YearEnd { .. } => {
                let last = last_of(y, 12)?;
                Some((last, last))
            }
            When::EveryMonthOn { .. } => None,
        }
    }
}

pub(super) fn first_of(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

pub(super) fn last_of(y: i32, m: u32) -> Option<NaiveDate> {
    first_of(y, m)?
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()
}

/// The end of the quarter that holds `date`.
pub(super) fn quarter_end(date: NaiveDate) -> Option<NaiveDate> {
    let q = (date.month() - 1) / 3 + 1;
    last_of(date.year(), 3 * q)
}

/// One time expression of a sentence, by char positions in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mention {
    pub start: usize,
    pub end: usize,
    pub when: When,
}

/// The time expressions of `lower` (the sentence lowercased char by char), in order.
pub(super) fn mentions(lower: &[char]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        // Every form starts with a digit or with the first letter of `6`/`sáu`, `ngày`,
        // `tháng`, `quý` or `cuối`: elsewhere nothing can start (and that is cheaper to see
        // than a word boundary).
        if !matches!(lower[i], '0'..='9' | 's' | 'n' | 't' | 'q' | 'c')
            || !boundary_before(lower, i)
        {
            i += 1;
            continue;
        }
        let found = half(lower, i)
            .or_else(|| spelled_day(lower, i))
            .or_else(|| month(lower, i))
            .or_else(|| quarter(lower, i))
            .or_else(|| year_end(lower, i))
            .or_else(|| numeric_day(lower, i));
        match found {
            Some(Found::Mention(m)) => {
                i = m.end.max(i + 1);
                out.push(m);
            }
            Some(Found::Skip(to)) => i = to.max(i + 1),
            None => i += 1,
        }
    }
    out
}

enum Found {
    Mention(Mention),
    /// Not a time expression; do not look inside it again (a long number, a vague month).
    Skip(usize),
}

fn mention(start: usize, end: usize, when: When) -> Option<Found> {
    Some(Found::Mention(Mention { start, end, when }))
}

fn boundary_before(lower: &[char], i: usize) -> bool {
    i == 0 || !is_word_char(lower[i - 1])
}

fn boundary_at(lower: &[char], i: usize) -> bool {
    lower.get(i).is_none_or(|&c| !is_word_char(c))
}

fn word_at(lower: &[char], i: usize, word: &str) -> Option<usize> {
    let mut j = i;
    for w in word.chars() {
        if lower.get(j) != Some(&w) {
            return None;
        }
        j += 1;
    }
    boundary_at(lower, j).then_some(j)
}

fn spaces(lower: &[char], mut i: usize) -> usize {
    while lower.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// A run of ASCII digits at `i`: its value and end, whatever its length (up to 9 digits).
fn digits(lower: &[char], i: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut value: u32 = 0;
    while let Some(d) = lower.get(j).and_then(|c| c.to_digit(10)) {
        if j - i < 9 {
            value = value * 10 + d;
        }
        j += 1;
    }
    (j > i).then_some((value, j, j - i))
}

/// A day or month number: one or two digits.
fn small(lower: &[char], i: usize) -> Option<(u32, usize)> {
    let (v, end, len) = digits(lower, i)?;
    (len <= 2).then_some((v, end))
}

/// A year of four digits.
fn year_at(lower: &[char], i: usize) -> Option<(i32, usize)> {
    let (v, end, len) = digits(lower, i)?;
    let y = i32::try_from(v).ok()?;
    (len == 4 && YEARS.contains(&y)).then_some((y, end))
}

/// A year after a month or quarter: `/2019`, `-2019`, `.2019`, ` - 2019`, ` năm 2019`, ` 2019`.
fn year_after(lower: &[char], i: usize) -> Option<(i32, usize)> {
    if let Some(&c) = lower.get(i) {
        if matches!(c, '/' | '-' | '.' | '–') {
            if let Some(found) = year_at(lower, i + 1) {
                return Some(found);
            }
        }
    }
    let j = spaces(lower, i);
    if j > i {
        if let Some(k) = word_at(lower, j, "năm") {
            return year_at(lower, spaces(lower, k));
        }
        if matches!(lower.get(j), Some('-' | '–')) {
            return year_at(lower, spaces(lower, j + 1));
        }
        return year_at(lower, j);
    }
    None
}

/// The word before position `i` (lowercase, without surrounding punctuation) and where it
/// starts.
fn word_before(lower: &[char], i: usize) -> (String, usize) {
    let mut j = i;
    while j > 0 && !is_word_char(lower[j - 1]) && !is_word_punct(lower[j - 1]) {
        j -= 1;
    }
    let end = j;
    while j > 0 && (is_word_char(lower[j - 1]) || is_word_punct(lower[j - 1])) {
        j -= 1;
    }
    (lower[j..end].iter().collect(), j)
}

fn is_word_punct(c: char) -> bool {
    matches!(c, '/' | '-' | '.')
}

/// `6 tháng đầu năm`, `sáu tháng cuối năm 2025`.
fn half(lower: &[char], i: usize) -> Option<Found> {
    let after_six = word_at(lower, i, "6").or_else(|| word_at(lower, i, "sáu"))?;
    let j = word_at(lower, spaces(lower, after_six), "tháng")?;
    let j = spaces(lower, j);
    let (first, j) = match word_at(lower, j, "đầu") {
        Some(k) => (true, k),
        None => (false, word_at(lower, j, "cuối")?),
    };
    let end = word_at(lower, spaces(lower, j), "năm")?;
    let (y, end) = match year_at(lower, spaces(lower, end)) {
        Some((y, e)) => (Some(y), e),
        None => (None, end),
    };
    mention(i, end, When::Half { first, y })
}

/// `ngày 28 tháng 3 năm 2024`, `ngày 28 tháng 3`, `ngày 20 hằng tháng`.
fn spelled_day(lower: &[char], i: usize) -> Option<Found> {
    let j = spaces(lower, word_at(lower, i, "ngày")?);
    let (d, j) = small(lower, j)?;
    let k = spaces(lower, j);
    if let Some(after) = word_at(lower, k, "hằng").or_else(|| word_at(lower, k, "hàng")) {
        let end = word_at(lower, spaces(lower, after), "tháng")?;
        return (1..=31)
            .contains(&d)
            .then(|| mention(i, end, When::EveryMonthOn { d }))?;
    }
    let j = spaces(lower, word_at(lower, k, "tháng")?);
    let (m, j) = small(lower, j)?;
    if !boundary_at(lower, j) {
        return None;
    }
    let (y, end) = match year_after(lower, j) {
        Some((y, e)) => (Some(y), e),
        None => (None, j),
    };
    in_range(d, m).then(|| mention(i, end, When::Day { d, m, y }))?
}

/// `tháng 4 năm 2025`, `tháng 5/2019`, `tháng 4 - 6`, `cuối tháng 3-2020`, `tháng 3`.
fn month(lower: &[char], i: usize) -> Option<Found> {
    let j = spaces(lower, word_at(lower, i, "tháng")?);
    let (m, j) = small(lower, j)?;
    if !(1..=12).contains(&m) || !boundary_at(lower, j) {
        return Some(Found::Skip(j));
    }
    let (before, before_start) = word_before(lower, i);
    if VAGUE_MONTH_PREFIXES.contains(&before.as_str()) {
        return Some(Found::Skip(j));
    }
    let mut to = m;
    let mut end = j;
    // `tháng 4 - 6`: a second month number (not a four-digit year).
    let k = spaces(lower, j);
    if matches!(lower.get(k), Some('-' | '–')) {
        if let Some((n, e)) = small(lower, spaces(lower, k + 1)) {
            if n > m && n <= 12 && !matches!(lower.get(e), Some('/' | '.' | '-')) {
                to = n;
                end = e;
            }
        }
    }
    // `tháng 5/20…`: a number goes on that is no year.
    if end == j
        && matches!(lower.get(j), Some('/' | '-' | '.'))
        && lower.get(j + 1).is_some_and(char::is_ascii_digit)
        && year_at(lower, j + 1).is_none()
    {
        return Some(Found::Skip(j));
    }
    let (y, end) = match year_after(lower, end) {
        Some((y, e)) => (Some(y), e),
        None => (None, end),
    };
    if before == "cuối" && to == m {
        return mention(before_start, end, When::MonthEnd { m, y });
    }
    mention(i, end, When::Month { m, to, y })
}

/// `quý II`, `quý I-2019`, `quý IV/2013`, `quý 2 năm 2025`.
fn quarter(lower: &[char], i: usize) -> Option<Found> {
    let j = spaces(lower, word_at(lower, i, "quý")?);
    let (q, j) = ["iv", "iii", "ii", "i", "4", "3", "2", "1"]
        .iter()
        .zip([4, 3, 2, 1, 4, 3, 2, 1])
        .find_map(|(w, q)| word_at(lower, j, w).map(|e| (q, e)))?;
    let (y, end) = match year_after(lower, j) {
        Some((y, e)) => (Some(y), e),
        None => (None, j),
    };
    mention(i, end, When::Quarter { q, y })
}

/// `cuối năm`, `cuối năm 2025` (not `cuối năm học`, whose end the text does not date).
fn year_end(lower: &[char], i: usize) -> Option<Found> {
    let j = word_at(lower, spaces(lower, word_at(lower, i, "cuối")?), "năm")?;
    if word_at(lower, spaces(lower, j), "học").is_some() {
        return Some(Found::Skip(j));
    }
    let (y, end) = match year_at(lower, spaces(lower, j)) {
        Some((y, e)) => (Some(y), e),
        None => (None, j),
    };
    mention(i, end, When::YearEnd { y })
}

/// `31/5/2024`, `30-6-2020`, `10.6.2013`; without a year (`15/3`, `25.3`, `10-4`) only after a
/// word that makes it a date.
fn numeric_day(lower: &[char], i: usize) -> Option<Found> {
    let (d, j, len) = digits(lower, i)?;
    // Part of a larger number or symbol (`2020-03`, `1.2.3`, `7098/KH`).
    if i >= 2 && matches!(lower[i - 1], '/' | '-' | '.') && lower[i - 2].is_ascii_digit() {
        return Some(Found::Skip(j));
    }
    if len > 2 {
        return Some(Found::Skip(j));
    }
    let sep = *lower.get(j)?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let (m, k) = small(lower, j + 1)?;
    let (y, end) = match lower.get(k) {
        Some(&c) if c == sep => match year_at(lower, k + 1) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        },
        _ => (None, k),
    };
    // What follows must not continue the number or a symbol (`21/25`, `05-CT`).
    let next = lower.get(end).copied();
    if next.is_some_and(is_word_char)
        || (next.is_some_and(|c| matches!(c, '/' | '-'))
            && lower.get(end + 1).is_some_and(|&c| is_word_char(c)))
    {
        return Some(Found::Skip(end));
    }
    if y.is_none() && !DAY_LEAD_WORDS.contains(&word_before(lower, i).0.as_str()) {
        return Some(Found::Skip(end));
    }
    in_range(d, m).then(|| mention(i, end, When::Day { d, m, y }))?
}

/// Numbers that can be a day and a month at all; `30/02` is in range and warned about later,
/// `21/25` is not a date.
fn in_range(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<When> {
        let lower: Vec<char> = s.to_lowercase().chars().collect();
        mentions(&lower).into_iter().map(|m| m.when).collect()
    }

    #[test]
    fn every_written_form_is_read() {
        let y = Some(2025);
        for (text, want) in [
            ("trước ngày 25/02/2025", When::Day { d: 25, m: 2, y }),
            ("hoàn thành trước 30-6-2025", When::Day { d: 30, m: 6, y }),
            ("hạn 10.6.2025", When::Day { d: 10, m: 6, y }),
            (
                "trước ngày 15/3",
                When::Day {
                    d: 15,
                    m: 3,
                    y: None,
                },
            ),
            (
                "trước ngày 25.3;",
                When::Day {
                    d: 25,
                    m: 3,
                    y: None,
                },
            ),
            ("vào ngày 28 tháng 3 năm 2025", When::Day { d: 28, m: 3, y }),
            ("trong tháng 4 năm 2025", When::Month { m: 4, to: 4, y }),
            ("trong tháng 5/2025.", When::Month { m: 5, to: 5, y }),
            ("trong tháng 8.2025", When::Month { m: 8, to: 8, y }),
            (
                "từ tháng 4 - 6",
                When::Month {
                    m: 4,
                    to: 6,
                    y: None,
                },
            ),
            ("vào cuối tháng 3-2025", When::MonthEnd { m: 3, y }),
            ("trong quý I-2025", When::Quarter { q: 1, y }),
            ("từ quý IV/2025", When::Quarter { q: 4, y }),
            ("quý II", When::Quarter { q: 2, y: None }),
            (
                "6 tháng đầu năm",
                When::Half {
                    first: true,
                    y: None,
                },
            ),
            ("6 tháng cuối năm 2025", When::Half { first: false, y }),
            ("vào cuối năm", When::YearEnd { y: None }),
            ("trước ngày 20 hằng tháng", When::EveryMonthOn { d: 20 }),
        ] {
            assert_eq!(read(text), [want], "{text:?}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates_are_not_read() {
        for text in [
            "giai đoạn 2021-2025",
            "từ năm 2020 đến 2025",
            "Hướng dẫn số 120-HD/BTGTU",
            "Kế hoạch số 7098/KH-UBND",
            "21/25 đảng bộ",
            "tỷ lệ 1-2 lớp, 3.5 điểm",
            "Tuần cao điểm 26/3",
            "(04) 38.228.302",
            "đầu tháng 8 sẽ tổ chức",
            "từ giữa tháng 11.2014 đến nay",
            "cuối năm học",
            "hằng quý",
            " date 2020-03",
        ] {
            assert_eq!(read(text), [], "{text:?}");
        }
    }
}
