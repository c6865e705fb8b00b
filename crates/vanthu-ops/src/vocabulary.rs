//! The words the window shows for the model's values — formats, types, secrecy and urgency
//! levels, statuses — asked from here rather than retyped in the UI, so a type added to the
//! model (thư công) appears in every list at once.

use serde::Serialize;
use ts_rs::TS;
use vanthu_model::{Format, Kind, Secrecy, Status, Urgency};

/// A value and the name a clerk reads for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Choice<T> {
    pub value: T,
    pub name: String,
}

/// One entry of the type list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KindOption {
    pub kind: Kind,
    /// `Kế hoạch`.
    pub name: String,
    /// `KẾ HOẠCH`, as printed.
    pub printed_name: String,
    /// Whether the type exists in Party documents.
    pub party: bool,
    /// Whether the type exists in State documents.
    pub state: bool,
}

/// An urgency level, with the formats it exists in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UrgencyOption {
    pub value: Urgency,
    pub name: String,
    pub party: bool,
    pub state: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Vocabulary {
    pub formats: Vec<Choice<Format>>,
    pub kinds: Vec<KindOption>,
    pub secrecy: Vec<Choice<Secrecy>>,
    pub urgency: Vec<UrgencyOption>,
    pub statuses: Vec<Choice<Status>>,
}

fn choice<T>(value: T, name: &str) -> Choice<T> {
    Choice {
        value,
        name: name.to_owned(),
    }
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        formats: Format::ALL
            .iter()
            .map(|&f| choice(f, f.name_vi()))
            .collect(),
        kinds: Kind::all()
            .map(|kind| KindOption {
                kind,
                name: kind.name().to_owned(),
                printed_name: kind.printed_name(),
                party: kind.exists_in(Format::Party),
                state: kind.exists_in(Format::State),
            })
            .collect(),
        secrecy: Secrecy::ALL
            .iter()
            .map(|&s| choice(s, s.name_vi()))
            .collect(),
        urgency: Urgency::ALL
            .iter()
            .map(|&u| UrgencyOption {
                value: u,
                name: u.name_vi().to_owned(),
                party: u.exists_in(Format::Party),
                state: u.exists_in(Format::State),
            })
            .collect(),
        statuses: [Status::Draft, Status::Issued]
            .iter()
            .map(|&s| choice(s, s.name_vi()))
            .collect(),
    }
}

/// A heading of the body as the markup reads it — what the PDF will set as a heading.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutlineEntry {
    /// 0 (`I.`) to 3 (`a)`).
    pub level: u32,
    /// The heading's text, without markup, cut to a line.
    pub text: String,
}

/// The headings of `body`, for the editor's hint under the text: the clerk sees which lines
/// will print as headings (and at which level) while typing, from the same grammar the
/// importer and the PDF use.
pub fn outline(body: &str) -> Vec<OutlineEntry> {
    const SHOWN_CHARS: usize = 60;
    vanthu_model::markup::parse(body, "")
        .into_iter()
        .filter_map(|block| match block.kind {
            vanthu_model::markup::BlockKind::Heading(level) => {
                let plain = block.plain();
                let mut text: String = plain.chars().take(SHOWN_CHARS).collect();
                if plain.chars().count() > SHOWN_CHARS {
                    text.push('…');
                }
                Some(OutlineEntry {
                    level: level as u32,
                    text,
                })
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outline_lists_headings_by_level() {
        let body =
            "Mở đầu.\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n\n- Một ý\n\na) Điểm nhỏ\n\nII.\nTỔ CHỨC";
        let levels: Vec<_> = outline(body)
            .into_iter()
            .map(|e| (e.level, e.text))
            .collect();
        assert_eq!(levels[0], (0, "I. MỤC ĐÍCH".to_owned()));
        assert_eq!(levels[1], (1, "1. Mục đích".to_owned()));
        assert_eq!(levels[2], (3, "a) Điểm nhỏ".to_owned()));
        assert_eq!(levels.len(), 4, "{levels:?}");
    }

    #[test]
    fn every_kind_has_a_name_in_the_vocabulary() {
        let v = vocabulary();
        assert_eq!(v.kinds.len(), Kind::all().count());
        assert!(v.kinds.iter().any(|k| k.kind == Kind::ThuCong && k.party));
        assert!(
            v.urgency.iter().any(|u| !u.state && u.party),
            "hẹn giờ is Party only"
        );
    }
}
