// Reads what someone typed as a UK postcode or postcode district ("SK1", "sk1 3xe", " SK13XE ").

export type PostcodeResult =
  | { ok: true; outcode: string; full?: string }
  | { ok: false; reason: 'empty' | 'not-a-postcode' };

const OUTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

export function parsePostcode(typed: string): PostcodeResult {
  const squashed = typed.toUpperCase().replace(/\s+/g, '');
  if (squashed === '') return { ok: false, reason: 'empty' };
  const full = FULL.exec(squashed);
  if (full) return { ok: true, outcode: full[1], full: `${full[1]} ${full[2]}` };
  if (OUTCODE.test(squashed)) return { ok: true, outcode: squashed };
  return { ok: false, reason: 'not-a-postcode' };
}

/** Parses the shipped outcode CSV ("outcode,latitude,longitude") into a lookup table. */
export function parseOutcodeCentroids(csv: string): Map<string, { lat: number; lng: number }> {
  const table = new Map<string, { lat: number; lng: number }>();
  for (const line of csv.split('\n').slice(1)) {
    const [outcode, lat, lng] = line.trim().split(',');
    if (!outcode || lat === undefined || lng === undefined) continue;
    table.set(outcode.toUpperCase(), { lat: Number(lat), lng: Number(lng) });
  }
  return table;
}
