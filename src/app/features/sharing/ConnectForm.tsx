// Connect to my PA with the short code they gave me, after reading what they will and won't see.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isShippedLanguage } from '../../../shared/languages.ts';
import { ApiError, OfflineError } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { useDraft } from '../../ui/draft.ts';
import { clearLocalShareFlags, refreshMyPa } from './status.ts';

export function ConnectForm() {
  const { t, i18n } = useTranslation();
  const ids = { code: useId(), name: useId(), error: useId(), hint: useId() };
  // Kept as typed, so an update or reload mid-way gives the code and name back.
  const kept = useDraft('connect-pa', { code: '', name: '' });
  const { code, name } = kept.value;
  const setCode = (next: string) => kept.set((d) => ({ ...d, code: next }));
  const setName = (next: string) => kept.set((d) => ({ ...d, name: next }));
  const [error, setError] = useState<{ field: 'code' | 'name' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [shareLanguage, setShareLanguage] = useState(false);
  const languageId = useId();

  async function connect(event: FormEvent) {
    event.preventDefault();
    if (!/^[0-9a-z]{3}[\s-]?[0-9a-z]{3}$/i.test(code.trim())) {
      setError({ field: 'code', text: t('sharing.connect.codeInvalid') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await callAsThisPhone('POST', '/my-pa/connect', { code: code.trim(), name: name.trim(), ...(shareLanguage && isShippedLanguage(i18n.language) ? { language: i18n.language } : {}) });
      kept.clear();
      // A new link starts with nothing shared (the server dropped any old PA's copies).
      await clearLocalShareFlags();
      await refreshMyPa();
    } catch (e) {
      if (e instanceof OfflineError) setError({ field: null, text: t('sharing.errors.offline') });
      else if (e instanceof ApiError && e.status === 429) setError({ field: 'code', text: t('sharing.connect.tooManyTries') });
      else if (e instanceof ApiError && e.status === 400) setError({ field: 'code', text: t('sharing.connect.codeRejected') });
      else setError({ field: null, text: t('sharing.errors.server') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="connect-title">
      <h2 id="connect-title">{t('sharing.connect.title')}</h2>
      <div className="card">
        <h3>{t('sharing.connect.willSeeTitle')}</h3>
        <ul>
          <li>{t('sharing.connect.willSee1')}</li>
          <li>{t('sharing.connect.willSee2')}</li>
          <li>{t('sharing.connect.willSee3')}</li>
        </ul>
        <h3>{t('sharing.connect.neverSeeTitle')}</h3>
        <ul>
          <li>{t('sharing.connect.neverSee1')}</li>
          <li>{t('sharing.connect.neverSee2')}</li>
          <li>{t('sharing.connect.neverSee3')}</li>
        </ul>
      </div>
      <form onSubmit={(e) => void connect(e)} noValidate className="sharing-form">
        <label htmlFor={ids.code}>{t('sharing.connect.codeLabel')}</label>
        <p id={ids.hint} className="muted">{t('sharing.connect.codeHint')}</p>
        <input
          id={ids.code} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false}
          aria-invalid={error?.field === 'code'} aria-describedby={error?.field === 'code' ? `${ids.hint} ${ids.error}` : ids.hint}
        />
        <label htmlFor={ids.name}>{t('sharing.connect.nameLabel')}</label>
        <input id={ids.name} dir="auto" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="nickname" />
        <label htmlFor={languageId} className="sharing-check">
          <input id={languageId} type="checkbox" checked={shareLanguage} onChange={(e) => setShareLanguage(e.target.checked)} />{' '}
          {t('sharing.language.share')}
        </label>
        {error && <p id={ids.error} className="sharing-error" role="alert">{error.text}</p>}
        <button type="submit" className="button" disabled={busy}>{t('sharing.connect.submit')}</button>
      </form>
    </section>
  );
}
