// The young person's language reaches their PA's card only when they agreed at connect; ONS4 answers keep theirs.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { ons4Schema } from '../../src/shared/ons4.ts';
import { registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, pairingCode, signedInStaff } from './sharing-helpers.ts';

describe.each(DIALECTS)('the chosen language on the PA card on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  it('shows it when they agreed, and not when they did not', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council Language');
    const agreed = await registerDevice(app);
    const declined = await registerDevice(app);
    const connect = async (phone: typeof agreed, payload: Record<string, unknown>) =>
      (await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: await pairingCode(app, pa), ...payload } })).statusCode;
    expect(await connect(agreed, { name: 'Example Tigrinya Reader', language: 'ti' })).toBe(200);
    expect(await connect(declined, { name: 'Example Private Reader' })).toBe(200);

    const caseload = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload as { name: string; language: string | null }[];
    expect(caseload.find((e) => e.name === 'Example Tigrinya Reader')?.language).toBe('ti');
    expect(caseload.find((e) => e.name === 'Example Private Reader')?.language).toBeNull();
  });

  it('refuses a language that is not in the table, naming the field, and links nothing', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council Language');
    const phone = await registerDevice(app);
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: await pairingCode(app, pa), language: 'xx' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('language');
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json().connected).toBe(false);
  });
});

describe('ONS4 answers record their language', () => {
  const answer = { id: crypto.randomUUID(), at: '2026-12-01T10:00:00Z', life: 7, worthwhile: 7, happy: 6, anxious: 3, sharedWithPa: false, updatedAt: '2026-12-01T10:00:00Z' };
  it('accepts a language from the table, and answers from before it existed', () => {
    expect(ons4Schema.parse({ ...answer, language: 'fa' }).language).toBe('fa');
    expect(ons4Schema.parse(answer).language).toBeUndefined();
    expect(ons4Schema.safeParse({ ...answer, language: 'klingon' }).success).toBe(false);
  });
});

describe('reminder words on the server, per language', () => {
  it("says each language's own words from its locale file, and English for a language we don't ship", async () => {
    const { notificationWords } = await import('../../src/server/reminders/words.ts');
    const { readFileSync } = await import('node:fs');
    const { LANGUAGES } = await import('../../src/shared/languages.ts');
    for (const { code } of LANGUAGES) {
      const push = JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8')).appointments.push;
      expect(notificationWords(code)).toEqual({ comingUp: push.comingUp, open: push.open });
    }
    expect(notificationWords('fa-IR')).toEqual(notificationWords('fa'));
    expect(notificationWords('de')).toEqual(notificationWords('en'));
    expect(notificationWords('ti').comingUp).not.toBe(notificationWords('en').comingUp);
  });
});
