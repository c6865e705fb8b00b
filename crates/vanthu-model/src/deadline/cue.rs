//! What the words around a time expression make of it: a deadline ("trước ngày …"), the end or
//! the start of a period ("đến …", "từ …"), a time something happens ("trong tháng …", "vào
//! …", "Thời gian: …", "lúc 8 giờ thứ năm, ngày …"), or nothing ("Kế hoạch số 20-KH/ĐU ngày
//! 19/5/2022" cites a document; "Ngày 14-11, Đảng ủy đã họp" tells what happened).

use super::when::Mention;

/// Words passed over between a cue and its date: "trước ngày", "đến hết ngày", "từ buổi sáng
/// ngày".
const FILLERS: [&str; 9] = [
    "ngày", "hết", "là", "buổi", "sáng", "chiều", "tối", "trưa", "khoảng",
];

/// Cues of two words (nearest word last), then of one.
const TWO_WORD_CUES: [(&str, &str, Role); 7] = [
    ("chậm", "nhất", Role::Before),
    ("muộn", "nhất", Role::Before),
    ("thời", "hạn", Role::Before),
    ("hạn", "chót", Role::Before),
    ("hạn", "cuối", Role::Before),
    ("dự", "kiến", Role::Within),
    ("hoàn", "thành", Role::Within),
];
const ONE_WORD_CUES: [(&str, Role); 9] = [
    ("trước", Role::Before),
    ("hạn", Role::Before),
    ("đến", Role::End),
    ("tới", Role::End),
    ("từ", Role::Start),
    ("trong", Role::Within),
    ("vào", Role::Within),
    ("lúc", Role::Within),
    ("xong", Role::Within),
];

const WEEKDAYS: [&str; 6] = ["hai", "ba", "tư", "năm", "sáu", "bảy"];

/// Sentences that open with one of these are about when ("Thời gian tổ chức: …").
const LABELS: [&str; 2] = ["thời gian", "thời hạn"];

/// Punctuation trimmed off a word's ends when reading the words around a date.
const PUNCT: [char; 9] = [',', ';', ':', '(', ')', '“', '”', '"', '\''];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Due by then ("trước ngày 31/5", "chậm nhất ngày 15/3").
    Before,
    /// The end of a period ("đến ngày 27/10").
    End,
    /// The start of a period ("từ ngày 15/10"); alone it is no deadline.
    Start,
    /// When it happens ("trong tháng 4", "vào ngày 28", "Thời gian: 24/9").
    Within,
}

/// The role of `m` in the sentence `lower`, or `None` when nothing makes it a deadline.
pub(super) fn role(lower: &[char], m: &Mention) -> Option<Role> {
    let before = words_before(lower, m.start);
    let mut i = 0;
    let mut saw_day = false;
    while before.get(i).is_some_and(|w| FILLERS.contains(&w.as_str())) {
        saw_day |= before[i] == "ngày";
        i += 1;
    }
    let w0 = before.get(i).map_or("", String::as_str);
    let w1 = before.get(i + 1).map_or("", String::as_str);
    if let Some(&(_, _, role)) = TWO_WORD_CUES.iter().find(|(a, b, _)| *a == w1 && *b == w0) {
        return Some(role);
    }
    if let Some(&(_, role)) = ONE_WORD_CUES.iter().find(|(w, _)| *w == w0) {
        return Some(role);
    }
    // "lúc 08 giờ 00 thứ năm, ngày 28 tháng 3": a weekday or an hour just before "ngày".
    if saw_day {
        let weekday = (w1 == "thứ" && WEEKDAYS.contains(&w0)) || (w1 == "chủ" && w0 == "nhật");
        let hour = before[i..].iter().take(4).any(|w| w == "giờ" || is_hour(w));
        if weekday || hour {
            return Some(Role::Within);
        }
    }
    if is_labelled(lower) {
        return Some(Role::Within);
    }
    let after = words_after(lower, m.end);
    let after: Vec<&str> = after.iter().map(String::as_str).collect();
    let done = matches!(after.as_slice(), ["hoàn", "thành", ..] | ["xong", ..])
        || matches!(after.as_slice(), ["sẽ" | "phải", "hoàn", "thành", ..]);
    if done || m.when.speaks_for_itself() {
        return Some(Role::Within);
    }
    None
}

