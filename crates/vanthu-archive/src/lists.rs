//! The saved lists a clerk picks from instead of typing: issuer profiles (with the committee
//! term that restarts Party numbering), signers, and named ordered recipient lists ("Nơi nhận").

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use vanthu_model::{text, Format, Recipient};

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::{Archive, Stamp};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct IssuerProfile {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[serde(default)]
    pub parent: String,
    pub name: String,
    pub code: String,
    #[serde(default)]
    pub format: Format,
    #[serde(default)]
    pub place: String,
    /// First day of the current committee term (Party numbering restarts with each term).
    #[serde(default)]
    pub term_start: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[serde(default)]
    pub authority: String,
    pub position: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RecipientList {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub name: String,
    pub items: Vec<Recipient>,
}

fn unique_or(
    what: &'static str,
    name: &str,
    context: &'static str,
) -> impl FnOnce(rusqlite::Error) -> ArchiveError {
    let name = name.to_owned();
    move |e| match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            ArchiveError::Duplicate { what, name }
        }
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_CHECK =>
        {
            ArchiveError::Invalid(vec![vanthu_model::Problem {
                path: "name".to_owned(),
                message: "Chưa nhập đủ các trường bắt buộc.".to_owned(),
            }])
        }
        _ => ArchiveError::Sqlite { context, source: e },
    }
}

fn changed(n: usize, what: &'static str, id: i64) -> Result<()> {
    if n == 0 {
        Err(ArchiveError::MissingItem { what, id })
    } else {
        Ok(())
    }
}

