//! The closing block: `Nơi nhận:` with its list on the left, the signature on the right.
//!
//! In print the two sit side by side; a text export gives them one after the other (list
//! first), or row by row with the cells separated by a TAB. Lines are therefore sorted by what
//! they are, not where they are: list items (and the `Lưu` line) go to Nơi nhận, everything
//! else to the signature, and a row with two cells is split left/right.

use vanthu_model::text::{first_folded_words, folded_words};
use vanthu_model::Recipient;

use crate::line::{self, Line};
use crate::signature;
use crate::Warning;

/// The Nơi nhận list and the lines left for the signature.
#[derive(Debug, Default)]
pub(crate) struct Closing {
    pub recipients: Vec<Recipient>,
    pub archive: String,
    pub signature_lines: Vec<Line>,
}

/// If `text` is the `Nơi nhận:` label (`**Nơi nhận:**`, `*Nơi nhận*:`, `Nơi nhận :`, no colon),
/// what follows the label on the same line (usually nothing).
pub(crate) fn label_rest(text: &str) -> Option<String> {
    // The label opens the line, so its words open the line's (stars aside): a line that opens
    // otherwise, as nearly every line of a body does, is not cut into cells to be told apart.
    let unstarred: std::borrow::Cow<str> = if text.contains('*') {
        text.replace('*', "").into()
    } else {
        text.into()
    };
    if first_folded_words(&unstarred, 2) != ["noi", "nhan"] {
        return None;
    }
    let cell = closing_cells(text).into_iter().next()?;
    let stripped: String = cell.chars().filter(|&c| c != '*').collect();
    let stripped = stripped.trim();
    let (label, rest) = match stripped.split_once(':') {
        Some((label, rest)) => (label, rest.trim()),
        None => (stripped, ""),
    };
    (folded_words(label) == ["noi", "nhan"]).then(|| rest.to_owned())
}

/// The index of the `Nơi nhận:` line at or after `from`.
pub(crate) fn find_label(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| label_rest(&lines[i].text).is_some())
}

/// A closing row split into cells: a TAB always separates Word's two columns; a wide gap only
/// when what follows it is something of the signature (a position, a name, an authority).
fn closing_cells(text: &str) -> Vec<String> {
    line::cells(text, |piece, tab| {
        tab || line::is_position_like(piece)
            || line::is_name_like(piece)
            || signature::authority_format(piece).is_some()
            || line::is_bracketed(piece)
    })
}

/// Reads the closing block from the label line `label` to the end of `lines`.
pub(crate) fn read(lines: &[Line], label: usize, warnings: &mut Vec<Warning>) -> Closing {
    let mut items: Vec<(usize, String)> = Vec::new();
    let mut out = Closing::default();
    // Whether the previous non-blank left-column line was an item, so that a wrapped item
    // or an undashed `Lưu VT` line can follow it.
    let mut after_item = false;
    for (k, l) in lines[label..].iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        let mut cells = closing_cells(&l.text);
        if k == 0 {
            // The label itself; text after its colon is the first item or a signature cell.
            let first_rest = label_rest(&l.text).unwrap_or_default();
            cells.remove(0);
            if !first_rest.is_empty() {
                cells.insert(0, first_rest);
            }
            if cells.is_empty() {
                continue;
            }
            if line::item_text(&cells[0]).is_none() && cells.len() == 1 {
                out.signature_lines.push(Line::new(l.no, cells.remove(0)));
                continue;
            }
        }
        let (left, right): (Option<String>, Vec<String>) = if cells.len() >= 2 {
            let left = cells.remove(0);
            (Some(left), cells)
        } else {
            let only = cells.pop().unwrap_or_default();
            if is_left(&only, after_item) {
                (Some(only), Vec::new())
            } else {
                (None, vec![only])
            }
        };
        if let Some(left) = left {
            if let Some(item) = line::item_text(&left) {
                items.push((l.no, item.to_owned()));
                after_item = true;
            } else if let Some((_, last)) = items.last_mut().filter(|_| after_item) {
                if line::starts_lowercase(&left) && !last.ends_with([',', ';', '.']) {
                    last.push(' ');
                    last.push_str(line::plain(&left));
                } else {
                    // `Lưu VT, TCT.` written without its dash.
                    items.push((l.no, line::plain(&left).to_owned()));
                }
            } else {
                out.signature_lines.push(Line::new(l.no, left));
            }
        } else {
            after_item = false;
        }
        for cell in right {
            out.signature_lines.push(Line::new(l.no, cell));
        }
    }
    let archive_at = items.iter().rposition(|(_, t)| is_archive(t));
    for (i, (no, text)) in items.into_iter().enumerate() {
        if Some(i) == archive_at {
            out.archive = line::plain(&text)
                .trim_end_matches(['.', ',', ';', ' '])
                .to_owned();
            continue;
        }
        let recipient = recipient(&text);
        if recipient.name.is_empty() {
            warnings.push(Warning::at(
                no,
                format!(
                    "Dòng {no} trong phần Nơi nhận không có tên nơi nhận, đã bỏ qua: “{text}”."
                ),
            ));
            continue;
        }
        out.recipients.push(recipient);
    }
    out
}

