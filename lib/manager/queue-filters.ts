import { z } from 'zod';
import { orgTypes } from '@/db/schema/enums';
import { regionCodes } from '@/lib/validation/regions';
import { hasForbiddenCharacters } from '@/lib/validation/text';

/** Statuses a manager sees: drafts stay private to their applicant. */
export const queueStatuses = ['submitted', 'in_review', 'needs_changes', 'approved', 'rejected'] as const;
export const queueSorts = ['submitted_asc', 'submitted_desc', 'name_asc'] as const;
export type QueueSort = (typeof queueSorts)[number];

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional()).catch(undefined);

/** A real calendar day as YYYY-MM-DD (not 2026-13-45, not 2026-02-30). */
function isCalendarDate(v: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}

const optionalDate = z
  .preprocess((v) => (typeof v === 'string' && isCalendarDate(v) ? v : undefined), z.string().optional())
  .catch(undefined);

/** The queue's filters as they come from the URL; anything malformed is dropped, never an error. */
export const queueFiltersSchema = z.object({
  status: optionalEnum(queueStatuses),
  region: optionalEnum(regionCodes),
  orgType: optionalEnum(orgTypes),
  from: optionalDate,
  to: optionalDate,
  q: z
    .preprocess((v) => (typeof v === 'string' && !hasForbiddenCharacters(v) ? v.slice(0, 100) : undefined), z.string().optional())
    .catch(undefined),
  mine: z.preprocess((v) => v === '1', z.boolean()).catch(false),
  sort: z.preprocess((v) => (v === '' ? undefined : v), z.enum(queueSorts).default('submitted_asc')).catch('submitted_asc'),
  cursor: z.preprocess((v) => (typeof v === 'string' ? v.slice(0, 300) : undefined), z.string().optional()).catch(undefined),
});

export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export function parseQueueFilters(params: Record<string, string | string[] | undefined>): QueueFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return queueFiltersSchema.parse(flat);
}

/** Keyset cursor: the sort value and id of the last row shown. */
export type Cursor = { v: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      typeof (value as Cursor).v === 'string' &&
      !(value as Cursor).v.includes('\u0000') &&
      typeof (value as Cursor).id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test((value as Cursor).id)
    ) {
      return value as Cursor;
    }
  } catch {
    // a tampered cursor starts from the first page
  }
  return null;
}

/** Whether a cursor value is an instant as encodeCursor writes it (what the date sorts compare with). */
export function isCursorInstant(v: string): boolean {
  const date = new Date(v);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(date.getTime()) && date.toISOString() === v;
}

/** Masks an IIN for lists and logs: the first two and last two digits stay. */
export function maskIin(iin: string | null | undefined): string {
  if (!iin) return '';
  return iin.length <= 4 ? '****' : `${iin.slice(0, 2)}${'*'.repeat(iin.length - 4)}${iin.slice(-2)}`;
}
