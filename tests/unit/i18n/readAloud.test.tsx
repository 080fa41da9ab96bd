// Read aloud with the phone's own voices: a button only where the phone has a voice for the text's language,
// "no voice" (or nothing, for extra text) where it has none; what it speaks, and in which language.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import ar from '../../../locales/ar.json';
import ti from '../../../locales/ti.json';
import { changeLanguage } from '../../../src/app/i18n/index.ts';
import { ReadAloud } from '../../../src/app/i18n/ReadAloud.tsx';
import { startLanguage } from '../helpers/appTest.tsx';

class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

const voice = (lang: string) => ({ lang, name: `Test voice ${lang}`, default: false, localService: true, voiceURI: `test-${lang}` }) as SpeechSynthesisVoice;

/** A phone whose speech engine has voices for these languages (jsdom has no speechSynthesis of its own). */
function phoneWithVoices(...langs: string[]) {
  const synth = { getVoices: () => langs.map(voice), speak: vi.fn(), cancel: vi.fn(), addEventListener: vi.fn(), removeEventListener: vi.fn() };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return synth;
}

beforeEach(async () => { await startLanguage('en'); });
// Unmounted first (setup's cleanup runs after this), so going back to English re-renders nothing.
afterEach(async () => { cleanup(); vi.unstubAllGlobals(); await changeLanguage('en'); });

describe('read aloud', () => {
  it('reads the selected text in the app language with a voice for it', async () => {
    const synth = phoneWithVoices('en-US', 'ar-SA');
    await changeLanguage('ar');
    render(<><p className="words">مرحبا</p><p className="words">كيف حالك</p><ReadAloud from=".words" /></>);
    await userEvent.setup().click(screen.getByRole('button', { name: ar.language.readAloud.button }));
    const said = synth.speak.mock.calls[0][0] as FakeUtterance;
    expect(said.text).toBe('مرحبا\nكيف حالك');
    expect(said.lang).toBe('ar-SA');
    expect(said.voice?.lang).toBe('ar-SA');
  });

  it('says the phone has no voice for the language instead of reading it with another one', async () => {
    const synth = phoneWithVoices('en-GB');
    await changeLanguage('ti');
    render(<><p className="words">ሰላም</p><ReadAloud from=".words" /></>);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(ti.language.readAloud.noVoice)).toBeInTheDocument();
    expect(synth.speak).not.toHaveBeenCalled();
  });

  it('reads English text (a service page) with an English voice whatever the app language', async () => {
    const synth = phoneWithVoices('ar-SA', 'en-GB');
    await changeLanguage('ar');
    render(<><p lang="en" className="english">Example Advice Centre (test data)</p><ReadAloud from=".english" lang="en" hideWithoutVoice /></>);
    await userEvent.setup().click(screen.getByRole('button'));
    const said = synth.speak.mock.calls[0][0] as FakeUtterance;
    expect(said.text).toBe('Example Advice Centre (test data)');
    expect(said.lang).toBe('en-GB');
  });

  it('shows nothing for English text on a phone with no English voice', async () => {
    phoneWithVoices('ar-SA');
    await changeLanguage('ar');
    const { container } = render(<ReadAloud from=".english" lang="en" hideWithoutVoice />);
    expect(container).toBeEmptyDOMElement();
  });
});
