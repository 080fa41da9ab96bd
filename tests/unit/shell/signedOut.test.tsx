import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { Shell } from '../../../src/app/App.tsx';
import { db } from '../../../src/app/data/db.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { changeLanguage } from '../../../src/app/i18n/index.ts';
import { forgetThisPhone } from '../../../src/app/sync/signedOut.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

beforeEach(async () => {
  await freshPhone();
});

describe('a phone its person signed out', () => {
  it('keeps nothing personal, shows only a neutral screen, and starts again only when asked', async () => {
    const now = new Date().toISOString();
    await saveRecord('checkin', aCheckin({ at: now, mood: 1, note: 'example private note' }));
    await db.services.put({ id: 'example-service' } as never);
    localStorage.setItem('directory.place', '{"example":"place"}');
    localStorage.setItem('language', 'en');
    sessionStorage.setItem('draft:safety-plan', '{"warningSigns":"example"}');

    await forgetThisPhone();
    expect(await db.checkins.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.services.count()).toBe(1);
    expect(localStorage.getItem('directory.place')).toBeNull();
    expect(localStorage.getItem('language')).toBe('en');
    expect(sessionStorage.length).toBe(0);

    renderAt(<Shell />, '/history');
    expect(await screen.findByRole('heading', { level: 1, name: 'This phone was signed out' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: /main/i })).not.toBeInTheDocument();
    expect(screen.queryByText('Saved on this phone')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Start again on this phone' }));
    await waitFor(() => expect(screen.queryByText('This phone was signed out')).not.toBeInTheDocument());
    expect(await db.meta.get('signedOut')).toBeUndefined();
  });

  it('says so in Arabic too', async () => {
    await changeLanguage('ar');
    await forgetThisPhone();
    renderAt(<Shell />);
    expect(await screen.findByRole('heading', { level: 1, name: 'تم تسجيل خروج هذا الهاتف' })).toBeInTheDocument();
    await changeLanguage('en');
  });
});
