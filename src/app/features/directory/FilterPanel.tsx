// Filters that combine: what you need, open now, for care leavers, age, language, free, walk-in, remote, saved.
// Only what the directory holds is offered (no "Food" when no service gives food, no language list when no
// service names a language), and the panel stays open until the person closes it, even as the last filter goes.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Category } from '../../../shared/directory/types.ts';
import { intlLocale } from '../../../shared/languages.ts';
import { FLAG_PARAMS } from './filters.ts';

type Props = { params: URLSearchParams; languages: string[]; categories: Category[]; onChange: (params: URLSearchParams) => void };

const FLAG_LABELS = { open: 'openNow', cl: 'careLeavers', o25: 'over25', free: 'free', walk: 'walkIn', remote: 'remote', saved: 'saved' } as const;

export function FilterPanel({ params, languages, categories, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    onChange(next);
  };
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([intlLocale(i18n.language)], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const activeCount = [...params.keys()].filter((k) => k !== 'q').length;
  // Opened by the person (or by arriving with filters on), closed only by them: never by a change of filters.
  const [open, setOpen] = useState(activeCount > 0);
  const chosenCategory = params.get('cat');
  const offered = chosenCategory && !(categories as string[]).includes(chosenCategory) ? [...categories, chosenCategory as Category] : categories;

  return (
    <details className="filter-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="filter-panel__summary">{t('directory.filters.title')}{activeCount > 0 ? ` (${activeCount})` : ''}</summary>
      <div className="filter-panel__body">
        <label htmlFor={`${id}-cat`}>{t('directory.filters.category')}</label>
        <select id={`${id}-cat`} className="text-input dir-input" value={params.get('cat') ?? ''} onChange={(e) => set('cat', e.target.value || undefined)}>
          <option value="">{t('directory.filters.anyCategory')}</option>
          {offered.map((c) => <option key={c} value={c}>{t(`directory.categories.${c}`)}</option>)}
        </select>

        <fieldset className="filter-panel__flags">
          <legend className="visually-hidden">{t('directory.filters.title')}</legend>
          {[...FLAG_PARAMS, 'saved' as const].map((flag) => (
            <label key={flag} className="dir-check">
              <input type="checkbox" checked={params.get(flag) === '1'} onChange={(e) => set(flag, e.target.checked ? '1' : undefined)} />
              {t(`directory.filters.${FLAG_LABELS[flag]}`)}
            </label>
          ))}
        </fieldset>

        <label htmlFor={`${id}-age`}>{t('directory.filters.age')}</label>
        <input id={`${id}-age`} className="text-input dir-input dir-input--short" type="number" inputMode="numeric" min={10} max={99}
          value={params.get('age') ?? ''} onChange={(e) => set('age', e.target.value || undefined)} />

        {languages.length > 0 && (
          <>
            <label htmlFor={`${id}-lang`}>{t('directory.filters.language')}</label>
            <select id={`${id}-lang`} className="text-input dir-input" value={params.get('lang') ?? ''} onChange={(e) => set('lang', e.target.value || undefined)}>
              <option value="">{t('directory.filters.anyLanguage')}</option>
              {languages.map((code) => <option key={code} value={code}>{languageName(code)}</option>)}
            </select>
          </>
        )}

        {activeCount > 0 && (
          <button type="button" className="button button-secondary" onClick={() => onChange(new URLSearchParams(params.get('q') ? { q: params.get('q')! } : {}))}>
            {t('directory.filters.clear')}
          </button>
        )}
      </div>
    </details>
  );
}
