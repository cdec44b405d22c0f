import { z } from 'zod';
import { orgTypes } from '@/db/schema/enums';
import { emailField } from './fields';
import { binProblem, iinProblem, normalizeIdNumber } from './kz-id';
import { cleanName, orgNameProblem, personNameProblem } from './names';
import { parseKzPhone } from './phone';
import { normalizePostalCode } from './postal-code';
import { regionCodes } from './regions';
import { hasForbiddenCharacters } from './text';

type Check = { ok: true; value: string } | { ok: false; error: string };

const fail = (error: string): Check => ({ ok: false, error });

function emailCheck(raw: string): Check {
  const parsed = emailField.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data as string } : fail(parsed.error.issues[0]!.message);
}

function phoneCheck(raw: string): Check {
  const phone = parseKzPhone(raw);
  return phone.ok ? { ok: true, value: phone.e164 } : fail(phone.problem);
}

function textCheck(requiredKey: string) {
  return (raw: string): Check => {
    const typed = raw.normalize('NFC').trim();
    // As in checkDraft: hidden/control characters are refused, not folded into spaces or kept.
    if (hasForbiddenCharacters(typed)) return fail('forbiddenCharacters');
    const value = typed.replace(/\s+/g, ' ');
    return value ? { ok: true, value } : fail(requiredKey);
  };
}

/** Every field of the guide's three sections, with its maximum length and its full check. */
export const applicationFields = {
  orgName: { section: 1, max: 500, check: (v: string) => (orgNameProblem(v) ? fail(orgNameProblem(v)!) : { ok: true, value: cleanName(v) }) },
  bin: { section: 1, max: 20, check: (v: string) => (binProblem(v) ? fail(binProblem(v)!) : { ok: true, value: normalizeIdNumber(v) }) },
  orgPhone: { section: 1, max: 30, check: phoneCheck },
  orgEmail: { section: 1, max: 254, check: emailCheck },
  legalAddress: { section: 1, max: 300, check: textCheck('addressRequired') },
  region: {
    section: 1,
    max: 10,
    check: (v: string) => ((regionCodes as readonly string[]).includes(v) ? { ok: true, value: v } : fail('regionRequired')),
  },
  city: { section: 1, max: 100, check: textCheck('cityRequired') },
  postalCode: {
    section: 1,
    max: 10,
    check: (v: string) => (v.trim() ? (normalizePostalCode(v) ? { ok: true, value: normalizePostalCode(v)! } : fail('postalFormat')) : fail('postalRequired')),
  },
  librarianName: { section: 2, max: 150, check: (v: string) => (personNameProblem(v) ? fail(personNameProblem(v)!) : { ok: true, value: cleanName(v) }) },
  librarianIin: { section: 2, max: 20, check: (v: string) => (iinProblem(v) ? fail(iinProblem(v)!) : { ok: true, value: normalizeIdNumber(v) }) },
  librarianPhone: { section: 2, max: 30, check: phoneCheck },
  librarianEmail: { section: 2, max: 254, check: emailCheck },
  responsibleName: { section: 3, max: 150, check: (v: string) => (personNameProblem(v) ? fail(personNameProblem(v)!) : { ok: true, value: cleanName(v) }) },
  responsiblePosition: { section: 3, max: 120, check: textCheck('responsiblePositionRequired') },
  responsiblePhone: { section: 3, max: 30, check: phoneCheck },
  responsibleEmail: { section: 3, max: 254, check: emailCheck },
} satisfies Record<string, { section: 1 | 2 | 3; max: number; check: (v: string) => Check }>;

export type ApplicationField = keyof typeof applicationFields;
export const applicationFieldNames = Object.keys(applicationFields) as ApplicationField[];
export type ApplicationValues = Record<ApplicationField, string | null>;

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A draft keeps what was typed: each filled field is only checked for its length and for hidden
 * characters (a field failing that is not saved). Full checks of filled fields come back as
 * `problems` for the user to see, without blocking the save.
 */
export function checkDraft(raw: Record<string, unknown>) {
  const values = {} as ApplicationValues;
  const errors: Partial<Record<ApplicationField, string[]>> = {};
  const problems: Partial<Record<ApplicationField, string[]>> = {};
  for (const name of applicationFieldNames) {
    const spec = applicationFields[name];
    const typed = asString(raw[name]).normalize('NFC').trim();
    values[name] = null;
    if (!typed) continue;
    if (typed.length > spec.max) errors[name] = ['fieldTooLong'];
    else if (hasForbiddenCharacters(typed)) errors[name] = ['forbiddenCharacters'];
    else {
      values[name] = typed;
      const full = spec.check(typed);
      if (!full.ok) problems[name] = [full.error];
    }
  }
  const orgType = z.enum(orgTypes).safeParse(raw.orgType);
  return { values, orgType: orgType.success ? orgType.data : null, errors, problems };
}

/** The whole application for submission: every field required and valid; returns normalised values. */
export function checkForSubmit(raw: Record<string, unknown>) {
  const values = {} as Record<ApplicationField, string>;
  const errors: Partial<Record<string, string[]>> = {};
  for (const name of applicationFieldNames) {
    const spec = applicationFields[name];
    const typed = asString(raw[name]);
    if (typed.length > spec.max * 2) {
      errors[name] = ['fieldTooLong'];
      continue;
    }
    const result = spec.check(typed);
    if (result.ok && result.value.length <= spec.max) values[name] = result.value;
    else errors[name] = [result.ok ? 'fieldTooLong' : result.error];
  }
  const orgType = z.enum(orgTypes).safeParse(raw.orgType);
  if (!orgType.success) errors.orgType = ['orgTypeRequired'];
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, values, orgType: orgType.data! };
}

/** How many fields of each section are filled in and valid. */
export function sectionCompleteness(values: Partial<Record<ApplicationField, string | null>>) {
  const sections = { 1: { done: 0, total: 0 }, 2: { done: 0, total: 0 }, 3: { done: 0, total: 0 } };
  for (const name of applicationFieldNames) {
    const spec = applicationFields[name];
    sections[spec.section].total += 1;
    const value = values[name];
    if (value && spec.check(value).ok) sections[spec.section].done += 1;
  }
  return sections;
}
