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

/// A symbol as read back from text: what [`symbol_with`] composes, recovered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSymbol {
    /// The format its punctuation shows: number-hyphen-type-slash is Party (`82-KH/ĐU`),
    /// number-slash-type-hyphen State (`7098/KH-UBND`).
    pub format: Format,
    /// `None` for a draft's blank number (`Số    -KH/ĐU`, `Số: ……/KH-UBND`).
    pub number: Option<u32>,
    /// The type abbreviation as written (`KH`; empty for a State công văn).
    pub abbreviation: String,
    /// The type of the abbreviation, `None` if no type has it. Party `QĐ` is Quyết định even
    /// where an office writes Quy định as `QĐ` too: the type name line decides between them.
    pub kind: Option<Kind>,
    /// The issuing body's code (`ĐU`, `BTCTU-BDVTU`; a State công văn's `UBND-VP`).
    pub code: String,
}

/// Reads a symbol (`82-KH/ĐU`, `357-CV/BTCTU`, `7098/KH-UBND`, `05/UBND-VP`), the inverse of
/// [`symbol_with`]. Tolerates what typing and OCR do to it: spaces anywhere
/// (`82 -KH/ĐU`), Word's en dash for the hyphen, a blank or dotted number (`……/KH-UBND`), a
/// leading `:` (from `Số:`), trailing punctuation, an abbreviation in the wrong case. An
/// abbreviation of the other format is accepted as its type (a Party office's State-style
/// `TTr`). `None` when the text is not a symbol: no separator, no letters after it, or parts
/// longer than any abbreviation or code (prose that happens to start with a number).
pub fn parse_symbol(text: &str, conventions: &Conventions) -> Option<ParsedSymbol> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '–' | '—' | '‑' | '−' => '-',
            c => c,
        })
        .collect();
    let compact = compact.trim_start_matches(':');
    let compact = compact.trim_end_matches(['.', ',', ';']);
    let digits_end = compact
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '…' | '_' | '·')))
        .unwrap_or(compact.len());
    let (number_part, symbol) = compact.split_at(digits_end);
    let mut symbol_chars = symbol.chars();
    let separator = symbol_chars.next()?;
    let after = symbol_chars.as_str();
    // A State legal document carries its year between number and type (`06/2024/QĐ-UBND`);
    // the date says the year already, so it is read past.
    let after = match (separator, after.split_once('/')) {
        ('/', Some((year, rest)))
            if year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && (1945..=2100).contains(&year.parse::<u32>().unwrap_or(0)) =>
        {
            rest
        }
        _ => after,
    };
    if !after.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let number = if !number_part.is_empty() && number_part.chars().all(|c| c.is_ascii_digit()) {
        number_part.parse::<u32>().ok().filter(|n| *n > 0)
    } else {
        None
    };
    // `02/KH.LĐ`: a full stop typed for the hyphen between a State type and the code.
    let dotted = (separator == '/' && !after.contains('-')).then(|| after.replacen('.', "-", 1));
    let after = dotted.as_deref().unwrap_or(after);
    let (format, abbreviation, code) = match separator {
        '-' => {
            let (abbr, code) = after.split_once('/').unwrap_or((after, ""));
            (Format::Party, abbr, code)
        }
        '/' => {
            let (first, second) = after.split_once('-').unwrap_or((after, ""));
            // `80/KHĐH/PL-ĐTN`, `380/TB/TW`: a second slash between the type and the issuer's
            // code, as some Party and Youth Union offices write their symbol.
            let two_slashes = after
                .split_once('/')
                .filter(|(abbr, code)| !abbr.contains('-') && !code.contains('/'));
            if let Some((abbr, code)) = two_slashes {
                (Format::Party, abbr, code)
            } else if abbreviation_kind(first, Format::State, conventions).is_some() {
                (Format::State, first, second)
            } else {
                // A State công văn: no type abbreviation, the code carries the unit.
                (Format::State, "", after)
            }
        }
        _ => return None,
    };
    let token = |t: &str, max: usize, extra: &[char]| {
        t.chars().count() <= max
            && t.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || extra.contains(&c))
    };
    // A unit's code may join two letters groups with `&` (`GDĐT-KT&KĐCL`) or a full stop
    // (`QC-TT.HĐND-UBND`, the standing committees of the council and the people's committee).
    if !token(abbreviation, MAX_ABBREVIATION_CHARS, &[])
        || !token(code, MAX_CODE_CHARS, &['&', '.'])
    {
        return None;
    }
    let kind = if abbreviation.is_empty() {
        Some(Kind::CongVan)
    } else {
        abbreviation_kind(abbreviation, format, conventions).or_else(|| {
            let other = match format {
                Format::Party => Format::State,
                Format::State => Format::Party,
            };
            abbreviation_kind(abbreviation, other, conventions)
        })
    };
    Some(ParsedSymbol {
        format,
        number,
        abbreviation: abbreviation.to_owned(),
        kind,
        code: code.to_owned(),
    })
}

