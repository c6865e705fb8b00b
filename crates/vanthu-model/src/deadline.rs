//! Deadlines read from a document's body: what a plan asks of whom and by when.
//!
//! "gửi báo cáo về Thường trực Huyện ủy trước ngày 25/02/2025", "Thời gian tổ chức: Trong tháng
//! 4 năm 2025", "báo cáo kết quả vào cuối năm", "định kỳ hằng quý" — each becomes a [`Found`]
//! with the day it falls due, the sentence it came from and the units the sentence names. Dates
//! that are not deadlines stay out: the dates of cited documents, anniversaries, periods of past
//! events. Pure: the document's own date stands in for "this year".

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text;

mod cue;
mod sentence;
mod units;
mod when;

/// How often a recurring deadline comes back. A one-off deadline has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    /// "định kỳ" with no period named.
    Periodic,
}

impl Recurrence {
    pub const ALL: [Recurrence; 5] = [
        Recurrence::Monthly,
        Recurrence::Quarterly,
        Recurrence::HalfYearly,
        Recurrence::Yearly,
        Recurrence::Periodic,
    ];

    /// The stored and JSON code: `monthly`, `quarterly`, `half_yearly`, `yearly`, `periodic`.
    pub fn key(self) -> &'static str {
        match self {
            Recurrence::Monthly => "monthly",
            Recurrence::Quarterly => "quarterly",
            Recurrence::HalfYearly => "half_yearly",
            Recurrence::Yearly => "yearly",
            Recurrence::Periodic => "periodic",
        }
    }

    pub fn from_key(key: &str) -> Option<Recurrence> {
        Recurrence::ALL.into_iter().find(|r| r.key() == key)
    }

    /// How a clerk says it: `hằng tháng`, `hằng quý`, `6 tháng một lần`, `hằng năm`, `định kỳ`.
    pub fn name_vi(self) -> &'static str {
        match self {
            Recurrence::Monthly => "hằng tháng",
            Recurrence::Quarterly => "hằng quý",
            Recurrence::HalfYearly => "6 tháng một lần",
            Recurrence::Yearly => "hằng năm",
            Recurrence::Periodic => "định kỳ",
        }
    }

    /// The next time it falls due: the last day of the month one period after `due`'s month
    /// (a quarterly report due 31/3 is next due 30/6; a monthly one due 31/1, on 28/2). `None`
    /// for [`Recurrence::Periodic`], whose period the text does not say.
    pub fn next_due(self, due: NaiveDate) -> Option<NaiveDate> {
        let months = match self {
            Recurrence::Monthly => 1,
            Recurrence::Quarterly => 3,
            Recurrence::HalfYearly => 6,
            Recurrence::Yearly => 12,
            Recurrence::Periodic => return None,
        };
        let first = NaiveDate::from_ymd_opt(due.year(), due.month(), 1)?;
        let after = first.checked_add_months(chrono::Months::new(months + 1))?;
        after.pred_opt()
    }
}

/// One deadline found in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Found {
    /// The day it falls due (for a period, its last day).
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// The first day of the period when the text gives one ("trong tháng 4 năm 2025" →
    /// 1/4/2025, due 30/4/2025); `None` for a plain day.
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    /// The sentence it came from, as written in the body (markup removed, NFC, trimmed).
    pub text: String,
    /// Where that sentence starts in the body, in bytes (to open the document at it).
    pub offset: usize,
    /// The units the sentence names as responsible ("Các đơn vị", "Ban Tuyên giáo Huyện ủy"),
    /// as written; empty when it names none.
    pub units: Vec<String>,
    pub recurrence: Option<Recurrence>,
}

/// What [`extract`] found, and what it could not read (Vietnamese, one line each: a date that
/// does not exist such as `30/02/2025` is a warning, never a panic or an invented day).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Extraction {
    pub deadlines: Vec<Found>,
    pub warnings: Vec<String>,
}

/// The deadlines of `body`, in the order they appear. `document_date` gives the year of a date
/// written without one and of "cuối năm", "quý II", "6 tháng đầu năm"; without it such phrases
/// are left out with a warning.
///
/// A date is read as a deadline when a word makes it one ("trước", "chậm nhất", "đến", "trong",
/// "vào", a "Thời gian:" label, "lúc … giờ … ngày", "… hoàn thành"), or when it is a time frame
/// by itself ("quý II", "cuối năm"). Left out: the dates of cited documents, anniversaries
/// (`19/5/1890 - 19/5/2025`), a start with no end ("bắt đầu từ ngày 07/6"), a period running
/// "đến nay", and — with a document date — every deadline before it. A date written without
/// its year takes the document's year, or the next one when that would put it before the
/// document ("trước ngày 15/01" in a plan of December). A recurring report with no date of its
/// own ("báo cáo định kỳ hằng quý") falls due at the end of the period holding the document
/// date; "định kỳ" alone names no period and gives no deadline of its own.
pub fn extract(body: &str, document_date: Option<NaiveDate>) -> Extraction {
    let mut out = Extraction::default();
    if !body_may_date(body) {
        // Most bodies have a date somewhere; the few that have none are not read at all.
        return out;
    }
    // The units named by the headings above, by heading level.
    let mut heading_units: Vec<Vec<String>> = Vec::new();
    for line in sentence::lines(body) {
        if let Some((level, label)) = line.heading {
            let title: String = line.plain.chars().skip(label).collect();
            heading_units.truncate(level);
            heading_units.resize(level + 1, Vec::new());
            heading_units[level] = units::of_heading(title.trim());
        }
        if line.surely_nfc && !line_may_date(line.raw) {
            // No sentence of the line can hold a date: none would give a deadline (nor join
            // one), so the line is not cut into sentences at all.
            continue;
        }
        let inherited = heading_units
            .iter()
            .rev()
            .find(|u| !u.is_empty())
            .map_or(&[][..], Vec::as_slice);
        // What a sentence of this line continues: the clauses before a `;`, or the task a
        // bare time label ("Thời gian trước ngày 31/5/2024.") dates.
        let mut context: Option<(usize, String)> = None;
        for s in sentence::sentences(&line) {
            let found = out.deadlines.len();
            read_sentence(&s, document_date, inherited, &mut out);
            let joined = context
                .take()
                .filter(|_| body[..s.offset].trim_end().ends_with(';') || is_time_label(&s.text));
            let here = match joined {
                Some((offset, before)) => {
                    let text = join_sentences(&before, &s.text);
                    for d in &mut out.deadlines[found..] {
                        d.text = text.clone();
                        d.offset = offset;
                    }
                    (offset, text)
                }
                None => (s.offset, s.text.clone()),
            };
            context = Some(here);
        }
    }
    if out.deadlines.len() > MAX_DEADLINES {
        out.warnings.push(format!(
            "Văn bản đặt {} thời hạn; chỉ theo dõi {MAX_DEADLINES} thời hạn đầu tiên.",
            out.deadlines.len()
        ));
        out.deadlines.truncate(MAX_DEADLINES);
    }
    out
}

