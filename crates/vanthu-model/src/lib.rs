//! The document model of VănThư, shared by the importer, the archive, the PDF exporter, the
//! command line and the desktop shell.
//!
//! Everything here is pure: no I/O, no clock. It holds what is *right* about a Vietnamese
//! official document independent of where it is stored or how it is printed: the fields of the
//! interchange JSON ([`Document`]), the rules that make a draft complete enough to issue
//! ([`validate`]), the document-type table of both formats ([`Kind`]), the number-and-symbol
//! rules ([`symbol`]), the printed date ([`date`]) and the Vietnamese text rules — NFC storage and
//! diacritic folding for search ([`text`]).

pub mod date;
pub mod document;
pub mod kind;
pub mod numbering;
pub mod text;
pub mod validate;

pub use document::{
    Document, Format, Issuer, ModelError, Recipient, Secrecy, Signature, Status, Urgency,
};
pub use kind::{Conventions, Kind, KindInfo};
pub use numbering::{symbol, SeriesKey};
pub use validate::{validate, Problem, Purpose};
