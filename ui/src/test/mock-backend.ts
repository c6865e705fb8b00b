// An in-memory backend for component tests: the same interface as the Tauri one, with each
// method a spy, so a test can both drive the form and see which commands it sent.
import { vi } from 'vitest';
import type { Backend } from '../lib/backend';
import type { Attachment } from '../lib/bindings/Attachment';
import type { AuditEntry } from '../lib/bindings/AuditEntry';
import type { Deadline } from '../lib/bindings/Deadline';
import type { Document } from '../lib/bindings/Document';
import type { DocumentSummary } from '../lib/bindings/DocumentSummary';
import type { LayoutSettings } from '../lib/bindings/LayoutSettings';
import type { Preview } from '../lib/bindings/Preview';
import type { Problem } from '../lib/bindings/Problem';
import type { Vocabulary } from '../lib/bindings/Vocabulary';
import { setBackend } from '../lib/backend';

export type MockBackend = { [K in keyof Backend]: ReturnType<typeof vi.fn> & Backend[K] };

export const PLAN_ROW: DocumentSummary = {
  id: 7,
  status: 'issued',
  format: 'party',
  kind: 'ke_hoach',
  symbol: '82-KH/ĐU',
  date: '2024-03-15',
  title: 'Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu',
  signer: 'Nguyễn Văn Hiếu',
  issuer_code: 'ĐU',
};

/** A stand-in for the layout: one A4 sheet with the title, then a line per line of the body. */
export function previewOf(doc: Pick<Document, 'title' | 'body'>): Preview {
  const lines = [doc.title, ...doc.body.split('\n')].filter((l) => l.trim());
  return {
    width: 210,
    height: 297,
    family: 'Liberation Serif',
    pages: [
      {
        number: 1,
        texts: lines.map((text, i) => ({
          x: 30,
          y: 60 + i * 6.5,
          size: 4.939,
          bold: i === 0,
          italic: false,
          text,
          space: 0,
          width: 100,
          words: text.split(' ').map((_, k) => 30 + k * 12),
        })),
        strokes: [{ x1: 90, y1: 50, x2: 120, y2: 50, thickness: 0.176 }],
      },
    ],
  };
}

/** What the real `validate(doc, Issue)` says about a missing signer, for the form tests. */
export function requiredProblems(doc: Document, forIssue: boolean): Problem[] {
  if (!forIssue) return [];
  const out: Problem[] = [];
  if (!doc.title.trim()) out.push({ path: 'title', message: 'Chưa nhập trích yếu nội dung.' });
  if (!doc.signature.name.trim()) out.push({ path: 'signature.name', message: 'Chưa nhập họ tên người ký.' });
  return out;
}

export const SCAN: Attachment = {
  id: 3,
  document_id: 1,
  role: 'scan',
  file_name: 'ban-ky.pdf',
  media_type: 'application/pdf',
  size: 245_760,
  size_text: '240 KB',
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  added_at: '2026-11-22T08:15:03+07:00',
  added_at_text: '22/11/2026 08:15',
  added_by: 'vanthu',
};

/** Three deadlines of issued plans, seen on 30/11/2026: one late, one this week, one later. */
export const DEADLINES: Deadline[] = [
  ['2026-11-20', 'Các chi bộ', 'Các chi bộ hoàn thành việc học tập chuyên đề trước ngày 20/11/2026.', 11],
  ['2026-12-03', 'Ban Tuyên giáo Đảng ủy', 'Ban Tuyên giáo Đảng ủy gửi báo cáo sơ kết trước ngày 03/12/2026.', 12],
  ['2027-03-31', 'Văn phòng Đảng ủy', 'Văn phòng Đảng ủy định kỳ hằng quý tổng hợp, báo cáo.', 13],
].map(([due, unit, text, id], i) => ({
  id: id as number,
  document_id: 7,
  symbol: '82-KH/ĐU',
  title: PLAN_ROW.title,
  due: due as string,
  due_text: (due as string).split('-').reverse().join('/'),
  from: null,
  text: text as string,
  offset: 40 * i,
  units: [unit as string],
  recurring: i === 2 ? 'quarterly' : null,
  recurring_text: i === 2 ? 'hằng quý' : null,
  status: 'open',
  done_on: null,
  source: 'text',
}));

