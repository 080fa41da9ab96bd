// Five big faces with words; one tap is a whole check-in.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { type Mood, MOODS } from '../../../shared/checkinOptions.ts';
import { MoodFace } from './MoodFace.tsx';

type Props = { value?: Mood; onPick: (mood: Mood) => void; disabled?: boolean };

export function MoodPicker({ value, onPick, disabled }: Props) {
  const { t } = useTranslation();
  const questionId = useId();
  return (
    <div role="group" aria-labelledby={questionId} className="mood-picker">
      <h2 id={questionId} className="mood-question">{t('checkin.mood.question')}</h2>
      <div className="mood-faces">
        {MOODS.map((mood) => (
          <button
            key={mood}
            type="button"
            className={`mood-face mood-${mood}`}
            aria-pressed={value === mood}
            disabled={disabled}
            onClick={() => onPick(mood)}
          >
            <MoodFace mood={mood} className="mood-emoji" />
            <span className="mood-word">{t(`checkin.mood.${mood}`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
