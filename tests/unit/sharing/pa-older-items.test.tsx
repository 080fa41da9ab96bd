// A year of daily check-ins is 365 cards: the person page draws the newest 30, and every card still waiting for the
// PA (not seen, or an answer not read) wherever it falls, with "Show older items" for the rest. Nothing is lost:
// every item can be reached, in order, newest first.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { setupI18n } from '../../../src/pa/i18n.ts';
import { CARDS_PER_PAGE, cardsToDraw } from '../../../src/pa/person/NewestFirst.tsx';
import { PersonPage } from '../../../src/pa/PersonPage.tsx';

const DAYS = 100;
const day = (d: number) => new Date(Date.UTC(2030, 0, 1, 10) + d * 86_400_000).toISOString();
// Day 5 is old and not seen yet; day 10 was seen but their answer to the PA's reply is not read yet.
const shares = Array.from({ length: DAYS }, (_, d) => ({
  id: `example-share-${d}`, kind: 'checkin', sharedAt: day(d), seenAt: d === 5 ? null : day(d), reply: d === 10 ? 'Example reply' : null,
  data: { at: day(d), mood: 3, feelings: [], hard: [], good: [], note: `Example note ${d}` },
  thread: d === 10 ? [{ id: 'example-answer', author: 'young-person', text: 'Example answer', at: day(d), seenAt: null }] : [],
}));
const view = { person: { id: 'p1', name: 'Example Person', connectedAt: day(0) }, shares };

beforeAll(async () => { await setupI18n(); });
afterEach(() => { vi.unstubAllGlobals(); });

/** The notes on the drawn cards, top to bottom, as day numbers. */
function drawnDays(): number[] {
  const list = screen.getByRole('heading', { name: /What they shared/ }).closest('section')!.querySelector('ol.pa-items')!;
  return within(list as HTMLElement).getAllByText(/^Example note \d+$/).map((el) => Number(el.textContent.split(' ').at(-1)));
}

describe('older items on the person page', () => {
  it('draws the newest and everything still waiting, then the rest a page per tap, newest first', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(view), { status: 200, headers: { 'content-type': 'application/json' } })));
    render(<MemoryRouter initialEntries={['/people/p1']}><Routes><Route path="/people/:personId" element={<PersonPage />} /></Routes></MemoryRouter>);
    await screen.findByRole('heading', { level: 1 });
    const newest = Array.from({ length: CARDS_PER_PAGE }, (_, i) => DAYS - 1 - i);
    expect(drawnDays()).toEqual([...newest, 10, 5]);
    const more = screen.getByRole('button', { name: `Show older items (${DAYS - CARDS_PER_PAGE - 2} more)` });
    await userEvent.click(more);
    expect(drawnDays()).toEqual([...Array.from({ length: 2 * CARDS_PER_PAGE }, (_, i) => DAYS - 1 - i), 10, 5]);
    expect(more).toHaveFocus();
    while (screen.queryByRole('button', { name: /Show older items/ })) await userEvent.click(screen.getByRole('button', { name: /Show older items/ }));
    expect(drawnDays()).toEqual(Array.from({ length: DAYS }, (_, i) => DAYS - 1 - i));
  });

  it('keeps the order and never drops a waiting card', () => {
    const cards = Array.from({ length: 10 }, (_, i) => i);
    expect(cardsToDraw(cards, 3, (c) => c === 8)).toEqual([0, 1, 2, 8]);
    expect(cardsToDraw(cards, 20, () => false)).toEqual(cards);
    expect(cardsToDraw([], 3, () => true)).toEqual([]);
  });
});