export const VOCABULARY: Vocabulary = {
  formats: [
    { value: 'party', name: 'Văn bản của Đảng' },
    { value: 'state', name: 'Văn bản hành chính' },
  ],
  kinds: [
    { kind: 'ke_hoach', name: 'Kế hoạch', printed_name: 'KẾ HOẠCH', party: true, state: true },
    { kind: 'bao_cao', name: 'Báo cáo', printed_name: 'BÁO CÁO', party: true, state: true },
  ],
  secrecy: [{ value: 'mat', name: 'Mật' }],
  urgency: [
    { value: 'khan', name: 'Khẩn', party: true, state: true },
    { value: 'hoa_toc_hen_gio', name: 'Hỏa tốc hẹn giờ', party: true, state: false },
  ],
  statuses: [
    { value: 'draft', name: 'Dự thảo' },
    { value: 'issued', name: 'Đã ban hành' },
  ],
};

const LAYOUT_DEFAULTS: [string, string, string, string][] = [
  ['body.size', 'Cỡ chữ nội dung', 'pt', '14'],
  ['end_mark', 'Dấu kết thúc nội dung', '', './.'],
];

/** What the backend answers for the layout page, with `values` set over the defaults. */
function layout(format: 'party' | 'state', values: Record<string, string>, preset: string | null = '36-HD/VPTW'): LayoutSettings {
  const fields = LAYOUT_DEFAULTS.map(([key, label, unit, def]) => ({ key, label, unit, value: values[key] ?? def, default: def }));
  return {
    format,
    preset: Object.keys(values).length ? preset : '36-HD/VPTW',
    profile: {},
    fields,
    changed: fields.filter((f) => f.value !== f.default).map((f) => `${f.key}=${f.value}`),
    presets: [{ name: '36-HD/VPTW', builtin: true, saved_at: '', saved_by: '' }],
  };
}

