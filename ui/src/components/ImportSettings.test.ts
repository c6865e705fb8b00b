import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { Catalog } from '../lib/catalog.svelte';
import { T } from '../lib/testids';
import { installMockBackend } from '../test/mock-backend';
import ImportView from './ImportView.svelte';
import SettingsView from './SettingsView.svelte';

// pdf.js needs a newer Node than the test runner's; the preview is checked in the real window.
vi.mock('../lib/pdfview', () => ({ renderPages: vi.fn(async () => [document.createElement('canvas')]) }));

describe('import', () => {
  it('imports the picked files as one batch, shows progress and each file’s warnings', async () => {
    const b = installMockBackend();
    const catalog = new Catalog();
    await catalog.load();
    const ondone = vi.fn();
    render(ImportView, { catalog, onopen: vi.fn(), ondone });
    await fireEvent.click(screen.getByTestId(T.importPick));
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    expect(b.importFiles).toHaveBeenCalledTimes(1);
    const progress = screen.getByTestId(T.importProgress) as HTMLProgressElement;
    expect(progress.value).toBe(2);
    expect(screen.getByTestId(T.importSummary).textContent).toBe('2/2 tệp — đã nhập 2 tệp');
    const [a, second] = screen.getAllByTestId(T.importResult);
    expect(a.textContent).toContain('Dòng 3: Bỏ dòng nhiễu');
    expect(a.textContent).toContain('Dự thảo');
    expect(second.textContent).toContain('Kế hoạch 2');
  });

  it('says which file stopped a refused batch and that nothing was imported', async () => {
    const b = installMockBackend();
    b.pickImportFiles.mockResolvedValueOnce(['/corpus/a.txt', '/corpus/rong.txt']);
    const catalog = new Catalog();
    await catalog.load();
    const ondone = vi.fn();
    render(ImportView, { catalog, onopen: vi.fn(), ondone });
    await fireEvent.click(screen.getByTestId(T.importPick));
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    const error = screen.getByTestId(T.importError);
    expect(error.textContent).toContain('rong.txt');
    expect(error.textContent).toContain('Không tệp nào được nhập');
    for (const row of screen.getAllByTestId(T.importResult)) expect(row.textContent).toContain('chưa nhập');
  });
});

describe('settings', () => {
  it('saves a signer and a recipient list with notes', async () => {
    const b = installMockBackend();
    const catalog = new Catalog();
    await catalog.load();
    render(SettingsView, { catalog, onnotice: vi.fn() });
    const signerForm = screen.getByTestId(T.signerForm);
    const [authority, position, name] = Array.from(signerForm.querySelectorAll('input'));
    await fireEvent.input(authority, { target: { value: 'K/T BÍ THƯ' } });
    await fireEvent.input(position, { target: { value: 'PHÓ BÍ THƯ' } });
    await fireEvent.input(name, { target: { value: 'Trần Thị B' } });
    await fireEvent.submit(signerForm);
    await waitFor(() =>
      expect(b.saveSigner).toHaveBeenCalledWith({ id: null, authority: 'K/T BÍ THƯ', position: 'PHÓ BÍ THƯ', name: 'Trần Thị B' }),
    );

    const listForm = screen.getByTestId(T.listForm);
    await fireEvent.input(listForm.querySelector('input')!, { target: { value: 'Chi bộ' } });
    await fireEvent.input(listForm.querySelector('textarea')!, { target: { value: 'Ban Tuyên giáo (để b/c)\n- Các chi bộ;' } });
    await fireEvent.submit(listForm);
    await waitFor(() =>
      expect(b.saveRecipientList).toHaveBeenCalledWith({
        id: null,
        name: 'Chi bộ',
        items: [
          { name: 'Ban Tuyên giáo', note: 'để b/c' },
          { name: 'Các chi bộ', note: '' },
        ],
      }),
    );
  });
});

describe('layout settings', () => {
  it('previews a changed field, applies it, shows a refused value under its field, resets', async () => {
    const b = installMockBackend();
    const catalog = new Catalog();
    await catalog.load();
    const onnotice = vi.fn();
    render(SettingsView, { catalog, onnotice });
    await fireEvent.click(screen.getByTestId(T.settingsTab('layout')));
    const size = (await screen.findByTestId(T.layoutField('body.size'))) as HTMLInputElement;
    expect(size.value).toBe('14');
    await fireEvent.input(size, { target: { value: '13' } });
    await waitFor(() => expect(b.layoutPreview).toHaveBeenLastCalledWith('party', [['body.size', '13']]));
    await fireEvent.click(screen.getByTestId(T.layoutApply));
    await waitFor(() => expect(b.setLayout).toHaveBeenCalledWith('party', [['body.size', '13']]));
    await waitFor(() => expect(screen.getByTestId(T.layoutChanged).textContent).toContain('1 mục'));

    await fireEvent.input(size, { target: { value: '30' } });
    await fireEvent.click(screen.getByTestId(T.layoutApply));
    await waitFor(() => expect(screen.getByText(/nằm ngoài khoảng cho phép/, { selector: 'small' })).toBeTruthy());

    await fireEvent.click(screen.getByTestId(T.layoutReset));
    await fireEvent.click(screen.getByTestId(T.confirm));
    await waitFor(() => expect(b.resetLayout).toHaveBeenCalledWith('party'));
    await waitFor(() => expect((screen.getByTestId(T.layoutField('body.size')) as HTMLInputElement).value).toBe('14'));
  });
});