/// Longest type abbreviation a symbol is read with (the longest in the table is 3 letters).
const MAX_ABBREVIATION_CHARS: usize = 8;
/// Longest issuer code a symbol is read with (`BTCTU-BDVTU` is 11).
const MAX_CODE_CHARS: usize = 24;

/// The type of an abbreviation, exact first (`CTr` is not `CT`), then ignoring case for OCR.
fn abbreviation_kind(abbr: &str, format: Format, conventions: &Conventions) -> Option<Kind> {
    if abbr.is_empty() {
        return None;
    }
    Kind::from_abbreviation(abbr, format, conventions).or_else(|| {
        let wanted = crate::text::lower_exact(abbr);
        Kind::all().find(|k| {
            k.abbreviation(format, conventions)
                .is_some_and(|a| !a.is_empty() && crate::text::lower_exact(&a) == wanted)
        })
    })
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
    fn every_symbol_reads_back_as_composed() {
        let qdi = Conventions::default();
        let qd = Conventions {
            party_quy_dinh: "QĐ".into(),
        };
        let codes = [
            "ĐU",
            "BTCTU",
            "ĐUK",
            "BTCTU-BDVTU",
            "UBND",
            "UBND-VP",
            "SGDĐT-VP",
        ];
        let mut checked = 0;
        for conventions in [&qdi, &qd] {
            for format in [Format::Party, Format::State] {
                for kind in Kind::all().filter(|k| k.exists_in(format)) {
                    for code in codes {
                        for number in [1, 5, 82, 7098] {
                            let text =
                                symbol_with(format, kind, code, &number_text(number), conventions)
                                    .expect("the type exists in the format");
                            let parsed = parse_symbol(&text, conventions)
                                .unwrap_or_else(|| panic!("{text} is not read as a symbol"));
                            let abbr = kind.abbreviation(format, conventions).unwrap();
                            let want = ParsedSymbol {
                                format,
                                number: Some(number),
                                abbreviation: abbr.clone(),
                                kind: Some(kind),
                                code: code.to_owned(),
                            };
                            if kind == Kind::QuyDinh && format == Format::Party && abbr == "QĐ" {
                                // Quy định written `QĐ` reads as Quyết định: the type name line
                                // of the document decides, the symbol cannot.
                                assert_eq!(
                                    parsed,
                                    ParsedSymbol {
                                        kind: Some(Kind::QuyetDinh),
                                        ..want
                                    },
                                    "{text}"
                                );
                            } else {
                                assert_eq!(parsed, want, "{text} read back differently");
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 800, "only {checked} symbols checked");
    }

    #[test]
    fn symbols_as_typed_and_scanned() {
        let c = Conventions::default();
        let p = |t: &str| parse_symbol(t, &c).unwrap_or_else(|| panic!("{t}"));
        assert_eq!(p("82 -KH/ĐU").number, Some(82));
        assert_eq!(p(": 7098/KH-UBND.").code, "UBND");
        assert_eq!(p("82–KH/ĐU").format, Format::Party);
        assert_eq!(p("     -KH/ĐU").number, None);
        assert_eq!(p("……/QĐ-UBND").kind, Some(Kind::QuyetDinh));
        assert_eq!(p("15-kh/ĐU").kind, Some(Kind::KeHoach), "case lost by OCR");
        assert_eq!(p("08-QĐi/TW").kind, Some(Kind::QuyDinh));
        let unknown = p("03-XYZ/ĐU");
        assert_eq!((unknown.kind, unknown.abbreviation.as_str()), (None, "XYZ"));
        let year = p("06/2024/QĐ-UBND");
        assert_eq!(
            (year.number, year.kind, year.code.as_str()),
            (Some(6), Some(Kind::QuyetDinh), "UBND"),
            "the year of a legal document is read past"
        );
        assert_eq!(p("2865/GDĐT-KT&KĐCL").code, "GDĐT-KT&KĐCL");
        assert_eq!(p(": 90 - CV/ĐULH").kind, Some(Kind::CongVan));
        assert_eq!(p(" 03 /BC - CBMN").code, "CBMN");
        assert_eq!(p("367 - QĐ/TWĐTN-VP").code, "TWĐTN-VP");
        assert_eq!(p("02/ KH.LĐ").code, "LĐ", "a full stop for the hyphen");
        assert_eq!(p("06/QC-TT.HĐND-UBND").code, "TT.HĐND-UBND");
        let two = p("80 /KHĐH/PL-ĐTN");
        assert_eq!(
            (two.number, two.abbreviation.as_str(), two.code.as_str()),
            (Some(80), "KHĐH", "PL-ĐTN"),
            "a second slash before the issuer's code"
        );
        assert!(parse_symbol("82", &c).is_none());
        assert!(parse_symbol("82-/ĐU", &c).is_none());
        assert!(parse_symbol("lượng đại biểu", &c).is_none());
        assert!(parse_symbol("82 -KH/ cao chất lượng sinh hoạt chi bộ; Hướng dẫn", &c).is_none());
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
