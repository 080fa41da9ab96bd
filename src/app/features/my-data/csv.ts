// Check-ins and appointments as spreadsheets, in the reader's language, that open right in Excel, LibreOffice
// and Numbers: UTF-8 with a byte-order mark (or Excel guesses the encoding wrongly) and no cell run as a formula.
import type { TFunction } from 'i18next';

import type { Appointment } from '../../../shared/appointments/schema.ts';
import type { Checkin } from '../../../shared/checkins.ts';
import { formatDateTime, formatList } from '../../i18n/format.ts';

const BOM = '\uFEFF';
// A cell starting with one of these is a formula to a spreadsheet (CSV injection); a leading ' makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: formulas neutralised, quoted when it holds a comma, quote or line break.
 * @internal exported for its tests (knip --production)
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsv(rows: string[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function checkinsCsv(checkins: Checkin[], t: TFunction): string {
  const areas = (list: string[]) => formatList(list.map((a) => t(`checkin.areas.${a}` as 'checkin.areas.home')));
  const rows = [...checkins].sort((a, b) => a.at.localeCompare(b.at)).map((c) => [
    formatDateTime(c.at),
    t(`checkin.mood.${c.mood}` as 'checkin.mood.1'),
    areas(c.hard),
    areas(c.good),
    formatList(c.feelings.map((f) => t(`checkin.feelings.${f}` as 'checkin.feelings.calm'))),
    c.note,
  ]);
  const header = [t('appointments.detail.when'), t('settings.myData.mood'), t('checkin.hard.question'), t('checkin.good.question'),
    t('checkin.feelings.question'), t('appointments.detail.notes')];
  return toCsv([header, ...rows]);
}

export function appointmentsCsv(appointments: Appointment[], t: TFunction): string {
  const status = (a: Appointment) =>
    a.status === 'cancelled' ? t('appointments.cancelled')
      : a.outcome === 'went' ? t('appointments.went')
        : a.outcome === 'couldnt-go' ? t('appointments.couldntGo') : '';
  const rows = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((a) => [
    formatDateTime(a.startsAt),
    a.title,
    a.serviceName ? (a.place ? `${a.serviceName}, ${a.place}` : a.serviceName) : a.place,
    a.notes,
    status(a),
  ]);
  const header = [t('appointments.detail.when'), t('appointments.form.what'), t('appointments.detail.where'),
    t('appointments.detail.notes'), t('settings.myData.status')];
  return toCsv([header, ...rows]);
}
