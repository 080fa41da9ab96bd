// The connection itself: the PA's own label for this young person (only the PA sees it), and removing a stale one.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { NAME_MAX } from '../../shared/sharing/schemas.ts';
import { paFetch } from '../api.ts';

export function Connection({ personId, name, label, onSaved }: { personId: string; name: string; label: string | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = { label: useId(), hint: useId(), title: useId() };
  const [text, setText] = useState(label ?? '');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await paFetch('PUT', `/pa/people/${personId}/label`, { label: text });
      setStatus(t('pa.connection.labelSaved'));
      onSaved();
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  async function remove() {
    if (!window.confirm(t('pa.connection.removeConfirm', { name }))) return;
    try {
      await paFetch('DELETE', `/pa/people/${personId}`);
      void navigate('/');
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  return (
    <section aria-labelledby={ids.title} className="pa-section">
      <h2 id={ids.title}>{t('pa.connection.title')}</h2>
      <form className="pa-form" onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor={ids.label}>{t('pa.connection.label')}</label>
        <p id={ids.hint} className="pa-muted">{t('pa.connection.labelHint', { max: NAME_MAX })}</p>
        <input id={ids.label} dir="auto" maxLength={NAME_MAX} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={ids.hint} />
        <button type="submit" className="pa-button pa-button-secondary">{t('pa.connection.saveLabel')}</button>
        <p role="status">{status}</p>
      </form>
      {error && <p role="alert" className="pa-error">{error}</p>}
      <p className="pa-muted">{t('pa.connection.removeExplain')}</p>
      <button type="button" className="pa-button pa-button-danger" onClick={() => void remove()}>{t('pa.connection.remove')}</button>
    </section>
  );
}
