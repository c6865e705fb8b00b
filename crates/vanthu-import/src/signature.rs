//! The signature: authority (`T/M BAN THƯỜNG VỤ`), position (`BÍ THƯ`), name.
//!
//! Between the position and the name the paper has the handwritten signature and the seal,
//! and a scan turns those into whatever OCR makes of ink: `[Handwritten mark]`, `(Đã ký)`,
//! `ww`, `~`, `Ø`. Such lines have no field; they are dropped, each with a warning that quotes
//! it so the clerk can check nothing real was lost.

use vanthu_model::{Format, Signature};

use crate::header::FormatSignal;
use crate::line::{self, Line};
use crate::Warning;

/// The format an authority prefix shows (`T/M` Party, `TM.` State), `Some(None)` for `Q.`,
/// which both use; `None` if the line is not an authority.
pub(crate) fn authority_format(text: &str) -> Option<Option<Format>> {
    let text = line::plain(text);
    let upper: String = text.chars().take(5).flat_map(char::to_uppercase).collect();
    let followed = |prefix: &str| {
        text.get(prefix.len()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c == ' ' || c.is_uppercase())
    };
    for prefix in ["T/M", "K/T", "T/L"] {
        if upper.starts_with(prefix) && followed(prefix) {
            return Some(Some(Format::Party));
        }
    }
    for prefix in ["TUQ.", "TM.", "KT.", "TL."] {
        if text.starts_with(prefix) && followed(prefix) {
            return Some(Some(Format::State));
        }
    }
    if text.starts_with("Q.") && followed("Q.") && line::is_caps(text) {
        return Some(None);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Authority,
    Caps,
    Name,
    Other,
}

fn role(text: &str) -> Role {
    if authority_format(text).is_some() {
        Role::Authority
    } else if line::is_name_like(text) {
        Role::Name
    } else if line::is_position_like(text) {
        Role::Caps
    } else {
        Role::Other
    }
}

/// Where a signature block starts when it ends the text (no `Nơi nhận`, or the signature
/// written above it): the run of signature-like lines just before `end`, if it holds a name
/// or an authority. `min` bounds the search.
pub(crate) fn trailing_block(lines: &[Line], min: usize, end: usize) -> Option<usize> {
    let mut start = end;
    let mut has_name = false;
    let mut has_authority = false;
    let mut has_caps = false;
    let mut i = end;
    while i > min {
        let l = &lines[i - 1];
        if !l.is_blank() {
            match role(&l.text) {
                Role::Name => has_name = true,
                Role::Authority => has_authority = true,
                Role::Caps => has_caps = true,
                Role::Other if is_stray(&l.text) => {}
                Role::Other => break,
            }
            start = i - 1;
        }
        i -= 1;
    }
    (has_authority || has_name && (has_caps || end == lines.len())).then_some(start)
}

/// What OCR leaves where ink was: a bracketed note, a parenthesised `(Đã ký)`, a page
/// number, or a token of a few characters (`ww`, `~`, `Ø`).
fn is_stray(text: &str) -> bool {
    let t = line::plain(text);
    line::is_bracketed(t)
        || line::is_page_number(t)
        || line::is_signing_mark(t)
        || (t.starts_with('(') && t.ends_with(')') && t.chars().count() <= 30)
        || t.chars().filter(|c| !c.is_whitespace()).count() <= 3
}

/// Reads the signature from the lines on the signature side, in order. Returns it with the
/// format its authority shows.
pub(crate) fn read(
    lines: &[Line],
    warnings: &mut Vec<Warning>,
) -> (Signature, Option<FormatSignal>) {
    let lines: Vec<(&Line, &str, Role)> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| {
            let text = line::plain(&l.text);
            (l, text, role(text))
        })
        .collect();
    let mut sig = Signature::default();
    let mut keep = vec![false; lines.len()];
    let name_at = lines.iter().rposition(|(_, _, r)| *r == Role::Name);
    if let Some(n) = name_at {
        sig.name = lines[n].1.to_owned();
        keep[n] = true;
    }
    let before = name_at.unwrap_or(lines.len());
    // The position is the last caps line before the name; an authority right before the name
    // means the head signs with no separate position line.
    let last_caps = (0..before).rfind(|&i| matches!(lines[i].2, Role::Caps | Role::Authority));
    let mut signal = None;
    if let Some(p) = last_caps {
        let first_authority = (0..=p).find(|&i| lines[i].2 == Role::Authority);
        match first_authority {
            Some(a) => {
                let authority_end = if lines[p].2 == Role::Caps && p > a {
                    sig.position = lines[p].1.to_owned();
                    keep[p] = true;
                    p
                } else {
                    p + 1
                };
                let parts: Vec<&str> = (a..authority_end)
                    .filter(|&i| matches!(lines[i].2, Role::Authority | Role::Caps))
                    .map(|i| {
                        keep[i] = true;
                        lines[i].1
                    })
                    .collect();
                sig.authority = parts.join(" ");
                if let Some(format) = authority_format(lines[a].1).flatten() {
                    signal = Some(FormatSignal {
                        format,
                        line: lines[a].0.no,
                        what: "quyền hạn ký",
                        strength: 4,
                    });
                }
            }
            None => {
                // A position can wrap over several caps lines.
                let mut first = p;
                while first > 0 && lines[first - 1].2 == Role::Caps {
                    first -= 1;
                }
                sig.position = (first..=p)
                    .map(|i| {
                        keep[i] = true;
                        lines[i].1
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
    }
    for (i, (l, text, role)) in lines.iter().enumerate() {
        if keep[i] {
            continue;
        }
        if *role == Role::Other {
            warnings.push(Warning::noise(l.no, &l.text));
        } else {
            warnings.push(Warning::at(
                l.no,
                format!(
                    "Không xếp được dòng {} vào khối chữ ký, đã bỏ qua: “{text}”.",
                    l.no
                ),
            ));
        }
    }
    (sig, signal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(lines: &[&str]) -> (Signature, Vec<Warning>) {
        let lines: Vec<Line> = lines
            .iter()
            .enumerate()
            .map(|(i, t)| Line::new(i + 1, *t))
            .collect();
        let mut w = Vec::new();
        let (sig, _) = read(&lines, &mut w);
        (sig, w)
    }

    #[test]
    fn authority_position_name_with_stray_tokens() {
        let (sig, w) = sign(&[
            "**T/M BAN THƯỜNG VỤ**",
            "**BÍ THƯ**",
            "ww",
            "~",
            "Ø",
            "Nguyễn Văn Hiếu",
        ]);
        assert_eq!(sig.authority, "T/M BAN THƯỜNG VỤ");
        assert_eq!(sig.position, "BÍ THƯ");
        assert_eq!(sig.name, "Nguyễn Văn Hiếu");
        assert_eq!(w.len(), 3, "{w:?}");
    }

    #[test]
    fn wrapped_authority_and_state_forms() {
        let (sig, _) = sign(&[
            "T/M BAN THƯỜNG VỤ",
            "ĐẢNG ỦY KHỐI",
            "PHÓ BÍ THƯ",
            "Trần Thị B",
        ]);
        assert_eq!(sig.authority, "T/M BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI");
        assert_eq!(sig.position, "PHÓ BÍ THƯ");
        let (sig, _) = sign(&["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Lê Văn C"]);
        assert_eq!(
            (
                sig.authority.as_str(),
                sig.position.as_str(),
                sig.name.as_str()
            ),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn C")
        );
        let (sig, _) = sign(&["HIỆU TRƯỞNG", "Lưu Hồng Vân"]);
        assert_eq!(
            (sig.authority.as_str(), sig.position.as_str()),
            ("", "HIỆU TRƯỞNG")
        );
    }

    #[test]
    fn authority_prefixes() {
        assert_eq!(
            authority_format("T/M BAN THƯỜNG VỤ"),
            Some(Some(Format::Party))
        );
        assert_eq!(authority_format("KT. CHỦ TỊCH"), Some(Some(Format::State)));
        assert_eq!(authority_format("TUQ. GIÁM ĐỐC"), Some(Some(Format::State)));
        assert_eq!(authority_format("Q. CHÁNH VĂN PHÒNG"), Some(None));
        assert_eq!(authority_format("TRƯỞNG BAN"), None);
        assert_eq!(authority_format("Tổ chức"), None);
    }
}
