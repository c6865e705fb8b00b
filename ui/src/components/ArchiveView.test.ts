import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveState, searchQuery } from '../lib/archive.svelte';
import { Catalog } from '../lib/catalog.svelte';
import { T } from '../lib/testids';
import { installMockBackend } from '../test/mock-backend';
import ArchiveView from './ArchiveView.svelte';

describe('the archive table', () => {
  beforeEach(() => localStorage.clear());

  it('lists documents with their columns and finds as the clerk types', async () => {
    const b = installMockBackend();
    const catalog = new Catalog();
    await catalog.load();
    const onopen = vi.fn();
    render(ArchiveView, { archive: new ArchiveState(), catalog, onopen, onnotice: vi.fn() });
    const row = await screen.findByTestId(T.docRow);
    expect(row.textContent).toContain('82-KH/ĐU');
    expect(row.textContent).toContain('15/03/2024');
    expect(row.textContent).toContain('Kế hoạch');
    expect(row.textContent).toContain('Đã ban hành');
    await fireEvent.input(screen.getByTestId(T.searchInput), { target: { value: 'sinh hoat chi bo' } });
    await waitFor(() => expect(b.listDocuments).toHaveBeenLastCalledWith('sinh hoat chi bo*', { kind: null, year: null, status: null }, 200, 0));
    await fireEvent.keyDown(screen.getByTestId(T.searchInput), { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith(7);
    // The year filter reaches back to the archive's oldest document.
    const years = Array.from((screen.getByTestId(T.filterYear) as HTMLSelectElement).options).map((o) => o.textContent);
    expect(years).toEqual(['Mọi năm', '2026', '2025', '2024', '2023', '2007']);
  });

  it('remembers the search and filters for the next start', async () => {
    installMockBackend();
    const first = new ArchiveState(localStorage);
    first.query = 'ke hoach';
    first.status = 'issued';
    await first.load();
    const again = new ArchiveState(localStorage);
    expect(again.query).toBe('ke hoach');
    expect(again.status).toBe('issued');
    expect(again.selectedId).toBe(7);
  });

  it('makes the last word a prefix only while it is being typed', () => {
    expect(searchQuery('sinh hoat')).toBe('sinh hoat*');
    expect(searchQuery('sinh hoat ')).toBe('sinh hoat');
    expect(searchQuery('   ')).toBe('');
  });
});
