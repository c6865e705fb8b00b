import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { Catalog } from '../lib/catalog.svelte';
import { T } from '../lib/testids';
import { installMockBackend } from '../test/mock-backend';
import ImportView from './ImportView.svelte';
import SettingsView from './SettingsView.svelte';

describe('import', () => {
  it('imports each picked file, shows progress and each file’s warnings or error', async () => {
    const b = installMockBackend();
    const ondone = vi.fn();
    render(ImportView, { onopen: vi.fn(), ondone });
    await fireEvent.click(screen.getByTestId(T.importPick));
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    expect(b.importFile).toHaveBeenCalledTimes(2);
    const progress = screen.getByTestId(T.importProgress) as HTMLProgressElement;
    expect(progress.value).toBe(2);
    const [a, bad] = screen.getAllByTestId(T.importResult);
    expect(a.textContent).toContain('Dòng 3: Bỏ dòng nhiễu');
    expect(bad.textContent).toContain('Tệp rỗng');
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