/// The most deadlines one document sets on the follow-up list; a plan sets a handful, and a
/// text with thousands (a pasted register, a list of dates) would bury the list.
pub const MAX_DEADLINES: usize = 200;

/// A sentence that only says when ("Thời gian: trước ngày 31/5", "Thời hạn hoàn thành: quý
/// II"): the task it dates is the sentence before.
fn is_time_label(text: &str) -> bool {
    // Lowercasing never shortens a text: a long sentence is no label, and is not copied.
    if text.chars().nth(80).is_some() {
        return false;
    }
    // Every label starts with `t` or `h`: most sentences are not lowercased to be told apart.
    let first = text.chars().next().and_then(|c| c.to_lowercase().next());
    if !matches!(first, Some('t' | 'h')) {
        return false;
    }
    let lower = text.to_lowercase();
    ["thời gian", "thời hạn", "hạn chót", "hạn nộp", "hạn gửi"]
        .iter()
        .any(|label| lower.starts_with(label))
        && lower.chars().count() <= 80
}

/// `before` and `after` as one text, with the stop or `;` between them kept or supplied.
fn join_sentences(before: &str, after: &str) -> String {
    let before = before.trim_end();
    if before.ends_with(['.', ';', ':', '!', '?']) {
        format!("{before} {after}")
    } else {
        format!("{before}; {after}")
    }
}

/// Words of which every time expression without digits ("quý II", "cuối năm", "sáu tháng đầu
/// năm") and every recurrence phrase ("hằng tháng", "định kỳ") holds one.
const DATE_WORDS: [&str; 4] = ["quý", "năm", "tháng", "định kỳ"];

/// Whether the lowercase chars `lower` may hold a deadline: a digit or one of [`DATE_WORDS`].
/// Most sentences of a plan have neither, and are passed over before the full reading (which
/// finds nothing in them: every date it reads has a digit or one of those words).
fn may_date(lower: &[char]) -> bool {
    lower.iter().any(char::is_ascii_digit)
        || (0..lower.len()).any(|i| {
            matches!(lower[i], 'q' | 'n' | 't' | 'đ')
                && DATE_WORDS.iter().any(|w| chars_at(lower, i, w))
        })
}

/// [`may_date`] of a whole body, before it is cut into sentences.
fn body_may_date(body: &str) -> bool {
    body.bytes().any(|b| b.is_ascii_digit()) || {
        let lower = lower_chars(body);
        may_date(&lower)
    }
}

/// Whether some sentence of the raw line `raw` (NFC) may hold a deadline: [`may_date`] of the
/// line without any of its markup delimiters. A sentence's text is a run of the line's chars
/// with some delimiters (`*`, `_`) taken out, so a digit or date word in it is in this too.
fn line_may_date(raw: &str) -> bool {
    raw.bytes().any(|b| b.is_ascii_digit()) || {
        let mut lower = Vec::with_capacity(raw.len());
        for c in raw.chars().filter(|c| !matches!(c, '*' | '_')) {
            lower.push(lower_char(c));
        }
        may_date(&lower)
    }
}

/// Phrases of a recurring deadline; the first that occurs wins over "định kỳ".
const RECURRENCES: [(&str, Recurrence); 11] = [
    ("hằng tháng", Recurrence::Monthly),
    ("hàng tháng", Recurrence::Monthly),
    ("hằng quý", Recurrence::Quarterly),
    ("hàng quý", Recurrence::Quarterly),
    ("6 tháng một lần", Recurrence::HalfYearly),
    ("sáu tháng một lần", Recurrence::HalfYearly),
    ("định kỳ 6 tháng", Recurrence::HalfYearly),
    ("hằng năm", Recurrence::Yearly),
    ("hàng năm", Recurrence::Yearly),
    ("hằng 6 tháng", Recurrence::HalfYearly),
    ("hàng 6 tháng", Recurrence::HalfYearly),
];

