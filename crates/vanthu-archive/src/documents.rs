//! Storing and editing documents: new drafts, historical records arriving with their number,
//! batch imports, and edits of a draft.
//!
//! A draft changes freely; an issued one never does (see [`crate::issue`]). A historical
//! document that arrives with its number (an import of last year's plan) is recorded as issued
//! under that number, and its series carries on after the highest number used.

use std::time::{Duration, Instant};

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
        let prepared = prepare(doc, &mut ImportTimes::default())?;
        let tx = self.write_tx("save the document")?;
        let id = insert_tx(&tx, prepared, stamp)?;
        tx.commit()
            .map_err(ArchiveError::sqlite("save the document"))?;
        Ok(id)
    }

    /// Stores several documents in one transaction: all of them, or — on the first problem —
    /// none, so a batch import never leaves half a folder in the archive. The next documents
    /// are checked and folded on other threads while this one writes.
    pub fn create_all(&mut self, docs: &[Document], stamp: &Stamp) -> Result<Vec<i64>> {
        self.create_all_timed(docs, stamp).map(|(ids, _)| ids)
    }

    /// [`Archive::create_all`], with where its time went (for the benchmark).
    #[doc(hidden)]
    pub fn create_all_timed(
        &mut self,
        docs: &[Document],
        stamp: &Stamp,
    ) -> Result<(Vec<i64>, ImportTimes)> {
        // Checking and folding cost more than writing: the documents are shared out between
        // as many preparing threads as there are cores (document i to thread i mod n), and
        // the writer takes them back in order.
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 4)
            .min(docs.len().max(1));
        std::thread::scope(|scope| {
            let mut queues = Vec::with_capacity(threads);
            let mut preparing = Vec::with_capacity(threads);
            for first in 0..threads {
                let (send, receive) = std::sync::mpsc::sync_channel(32);
                queues.push(receive);
                preparing.push(scope.spawn(move || {
                    let mut times = ImportTimes::default();
                    let cpu = thread_cpu();
                    for doc in docs.iter().skip(first).step_by(threads) {
                        // The writer stops reading at its first error; then so does this.
                        if send.send(prepare(doc, &mut times)).is_err() {
                            break;
                        }
                    }
                    times.preparing_cpu = thread_cpu().saturating_sub(cpu);
                    times
                }));
            }
            let receive = (0..docs.len()).map_while(|i| queues[i % threads].recv().ok());
            let mut times = ImportTimes {
                preparing_threads: threads,
                ..ImportTimes::default()
            };
            let cpu = thread_cpu();
            let tx = self.write_tx("import documents")?;
            let mut stored = Vec::with_capacity(docs.len());
            let mut lookups = registers::BatchLookups::default();
            for prepared in receive {
                let start = Instant::now();
                let (id, index, found) = insert_rows_tx(&tx, prepared?, stamp, &mut lookups)?;
                let indexed = Instant::now();
                index::write(&tx, id, &index, false)?;
                times.rows += indexed - start;
                times.search_index += indexed.elapsed();
                stored.push((id, found));
            }
            // All read, or a preparing thread panicked: then so does this, before the commit,
            // and the transaction rolls back (the other threads must not wait on a full queue
            // meanwhile).
            drop(queues);
            for thread in preparing {
                let prepared = thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                times.add_preparation(&prepared);
            }
            // The deadlines last (their audit entries are in place): FTS5 writes what it has
            // gathered to disk at every statement savepoint, and a deadline's insert (with its
            // trigger) opens one. Between the documents, that cut the search index into a
            // thousand small segments, which it then spent a third of the import merging.
            let start = Instant::now();
            deadlines::insert_found_all(
                &tx,
                stored.iter().map(|(id, found)| (*id, found.as_slice())),
                stamp,
            )?;
            times.rows += start.elapsed();
            let start = Instant::now();
            tx.commit()
                .map_err(ArchiveError::sqlite("import documents"))?;
            times.commit = start.elapsed();
            times.writing_cpu = thread_cpu().saturating_sub(cpu);
            Ok((stored.into_iter().map(|(id, _)| id).collect(), times))
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

/// Where a batch import's time went, summed over its documents. The first three are spent on
/// the preparing threads (summed over them), the others on the writing one; the slower side
/// sets the pace.
#[doc(hidden)]
#[derive(Debug, Default, Clone, Copy)]
pub struct ImportTimes {
    pub preparing_threads: usize,
    /// NFC and the checks.
    pub check: Duration,
    /// The folded words the search index gets.
    pub fold: Duration,
    /// Reading the deadlines of documents recorded as issued.
    pub deadlines: Duration,
    /// The rows: document (with its register and symbol), audit entries, deadlines.
    pub rows: Duration,
    pub search_index: Duration,
    pub commit: Duration,
    /// CPU time of the preparing threads (summed) and of the writing one, where the system
    /// tells it (Linux): on a shared machine the wall clock also counts other people's work.
    pub preparing_cpu: Duration,
    pub writing_cpu: Duration,
}

/// The CPU time the calling thread has used, where the system tells it (zero elsewhere).
fn thread_cpu() -> Duration {
    // `/proc/thread-self/schedstat`: nanoseconds on the CPU, then waiting, then time slices.
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

impl ImportTimes {
    fn add_preparation(&mut self, other: &ImportTimes) {
        self.check += other.check;
        self.fold += other.fold;
        self.deadlines += other.deadlines;
        self.preparing_cpu += other.preparing_cpu;
    }

    /// Adds another batch's times.
    pub fn add(&mut self, other: &ImportTimes) {
        self.preparing_threads = self.preparing_threads.max(other.preparing_threads);
        self.add_preparation(other);
        self.rows += other.rows;
        self.search_index += other.search_index;
        self.commit += other.commit;
        self.writing_cpu += other.writing_cpu;
    }
}

/// A new document checked and folded, ready to be written.
struct Prepared {
    doc: Document,
    index: index::IndexText,
    /// The deadlines of a document recorded as issued (read here, off the writer's thread).
    deadlines: Vec<vanthu_model::deadline::Found>,
}

/// Everything about storing a new document that needs no database: NFC, the checks, folding.
fn prepare(doc: &Document, times: &mut ImportTimes) -> Result<Prepared> {
    let start = Instant::now();
    let mut doc = doc.clone();
    doc.normalize();
    match doc.status {
        Status::Draft if doc.number.is_some() => return Err(ArchiveError::DraftWithNumber),
        Status::Draft => documents::check(&doc, Purpose::Draft)?,
        Status::Issued => check_record(&doc)?,
    }
    doc.symbol = None;
    let checked = Instant::now();
    let index = index::IndexText::of(&doc);
    let folded = Instant::now();
    let deadlines = match doc.status {
        Status::Issued => vanthu_model::deadline::extract(&doc.body, doc.date).deadlines,
        Status::Draft => Vec::new(),
    };
    times.check += checked - start;
    times.fold += folded - checked;
    times.deadlines += folded.elapsed();
    Ok(Prepared {
        doc,
        index,
        deadlines,
    })
}

/// Stores one prepared document: its rows, search index and deadlines.
fn insert_tx(tx: &Transaction<'_>, prepared: Prepared, stamp: &Stamp) -> Result<i64> {
    let (id, index, found) =
        insert_rows_tx(tx, prepared, stamp, &mut registers::BatchLookups::default())?;
    index::write(tx, id, &index, false)?;
    deadlines::insert_found(tx, id, &found, stamp)?;
    Ok(id)
}

/// Stores one prepared document's row and audit entries, and gives back what is left to
/// write: its search index text (the symbol added) and the deadlines found.
fn insert_rows_tx(
    tx: &Transaction<'_>,
    prepared: Prepared,
    stamp: &Stamp,
    lookups: &mut registers::BatchLookups,
) -> Result<(i64, index::IndexText, Vec<vanthu_model::deadline::Found>)> {
    let Prepared {
        doc,
        mut index,
        deadlines: found,
    } = prepared;
    let issued = match (doc.status, doc.number) {
        (Status::Issued, Some(number)) => {
            let register_id = lookups.register_for(tx, &doc, stamp)?;
            Some((register_id, lookups.symbol_for(tx, &doc, number)?))
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
    let (action, detail) = match &issued {
        Some((_, s)) => (AuditAction::Record, s.as_str()),
        None => (AuditAction::Create, doc.title.as_str()),
    };
    audit::append(tx, stamp, action, Some(id), detail)?;
    deadlines::audit_found(tx, id, &found, stamp)?;
    Ok((id, index, found))
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
