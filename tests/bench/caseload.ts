// The PA's caseload at its biggest: 42 young people with a year of shared items each (365: a check-in a day, some
// requests among them), on SQLite and PostgreSQL. Measured, p95 of BENCH_CASELOAD_RUNS loads each:
//   - the caseload: GET /pa/caseload (server, in process, no network) + parsing it + a first render of the page's
//     glance and cards (react-dom/server), target ≤ 300 ms;
//   - one person's page with 365 items: GET /pa/people/:id + parse + a first render of its trend chart and item cards
//     (grouped as the page groups them), target ≤ 200 ms;
// beside the anchors: a plain indexed query of the same rows (select * from shares where pa_id = ?), and for the
// person page of that person's rows (… where pa_id = ? and person_id = ?, the shares_pa_person index).
// Invented data only ("Example …"). Run alone: node --import tsx tests/bench/caseload.ts
import { randomUUID } from 'node:crypto';

import i18n from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';

import en from '../../locales/en.json' with { type: 'json' };
import { Card, Glance } from '../../src/pa/CaseloadPage.tsx';
import { type PersonView, SharedItems } from '../../src/pa/PersonPage.tsx';
import { TrendChart } from '../../src/pa/TrendChart.tsx';
import { buildServer } from '../../src/server/app.ts';
import { createStaffUser } from '../../src/server/sharing/accounts.ts';
import type { CaseloadEntry } from '../../src/shared/sharing/caseload.ts';
import { type DialectName, freshDatabase } from '../server/helpers/databases.ts';

// BENCH_CASELOAD_PEOPLE only to try the bench quickly; the figure is for 42.
const PEOPLE = Number(process.env.BENCH_CASELOAD_PEOPLE || 42);
const DAYS = 365;
const RUNS = Number(process.env.BENCH_CASELOAD_RUNS || 40);
const HOST = 'care.example.test';
const ORIGIN = `https://${HOST}`;

export type CaseloadBench = { database: string; caseloadP95: number; caseloadMedian: number; personP95: number; personAnchorP95: number; anchorP95: number; rows: number };

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];

function render(caseload: CaseloadEntry[]): string {
  return renderToString(createElement(MemoryRouter, null, createElement(Glance, { caseload }), createElement('ul', null, caseload.map((entry) => createElement(Card, { key: entry.personId, entry })))));
}

/** The person page's first render of what the server sent: the trend chart and the item cards, as the page draws them. */
function renderPerson(view: PersonView): string {
  return renderToString(createElement(MemoryRouter, null, createElement(TrendChart, { shares: view.shares }),
    createElement(SharedItems, { shares: view.shares, personId: view.person.id, name: view.person.name, onChanged: () => undefined })));
}

