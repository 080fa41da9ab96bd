// "Your data" in More: one tap saves the copy; a saved copy brought back fills an empty phone.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import SettingsScreen from '../../../src/app/features/settings/SettingsScreen.tsx';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

beforeEach(async () => {
  await freshPhone();
});
afterEach(() => vi.restoreAllMocks());

describe('Your data (More)', () => {
  it('saves a copy with one tap and brings it back into an empty phone', async () => {
    const user = userEvent.setup();
    const now = new Date().toISOString();
    const checkin = aCheckin({ at: now, note: 'Invented note for the copy' });
    await saveRecord('checkin', checkin);
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => { blobs.push(blob); return 'blob:invented'; });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    renderAt(<SettingsScreen />);

    await user.click(screen.getByRole('button', { name: 'Save a copy of all my data' }));
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    expect(names[0]).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const copy = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string); // readAsText gives a string
      reader.readAsText(blobs[0]);
    });
    expect(copy).toContain('Invented note for the copy');

    await user.click(screen.getByRole('button', { name: 'Save check-ins as a spreadsheet' }));
    await vi.waitFor(() => expect(blobs).toHaveLength(2));
    expect(names[1]).toMatch(/\.csv$/);

    await Promise.all(db.tables.map((table) => table.clear()));
    await user.upload(screen.getByLabelText('Bring back a copy (a file saved here before)'), new File([copy], 'my-data.json', { type: 'application/json' }));
    expect(await screen.findByText('Brought back from the copy: 1')).toBeInTheDocument();
    // Back under a new id (the old one may still be backed up under the phone it came from), otherwise the same.
    const [back] = await db.checkins.toArray();
    expect({ ...back, id: checkin.id }).toEqual(checkin);

    await user.upload(screen.getByLabelText('Bring back a copy (a file saved here before)'), new File(['{}'], 'other.json', { type: 'application/json' }));
    expect(await screen.findByText('This file is not a copy from this app, or it is damaged. Nothing was changed.')).toBeInTheDocument();
  });
});