impl Archive {
    /// Adds (no id) or replaces (with id) an issuer profile; returns its id.
    pub fn save_issuer_profile(&mut self, p: &IssuerProfile, stamp: &Stamp) -> Result<i64> {
        let (parent, name, code, place) = (
            text::one_line(&p.parent),
            text::one_line(&p.name),
            text::one_line(&p.code),
            text::one_line(&p.place),
        );
        let term = p.term_start.map(vanthu_model::date::iso);
        let tx = self.write_tx("save the issuer profile")?;
        let err = || unique_or("issuer profile", &name, "save the issuer profile");
        let id = match p.id {
            Some(id) => {
                let n = tx
                    .execute(
                        "UPDATE issuer_profiles SET parent = ?1, name = ?2, code = ?3, format = ?4,
                            place = ?5, term_start = ?6 WHERE id = ?7",
                        params![parent, name, code, p.format.key(), place, term, id],
                    )
                    .map_err(err())?;
                changed(n, "issuer profile", id)?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO issuer_profiles (parent, name, code, format, place, term_start)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![parent, name, code, p.format.key(), place, term],
                )
                .map_err(err())?;
                tx.last_insert_rowid()
            }
        };
        audit::append(
            &tx,
            stamp,
            AuditAction::IssuerProfile,
            None,
            &format!("{code} {name}"),
        )?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the issuer profile"))?;
        Ok(id)
    }

    pub fn issuer_profiles(&self) -> Result<Vec<IssuerProfile>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, parent, name, code, format, place, term_start FROM issuer_profiles
                 ORDER BY name, id",
            )
            .map_err(ArchiveError::sqlite("read issuer profiles"))?;
        let rows = stmt
            .query_map([], |r| {
                let format: String = r.get(4)?;
                let term: Option<String> = r.get(6)?;
                Ok(IssuerProfile {
                    id: Some(r.get(0)?),
                    parent: r.get(1)?,
                    name: r.get(2)?,
                    code: r.get(3)?,
                    format: Format::from_key(&format).unwrap_or_default(),
                    place: r.get(5)?,
                    term_start: term.and_then(|t| vanthu_model::date::parse_iso(&t).ok()),
                })
            })
            .map_err(ArchiveError::sqlite("read issuer profiles"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read issuer profiles"))
    }

    pub fn delete_issuer_profile(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        self.delete_row(
            "issuer_profiles",
            "issuer profile",
            AuditAction::DeleteIssuerProfile,
            id,
            stamp,
        )
    }

    pub fn save_signer(&mut self, s: &Signer, stamp: &Stamp) -> Result<i64> {
        let (authority, position, name) = (
            text::one_line(&s.authority),
            text::one_line(&s.position),
            text::one_line(&s.name),
        );
        let tx = self.write_tx("save the signer")?;
        let err = || unique_or("signer", &name, "save the signer");
        let id = match s.id {
            Some(id) => {
                let n = tx
                    .execute(
                        "UPDATE signers SET authority = ?1, position = ?2, name = ?3 WHERE id = ?4",
                        params![authority, position, name, id],
                    )
                    .map_err(err())?;
                changed(n, "signer", id)?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO signers (authority, position, name) VALUES (?1, ?2, ?3)",
                    params![authority, position, name],
                )
                .map_err(err())?;
                tx.last_insert_rowid()
            }
        };
        audit::append(&tx, stamp, AuditAction::Signer, None, &name)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the signer"))?;
        Ok(id)
    }

    pub fn signers(&self) -> Result<Vec<Signer>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, authority, position, name FROM signers ORDER BY name, id")
            .map_err(ArchiveError::sqlite("read signers"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Signer {
                    id: Some(r.get(0)?),
                    authority: r.get(1)?,
                    position: r.get(2)?,
                    name: r.get(3)?,
                })
            })
            .map_err(ArchiveError::sqlite("read signers"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(ArchiveError::sqlite("read signers"))
    }

    pub fn delete_signer(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        self.delete_row("signers", "signer", AuditAction::DeleteSigner, id, stamp)
    }

    /// Adds (no id) or replaces (with id) a recipient list, items in the given order.
    pub fn save_recipient_list(&mut self, list: &RecipientList, stamp: &Stamp) -> Result<i64> {
        let name = text::one_line(&list.name);
        let tx = self.write_tx("save the recipient list")?;
        let err = || unique_or("recipient list", &name, "save the recipient list");
        let id = match list.id {
            Some(id) => {
                let n = tx
                    .execute(
                        "UPDATE recipient_lists SET name = ?1 WHERE id = ?2",
                        params![name, id],
                    )
                    .map_err(err())?;
                changed(n, "recipient list", id)?;
                tx.execute("DELETE FROM recipient_list_items WHERE list_id = ?1", [id])
                    .map_err(ArchiveError::sqlite("save the recipient list"))?;
                id
            }
            None => {
                tx.execute("INSERT INTO recipient_lists (name) VALUES (?1)", [&name])
                    .map_err(err())?;
                tx.last_insert_rowid()
            }
        };
        for (position, item) in list.items.iter().enumerate() {
            tx.execute(
                "INSERT INTO recipient_list_items (list_id, position, name, note) VALUES (?1, ?2, ?3, ?4)",
                params![id, position as i64, text::one_line(&item.name), text::one_line(&item.note)],
            )
            .map_err(err())?;
        }
        audit::append(&tx, stamp, AuditAction::RecipientList, None, &name)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the recipient list"))?;
        Ok(id)
    }

    pub fn recipient_lists(&self) -> Result<Vec<RecipientList>> {
        let ids: Vec<(i64, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id, name FROM recipient_lists ORDER BY name, id")
                .map_err(ArchiveError::sqlite("read recipient lists"))?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(ArchiveError::sqlite("read recipient lists"))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(ArchiveError::sqlite("read recipient lists"))?
        };
        ids.into_iter()
            .map(|(id, name)| {
                Ok(RecipientList {
                    id: Some(id),
                    name,
                    items: list_items(&self.conn, id)?,
                })
            })
            .collect()
    }

    pub fn recipient_list(&self, id: i64) -> Result<RecipientList> {
        let name: String = self
            .conn
            .query_row(
                "SELECT name FROM recipient_lists WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(ArchiveError::sqlite("read the recipient list"))?
            .ok_or(ArchiveError::MissingItem {
                what: "recipient list",
                id,
            })?;
        Ok(RecipientList {
            id: Some(id),
            name,
            items: list_items(&self.conn, id)?,
        })
    }

    pub fn delete_recipient_list(&mut self, id: i64, stamp: &Stamp) -> Result<()> {
        self.delete_row(
            "recipient_lists",
            "recipient list",
            AuditAction::DeleteRecipientList,
            id,
            stamp,
        )
    }

    fn delete_row(
        &mut self,
        table: &str,
        what: &'static str,
        action: AuditAction,
        id: i64,
        stamp: &Stamp,
    ) -> Result<()> {
        let tx = self.write_tx("delete")?;
        let n = tx
            .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
            .map_err(ArchiveError::sqlite("delete"))?;
        changed(n, what, id)?;
        audit::append(&tx, stamp, action, None, &id.to_string())?;
        tx.commit().map_err(ArchiveError::sqlite("delete"))
    }
}

fn list_items(conn: &Connection, id: i64) -> Result<Vec<Recipient>> {
    let mut stmt = conn
        .prepare("SELECT name, note FROM recipient_list_items WHERE list_id = ?1 ORDER BY position")
        .map_err(ArchiveError::sqlite("read the recipient list"))?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Recipient {
                name: r.get(0)?,
                note: r.get(1)?,
            })
        })
        .map_err(ArchiveError::sqlite("read the recipient list"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(ArchiveError::sqlite("read the recipient list"))
}
