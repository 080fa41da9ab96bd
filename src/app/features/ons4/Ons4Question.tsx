// One ONS question answered by tapping one of eleven numbers, 0 to 10 (a real radio group, no slider).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { htmlLang } from '../../../shared/languages.ts';
import type { Ons4Item } from '../../../shared/ons4Bands.ts';
import { formatNumber } from '../../i18n/format.ts';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

type Props = { item: Ons4Item; value?: number; onChange: (score: number) => void; errorId?: string; showEnglish?: boolean };

export function Ons4Question({ item, value, onChange, errorId, showEnglish }: Props) {
  const { t, i18n } = useTranslation();
  const anchorsId = useId();
  const describedBy = [anchorsId, errorId].filter(Boolean).join(' ');
  return (
    <fieldset className="ons4-question" aria-describedby={describedBy} id={`ons4-${item}`}>
      <legend>{t(`ons4.items.${item}.question`)}</legend>
      {showEnglish && <p className="ons4-english" lang={htmlLang('en')} dir="ltr">{i18n.getFixedT('en')(`ons4.items.${item}.question`)}</p>}
      <div className="ons4-scale">
        {SCORES.map((score) => (
          <label key={score} className="ons4-score">
            <input type="radio" name={`ons4-${item}`} value={score} checked={value === score} onChange={() => onChange(score)} />
            <span>{formatNumber(score)}</span>
          </label>
        ))}
      </div>
      <p id={anchorsId} className="ons4-anchors">
        <span>{t(`ons4.items.${item}.low`)}</span>
        <span>{t(`ons4.items.${item}.high`)}</span>
      </p>
    </fieldset>
  );
}
