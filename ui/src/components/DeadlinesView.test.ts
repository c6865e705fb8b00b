import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { T } from '../lib/testids';
import { installMockBackend } from '../test/mock-backend';
import DeadlinesView from './DeadlinesView.svelte';

async function page() {
  const b = installMockBackend();
  const onopen = vi.fn();
  const onnotice = vi.fn();
  const onchanged = vi.fn();
  render(DeadlinesView, { onopen, onnotice, onchanged });
  await waitFor(() => expect(screen.getAllByTestId(T.deadlineRow)).toHaveLength(3));
  return { b, onopen, onnotice, onchanged };
}

describe('Theo dõi thời hạn', () => {
  it('sorts the open deadlines into overdue, this week and later, each with its plan, units and sentence', async () => {
    await page();
    const overdue = screen.getByTestId(T.deadlineSection('overdue'));
    expect(overdue.textContent).toContain('Quá hạn');
    expect(overdue.textContent).toContain('20/11/2026');
    expect(overdue.textContent).toContain('82-KH/ĐU');
    expect(overdue.textContent).toContain('Các chi bộ');
    expect(overdue.textContent).toContain('hoàn thành việc học tập chuyên đề');
    expect(screen.getByTestId(T.deadlineSection('soon')).textContent).toContain('03/12/2026');
    const later = screen.getByTestId(T.deadlineSection('later'));
    expect(later.textContent).toContain('31/03/2027');
    expect(later.textContent).toContain('hằng quý');
  });

  it('marks one done: it leaves the list, the count follows, and “Hiện việc đã xong” shows it again to reopen', async () => {
    const { b, onnotice, onchanged } = await page();
    const overdue = screen.getByTestId(T.deadlineSection('overdue'));
    await fireEvent.click(within(overdue).getByTestId(T.deadlineDone));
    await waitFor(() => expect(screen.getAllByTestId(T.deadlineRow)).toHaveLength(2));
    expect(b.markDeadlineDone).toHaveBeenCalledWith(11, null);
    expect(onnotice).toHaveBeenCalledWith('Đã xong: 82-KH/ĐU, hạn 20/11/2026.');
    expect(onchanged).toHaveBeenCalled();
    expect(screen.queryByTestId(T.deadlineSection('overdue'))).toBeNull();

    await fireEvent.click(screen.getByTestId(T.deadlineShowDone));
    const done = await screen.findByTestId(T.deadlineSection('done'));
    await fireEvent.click(within(done).getByTestId(T.deadlineReopen));
    await waitFor(() => expect(b.reopenDeadline).toHaveBeenCalledWith(11));
    await screen.findByTestId(T.deadlineSection('overdue'));
  });

  it('filters by unit', async () => {
    const { b } = await page();
    await fireEvent.change(screen.getByTestId(T.deadlineUnitFilter), { target: { value: 'Văn phòng Đảng ủy' } });
    await waitFor(() => expect(screen.getAllByTestId(T.deadlineRow)).toHaveLength(1));
    expect(b.deadlineBoard).toHaveBeenLastCalledWith('Văn phòng Đảng ủy', false);
  });

  it('opens the document at the sentence', async () => {
    const { onopen } = await page();
    await fireEvent.click(within(screen.getByTestId(T.deadlineSection('soon'))).getByTestId(T.deadlineOpen));
    expect(onopen).toHaveBeenCalledWith(expect.objectContaining({ id: 12, document_id: 7, offset: 40 }));
  });

  it('corrects a deadline and removes one only after the clerk confirms', async () => {
    const { b } = await page();
    const soon = screen.getByTestId(T.deadlineSection('soon'));
    await fireEvent.click(within(soon).getByTestId(T.deadlineEdit));
    await fireEvent.click(screen.getByTestId(T.deadlineSave));
    await waitFor(() =>
      expect(b.editDeadline).toHaveBeenCalledWith(12, '2026-12-03', expect.stringContaining('báo cáo sơ kết'), 'Ban Tuyên giáo Đảng ủy'),
    );
    await fireEvent.click(within(screen.getByTestId(T.deadlineSection('later'))).getByTestId(T.deadlineRemove));
    expect(screen.getByTestId(T.confirmDialog).textContent).toContain('31/03/2027');
    await fireEvent.click(screen.getByTestId(T.confirm));
    await waitFor(() => expect(b.removeDeadline).toHaveBeenCalledWith(13));
    await waitFor(() => expect(screen.getAllByTestId(T.deadlineRow)).toHaveLength(2));
  });

  it('writes the calendar file and says where', async () => {
    const { onnotice } = await page();
    await fireEvent.click(screen.getByTestId(T.deadlineIcs));
    await waitFor(() => expect(onnotice.mock.calls.at(-1)?.[0]).toContain('/tmp/out/thoi-han-van-ban.ics'));
  });
});
