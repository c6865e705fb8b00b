// The archive table's state: what the clerk typed and picked, the rows, and the row in focus.
// It is remembered (localStorage) so the window opens where the clerk left off.
import { backend, errorMessage } from './backend';
import type { DocumentSummary } from './bindings/DocumentSummary';
import type { Kind } from './bindings/Kind';
import type { Status } from './bindings/Status';

export const PAGE_SIZE = 200;
const KEY = 'vanthu.archive';
/** Typing pause before a search runs: short, so it feels instant, long enough to batch keys. */
export const SEARCH_MS = 150;

interface Saved {
  query: string;
  kind: Kind | null;
  year: number | null;
  status: Status | null;
  selectedId: number | null;
}

export class ArchiveState {
  query = $state('');
  kind: Kind | null = $state(null);
  year: number | null = $state(null);
  status: Status | null = $state(null);
  rows: DocumentSummary[] = $state([]);
  total = $state(0);
  selectedId: number | null = $state(null);
  loading = $state(false);
  error = $state('');

  #timer: ReturnType<typeof setTimeout> | undefined;
  #seq = 0;
  #early: Promise<void> | null = null;

  constructor(private storage: Storage | null = globalThis.localStorage ?? null) {
    try {
      const saved = JSON.parse(this.storage?.getItem(KEY) ?? 'null') as Saved | null;
      if (saved) {
        this.query = saved.query ?? '';
        this.kind = saved.kind ?? null;
        this.year = saved.year ?? null;
        this.status = saved.status ?? null;
        this.selectedId = saved.selectedId ?? null;
      }
    } catch {
      // A damaged saved state only loses the clerk's place, never data.
    }
  }

  /** Runs the query now (after a filter change, or on opening the view). */
  load(): Promise<void> {
    clearTimeout(this.#timer);
    return this.#load();
  }

  /** Runs the first screen's query early: the window starts it beside the lists it waits for,
   *  and the archive view, once shown, takes its rows instead of asking again. */
  prefetch(): void {
    this.#early = this.#load();
  }

  /** The rows for the archive view that opens: the early query's, or a new one. */
  shown(): Promise<void> {
    const early = this.#early;
    this.#early = null;
    return early ?? this.load();
  }

  async #load(): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    this.remember();
    try {
      const page = await backend().listDocuments(
        searchQuery(this.query),
        { kind: this.kind, year: this.year, status: this.status },
        PAGE_SIZE,
        0,
      );
      if (seq !== this.#seq) return;
      this.rows = page.rows;
      this.total = page.total;
      this.error = '';
      if (!this.rows.some((r) => r.id === this.selectedId)) this.select(this.rows[0]?.id ?? null);
    } catch (e) {
      if (seq === this.#seq) this.error = errorMessage(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Find-as-you-type: called on every key in the search box. */
  typed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), SEARCH_MS);
  }

  select(id: number | null): void {
    this.selectedId = id;
    this.remember();
  }

  /** Moves the focus row by `delta` (arrow keys). */
  move(delta: number): void {
    if (this.rows.length === 0) return;
    const at = this.rows.findIndex((r) => r.id === this.selectedId);
    const next = Math.min(this.rows.length - 1, Math.max(0, (at < 0 ? 0 : at) + delta));
    this.select(this.rows[next].id);
  }

  remember(): void {
    const saved: Saved = {
      query: this.query,
      kind: this.kind,
      year: this.year,
      status: this.status,
      selectedId: this.selectedId,
    };
    try {
      this.storage?.setItem(KEY, JSON.stringify(saved));
    } catch {
      // Storage full or disabled: the window still works, it just forgets.
    }
  }
}

/** What the archive searches for: the last word is a prefix while the clerk is still typing it. */
export function searchQuery(typed: string): string {
  const q = typed.trim();
  if (q === '') return '';
  return /\s$/.test(typed) || q.endsWith('*') ? q : `${q}*`;
}
