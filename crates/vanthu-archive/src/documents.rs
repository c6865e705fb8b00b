//! Storing and editing documents: new drafts, historical records arriving with their number,
//! batch imports, and edits of a draft.
//!
//! A draft changes freely; an issued one never does (see [`crate::issue`]). A historical
//! document that arrives with its number (an import of last year's plan) is recorded as issued
//! under that number, and its series carries on after the highest number used.

use rusqlite::Transaction;
use vanthu_model::{validate, Document, Problem, Purpose, Status};

use crate::error::{ArchiveError, Result};
use crate::rows::audit::{self, AuditAction};
use crate::rows::{deadlines, documents, index, registers, trash};
use crate::{Archive, Stamp};

impl Archive {
    /// Stores a new document: a draft, or — when its status is `issued` — a historical
    /// document recorded under the number it carries. Returns its id.
    pub fn create(&mut self, doc: &Document, stamp: &Stamp) -> Result<i64> {
        let prepared = prepare(doc)?;
        let tx = self.write_tx("save the document")?;
        let id = insert_tx(&tx, prepared, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the document"))?;
        Ok(id)
    }

    /// Stores several documents in one transaction: all of them, or — on the first problem —
    /// none, so a batch import never leaves half a folder in the archive. The next documents
    /// are checked and folded on a second thread while this one writes.
    pub fn create_all(&mut self, docs: &[Document], stamp: &Stamp) -> Result<Vec<i64>> {
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel(64);
            scope.spawn(move || {
                for doc in docs {
                    // The writer stops reading at its first error; then so does this.
                    if send.send(prepare(doc)).is_err() {
                        break;
                    }
                }
            });
            let tx = self.write_tx("import documents")?;
            let ids = receive
                .into_iter()
                .map(|prepared| insert_tx(&tx, prepared?, stamp))
                .collect::<Result<Vec<_>>>()?;
            tx.commit()
                .map_err(ArchiveError::sqlite("import documents"))?;
            Ok(ids)
        })
    }

    /// Replaces the fields of a draft. Issued documents are refused.
    pub fn update_draft(&mut self, id: i64, doc: &Document, stamp: &Stamp) -> Result<()> {
        let tx = self.write_tx("save the draft")?;
        update_draft_tx(&tx, id, doc, stamp)?;
        tx.commit().map_err(ArchiveError::sqlite("save the draft"))
    }

    /// One document, with its id, status and symbol.
    pub fn get(&self, id: i64) -> Result<Document> {
        documents::get(&self.conn, id)
    }
}

fn update_draft_tx(tx: &Transaction<'_>, id: i64, doc: &Document, stamp: &Stamp) -> Result<()> {
    let current = documents::get(tx, id)?;
    if current.status == Status::Issued {
        return Err(documents::immutable(&current));
    }
    if trash::contains(tx, id)? {
        return Err(ArchiveError::InTrash(id));
    }
    let mut doc = doc.clone();
    doc.normalize();
    if doc.number.is_some() || doc.status == Status::Issued {
        return Err(ArchiveError::DraftWithNumber);
    }
    documents::check(&doc, Purpose::Draft)?;
    documents::update_draft(tx, id, &doc, stamp)?;
    index::index(tx, id, &doc, true)?;
    audit::append(tx, stamp, AuditAction::Edit, Some(id), &doc.title)
}

/// A new document checked and folded, ready to be written.
struct Prepared {
    doc: Document,
    index: index::IndexText,
    /// The deadlines of a document recorded as issued (read here, off the writer's thread).
    deadlines: Vec<vanthu_model::deadline::Found>,
}

/// Everything about storing a new document that needs no database: NFC, the checks, folding.
fn prepare(doc: &Document) -> Result<Prepared> {
    let mut doc = doc.clone();
    doc.normalize();
    match doc.status {
        Status::Draft if doc.number.is_some() => return Err(ArchiveError::DraftWithNumber),
        Status::Draft => documents::check(&doc, Purpose::Draft)?,
        Status::Issued => check_record(&doc)?,
    }
    doc.symbol = None;
    let index = index::IndexText::of(&doc);
    let deadlines = match doc.status {
        Status::Issued => vanthu_model::deadline::extract(&doc.body, doc.date).deadlines,
        Status::Draft => Vec::new(),
    };
    Ok(Prepared {
        doc,
        index,
        deadlines,
    })
}

fn insert_tx(tx: &Transaction<'_>, prepared: Prepared, stamp: &Stamp) -> Result<i64> {
    let Prepared {
        doc,
        mut index,
        deadlines: found,
    } = prepared;
    let issued = match (doc.status, doc.number) {
        (Status::Issued, Some(number)) => {
            let (register_id, _) = registers::register_for(tx, &doc, stamp, true)?;
            Some((register_id, registers::symbol_for(tx, &doc, number)?))
        }
        _ => None,
    };
    let id = documents::insert(
        tx,
        &doc,
        issued.as_ref().map(|(r, s)| (*r, s.as_str())),
        stamp,
    )?;
    if let Some((_, s)) = &issued {
        index.add_symbol(s);
    }
    index::write(tx, id, &index, false)?;
    let (action, detail) = match &issued {
        Some((_, s)) => (AuditAction::Record, s.as_str()),
        None => (AuditAction::Create, doc.title.as_str()),
    };
    audit::append(tx, stamp, action, Some(id), detail)?;
    deadlines::record_found(tx, id, &found, stamp)?;
    Ok(id)
}

/// A historical record needs only what its symbol is made of; the rest may be missing, as it is
/// missing on the paper it came from.
fn check_record(doc: &Document) -> Result<()> {
    let mut problems = validate(doc, Purpose::Draft);
    let need = |path: &str, message: &str| Problem {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    if doc.number.is_none() {
        problems.push(need("number", "Văn bản đã ban hành phải có số."));
    }
    if doc.kind.is_none() {
        problems.push(need(
            "kind",
            "Chưa rõ loại văn bản nên không ghi được vào sổ.",
        ));
    }
    if doc.issuer.code.is_empty() {
        problems.push(need(
            "issuer.code",
            "Chưa rõ ký hiệu cơ quan ban hành nên không ghi được vào sổ.",
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ArchiveError::Invalid(problems))
    }
}
