// The check-in form. New: a face tap saves at once, then details can be added to the same check-in.
// Edit (from History): everything shown, saved with "Save changes".
import type { ParseKeys } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type Mood, MOODS } from '../../../shared/checkinOptions.ts';
import type { Checkin } from '../../../shared/checkins.ts';
import { takeEarlyTap } from '../../shell/earlyTaps.ts';
import { useUnsavedInput } from '../../ui/draft.ts';
import { CheckinDetails, type Details } from './CheckinDetails.tsx';
import { type CheckinDraft, checkinDraftKey, clearDraft, readDraft, writeDraft } from './draft.ts';
import { MoodPicker } from './MoodPicker.tsx';
import { type CheckinAnswers, newCheckinId, saveCheckin } from './mutations.ts';

import './checkins.css';

type Props = {
  /** The check-in to edit; without it the form makes a new one. */
  existing?: Checkin;
  /** Where the half-filled form is kept between reloads. */
  draftKey: string;
  /** Called when the person is finished; `saved` says whether the last action saved something. */
  onDone?: (saved: boolean) => void;
  /** Called after every successful save (Today keeps the form open once the first tap saved). */
  onSaved?: () => void;
  /** Today: a face tapped on the prerendered page before the app listened counts as this form's first tap. */
  takesEarlyTap?: boolean;
};

type Notice = 'saved' | 'updated' | 'error' | 'draft' | undefined;

const detailsOf = (d: { hard: string[]; good: string[]; feelings: string[]; note: string }): Details => ({
  hard: [...d.hard], good: [...d.good], feelings: [...d.feelings], note: d.note,
});
const sameDetails = (a: Details, b: Details) => JSON.stringify(a) === JSON.stringify(b);
const EMPTY: Details = { hard: [], good: [], feelings: [], note: '' };

function startingState(existing: Checkin | undefined, draftKey: string): { draft: CheckinDraft; restored: boolean } {
  const draft = readDraft(draftKey);
  if (draft) return { draft, restored: true };
  if (existing) {
    return { draft: { savedId: existing.id, at: existing.at, mood: existing.mood, ...detailsOf(existing), expanded: true }, restored: false };
  }
  return { draft: { ...EMPTY, expanded: false }, restored: false };
}

export function CheckinForm({ existing, draftKey, onDone, onSaved, takesEarlyTap }: Props) {
  const { t } = useTranslation();
  const editing = existing !== undefined;
  const [{ draft: initial, restored }] = useState(() => startingState(existing, draftKey));
  const [draft, setDraft] = useState<CheckinDraft>(initial);
  // What is already saved, to know whether the form holds anything unsaved.
  const [saved, setSaved] = useState<{ mood?: Mood; details: Details }>(() =>
    existing ? { mood: existing.mood, details: detailsOf(existing) } : { mood: initial.savedId ? initial.mood : undefined, details: initial.savedId && !restored ? detailsOf(initial) : EMPTY },
  );
  // "We kept what you started writing" only when something was written or chosen, not after just a face.
  const keptSomething = restored && (initial.note.trim() !== '' || initial.hard.length + initial.good.length + initial.feelings.length > 0);
  const [notice, setNotice] = useState<Notice>(keptSomething ? 'draft' : undefined);
  const [busy, setBusy] = useState(false);
  const detailsId = useId();

  const details = detailsOf(draft);
  const dirty = !sameDetails(details, saved.details) || (editing && draft.mood !== saved.mood);
  useUnsavedInput(checkinDraftKey(draftKey), dirty);

  useEffect(() => {
    if (dirty || (!editing && draft.savedId)) writeDraft(draftKey, draft);
  }, [draft, dirty, editing, draftKey]);

  async function save(mood: Mood, nextDetails: Details, next: Notice): Promise<boolean> {
    setBusy(true);
    try {
      const id = draft.savedId ?? newCheckinId();
      const at = draft.at ?? new Date().toISOString();
      const answers = { mood, ...nextDetails } as CheckinAnswers;
      await saveCheckin(id, at, answers);
      setDraft((d) => ({ ...d, savedId: id, at, mood }));
      setSaved({ mood, details: nextDetails });
      setNotice(next);
      onSaved?.();
      return true;
    } catch {
      setNotice('error');
      return false;
    } finally {
      setBusy(false);
    }
  }

  function pickMood(mood: Mood) {
    setDraft((d) => ({ ...d, mood }));
    // A new check-in is saved by the tap itself; the details so far stay unsaved until "Save".
    if (!editing) void save(mood, saved.details, draft.savedId ? 'updated' : 'saved');
  }

  async function saveDetails() {
    if (!draft.mood) return;
    if (await save(draft.mood, details, 'updated')) finish(true);
  }

  function finish(savedNow: boolean) {
    clearDraft(draftKey);
    onDone?.(savedNow);
  }

  // Once, when the form is live: a face tapped on the painted page before React listened (shell/earlyTaps.ts) is
  // delivered from outside React now, exactly as if tapped here, so it is saved once and never lost.
  useEffect(() => {
    const mood = takesEarlyTap && !editing ? Number(takeEarlyTap('mood')) : NaN;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an event from outside React, taken once at mount
    if (isMood(mood)) pickMood(mood);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once at mount: the early tap is taken (and gone) then
  }, []);

  const showDetails = editing || draft.expanded;
  return (
    <div className="checkin-form">
      <MoodPicker value={draft.mood} onPick={pickMood} disabled={busy} />
      <p role="status" className={notice === 'error' ? 'error-message' : 'status-message'}>
        {notice && t(noticeKey(notice, !!draft.savedId) as ParseKeys)}
      </p>
      {!editing && draft.savedId && !draft.expanded && (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={false}
            aria-controls={detailsId}
            onClick={() => setDraft((d) => ({ ...d, expanded: true }))}
          >
            {t('checkin.addMore')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => finish(true)}>
            {t('checkin.done')}
          </button>
        </div>
      )}
      {showDetails && (
        <div id={detailsId}>
          <CheckinDetails value={details} onChange={(next) => setDraft((d) => ({ ...d, ...next }))} />
          <div className="button-row">
            <button type="button" className="button" disabled={busy || !draft.mood} onClick={() => void saveDetails()}>
              {t(editing ? 'checkin.saveChanges' : 'checkin.save')}
            </button>
            {editing && (
              <button type="button" className="button button-secondary" onClick={() => finish(false)}>
                {t('checkin.cancel')}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

const isMood = (value: number): value is Mood => (MOODS as readonly number[]).includes(value);

function noticeKey(notice: Exclude<Notice, undefined>, saved: boolean): string {
  if (notice === 'draft') return 'checkin.draftKept';
  if (notice === 'error') return 'checkin.error';
  if (notice === 'saved') return saved ? 'checkin.saved' : 'checkin.error';
  return 'checkin.updated';
}