/// Verbs that make a recurrence a reporting deadline ("định kỳ báo cáo hàng quý") rather than
/// a description ("đánh giá chất lượng hằng năm", "sinh hoạt theo chủ điểm hàng quý").
const REPORT_VERBS: [&str; 6] = ["báo cáo", "gửi", "nộp", "tổng hợp", "sơ kết", "tổng kết"];

/// Words of a dateline ("Thứ Năm, 14/11/2019, 22:38 [GMT+7]"), which dates a page, not a task.
const DATELINE_WORDS: [&str; 10] = [
    "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "gmt",
];

/// How much of a sentence a warning quotes.
const QUOTE_CHARS: usize = 100;

fn read_sentence(
    s: &sentence::Sentence,
    document_date: Option<NaiveDate>,
    inherited: &[String],
    out: &mut Extraction,
) {
    let lower = lower_chars(&s.text);
    if !may_date(&lower) || is_dateline(&lower) {
        return;
    }
    let quoted = || quote(&s.text);
    let mut warn = |w: String| {
        if !out.warnings.contains(&w) {
            out.warnings.push(w);
        }
    };
    let mentions = when::mentions(&lower);
    let roles: Vec<Option<cue::Role>> = mentions.iter().map(|m| cue::role(&lower, m)).collect();
    let mut keep: Vec<bool> = mentions
        .iter()
        .zip(&roles)
        .map(|(m, &r)| !cue::cites_document(&lower, m, r))
        .collect();
    drop_anniversaries(&lower, &mentions, &mut keep);

    let written = |m: &when::Mention| -> String {
        s.text.chars().skip(m.start).take(m.end - m.start).collect()
    };
    let mut dues: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    let mut pending_from: Option<NaiveDate> = None;
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        if !keep[i] {
            i += 1;
            continue;
        }
        // A period: "từ ngày 15/10/2018 đến 24/11/2018", "24/9/2018 đến ngày 27/10/2018".
        if let Some(next) = mentions.get(i + 1) {
            if keep[i + 1]
                && !matches!(roles[i], Some(cue::Role::Before | cue::Role::End))
                && cue::joins_period(&lower, m.end, next.start)
            {
                match period(m.when, next.when, document_date) {
                    Ok((a, b)) => match (a.days(), b.days()) {
                        (Some((first, _)), Some((_, last))) => dues.push((last, Some(first))),
                        (None, _) => warn(impossible(a, &written(m), &quoted())),
                        (_, None) => warn(impossible(b, &written(next), &quoted())),
                    },
                    Err(()) => warn(no_year(&written(m), &quoted())),
                }
                i += 2;
                continue;
            }
        }
        i += 1;
        let Some(role) = roles[i - 1] else {
            continue;
        };
        if let when::When::EveryMonthOn { d } = m.when {
            match document_date.and_then(|doc| day_of_month_from(doc, d)) {
                Some(due) => dues.push((due, None)),
                None => warn(needs_date(&written(m), &quoted())),
            }
            continue;
        }
        let Ok(w) = with_year(m.when, document_date) else {
            warn(no_year(&written(m), &quoted()));
            continue;
        };
        let Some((first, last)) = w.days() else {
            warn(impossible(w, &written(m), &quoted()));
            continue;
        };
        match role {
            cue::Role::Start => {
                if !cue::runs_to_now(&lower, m.end) {
                    pending_from = Some(first);
                }
            }
            cue::Role::Before => {
                let due = if w.is_period() {
                    first.pred_opt().unwrap_or(first)
                } else {
                    last
                };
                dues.push((due, pending_from.take()));
            }
            cue::Role::End => dues.push((last, pending_from.take())),
            cue::Role::Within => {
                let own = w.is_period().then_some(first);
                dues.push((last, pending_from.take().or(own)));
            }
        }
    }

    let recurrence = recurrence_of(&lower);
    if dues.is_empty() {
        if let Some((r, at, len)) = recurrence.filter(|(r, ..)| *r != Recurrence::Periodic) {
            if REPORT_VERBS.iter().any(|v| contains_words(&lower, v)) {
                match document_date.and_then(|doc| current_period_end(r, doc)) {
                    Some(due) => dues.push((due, None)),
                    None => {
                        let phrase: String = s.text.chars().skip(at).take(len).collect();
                        warn(needs_date(&phrase, &quoted()));
                    }
                }
            }
        }
    }
    let recurrence = recurrence.map(|(r, ..)| r);
    let dues: Vec<(NaiveDate, Option<NaiveDate>)> = dues
        .into_iter()
        .filter(|(due, _)| document_date.is_none_or(|doc| *due >= doc))
        .collect();
    if dues.is_empty() {
        return;
    }
    let mut named = units::of_sentence(&s.text);
    if named.is_empty() {
        named = inherited.to_vec();
    }
    for (due, from) in dues {
        let seen = out
            .deadlines
            .iter()
            .any(|f| f.offset == s.offset && f.due == due);
        if !seen {
            out.deadlines.push(Found {
                due,
                from: from.filter(|f| *f <= due),
                text: s.text.clone(),
                offset: s.offset,
                units: named.clone(),
                recurrence,
            });
        }
    }
}

