// What one shared item says, in the PA page's words: a request (and which appointment), wellbeing answers or a check-in.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { SharedItem } from '../../shared/sharing/schemas.ts';
import { formatWhen } from '../i18n.ts';
import { textOf } from './text.ts';

const ONS4 = ['life', 'worthwhile', 'happy', 'anxious'] as const;

export function ItemBody({ item }: { item: SharedItem }) {
  const { t, i18n } = useTranslation();
  const d = item.data;
  const list = (v: unknown, words: string) => (Array.isArray(v) ? v.map((k) => t(`checkin.${words}.${String(k)}` as ParseKeys)).join(', ') : '');
  if (item.kind === 'request') {
    const appointment = d.appointment as { title?: unknown; startsAt?: unknown } | undefined;
    const travel = Array.isArray(d.travelHelp) ? d.travelHelp.map((k) => t(`sharing.appointment.travel.${String(k)}` as ParseKeys)).join(i18n.language === 'ar' ? '، ' : ', ') : '';
    return (
      <>
        <p className="pa-item-title">{t(`sharing.requests.${String(d.request)}` as ParseKeys)}{d.about ? <> · <span dir="auto">{textOf(d.about)}</span></> : null}</p>
        {appointment && typeof appointment.startsAt === 'string' && (
          <p>{t('sharing.appointment.about')} <bdi>{String(appointment.title)}</bdi>{i18n.language === 'ar' ? '، ' : ', '}{formatWhen(appointment.startsAt, i18n.language)}</p>
        )}
        {travel && <p>{t('sharing.appointment.travelAsked', { list: travel })}</p>}
      </>
    );
  }
  if (item.kind === 'ons4') {
    return (
      <dl className="pa-ons4">
        {ONS4.map((k) => <div key={k}><dt>{t(`pa.person.ons4.${k}`)}</dt><dd>{String(d[k])} / 10</dd></div>)}
      </dl>
    );
  }
  return (
    <>
      <p className="pa-item-title">{t('pa.person.mood', { mood: t(`sharing.moods.${String(d.mood)}` as ParseKeys) })}</p>
      {list(d.feelings, 'feelings') && <p>{t('pa.person.feelings')} {list(d.feelings, 'feelings')}</p>}
      {list(d.hard, 'areas') && <p>{t('pa.person.hard')} {list(d.hard, 'areas')}</p>}
      {list(d.good, 'areas') && <p>{t('pa.person.good')} {list(d.good, 'areas')}</p>}
      {d.note ? <p>{t('pa.person.note')} <span dir="auto">{textOf(d.note)}</span></p> : null}
    </>
  );
}
