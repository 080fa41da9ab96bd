// "Read it to me": the phone's own voice reads the words, where it has one. Nothing is sent anywhere.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const canSpeak = () => typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';

export function ReadAloud({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => { if (canSpeak()) window.speechSynthesis.cancel(); }, []);
  if (!canSpeak()) return null;
  const toggle = () => {
    window.speechSynthesis.cancel();
    if (speaking) { setSpeaking(false); return; }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = i18n.language;
    utterance.rate = 0.85; // slower than usual: this is for calming down
    utterance.onend = () => setSpeaking(false);
    setSpeaking(true);
    window.speechSynthesis.speak(utterance);
  };
  return (
    <button type="button" className="button button-secondary" aria-pressed={speaking} onClick={toggle}>
      {speaking ? t('calm.stopReading') : t('calm.readAloud')}
    </button>
  );
}
