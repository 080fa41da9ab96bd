// Call alerts on the PA page: the opt-in registers the PA page's own service worker (scope /pa/), subscribes, and
// hands the subscription to the server; turning off removes it. The worker only shows the alert: it has no fetch
// handler and opens no cache, so no young person's data can sit in a cache.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { setupI18n } from '../../../src/pa/i18n.ts';
import { PushOptIn } from '../../../src/pa/PushOptIn.tsx';
import { jsonBodyOf } from '../helpers/fetchCalls.ts';

beforeAll(async () => { await setupI18n(); });
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A browser that can do push, with one subscription made on demand (invented keys). */
function pushCapableBrowser() {
  const unsubscribe = vi.fn(async () => true);
  let subscription: object | null = null;
  const made = { endpoint: 'https://fcm.googleapis.com/fcm/send/example', toJSON: () => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/example', keys: { p256dh: 'BExample', auth: 'Example' } }), unsubscribe };
  const pushManager = { getSubscription: vi.fn(async () => subscription), subscribe: vi.fn(async () => { subscription = made; return made; }) };
  const registration = { pushManager };
  const register = vi.fn(async () => registration);
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { serviceWorker: { register, ready: Promise.resolve(registration), getRegistration: vi.fn(async () => registration) } }));
  vi.stubGlobal('PushManager', function PushManager() {});
  vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'default', requestPermission: vi.fn(async () => 'granted') }));
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url, body: jsonBodyOf(init) });
    const body = url.endsWith('/push/key') ? { publicKey: 'BAAA' } : { ok: true };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
  return { register, calls, unsubscribe };
}

describe('call alerts on the PA page', () => {
  it('says so when the browser cannot show notifications', async () => {
    render(<PushOptIn userId="pa-1" />);
    expect(await screen.findByText('This browser cannot show notifications from this page.')).toBeInTheDocument();
  });

  it('turns on with the PA page’s own service worker and hands the subscription to the server; turns off again', async () => {
    const browser = pushCapableBrowser();
    render(<PushOptIn userId="pa-1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Turn on notifications' }));
    expect(await screen.findByText('Notifications are on in this browser.')).toBeInTheDocument();
    expect(browser.register).toHaveBeenCalledWith('/pa/sw.js', { scope: '/pa/' });
    const saved = browser.calls.find((c) => c.method === 'PUT');
    expect(saved).toEqual({ method: 'PUT', url: '/api/v1/pa/push-subscription', body: { endpoint: 'https://fcm.googleapis.com/fcm/send/example', keys: { p256dh: 'BExample', auth: 'Example' }, language: 'en' } });

    await userEvent.click(screen.getByRole('button', { name: 'Turn off notifications' }));
    expect(await screen.findByText('Notifications are off in this browser.')).toBeInTheDocument();
    expect(browser.calls.find((c) => c.method === 'DELETE')).toEqual({ method: 'DELETE', url: '/api/v1/pa/push-subscription', body: { endpoint: 'https://fcm.googleapis.com/fcm/send/example' } });
    expect(browser.unsubscribe).toHaveBeenCalled();
  });

  it('has a service worker that caches nothing', () => {
    const worker = readFileSync(path.resolve(import.meta.dirname, '../../../public/pa/sw.js'), 'utf8');
    expect(worker).toMatch(/addEventListener\('push'/);
    expect(worker).toMatch(/addEventListener\('notificationclick'/);
    expect(worker).not.toMatch(/addEventListener\('fetch'|caches\./);
  });
});
