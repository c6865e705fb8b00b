// The one door to the Rust shell. Components never import @tauri-apps/api: they call
// `backend()`, which is the Tauri implementation in the app and a mock in component tests.
import type { ArchiveExported } from './bindings/ArchiveExported';
import type { ArchiveInfo } from './bindings/ArchiveInfo';
import type { Attachment } from './bindings/Attachment';
import type { AuditEntry } from './bindings/AuditEntry';
import type { AppError } from './bindings/AppError';
import type { Deadline } from './bindings/Deadline';
import type { DeadlineBoard } from './bindings/DeadlineBoard';
import type { Document } from './bindings/Document';
import type { DocumentPage } from './bindings/DocumentPage';
import type { DocumentSummary } from './bindings/DocumentSummary';
import type { Extraction } from './bindings/Extraction';
import type { ImportedFile } from './bindings/ImportedFile';
import type { ImportProgress } from './bindings/ImportProgress';
import type { Format } from './bindings/Format';
import type { LayoutSettings } from './bindings/LayoutSettings';
import type { OutlineEntry } from './bindings/OutlineEntry';
import type { Preview } from './bindings/Preview';
import type { Recipient } from './bindings/Recipient';
import type { Vocabulary } from './bindings/Vocabulary';
import type { Issued } from './bindings/Issued';
import type { IssuerProfile } from './bindings/IssuerProfile';
import type { ListFilter } from './bindings/ListFilter';
import type { Problem } from './bindings/Problem';
import type { RecipientList } from './bindings/RecipientList';
import type { RegisterRequest } from './bindings/RegisterRequest';
import type { RegisterWritten } from './bindings/RegisterWritten';
import type { Restored } from './bindings/Restored';
import type { Signer } from './bindings/Signer';
import type { VerifyProblem } from './bindings/VerifyProblem';

