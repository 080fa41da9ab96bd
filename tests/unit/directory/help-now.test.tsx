import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import HelpNowScreen, { openNowNearby } from '../../../src/app/features/help/HelpNowScreen.tsx';
import { createShiftCounter } from '../../../src/app/features/help/quickExitNow.ts';
import type { DirectoryService } from '../../../src/shared/directory/types.ts';
import { startLanguage } from '../helpers/appTest.tsx';

beforeAll(async () => {
  await startLanguage('en');
});

const renderHelp = (now = new Date('2025-01-15T12:00:00Z')) =>
  render(<MemoryRouter><HelpNowScreen now={now} /></MemoryRouter>);

describe('Help now', () => {
  it('lists the crisis lines with numbers to call and text, before any sync', async () => {
    renderHelp();
    expect(screen.getByRole('heading', { level: 1, name: 'Help now' })).toBeInTheDocument();
    const samaritans = screen.getByRole('heading', { name: 'Samaritans' }).closest('li')!;
    expect(within(samaritans).getByRole('link', { name: /Call 116 123, Samaritans/ })).toHaveAttribute('href', 'tel:116123');
    expect(screen.getByRole('link', { name: 'Text SHOUT to 85258' })).toHaveAttribute('href', 'sms:85258?&body=SHOUT');
  });

  it('opens the safety plan in one tap', () => {
    renderHelp();
    expect(screen.getByRole('link', { name: 'Open my safety plan' })).toHaveAttribute('href', '/safety-plan');
  });

  it('shows Papyrus open at 3am: HOPELINE247 has run all day and night since 2023', () => {
    renderHelp(new Date('2025-01-15T03:00:00Z'));
    const papyrus = screen.getByRole('heading', { name: 'Papyrus HOPELINE247' }).closest('li')!;
    expect(within(papyrus).getByText('Open 24 hours, every day')).toBeInTheDocument();
  });
});

describe('open now near you', () => {
  const service = (id: string, hours: DirectoryService['hours'], lat = 53.4): DirectoryService => ({
    id, name: `Example ${id}`, description: '', categories: ['social'], access: ['in-person'], contacts: {},
    location: { kind: 'point', lat, lng: -2.15 }, hours,
  });
  const daytime = service('daytime', { kind: 'weekly', sessions: [{ days: ['we'], opens: '09:00', closes: '23:00' }] });
  const allNight = service('all-night', { kind: 'always' }, 53.6);

  it('shows services open now, nearest first', () => {
    const found = openNowNearby([allNight, daytime], new Date('2025-01-15T12:00:00Z'), { lat: 53.4, lng: -2.15, label: 'SK1' });
    expect(found.map((s) => s.id)).toEqual(['daytime', 'all-night']);
  });
  it('shows only 24-hour services at night', () => {
    const found = openNowNearby([allNight, daytime], new Date('2025-01-15T22:30:00Z'), undefined);
    expect(found.map((s) => s.id)).toEqual(['all-night']);
  });
});

describe('Shift pressed three times', () => {
  const shift = (extra: Partial<KeyboardEvent> = {}) => ({ key: 'Shift', repeat: false, ctrlKey: false, altKey: false, metaKey: false, ...extra }) as KeyboardEvent;
  // The count is shared by every listener on the page (it lives on window): each test starts from another key.
  beforeEach(() => createShiftCounter(vi.fn())(shift({ key: 'Tab' })));

  it('exits on the third press and counts the first two', () => {
    const exit = vi.fn();
    const counts: number[] = [];
    const press = createShiftCounter(exit, (n) => counts.push(n));
    press(shift());
    press(shift());
    expect(exit).not.toHaveBeenCalled();
    press(shift());
    expect(exit).toHaveBeenCalledTimes(1);
    expect(counts).toEqual([1, 2]);
  });
  it('does not exit when Shift is part of typing a capital letter', () => {
    const exit = vi.fn();
    const press = createShiftCounter(exit);
    press(shift());
    press(shift());
    press(shift({ key: 'A' }));
    press(shift());
    expect(exit).not.toHaveBeenCalled();
  });
  it('counts each press once while the painted page and the app both listen, and exits once', () => {
    const painted = vi.fn();
    const app = vi.fn();
    const counts: number[] = [];
    const pageListens = createShiftCounter(painted);
    const appListens = createShiftCounter(app, (n) => counts.push(n));
    const both = (event: KeyboardEvent) => {
      pageListens(event);
      appListens(event);
    };
    both(shift());
    both(shift());
    expect(counts).toEqual([1, 2]);
    both(shift());
    expect(painted.mock.calls.length + app.mock.calls.length).toBe(1);
  });
  it('exits on the third press when the app took over from the painted page after the second', () => {
    const painted = vi.fn();
    const app = vi.fn();
    const pageListens = createShiftCounter(painted);
    pageListens(shift());
    pageListens(shift());
    createShiftCounter(app)(shift());
    expect(painted).not.toHaveBeenCalled();
    expect(app).toHaveBeenCalledTimes(1);
  });
});
