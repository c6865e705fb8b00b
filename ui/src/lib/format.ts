// Small pure helpers for what the window shows: dates as a clerk reads them, file names.
import type { Document } from './bindings/Document';

/** Today as ISO `YYYY-MM-DD`, in local time. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** `2025-03-15` → `15/03/2025`. */
export function dateVi(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}


/** `2026-11-22T08:15:03+07:00` → `22/11/2026 08:15`. */
export function stampVi(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(at);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : at;
}

/** A file size as a clerk reads it: `820 KB`, `3,4 MB`. */
export function sizeVi(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** A new, empty draft of a plan dated today. */
export function blankDocument(): Document {
  return {
    id: null,
    status: 'draft',
    format: 'party',
    kind: 'ke_hoach',
    issuer: { parent: '', name: '', code: '' },
    number: null,
    symbol: null,
    place: '',
    date: todayIso(),
    title: '',
    secrecy: null,
    urgency: null,
    body: '',
    recipients: [],
    archive: '',
    signature: { authority: '', position: '', name: '' },
  };
}

/** A new draft with everything of `doc` but its number, status and date (next year's plan). */
export function copyAsDraft(doc: Document): Document {
  return {
    ...(JSON.parse(JSON.stringify(doc)) as Document),
    id: null,
    status: 'draft',
    number: null,
    symbol: null,
    date: todayIso(),
  };
}
