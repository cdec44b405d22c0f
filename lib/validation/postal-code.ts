/**
 * Kazpost postal codes: the old 6 digits or the new 7 characters (`A01 P3K4`, letter, two
 * digits, four letters or digits). Returns the stored form (upper-case, no space) or null.
 */
export function normalizePostalCode(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  if (/^[0-9]{6}$/.test(value)) return value;
  const match = /^([A-Z][0-9]{2}) ?([A-Z0-9]{4})$/.exec(value);
  return match ? `${match[1]}${match[2]}` : null;
}
