// The optional parts of a check-in: what's hard, what's going well, feeling words and a private note.
import type { ParseKeys } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { FEELINGS, LIFE_AREAS, NOTE_MAX } from '../../../shared/checkinOptions.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ChipGroup } from './ChipGroup.tsx';

export type Details = { hard: string[]; good: string[]; feelings: string[]; note: string };

type Props = { value: Details; onChange: (next: Details) => void };

const toggle = (list: string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);

export function CheckinDetails({ value, onChange }: Props) {
  const { t } = useTranslation();
  const noteId = useId();
  const area = (key: string) => t(`checkin.areas.${key}` as ParseKeys);
  return (
    <div className="checkin-details">
      <p className="muted">{t('checkin.optional')}</p>
      <ChipGroup
        legend={t('checkin.hard.question')}
        options={LIFE_AREAS}
        labelOf={area}
        selected={value.hard}
        // A part of life is either hard or going well, so choosing one side takes it off the other.
        onToggle={(key) => onChange({ ...value, hard: toggle(value.hard, key), good: value.good.filter((k) => k !== key) })}
      />
      <ChipGroup
        legend={t('checkin.good.question')}
        options={LIFE_AREAS}
        labelOf={area}
        selected={value.good}
        onToggle={(key) => onChange({ ...value, good: toggle(value.good, key), hard: value.hard.filter((k) => k !== key) })}
      />
      <ChipGroup
        legend={t('checkin.feelings.question')}
        options={FEELINGS}
        labelOf={(key) => t(`checkin.feelings.${key}` as ParseKeys)}
        selected={value.feelings}
        onToggle={(key) => onChange({ ...value, feelings: toggle(value.feelings, key) })}
      />
      <div className="note-field">
        <label htmlFor={noteId} className="chip-legend">{t('checkin.note.label')}</label>
        <p id={`${noteId}-hint`} className="muted">{t('checkin.note.hint')}</p>
        <textarea
          id={noteId}
          dir="auto"
          rows={4}
          maxLength={NOTE_MAX}
          aria-describedby={`${noteId}-hint ${noteId}-count`}
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.target.value })}
        />
        <p id={`${noteId}-count`} className="muted note-count">
          {t('checkin.note.count', { used: formatNumber(value.note.length), max: formatNumber(NOTE_MAX) })}
        </p>
      </div>
    </div>
  );
}