/// The two ends of a period with their years: one written year serves both ("từ ngày 15/10
/// đến 24/11/2018"); with none, the document's.
fn period(
    a: when::When,
    b: when::When,
    document_date: Option<NaiveDate>,
) -> Result<(when::When, when::When), ()> {
    let first = |w: when::When| w.days().map(|d| d.0);
    let last = |w: when::When| w.days().map(|d| d.1);
    match (a.year(), b.year()) {
        (Some(_), Some(_)) => Ok((a, b)),
        (None, Some(y)) => {
            let a1 = a.with_year(y);
            let later = matches!((first(a1), last(b)), (Some(f), Some(l)) if f > l);
            Ok((if later { a.with_year(y - 1) } else { a1 }, b))
        }
        (Some(y), None) => Ok((a, after(a, b.with_year(y), y))),
        (None, None) => {
            let a = with_year(a, document_date)?;
            let y = a.year().ok_or(())?;
            Ok((a, after(a, b.with_year(y), y)))
        }
    }
}

/// `b` moved to the next year when it would end before `a` starts.
fn after(a: when::When, b: when::When, y: i32) -> when::When {
    match (a.days(), b.days()) {
        (Some((first, _)), Some((_, last))) if last < first => b.with_year(y + 1),
        _ => b,
    }
}

/// `w` with its year: as written, else the document's (or the next, when the document's would
/// put it before the document); `Err` when there is neither.
fn with_year(w: when::When, document_date: Option<NaiveDate>) -> Result<when::When, ()> {
    if w.year().is_some() {
        return Ok(w);
    }
    let doc = document_date.ok_or(())?;
    let same = w.with_year(doc.year());
    match same.days() {
        Some((_, last)) if last < doc => Ok(w.with_year(doc.year() + 1)),
        _ => Ok(same),
    }
}

/// The first day `d` of a month on or after `doc` (the month's last day when it is shorter).
fn day_of_month_from(doc: NaiveDate, d: u32) -> Option<NaiveDate> {
    let this = day_in_month(doc.year(), doc.month(), d)?;
    if this >= doc {
        return Some(this);
    }
    let next = doc.checked_add_months(chrono::Months::new(1))?;
    day_in_month(next.year(), next.month(), d)
}

fn day_in_month(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    let last = when::last_of(y, m)?;
    NaiveDate::from_ymd_opt(y, m, d.min(last.day()))
}

/// The end of the period of `r` that holds `doc`.
fn current_period_end(r: Recurrence, doc: NaiveDate) -> Option<NaiveDate> {
    match r {
        Recurrence::Monthly => when::last_of(doc.year(), doc.month()),
        Recurrence::Quarterly => when::quarter_end(doc),
        Recurrence::HalfYearly => when::last_of(doc.year(), if doc.month() <= 6 { 6 } else { 12 }),
        Recurrence::Yearly => when::last_of(doc.year(), 12),
        Recurrence::Periodic => None,
    }
}

/// The recurrence a sentence names, with where its phrase starts and its length in chars.
fn recurrence_of(lower: &[char]) -> Option<(Recurrence, usize, usize)> {
    // The phrase that starts first, the earlier in the list when two start together: read
    // in one pass over the sentence rather than one for each phrase.
    (0..lower.len())
        .filter(|&i| matches!(lower[i], 'h' | '6' | 's' | 'đ'))
        .find_map(|i| {
            RECURRENCES
                .iter()
                .find(|(phrase, _)| words_at(lower, i, phrase))
                .map(|(phrase, r)| (*r, i, phrase.chars().count()))
        })
        .or_else(|| {
            let phrase = "định kỳ";
            find_words(lower, phrase).map(|at| (Recurrence::Periodic, at, phrase.chars().count()))
        })
}

/// Both dates of an anniversary ("19/5/1890 - 19/5/2025", "(03/02/1930 - 03/02/2025)"): the
/// same day and month of two years, joined by a dash.
fn drop_anniversaries(lower: &[char], mentions: &[when::Mention], keep: &mut [bool]) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        if let (
            when::When::Day { d, m, y: Some(ya) },
            when::When::Day {
                d: d2,
                m: m2,
                y: Some(yb),
            },
        ) = (a.when, b.when)
        {
            let dash = lower[a.end..b.start]
                .iter()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—'));
            if dash && d == d2 && m == m2 && ya != yb {
                keep[i - 1] = false;
                keep[i] = false;
            }
        }
    }
}

/// A line that only dates the page ("THỨ BA, 25/02/2020 08:51:00", "28.11.2018").
fn is_dateline(lower: &[char]) -> bool {
    if !lower.iter().any(char::is_ascii_digit) {
        return false;
    }
    let text: String = lower.iter().collect();
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| DATELINE_WORDS.contains(&w))
}

fn find_words(lower: &[char], phrase: &str) -> Option<usize> {
    let first = phrase.chars().next()?;
    (0..lower.len()).find(|&i| lower[i] == first && words_at(lower, i, phrase))
}

/// Whether `phrase` is at `i` in `lower`, as whole words.
fn words_at(lower: &[char], i: usize, phrase: &str) -> bool {
    chars_at(lower, i, phrase)
        && (i == 0 || !text::is_word_char(lower[i - 1]))
        && lower
            .get(i + phrase.chars().count())
            .is_none_or(|&c| !text::is_word_char(c))
}

/// Whether the chars of `s` are at `i` in `lower`.
fn chars_at(lower: &[char], i: usize, s: &str) -> bool {
    (i..)
        .zip(s.chars())
        .all(|(at, c)| lower.get(at) == Some(&c))
}

fn contains_words(lower: &[char], phrase: &str) -> bool {
    find_words(lower, phrase).is_some()
}

