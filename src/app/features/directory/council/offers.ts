// "What my council offers": which kinds of emotional-wellbeing support each council's local offer listed (May 2022).
// The study's table is shipped verbatim; it is cleaned here, on reading: rows the PDF split across two lines are
// joined, and councils abolished since are shown under the councils that took over, each with its original row
// named as the source, so nothing in the table is changed or merged.
export const OFFER_KINDS = ['basic', 'generic', 'charity', 'dedicated', 'commissioned', 'camhs', 'mentoring', 'wider'] as const;
type OfferKind = (typeof OFFER_KINDS)[number];
type Offers = Record<OfferKind, boolean>;
/** One row of the study's table, as it was written in May 2022. */
type ListedRow = { listedAs: string; offers: Offers };
/** A council today, with the 2022 row(s) that describe its area (two for a council formed from two). */
export type CouncilOffer = { council: string; rows: ListedRow[]; successorSince?: string };

/**
 * Councils in the 2022 table that have been replaced, and the councils that took over their care leavers.
 * Source: the Local Government (Structural Changes) orders for each (legislation.gov.uk).
 */
const SUCCESSORS: Record<string, { councils: string[]; since: string }> = {
  'Bournemouth Borough Council': { councils: ['Bournemouth, Christchurch and Poole Council'], since: '2019-04' },
  'Poole Borough Council': { councils: ['Bournemouth, Christchurch and Poole Council'], since: '2019-04' },
  'Dorset County Council': { councils: ['Dorset Council'], since: '2019-04' },
  'Cumbria County Council': { councils: ['Cumberland Council', 'Westmorland and Furness Council'], since: '2023-04' },
  'North Yorkshire County Council': { councils: ['North Yorkshire Council'], since: '2023-04' },
  'Somerset County Council': { councils: ['Somerset Council'], since: '2023-04' },
  // Already unitary in 2022; the trust's one row speaks for both councils.
  'Northamptonshire Childrens Trust (On behalf of North Northamptonshire Council and West Northamptonshire Council: Unitary Authority)': {
    councils: ['North Northamptonshire Council', 'West Northamptonshire Council'], since: '2021-04',
  },
};

// "(Unitary Authority)" says what kind of council it is, which nobody choosing their council needs.
const KIND_SUFFIX = /\s*\((Unitary Authority|Metropolitan District|London Borough)\)$/;

/** "Y", or "Y - nurse" (the table's note on what the yes is), is listed; "N" is not. */
const isListed = (cell: string) => /^y\b/i.test(cell.trim());

/** Reads the study's table: council name, then eight Y/N columns in OFFER_KINDS order. */
function parseCouncilRows(tsv: string): ListedRow[] {
  const rows: ListedRow[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const cells = line.split('\t');
    const name = cells[0]?.trim();
    if (!name) continue;
    // A line with a name and no answers is the end of the name above, wrapped by the PDF the table came from.
    if (cells.slice(1).every((c) => c.trim() === '')) {
      if (rows.length > 0) rows[rows.length - 1].listedAs += ` ${name}`;
      continue;
    }
    if (cells.length < 9) continue;
    rows.push({ listedAs: name, offers: Object.fromEntries(OFFER_KINDS.map((kind, i) => [kind, isListed(cells[i + 1])])) as Offers });
  }
  return rows;
}

export function parseCouncilOffers(tsv: string): CouncilOffer[] {
  const byCouncil = new Map<string, CouncilOffer>();
  for (const row of parseCouncilRows(tsv)) {
    const successor = SUCCESSORS[row.listedAs];
    for (const council of successor?.councils ?? [row.listedAs.replace(KIND_SUFFIX, '')]) {
      const entry = byCouncil.get(council) ?? { council, rows: [], ...(successor ? { successorSince: successor.since } : {}) };
      entry.rows.push(row);
      byCouncil.set(council, entry);
    }
  }
  return [...byCouncil.values()].sort((a, b) => a.council.localeCompare(b.council, 'en'));
}
