//! Numbers and symbols: which documents share a number series, and how a number is written.
//!
//! The two regulations count differently (spec §1.4 and §2.4):
//! - **Party**: "ghi liên tục từ số 01 cho mỗi tên loại văn bản trong một nhiệm kỳ cấp uỷ" — one
//!   series per issuer, per type, per committee term; secret documents share it. Symbol
//!   `82-KH/ĐU` (number, hyphen, type, slash, body).
//! - **State**: "bắt đầu liên tiếp từ số 01 vào ngày 01 tháng 01 … duy nhất trong một năm" —
//!   one series per issuer per calendar year across all types; "văn bản mật được cấp hệ thống
//!   số riêng". Symbol `7098/KH-UBND`, công văn `05/UBND-VP`.
//!
//! A [`SeriesKey`] names the series a document draws from. It is computed once, when the
//! document is issued, and stored with it, so later changes of settings never renumber history.

use chrono::{Datelike, Months, NaiveDate};

use crate::document::{Document, Format};
use crate::kind::{Conventions, Kind};

/// Party committees sit for five years (Điều lệ Đảng); a term is counted from its start.
const TERM_MONTHS: u32 = 60;

/// The number as printed: two digits at least (`05`, `82`, `7098`).
pub fn number_text(number: u32) -> String {
    format!("{number:02}")
}

/// The symbol with `number` already written (a number or the blanks of a draft):
/// Party `82-KH/ĐU`, `357-CV/BTCTU`; State `7098/KH-UBND`, công văn `05/UBND-VP`.
/// `None` if the type does not exist in the format.
pub fn symbol_with(
    format: Format,
    kind: Kind,
    code: &str,
    number: &str,
    conventions: &Conventions,
) -> Option<String> {
    let abbr = kind.abbreviation(format, conventions)?;
    Some(match format {
        Format::Party => format!("{number}-{abbr}/{code}"),
        Format::State if abbr.is_empty() => format!("{number}/{code}"),
        Format::State => format!("{number}/{abbr}-{code}"),
    })
}

/// The symbol of a numbered document, `None` while it has no number or no type.
pub fn symbol(doc: &Document, conventions: &Conventions) -> Option<String> {
    let number = doc.number?;
    symbol_with(
        doc.format,
        doc.kind?,
        &doc.issuer.code,
        &number_text(number),
        conventions,
    )
}

/// The series a document's number is drawn from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SeriesKey {
    pub format: Format,
    /// The issuing body's code; for a State công văn, without the unit (`UBND-VP` → `UBND`).
    pub issuer: String,
    /// Party only: each type has its own series.
    pub kind: Option<Kind>,
    /// Party: the first day of the committee term (`None` when the office has not set a term:
    /// then the series runs on). State: 1 January of the year.
    pub period_start: Option<NaiveDate>,
    /// State only: secret documents have their own series.
    pub secret: bool,
}

impl SeriesKey {
    /// The series of `doc`. `term_start` is the start of a committee term of the issuer (any
    /// term: earlier and later terms are counted from it in five-year steps); `today` stands in
    /// for an undated document, which can only be a historical record.
    pub fn for_document(
        doc: &Document,
        term_start: Option<NaiveDate>,
        today: NaiveDate,
    ) -> SeriesKey {
        let date = doc.date.unwrap_or(today);
        match doc.format {
            Format::Party => SeriesKey {
                format: Format::Party,
                issuer: doc.issuer.code.clone(),
                kind: doc.kind,
                period_start: term_start.map(|anchor| term_containing(anchor, date)),
                secret: false,
            },
            Format::State => SeriesKey {
                format: Format::State,
                issuer: doc
                    .issuer
                    .code
                    .split('-')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                kind: None,
                period_start: NaiveDate::from_ymd_opt(date.year(), 1, 1),
                secret: doc.secrecy.is_some(),
            },
        }
    }

    /// A stable text form, stored in the archive and unique per series.
    pub fn key(&self) -> String {
        let kind = self.kind.map_or("*", Kind::key);
        let period = self
            .period_start
            .map_or_else(|| "*".to_owned(), crate::date::iso);
        let secret = if self.secret { "mat" } else { "thuong" };
        format!(
            "{}|{}|{}|{}|{}",
            self.format.key(),
            self.issuer,
            kind,
            period,
            secret
        )
    }

    /// How a clerk would name the register: `Kế hoạch của ĐU, nhiệm kỳ từ 01/10/2020`.
    pub fn describe_vi(&self) -> String {
        let period = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        match self.format {
            Format::Party => {
                let kind = self.kind.map_or("Mọi loại", Kind::name);
                match self.period_start {
                    Some(start) => {
                        format!("{kind} của {}, nhiệm kỳ từ {}", self.issuer, period(start))
                    }
                    None => format!("{kind} của {}", self.issuer),
                }
            }
            Format::State => {
                let year = self.period_start.map_or(0, |d| d.year());
                let secret = if self.secret {
                    " (văn bản mật)"
                } else {
                    ""
                };
                format!("Văn bản của {} năm {year}{secret}", self.issuer)
            }
        }
    }
}

