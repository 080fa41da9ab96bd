// zod schemas for a directory service: what the server accepts from an import and serves on the pull feed.
import { z } from 'zod';

import { ACCESS_MODES, CATEGORIES, WEEKDAYS } from './types.ts';

const DESCRIPTION_MAX = 4000;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Must be a time like 09:30');
const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

const sessionSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  opens: time,
  closes: time,
  from: date.optional(),
  to: date.optional(),
});

const openingHoursSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always') }),
  z.strictObject({
    kind: z.literal('weekly'),
    sessions: z.array(sessionSchema).max(50),
    closed: z.array(z.strictObject({ from: date, to: date })).max(100).optional(),
  }),
]);

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

const serviceLocationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('point'), lat, lng, address: text(300).optional(), postcode: text(10).optional() }),
  z.strictObject({ kind: z.literal('area'), area: text(120), lat: lat.optional(), lng: lng.optional() }),
  z.strictObject({ kind: z.literal('national') }),
]);

const phoneNumber = z.string().trim().regex(/^\+?[0-9 ()-]{3,20}$/, 'Must be a phone number');

export const directoryServiceSchema = z.strictObject({
  id: z.string().trim().min(1).max(200),
  name: text(200),
  organisation: text(200).optional(),
  description: z.string().max(DESCRIPTION_MAX, `Description is longer than ${DESCRIPTION_MAX} characters`),
  whoFor: text(1000).optional(),
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  careLeaverSpecific: z.boolean().optional(),
  minAge: z.int().min(0).max(120).optional(),
  maxAge: z.int().min(0).max(120).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(50).optional(),
  free: z.boolean().optional(),
  walkIn: z.boolean().optional(),
  access: z.array(z.enum(ACCESS_MODES)).max(ACCESS_MODES.length),
  location: serviceLocationSchema,
  contacts: z.strictObject({
    phone: phoneNumber.optional(),
    sms: z.strictObject({ number: phoneNumber, body: text(40).optional() }).optional(),
    email: z.email().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  }),
  hours: openingHoursSchema.optional(),
  hoursText: text(300).optional(),
  checked: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month like 2026-12').optional(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});
