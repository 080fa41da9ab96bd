// The manager's cover: which PA covers which, between which days (both included, UK days); assign and end.
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type Cover, ukDay } from '../shared/sharing/schemas.ts';
import { paFetch, PaHttpError } from './api.ts';
import { formatDay } from './i18n.ts';

type Pa = { id: string; name: string };

export function CoverSection() {
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), pa: useId(), cover: useId(), from: useId(), to: useId(), error: useId() };
  const [pas, setPas] = useState<Pa[]>([]);
  const [cover, setCover] = useState<Cover[]>([]);
  const [form, setForm] = useState({ paId: '', coverPaId: '', from: ukDay(), to: ukDay() });
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
  const [status, setStatus] = useState('');
  const day = (d: string) => formatDay(`${d}T12:00:00Z`, i18n.language);

  const load = useCallback(async () => {
    try {
      const [p, c] = await Promise.all([paFetch<{ pas: Pa[] }>('GET', '/manager/pas'), paFetch<{ cover: Cover[] }>('GET', '/manager/cover')]);
      setPas(p.pas);
      setCover(c.cover);
    } catch {
      setError({ field: null, text: t('pa.errors.server') });
    }
  }, [t]);
  // load() sets state only once its fetch has answered, never during the effect itself.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the rule cannot see past load()'s await
  useEffect(() => { void load(); }, [load]);

  async function assign(event: FormEvent) {
    event.preventDefault();
    if (!form.paId) return setError({ field: 'paId', text: t('pa.cover.choosePa') });
    if (!form.coverPaId || form.coverPaId === form.paId) return setError({ field: 'coverPaId', text: t('pa.cover.chooseOther') });
    if (!form.from || !form.to || form.to < form.from) return setError({ field: 'to', text: t('pa.cover.badDates') });
    try {
      await paFetch('POST', '/manager/cover', form);
      setError(null);
      setStatus(t('pa.cover.assigned'));
      await load();
    } catch (e) {
      setError({ field: e instanceof PaHttpError ? e.body.field ?? null : null, text: t('pa.errors.server') });
    }
  }

  const end = (c: Cover) => void paFetch('DELETE', `/manager/cover/${c.id}`).then(() => { setStatus(t('pa.cover.ended')); return load(); }, () => setError({ field: null, text: t('pa.errors.server') }));
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': ids.error } : {});

  return (
    <section aria-labelledby={ids.title} className="pa-section">
      <h2 id={ids.title}>{t('pa.cover.managerTitle')}</h2>
      <p>{t('pa.cover.managerExplain')}</p>
      {cover.length === 0 ? <p className="pa-muted">{t('pa.cover.none')}</p> : (
        <ul className="pa-codes">
          {cover.map((c) => {
            const line = t('pa.cover.line', { cover: c.coverPaName, pa: c.paName, from: day(c.from), to: day(c.to) });
            return (
              <li key={c.id} className="pa-card">
                <p>{line}</p>
                <button type="button" className="pa-button pa-button-secondary" onClick={() => end(c)} aria-label={`${t('pa.cover.end')}: ${line}`}>{t('pa.cover.end')}</button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="pa-form" onSubmit={(e) => void assign(e)} noValidate>
        <label htmlFor={ids.pa}>{t('pa.cover.pa')}</label>
        <select id={ids.pa} value={form.paId} onChange={(e) => setForm({ ...form, paId: e.target.value })} {...invalid('paId')}>
          <option value="">{t('pa.cover.choose')}</option>
          {pas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <label htmlFor={ids.cover}>{t('pa.cover.coverPa')}</label>
        <select id={ids.cover} value={form.coverPaId} onChange={(e) => setForm({ ...form, coverPaId: e.target.value })} {...invalid('coverPaId')}>
          <option value="">{t('pa.cover.choose')}</option>
          {pas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <label htmlFor={ids.from}>{t('pa.cover.from')}</label>
        <input id={ids.from} type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} {...invalid('from')} />
        <label htmlFor={ids.to}>{t('pa.cover.to')}</label>
        <input id={ids.to} type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} {...invalid('to')} />
        {error && <p id={ids.error} role="alert" className="pa-error">{error.text}</p>}
        <button type="submit" className="pa-button">{t('pa.cover.assign')}</button>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
