import { describe, expect, it } from 'vitest';
import { orderCaseload, type CaseloadEntry } from '../../../src/shared/sharing/caseload.ts';

const entry = (name: string, over: Partial<CaseloadEntry> = {}): CaseloadEntry => ({
  personId: name, name, connectedAt: '2026-11-01T00:00:00Z', unseen: 0, unseenRequests: [], lowestRecentMood: null, lastSharedAt: null, ...over,
});

describe('the caseload order', () => {
  it('puts "please call me" first, then other requests, then low moods, then everyone else', () => {
    const ordered = orderCaseload([
      entry('Quiet'),
      entry('Low', { lowestRecentMood: 1, unseen: 1 }),
      entry('Travel', { unseen: 1, unseenRequests: ['travel-help'] }),
      entry('Call', { unseen: 2, unseenRequests: ['missed-appointment', 'call-me'] }),
      entry('Okay', { lowestRecentMood: 4, unseen: 1 }),
    ]);
    expect(ordered.map((e) => e.name)).toEqual(['Call', 'Travel', 'Low', 'Okay', 'Quiet']);
  });
});
