// "What my council offers": which kinds of emotional-wellbeing support each council's local offer listed (May 2022).
export const OFFER_KINDS = ['basic', 'generic', 'charity', 'dedicated', 'commissioned', 'camhs', 'mentoring', 'wider'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export type CouncilOffer = { council: string; offers: Record<OfferKind, boolean> };

/** Reads the study's table: council name, then eight Y/N columns in OFFER_KINDS order. */
export function parseCouncilOffers(tsv: string): CouncilOffer[] {
  return tsv.split('\n').slice(1).map((line) => line.split('\t')).filter((cells) => cells.length >= 9 && cells[0].trim())
    .map((cells) => ({
      council: cells[0].trim(),
      offers: Object.fromEntries(OFFER_KINDS.map((kind, i) => [kind, cells[i + 1].trim().toUpperCase() === 'Y'])) as Record<OfferKind, boolean>,
    }))
    .sort((a, b) => a.council.localeCompare(b.council, 'en'));
}