export interface Backend {
  /** The names of formats, types, marks and statuses, from the model. */
  vocabulary(): Promise<Vocabulary>;
  /** Recipient lines as typed (`Ban Tuyên giáo (để b/c)`) to recipients, and back. */
  parseRecipients(text: string): Promise<Recipient[]>;
  /** The body's headings as the PDF will set them. */
  bodyOutline(body: string): Promise<OutlineEntry[]>;
  recipientLines(items: Recipient[]): Promise<string>;
  /** The file name the save dialog offers for the PDF of `doc`. */
  pdfFileName(doc: Document): Promise<string>;
  archiveInfo(): Promise<ArchiveInfo>;
  listDocuments(query: string, filter: ListFilter, limit: number, offset: number): Promise<DocumentPage>;
  /** The years the year filters offer, newest first. */
  documentYears(): Promise<number[]>;
  getDocument(id: number): Promise<Document>;
  createDocument(doc: Document): Promise<number>;
  saveDraft(id: number, doc: Document): Promise<void>;
  checkDocument(doc: Document, forIssue: boolean): Promise<Problem[]>;
  nextNumber(id: number): Promise<Issued>;
  issueDocument(id: number): Promise<Issued>;
  /** The PDF of `doc` to show: an issued document's stored copy, else the form as it stands. */
  renderPdf(doc: Document): Promise<Uint8Array>;
  /** A draft's live preview: the layout's pages as data to draw (the PDF's lines and pages). */
  renderPreview(doc: Document): Promise<Preview>;
  /** The font file of one face the layout measures with; empty when it cannot be handed over. */
  previewFont(bold: boolean, italic: boolean): Promise<ArrayBuffer>;
  exportPdf(doc: Document, fileName: string): Promise<string | null>;
  /** Asks where and saves the editable Word copy; `null` when the clerk cancels. */
  exportDocx(doc: Document): Promise<string | null>;
  printPdf(doc: Document, fileName: string): Promise<string>;
  pickImportFiles(): Promise<string[]>;
  /** Imports the files as one batch (all or none), calling `onProgress` after each file. */
  importFiles(paths: string[], onProgress: (p: ImportProgress) => void): Promise<ImportedFile[]>;
  issuerProfiles(): Promise<IssuerProfile[]>;
  saveIssuerProfile(profile: IssuerProfile): Promise<number>;
  deleteIssuerProfile(id: number): Promise<void>;
  signers(): Promise<Signer[]>;
  saveSigner(signer: Signer): Promise<number>;
  deleteSigner(id: number): Promise<void>;
  recipientLists(): Promise<RecipientList[]>;
  saveRecipientList(list: RecipientList): Promise<number>;
  deleteRecipientList(id: number): Promise<void>;
  attachments(id: number): Promise<Attachment[]>;
  /** Asks for scans and attaches them; empty when the clerk cancels. */
  attachFiles(id: number): Promise<Attachment[]>;
  openAttachment(id: number): Promise<string>;
  saveAttachment(id: number): Promise<string | null>;
  deleteDraft(id: number): Promise<void>;
  restoreDraft(id: number): Promise<void>;
  trash(): Promise<DocumentSummary[]>;
  /** A document's whole log, oldest first; with `null`, the archive's newest entries first. */
  auditLog(id: number | null): Promise<AuditEntry[]>;
  backupArchive(): Promise<string | null>;
  restoreArchive(): Promise<Restored | null>;
  verifyArchive(): Promise<VerifyProblem[]>;
  registerBook(request: RegisterRequest): Promise<RegisterWritten | null>;
  exportArchive(): Promise<ArchiveExported | null>;
  layoutSettings(format: Format): Promise<LayoutSettings>;
  /** Applies changed fields, all or none; a refused value names its field. */
  setLayout(format: Format, changes: [string, string][]): Promise<LayoutSettings>;
  resetLayout(format: Format): Promise<LayoutSettings>;
  useLayoutPreset(format: Format, name: string): Promise<LayoutSettings>;
  saveLayoutPreset(format: Format, name: string): Promise<LayoutSettings>;
  deleteLayoutPreset(format: Format, name: string): Promise<LayoutSettings>;
  /** A sample laid out with the settings in force plus `changes`, not stored. */
  layoutPreview(format: Format, changes: [string, string][]): Promise<Preview>;
  /** Open deadlines on today's date: overdue, within a week, later (done ones when asked). */
  deadlineBoard(unit: string | null, withDone: boolean): Promise<DeadlineBoard>;
  /** Open deadlines due within a week, overdue ones included. */
  deadlinesDueSoon(): Promise<Deadline[]>;
  /** The deadlines of one stored document, done ones too. */
  documentDeadlines(id: number): Promise<Deadline[]>;
  /** The deadlines a draft will set when issued. */
  draftDeadlines(doc: Document): Promise<Extraction>;
  /** Marks done today (or on `on`, ISO); a recurring one's next time comes back as its id. */
  markDeadlineDone(id: number, on: string | null): Promise<number | null>;
  reopenDeadline(id: number): Promise<void>;
  /** Adds one by hand; `units` as typed, separated by `;`. */
  addDeadline(documentId: number, due: string, text: string, units: string): Promise<number>;
  /** Corrects a deadline; `null` keeps a field as it is. */
  editDeadline(id: number, due: string | null, text: string | null, units: string | null): Promise<void>;
  removeDeadline(id: number): Promise<void>;
  /** Asks where and saves the open deadlines as an iCalendar file; `null` when cancelled. */
  exportDeadlinesIcs(): Promise<string | null>;
}

type Invoke = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;
/** Makes a Tauri channel whose messages go to `onmessage` (the app passes `new Channel()`). */
type MakeChannel = <T>(onmessage: (m: T) => void) => unknown;

