// The body's light markup (DESIGN.md; its grammar is vanthu_model::markup): paragraphs
// separated by blank lines, **bold**, *italic*, __underline__, "- " list items. Two jobs here:
// Ctrl+B / Ctrl+I / Ctrl+U around the selection, and turning what Word puts on the clipboard
// (HTML) into that markup — paragraphs, bold, italic and underline are kept; fonts, sizes,
// colours, tables and Word's own tags are dropped.

export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Wraps (or unwraps, when already wrapped) the selection in `mark`. */
export type Mark = '**' | '*' | '__';

export function toggleMark(text: string, start: number, end: number, mark: Mark): Edit {
  const n = mark.length;
  const before = text.slice(0, start);
  const sel = text.slice(start, end);
  const after = text.slice(end);
  if (before.endsWith(mark) && after.startsWith(mark) && !(mark === '*' && before.endsWith('**') && !before.endsWith('***'))) {
    return {
      text: before.slice(0, -n) + sel + after.slice(n),
      selectionStart: start - n,
      selectionEnd: end - n,
    };
  }
  if (sel.length > 2 * n && sel.startsWith(mark) && sel.endsWith(mark)) {
    const inner = sel.slice(n, -n);
    return { text: before + inner + after, selectionStart: start, selectionEnd: start + inner.length };
  }
  // Spaces at the edges of a selection stay outside the marks: `** a **` is not bold.
  const lead = sel.length - sel.trimStart().length;
  const trail = sel.length - sel.trimEnd().length;
  const core = sel.trim();
  const wrapped = sel.slice(0, lead) + mark + core + mark + sel.slice(sel.length - trail);
  return {
    text: before + wrapped + after,
    selectionStart: start + lead + n,
    selectionEnd: start + lead + n + core.length,
  };
}

const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TR', 'BLOCKQUOTE', 'PRE', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'UL', 'OL', 'TABLE', 'TBODY', 'DT', 'DD',
]);
const SKIP = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'XML', 'O:P', 'TEMPLATE']);

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

// What may border the text of an underline, as the model reads `__…__` (a blank to fill in,
// `__/__/2025`, is not one): a mark whose text starts or ends otherwise is left out.
const UNDERLINE_START = /^[\p{L}\p{N}*(["'“‘«]/u;
const UNDERLINE_END = /[\p{L}\p{N}*)\]"'”’».,:;!?…%]$/u;

/** Converts clipboard HTML (Word, LibreOffice, a web page) to body markup. */
export function htmlToMarkup(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const paragraphs: Run[][] = [];
  let current: Run[] = [];
  const flush = () => {
    if (current.some((r) => r.text.trim() !== '')) paragraphs.push(current);
    current = [];
  };
  const walk = (node: Node, bold: boolean, italic: boolean, underline: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/[\s\u00a0]+/g, ' ');
      if (text) current.push({ text, bold, italic, underline });
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    const style = (el.getAttribute('style') ?? '').toLowerCase();
    // Word marks its automatic list bullets `mso-list:Ignore`; the bullet text itself is kept
    // only when it is a dash or plus, which the markup reads as a list item.
    let b = bold || tag === 'B' || tag === 'STRONG' || /font-weight:\s*(bold|[6-9]00)/.test(style);
    let i = italic || tag === 'I' || tag === 'EM' || /font-style:\s*italic/.test(style);
    if (/font-weight:\s*(normal|[1-4]00)/.test(style)) b = false;
    if (/font-style:\s*normal/.test(style)) i = false;
    // Word writes `<u>` or `text-underline:single`; browsers `text-decoration: underline`.
    let u =
      underline ||
      tag === 'U' ||
      tag === 'INS' ||
      /text-decoration(-line)?:[^;]*underline/.test(style) ||
      /text-underline:\s*(?!none)\w/.test(style);
    if (/text-decoration(-line)?:\s*none/.test(style) || /text-underline:\s*none/.test(style)) u = false;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'LI') current.push({ text: '- ', bold: false, italic: false, underline: false });
    for (const child of Array.from(el.childNodes)) walk(child, b, i, u);
    if (block) flush();
  };
  walk(doc.body, false, false, false);
  flush();
  return paragraphs.map(renderRuns).filter((p) => p !== '').join('\n\n');
}

function renderRuns(runs: Run[]): string {
  // Merge neighbours of the same style first, so `<b>Mục</b><b> đích</b>` is one bold run.
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.bold === r.bold && last.italic === r.italic && last.underline === r.underline) last.text += r.text;
    else merged.push({ ...r });
  }
  let out = '';
  for (const r of merged) {
    const core = r.text.trim();
    const underline = r.underline && UNDERLINE_START.test(core) && UNDERLINE_END.test(core);
    if (!core || (!r.bold && !r.italic && !underline)) {
      out += r.text;
      continue;
    }
    const lead = r.text.slice(0, r.text.length - r.text.trimStart().length);
    const trail = r.text.slice(r.text.trimEnd().length);
    // The markup has no bold italic: bold wins, as a heading would print.
    const mark = r.bold ? '**' : r.italic ? '*' : '';
    const u = underline ? '__' : '';
    out += lead + u + mark + core + mark + u + trail;
  }
  return out.replace(/ +/g, ' ').trim();
}
