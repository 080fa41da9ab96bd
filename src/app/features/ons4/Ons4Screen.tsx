// The four ONS personal wellbeing questions, in their exact wording; skippable, then shown back with a trend.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { isShippedLanguage } from '../../../shared/languages.ts';
import type { Ons4 } from '../../../shared/ons4.ts';
import { ONS4_ITEMS, type Ons4Item } from '../../../shared/ons4Bands.ts';
import { saveRecord } from '../../data/records.ts';
import { ReadAloud } from '../../i18n/ReadAloud.tsx';
import { clearDraft, readDraft, useUnsavedInput, writeDraft } from '../../ui/draft.ts';
import ShareToggle from '../sharing/ShareToggle.tsx';
import { Ons4Question } from './Ons4Question.tsx';
import { Ons4Results } from './Ons4Results.tsx';
import { Ons4Trend } from './Ons4Trend.tsx';
import { useOns4Answers } from './queries.ts';

import './ons4.css';

type Answers = Partial<Record<Ons4Item, number>>;
const DRAFT_KEY = 'ons4';
const ERROR_ID = 'ons4-error';


export default function Ons4Screen() {
  const { t, i18n } = useTranslation();
  const [showEnglish, setShowEnglish] = useState(false);
  const [answers, setAnswers] = useState<Answers>(() => readDraft<Answers>(DRAFT_KEY) ?? {});
  const [problem, setProblem] = useState<'missing' | 'error' | undefined>();
  const [saved, setSaved] = useState<Ons4 | undefined>();
  const history = useOns4Answers();
  const dirty = !saved && Object.keys(answers).length > 0;
  useUnsavedInput(DRAFT_KEY, dirty);

  useEffect(() => {
    if (dirty) writeDraft(DRAFT_KEY, answers);
    else clearDraft(DRAFT_KEY);
  }, [answers, dirty]);

  const missing = ONS4_ITEMS.filter((item) => answers[item] === undefined);

  async function save() {
    if (missing.length > 0) {
      setProblem('missing');
      document.querySelector<HTMLInputElement>(`#ons4-${missing[0]} input`)?.focus();
      return;
    }
    const now = new Date().toISOString();
    const record: Ons4 = {
      id: crypto.randomUUID(), at: now,
      life: answers.life!, worthwhile: answers.worthwhile!, happy: answers.happy!, anxious: answers.anxious!,
      sharedWithPa: false, updatedAt: now,
      ...(isShippedLanguage(i18n.language) ? { language: i18n.language } : {}),
    };
    try {
      await saveRecord('ons4', record);
      setProblem(undefined);
      setSaved(record);
      window.scrollTo?.(0, 0);
    } catch {
      setProblem('error');
    }
  }

  if (saved) {
    return (
      <div className="ons4">
        <h1>{t('ons4.title')}</h1>
        <p role="status" className="status-message">{t('ons4.results.thanks')}</p>
        <Ons4Results answers={saved} />
        <ShareToggle kind="ons4" id={saved.id} connectHint />
        <Ons4Trend history={history ?? [saved]} />
        <p><Link to="/" className="button">{t('ons4.results.done')}</Link></p>
      </div>
    );
  }

  return (
    <div className="ons4">
      <h1>{t('ons4.title')}</h1>
      <ReadAloud from=".ons4 form" />
      <p>{t('ons4.intro')}</p>
      {/* Only the English wording is validated: say so in one line, and let them see the original. */}
      {i18n.language !== 'en' && (
        <p className="ons4-language">
          {t('ons4.language.notValidated')}{' '}
          <button type="button" className="link-button" aria-pressed={showEnglish} onClick={() => setShowEnglish((s) => !s)}>
            {showEnglish ? t('ons4.language.hideEnglish') : t('ons4.language.showEnglish')}
          </button>
        </p>
      )}
      <p className="muted">
        {t('ons4.skipHint')} <Link to="/">{t('ons4.skip')}</Link>
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {ONS4_ITEMS.map((item) => (
          <Ons4Question
            key={item}
            item={item}
            showEnglish={showEnglish && i18n.language !== 'en'}
            value={answers[item]}
            errorId={problem === 'missing' && answers[item] === undefined ? ERROR_ID : undefined}
            onChange={(score) => setAnswers((a) => ({ ...a, [item]: score }))}
          />
        ))}
        <p id={ERROR_ID} role="alert" className="error-message">
          {problem === 'missing' && missing.length > 0 ? t('ons4.missing') : problem === 'error' ? t('ons4.error') : ''}
        </p>
        <div className="button-row">
          <button type="submit" className="button">{t('ons4.save')}</button>
          <Link to="/" className="button button-secondary">{t('ons4.skip')}</Link>
        </div>
      </form>
      {history && history.length > 0 && <Ons4Trend history={history} />}
    </div>
  );
}
