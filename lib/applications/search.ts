import type { ApplicationField } from '@/lib/validation/application';
import { normalizeIdNumber } from '@/lib/validation/kz-id';
import { parseKzPhone } from '@/lib/validation/phone';

const SEARCHED: ApplicationField[] = ['orgName', 'bin', 'orgEmail', 'orgPhone', 'librarianName', 'librarianIin', 'librarianEmail', 'librarianPhone', 'responsibleName', 'responsibleEmail', 'responsiblePhone'];

/** The text the managers' search looks in: names, BIN, IIN, emails and phones, lower-cased (Kazakh letters too). */
export function buildSearchText(values: Partial<Record<ApplicationField, string | null>>): string {
  const parts: string[] = [];
  for (const name of SEARCHED) {
    const value = values[name];
    if (!value) continue;
    parts.push(value.normalize('NFC').toLocaleLowerCase('kk'));
    if (name === 'bin' || name === 'librarianIin') parts.push(normalizeIdNumber(value));
    if (name.endsWith('Phone')) {
      const phone = parseKzPhone(value);
      if (phone.ok) parts.push(phone.e164);
    }
  }
  return parts.join(' | ');
}

/** What to look for: a phone becomes E.164, a BIN/IIN loses spaces and hyphens, text is lower-cased. */
export function normalizeSearchQuery(raw: string): string {
  const query = raw.normalize('NFC').trim().slice(0, 100);
  if (/^[+\d\s()-]{10,}$/.test(query)) {
    const phone = parseKzPhone(query);
    if (phone.ok) return phone.e164;
  }
  if (/^[\d\s-]+$/.test(query)) return normalizeIdNumber(query);
  return query.toLocaleLowerCase('kk');
}

/** Escapes LIKE wildcards so that % and _ typed by a manager match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
