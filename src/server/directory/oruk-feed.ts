// Reads an Open Referral UK feed (1.0 or 3.0, detected from its shape), checks every service and maps it.
// Nothing is written here. A structurally broken feed (not JSON, no ids, wrong shape) is refused whole, with the
// line and field of each problem; a bad value inside a good service (an impossible coordinate, a malformed
// schedule, a broken URL) is dropped from that service and reported as a warning, never invented, never fatal.
import { z } from 'zod';

import { directoryServiceSchema } from '../../shared/directory/schema.ts';
import type { DirectoryService } from '../../shared/directory/types.ts';
import { mapOrukService, type OrukVersion } from './oruk-map.ts';

export type FeedProblem = { line?: number; field: string; message: string };
export type FeedResult =
  | { ok: true; version: OrukVersion; services: DirectoryService[]; warnings: FeedProblem[] }
  | { ok: false; version?: OrukVersion; problems: FeedProblem[] };

export const MAX_SERVICES_PER_FEED = 50_000;
const MAX_PROBLEMS = 20;
const V1_MARKERS = ['regular_schedules', 'holiday_schedules', 'eligibilitys', 'service_taxonomys', 'fundings', 'reviews'];
const V3_MARKERS = ['schedules', 'attributes', 'minimum_age', 'maximum_age', 'funding'];

const optionalText = z.string().max(20_000).optional().nullable();
const optionalList = z.array(z.unknown()).optional().nullable();
// Only what we rely on is checked; unknown fields are ignored (ORUK feeds carry many).
const orukServiceSchema = z.looseObject({
  id: z.union([z.string().trim().min(1, 'id is empty'), z.int()], 'Every service needs an id (text)'),
  name: z.string('Every service needs a name (text)').trim().min(1, 'name is empty').max(200),
  description: optionalText,
  status: optionalText,
  url: optionalText,
  email: optionalText,
  minimum_age: z.number().optional().nullable(),
  maximum_age: z.number().optional().nullable(),
  schedules: optionalList,
  regular_schedules: optionalList,
  holiday_schedules: optionalList,
  service_at_locations: z.array(z.looseObject({
    // Coordinates are checked when mapping: a bad one is dropped with a warning, not the whole feed.
    location: z.looseObject({}).optional().nullable(),
  })).optional().nullable(),
  contacts: optionalList,
  languages: optionalList,
  attributes: optionalList,
  service_taxonomys: optionalList,
  eligibilitys: optionalList,
});

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonErrorLine(text: string, error: Error): number | undefined {
  const line = /line (\d+)/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(error.message);
  return position ? lineAt(text, Number(position[1])) : undefined;
}

function findScript(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return /<\s*script\b/i.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) { const hit = findScript(value[i], `${path}[${i}]`); if (hit) return hit; }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { const hit = findScript(v, `${path}.${k}`); if (hit) return hit; }
  }
  return undefined;
}

function detect(root: unknown): { version: OrukVersion; items: unknown[]; listKey: string } | undefined {
  const hasMarker = (items: unknown[], markers: string[]) =>
    items.some((s) => s && typeof s === 'object' && markers.some((m) => m in s) ||
      JSON.stringify(s ?? '').includes('"physical_addresses"') && markers === V1_MARKERS);
  const byShape = (items: unknown[]): OrukVersion => (hasMarker(items, V1_MARKERS) && !hasMarker(items, V3_MARKERS) ? '1.0' : '3.0');
  if (Array.isArray(root)) return { version: byShape(root), items: root, listKey: '' };
  if (!root || typeof root !== 'object') return undefined;
  const obj = root as Record<string, unknown>;
  if (Array.isArray(obj.contents)) return { version: '3.0', items: obj.contents, listKey: 'contents' };
  if (Array.isArray(obj.content)) return { version: '1.0', items: obj.content, listKey: 'content' };
  if ('id' in obj && 'name' in obj) return { version: byShape([obj]), items: [obj], listKey: '' };
  return undefined;
}

export function readOrukFeed(text: string): FeedResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const line = jsonErrorLine(text, error as Error);
    return { ok: false, problems: [{ line, field: '(file)', message: `This is not valid JSON: ${(error as Error).message}` }] };
  }
  return readOrukRoot(root, text);
}

