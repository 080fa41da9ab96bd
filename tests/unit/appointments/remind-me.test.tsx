// "Remind me": permission is asked only after the tap, never on load; iPhones outside the home screen are told why.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { RemindMe } from '../../../src/app/features/appointments/RemindMe.tsx';
import { startLanguage } from '../helpers/appTest.tsx';
import { jsonBodyOf } from '../helpers/fetchCalls.ts';

const realUserAgent = navigator.userAgent;
const setUserAgent = (value: string) => Object.defineProperty(navigator, 'userAgent', { value, configurable: true });

function fakePushBrowser() {
  const requestPermission = vi.fn(async () => 'granted');
  const subscribe = vi.fn(async () => ({
    endpoint: 'https://push.example.invalid/sub/1',
    toJSON: () => ({ endpoint: 'https://push.example.invalid/sub/1', keys: { p256dh: 'BPk-example-key', auth: 'example-auth' } }),
  }));
  const registration = { pushManager: { getSubscription: vi.fn(async () => null), subscribe } };
  vi.stubGlobal('Notification', { permission: 'default', requestPermission });
  vi.stubGlobal('PushManager', function PushManager() {});
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { getRegistration: async () => registration, ready: Promise.resolve(registration) } });
  const fetchMock = vi.fn(async (url: string) => (url.endsWith('/push/key')
    ? new Response(JSON.stringify({ publicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U' }))
    : new Response('{"subscribed":true}', { status: 201 })));
  vi.stubGlobal('fetch', fetchMock);
  return { requestPermission, subscribe, fetchMock };
}

beforeAll(async () => { await startLanguage('en'); });
beforeEach(async () => { await db.meta.clear(); });
afterEach(() => {
  vi.unstubAllGlobals();
  setUserAgent(realUserAgent);
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
});

describe('Remind me on this phone', () => {
  it('asks for notification permission only after the tap, then saves the subscription with words in their language', async () => {
    const browser = fakePushBrowser();
    await db.meta.put({ key: 'device', value: { deviceId: '0f8fad5b-d9cb-469f-a165-70867728950e', token: 'example-token' } });
    const user = userEvent.setup();
    render(<RemindMe />);
    const button = await screen.findByRole('button', { name: 'Remind me on this phone' });
    expect(browser.requestPermission).not.toHaveBeenCalled();

    await user.click(button);
    expect(await screen.findByText('Reminders are on for this phone.')).toBeInTheDocument();
    expect(browser.requestPermission).toHaveBeenCalledTimes(1);
    const [url, init] = browser.fetchMock.mock.calls.find(([u]) => String(u).endsWith('/push/subscriptions'))! as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/push/subscriptions');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer example-token');
    expect(jsonBodyOf(init)).toEqual({
      endpoint: 'https://push.example.invalid/sub/1', keys: { p256dh: 'BPk-example-key', auth: 'example-auth' }, language: 'en',
      words: { comingUp: 'You have something coming up', open: 'Open the app to see it.' },
    });
  });

  it('says plainly when the phone has not backed up yet, so there is nowhere to send reminders', async () => {
    fakePushBrowser();
    const user = userEvent.setup();
    render(<RemindMe />);
    await user.click(await screen.findByRole('button', { name: 'Remind me on this phone' }));
    expect(await screen.findByText(/Reminders by notification start once this phone has backed up/)).toBeInTheDocument();
  });

  it('on an iPhone outside the home screen, explains how to add it and asks nothing', async () => {
    const browser = fakePushBrowser();
    setUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1');
    render(<RemindMe />);
    expect(await screen.findByText(/On iPhone, notifications only work when the app is on your home screen/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remind me on this phone' })).toBeNull();
    expect(browser.requestPermission).not.toHaveBeenCalled();
  });
});