async function benchOne(dialect: DialectName): Promise<CaseloadBench> {
  const database = await freshDatabase(dialect);
  const app = await buildServer(database.config);
  try {
    const db = app.store.db;
    const password = 'example bench passphrase 42';
    const { user } = await createStaffUser(db, { email: `bench-${randomUUID().slice(0, 6)}@example.test`, role: 'pa', council: 'Example Council', name: 'Example PA', password });
    const login = await app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email: user.email, password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const start = Date.UTC(2025, 11, 1, 9);
    const now = new Date().toISOString();
    const people: string[] = [];
    for (let p = 0; p < PEOPLE; p++) {
      const personId = randomUUID();
      people.push(personId);
      await db.insertInto('people').values({ id: personId, created_at: now }).execute();
      await db.insertInto('pa_links').values({ person_id: personId, pa_id: user.id, council: 'Example Council', name: `Example Person ${p + 1}`, linked_at: now, language: null }).execute();
      const rows = Array.from({ length: DAYS }, (_, d) => {
        const at = new Date(start + d * 86_400_000).toISOString();
        const request = d % 30 === 29;
        const data = request
          ? { request: 'call-me', about: '', at }
          : { at, mood: (d + p) % 5 + 1, feelings: ['tired'], hard: d % 11 === 0 ? ['money'] : [], good: ['people'], note: `Example note ${d}` };
        return { id: randomUUID(), person_id: personId, pa_id: user.id, kind: request ? 'request' : 'checkin', data: JSON.stringify(data), shared_at: at, seen_at: d < DAYS - 3 ? at : null, reply: null };
      });
      for (let i = 0; i < rows.length; i += 100) await db.insertInto('shares').values(rows.slice(i, i + 100)).execute();
    }
    const headers = { host: HOST, origin: ORIGIN, cookie };
    const caseload: number[] = [];
    const person: number[] = [];
    const anchor: number[] = [];
    const personAnchor: number[] = [];
    let html = '';
    let personHtml = '';
    for (let i = 0; i < RUNS + 3; i++) {
      // Take turns, so a busy moment on the machine hits each alike; the first 3 rounds warm up.
      let t = performance.now();
      const res = await app.inject({ method: 'GET', url: '/api/v1/pa/caseload', headers });
      html = render((JSON.parse(res.body) as { caseload: CaseloadEntry[] }).caseload);
      const c = performance.now() - t;
      t = performance.now();
      const page = await app.inject({ method: 'GET', url: `/api/v1/pa/people/${people[i % PEOPLE]}`, headers });
      personHtml = renderPerson(JSON.parse(page.body) as PersonView);
      const pp = performance.now() - t;
      t = performance.now();
      const own = await db.selectFrom('shares').selectAll().where('pa_id', '=', user.id).where('person_id', '=', people[i % PEOPLE]).execute();
      const pa = performance.now() - t;
      t = performance.now();
      const raw = await db.selectFrom('shares').selectAll().where('pa_id', '=', user.id).execute();
      const a = performance.now() - t;
      if (raw.length !== PEOPLE * DAYS || own.length !== DAYS || res.statusCode !== 200 || page.statusCode !== 200 || !html.includes('Example Person 1') || !personHtml.includes(`Example note ${DAYS - 1}<`)) throw new Error('caseload bench: wrong answer');
      if (i >= 3) { caseload.push(c); person.push(pp); anchor.push(a); personAnchor.push(pa); }
    }
    return { database: dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL', caseloadP95: quantile(caseload, 0.95), caseloadMedian: quantile(caseload, 0.5), personP95: quantile(person, 0.95), personAnchorP95: quantile(personAnchor, 0.95), anchorP95: quantile(anchor, 0.95), rows: PEOPLE * DAYS };
  } finally {
    await app.close();
    await database.drop();
  }
}

export async function benchCaseload(): Promise<CaseloadBench[]> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { pa: en.pa, sharing: en.sharing, checkin: en.checkin } } }, interpolation: { escapeValue: false } });
  }
  const results = [await benchOne('sqlite')];
  try {
    results.push(await benchOne('postgres'));
  } catch (error) {
    console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results;
}

export function caseloadTable(results: CaseloadBench[]): string[][] {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    ['database', 'shared items', 'caseload p50', 'caseload p95 (server + first render)', 'anchor: plain indexed query p95', 'caseload/anchor', 'person page p95 (365 items, server + first render)', 'anchor: their rows, indexed p95', 'person/anchor', 'target'],
    ...results.map((r) => [
      r.database, String(r.rows), ms(r.caseloadMedian), ms(r.caseloadP95), ms(r.anchorP95), `${(r.caseloadP95 / r.anchorP95).toFixed(1)}×`,
      ms(r.personP95), ms(r.personAnchorP95), `${(r.personP95 / r.personAnchorP95).toFixed(1)}×`,
      `caseload ≤ 300 ms: ${r.caseloadP95 <= 300 ? 'met' : 'NOT met'}; person ≤ 200 ms: ${r.personP95 <= 200 ? 'met' : 'NOT met'}`,
    ]),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchCaseload();
  const rows = caseloadTable(results);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('   ')).join('\n'));
}
