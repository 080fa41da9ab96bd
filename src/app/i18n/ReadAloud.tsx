// Read aloud with the phone's own voices (speechSynthesis), only where the phone has a voice for the language;
// where it has none we say so rather than read Tigrinya with an English voice. locales/README.md says why we
// don't download a speech engine instead (eSpeak NG measured: 9 MB, and none of the languages phones most lack).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { languageOf } from './languages.ts';

/** The phone's voice for a language: its Intl locale's language first (Dari: fa-AF, then any Persian), then our code. */
function voiceFor(voices: readonly SpeechSynthesisVoice[], code: string): SpeechSynthesisVoice | undefined {
  const language = languageOf(code);
  const tag = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  const wanted = [language?.intl.toLowerCase(), language?.intl.toLowerCase().split('-')[0], code.toLowerCase()].filter(Boolean) as string[];
  for (const want of wanted) {
    const found = voices.find((v) => tag(v) === want) ?? voices.find((v) => tag(v).split('-')[0] === want);
    if (found) return found;
  }
  return undefined;
}

function usePhoneVoices(): SpeechSynthesisVoice[] | undefined {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  const [voices, setVoices] = useState(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    // Voices often arrive a moment after the page loads.
    const update = () => setVoices(synth.getVoices());
    synth.addEventListener('voiceschanged', update);
    update();
    return () => {
      synth.removeEventListener('voiceschanged', update);
      synth.cancel();
    };
  }, [synth]);
  return synth ? voices : undefined;
}

type Props = {
  /** A CSS selector; the text of every element it selects is read, in page order. */
  from: string;
  /** The language the text is written in, when it is not the app's (directory text is English). */
  lang?: string;
  /** Show nothing, rather than "no voice", when the phone cannot read this text: for extra text, not the page's own. */
  hideWithoutVoice?: boolean;
};

/** A "Read aloud" button for the text `from` selects, read with a voice for its language (the app's by default). */
export function ReadAloud({ from, lang, hideWithoutVoice = false }: Props) {
  const { t, i18n } = useTranslation();
  const voices = usePhoneVoices();
  const [speaking, setSpeaking] = useState(false);
  const voice = voices && voiceFor(voices, lang ?? i18n.language);
  if (!voice) return hideWithoutVoice ? null : <p className="read-aloud read-aloud--none">{t('language.readAloud.noVoice')}</p>;

  function toggle() {
    if (speaking) {
      speechSynthesis.cancel();
      setSpeaking(false);
      return;
    }
    // textContent where innerText is missing (jsdom); innerText in browsers, so hidden text is not read.
    const text = [...document.querySelectorAll<HTMLElement>(from)].map((el) => (el.innerText ?? el.textContent ?? '').trim()).filter(Boolean).join('\n');
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice!;
    utterance.lang = voice!.lang;
    utterance.onend = utterance.onerror = () => setSpeaking(false);
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
    setSpeaking(true);
  }

  return (
    <button type="button" className="button button-secondary read-aloud" aria-pressed={speaking} onClick={toggle}>
      {speaking ? t('language.readAloud.stop') : t('language.readAloud.button')}
    </button>
  );
}
