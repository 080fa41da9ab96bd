// Sign in with email and password; says plainly when to wait after too many wrong tries.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { paFetch, PaHttpError } from './api.ts';
import type { Me } from './PaApp.tsx';
import { PageHeading } from './page.tsx';

export function LoginPage({ onSignedIn, notice }: { onSignedIn: (me: Me) => void; notice: string }) {
  const { t } = useTranslation();
  const ids = { email: useId(), password: useId(), error: useId() };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('pa.login.required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await paFetch('POST', '/pa/login', { email: email.trim(), password });
      onSignedIn(await paFetch<Me>('GET', '/pa/me'));
    } catch (e) {
      if (e instanceof PaHttpError && e.body.error === 'slow-down') setError(t('pa.login.slowDown', { seconds: e.body.retryAfterSeconds }));
      else if (e instanceof PaHttpError && e.body.error === 'locked') setError(t('pa.login.locked', { minutes: Math.ceil((e.body.retryAfterSeconds ?? 60) / 60) }));
      else if (e instanceof PaHttpError && (e.status === 401 || e.status === 400)) setError(t('pa.login.wrong'));
      else setError(t('pa.errors.server'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="pa-form pa-login" onSubmit={(e) => void submit(e)} noValidate>
      <PageHeading title={t('pa.login.title')} />
      {notice && <p role="status">{notice}</p>}
      <label htmlFor={ids.email}>{t('pa.login.email')}</label>
      <input id={ids.email} type="email" autoComplete="username" dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
      <label htmlFor={ids.password}>{t('pa.login.password')}</label>
      <input id={ids.password} type="password" autoComplete="current-password" dir="ltr" value={password} onChange={(e) => setPassword(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
      {error && <p id={ids.error} className="pa-error" role="alert">{error}</p>}
      <button type="submit" className="pa-button" disabled={busy}>{t('pa.login.submit')}</button>
    </form>
  );
}
