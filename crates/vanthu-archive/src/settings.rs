//! The office's settings: the conventions where the sources of the regulations disagree (e.g.
//! the Party abbreviation of Quy định). A change is logged, since it changes the symbols of
//! documents issued afterwards.

use vanthu_model::Conventions;

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::rows::settings;
use crate::{Archive, Stamp};

impl Archive {
    /// The settings where the sources of the regulations disagree.
    pub fn conventions(&self) -> Result<Conventions> {
        settings::conventions(&self.conn)
    }

    pub fn set_conventions(&mut self, conventions: &Conventions, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("save settings")?;
        let json = settings::set_conventions(&tx, conventions)?;
        audit::append(&tx, stamp, AuditAction::Settings, None, &json)?;
        tx.commit().map_err(ArchiveError::sqlite("save settings"))
    }
}