/// Whether `m` is the date of a cited document: after its symbol ("Kế hoạch số 20-KH/ĐU ngày
/// 19/5/2022", "Chỉ thị 05-CT/TW ngày …", "Kế hoạch số 155, ngày …"), or followed by its
/// issuer ("ngày 17/4/2024 của Ban Thường vụ") when no deadline word stands before it.
pub(super) fn cites_document(lower: &[char], m: &Mention, role: Option<Role>) -> bool {
    let before = words_before(lower, m.start);
    let mut i = 0;
    while before.get(i).is_some_and(|w| w == "ngày") {
        i += 1;
    }
    let w0 = before.get(i).map_or("", String::as_str);
    let w1 = before.get(i + 1).map_or("", String::as_str);
    let symbol = w0.chars().any(|c| c.is_ascii_digit())
        && w0.contains(['/', '-'])
        && w0.chars().any(char::is_alphabetic);
    let numbered = w1 == "số" && w0.chars().all(|c| c.is_ascii_digit()) && !w0.is_empty();
    let issuer = words_after(lower, m.end)
        .first()
        .is_some_and(|w| w == "của")
        && !matches!(role, Some(Role::Before | Role::End | Role::Start));
    symbol || numbered || issuer
}

/// Whether the sentence opens with "Thời gian…" or "Thời hạn…".
pub(super) fn is_labelled(lower: &[char]) -> bool {
    let text: String = lower
        .iter()
        .skip_while(|c| !c.is_alphanumeric())
        .take(12)
        .collect();
    LABELS.iter().any(|l| text.starts_with(l))
}

/// Whether a start ("từ …") runs to now ("từ tháng 11.2014 đến nay"): a past period.
pub(super) fn runs_to_now(lower: &[char], end: usize) -> bool {
    let after = words_after(lower, end);
    matches!(
        after
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["đến" | "tới", "nay" | "hiện", ..]
    )
}

/// Whether the text between two time expressions only joins them into a period: "đến",
/// "tới", a dash, with "hết", "ngày" and a parenthesis ("(Thứ Hai)") around.
pub(super) fn joins_period(lower: &[char], from: usize, to: usize) -> bool {
    let mut depth = 0;
    let mut text = String::new();
    for &c in &lower[from..to] {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && *w != "hết" && *w != "ngày")
        .collect();
    matches!(words.as_slice(), ["đến" | "tới" | "-" | "–" | "—"])
}

/// `8h`, `08h00`, `14h30`.
fn is_hour(word: &str) -> bool {
    let Some((h, m)) = word.split_once('h') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && h.chars().all(|c| c.is_ascii_digit())
        && (m.is_empty() || (m.len() == 2 && m.chars().all(|c| c.is_ascii_digit())))
}

/// Up to eight words before `at`, nearest first, without the punctuation around them.
fn words_before(lower: &[char], at: usize) -> Vec<String> {
    // Split where they are rather than copying the whole sentence before `at` for each date.
    lower[..at]
        .split(|c| c.is_whitespace())
        .rev()
        .filter_map(word)
        .take(8)
        .collect()
}

/// Up to four words after `at`, without the punctuation around them.
fn words_after(lower: &[char], at: usize) -> Vec<String> {
    lower[at..]
        .split(|c| c.is_whitespace())
        .filter_map(word)
        .take(4)
        .collect()
}

/// A piece between spaces without the punctuation around it, if anything is left.
fn word(piece: &[char]) -> Option<String> {
    let w: String = piece.iter().collect();
    let w = w.trim_matches(PUNCT);
    (!w.is_empty()).then(|| w.to_owned())
}
