// The editor's state: the document as typed, its problems, saving and the live preview.
// Components only show it and call `changed()`; the rules (what a draft may hold, what
// issuing needs, which number comes next) are the backend's.
import { backend, errorMessage } from './backend';
import type { Document } from './bindings/Document';
import type { Issued } from './bindings/Issued';
import type { Preview } from './bindings/Preview';
import type { Problem } from './bindings/Problem';
import { blankDocument, copyAsDraft } from './format';

export type SaveState = 'new' | 'dirty' | 'saving' | 'saved' | 'error';

/** How long typing must pause before a draft saves itself. (The preview does not wait.) */
export const AUTOSAVE_MS = 800;

export class EditorState {
  doc: Document = $state(blankDocument());
  id: number | null = $state(null);
  problems: Problem[] = $state([]);
  /** After the first attempt to issue, the form shows what issuing still needs. */
  wantComplete = $state(false);
  saveState: SaveState = $state('new');
  saveMessage = $state('');
  savedAt = $state('');
  /** A draft's live preview: the layout as data to draw (replaced whole, never mutated). */
  preview: Preview | null = $state.raw(null);
  /** An issued document's preview: the PDF stored when it was issued. */
  previewPdf: Uint8Array | null = $state.raw(null);
  previewError = $state('');
  /** How long the last preview took to come back from the backend. */
  previewMs = $state(0);
  readonly = $derived(this.doc.status === 'issued');
  /** A place in the body to show (a deadline's sentence; `offset` in UTF-8 bytes, as the
   *  backend counts): the form scrolls to it. */
  focus: { offset: number; length: number; deadlineId: number | null } | null = $state(null);

  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when another document is shown: a preview of the one before is dropped. */
  #previewSeq = 0;
  #rendering = false;
  #renderAgain = false;
  #edits = 0;
  #saving: Promise<void> | null = null;

  /** Opens a stored document. */
  async open(id: number): Promise<void> {
    this.#cancelTimers();
    const doc = await backend().getDocument(id);
    this.doc = doc;
    this.id = id;
    this.focus = null;
    this.problems = [];
    this.wantComplete = false;
    this.saveState = 'saved';
    this.saveMessage = '';
    this.refreshPreview();
  }

  /** Starts an unsaved draft (saved on the first change). */
  startNew(doc: Document = blankDocument()): void {
    this.#cancelTimers();
    this.doc = doc;
    this.id = null;
    this.focus = null;
    this.problems = [];
    this.wantComplete = false;
    this.saveState = 'new';
    this.saveMessage = '';
    this.refreshPreview();
  }

  /** Called on every edit of the form. */
  changed(): void {
    if (this.readonly) return;
    this.#edits++;
    this.saveState = 'dirty';
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.save(), AUTOSAVE_MS);
    this.refreshPreview();
  }

  /** The messages of one field (`signature.name`), or of a list and its items (`recipients`). */
  errorsFor(path: string): string[] {
    return this.problems
      .filter((p) => p.path === path || p.path.startsWith(path + '['))
      .map((p) => p.message);
  }

  /** Saves now: creates the draft the first time, then replaces its fields. */
  async save(): Promise<void> {
    clearTimeout(this.#saveTimer);
    if (this.readonly) return;
    if (this.#saving) await this.#saving;
    const edits = this.#edits;
    this.#saving = this.#doSave(edits);
    try {
      await this.#saving;
    } finally {
      this.#saving = null;
    }
  }

  async #doSave(edits: number): Promise<void> {
    const snapshot = $state.snapshot(this.doc) as Document;
    this.problems = await backend().checkDocument(snapshot, this.wantComplete);
    const blocking = await backend().checkDocument(snapshot, false);
    if (blocking.length > 0) {
      this.saveState = 'error';
      this.saveMessage = 'Chưa lưu được: hãy sửa các ô được đánh dấu đỏ.';
      return;
    }
    this.saveState = 'saving';
    try {
      if (this.id === null) {
        this.id = await backend().createDocument(snapshot);
        this.doc.id = this.id;
      } else {
        await backend().saveDraft(this.id, snapshot);
      }
      this.saveMessage = '';
      this.savedAt = new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' });
      this.saveState = this.#edits === edits ? 'saved' : 'dirty';
    } catch (e) {
      this.saveState = 'error';
      this.saveMessage = errorMessage(e);
    }
  }

  /**
   * First step of issuing: saves, checks the document is complete and asks which number it
   * would take. `null` when something is missing (the fields show why).
   */
  async prepareIssue(): Promise<Issued | null> {
    this.wantComplete = true;
    await this.save();
    if (this.saveState === 'error' || this.id === null) {
      if (this.id === null && this.saveState !== 'error') {
        this.saveMessage = 'Hãy nhập nội dung văn bản trước khi ban hành.';
      }
      return null;
    }
    this.problems = await backend().checkDocument($state.snapshot(this.doc) as Document, true);
    if (this.problems.length > 0) return null;
    try {
      return await backend().nextNumber(this.id);
    } catch (e) {
      this.saveMessage = errorMessage(e);
      return null;
    }
  }

  /** Issues the saved draft; afterwards the document is read-only. */
  async issue(): Promise<Issued> {
    if (this.id === null) throw new Error('issue before save');
    const issued = await backend().issueDocument(this.id);
    await this.open(this.id);
    return issued;
  }

  /** "Tạo bản mới từ văn bản này": a new draft with this document's fields. */
  async copyAsNew(): Promise<void> {
    const copy = copyAsDraft($state.snapshot(this.doc) as Document);
    const id = await backend().createDocument(copy);
    await this.open(id);
  }

  /**
   * Renders the preview now. Changes that arrive while a render runs are coalesced into one
   * more render after it, of the form as it then stands: the preview follows the keys without
   * queueing a render per key, and an older render never replaces a newer one.
   */
  refreshPreview(): void {
    if (this.#rendering) {
      this.#renderAgain = true;
      return;
    }
    this.#rendering = true;
    void this.#renderLoop();
  }

  async #renderLoop(): Promise<void> {
    try {
      do {
        this.#renderAgain = false;
        await this.#renderOnce();
      } while (this.#renderAgain);
    } finally {
      this.#rendering = false;
    }
  }

  async #renderOnce(): Promise<void> {
    const seq = this.#previewSeq;
    const doc = $state.snapshot(this.doc) as Document;
    const started = performance.now();
    try {
      if (doc.status === 'issued') {
        const bytes = await backend().renderPdf(doc);
        if (seq !== this.#previewSeq) return;
        this.preview = null;
        this.previewPdf = bytes;
      } else {
        const preview = await backend().renderPreview(doc);
        if (seq !== this.#previewSeq) return;
        this.previewPdf = null;
        this.preview = preview;
      }
      this.previewError = '';
      this.previewMs = Math.round(performance.now() - started);
    } catch (e) {
      if (seq !== this.#previewSeq) return;
      this.previewError = errorMessage(e);
    }
  }

  /** Saves what is pending before the clerk leaves the editor. */
  async leave(): Promise<void> {
    if (this.saveState === 'dirty') await this.save();
    this.#cancelTimers();
  }

  #cancelTimers(): void {
    clearTimeout(this.#saveTimer);
    this.#previewSeq++;
  }
}