/// The chars of `s`, each [`lower_char`]; allocated once (a text has at most as many chars as
/// bytes), not grown char by char.
fn lower_chars(s: &str) -> Vec<char> {
    let mut lower = Vec::with_capacity(s.len());
    for c in s.chars() {
        lower.push(lower_char(c));
    }
    lower
}

/// One char lowercased to one char (Vietnamese letters stay one char); the Icelandic `Ð` some
/// fonts give for `Đ` reads as `đ`, a no-break space as a space.
#[inline]
fn lower_char(c: char) -> char {
    match c {
        'Ð' | 'ð' => 'đ',
        '\u{a0}' => ' ',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        _ => text::lower_letter(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c)),
    }
}

fn quote(text: &str) -> String {
    if text.chars().count() > QUOTE_CHARS {
        let cut: String = text.chars().take(QUOTE_CHARS).collect();
        format!("{}…", cut.trim_end())
    } else {
        text.to_owned()
    }
}

/// "Ngày 30/02/2025 không có thật…"; a period that cannot be dated (a year out of the
/// calendar's range) is quoted as written.
fn impossible(w: when::When, written: &str, quote: &str) -> String {
    let date = match w {
        when::When::Day { d, m, y: Some(y) } => format!("{d:02}/{m:02}/{y}"),
        _ => written.to_owned(),
    };
    format!("Ngày {date} không có thật: bỏ qua (câu: \"{quote}\")")
}

fn no_year(written: &str, quote: &str) -> String {
    format!("\"{written}\" không ghi năm mà văn bản chưa có ngày: bỏ qua (câu: \"{quote}\")")
}

fn needs_date(written: &str, quote: &str) -> String {
    format!("\"{written}\" cần ngày của văn bản để tính hạn: bỏ qua (câu: \"{quote}\")")
}

