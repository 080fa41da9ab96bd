import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import ar from '../../../locales/ar.json';
import { db } from '../../../src/app/data/db.ts';
import Ons4Screen from '../../../src/app/features/ons4/Ons4Screen.tsx';
import { ons4Schema } from '../../../src/shared/ons4.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

const QUESTIONS = {
  life: 'Overall, how satisfied are you with your life nowadays?',
  worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  happy: 'Overall, how happy did you feel yesterday?',
  anxious: "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
};

beforeEach(async () => {
  await freshPhone();
});

async function answer(user: ReturnType<typeof userEvent.setup>, question: string, score: number) {
  await user.click(within(screen.getByRole('group', { name: question })).getByRole('radio', { name: String(score) }));
}

describe('ONS4 check-in', () => {
  it('asks the four ONS questions in their exact words, each with 0–10 and its anchors', async () => {
    renderAt(<Ons4Screen />);
    for (const question of Object.values(QUESTIONS)) {
      const group = await screen.findByRole('group', { name: question });
      expect(within(group).getAllByRole('radio')).toHaveLength(11);
    }
    expect(screen.getByRole('group', { name: QUESTIONS.life })).toHaveAccessibleDescription('0 = not at all satisfied 10 = completely satisfied');
    expect(screen.getByText(/There are no right or wrong answers/)).toBeInTheDocument();
  });

  it('saves the answers as an ons4 record and shows them back in ONS bands', async () => {
    const user = userEvent.setup();
    renderAt(<Ons4Screen />);
    await screen.findByRole('group', { name: QUESTIONS.life });
    await answer(user, QUESTIONS.life, 8);
    await answer(user, QUESTIONS.worthwhile, 3);
    await answer(user, QUESTIONS.happy, 10);
    await answer(user, QUESTIONS.anxious, 1);
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));

    expect(await screen.findByText('Thank you. Your answers are saved.')).toBeInTheDocument();
    const [record] = await db.ons4.toArray();
    expect(record).toMatchObject({ life: 8, worthwhile: 3, happy: 10, anxious: 1, sharedWithPa: false });
    expect(ons4Schema.safeParse(record).success).toBe(true);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'ons4', op: 'put', id: record.id })]);

    const results = screen.getByRole('region', { name: 'Your answers' });
    const rows = within(results).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Life satisfaction8 out of 10High · This is a good sign.');
    expect(rows[1]).toHaveTextContent('Worthwhile3 out of 10Low');
    expect(rows[2]).toHaveTextContent('Happiness10 out of 10Very high · This is a good sign.');
    expect(rows[3]).toHaveTextContent('Anxiety1 out of 10Very low · This is a good sign.');
    expect(within(results).getByText('For anxiety it works the other way round: a low number is good.')).toBeInTheDocument();
    expect(within(results).getByRole('link', { name: 'Find someone to talk to' })).toBeInTheDocument();
  });

  it('asks for all four answers instead of saving half, and links the message to what is missing', async () => {
    const user = userEvent.setup();
    renderAt(<Ons4Screen />);
    await answer(user, QUESTIONS.life, 5);
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Please answer all four questions, or skip for now.');
    expect(screen.getByRole('group', { name: QUESTIONS.happy })).toHaveAccessibleDescription(/Please answer all four/);
    expect(screen.getByRole('group', { name: QUESTIONS.life })).not.toHaveAccessibleDescription(/Please answer/);
    expect(await db.ons4.count()).toBe(0);
  });

  it('can be skipped', async () => {
    renderAt(<Ons4Screen />);
    const skips = await screen.findAllByRole('link', { name: 'Skip for now' });
    expect(skips[0]).toHaveAttribute('href', '/');
  });

  it('shows the trend over past answers as a table', async () => {
    const user = userEvent.setup();
    const earlier = '2026-01-15T10:00:00.000Z';
    await db.ons4.add({ id: crypto.randomUUID(), at: earlier, life: 4, worthwhile: 5, happy: 6, anxious: 7, sharedWithPa: false, updatedAt: earlier });
    renderAt(<Ons4Screen />);
    await screen.findByRole('group', { name: QUESTIONS.life });
    for (const q of Object.values(QUESTIONS)) await answer(user, q, 6);
    await user.click(screen.getByRole('button', { name: 'Save my answers' }));

    await screen.findByText('Thank you. Your answers are saved.');
    const table = await screen.findByRole('table', { name: 'Your answers over time' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent('15 January 20264567');
  });
});

describe('ONS4 answers in progress', () => {
  it('keeps answers given so far when the screen reloads, and marks them unsaved', async () => {
    const { hasUnsavedInput } = await import('../../../src/app/ui/draft.ts');
    const user = userEvent.setup();
    const first = renderAt(<Ons4Screen />);
    await screen.findByRole('group', { name: QUESTIONS.life });
    await answer(user, QUESTIONS.life, 7);
    await answer(user, QUESTIONS.anxious, 2);
    expect(hasUnsavedInput()).toBe(true);
    first.unmount();

    renderAt(<Ons4Screen />);
    const life = await screen.findByRole('group', { name: QUESTIONS.life });
    expect(within(life).getByRole('radio', { name: '7' })).toBeChecked();
    expect(within(screen.getByRole('group', { name: QUESTIONS.anxious })).getByRole('radio', { name: '2' })).toBeChecked();
    expect(hasUnsavedInput()).toBe(true);
  });
});

describe('ONS4 in a language other than English', () => {
  it('says in one line the translation is not validated, shows the English question on request, and records the language', async () => {
    await freshPhone('ar');
    const user = userEvent.setup();
    renderAt(<Ons4Screen />);
    const life = await screen.findByRole('group', { name: ar.ons4.items.life.question });
    const caveat = screen.getByText(ar.ons4.language.notValidated);
    expect(caveat.tagName).toBe('P');
    expect(screen.queryByText(QUESTIONS.life)).toBeNull();

    await user.click(within(caveat).getByRole('button', { name: ar.ons4.language.showEnglish }));
    // The validated English wording, marked English so a screen reader reads it with an English voice.
    for (const question of Object.values(QUESTIONS)) expect(screen.getByText(question)).toHaveAttribute('lang', 'en-GB');
    expect(within(life).getByText(QUESTIONS.life)).toBeInTheDocument();
    await user.click(within(caveat).getByRole('button', { name: ar.ons4.language.hideEnglish }));
    expect(screen.queryByText(QUESTIONS.life)).toBeNull();

    for (const [i, group] of screen.getAllByRole('group').entries()) await user.click(within(group).getAllByRole('radio')[i + 2]);
    await user.click(screen.getByRole('button', { name: ar.ons4.save }));
    await screen.findByText(ar.ons4.results.thanks);
    const [record] = await db.ons4.toArray();
    expect(record).toMatchObject({ life: 2, worthwhile: 3, happy: 4, anxious: 5, language: 'ar' });
    expect(ons4Schema.safeParse(record).success).toBe(true);
  });

  it('shows no caveat in English, where the wording is the validated one', async () => {
    renderAt(<Ons4Screen />);
    await screen.findByRole('group', { name: QUESTIONS.life });
    expect(screen.queryByRole('button', { name: 'Show the English question' })).toBeNull();
  });
});