export function installMockBackend(): MockBackend {
  const docs = new Map<number, Document>();
  const trashed = new Set<number>();
  const files: Attachment[] = [];
  const log: AuditEntry[] = [];
  let nextId = 1;
  const note = (action: string, label: string, document_id: number | null, detail: string) =>
    log.push({ id: log.length + 1, at: '2026-11-22T08:15:03+07:00', at_text: '22/11/2026 08:15', actor: 'vanthu', action, label, document_id, detail });
  const b = {
    vocabulary: vi.fn(async () => VOCABULARY),
    bodyOutline: vi.fn(async (body: string) =>
      body
        .split('\n')
        .filter((l) => /^(I+\.|\d+\.) /.test(l))
        .map((text) => ({ level: /^I/.test(text) ? 0 : 1, text })),
    ),
    parseRecipients: vi.fn(async (text: string) =>
      text
        .split('\n')
        .map((l) => l.trim().replace(/^[-+]\s*/, '').replace(/[;,.]$/, ''))
        .filter((l) => l !== '')
        .map((l) => {
          const m = /^(.*?)\s*\(([^()]*)\)$/.exec(l);
          return m ? { name: m[1], note: m[2] } : { name: l, note: '' };
        }),
    ),
    recipientLines: vi.fn(async (items: { name: string; note: string }[]) =>
      items.map((r) => (r.note ? `${r.name} (${r.note})` : r.name)).join('\n'),
    ),
    pdfFileName: vi.fn(async (doc: Document) => `${doc.symbol ? doc.symbol.replace(/\//g, '-') : 'Du thao'} ${doc.title}.pdf`),
    archiveInfo: vi.fn(async () => ({ path: '/tmp/vanthu.sqlite3' })),
    listDocuments: vi.fn(async () => ({ rows: [PLAN_ROW], total: 1 })),
    documentYears: vi.fn(async () => [2026, 2025, 2024, 2023, 2007]),
    getDocument: vi.fn(async (id: number) => structuredClone(docs.get(id)!)),
    createDocument: vi.fn(async (doc: Document) => {
      const id = nextId++;
      docs.set(id, { ...structuredClone(doc), id });
      return id;
    }),
    saveDraft: vi.fn(async (id: number, doc: Document) => {
      docs.set(id, { ...structuredClone(doc), id });
    }),
    checkDocument: vi.fn(async (doc: Document, forIssue: boolean) => requiredProblems(doc, forIssue)),
    nextNumber: vi.fn(async (id: number) => ({ id, number: 83, symbol: '83-KH/ĐU' })),
    issueDocument: vi.fn(async (id: number) => {
      const d = docs.get(id)!;
      docs.set(id, { ...d, status: 'issued', number: 83, symbol: '83-KH/ĐU' });
      return { id, number: 83, symbol: '83-KH/ĐU' };
    }),
    renderPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    renderPreview: vi.fn(async (doc: Document) => previewOf(doc)),
    previewFont: vi.fn(async () => new ArrayBuffer(0)),
    exportPdf: vi.fn(async (_doc: Document, name: string) => `/tmp/${name}`),
    exportDocx: vi.fn(async (doc: Document) => `/tmp/${doc.symbol ?? 'Du thao'}.docx`),
    printPdf: vi.fn(async (_doc: Document, name: string) => `/tmp/${name}`),
    pickImportFiles: vi.fn(async () => ['/corpus/a.txt', '/corpus/b.txt']),
    importFiles: vi.fn(async (paths: string[], onProgress: (p: { done: number; total: number }) => void) => {
      paths.forEach((_, i) => onProgress({ done: i + 1, total: paths.length }));
      if (paths.some((p) => p.endsWith('rong.txt'))) throw { code: 'invalid', message: '/corpus/rong.txt: Tệp rỗng, không có nội dung để nhập.' };
      return paths.map((path, i) => ({
        path,
        id: 9 + i,
        status: 'draft',
        symbol: null,
        title: `Kế hoạch ${i + 1}`,
        warnings: i === 0 ? [{ line: 3, message: 'Bỏ dòng nhiễu' }] : [],
      }));
    }),
    issuerProfiles: vi.fn(async () => [
      { id: 1, parent: 'ĐẢNG BỘ TỈNH KHÁNH HÒA', name: 'ĐẢNG ỦY SỞ GIÁO DỤC', code: 'ĐU', format: 'party', place: 'Nha Trang', term_start: null },
    ]),
    saveIssuerProfile: vi.fn(async () => 2),
    deleteIssuerProfile: vi.fn(async () => undefined),
    signers: vi.fn(async () => [{ id: 1, authority: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Nguyễn Văn Hiếu' }]),
    saveSigner: vi.fn(async () => 2),
    deleteSigner: vi.fn(async () => undefined),
    recipientLists: vi.fn(async () => [
      { id: 1, name: 'Cấp trên', items: [{ name: 'Ban Thường vụ Đảng ủy Khối', note: 'để b/c' }, { name: 'Văn phòng Đảng ủy', note: '' }] },
    ]),
    saveRecipientList: vi.fn(async () => 2),
    deleteRecipientList: vi.fn(async () => undefined),
    attachments: vi.fn(async (id: number) => files.filter((f) => f.document_id === id)),
    attachFiles: vi.fn(async (id: number) => {
      const a = { ...SCAN, id: files.length + 1, document_id: id };
      files.push(a);
      note('attach', 'Đính kèm', id, a.file_name);
      return [a];
    }),
    openAttachment: vi.fn(async (id: number) => `/tmp/dinh-kem/${id}`),
    saveAttachment: vi.fn(async (id: number) => `/tmp/out/${files.find((f) => f.id === id)?.file_name}`),
    deleteDraft: vi.fn(async (id: number) => {
      trashed.add(id);
      note('delete', 'Xóa (vào thùng rác)', id, docs.get(id)?.title ?? '');
    }),
    restoreDraft: vi.fn(async (id: number) => {
      trashed.delete(id);
      note('restore', 'Khôi phục từ thùng rác', id, '');
    }),
    trash: vi.fn(async () => [...trashed].map((id) => ({ ...PLAN_ROW, id, status: 'draft' as const, symbol: null, title: docs.get(id)?.title ?? 'Kế hoạch đã xóa' }))),
    auditLog: vi.fn(async (id: number | null) => (id === null ? [...log].reverse() : log.filter((e) => e.document_id === id))),
    backupArchive: vi.fn(async () => '/tmp/out/vanthu-sao-luu-2026-11-22.sqlite3'),
    restoreArchive: vi.fn(async () => ({ source: '/tmp/out/cu.sqlite3', kept: '/tmp/vanthu.sqlite3.truoc-khoi-phuc-20261122081503' })),
    verifyArchive: vi.fn(async () => []),
    registerBook: vi.fn(async (r: { csv: boolean }) => ({ path: r.csv ? '/tmp/out/So van ban di 2026.csv' : '/tmp/so/So van ban di 2026.pdf', documents: 12 })),
    exportArchive: vi.fn(async () => ({ path: '/tmp/out/VanThu-kho-2026-11-22', documents: 12, attachments: 3 })),
    layoutSettings: vi.fn(async (format: 'party' | 'state') => layout(format, layoutValues)),
    setLayout: vi.fn(async (format: 'party' | 'state', changes: [string, string][]) => {
      for (const [k, v] of changes) {
        if (k === 'body.size' && (Number(v) < 8 || Number(v) > 20))
          throw { code: 'invalid', message: `“body.size” = ${v} pt nằm ngoài khoảng cho phép (8 đến 20 pt).` };
      }
      for (const [k, v] of changes) layoutValues[k] = v;
      return layout(format, layoutValues, null);
    }),
    resetLayout: vi.fn(async (format: 'party' | 'state') => {
      for (const k of Object.keys(layoutValues)) delete layoutValues[k];
      return layout(format, layoutValues);
    }),
    useLayoutPreset: vi.fn(async (format: 'party' | 'state', name: string) => layout(format, layoutValues, name)),
    saveLayoutPreset: vi.fn(async (format: 'party' | 'state', name: string) => layout(format, layoutValues, name)),
    deleteLayoutPreset: vi.fn(async (format: 'party' | 'state') => layout(format, layoutValues)),
    layoutPreview: vi.fn(async () => previewOf({ title: 'Kế hoạch mẫu', body: 'Nội dung mẫu.' })),
    deadlineBoard: vi.fn(async (unit: string | null, withDone: boolean) => {
      const today = '2026-11-30';
      const mine = deadlines.filter((d) => unit === null || d.units.includes(unit));
      const open = mine.filter((d) => d.status === 'open');
      return {
        overdue: open.filter((d) => d.due < today),
        soon: open.filter((d) => d.due >= today && d.due <= '2026-12-07'),
        later: open.filter((d) => d.due > '2026-12-07'),
        done: withDone ? mine.filter((d) => d.status === 'done') : [],
        units: [...new Set(deadlines.filter((d) => d.status === 'open').flatMap((d) => d.units))].sort(),
      };
    }),
    deadlinesDueSoon: vi.fn(async () => deadlines.filter((d) => d.status === 'open' && d.due <= '2026-12-07')),
    documentDeadlines: vi.fn(async (id: number) => deadlines.filter((d) => d.document_id === id)),
    draftDeadlines: vi.fn(async (doc: Document) => ({
      deadlines: doc.body.includes('trước ngày 31/5/2025')
        ? [{ due: '2025-05-31', from: null, text: 'Các chi bộ hoàn thành trước ngày 31/5/2025.', offset: doc.body.indexOf('Các chi bộ'), units: ['Các chi bộ'], recurrence: null }]
        : [],
      warnings: doc.body.includes('30/02/2025') ? ['Ngày 30/02/2025 không có thật: bỏ qua.'] : [],
    })),
    markDeadlineDone: vi.fn(async (id: number) => {
      const d = deadlines.find((x) => x.id === id);
      if (d) Object.assign(d, { status: 'done', done_on: '2026-11-30' });
      return null;
    }),
    reopenDeadline: vi.fn(async (id: number) => {
      const d = deadlines.find((x) => x.id === id);
      if (d) Object.assign(d, { status: 'open', done_on: null });
    }),
    addDeadline: vi.fn(async () => 99),
    editDeadline: vi.fn(async () => undefined),
    removeDeadline: vi.fn(async (id: number) => {
      const i = deadlines.findIndex((x) => x.id === id);
      if (i >= 0) deadlines.splice(i, 1);
    }),
    exportDeadlinesIcs: vi.fn(async () => '/tmp/out/thoi-han-van-ban.ics'),
  };
  const deadlines: Deadline[] = DEADLINES.map((d) => ({ ...d, units: [...d.units] }));
  const layoutValues: Record<string, string> = {};
  setBackend(b as unknown as Backend);
  return b as unknown as MockBackend;
}