#[cfg(test)]
mod context_tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_bare_time_label_keeps_the_task_it_dates() {
        let body = "Báo cáo kết quả học tập về Ban Thường vụ. Thời gian trước ngày 31/5/2024.";
        let found = extract(body, Some(day(2024, 5, 2))).deadlines;
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].text,
            "Báo cáo kết quả học tập về Ban Thường vụ. Thời gian trước ngày 31/5/2024."
        );
        assert_eq!(found[0].offset, 0);
    }

    #[test]
    fn a_text_with_thousands_of_deadlines_gives_the_first_two_hundred_and_says_so() {
        let body = "Các chi bộ báo cáo trước ngày 31/5/2025.\n".repeat(1000);
        let read = extract(&body, Some(day(2025, 2, 5)));
        assert_eq!(read.deadlines.len(), MAX_DEADLINES);
        assert!(
            read.warnings
                .iter()
                .any(|w| w.contains("đặt 1000 thời hạn")),
            "{:?}",
            read.warnings
        );
    }

    #[test]
    fn a_clause_after_a_semicolon_keeps_the_clauses_before_it() {
        let body = "Tổng hợp kết quả thực hiện; định kỳ báo cáo hàng quý về Đảng ủy.";
        let found = extract(body, Some(day(2024, 5, 2))).deadlines;
        assert_eq!(found.len(), 1);
        assert!(
            found[0].text.starts_with("Tổng hợp kết quả thực hiện"),
            "{}",
            found[0].text
        );
        assert_eq!(found[0].offset, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The due dates found, in order.
    fn dues(body: &str, doc: Option<NaiveDate>) -> Vec<NaiveDate> {
        extract(body, doc).deadlines.iter().map(|f| f.due).collect()
    }

    /// The one deadline of `body`.
    fn one(body: &str, doc: Option<NaiveDate>) -> Found {
        let x = extract(body, doc);
        assert_eq!(x.deadlines.len(), 1, "{body:?} gives {x:?}");
        x.deadlines.into_iter().next().unwrap()
    }

    const FEB_2025: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 2, 5);

    #[test]
    fn a_report_sent_before_a_day_is_due_that_day() {
        let f = one(
            "Các chi bộ gửi báo cáo kết quả về Thường trực Huyện ủy trước ngày 25/02/2025.",
            FEB_2025,
        );
        assert_eq!(f.due, day(2025, 2, 25));
        assert_eq!(f.from, None);
        assert_eq!(f.units, ["Các chi bộ"]);
        assert_eq!(f.recurrence, None);
    }

    #[test]
    fn a_time_label_makes_its_date_a_deadline() {
        assert_eq!(
            dues("Thời gian trước ngày 31/5/2024.", None),
            [day(2024, 5, 31)]
        );
        assert_eq!(dues("Thời gian: 15/3/2024.", None), [day(2024, 3, 15)]);
    }

    #[test]
    fn within_a_month_runs_from_its_first_to_its_last_day() {
        let f = one("2. Thời gian tổ chức: Trong tháng 4 năm 2025.", None);
        assert_eq!((f.due, f.from), (day(2025, 4, 30), Some(day(2025, 4, 1))));
        assert_eq!(f.text, "Thời gian tổ chức: Trong tháng 4 năm 2025.");
        let f = one("Các chi bộ hoàn thành trong tháng 5/2025.", None);
        assert_eq!((f.due, f.from), (day(2025, 5, 31), Some(day(2025, 5, 1))));
    }

    #[test]
    fn finished_before_a_date_without_the_word_ngay() {
        assert_eq!(
            dues("Các đơn vị hoàn thành trước 25/02/2025.", None),
            [day(2025, 2, 25)]
        );
        assert_eq!(
            dues("Văn phòng làm xong trước ngày 30/4/2025.", None),
            [day(2025, 4, 30)]
        );
    }

    #[test]
    fn at_the_latest_on_a_day() {
        assert_eq!(
            dues("Các đơn vị nộp hồ sơ chậm nhất ngày 10/4/2025.", FEB_2025),
            [day(2025, 4, 10)]
        );
        assert_eq!(
            dues("Gửi về Văn phòng trước 17 giờ 00 ngày 20/3/2025.", FEB_2025),
            [day(2025, 3, 20)]
        );
    }

    #[test]
    fn the_end_of_the_year_is_the_last_day_of_the_document_s_year() {
        let f = one("Các chi bộ báo cáo kết quả vào cuối năm.", FEB_2025);
        assert_eq!(f.due, day(2025, 12, 31));
        assert_eq!(
            dues("Tổng kết vào cuối năm 2026.", FEB_2025),
            [day(2026, 12, 31)]
        );
    }

    #[test]
    fn a_quarter_and_a_half_year_end_on_their_last_day() {
        let f = one("Các đơn vị hoàn thành trong quý II.", FEB_2025);
        assert_eq!((f.due, f.from), (day(2025, 6, 30), Some(day(2025, 4, 1))));
        let f = one("Báo cáo sơ kết 6 tháng đầu năm gửi về Văn phòng.", FEB_2025);
        assert_eq!((f.due, f.from), (day(2025, 6, 30), Some(day(2025, 1, 1))));
        assert_eq!(
            dues("Hoàn thành trong quý I-2026.", FEB_2025),
            [day(2026, 3, 31)]
        );
    }

    #[test]
    fn a_quarterly_report_falls_due_at_the_end_of_the_document_s_quarter() {
        for (doc, want) in [
            (day(2025, 2, 5), day(2025, 3, 31)),
            (day(2025, 3, 31), day(2025, 3, 31)),
            (day(2025, 5, 20), day(2025, 6, 30)),
            (day(2025, 12, 1), day(2025, 12, 31)),
        ] {
            for text in [
                "Các chi bộ báo cáo định kỳ hằng quý về Đảng ủy.",
                "Định kỳ báo cáo hàng quý về Đảng ủy Sở (qua Văn phòng).",
            ] {
                let f = one(text, Some(doc));
                assert_eq!(f.due, want, "{text} in a document of {doc}");
                assert_eq!(f.recurrence, Some(Recurrence::Quarterly));
            }
        }
    }

    #[test]
    fn lines_without_a_date_are_passed_over_but_markup_inside_a_date_word_is_not_a_gap() {
        // The line is looked at without its markup, as its sentences are read: the bold `ý`
        // leaves `hằng quý` whole, and a line of no date around it changes nothing.
        let body = "Mở đầu không có thời hạn nào.\n\n\
                    Các chi bộ báo cáo định kỳ hằng qu**ý** về Đảng ủy.\n\n\
                    Kết thúc; cũng không có.";
        let found = extract(body, Some(day(2025, 2, 5))).deadlines;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].due, found[0].recurrence, found[0].offset),
            (
                day(2025, 3, 31),
                Some(Recurrence::Quarterly),
                body.find("Các").unwrap()
            )
        );
    }

    #[test]
    fn monthly_yearly_and_periodic_reports() {
        let f = one("Văn phòng tổng hợp, báo cáo hằng tháng.", FEB_2025);
        assert_eq!(
            (f.due, f.recurrence),
            (day(2025, 2, 28), Some(Recurrence::Monthly))
        );
        let f = one("Các chi bộ gửi báo cáo hằng năm về Đảng ủy.", FEB_2025);
        assert_eq!(
            (f.due, f.recurrence),
            (day(2025, 12, 31), Some(Recurrence::Yearly))
        );
        let f = one(
            "Gửi báo cáo trước ngày 20 hằng tháng.",
            Some(day(2025, 2, 25)),
        );
        assert_eq!(
            (f.due, f.recurrence),
            (day(2025, 3, 20), Some(Recurrence::Monthly))
        );
        let f = one("Các chi bộ báo cáo định kỳ trước ngày 20/3/2025.", FEB_2025);
        assert_eq!(f.recurrence, Some(Recurrence::Periodic));
        assert_eq!(
            dues("Các chi bộ báo cáo định kỳ về Đảng ủy.", FEB_2025),
            [],
            "'định kỳ' alone names no period to fall due at"
        );
        assert_eq!(
            dues("Đánh giá, xếp loại chất lượng hằng năm.", FEB_2025),
            [],
            "a yearly review that reports nothing is a description"
        );
    }

    #[test]
    fn a_spelled_out_date_is_read() {
        assert_eq!(
            dues("Hội nghị tổ chức vào ngày 28 tháng 3 năm 2024.", None),
            [day(2024, 3, 28)]
        );
        assert_eq!(
            dues(
                "- Thời gian dự kiến: Lúc 08 giờ 00 thứ năm, ngày 28 tháng 3 năm 2024.",
                None
            ),
            [day(2024, 3, 28)]
        );
    }

    #[test]
    fn a_date_without_its_year_takes_the_document_s_year_or_the_next() {
        let text = "Các chi bộ hoàn thành trước ngày 15/3.";
        assert_eq!(dues(text, FEB_2025), [day(2025, 3, 15)]);
        assert_eq!(
            dues(text, Some(day(2025, 12, 20))),
            [day(2026, 3, 15)],
            "in a plan of December, March is next year's"
        );
        assert_eq!(
            dues(
                "Đại hội xã dự kiến tổ chức trước ngày 25.3; xí nghiệp trước ngày 10-4.",
                FEB_2025
            ),
            [day(2025, 3, 25), day(2025, 4, 10)]
        );
    }

    #[test]
    fn without_a_document_date_a_yearless_date_is_warned_about_and_skipped() {
        let x = extract("Các chi bộ hoàn thành trước ngày 15/3.", None);
        assert_eq!(x.deadlines, []);
        assert_eq!(x.warnings.len(), 1);
        assert!(x.warnings[0].starts_with("\"15/3\" không ghi năm"), "{x:?}");
        let x = extract("Các chi bộ báo cáo định kỳ hằng quý về Đảng ủy.", None);
        assert_eq!(x.deadlines, []);
        assert!(x.warnings[0].starts_with("\"hằng quý\" cần ngày của văn bản"));
        // Dates with a year are kept, however old.
        assert_eq!(
            dues("Các chi bộ hoàn thành trước ngày 31/5/2014.", None),
            [day(2014, 5, 31)]
        );
    }

    #[test]
    fn an_activity_period_is_due_at_its_end() {
        let text = "Thời gian: từ ngày 10/3/2025 đến ngày 20/3/2025.";
        let f = one(text, FEB_2025);
        assert_eq!((f.due, f.from), (day(2025, 3, 20), Some(day(2025, 3, 10))));
        let f = one(
            "Tuần cao điểm: bắt đầu từ buổi sáng ngày 23/3/2025 (Thứ Hai) đến hết ngày 27/3/2025.",
            FEB_2025,
        );
        assert_eq!((f.due, f.from), (day(2025, 3, 27), Some(day(2025, 3, 23))));
        let f = one(
            "Đại hội dự kiến diễn ra từ tháng 4 đến hết tháng 5.",
            FEB_2025,
        );
        assert_eq!((f.due, f.from), (day(2025, 5, 31), Some(day(2025, 4, 1))));
        assert_eq!(
            dues(text, Some(day(2025, 6, 1))),
            [],
            "a period over before the document is no deadline"
        );
        assert_eq!(
            dues("Đại hội điểm bắt đầu từ ngày 07/6/2025.", FEB_2025),
            [],
            "a start with no end is no deadline"
        );
        let f = one(
            "Đại hội bắt đầu từ tháng 4-2025, hoàn thành trước 30-6-2025.",
            FEB_2025,
        );
        assert_eq!((f.due, f.from), (day(2025, 6, 30), Some(day(2025, 4, 1))));
    }

    #[test]
    fn dates_of_cited_documents_are_no_deadlines() {
        for text in [
            "Thực hiện Hướng dẫn số 120-HD/BTGTU, ngày 03/01/2025 của Ban Tuyên giáo Tỉnh ủy.",
            "Gắn với Kế hoạch số 20-KH/ĐU ngày 19/5/2022 của Đảng ủy về thực hiện Kết luận.",
            "Quán triệt Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
            "Theo Kế hoạch số 155, ngày 07/7/2025 của Thành ủy.",
            "Thời gian: theo Kế hoạch số 12-KH/ĐU ngày 20/3/2025.",
        ] {
            assert_eq!(dues(text, None), [], "{text}");
        }
        assert_eq!(
            dues(
                "Thực hiện Công văn số 12-CV/HU ngày 05/3/2025, các chi bộ báo cáo trước ngày 20/3/2025.",
                None
            ),
            [day(2025, 3, 20)]
        );
    }

    #[test]
    fn anniversaries_and_past_periods_are_no_deadlines() {
        for text in [
            "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025) trước ngày 19/5/2025.",
            "Kỷ niệm 95 năm ngày thành lập Đảng (03/02/1930 - 03/02/2025).",
            "Tổng kết phong trào thi đua từ năm 2020 đến 2025.",
            "Phương hướng giai đoạn 2021-2025 và nhiệm kỳ 2020-2025.",
            "Từ giữa tháng 11.2024 đến nay, các chi bộ đã tổ chức đại hội.",
            "Đầu tháng 8 sẽ tổ chức Đại hội.",
        ] {
            let found = dues(text, None);
            assert!(
                !found.contains(&day(1890, 5, 19)) && !found.contains(&day(1930, 2, 3)),
                "{text}: {found:?}"
            );
            if !text.starts_with("Kỷ niệm 135") {
                assert_eq!(found, [], "{text}");
            }
        }
    }

    #[test]
    fn deadlines_before_the_document_date_are_dropped() {
        let text = "Các chi bộ hoàn thành trước ngày 31/5/2024.";
        assert_eq!(dues(text, Some(day(2024, 6, 1))), []);
        assert_eq!(dues(text, Some(day(2024, 5, 31))), [day(2024, 5, 31)]);
    }

    #[test]
    fn the_place_and_date_line_and_a_page_s_dateline_are_no_deadlines() {
        let body = "Hà Nội, ngày 05 tháng 02 năm 2025\n\nTHỨ BA, 25/02/2025 08:51:00\n\nKẾ HOẠCH\nNgày 14-11, Đảng ủy Khối tổ chức hội nghị.";
        let x = extract(body, FEB_2025);
        assert_eq!(x.deadlines, []);
        assert_eq!(x.warnings, Vec::<String>::new());
    }

    #[test]
    fn an_impossible_date_is_a_warning_never_a_day() {
        let x = extract(
            "Các chi bộ hoàn thành trước ngày 30/02/2025. Văn phòng tổng hợp trước ngày 31/3/2025.",
            None,
        );
        assert_eq!(
            x.deadlines.iter().map(|f| f.due).collect::<Vec<_>>(),
            [day(2025, 3, 31)]
        );
        assert_eq!(
            x.warnings,
            ["Ngày 30/02/2025 không có thật: bỏ qua (câu: \"Các chi bộ hoàn thành trước ngày 30/02/2025.\")"]
        );
        let x = extract("Hạn chót ngày 29 tháng 2 năm 2025.", None);
        assert_eq!(x.deadlines, []);
        assert!(x.warnings[0].starts_with("Ngày 29/02/2025 không có thật"));
    }

    #[test]
    fn units_are_the_subject_or_the_heading_above() {
        let body = "III. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp tổ chức hội thi trước ngày 20/3/2025.\n\n2. Ban Tổ chức Huyện ủy\n\n- Thẩm định hồ sơ trước ngày 25/3/2025.\n\n3. Văn phòng Đảng ủy, Ủy ban Kiểm tra Đảng ủy theo dõi, báo cáo trước ngày 30/3/2025.\n\nCác đơn vị hoàn thành trước ngày 31/3/2025.\n\nHuyện đoàn triển khai trước ngày 5/4/2025.";
        let units: Vec<Vec<String>> = extract(body, FEB_2025)
            .deadlines
            .into_iter()
            .map(|f| f.units)
            .collect();
        assert_eq!(
            units,
            [
                vec!["Ban Tuyên giáo Huyện ủy".to_owned()],
                vec!["Ban Tổ chức Huyện ủy".to_owned()],
                vec![
                    "Văn phòng Đảng ủy".to_owned(),
                    "Ủy ban Kiểm tra Đảng ủy".to_owned()
                ],
                vec!["Các đơn vị".to_owned()],
                vec!["Huyện đoàn".to_owned()],
            ]
        );
        let f = one(
            "Theo kế hoạch, Đảng ủy Khối sẽ hoàn thành trước ngày 30/6/2025.",
            FEB_2025,
        );
        assert_eq!(f.units, ["Đảng ủy Khối"]);
        let f = one("Hội nghị tổ chức trước ngày 30/6/2025.", FEB_2025);
        assert_eq!(f.units, Vec::<String>::new(), "a meeting is no unit");
    }

    #[test]
    fn one_due_date_per_sentence_and_the_sentence_without_markup() {
        let body = "Mở đầu.\n\n**1.2- Thời gian:** các chi bộ hoàn thành *trước ngày 31/5/2024* (chậm nhất ngày 31/5/2024).";
        let f = one(body, None);
        assert_eq!(f.due, day(2024, 5, 31));
        assert_eq!(
            f.text,
            "Thời gian: các chi bộ hoàn thành trước ngày 31/5/2024 (chậm nhất ngày 31/5/2024)."
        );
        assert!(
            body[f.offset..].starts_with("**1.2-"),
            "{}",
            &body[f.offset..]
        );
    }

    #[test]
    fn next_due_is_one_period_later_at_the_month_s_end() {
        assert_eq!(
            Recurrence::Quarterly.next_due(day(2025, 3, 31)),
            Some(day(2025, 6, 30))
        );
        assert_eq!(
            Recurrence::Monthly.next_due(day(2025, 1, 31)),
            Some(day(2025, 2, 28))
        );
        assert_eq!(
            Recurrence::HalfYearly.next_due(day(2025, 6, 30)),
            Some(day(2025, 12, 31))
        );
        assert_eq!(
            Recurrence::Yearly.next_due(day(2024, 12, 31)),
            Some(day(2025, 12, 31))
        );
        assert_eq!(Recurrence::Periodic.next_due(day(2025, 1, 31)), None);
        for r in Recurrence::ALL {
            assert_eq!(Recurrence::from_key(r.key()), Some(r));
        }
    }

    #[test]
    fn any_arrangement_of_date_words_and_numbers_reads_without_panicking() {
        const PIECES: [&str; 20] = [
            "1", "12", "31", "2025", "/", "-", ".", " ", "ngày", "tháng", "năm", "quý", "ii", "từ",
            "đến", "trước", "cuối", "hằng", "6", "(",
        ];
        let docs = [
            None,
            FEB_2025,
            NaiveDate::from_ymd_opt(2100, 12, 31),
            NaiveDate::from_ymd_opt(1, 1, 1),
            Some(NaiveDate::MAX),
            Some(NaiveDate::MIN),
        ];
        let mut count = 0;
        for a in PIECES {
            for b in PIECES {
                for c in PIECES {
                    for d in PIECES {
                        let s = [a, b, c, d].concat();
                        let _ = extract(&s, docs[count % docs.len()]);
                        count += 1;
                    }
                }
            }
        }
        // Byte-derived text: every char class the scanners look at, and some they do not.
        let alphabet: Vec<char> =
            "0123456789/-.–;:,()* \n\r\tngàyháquýừđếnrướcốiằIVĐÐ\u{a0}\u{301}"
                .chars()
                .collect();
        let mut seed: u64 = 0x5eed;
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (seed >> 59) as usize + 1;
            let s: String = (0..len)
                .map(|k| {
                    let x = seed.rotate_left(7 * k as u32) >> 32;
                    alphabet[x as usize % alphabet.len()]
                })
                .collect();
            let _ = extract(&s, docs[(seed >> 40) as usize % docs.len()]);
        }
        assert!(count > 100_000);
    }
}
