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

/** Days from `today` to `due` (both ISO): negative when overdue. */
export function daysUntil(due: string, today: string = todayIso()): number {
  const at = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((at(due) - at(today)) / 86_400_000);
}

/** How far off a deadline is, as a clerk says it: `quá hạn 3 ngày`, `hôm nay`, `còn 5 ngày`. */
export function dueIn(due: string, today: string = todayIso()): string {
  const n = daysUntil(due, today);
  if (n < 0) return `quá hạn ${-n} ngày`;
  if (n === 0) return 'hạn hôm nay';
  if (n === 1) return 'hạn ngày mai';
  return `còn ${n} ngày`;
}

/** The string index of the UTF-8 byte offset `bytes` in `s` (the backend counts bytes). */
export function indexOfByte(s: string, bytes: number): number {
  let at = 0;
  let i = 0;
  while (i < s.length && at < bytes) {
    const c = s.codePointAt(i) ?? 0;
    at += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}
