// Small pure helpers for the form: today's date, ISO dates typed in the form as a clerk reads
// them, and a blank draft. Stored values come from the backend already worded (sizes, stamps).
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
