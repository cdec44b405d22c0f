import { describe, expect, it } from 'vitest';
import { binProblem, checkDigit, iinProblem, isValidBin, isValidIin, normalizeIdNumber } from '@/lib/validation/kz-id';

/** Reference §3.1: valid IINs (synthetic), with what they decode to. */
const validIins = [
  ['850315301235', '1985-03-15, male'],
  ['920728450121', '1992-07-28, female'],
  ['050101500070', '2005-01-01, male, check digit 0'],
  ['101231604567', '2010-12-31, female'],
  ['991105100015', '1899-11-05, male, 19th-century digit'],
  ['960229203101', '1896-02-29, female, 1896 is a leap year'],
  ['000229501006', '2000-02-29, male, 2000 is a leap year'],
  ['900101300811', '1990-01-01, male, second pass used'],
] as const;

/** Reference §3.2: valid BINs. */
const validBins = [
  ['060340012341', '2006-03, resident, head'],
  ['150941000770', '2015-09, resident, branch'],
  ['180242003156', '2018-02, resident, representative office'],
  ['220450000281', '2022-04, non-resident, head'],
  ['191160004571', '2019-11, ИП(С), head, second pass'],
  ['230163000194', '2023-01, ИП(С), peasant farm'],
  ['120740001801', '2012-07, resident, head, second pass'],
  ['940140000385', '1994-01, resident, head (public)'],
  ['961141000023', '1996-11, resident, branch (public, second pass)'],
] as const;

/** Reference §3.3: invalid IINs and the reason each must be refused with. */
const invalidIins = [
  ['850315301234', 'iinChecksum', 'check digit should be 5'],
  ['85031530123', 'iinFormat', '11 digits'],
  ['8503153012350', 'iinFormat', '13 digits'],
  ['8503153012355', 'iinFormat', '13 digits, first 11 give 5 = last char'],
  ['85031530123A', 'iinFormat', 'letter'],
  ['８５０３１５３０１２３５', 'iinFormat', 'full-width digits'],
  ['', 'iinRequired', 'empty'],
  ['851315301238', 'iinDate', 'month 13 (checksum correct)'],
  ['850332301238', 'iinDate', 'day 32 (checksum correct)'],
  ['980229200021', 'iinDate', '1898-02-29 does not exist'],
  ['000229301013', 'iinDate', '1900-02-29 does not exist'],
  ['850315001236', 'iinCentury', 'century/sex digit 0'],
  ['850315701230', 'iinCentury', 'century/sex digit 7'],
  ['890402315840', 'iinChecksum', 'prefix gives 10 in both passes'],
  ['900101300800', 'iinChecksum', 'prefix gives 10 in both passes'],
] as const;

/** Reference §3.3: invalid BINs and the reason each must be refused with. */
const invalidBins = [
  ['060340012340', 'binChecksum', 'check digit should be 1'],
  ['191160004560', 'binChecksum', 'prefix gives 10 in both passes'],
  ['191340000129', 'binMonth', 'month 13 (checksum correct)'],
  ['200040000126', 'binMonth', 'month 00 (checksum correct)'],
  ['200170000127', 'binEntity', 'digit 5 = 7 (checksum correct)'],
  ['200145000120', 'binEntity', 'digit 6 = 5 (checksum correct)'],
  ['12074000180', 'binFormat', '11 digits'],
] as const;

describe('IIN (reference §3.1, §3.3)', () => {
  it.each(validIins)('accepts the valid IIN %s (%s)', (iin) => {
    expect(iinProblem(iin)).toBeNull();
    expect(isValidIin(iin)).toBe(true);
  });

  it.each(invalidIins)('refuses %s with %s (%s)', (iin, reason) => {
    expect(iinProblem(iin)).toBe(reason);
    expect(isValidIin(iin)).toBe(false);
  });

  it('refuses a blank value as missing', () => {
    expect(iinProblem('   ')).toBe('iinRequired');
    expect(iinProblem(' - ')).toBe('iinRequired');
  });

  it('refuses Arabic-Indic and other non-ASCII digits', () => {
    expect(iinProblem('٨٥٠٣١٥٣٠١٢٣٥')).toBe('iinFormat');
    expect(iinProblem('85031530123５')).toBe('iinFormat');
  });

  it('refuses a BIN typed into the IIN field', () => {
    // Read as an IIN, 060340012341 has century digit 0 (and day 40); §2.6 checks digit 7 before the date.
    expect(iinProblem('060340012341')).toBe('iinCentury');
    expect(isValidIin('060340012341')).toBe(false);
  });
});

