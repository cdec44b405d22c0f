import { describe, expect, it } from 'vitest';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { cleanName, ORG_NAME_MAX, orgNameProblem, PERSON_NAME_MAX, personNameProblem } from '@/lib/validation/names';
import { formatPhone, parseKzPhone } from '@/lib/validation/phone';
import { normalizePostalCode } from '@/lib/validation/postal-code';
import { regionCodes, regionKey, type RegionCode } from '@/lib/validation/regions';

describe('parseKzPhone (reference §6.3)', () => {
  const kzRows = [
    ['8 (701) 123-45-67', '+77011234567'],
    ['+7(701)1234567', '+77011234567'],
    ['7011234567', '+77011234567'],
    ['77011234567', '+77011234567'],
    ['8-7172-55-12-34', '+77172551234'],
    ['8 (727) 258-12-34', '+77272581234'],
    ['+7 (701) 123-45-67', '+77011234567'],
    ['8 701 123 4567', '+77011234567'],
    // Further written forms listed in §6.3.
    ['+7 701 123 4567', '+77011234567'],
    ['8 (701) 123 45 67', '+77011234567'],
    ['8 701 1234567', '+77011234567'],
    ['+7 (7172) 55-12-34', '+77172551234'],
    ['8 7172 55 12 34', '+77172551234'],
  ] as const;

  it.each(kzRows)('normalises %s to %s', (input, e164) => {
    const result = parseKzPhone(input);
    expect(result).toMatchObject({ ok: true, e164 });
    if (!result.ok) return;
    // A display string of the same number (libphonenumber's grouping is not asserted, §6.3 rule 4).
    expect(result.display).toMatch(/^\+7[0-9 ]+$/);
    expect(result.display.replace(/\D/g, '')).toBe(e164.slice(1));
  });

  it('trims the typed number', () => {
    expect(parseKzPhone('  8 701 123 4567 ')).toMatchObject({ ok: true, e164: '+77011234567' });
  });

  it('refuses a local number without area code', () => {
    expect(parseKzPhone('55-12-34')).toEqual({ ok: false, problem: 'phoneFormat' });
  });

  it('refuses a Russian number', () => {
    expect(parseKzPhone('+7 916 123-45-67')).toEqual({ ok: false, problem: 'phoneNotKz' });
  });

  it('refuses KZ numbers in unassigned ranges', () => {
    expect(parseKzPhone('+7 750 123 4567')).toEqual({ ok: false, problem: 'phoneFormat' });
    expect(parseKzPhone('+7 799 123 4567')).toEqual({ ok: false, problem: 'phoneFormat' });
  });

  it('asks for a number when empty', () => {
    expect(parseKzPhone('')).toEqual({ ok: false, problem: 'phoneRequired' });
    expect(parseKzPhone('   ')).toEqual({ ok: false, problem: 'phoneRequired' });
  });

  it('refuses letters', () => {
    for (const input of ['abc', '8 701 abc 4567', '+7 701 123 45 6O', 'tel:+77011234567', '8 701 123 4567 ext 5']) {
      expect(parseKzPhone(input), input).toEqual({ ok: false, problem: 'phoneFormat' });
    }
  });

  it('refuses full-width digits and overlong input', () => {
    expect(parseKzPhone('８ ７０１ １２３ ４５６７')).toEqual({ ok: false, problem: 'phoneFormat' });
    expect(parseKzPhone(`8 701 123 4567${' '.repeat(20)}1`)).toMatchObject({ ok: false });
  });

  it('refuses the never-activated +997 code', () => {
    const result = parseKzPhone('+997 701 1234567');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['phoneFormat', 'phoneNotKz']).toContain(result.problem);
  });

  it('formats a stored E.164 number for display, leaving anything else unchanged', () => {
    expect(formatPhone('+77011234567').replace(/\D/g, '')).toBe('77011234567');
    expect(formatPhone('+77011234567')).toMatch(/^\+7 /);
    expect(formatPhone('not a number')).toBe('not a number');
  });
});

describe('normalizePostalCode (reference §4)', () => {
  it.each([
    ['010000', '010000'],
    [' 160000 ', '160000'],
    ['a01 p3k4', 'A01P3K4'],
    ['A01P3K4', 'A01P3K4'],
    ['A01 P3K4', 'A01P3K4'],
    ['X41 D8M0', 'X41D8M0'],
    ['x41d8m0', 'X41D8M0'],
  ])('stores %j as %j', (input, stored) => {
    expect(normalizePostalCode(input)).toBe(stored);
  });

  it.each(['01000', '0100000', 'AA1 P3K4', '020 000', '', 'A01 P3K', 'A01 P3K45', '1A1 P3K4', 'A0B P3K4', 'A01-P3K4', '０１００００'])('refuses %j', (input) => {
    expect(normalizePostalCode(input)).toBeNull();
  });
});