/** The real backend: each method is one Tauri command of src-tauri/src/. */
export function tauriBackend(invoke: Invoke, channel: MakeChannel): Backend {
  return {
    vocabulary: () => invoke('vocabulary'),
    parseRecipients: (text) => invoke('parse_recipients', { text }),
    bodyOutline: (body) => invoke('body_outline', { body }),
    recipientLines: (items) => invoke('recipient_lines', { items }),
    pdfFileName: (doc) => invoke('pdf_file_name', { doc }),
    archiveInfo: () => invoke('archive_info'),
    listDocuments: (query, filter, limit, offset) =>
      invoke('list_documents', { query, filter, limit, offset }),
    documentYears: () => invoke('document_years'),
    getDocument: (id) => invoke('get_document', { id }),
    createDocument: (doc) => invoke('create_document', { doc }),
    saveDraft: (id, doc) => invoke('save_draft', { id, doc }),
    checkDocument: (doc, forIssue) => invoke('check_document', { doc, forIssue }),
    nextNumber: (id) => invoke('next_number', { id }),
    issueDocument: (id) => invoke('issue_document', { id }),
    renderPdf: async (doc) => new Uint8Array(await invoke<ArrayBuffer>('render_pdf', { doc })),
    renderPreview: (doc) => invoke('render_preview', { doc }),
    previewFont: (bold, italic) => invoke('preview_font', { bold, italic }),
    exportPdf: (doc, fileName) => invoke('export_pdf', { doc, fileName }),
    exportDocx: (doc) => invoke('export_docx', { doc }),
    printPdf: (doc, fileName) => invoke('print_pdf', { doc, fileName }),
    pickImportFiles: () => invoke('pick_import_files'),
    importFiles: (paths, onProgress) => invoke('import_files', { paths, progress: channel(onProgress) }),
    issuerProfiles: () => invoke('issuer_profiles'),
    saveIssuerProfile: (profile) => invoke('save_issuer_profile', { profile }),
    deleteIssuerProfile: (id) => invoke('delete_issuer_profile', { id }),
    signers: () => invoke('signers'),
    saveSigner: (signer) => invoke('save_signer', { signer }),
    deleteSigner: (id) => invoke('delete_signer', { id }),
    recipientLists: () => invoke('recipient_lists'),
    saveRecipientList: (list) => invoke('save_recipient_list', { list }),
    deleteRecipientList: (id) => invoke('delete_recipient_list', { id }),
    attachments: (id) => invoke('attachments', { id }),
    attachFiles: (id) => invoke('attach_files', { id }),
    openAttachment: (id) => invoke('open_attachment', { id }),
    saveAttachment: (id) => invoke('save_attachment', { id }),
    deleteDraft: (id) => invoke('delete_draft', { id }),
    restoreDraft: (id) => invoke('restore_draft', { id }),
    trash: () => invoke('trash'),
    auditLog: (id) => invoke('audit_log', { id }),
    backupArchive: () => invoke('backup_archive'),
    restoreArchive: () => invoke('restore_archive'),
    verifyArchive: () => invoke('verify_archive'),
    registerBook: (request) => invoke('register_book', { request }),
    exportArchive: () => invoke('export_archive'),
    layoutSettings: (format) => invoke('layout_settings', { format }),
    setLayout: (format, changes) => invoke('set_layout', { format, changes }),
    resetLayout: (format) => invoke('reset_layout', { format }),
    useLayoutPreset: (format, name) => invoke('use_layout_preset', { format, name }),
    saveLayoutPreset: (format, name) => invoke('save_layout_preset', { format, name }),
    deleteLayoutPreset: (format, name) => invoke('delete_layout_preset', { format, name }),
    layoutPreview: (format, changes) => invoke('layout_preview', { format, changes }),
    deadlineBoard: (unit, withDone) => invoke('deadline_board', { unit, withDone }),
    deadlinesDueSoon: () => invoke('deadlines_due_soon'),
    documentDeadlines: (id) => invoke('document_deadlines', { id }),
    draftDeadlines: (doc) => invoke('draft_deadlines', { doc }),
    markDeadlineDone: (id, on) => invoke('mark_deadline_done', { id, on }),
    reopenDeadline: (id) => invoke('reopen_deadline', { id }),
    addDeadline: (documentId, due, text, units) => invoke('add_deadline', { documentId, due, text, units }),
    editDeadline: (id, due, text, units) => invoke('edit_deadline', { id, due, text, units }),
    removeDeadline: (id) => invoke('remove_deadline', { id }),
    exportDeadlinesIcs: () => invoke('export_deadlines_ics'),
  };
}

let current: Backend | null = null;

export function setBackend(b: Backend): void {
  current = b;
}

export function backend(): Backend {
  if (!current) throw new Error('backend not set');
  return current;
}

/** The Vietnamese message of whatever a command threw. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof (e as AppError).message === 'string') {
    return (e as AppError).message;
  }
  return String(e);
}