/// The start of the five-year term that contains `date`, counting from a known term start.
fn term_containing(anchor: NaiveDate, date: NaiveDate) -> NaiveDate {
    let step = Months::new(TERM_MONTHS);
    let mut start = anchor;
    while start > date {
        match start.checked_sub_months(step) {
            Some(s) => start = s,
            None => break,
        }
    }
    while let Some(next) = start.checked_add_months(step) {
        if next > date {
            break;
        }
        start = next;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Issuer, Secrecy};

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn doc(format: Format, kind: Kind, code: &str, date: NaiveDate) -> Document {
        Document {
            format,
            kind: Some(kind),
            issuer: Issuer {
                code: code.into(),
                ..Issuer::default()
            },
            date: Some(date),
            ..Document::default()
        }
    }

    #[test]
    fn symbols_in_both_formats() {
        let c = Conventions::default();
        let mut party = doc(Format::Party, Kind::KeHoach, "ĐU", d(2024, 3, 15));
        party.number = Some(82);
        assert_eq!(symbol(&party, &c).unwrap(), "82-KH/ĐU");
        party.number = Some(5);
        party.issuer.code = "HU".into();
        assert_eq!(symbol(&party, &c).unwrap(), "05-KH/HU");
        party.kind = Some(Kind::CongVan);
        party.number = Some(357);
        party.issuer.code = "BTCTU".into();
        assert_eq!(symbol(&party, &c).unwrap(), "357-CV/BTCTU");

        let mut state = doc(Format::State, Kind::KeHoach, "UBND", d(2024, 7, 1));
        state.number = Some(7098);
        assert_eq!(symbol(&state, &c).unwrap(), "7098/KH-UBND");
        state.kind = Some(Kind::CongVan);
        state.number = Some(5);
        state.issuer.code = "UBND-VP".into();
        assert_eq!(symbol(&state, &c).unwrap(), "05/UBND-VP");
        state.number = None;
        assert_eq!(symbol(&state, &c), None);
    }

    #[test]
    fn party_series_per_type_and_term() {
        let anchor = Some(d(2020, 10, 1));
        let today = d(2026, 1, 1);
        let a = SeriesKey::for_document(
            &doc(Format::Party, Kind::KeHoach, "ĐU", d(2024, 3, 15)),
            anchor,
            today,
        );
        let b = SeriesKey::for_document(
            &doc(Format::Party, Kind::BaoCao, "ĐU", d(2024, 3, 15)),
            anchor,
            today,
        );
        let c = SeriesKey::for_document(
            &doc(Format::Party, Kind::KeHoach, "ĐU", d(2025, 9, 30)),
            anchor,
            today,
        );
        let next = SeriesKey::for_document(
            &doc(Format::Party, Kind::KeHoach, "ĐU", d(2025, 10, 1)),
            anchor,
            today,
        );
        let before = SeriesKey::for_document(
            &doc(Format::Party, Kind::KeHoach, "ĐU", d(2019, 1, 1)),
            anchor,
            today,
        );
        assert_ne!(a.key(), b.key(), "types have separate series");
        assert_eq!(a.key(), c.key(), "same term, same series");
        assert_ne!(a.key(), next.key(), "a new term restarts");
        assert_eq!(next.period_start, Some(d(2025, 10, 1)));
        assert_eq!(before.period_start, Some(d(2015, 10, 1)));
        let mut secret = doc(Format::Party, Kind::KeHoach, "ĐU", d(2024, 5, 1));
        secret.secrecy = Some(Secrecy::Mat);
        assert_eq!(
            SeriesKey::for_document(&secret, anchor, today).key(),
            a.key(),
            "secret shares"
        );
    }

    #[test]
    fn state_series_per_year_across_types() {
        let today = d(2026, 1, 1);
        let a = SeriesKey::for_document(
            &doc(Format::State, Kind::KeHoach, "UBND", d(2024, 3, 15)),
            None,
            today,
        );
        let b = SeriesKey::for_document(
            &doc(Format::State, Kind::CongVan, "UBND-VP", d(2024, 12, 31)),
            None,
            today,
        );
        let c = SeriesKey::for_document(
            &doc(Format::State, Kind::KeHoach, "UBND", d(2025, 1, 1)),
            None,
            today,
        );
        assert_eq!(a.key(), b.key());
        assert_ne!(a.key(), c.key());
        let mut secret = doc(Format::State, Kind::KeHoach, "UBND", d(2024, 3, 15));
        secret.secrecy = Some(Secrecy::Mat);
        assert_ne!(SeriesKey::for_document(&secret, None, today).key(), a.key());
    }
}
