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
