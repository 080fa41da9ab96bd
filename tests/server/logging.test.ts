// Logs say who called what and how it went, never the token, the body, the query or anything a young person wrote.
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { auth, checkin, push, putCheckin, registerDevice } from './helpers/api.ts';
import { freshDatabase } from './helpers/databases.ts';

describe('request logging', () => {
  it('logs method, path, status and time only', async () => {
    let logged = '';
    const logStream = new Writable({ write(chunk, _encoding, done) { logged += chunk; done(); } });
    const database = await freshDatabase('sqlite', { logLevel: 'info' });
    const app = await buildServer(database.config, { logStream });
    try {
      const phone = await registerDevice(app);
      await push(app, phone, [putCheckin(1, checkin({ note: 'SECRET-NOTE about my week', mood: 1 }))]);
      await app.inject({ method: 'GET', url: '/api/v1/sync/pull?cursor=0&limit=5', headers: auth(phone) });
      await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(phone), payload: { deviceId: phone.deviceId, mutations: [{ note: 'SECRET-NOTE' }] } });
      await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { linkCode: 'SECRET-CODE-1' } });

      expect(logged).toContain('"url":"/api/v1/sync/push"');
      expect(logged).toContain('"url":"/api/v1/sync/pull"');
      expect(logged).toContain('"statusCode":400');
      expect(logged).toContain('responseTime');
      // One line per request, written when it is answered, with the path and the outcome together.
      const pushLines = logged.split('\n').filter((line) => line.includes('"url":"/api/v1/sync/push"'));
      expect(pushLines).toHaveLength(2);
      for (const line of pushLines) expect(line).toMatch(/"statusCode":\d{3}.*"responseTime"/);
      for (const secret of [phone.token, 'SECRET-NOTE', 'SECRET-CODE', 'cursor=0', 'authorization', 'Bearer']) {
        expect(logged).not.toContain(secret);
      }
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
