import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const PHONE_MAX = 30;

export type PhoneResult = { ok: true; e164: string; display: string } | { ok: false; problem: 'phoneRequired' | 'phoneFormat' | 'phoneNotKz' };

/**
 * A Kazakhstan phone number in any usual written form (`+7 (701) 123-45-67`, `8 701 123 4567`,
 * `8 (7172) 55-12-34`), normalised to E.164 by libphonenumber with KZ as the default region.
 */
export function parseKzPhone(raw: string): PhoneResult {
  const value = raw.trim();
  if (!value) return { ok: false, problem: 'phoneRequired' };
  if (value.length > PHONE_MAX || !/^[+]?[0-9\s().-]+$/.test(value)) return { ok: false, problem: 'phoneFormat' };
  const phone = parsePhoneNumberFromString(value, 'KZ');
  if (!phone || !phone.isPossible()) return { ok: false, problem: 'phoneFormat' };
  if (phone.country !== 'KZ') return { ok: false, problem: 'phoneNotKz' };
  if (!phone.isValid()) return { ok: false, problem: 'phoneFormat' };
  return { ok: true, e164: phone.number, display: phone.formatInternational() };
}

/** How a stored E.164 number is shown. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
