import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Shell } from '../../../src/app/App.tsx';
import { changeLanguage, initialLanguage, startI18n } from '../../../src/app/i18n/index.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

beforeEach(async () => {
  await freshPhone();
});

afterEach(async () => {
  await changeLanguage('en');
  localStorage.clear();
});

describe('language', () => {
  it('switches to Arabic from the first screen, right to left, and remembers it', async () => {
    const user = userEvent.setup();
    renderAt(<Shell />);
    await user.click(screen.getByRole('button', { name: /Language/ }));
    await user.click(await screen.findByRole('button', { name: /^العربية/ }));

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/صباح الخير|مرحبًا|مساء الخير|أهلًا/));
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.title).toBe('كيف حالك');
    expect(screen.getByRole('link', { name: /مساعدة الآن/ })).toHaveAttribute('href', '/help');
    expect(initialLanguage()).toBe('ar');
  });

  it('marks English pages as British English, so date and time boxes read the UK way', async () => {
    await changeLanguage('ar');
    await changeLanguage('en');
    expect(document.documentElement).toHaveAttribute('lang', 'en-GB');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('starts in the remembered language before anything is drawn', async () => {
    localStorage.setItem('language', 'ar');
    await startI18n();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    renderAt(<Shell />);
    expect(screen.getByRole('navigation', { name: 'القائمة الرئيسية' })).toBeInTheDocument();
  });

  it("uses the phone's language on first start when we have it", () => {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', { value: ['ar-SY', 'en-GB'], configurable: true });
    expect(initialLanguage()).toBe('ar');
    // Dari phones say fa-AF, Kurmanji ones ku; a language we don't ship falls back to English.
    Object.defineProperty(navigator, 'languages', { value: ['fa-AF', 'fa-IR'], configurable: true });
    expect(initialLanguage()).toBe('prs');
    Object.defineProperty(navigator, 'languages', { value: ['ku-TR'], configurable: true });
    expect(initialLanguage()).toBe('kmr');
    Object.defineProperty(navigator, 'languages', { value: ['de-DE'], configurable: true });
    expect(initialLanguage()).toBe('en');
    delete (navigator as unknown as Record<string, unknown>).languages;
    Object.defineProperty(Navigator.prototype, 'languages', original);
  });

  it('offers the pseudo-locales to tests, never in the list for people', async () => {
    const user = userEvent.setup();
    await changeLanguage('ar-XB');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    renderAt(<Shell />);
    expect(screen.getByRole('link', { name: /Help now/ })).toHaveTextContent('\u202BHelp now\u202C');
    await user.click(screen.getByRole('button', { name: /Language/ }));
    // The list is there (it loads on the first press), and the pseudo-locales are not in it.
    await screen.findByRole('button', { name: /^العربية/ });
    expect(screen.queryByRole('button', { name: /pseudo/ })).not.toBeInTheDocument();
  });
});

describe('language list', () => {
  it('closes with Escape and gives focus back to the Language button', async () => {
    const user = userEvent.setup();
    await freshPhone();
    renderAt(<Shell />);
    const button = screen.getByRole('button', { name: /Language/ });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await screen.findByRole('button', { name: /^العربية/ });
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: /^العربية/ })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});
