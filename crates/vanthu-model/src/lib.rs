//! The document model of VănThư, shared by the importer, the archive, the PDF exporter, the
//! command line and the desktop shell.
//!
//! Everything here is pure: no I/O, no clock. It holds what is *right* about a Vietnamese
//! official document independent of where it is stored or how it is printed: the fields of the
//! interchange JSON ([`Document`]), the rules that make a draft complete enough to issue
//! ([`validate`]), the document-type table of both formats ([`Kind`]), the number-and-symbol
//! rules ([`symbol`], read back by [`parse_symbol`]), the printed date ([`date`]) and the
//! Vietnamese text rules — NFC storage and diacritic folding for search, file sizes and file
//! names ([`text`]).
//!
//! Every small grammar has its one reader and printer here, which the importer, the PDF and
//! the window all call: the body's light markup ([`markup`]), the symbol ([`numbering`]) and
//! the Nơi nhận line ([`Recipient::parse_line`], [`Recipient::line`]).

pub mod date;
pub mod deadline;
pub mod document;
pub mod kind;
pub mod markup;
pub mod numbering;
mod recipient;
pub mod text;
pub mod validate;

pub use document::{
    Document, Format, Issuer, ModelError, Recipient, Secrecy, Signature, Status, Urgency,
};
pub use kind::{Conventions, Kind, KindInfo};
pub use numbering::{parse_symbol, symbol, ParsedSymbol, SeriesKey};
pub use validate::{validate, Problem, Purpose};
