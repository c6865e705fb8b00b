import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Catalog } from '../lib/catalog.svelte';
import { EditorState } from '../lib/editor.svelte';
import { T } from '../lib/testids';
import type { Document } from '../lib/bindings/Document';
import { installMockBackend, previewOf, type MockBackend } from '../test/mock-backend';
import EditorView from './EditorView.svelte';

vi.mock('../lib/pdfview', () => ({ renderPages: vi.fn(async () => [document.createElement('canvas')]) }));

let b: MockBackend;
let current: EditorState | null = null;

async function setup() {
  b = installMockBackend();
  const catalog = new Catalog();
  await catalog.load();
  const editor = new EditorState();
  current = editor;
  editor.startNew(catalog.newDocument());
  const onnotice = vi.fn();
  const ondeleted = vi.fn();
  const view = render(EditorView, { editor, catalog, onnotice, ondeleted });
  return { editor, catalog, onnotice, ondeleted, view };
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('the editor form', () => {
  beforeEach(() => localStorage.clear());
  // A test's editor must not autosave into the next test's backend.
  afterEach(async () => {
    await current?.leave();
    current = null;
  });

  it('fills the header and signer from the saved lists and saves a draft by itself', async () => {
    await setup();
    expect(byId(T.fieldIssuerName).value).toBe('ĐẢNG ỦY SỞ GIÁO DỤC');
    expect(byId(T.fieldSignerName).value).toBe('Nguyễn Văn Hiếu');
    await fireEvent.input(byId(T.fieldTitle), { target: { value: 'Tổ chức hội nghị' } });
    await waitFor(() => expect(b.createDocument).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(b.createDocument.mock.calls[0][0].title).toBe('Tổ chức hội nghị');
    await waitFor(() => expect(screen.getByTestId(T.saveState).textContent).toMatch(/Đã lưu/));
  });

  it('shows under the body which lines will print as headings', async () => {
    await setup();
    await fireEvent.input(byId(T.fieldBody), { target: { value: 'Mở đầu.\nI. MỤC ĐÍCH\n1. Mục đích cụ thể' } });
    await waitFor(() => expect(b.bodyOutline).toHaveBeenLastCalledWith('Mở đầu.\nI. MỤC ĐÍCH\n1. Mục đích cụ thể'));
    const outline = screen.getByTestId(T.bodyOutline);
    await waitFor(() => expect(outline.textContent).toContain('I. MỤC ĐÍCH'));
    expect(outline.textContent).toContain('1. Mục đích cụ thể');
    expect(outline.textContent).not.toContain('Mở đầu');
  });

  it('shows beside the preview the deadlines the draft will set, and what it could not read', async () => {
    await setup();
    const panel = screen.getByTestId(T.docDeadlines);
    expect(panel.textContent).toContain('Thời hạn sẽ theo dõi khi ban hành (0)');
    const body = 'I. TỔ CHỨC THỰC HIỆN\nCác chi bộ hoàn thành trước ngày 31/5/2025.\nBáo cáo trước ngày 30/02/2025.';
    await fireEvent.input(byId(T.fieldBody), { target: { value: body } });
    await waitFor(() => expect(within(panel).getAllByTestId(T.docDeadlineRow)).toHaveLength(1));
    expect(panel.textContent).toContain('31/05/2025');
    expect(panel.textContent).toContain('Các chi bộ');
    expect(panel.textContent).toContain('Ngày 30/02/2025 không có thật');
  });

  it('shows the validation message beside the signer when it is empty', async () => {
    await setup();
    await fireEvent.input(byId(T.fieldTitle), { target: { value: 'Kế hoạch' } });
    await fireEvent.input(byId(T.fieldSignerName), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId(T.issue));
    const field = byId(T.fieldSignerName).closest('.field') as HTMLElement;
    await waitFor(() => expect(within(field).getByTestId(T.fieldError).textContent).toBe('Chưa nhập họ tên người ký.'));
    expect(b.nextNumber).not.toHaveBeenCalled();
    expect(screen.queryByTestId(T.confirm)).toBeNull();
  });

  it('confirms the number before issuing, then is read-only', async () => {
    await setup();
    await fireEvent.input(byId(T.fieldTitle), { target: { value: 'Kế hoạch năm' } });
    await fireEvent.click(screen.getByTestId(T.issue));
    const confirm = await screen.findByTestId(T.confirm);
    expect(screen.getByTestId(T.issueDialog).textContent).toContain('83-KH/ĐU');
    expect(b.issueDocument).not.toHaveBeenCalled();
    await fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId(T.issuedBanner).textContent).toContain('83-KH/ĐU'));
    expect(b.issueDocument).toHaveBeenCalledTimes(1);
    expect(byId(T.fieldTitle).closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByTestId(T.issue)).toBeNull();
  });

  it('picks recipients from a saved list, adds one and reorders them', async () => {
    const { editor } = await setup();
    await fireEvent.change(screen.getByTestId(T.recipientListPick), { target: { value: '1' } });
    await fireEvent.input(screen.getByTestId(T.recipientAddName), { target: { value: 'Các chi bộ' } });
    await fireEvent.click(screen.getByTestId(T.recipientAdd));
    expect(editor.doc.recipients.map((r) => r.name)).toEqual(['Ban Thường vụ Đảng ủy Khối', 'Văn phòng Đảng ủy', 'Các chi bộ']);
    await fireEvent.click(screen.getAllByTestId(T.recipientUp)[2]);
    expect(editor.doc.recipients.map((r) => r.name)).toEqual(['Ban Thường vụ Đảng ủy Khối', 'Các chi bộ', 'Văn phòng Đảng ủy']);
    expect(screen.getAllByTestId(T.recipientRow)).toHaveLength(3);
  });

  it('Ctrl+B makes the selection bold in the body', async () => {
    const { editor } = await setup();
    const body = screen.getByTestId(T.fieldBody) as HTMLTextAreaElement;
    await fireEvent.input(body, { target: { value: 'Mục đích yêu cầu' } });
    body.setSelectionRange(4, 8);
    await fireEvent.keyDown(body, { key: 'b', ctrlKey: true });
    expect(editor.doc.body).toBe('Mục **đích** yêu cầu');
  });

  it('Ctrl+U underlines the selection in the body', async () => {
    const { editor } = await setup();
    const body = screen.getByTestId(T.fieldBody) as HTMLTextAreaElement;
    await fireEvent.input(body, { target: { value: 'Kính gửi các chi bộ' } });
    body.setSelectionRange(9, 19);
    await fireEvent.keyDown(body, { key: 'u', ctrlKey: true });
    expect(editor.doc.body).toBe('Kính gửi __các chi bộ__');
  });

  it('draws the layout of the draft as the clerk types, its words as text', async () => {
    await setup();
    await waitFor(() => expect(b.renderPreview).toHaveBeenCalled());
    await fireEvent.input(byId(T.fieldTitle), { target: { value: 'Xem trước' } });
    await waitFor(() => expect(screen.getByTestId(T.preview).textContent).toContain('Xem trước'));
    expect(screen.getAllByTestId(T.previewPage)).toHaveLength(1);
    expect(screen.getByTestId(T.preview).dataset.pages).toBe('1');
    expect(b.renderPdf).not.toHaveBeenCalled();
  });

  it('renders once more after a render in flight, not once per key', async () => {
    const { editor } = await setup();
    await waitFor(() => expect(b.renderPreview).toHaveBeenCalled());
    await waitFor(() => expect(editor.preview).not.toBeNull());
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    b.renderPreview.mockImplementation(async (doc: Document) => {
      await gate;
      return previewOf(doc);
    });
    const before = b.renderPreview.mock.calls.length;
    for (const title of ['K', 'Kế', 'Kế h', 'Kế ho']) {
      await fireEvent.input(byId(T.fieldTitle), { target: { value: title } });
    }
    // The first key started a render; the other three wait for it and make one more.
    expect(b.renderPreview.mock.calls.length - before).toBe(1);
    release();
    await waitFor(() => expect(screen.getByTestId(T.preview).textContent).toContain('Kế ho'));
    expect(b.renderPreview.mock.calls.length - before).toBe(2);
    expect(b.renderPreview.mock.calls.at(-1)![0].title).toBe('Kế ho');
  });

  it('attaches a scan to a saved document and shows its history', async () => {
    const { onnotice } = await setup();
    await fireEvent.input(byId(T.fieldTitle), { target: { value: 'Kế hoạch có bản quét' } });
    await waitFor(() => expect(b.createDocument).toHaveBeenCalledTimes(1), { timeout: 3000 });
    await fireEvent.click(await screen.findByTestId(T.attachAdd));
    const row = await screen.findByTestId(T.attachmentRow);
    expect(row.textContent).toContain('ban-ky.pdf');
    expect(row.textContent).toContain('240 KB');
    expect(onnotice).toHaveBeenCalledWith('Đã đính kèm “ban-ky.pdf”.');
    await waitFor(() => expect(screen.getByTestId(T.docHistory).textContent).toContain('Đính kèm: ban-ky.pdf'));
    await fireEvent.click(screen.getByTestId(T.attachmentSave));
    await waitFor(() => expect(onnotice).toHaveBeenCalledWith('Đã lưu tệp: /tmp/out/ban-ky.pdf'));
  });

  it('moves a draft to the trash only after the clerk confirms', async () => {
    const { ondeleted } = await setup();
    await fireEvent.input(byId(T.fieldTitle), { target: { value: 'Bản nháp thừa' } });
    await waitFor(() => expect(b.createDocument).toHaveBeenCalledTimes(1), { timeout: 3000 });
    await fireEvent.click(await screen.findByTestId(T.deleteDraft));
    expect(screen.getByTestId(T.confirmDialog).textContent).toContain('Bản nháp thừa');
    await fireEvent.click(screen.getByTestId(T.cancel));
    expect(b.deleteDraft).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId(T.deleteDraft));
    await fireEvent.click(screen.getByTestId(T.confirm));
    await waitFor(() => expect(ondeleted).toHaveBeenCalled());
    expect(b.deleteDraft).toHaveBeenCalledWith(1);
  });
});
