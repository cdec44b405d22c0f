/**
 * Characters no form field accepts: C0/C1 controls (NUL included), bidirectional
 * overrides and isolates, and zero-width characters that hide or reorder text.
 */
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** The same check for multi-line text (comments, messages), where line breaks and tabs are allowed. */
export function hasForbiddenCharactersMultiline(value: string): boolean {
  return FORBIDDEN.test(value.replace(/[\r\n\t]/g, ' '));
}

/** Trims and composes to NFC, the form every stored text takes. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Lower-cased, trimmed email, or the input unchanged when it is not a string. */
export function normalizeEmail(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').trim().toLowerCase() : value;
}
