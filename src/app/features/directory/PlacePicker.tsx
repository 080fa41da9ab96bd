// "Where are you?": a postcode or district resolved offline, or the phone's location, only when asked.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { parsePostcode } from '../../../shared/directory/postcode.ts';
import { loadOutcodeCentroids, type Place, rememberPlace } from './place.ts';

type Props = { place?: Place; onChange: (place: Place | undefined) => void };

export function PlacePicker({ place, onChange }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const choose = (next: Place | undefined) => {
    rememberPlace(next);
    onChange(next);
  };

  const usePostcode = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePostcode(typed);
    if (!parsed.ok) {
      setError(t(parsed.reason === 'empty' ? 'directory.place.empty' : 'directory.place.notAPostcode'));
      return;
    }
    try {
      const centre = (await loadOutcodeCentroids()).get(parsed.outcode);
      if (!centre) {
        setError(t('directory.place.unknown', { outcode: parsed.outcode }));
        return;
      }
      setError('');
      choose({ ...centre, label: parsed.outcode });
    } catch {
      setError(t('directory.place.cantLoad'));
    }
  };

  const useLocation = () => {
    if (!('geolocation' in navigator)) {
      setError(t('directory.place.locationDenied'));
      return;
    }
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        setError('');
        choose({ lat: position.coords.latitude, lng: position.coords.longitude, label: '' });
      },
      () => {
        setBusy(false);
        setError(t('directory.place.locationDenied'));
      },
      { maximumAge: 10 * 60 * 1000, timeout: 20_000 },
    );
  };

  return (
    <section className="place-picker" aria-labelledby={`${inputId}-legend`}>
      <h2 id={`${inputId}-legend`}>{t('directory.place.legend')}</h2>
      {place && (
        <p className="place-picker__current" role="status">
          {t('directory.place.near', { place: place.label || t('directory.place.myLocation') })}{' '}
          <button type="button" className="button button-secondary" onClick={() => choose(undefined)}>{t('directory.place.clear')}</button>
        </p>
      )}
      <form className="place-picker__form" onSubmit={usePostcode} noValidate>
        <label htmlFor={inputId}>{t('directory.place.postcode')}</label>
        <span id={hintId} className="dir-hint">{t('directory.place.postcodeHint')}</span>
        <input
          id={inputId}
          className="text-input dir-input"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="postal-code"
          autoCapitalize="characters"
          dir="auto"
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        {error && <p id={errorId} className="dir-error" role="alert">{error}</p>}
        <button type="submit" className="button">{t('directory.place.usePostcode')}</button>
      </form>
      <button type="button" className="button button-secondary" onClick={useLocation} disabled={busy}>
        {busy ? t('directory.place.locating') : t('directory.place.useLocation')}
      </button>
    </section>
  );
}
