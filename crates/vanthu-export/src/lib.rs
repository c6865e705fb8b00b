//! What leaves the archive as files, for the `vanthu` command and the window alike: the
//! outgoing register as the statutory book (PDF to print and bind, CSV for a spreadsheet), and
//! the whole archive as a folder readable without VănThư, and the open deadlines as a calendar.

mod error;
mod folder;
pub mod ics;
mod register;

pub use error::{ExportError, Result};
pub use folder::{export_archive, Exported};
pub use register::{book, csv, register_book, Period};
