// The first screen: a greeting and the quick check-in (one tap on a face is enough), then gentle extras.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ParseKeys } from 'i18next';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { formatTime } from '../../i18n/format.ts';
import { lazyWithWords } from '../../i18n/lazyWithWords.ts';
import { NextAppointmentSlot } from '../appointments/NextAppointmentSlot.tsx';
import { TodayPlanLine } from '../plan/TodayPlanLine.tsx';
import { greetingKey, mayHaveCheckedInToday, rememberCheckinToday } from './checkedInToday.ts';
import { CheckinForm } from './CheckinForm.tsx';
import { readDraft } from './draft.ts';
import { MoodFace } from './MoodFace.tsx';
import { Ons4InviteSlot } from './Ons4InviteSlot.tsx';
import { latestCheckinToday } from './queries.ts';

const DRAFT_KEY = 'today';
// Sharing code loads only when a check-in is on screen, never with the first route.
const ShareToggle = lazyWithWords(() => import('../sharing/ShareToggle.tsx'));
// The PIN offer, after a check-in is saved: its own small chunk.
const PinOffer = lazyWithWords(() => import('../pin-lock/PinOffer.tsx'));

export function TodayScreen() {
  const { t } = useTranslation();
  // 'form' while a check-in is being made (also after a reload mid-way), 'done' after finishing one.
  const [stage, setStage] = useState<'form' | 'done' | undefined>(() => (readDraft(DRAFT_KEY) ? 'form' : undefined));
  const [justSaved, setJustSaved] = useState(false);
  // A new key for each "Check in again", so the form starts empty.
  const [round, setRound] = useState(0);
  const latest = useLiveQuery(() => latestCheckinToday(), []);
  // Until the database answers, draw the form at once unless this phone last showed a check-in from today.
  const [formAtOnce] = useState(() => !mayHaveCheckedInToday());
  const showForm = stage === 'form' || (stage === undefined && (latest === null || (latest === undefined && formAtOnce)));
  useEffect(() => {
    if (latest !== undefined) rememberCheckinToday(latest !== null);
  }, [latest]);

  return (
    <div className="today">
      <h1>{t(greetingKey() as ParseKeys)}</h1>
      {showForm && (
        <CheckinForm
          key={round}
          draftKey={DRAFT_KEY}
          takesEarlyTap
          onSaved={() => setStage('form')}
          onDone={(saved) => {
            setJustSaved(saved);
            setStage('done');
          }}
        />
      )}
      {!showForm && latest && (
        <section className="card today-summary" aria-labelledby="today-summary-text">
          <p id="today-summary-text" className="today-summary-text">
            <MoodFace mood={latest.mood} className="today-summary-face" />
            {t('today.lastCheckin', { time: formatTime(latest.at), mood: t(`checkin.mood.${latest.mood}`) })}
          </p>
          <p role="status" className="status-message">{justSaved ? t('checkin.updated') : ''}</p>
          <Suspense fallback={null}><ShareToggle kind="checkin" id={latest.id} connectHint /></Suspense>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setJustSaved(false);
              setRound((r) => r + 1);
              setStage('form');
            }}
          >
            {t('today.checkInAgain')}
          </button>
        </section>
      )}
      {!showForm && latest && <Suspense fallback={null}><PinOffer /></Suspense>}
      <NextAppointmentSlot />
      <TodayPlanLine />
      {/* Not while a check-in is being filled in: one question at a time. */}
      {!showForm && <Ons4InviteSlot />}
      <p>
        <Link to="/history" className="link-target">{t('today.historyLink')}</Link>
      </p>
      <p>
        <Link to="/plan" className="link-target">{t('plan.link')}</Link>
      </p>
    </div>
  );
}
