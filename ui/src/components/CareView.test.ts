import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { Catalog } from '../lib/catalog.svelte';
import { T } from '../lib/testids';
import { installMockBackend } from '../test/mock-backend';
import ArchiveView from './ArchiveView.svelte';
import { ArchiveState } from '../lib/archive.svelte';
import CareView from './CareView.svelte';

async function care() {
  const b = installMockBackend();
  const catalog = new Catalog();
  await catalog.load();
  const onnotice = vi.fn();
  const onrestored = vi.fn(async () => undefined);
  render(CareView, { catalog, archivePath: '/home/vt/.local/share/vn.vanthu.app/vanthu.sqlite3', onnotice, onrestored });
  return { b, onnotice, onrestored };
}

describe('register and backup', () => {
  it('prints the register of the chosen year and issuer and says how many documents it lists', async () => {
    const { b } = await care();
    await fireEvent.change(screen.getByTestId(T.registerIssuer), { target: { value: 'ĐU' } });
    await fireEvent.click(screen.getByTestId(T.registerPdf));
    await waitFor(() => expect(screen.getByTestId(T.registerResult).textContent).toContain('có 12 văn bản'));
    expect(b.registerBook).toHaveBeenCalledWith({ year: new Date().getFullYear(), term_start: null, issuer: 'ĐU', csv: false });
  });

  it('asks for a term start before a term book', async () => {
    const { b, onnotice } = await care();
    await fireEvent.change(screen.getByTestId(T.registerPeriod), { target: { value: 'term' } });
    await fireEvent.click(screen.getByTestId(T.registerCsv));
    expect(onnotice).toHaveBeenCalledWith('Hãy nhập ngày bắt đầu nhiệm kỳ.', true);
    expect(b.registerBook).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId(T.registerTerm), { target: { value: '2025-10-01' } });
    await fireEvent.click(screen.getByTestId(T.registerCsv));
    await waitFor(() =>
      expect(b.registerBook).toHaveBeenCalledWith({ year: null, term_start: '2025-10-01', issuer: null, csv: true }),
    );
  });

  it('restores only after the clerk confirms, then reloads the window', async () => {
    const { b, onnotice, onrestored } = await care();
    await fireEvent.click(screen.getByTestId(T.restoreBackup));
    expect(screen.getByTestId(T.confirmDialog).textContent).toContain('được giữ');
    await fireEvent.click(screen.getByTestId(T.cancel));
    expect(b.restoreArchive).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId(T.restoreBackup));
    await fireEvent.click(screen.getByTestId(T.confirm));
    await waitFor(() => expect(onrestored).toHaveBeenCalled());
    expect(onnotice.mock.calls.at(-1)?.[0]).toContain('truoc-khoi-phuc');
  });

  it('reports a damaged archive problem by problem', async () => {
    const { b } = await care();
    b.verifyArchive.mockResolvedValueOnce([{ attachment_id: 3, message: 'Tệp đính kèm “ban-ky.pdf” (mã 3) đã bị thay đổi: mã SHA-256 không khớp.' }]);
    await fireEvent.click(screen.getByTestId(T.verifyNow));
    await waitFor(() => expect(screen.getByTestId(T.verifyResult).textContent).toContain('1 chỗ hỏng'));
    expect(screen.getByTestId(T.verifyResult).textContent).toContain('SHA-256 không khớp');
  });
});

describe('the trash', () => {
  it('lists deleted drafts and brings one back', async () => {
    const b = installMockBackend();
    const catalog = new Catalog();
    await catalog.load();
    const id = await b.createDocument({ ...catalog.newDocument(), title: 'Kế hoạch xóa nhầm' });
    await b.deleteDraft(id);
    const onnotice = vi.fn();
    render(ArchiveView, { archive: new ArchiveState(null), catalog, onopen: vi.fn(), onnotice });
    await fireEvent.click(screen.getByTestId(T.trashToggle));
    const row = await screen.findByTestId(T.trashRow);
    expect(row.textContent).toContain('Kế hoạch xóa nhầm');
    await fireEvent.click(screen.getByTestId(T.trashRestore));
    await waitFor(() => expect(screen.queryByTestId(T.trashRow)).toBeNull());
    expect(b.restoreDraft).toHaveBeenCalledWith(id);
    expect(onnotice.mock.calls[0][0]).toContain('Đã khôi phục');
  });
});