describe('BIN (reference §3.2, §3.3)', () => {
  it.each(validBins)('accepts the valid BIN %s (%s)', (bin) => {
    expect(binProblem(bin)).toBeNull();
    expect(isValidBin(bin)).toBe(true);
  });

  it.each(invalidBins)('refuses %s with %s (%s)', (bin, reason) => {
    expect(binProblem(bin)).toBe(reason);
    expect(isValidBin(bin)).toBe(false);
  });

  it('refuses an empty or blank value as missing', () => {
    expect(binProblem('')).toBe('binRequired');
    expect(binProblem('  ')).toBe('binRequired');
  });

  it('refuses letters, 13 digits and full-width digits as a format error', () => {
    expect(binProblem('06034001234A')).toBe('binFormat');
    expect(binProblem('0603400123410')).toBe('binFormat');
    expect(binProblem('０６０３４００１２３４１')).toBe('binFormat');
  });

  it('says an IIN typed into the BIN field looks like an IIN', () => {
    expect(binProblem('850315301235')).toBe('binLooksLikeIin');
    for (const [iin] of validIins) expect(binProblem(iin)).toBe('binLooksLikeIin');
    expect(isValidBin('850315301235')).toBe(false);
  });
});

describe('spaces and hyphens', () => {
  it('removes spaces and hyphens, and nothing else', () => {
    expect(normalizeIdNumber('850315 301235')).toBe('850315301235');
    expect(normalizeIdNumber('8503-1530-1235')).toBe('850315301235');
    expect(normalizeIdNumber('  8503 1530 1235  ')).toBe('850315301235');
    expect(normalizeIdNumber('060 340 - 012 341')).toBe('060340012341');
    expect(normalizeIdNumber('850315.301235')).toBe('850315.301235');
    expect(normalizeIdNumber('85031530123A')).toBe('85031530123A');
  });

  it('accepts IINs and BINs written with spaces or hyphens', () => {
    for (const written of ['850315 301235', '8503-1530-1235', ' 850315301235 ', '85 03 15 30 12 35', '850315--301235']) {
      expect(iinProblem(written), written).toBeNull();
      expect(isValidIin(written), written).toBe(true);
    }
    for (const written of ['0603 4001 2341', '060340-012341', '  060340012341\u0020']) {
      expect(binProblem(written), written).toBeNull();
      expect(isValidBin(written), written).toBe(true);
    }
  });

  it('still checks the checksum after removing separators', () => {
    expect(iinProblem('850315 301234')).toBe('iinChecksum');
    expect(binProblem('0603-4001-2340')).toBe('binChecksum');
  });

  it('refuses letters and other separators', () => {
    for (const written of ['850315.301235', '850315/301235', '850315_301235', '850315–301235', '850315,301235', '85O315301235', 'IIN850315301235']) {
      expect(iinProblem(written), written).toBe('iinFormat');
    }
    for (const written of ['060340.012341', '060340/012341', '060340_012341', '060340—012341', 'O60340012341']) {
      expect(binProblem(written), written).toBe('binFormat');
    }
  });
});

describe('checkDigit (reference §2.4 worked examples)', () => {
  it('gives the first-pass remainder when it is a digit', () => {
    expect(checkDigit('85031530123')).toBe(5);
  });

  it('uses the second pass when the first gives 10', () => {
    expect(checkDigit('90010130081')).toBe(1);
  });

  it('gives null when both passes give 10 (the prefix is unusable)', () => {
    expect(checkDigit('89040231584')).toBeNull();
    expect(checkDigit('90010130080')).toBeNull();
    expect(checkDigit('19116000456')).toBeNull();
  });

  it('agrees with the last digit of every valid vector', () => {
    for (const [id] of [...validIins, ...validBins]) expect(checkDigit(id.slice(0, 11)), id).toBe(Number(id[11]));
  });
});
