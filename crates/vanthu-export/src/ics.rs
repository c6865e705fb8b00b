//! The open deadlines as an iCalendar file (RFC 5545) that Outlook, Thunderbird and phone
//! calendars import: one all-day event per deadline, on its due day.
//!
//! A deadline's UID is made of its id and its document's id, so exporting again after a change
//! updates the event a calendar already has instead of adding a second one. Text is escaped and
//! lines are folded at 75 octets without splitting a UTF-8 character, as the RFC requires.

use std::fmt::Write;

use chrono::NaiveDate;
use vanthu_archive::Deadline;

/// The calendar of `deadlines`, CRLF lines. `stamp_utc` is the export moment for DTSTAMP,
/// `YYYYMMDDTHHMMSSZ`.
pub fn calendar(deadlines: &[Deadline], stamp_utc: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//VanThu//Theo doi thoi han//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Thời hạn văn bản (VănThư)",
    ] {
        push_line(&mut out, line);
    }
    for d in deadlines {
        let Some(due) = d.due_date() else { continue };
        let mut description = d.text.clone();
        if !d.units.is_empty() {
            let _ = write!(description, "\nĐơn vị: {}", d.units.join("; "));
        }
        if let Some(r) = &d.recurring_text {
            let _ = write!(description, "\nLặp lại: {r}");
        }
        let _ = write!(description, "\nVăn bản: {} — {}", d.symbol, d.title);
        push_line(
            &mut out,
            &format!(
                "BEGIN:VEVENT\r\nUID:vanthu-deadline-{}-doc-{}@vanthu.local",
                d.id, d.document_id
            ),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp_utc}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_day(due)));
        if let Some(after) = due.succ_opt() {
            push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_day(after)));
        }
        push_line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape(&format!("Hạn {}: {}", d.symbol, d.text))
            ),
        );
        push_line(&mut out, &format!("DESCRIPTION:{}", escape(&description)));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn ics_day(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` (which may hold several lines joined by CRLF) folded at 75 octets (§3.1):
/// a continuation starts with a space, and a UTF-8 character is never split. A fold never
/// falls beside a space of the text: some readers trim the ends of the folded lines.
fn push_line(out: &mut String, line: &str) {
    for line in line.split("\r\n") {
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        let mut limit = 75;
        while start < chars.len() {
            // The longest run from `start` that fits in `limit` octets.
            let mut end = start;
            let mut width = 0;
            while end < chars.len() && width + chars[end].len_utf8() <= limit {
                width += chars[end].len_utf8();
                end += 1;
            }
            if end < chars.len() {
                // Back off to a place between two characters that are not spaces.
                let mut at = end;
                while at > start + 1 && (chars[at - 1] == ' ' || chars[at] == ' ') {
                    at -= 1;
                }
                if at > start + 1 {
                    end = at;
                }
            }
            if start > 0 {
                out.push_str("\r\n ");
            }
            out.extend(&chars[start..end]);
            start = end;
            limit = 74;
        }
        out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_stay_within_75_octets_and_keep_every_character() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "Hướng dẫn học tập chuyên đề ".repeat(8));
        push_line(&mut out, &long);
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
        let unfolded = out.strip_suffix("\r\n").unwrap().replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn no_continuation_starts_with_the_texts_own_space() {
        for n in 60..80 {
            let mut out = String::new();
            let line = format!("SUMMARY:{} {}", "a".repeat(n), "b".repeat(90));
            push_line(&mut out, &line);
            assert!(out
                .split("\r\n")
                .all(|l| l.len() <= 75 && !l.starts_with("  ") && !l.ends_with(' ')));
            assert_eq!(out.strip_suffix("\r\n").unwrap().replace("\r\n ", ""), line);
        }
    }

    #[test]
    fn text_values_escape_the_characters_the_format_reserves() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
