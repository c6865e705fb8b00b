//! Who a sentence makes responsible: its leading subject phrase, when it names a unit.
//!
//! "Các chi bộ hoàn thành…" → `Các chi bộ`; "Ban Tuyên giáo Huyện ủy chủ trì…" → `Ban Tuyên giáo
//! Huyện ủy`; "Theo kế hoạch, Đảng ủy Khối sẽ chọn…" → `Đảng ủy Khối`. The phrase starts with a
//! word that opens a unit's name and ends before the first verb written in lowercase (a verb
//! capitalised inside a name — "Ban Tổ chức", "Ban Thường vụ" — does not end it). A heading that
//! is only such a phrase ("3. Ban Tuyên giáo") names the unit of the lines under it.

/// Words that open a unit's name (lowercase; matched as whole words at the start).
const STARTERS: [&str; 52] = [
    "các",
    "ban",
    "văn phòng",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "ubmttq",
    "đảng ủy",
    "đảng uỷ",
    "đảng bộ",
    "chi bộ",
    "chi ủy",
    "cấp ủy",
    "cấp uỷ",
    "huyện ủy",
    "huyện uỷ",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "quận ủy",
    "quận uỷ",
    "thị ủy",
    "thị uỷ",
    "huyện đoàn",
    "tỉnh đoàn",
    "thành đoàn",
    "đoàn",
    "chi đoàn",
    "liên chi đoàn",
    "công đoàn",
    "liên đoàn",
    "hội",
    "phòng",
    "trường",
    "khoa",
    "mặt trận",
    "mttq",
    "thường trực",
    "sở",
    "trung tâm",
    "công an",
    "cơ quan",
    "bộ phận",
    "tổ",
    "tiểu ban",
    "hiệu trưởng",
    "thủ trưởng",
    "chủ tịch",
    "bí thư",
    "người đứng đầu",
    "đồng chí",
];

/// Phrases that start like a unit but are not one.
const NOT_UNITS: [&str; 10] = [
    "hội nghị",
    "hội thi",
    "hội thảo",
    "hội trường",
    "phòng,",
    "phòng chống",
    "trường hợp",
    "tổ chức",
    "ban hành",
    "đoàn viên",
];

/// Verbs (lowercase as written) that end the subject.
const VERBS: [&str; 69] = [
    // Adverbs of time and manner that come between the subject and its verb.
    "định kỳ",
    "hằng",
    "hàng tháng",
    "hàng quý",
    "hàng năm",
    "thường xuyên",
    "khẩn trương",
    "chủ trì",
    "phối hợp",
    "hoàn thành",
    "tổ chức",
    "báo cáo",
    "gửi",
    "xây dựng",
    "triển khai",
    "thực hiện",
    "tham mưu",
    "là",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "chỉ đạo",
    "hướng dẫn",
    "theo dõi",
    "đôn đốc",
    "kiểm tra",
    "tổng hợp",
    "căn cứ",
    "rà soát",
    "nộp",
    "đăng ký",
    "chọn",
    "lựa chọn",
    "dự kiến",
    "sẽ",
    "cần",
    "phải",
    "tiếp tục",
    "đẩy mạnh",
    "quán triệt",
    "tuyên truyền",
    "chủ động",
    "nghiên cứu",
    "cử",
    "phát hành",
    "đề nghị",
    "yêu cầu",
    "tiến hành",
    "tập trung",
    "khẩn trương",
    "bố trí",
    "phân công",
    "ban hành",
    "đã",
    "đang",
    "được",
    "lãnh đạo",
    "làm",
    "phát hiện",
    "đề xuất",
    "giao",
    "thông báo",
    "hoàn chỉnh",
    "chuẩn bị",
    "mời",
    "có",
    "thành lập",
    "nắm",
    "vận động",
    "tham gia",
];

/// Openings before the subject: "Theo kế hoạch, Đảng ủy Khối…", "Đề nghị các chi bộ…".
const LEADS: [&str; 9] = [
    "theo kế hoạch",
    "qua đó",
    "đồng thời",
    "sau đó",
    "ngoài ra",
    "đề nghị",
    "yêu cầu",
    "giao",
    "đối với",
];

/// A subject longer than this is a clause, not a unit's name.
const MAX_WORDS: usize = 14;

/// The units a sentence names as its subject, as written; empty when it names none.
pub(super) fn of_sentence(text: &str) -> Vec<String> {
    let Some(rest) = after_leads(text) else {
        return Vec::new();
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let Some(stop) = (1..words.len().min(MAX_WORDS + 1)).find(|&i| verb_at(&words, i)) else {
        return Vec::new();
    };
    split(&words[..stop].join(" "))
}

/// The units a heading names when it is only a unit's name ("Văn phòng Đảng ủy", "Đối với các
/// lớp năm nhất:"); its title before a colon counts ("Cấp ủy các chi bộ: cử cán bộ").
pub(super) fn of_heading(title: &str) -> Vec<String> {
    let title = match title.split_once(':') {
        Some((before, _)) => before,
        None => title,
    };
    let Some(rest) = after_leads(title.trim().trim_end_matches(['.', ';'])) else {
        return Vec::new();
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_WORDS || (1..words.len()).any(|i| verb_at(&words, i)) {
        return Vec::new();
    }
    split(&words.join(" "))
}

/// `text` without its opening phrases, if what is left starts like a unit's name.
fn after_leads(text: &str) -> Option<&str> {
    let mut rest = text.trim();
    loop {
        let lower = rest.to_lowercase();
        let Some(lead) = LEADS.iter().find(|l| starts_with_word(&lower, l)) else {
            break;
        };
        rest = rest[lead_len(rest, lead)..].trim_start_matches([',', ' ']);
    }
    let lower = rest.to_lowercase();
    let starts = STARTERS.iter().any(|s| starts_with_word(&lower, s))
        && !NOT_UNITS.iter().any(|n| lower.starts_with(n));
    starts.then_some(rest)
}

/// Byte length in `text` of its first `lead.chars().count()` chars.
fn lead_len(text: &str, lead: &str) -> usize {
    text.char_indices()
        .nth(lead.chars().count())
        .map_or(text.len(), |(i, _)| i)
}

fn starts_with_word(lower: &str, word: &str) -> bool {
    lower.starts_with(word)
        && lower[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !crate::text::is_word_char(c))
}

/// Whether a lowercase-written verb starts at word `i`.
fn verb_at(words: &[&str], i: usize) -> bool {
    let first = words[i];
    if !first.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    VERBS.iter().any(|verb| {
        let parts: Vec<&str> = verb.split(' ').collect();
        parts.len() <= words.len() - i
            && parts
                .iter()
                .enumerate()
                .all(|(k, p)| words[i + k].trim_end_matches([',', ';', ':', '.']) == *p)
    })
}

/// "Các Ban Xây dựng Đảng, Trung tâm bồi dưỡng chính trị quận" → two units, when every part
/// starts like a unit's name; otherwise the phrase whole.
fn split(subject: &str) -> Vec<String> {
    let subject = subject.trim().trim_end_matches([',', ':', ';']).trim();
    if subject.is_empty() {
        return Vec::new();
    }
    let parts: Vec<&str> = subject
        .split(", ")
        .flat_map(|p| p.split(" và "))
        .map(str::trim)
        .collect();
    let all_units = parts.len() > 1
        && parts.iter().all(|p| {
            let lower = p.to_lowercase();
            STARTERS.iter().any(|s| starts_with_word(&lower, s))
        });
    if all_units {
        parts.into_iter().map(str::to_owned).collect()
    } else {
        vec![subject.to_owned()]
    }
}
