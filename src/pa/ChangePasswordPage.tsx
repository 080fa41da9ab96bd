// First sign-in: replace the one-time password from the admin with one only this person knows.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PASSWORD_MIN } from '../shared/sharing/schemas.ts';
import { paFetch, PaHttpError } from './api.ts';
import { PageHeading } from './page.tsx';

export function ChangePasswordPage({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const ids = { current: useId(), next: useId(), hint: useId(), error: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<{ field: 'current' | 'next' | null; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next.length < PASSWORD_MIN) {
      setError({ field: 'next', text: t('pa.password.tooShort', { min: PASSWORD_MIN }) });
      return;
    }
    try {
      await paFetch('POST', '/pa/password', { currentPassword: current, newPassword: next });
      onChanged();
    } catch (e) {
      if (e instanceof PaHttpError && e.body.field === 'currentPassword') setError({ field: 'current', text: t('pa.password.wrongCurrent') });
      else setError({ field: null, text: t('pa.errors.server') });
    }
  }

  const describe = (field: 'current' | 'next', base?: string) =>
    [base, error?.field === field ? ids.error : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form className="pa-form" onSubmit={(e) => void submit(e)} noValidate>
      <PageHeading title={t('pa.password.title')} />
      <p>{t('pa.password.explain')}</p>
      <label htmlFor={ids.current}>{t('pa.password.current')}</label>
      <input id={ids.current} type="password" autoComplete="current-password" dir="ltr" value={current} onChange={(e) => setCurrent(e.target.value)}
        aria-invalid={error?.field === 'current'} aria-describedby={describe('current')} />
      <label htmlFor={ids.next}>{t('pa.password.next')}</label>
      <p id={ids.hint} className="pa-muted">{t('pa.password.hint', { min: PASSWORD_MIN })}</p>
      <input id={ids.next} type="password" autoComplete="new-password" dir="ltr" value={next} onChange={(e) => setNext(e.target.value)}
        aria-invalid={error?.field === 'next'} aria-describedby={describe('next', ids.hint)} />
      {error && <p id={ids.error} className="pa-error" role="alert">{error.text}</p>}
      <button type="submit" className="pa-button">{t('pa.password.submit')}</button>
    </form>
  );
}
