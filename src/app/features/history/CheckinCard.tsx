// One past check-in: face and word, what was hard or good, feelings, the note; edit in place or delete after a check.
import type { ParseKeys } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Checkin } from '../../../shared/checkins.ts';
import { deleteRecord } from '../../data/records.ts';
import { formatList, formatTime } from '../../i18n/format.ts';
import { CheckinForm } from '../checkins/CheckinForm.tsx';
import { readDraft } from '../checkins/draft.ts';
import { MoodFace } from '../checkins/MoodFace.tsx';
import ShareToggle from '../sharing/ShareToggle.tsx';

type Props = { checkin: Checkin; onDeleted: () => void; onEdited: () => void };

export function CheckinCard({ checkin, onDeleted, onEdited }: Props) {
  const { t } = useTranslation();
  const draftKey = `edit:${checkin.id}`;
  // Reopen the edit form after a reload if there was unsaved editing.
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>(() => (readDraft(draftKey) ? 'edit' : 'view'));
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'confirm-delete') keepRef.current?.focus();
  }, [mode]);

  const mood = t(`checkin.mood.${checkin.mood}`);
  const list = (keys: string[], prefix: string) => formatList(keys.map((k) => t(`${prefix}.${k}` as ParseKeys)));

  if (mode === 'edit') {
    return (
      <li className="card checkin-card">
        <h3>{t('history.editTitle')}</h3>
        <CheckinForm
          existing={checkin}
          draftKey={draftKey}
          onDone={(saved) => {
            setMode('view');
            if (saved) onEdited();
          }}
        />
      </li>
    );
  }

  return (
    <li className="card checkin-card">
      <p className="checkin-card-mood">
        <MoodFace mood={checkin.mood} className="checkin-card-face" />
        <span>
          <strong>{mood}</strong> <span className="muted">{formatTime(checkin.at)}</span>
        </span>
      </p>
      {checkin.hard.length > 0 && <p><span className="hard-label">{t('history.hardLabel')}</span> {list(checkin.hard, 'checkin.areas')}</p>}
      {checkin.good.length > 0 && <p><span className="good-label">{t('history.goodLabel')}</span> {list(checkin.good, 'checkin.areas')}</p>}
      {checkin.feelings.length > 0 && <p><span className="muted">{t('history.feelingsLabel')}</span> {list(checkin.feelings, 'checkin.feelings')}</p>}
      {checkin.note && <p dir="auto" className="checkin-card-note">{checkin.note}</p>}
      {mode === 'view' && <ShareToggle kind="checkin" id={checkin.id} />}
      {mode === 'confirm-delete' ? (
        <div role="group" aria-labelledby={`confirm-${checkin.id}`} className="confirm-delete">
          <p id={`confirm-${checkin.id}`}>
            {t('history.deleteConfirm')}
            {/* Deleting it removes the PA's copy too (when the change reaches the server): say so before, not after. */}
            {checkin.sharedWithPa && <> {t('sharing.toggle.deleteRemovesCopy')}</>}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              onClick={async () => {
                await deleteRecord('checkin', checkin.id);
                onDeleted();
              }}
            >
              {t('history.deleteYes')}
            </button>
            <button ref={keepRef} type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('history.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-secondary" aria-label={`${t('history.edit')}: ${mood}, ${formatTime(checkin.at)}`} onClick={() => setMode('edit')}>
            {t('history.edit')}
          </button>
          <button type="button" className="button button-secondary" aria-label={`${t('history.delete')}: ${mood}, ${formatTime(checkin.at)}`} onClick={() => setMode('confirm-delete')}>
            {t('history.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