/** Reference §5.1, Kazakh and Russian names of the 20 first-level units by ISO 3166-2 code (§5.2). */
const referenceNames: Record<RegionCode, { kk: string; ru: string }> = {
  'KZ-10': { kk: 'Абай облысы', ru: 'Абайская область' },
  'KZ-11': { kk: 'Ақмола облысы', ru: 'Акмолинская область' },
  'KZ-15': { kk: 'Ақтөбе облысы', ru: 'Актюбинская область' },
  'KZ-19': { kk: 'Алматы облысы', ru: 'Алматинская область' },
  'KZ-23': { kk: 'Атырау облысы', ru: 'Атырауская область' },
  'KZ-63': { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область' },
  'KZ-31': { kk: 'Жамбыл облысы', ru: 'Жамбылская область' },
  'KZ-33': { kk: 'Жетісу облысы', ru: 'Жетысуская область' },
  'KZ-35': { kk: 'Қарағанды облысы', ru: 'Карагандинская область' },
  'KZ-39': { kk: 'Қостанай облысы', ru: 'Костанайская область' },
  'KZ-43': { kk: 'Қызылорда облысы', ru: 'Кызылординская область' },
  'KZ-47': { kk: 'Маңғыстау облысы', ru: 'Мангистауская область' },
  'KZ-59': { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область' },
  'KZ-55': { kk: 'Павлодар облысы', ru: 'Павлодарская область' },
  'KZ-61': { kk: 'Түркістан облысы', ru: 'Туркестанская область' },
  'KZ-62': { kk: 'Ұлытау облысы', ru: 'Улытауская область' },
  'KZ-27': { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область' },
  'KZ-71': { kk: 'Астана қаласы', ru: 'город Астана' },
  'KZ-75': { kk: 'Алматы қаласы', ru: 'город Алматы' },
  'KZ-79': { kk: 'Шымкент қаласы', ru: 'город Шымкент' },
};

describe('regions (reference §5)', () => {
  const kkRegions: Record<string, string> = kk.Regions;
  const ruRegions: Record<string, string> = ru.Regions;

  it('lists exactly the 20 first-level units, once each', () => {
    expect(regionCodes).toHaveLength(20);
    expect(new Set(regionCodes).size).toBe(20);
    expect([...regionCodes].sort()).toEqual(Object.keys(referenceNames).sort());
  });

  it('includes the 2022 regions and the three cities', () => {
    for (const code of ['KZ-10', 'KZ-33', 'KZ-62', 'KZ-71', 'KZ-75', 'KZ-79']) expect(regionCodes).toContain(code);
  });

  it('uses the current numeric ISO codes only', () => {
    for (const code of regionCodes) expect(code).toMatch(/^KZ-[0-9]{2}$/);
  });

  it('keys each code by its number', () => {
    expect(regionKey('KZ-10')).toBe('r10');
    expect(regionKey('KZ-79')).toBe('r79');
    expect(new Set(regionCodes.map(regionKey)).size).toBe(20);
  });

  it.each([...regionCodes])('%s has a non-empty name in kk and ru', (code) => {
    expect(kkRegions[regionKey(code)]?.trim()).toBeTruthy();
    expect(ruRegions[regionKey(code)]?.trim()).toBeTruthy();
  });

  it.each([...regionCodes])('%s is named as in reference §5.1', (code) => {
    expect(kkRegions[regionKey(code)]).toBe(referenceNames[code].kk);
    expect(ruRegions[regionKey(code)]).toBe(referenceNames[code].ru);
  });

  it('has no region names for codes outside the list', () => {
    const keys = regionCodes.map(regionKey).sort();
    expect(Object.keys(kkRegions).sort()).toEqual(keys);
    expect(Object.keys(ruRegions).sort()).toEqual(keys);
  });
});

describe('personNameProblem (reference §7.1)', () => {
  it.each([
    'Әлиева Гүлнұр Серікқызы',
    'Жаңабай Нұрсұлтан',
    'Ёлкин Иван',
    'Нұрланов Ерлан',
    "O'Brien John",
    'Абдулла-Хан Әли',
    'Ғабит Өмірзақ Һәкімұлы',
    'Іскакова Үміт',
    'Иванов Иван Иванович',
    'Smith Anna',
    'Zhanbulat Aliya',
    'Тілеуқызы Ақбота',
    'О’Нил Джон',
  ])('accepts %s', (name) => {
    expect(personNameProblem(name)).toBeNull();
  });

  it('accepts surname and given name without patronymic', () => {
    expect(personNameProblem('Жанбулат Айгерим')).toBeNull();
    expect(personNameProblem('Жанбулат Айгерим Серікқызы')).toBeNull();
  });

  it('accepts extra spaces around and between the parts', () => {
    expect(personNameProblem('  Әлиева   Гүлнұр  ')).toBeNull();
    expect(cleanName('  Әлиева   Гүлнұр  ')).toBe('Әлиева Гүлнұр');
  });

  it('asks for surname and given name when a single word is typed', () => {
    expect(personNameProblem('Нұрсұлтан')).toBe('nameIncomplete');
    expect(personNameProblem('Абдулла-Хан')).toBe('nameIncomplete');
    expect(personNameProblem('  Иван  ')).toBe('nameIncomplete');
  });

  it('refuses digits and symbols', () => {
    expect(personNameProblem('Иванов Иван 2')).toBe('nameCharacters');
    expect(personNameProblem('Иванов1 Иван')).toBe('nameCharacters');
    expect(personNameProblem('Иванов <Иван>')).toBe('nameCharacters');
    expect(personNameProblem('Иванов Иван.')).toBe('nameCharacters');
    expect(personNameProblem("'- '")).toBe('nameCharacters');
  });

  it('refuses hidden and control characters', () => {
    expect(personNameProblem('Иванов\u200BИван')).toBe('forbiddenCharacters');
    expect(personNameProblem('Иванов Иван\u200B')).toBe('forbiddenCharacters');
    expect(personNameProblem('Иванов \u202EИван')).toBe('forbiddenCharacters');
    expect(personNameProblem('Иванов Иван\u0000')).toBe('forbiddenCharacters');
    expect(personNameProblem('Иванов\u2066 Иван')).toBe('forbiddenCharacters');
    expect(personNameProblem('\uFEFFИванов Иван')).toBe('forbiddenCharacters');
  });

  it('asks for a name when empty', () => {
    expect(personNameProblem('')).toBe('nameRequired');
    expect(personNameProblem('   ')).toBe('nameRequired');
  });

  it(`accepts up to ${PERSON_NAME_MAX} characters and refuses more`, () => {
    const atMax = `${'А'.repeat(70)} ${'Б'.repeat(PERSON_NAME_MAX - 71)}`;
    expect(atMax).toHaveLength(150);
    expect(personNameProblem(atMax)).toBeNull();
    expect(personNameProblem(`${atMax}Б`)).toBe('nameTooLong');
    expect(personNameProblem(`${'А'.repeat(100)} ${'Б'.repeat(100)}`)).toBe('nameTooLong');
  });

  it('stores NFD input in NFC', () => {
    const nfd = 'Ёлкин Йорган Әлиұлы'.normalize('NFD');
    expect(nfd).not.toBe('Ёлкин Йорган Әлиұлы');
    expect(personNameProblem(nfd)).toBeNull();
    expect(cleanName(nfd)).toBe('Ёлкин Йорган Әлиұлы'.normalize('NFC'));
    expect(cleanName(nfd)).toBe('\u0401лкин \u0419орган \u04D8лиұлы');
  });
});

describe('orgNameProblem (reference §7.3)', () => {
  const karaganda =
    'Қарағанды облысы білім басқармасының Қарағанды қаласы білім бөлімінің «№5 қосымша білім беру мектеп-орталығы» коммуналдық мемлекеттік мекемесі';

  it.each([
    karaganda,
    'КГУ «Общеобразовательная школа № 12» отдела образования города Астаны',
    'ГККП "Колледж (политехнический)" г. Шымкент',
    'ТОО «Колледж «Болашақ»»',
    'ЖШС „Мектеп“ №3, филиал: Алматы қ.',
    'School-Lyceum No. 7 / Мектеп-лицей № 7',
    'Колледж & Ко + партнёры; филиал 2',
  ])('accepts %s', (name) => {
    expect(orgNameProblem(name)).toBeNull();
  });

  it(`accepts up to ${ORG_NAME_MAX} characters and refuses more`, () => {
    const long = `${karaganda} `.repeat(4).slice(0, ORG_NAME_MAX).trim();
    const atMax = long.padEnd(ORG_NAME_MAX, 'а');
    expect(atMax).toHaveLength(500);
    expect(orgNameProblem(atMax)).toBeNull();
    expect(orgNameProblem(`${atMax}а`)).toBe('nameTooLong');
  });

  it('refuses digits only, markup and other symbols', () => {
    expect(orgNameProblem('12345')).toBe('nameCharacters');
    expect(orgNameProblem('«№5»')).toBe('nameCharacters');
    expect(orgNameProblem('Мектеп <script>')).toBe('nameCharacters');
    expect(orgNameProblem('Мектеп @ 5')).toBe('nameCharacters');
  });

  it('refuses hidden and control characters and asks for a name when empty', () => {
    expect(orgNameProblem('Мектеп\u200B №5')).toBe('forbiddenCharacters');
    expect(orgNameProblem('Мектеп \u202E№5')).toBe('forbiddenCharacters');
    expect(orgNameProblem('Мектеп\u0000')).toBe('forbiddenCharacters');
    expect(orgNameProblem('')).toBe('nameRequired');
    expect(orgNameProblem('  ')).toBe('nameRequired');
  });

  it('stores NFD input in NFC', () => {
    const nfd = 'Мектеп-гимназия «Ақ Йорт»'.normalize('NFD');
    expect(orgNameProblem(nfd)).toBeNull();
    expect(cleanName(nfd)).toBe('Мектеп-гимназия «Ақ Йорт»'.normalize('NFC'));
  });
});
