/**
 * IIN (ЖСН / ИИН) and BIN (БСН / БИН) checks, as the national registers form them:
 * 12 ASCII digits, structural digits, and the two-pass mod-11 check digit (reference §2).
 */

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Removes spaces and hyphens (as people type them); nothing else. */
export function normalizeIdNumber(value: string): string {
  return value.trim().replace(/[\s-]+/g, '');
}

/** The check digit for an 11-digit prefix, or null when both passes give 10 (the prefix is unusable). */
export function checkDigit(prefix: string): number | null {
  const digits = [...prefix].map(Number);
  const r1 = digits.reduce((sum, d, i) => sum + d * W1[i]!, 0) % 11;
  if (r1 !== 10) return r1;
  const r2 = digits.reduce((sum, d, i) => sum + d * W2[i]!, 0) % 11;
  return r2 !== 10 ? r2 : null;
}

export type IinProblem = 'iinRequired' | 'iinFormat' | 'iinCentury' | 'iinDate' | 'iinChecksum';
export type BinProblem = 'binRequired' | 'binFormat' | 'binLooksLikeIin' | 'binMonth' | 'binEntity' | 'binChecksum';

function checksumOk(id: string): boolean {
  const expected = checkDigit(id.slice(0, 11));
  return expected !== null && expected === Number(id[11]);
}

/** Why an IIN is invalid, or null when it is valid. */
export function iinProblem(raw: string): IinProblem | null {
  const iin = normalizeIdNumber(raw);
  if (!iin) return 'iinRequired';
  if (!/^[0-9]{12}$/.test(iin)) return 'iinFormat';
  const century = Number(iin[6]);
  if (century < 1 || century > 6) return 'iinCentury';
  const year = 1800 + 100 * Math.floor((century - 1) / 2) + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return 'iinDate';
  }
  return checksumOk(iin) ? null : 'iinChecksum';
}

/** Why a BIN is invalid, or null when it is valid. */
export function binProblem(raw: string): BinProblem | null {
  const bin = normalizeIdNumber(raw);
  if (!bin) return 'binRequired';
  if (!/^[0-9]{12}$/.test(bin)) return 'binFormat';
  // In an IIN the 5th digit starts the day (0-3); in a BIN it is the entity type (4-6).
  if (Number(bin[4]) <= 3) return 'binLooksLikeIin';
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12) return 'binMonth';
  if (Number(bin[4]) > 6 || Number(bin[5]) > 3) return 'binEntity';
  return checksumOk(bin) ? null : 'binChecksum';
}

export const isValidIin = (value: string) => iinProblem(value) === null;
export const isValidBin = (value: string) => binProblem(value) === null;
