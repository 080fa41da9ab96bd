import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import HistoryScreen from '../../../src/app/features/history/HistoryScreen.tsx';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { aCheckin, daysAgo } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

const checkin = (days: number, mood: Checkin['mood'], extra: Partial<Checkin> = {}): Checkin => aCheckin({ at: daysAgo(days), mood, ...extra });

beforeEach(async () => {
  await freshPhone();
});

describe('History', () => {
  it('shows the wellbeing answers and their trend any time, not only straight after answering', async () => {
    const answered = (daysAgo: number, score: number) => {
      const at = new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString();
      return { id: crypto.randomUUID(), at, life: score, worthwhile: score, happy: score, anxious: 10 - score, sharedWithPa: false, updatedAt: at };
    };
    await saveRecord('ons4', answered(14, 4));
    await saveRecord('ons4', answered(0, 7));
    renderAt(<HistoryScreen />);
    expect(await screen.findByRole('heading', { name: 'How your answers have changed' })).toBeInTheDocument();
    expect(screen.getAllByText('Life satisfaction').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'Answer four questions' })).toHaveAttribute('href', '/ons4');
  });

  it('shows a kind empty state with a way to check in', async () => {
    renderAt(<HistoryScreen />);
    expect(await screen.findByText(/Nothing here yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Check in now' })).toHaveAttribute('href', '/');
  });

  it('lists check-ins by day with their details', async () => {
    await saveRecord('checkin', checkin(0, 2, { hard: ['money', 'food'], good: ['people'], feelings: ['worried'], note: 'Rent is late' }));
    await saveRecord('checkin', checkin(1, 5));
    renderAt(<HistoryScreen />);

    const days = await screen.findAllByRole('heading', { level: 2, name: /day/ });
    expect(days).toHaveLength(2);
    expect(screen.getByText('Rent is late')).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('Money and Food')).toBeInTheDocument();
    expect(screen.getByText('Friends and family')).toBeInTheDocument();
    expect(screen.getByText('Worried')).toBeInTheDocument();
    expect(screen.getByText('Not good')).toBeInTheDocument();
    expect(screen.getByText('Great')).toBeInTheDocument();
  });

  it('edits a check-in in place', async () => {
    const user = userEvent.setup();
    const c = checkin(0, 2);
    await saveRecord('checkin', c);
    await db.outbox.clear();
    renderAt(<HistoryScreen />);

    await user.click(await screen.findByRole('button', { name: /^Edit:/ }));
    await user.click(screen.getByRole('button', { name: /Good$/ }));
    await user.click(within(screen.getByRole('group', { name: "What's going well?" })).getByRole('button', { name: 'Home' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent === 'Your changes are saved.')).toBe(true));
    const saved = await db.checkins.get(c.id);
    expect(saved).toMatchObject({ mood: 4, good: ['home'], at: c.at });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ op: 'put', id: c.id })]);
  });

  it('deletes a check-in only after the person confirms', async () => {
    const user = userEvent.setup();
    const c = checkin(0, 3);
    await saveRecord('checkin', c);
    renderAt(<HistoryScreen />);

    await user.click(await screen.findByRole('button', { name: /^Delete:/ }));
    expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(await db.checkins.count()).toBe(1);

    await user.click(screen.getByRole('button', { name: /^Delete:/ }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText('Check-in deleted.')).toBeInTheDocument();
    expect(await db.checkins.count()).toBe(0);
    expect(await db.outbox.where({ kind: 'checkin', id: c.id }).last()).toMatchObject({ op: 'delete' });
  });

  it('summarises mood over the chosen time, with a table to read instead of the chart', async () => {
    const user = userEvent.setup();
    await saveRecord('checkin', checkin(1, 4));
    await saveRecord('checkin', checkin(2, 3));
    await saveRecord('checkin', checkin(100, 1));
    renderAt(<HistoryScreen />);

    expect(await screen.findByText('Over this time your average mood was 3.5 out of 5, from 2 check-ins.')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /average mood was 3.5/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '6 months' }));
    expect(screen.getByText('Over this time your average mood was 2.7 out of 5, from 3 check-ins.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Average mood each day' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });
});

describe('editing in History', () => {
  it('reopens an unfinished edit after a reload, with the changes kept', async () => {
    const user = userEvent.setup();
    const c = checkin(0, 2, { note: 'first words' });
    await saveRecord('checkin', c);
    const first = renderAt(<HistoryScreen />);
    await user.click(await screen.findByRole('button', { name: /^Edit:/ }));
    const note = screen.getByRole('textbox', { name: 'Anything else you want to write down?' });
    await user.type(note, ' and more');
    first.unmount();

    renderAt(<HistoryScreen />);
    expect(await screen.findByRole('textbox', { name: 'Anything else you want to write down?' })).toHaveValue('first words and more');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await db.checkins.get(c.id))?.note).toBe('first words');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
