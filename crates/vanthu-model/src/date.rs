//! How dates are written on a document.
//!
//! Both the Party guide and NĐ 30/2020 write the date in full with Arabic numerals and a
//! leading zero for days below 10 and for months 1 and 2 (`ngày 05 tháng 02 năm 2025`,
//! `ngày 15 tháng 3 năm 2024`): a zero keeps "tháng 1" from becoming "tháng 11" by hand.

use chrono::{Datelike, NaiveDate};

/// `ngày 05 tháng 02 năm 2025`.
pub fn written(date: NaiveDate) -> String {
    format!(
        "ngày {} tháng {} năm {}",
        day_text(date.day()),
        month_text(date.month()),
        date.year()
    )
}

/// `Hà Nội, ngày 05 tháng 02 năm 2025`; with no place, just the date.
pub fn place_and_date(place: &str, date: NaiveDate) -> String {
    if place.is_empty() {
        written(date)
    } else {
        format!("{place}, {}", written(date))
    }
}

/// The day as printed: `05`, `15`.
pub fn day_text(day: u32) -> String {
    format!("{day:02}")
}

/// The month as printed: `01`, `02`, `3` … `12`.
pub fn month_text(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// A date from its numbers, or `None` when no such day exists (30 February).
pub fn from_parts(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A moment of the audit log as a clerk reads it: `2026-11-22T08:15:03+07:00` →
/// `22/11/2026 08:15`; anything else is returned as it is.
pub fn stamp_vi(at: &str) -> String {
    let b = at.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() >= 16
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && digits(11..13)
        && digits(14..16)
    {
        format!(
            "{}/{}/{} {}:{}",
            &at[8..10],
            &at[5..7],
            &at[0..4],
            &at[11..13],
            &at[14..16]
        )
    } else {
        at.to_owned()
    }
}

/// `2025-03-15` → `15/03/2025`, as tables show a date.
pub fn short(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The ISO form used in JSON and in the archive: `2025-02-05`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Parses the ISO form strictly (`YYYY-MM-DD`), telling an impossible day from a malformed one.
pub fn parse_iso(s: &str) -> Result<NaiveDate, DateError> {
    let bytes = s.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(DateError::Malformed(s.to_owned()));
    }
    let year: i32 = s[0..4]
        .parse()
        .map_err(|_| DateError::Malformed(s.to_owned()))?;
    let month: u32 = s[5..7]
        .parse()
        .map_err(|_| DateError::Malformed(s.to_owned()))?;
    let day: u32 = s[8..10]
        .parse()
        .map_err(|_| DateError::Malformed(s.to_owned()))?;
    from_parts(year, month, day).ok_or_else(|| DateError::Impossible(s.to_owned()))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date `{0}` is not in the form YYYY-MM-DD")]
    Malformed(String),
    #[error("date `{0}` does not exist")]
    Impossible(String),
}

impl DateError {
    pub fn message_vi(&self) -> String {
        match self {
            DateError::Malformed(s) => {
                format!("ngày `{s}` không đúng dạng năm-tháng-ngày (ví dụ 2025-02-05)")
            }
            DateError::Impossible(s) => format!("ngày `{s}` không có thật trên lịch"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_and_short_dates() {
        assert_eq!(stamp_vi("2026-11-22T08:15:03+07:00"), "22/11/2026 08:15");
        assert_eq!(stamp_vi("hôm qua"), "hôm qua");
        assert_eq!(
            short(NaiveDate::from_ymd_opt(2025, 3, 5).unwrap()),
            "05/03/2025"
        );
    }

    #[test]
    fn pads_small_days_and_first_two_months() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(written(d(2025, 2, 5)), "ngày 05 tháng 02 năm 2025");
        assert_eq!(written(d(2024, 3, 15)), "ngày 15 tháng 3 năm 2024");
        assert_eq!(written(d(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
        assert_eq!(written(d(2019, 12, 29)), "ngày 29 tháng 12 năm 2019");
        assert_eq!(
            place_and_date("Hà Nội", d(2018, 4, 3)),
            "Hà Nội, ngày 03 tháng 4 năm 2018"
        );
    }

    #[test]
    fn iso_parsing_tells_impossible_from_malformed() {
        assert_eq!(parse_iso("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(matches!(
            parse_iso("2024-02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_iso("2023-02-29"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_iso("15/03/2024"),
            Err(DateError::Malformed(_))
        ));
        assert!(matches!(
            parse_iso("2024-3-15"),
            Err(DateError::Malformed(_))
        ));
    }
}
