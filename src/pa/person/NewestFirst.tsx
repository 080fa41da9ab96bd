// A list of shared items, newest first, drawn a page at a time: a year of daily check-ins is 365 cards, each with
// its own reply box, and drawing them all made the person page take over a second on an office computer. The newest
// come first and anything still waiting for the PA is always drawn, wherever it falls; older ones are a tap away.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Cards drawn at first, and added by each tap on "Show older".
 * @internal exported for its tests (knip --production)
 */
export const CARDS_PER_PAGE = 30;

/**
 * The cards to draw: the first `shown` (newest), and any later one that is `waiting` for the PA. Order kept.
 * @internal exported for its tests (knip --production)
 */
export function cardsToDraw<T>(cards: readonly T[], shown: number, waiting: (card: T) => boolean): T[] {
  return cards.filter((card, index) => index < shown || waiting(card));
}

export function NewestFirst<T>({ cards, waiting = () => false, label, children }: {
  cards: readonly T[];
  waiting?: (card: T) => boolean;
  label?: string;
  /** One `<li>` with its key. */
  children: (card: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const drawn = cardsToDraw(cards, shown, waiting);
  const hidden = cards.length - drawn.length;
  return (
    <>
      <ol className="pa-items" aria-label={label}>{drawn.map(children)}</ol>
      {/* The button stays where it is while the older cards appear above it, so focus and place are kept. */}
      {hidden > 0 && (
        <p><button type="button" className="pa-button pa-button-secondary" onClick={() => setShown((n) => n + CARDS_PER_PAGE)}>{t('pa.person.showOlder', { count: hidden })}</button></p>
      )}
    </>
  );
}