/** A feed already parsed (pages joined); `text`, when there is one file, gives each problem its line. */
export function readOrukRoot(root: unknown, text?: string): FeedResult {
  const found = detect(root);
  if (!found) {
    return { ok: false, problems: [{ line: 1, field: '(file)', message: 'No services found: expected an ORUK 3.0 list ("contents"), an ORUK 1.0 list ("content"), an array of services or one service.' }] };
  }
  const { version, items, listKey } = found;
  if (items.length > MAX_SERVICES_PER_FEED) {
    return { ok: false, version, problems: [{ field: listKey || '(file)', message: `Too many services (${items.length}); import at most ${MAX_SERVICES_PER_FEED} at a time.` }] };
  }

  const problems: FeedProblem[] = [];
  const warnings: FeedProblem[] = [];
  const services: DirectoryService[] = [];
  const seen = new Set<string>();
  let cursor = 0;
  // Lines counted forward from the last service, not from the top each time (a 10,000-service file stays linear).
  let counted = 0;
  let countedLine = 1;
  const lineOfCursor = (source: string) => {
    for (; counted < cursor; counted++) if (source.charCodeAt(counted) === 10) countedLine++;
    return countedLine;
  };
  items.forEach((item, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const where = `${listKey ? `${listKey}` : ''}[${i}]`;
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (text !== undefined && (typeof id === 'string' || typeof id === 'number')) {
      const at = text.indexOf(JSON.stringify(String(id)), cursor);
      if (at >= 0) cursor = at;
    }
    const line = text === undefined ? undefined : lineOfCursor(text);
    const parsed = orukServiceSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ line, field: [where, ...issue.path.map(String)].join('.'), message: issue.message });
      return;
    }
    const script = findScript(item, where);
    if (script) {
      problems.push({ line, field: script, message: 'Contains a <script> tag; refusing the feed.' });
      return;
    }
    const warn = (field: string, message: string) => { if (warnings.length < MAX_WARNINGS) warnings.push({ line, field: `${where}.${field}`, message }); };
    const mapped = mapOrukService(parsed.data, version, warn);
    let checked = directoryServiceSchema.safeParse(mapped);
    // Anything else optional that still fails (a date, an age, a phone) goes the same way: dropped and said.
    for (let tries = 0; !checked.success && tries < 5; tries++) {
      const issue = checked.error.issues[0];
      if (!dropOptional(mapped, issue.path.map(String))) break;
      warn(issue.path.join('.'), `Dropped: ${issue.message}`);
      checked = directoryServiceSchema.safeParse(mapped);
    }
    if (!checked.success) {
      const issue = checked.error.issues[0];
      problems.push({ line, field: [where, ...issue.path.map(String)].join('.'), message: issue.message });
      return;
    }
    if (seen.has(mapped.id)) {
      problems.push({ line, field: `${where}.id`, message: `Service id "${mapped.id}" appears twice.` });
      return;
    }
    seen.add(mapped.id);
    if (parsed.data.status && !/^active$/i.test(parsed.data.status)) return; // inactive or defunct: not shown to phones
    services.push(checked.data);
  });
  return problems.length > 0 ? { ok: false, version, problems } : { ok: true, version, services, warnings };
}

const MAX_WARNINGS = 200;
const OPTIONAL_FIELDS = new Set(['organisation', 'whoFor', 'minAge', 'maxAge', 'languages', 'hours', 'updatedAt', 'free', 'walkIn']);
const OPTIONAL_CONTACTS = new Set(['phone', 'sms', 'email', 'url']);

/** Removes the optional field at `path` (true), or says it is required (false): name, id and description stay. */
function dropOptional(service: DirectoryService, path: string[]): boolean {
  const record = service as unknown as Record<string, unknown>;
  if (OPTIONAL_FIELDS.has(path[0])) {
    delete record[path[0]];
    return true;
  }
  if (path[0] === 'contacts' && OPTIONAL_CONTACTS.has(path[1])) {
    delete (service.contacts as Record<string, unknown>)[path[1]];
    return true;
  }
  if (path[0] === 'location' && service.location.kind === 'point') {
    const { address, postcode } = service.location;
    service.location = address || postcode ? { kind: 'area', area: (postcode ?? address)!.slice(0, 120) } : { kind: 'national' };
    return true;
  }
  return false;
}

export function describeProblems(problems: FeedProblem[]): string {
  return problems.map((p) => `${p.line ? `line ${p.line}, ` : ''}field ${p.field}: ${p.message}`).join('\n');
}
