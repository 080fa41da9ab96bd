// History: a chart of mood over time, the four wellbeing questions' answers and their trend (any time, not only
// straight after answering), then every check-in by day, each editable and deletable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { formatDay } from '../../i18n/format.ts';
import { Ons4Trend } from '../ons4/Ons4Trend.tsx';
import { useOns4Answers } from '../ons4/queries.ts';
import { CheckinCard } from './CheckinCard.tsx';
import { MoodChart } from './MoodChart.tsx';
import { dayKeyToDate, groupByDay } from './moodOverTime.ts';
import { useCheckins } from './queries.ts';

import '../ons4/ons4.css';
import './history.css';

export default function HistoryScreen() {
  const { t } = useTranslation();
  const checkins = useCheckins();
  const ons4 = useOns4Answers();
  const [message, setMessage] = useState<'deleted' | 'updated' | undefined>();

  return (
    <div className="history">
      <h1>{t('history.title')}</h1>
      <p role="status" className="status-message">
        {message === 'deleted' ? t('history.deleted') : message === 'updated' ? t('checkin.updated') : ''}
      </p>
      {checkins && checkins.length === 0 && (
        <div className="card history-empty">
          <p>{t('history.empty')}</p>
          <Link to="/" className="button">{t('history.emptyAction')}</Link>
        </div>
      )}
      {ons4 && ons4.length > 0 && (
        <>
          <Ons4Trend history={ons4} />
          <p><Link to="/ons4">{t('ons4.invite.start')}</Link></p>
        </>
      )}
      {checkins && checkins.length > 0 && (
        <>
          <MoodChart checkins={checkins} />
          {groupByDay(checkins).map(({ day, checkins: ofDay }) => (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`} className="history-day">{formatDay(dayKeyToDate(day))}</h2>
              <ul className="checkin-list">
                {ofDay.map((c) => (
                  <CheckinCard key={c.id} checkin={c} onDeleted={() => setMessage('deleted')} onEdited={() => setMessage('updated')} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