/// Whether a single-cell closing line belongs to the Nơi nhận column.
fn is_left(text: &str, after_item: bool) -> bool {
    if line::item_text(text).is_some() {
        return true;
    }
    // `Lưu VT` without a dash, or a wrapped item; never a signer named Lưu (`Lưu Hồng Vân`).
    after_item
        && !line::is_name_like(text)
        && !line::is_position_like(text)
        && signature::authority_format(text).is_none()
        && (is_archive(text) || line::starts_lowercase(text))
}

/// An item that is the archive line: it starts with the word `Lưu` (`Lưu: VP`, `Lưu VT, TCT`,
/// `Lưu Văn phòng Đảng ủy`) — but `Lưu trữ …` is a recipient (an archives office).
fn is_archive(text: &str) -> bool {
    let words = folded_words(line::plain(text));
    words.first().is_some_and(|w| w == "luu") && words.get(1).is_none_or(|w| w != "tru")
        || line::plain(text).starts_with("Lưu:")
}

/// A Nơi nhận item as a recipient, read as the model reads every recipient line; only the
/// emphasis a Word export leaves around it is the importer's to remove.
pub(crate) fn recipient(text: &str) -> Recipient {
    Recipient::parse_line(line::plain(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        for l in [
            "Nơi nhận:",
            "**Nơi nhận:**",
            "*Nơi nhận*:",
            "Nơi nhận :",
            "Nơi nhận",
            "Nơi nhận:\tT/M BAN THƯỜNG VỤ",
        ] {
            assert_eq!(label_rest(l).as_deref(), Some(""), "{l}");
        }
        assert_eq!(
            label_rest("Nơi nhận: - Như trên;").as_deref(),
            Some("- Như trên;")
        );
        assert_eq!(label_rest("Nơi nhận hồ sơ là Văn phòng"), None);
    }

    #[test]
    fn recipients_and_notes() {
        let r = recipient("Đảng ủy Khối CCQ-DN tỉnh (để b/c);");
        assert_eq!(
            (r.name.as_str(), r.note.as_str()),
            ("Đảng ủy Khối CCQ-DN tỉnh", "để b/c")
        );
        let r = recipient("**Các khoa, phòng; Công đoàn,**");
        assert_eq!(
            (r.name.as_str(), r.note.as_str()),
            ("Các khoa, phòng; Công đoàn", "")
        );
        assert!(is_archive("Lưu: VP."));
        assert!(is_archive("Lưu Văn phòng Đảng ủy."));
        assert!(!is_archive("Lưu trữ lịch sử tỉnh;"));
    }
}
