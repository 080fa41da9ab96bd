// Every screen languages.test.ts checks in every language: axe-core, sideways scrolling, missing words, <html lang dir>.
// Add a row for each of your screens (and for states worth checking, e.g. a form with its errors showing).
import type { Page } from 'playwright-core';

import { words } from './words.ts';

export type ScreenCheck = {
  /** What a person would call this view. */
  name: string;
  /** Where it lives in the app. */
  path: string;
  /** Gets the screen into the state to check, after its <h1> shows. Use roles and the app's words. */
  prepare?: (page: Page, language: string) => Promise<void>;
};

export const SCREENS: ScreenCheck[] = [
  { name: 'Today', path: '/' },
  {
    name: 'Today, check-in details open',
    path: '/',
    prepare: async (page, language) => {
      await page.getByRole('button', { name: words(language, 'checkin.mood.4'), exact: true }).click();
      await page.getByRole('button', { name: words(language, 'checkin.addMore'), exact: true }).click();
      await page.getByRole('textbox', { name: words(language, 'checkin.note.label') }).waitFor();
    },
  },
  { name: 'History', path: '/history' },
  { name: 'Wellbeing questions (ONS4)', path: '/ons4' },
  { name: 'Help now', path: '/help' },
  { name: 'Calm down: breathing', path: '/help/breathe' },
  {
    name: 'Calm down: breathing, started',
    path: '/help/breathe',
    prepare: async (page, language) => {
      await page.getByRole('button', { name: words(language, 'calm.breathe.start'), exact: true }).click();
      await page.getByText(words(language, 'calm.breathe.in')).waitFor();
    },
  },
  { name: 'Calm down: 5, 4, 3, 2, 1', path: '/help/grounding' },
  {
    name: 'Find help near a postcode: results first, national help after',
    path: '/directory',
    prepare: async (page, language) => {
      await page.getByRole('textbox', { name: words(language, 'directory.place.postcode') }).fill('LS1');
      await page.getByRole('button', { name: words(language, 'directory.place.usePostcode'), exact: true }).click();
      await page.getByRole('heading', { name: words(language, 'directory.results.nationalTitle') }).waitFor();
    },
  },
  { name: 'A service with no way in: Ask my PA', path: '/directory/service/study-liverpool-talk-liverpool' },
  { name: 'What my council offers, a successor council', path: '/directory/council' },
  { name: 'My plan, nothing yet: starting points', path: '/plan' },
  {
    name: 'My plan, a goal with its next step',
    path: '/plan',
    prepare: async (page, language) => {
      await page.getByRole('button', { name: words(language, 'plan.starters.work.label'), exact: true }).click();
      await page.getByRole('button', { name: words(language, 'plan.form.save'), exact: true }).click();
      await page.getByRole('button', { name: words(language, 'plan.goal.hold'), exact: true }).waitFor();
    },
  },
  { name: 'Settings', path: '/settings' },
  { name: 'Privacy in plain words', path: '/privacy' },
  { name: 'Appointments', path: '/appointments' },
  { name: 'My PA (not connected yet)', path: '/my-pa' },
  {
    name: 'My PA, connect form with its error showing',
    path: '/my-pa',
    prepare: async (page, language) => {
      await page.getByRole('button', { name: words(language, 'sharing.connect.submit'), exact: true }).click();
      await page.getByRole('alert').waitFor();
    },
  },
  {
    name: 'New appointment, with its errors showing',
    path: '/appointments/new',
    prepare: async (page, language) => {
      await page.getByRole('button', { name: words(language, 'appointments.form.save'), exact: true }).click();
      await page.getByRole('alert').waitFor();
    },
  },
];
