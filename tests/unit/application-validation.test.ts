import { describe, expect, it } from 'vitest';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import {
  applicationFieldNames,
  applicationFields,
  checkDraft,
  checkForSubmit,
  sectionCompleteness,
  type ApplicationField,
} from '@/lib/validation/application';

/** A complete application as an applicant might type it. */
const typed = {
  orgName: 'Қарағанды облысы білім басқармасының «№5 мектеп-гимназиясы» КММ',
  bin: '0603 4001-2341',
  orgPhone: '8 (7172) 55-12-34',
  orgEmail: ' Info@School5.EDU.kz ',
  legalAddress: '  Астана қ.,   Абай даңғылы, 10 ',
  region: 'KZ-71',
  city: ' Астана ',
  postalCode: 'z01 a2b3',
  librarianName: 'Ёлкина Айгүл Серікқызы'.normalize('NFD'),
  librarianIin: '850315-301235',
  librarianPhone: '8 701 123 45 67',
  librarianEmail: 'Library@School5.edu.kz',
  responsibleName: '  Әлиева   Гүлнұр ',
  responsiblePosition: 'Директордың оқу жұмысы жөніндегі орынбасары',
  responsiblePhone: '+7 (777) 123-45-67',
  responsibleEmail: 'DIRECTOR@school5.edu.kz',
  orgType: 'school',
} satisfies Record<ApplicationField | 'orgType', string>;

/** What checkForSubmit stores for `typed`. */
const normalised: Record<ApplicationField, string> = {
  orgName: 'Қарағанды облысы білім басқармасының «№5 мектеп-гимназиясы» КММ',
  bin: '060340012341',
  orgPhone: '+77172551234',
  orgEmail: 'info@school5.edu.kz',
  legalAddress: 'Астана қ., Абай даңғылы, 10',
  region: 'KZ-71',
  city: 'Астана',
  postalCode: 'Z01A2B3',
  librarianName: 'Ёлкина Айгүл Серікқызы'.normalize('NFC'),
  librarianIin: '850315301235',
  librarianPhone: '+77011234567',
  librarianEmail: 'library@school5.edu.kz',
  responsibleName: 'Әлиева Гүлнұр',
  responsiblePosition: 'Директордың оқу жұмысы жөніндегі орынбасары',
  responsiblePhone: '+77771234567',
  responsibleEmail: 'director@school5.edu.kz',
};

/** The key each field reports when it is missing. */
const requiredKeys: Record<ApplicationField, string> = {
  orgName: 'nameRequired',
  bin: 'binRequired',
  orgPhone: 'phoneRequired',
  orgEmail: 'emailRequired',
  legalAddress: 'addressRequired',
  region: 'regionRequired',
  city: 'cityRequired',
  postalCode: 'postalRequired',
  librarianName: 'nameRequired',
  librarianIin: 'iinRequired',
  librarianPhone: 'phoneRequired',
  librarianEmail: 'emailRequired',
  responsibleName: 'nameRequired',
  responsiblePosition: 'responsiblePositionRequired',
  responsiblePhone: 'phoneRequired',
  responsibleEmail: 'emailRequired',
};

function without(field: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...typed };
  delete copy[field];
  return copy;
}

describe('the application fields', () => {
  it('are the guide’s three sections of 8, 4 and 4 fields', () => {
    expect(applicationFieldNames).toHaveLength(16);
    const bySection = { 1: [] as string[], 2: [] as string[], 3: [] as string[] };
    for (const name of applicationFieldNames) bySection[applicationFields[name].section].push(name);
    expect(bySection[1]).toEqual(['orgName', 'bin', 'orgPhone', 'orgEmail', 'legalAddress', 'region', 'city', 'postalCode']);
    expect(bySection[2]).toEqual(['librarianName', 'librarianIin', 'librarianPhone', 'librarianEmail']);
    expect(bySection[3]).toEqual(['responsibleName', 'responsiblePosition', 'responsiblePhone', 'responsibleEmail']);
  });
});

describe('checkForSubmit', () => {
  it('accepts a complete valid application and returns the normalised values', () => {
    const result = checkForSubmit(typed);
    expect(result).toEqual({ ok: true, values: normalised, orgType: 'school' });
  });

  it('stores names in NFC', () => {
    const result = checkForSubmit(typed);
    if (!result.ok) throw new Error('expected a valid application');
    expect(typed.librarianName).not.toBe(result.values.librarianName);
    expect(result.values.librarianName).toBe('\u0401лкина Айгүл Серікқызы');
    expect(result.values.librarianName.normalize('NFC')).toBe(result.values.librarianName);
  });

  it('accepts a college and the old 6-digit postal code', () => {
    const result = checkForSubmit({ ...typed, orgType: 'college', postalCode: '010000' });
    expect(result).toMatchObject({ ok: true, orgType: 'college', values: { postalCode: '010000' } });
  });

  it.each(applicationFieldNames)('reports %s when it is missing, empty or blank', (field) => {
    for (const raw of [without(field), { ...typed, [field]: '' }, { ...typed, [field]: '   ' }, { ...typed, [field]: 42 }, { ...typed, [field]: ['x'] }]) {
      const result = checkForSubmit(raw);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual({ [field]: [requiredKeys[field]] });
    }
  });

  it('reports every missing field at once', () => {
    const result = checkForSubmit({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      ...Object.fromEntries(applicationFieldNames.map((name) => [name, [requiredKeys[name]]])),
      orgType: ['orgTypeRequired'],
    });
  });

  it('reports a wrong IIN checksum on librarianIin', () => {
    const result = checkForSubmit({ ...typed, librarianIin: '850315301234' });
    expect(result).toEqual({ ok: false, errors: { librarianIin: ['iinChecksum'] } });
  });

  it('reports the exact reason of a wrong BIN', () => {
    expect(checkForSubmit({ ...typed, bin: '850315301235' })).toEqual({ ok: false, errors: { bin: ['binLooksLikeIin'] } });
    expect(checkForSubmit({ ...typed, bin: '060340012340' })).toEqual({ ok: false, errors: { bin: ['binChecksum'] } });
  });

  it('requires the organisation type', () => {
    expect(checkForSubmit(without('orgType'))).toEqual({ ok: false, errors: { orgType: ['orgTypeRequired'] } });
    expect(checkForSubmit({ ...typed, orgType: 'university' })).toEqual({ ok: false, errors: { orgType: ['orgTypeRequired'] } });
    expect(checkForSubmit({ ...typed, orgType: '' })).toEqual({ ok: false, errors: { orgType: ['orgTypeRequired'] } });
  });

  it('reports the problem of each invalid field', () => {
    const result = checkForSubmit({
      ...typed,
      orgPhone: '+7 916 123-45-67',
      orgEmail: 'a@b.kz, c@d.kz',
      region: 'KZ-AST',
      postalCode: '020 000',
      librarianName: 'Айгүл',
      responsibleName: 'Әлиева 2',
      responsiblePhone: '55-12-34',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        orgPhone: ['phoneNotKz'],
        orgEmail: ['emailInvalid'],
        region: ['regionRequired'],
        postalCode: ['postalFormat'],
        librarianName: ['nameIncomplete'],
        responsibleName: ['nameCharacters'],
        responsiblePhone: ['phoneFormat'],
      },
    });
  });

  it('refuses values longer than the field allows', () => {
    const result = checkForSubmit({
      ...typed,
      legalAddress: 'а'.repeat(301),
      city: 'а'.repeat(101),
      responsiblePosition: 'а'.repeat(121),
      orgName: 'а'.repeat(501),
      bin: '1'.repeat(41),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        legalAddress: ['fieldTooLong'],
        city: ['fieldTooLong'],
        responsiblePosition: ['fieldTooLong'],
        orgName: ['nameTooLong'],
        bin: ['fieldTooLong'],
      },
    });
    expect(checkForSubmit({ ...typed, legalAddress: 'а'.repeat(300), city: 'а'.repeat(100) }).ok).toBe(true);
  });

  it('refuses hidden and control characters in every text field', () => {
    for (const field of ['legalAddress', 'city', 'responsiblePosition', 'orgName', 'librarianName', 'responsibleName', 'orgEmail'] as const) {
      for (const bad of ['\u202E', '\u0000', '\u200B']) {
        const value = `${typed[field].trim().slice(0, 3)}${bad}${typed[field].trim().slice(3)}`;
        expect(checkForSubmit({ ...typed, [field]: value }), `${field} with U+${bad.codePointAt(0)!.toString(16)}`).toEqual({
          ok: false,
          errors: { [field]: ['forbiddenCharacters'] },
        });
      }
    }
  });

  it('refuses hidden characters in the numeric and coded fields', () => {
    const result = checkForSubmit({ ...typed, bin: '060340\u200B012341', librarianIin: '850315\u202E301235', orgPhone: '8 701\u0000 123 4567', postalCode: 'Z01\u200BA2B3', region: 'KZ-71\u200B' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['bin', 'librarianIin', 'orgPhone', 'postalCode', 'region']);
  });
});

describe('checkDraft', () => {
  it('keeps empty fields as null without errors', () => {
    const draft = checkDraft({});
    expect(draft.values).toEqual(Object.fromEntries(applicationFieldNames.map((name) => [name, null])));
    expect(draft.errors).toEqual({});
    expect(draft.problems).toEqual({});
    expect(draft.orgType).toBeNull();

    const blank = checkDraft(Object.fromEntries(applicationFieldNames.map((name) => [name, '   '])));
    expect(blank.values).toEqual(draft.values);
    expect(blank.errors).toEqual({});
    expect(blank.problems).toEqual({});
  });

  it('ignores values that are not strings', () => {
    const draft = checkDraft({ orgName: 5, bin: ['060340012341'], city: { a: 1 }, orgType: 7 });
    expect(draft.values.orgName).toBeNull();
    expect(draft.values.bin).toBeNull();
    expect(draft.values.city).toBeNull();
    expect(draft.orgType).toBeNull();
    expect(draft.errors).toEqual({});
  });

  it('keeps a complete application as typed (trimmed, NFC) with no problems', () => {
    const draft = checkDraft(typed);
    expect(draft.errors).toEqual({});
    expect(draft.problems).toEqual({});
    expect(draft.orgType).toBe('school');
    expect(draft.values.bin).toBe('0603 4001-2341');
    expect(draft.values.orgEmail).toBe('Info@School5.EDU.kz');
    expect(draft.values.postalCode).toBe('z01 a2b3');
    expect(draft.values.librarianName).toBe('Ёлкина Айгүл Серікқызы'.normalize('NFC'));
  });

  it('keeps a filled invalid field as typed and reports it as a problem, not an error', () => {
    const draft = checkDraft({
      bin: '850315301235',
      librarianIin: ' 850315301234 ',
      orgPhone: '55-12-34',
      orgEmail: 'not an email',
      postalCode: '020 000',
      region: 'Астана',
      librarianName: 'Айгүл',
    });
    expect(draft.errors).toEqual({});
    expect(draft.values).toMatchObject({
      bin: '850315301235',
      librarianIin: '850315301234',
      orgPhone: '55-12-34',
      orgEmail: 'not an email',
      postalCode: '020 000',
      region: 'Астана',
      librarianName: 'Айгүл',
      orgName: null,
    });
    expect(draft.problems).toEqual({
      bin: ['binLooksLikeIin'],
      librarianIin: ['iinChecksum'],
      orgPhone: ['phoneFormat'],
      orgEmail: ['emailInvalid'],
      postalCode: ['postalFormat'],
      region: ['regionRequired'],
      librarianName: ['nameIncomplete'],
    });
  });

  it('refuses a field with a hidden or control character: error, value null', () => {
    const draft = checkDraft({ ...typed, legalAddress: 'Абай\u0000 10', librarianName: 'Ёлкина\u202E Айгүл', city: 'Аста\u200Bна' });
    expect(draft.errors).toEqual({
      legalAddress: ['forbiddenCharacters'],
      librarianName: ['forbiddenCharacters'],
      city: ['forbiddenCharacters'],
    });
    expect(draft.values.legalAddress).toBeNull();
    expect(draft.values.librarianName).toBeNull();
    expect(draft.values.city).toBeNull();
    expect(draft.problems).toEqual({});
    expect(draft.values.orgName).toBe(typed.orgName);
  });

  it('refuses a field over its maximum length: error, value null', () => {
    const draft = checkDraft({ orgName: 'а'.repeat(501), bin: '1'.repeat(21), legalAddress: 'а'.repeat(300), city: 'а'.repeat(101) });
    expect(draft.errors).toEqual({ orgName: ['fieldTooLong'], bin: ['fieldTooLong'], city: ['fieldTooLong'] });
    expect(draft.values.orgName).toBeNull();
    expect(draft.values.bin).toBeNull();
    expect(draft.values.city).toBeNull();
    expect(draft.values.legalAddress).toBe('а'.repeat(300));
    expect(draft.problems).toEqual({});
  });

  it('measures the length after trimming', () => {
    const draft = checkDraft({ city: `  ${'а'.repeat(100)}  ` });
    expect(draft.errors).toEqual({});
    expect(draft.values.city).toBe('а'.repeat(100));
  });

  it('keeps a valid organisation type only', () => {
    expect(checkDraft({ orgType: 'college' }).orgType).toBe('college');
    expect(checkDraft({ orgType: 'university' }).orgType).toBeNull();
  });
});

describe('sectionCompleteness', () => {
  it('counts 8, 4 and 4 fields and none done when empty', () => {
    expect(sectionCompleteness({})).toEqual({ 1: { done: 0, total: 8 }, 2: { done: 0, total: 4 }, 3: { done: 0, total: 4 } });
  });

  it('counts every field of a complete valid application, typed or normalised', () => {
    const full = { 1: { done: 8, total: 8 }, 2: { done: 4, total: 4 }, 3: { done: 4, total: 4 } };
    expect(sectionCompleteness(normalised)).toEqual(full);
    expect(sectionCompleteness(checkDraft(typed).values)).toEqual(full);
  });

  it('counts only filled valid fields', () => {
    const values = {
      ...normalised,
      bin: '060340012340', // wrong checksum
      orgPhone: null,
      region: 'KZ-AST',
      librarianIin: '', // empty
      responsibleEmail: 'not an email',
      responsiblePosition: '   ',
    };
    expect(sectionCompleteness(values)).toEqual({ 1: { done: 5, total: 8 }, 2: { done: 3, total: 4 }, 3: { done: 2, total: 4 } });
  });

  it('counts a draft’s values the same way', () => {
    const draft = checkDraft({ orgName: typed.orgName, bin: '123', librarianName: 'Айгүл', librarianIin: typed.librarianIin, responsibleEmail: typed.responsibleEmail });
    expect(sectionCompleteness(draft.values)).toEqual({ 1: { done: 1, total: 8 }, 2: { done: 1, total: 4 }, 3: { done: 1, total: 4 } });
  });
});

describe('error keys', () => {
  /** Bad inputs per field: empty, too long, hidden characters and each kind of format error. */
  const badValues: Record<ApplicationField, string[]> = {
    orgName: ['', '12345', 'Мектеп <b>', 'а'.repeat(501), 'а'.repeat(1001), 'Мектеп\u202E'],
    bin: ['', '123', '850315301235', '060340012340', '191340000129', '200170000127', '1'.repeat(21), '1'.repeat(41), '0603\u200B40012341'],
    orgPhone: ['', '55-12-34', '+7 916 123-45-67', '+7 750 123 4567', 'abc', '+997 701 1234567', '8'.repeat(31)],
    orgEmail: ['', 'not an email', 'a@b.kz, c@d.kz', `${'a'.repeat(250)}@b.kz`, 'a\u200B@b.kz', 'Имя <a@b.kz>'],
    legalAddress: ['', 'а'.repeat(301), 'а'.repeat(601), 'Абай\u0000 10'],
    region: ['', 'KZ-AST', 'KZ-00', 'Астана', 'KZ-71\u200B'],
    city: ['', 'а'.repeat(101), 'Аста\u202Eна'],
    postalCode: ['', '01000', '020 000', 'AA1 P3K4', 'A01 P3K4 5', 'Z01\u200BA2B3'],
    librarianName: ['', 'Айгүл', 'Айгүл 2', 'а'.repeat(151), 'а б'.repeat(60), 'Айгүл\u200B Ерлан'],
    librarianIin: ['', '85031530123', '850315301234', '851315301238', '850315001236', '８５０３１５３０１２３５', '1'.repeat(41)],
    librarianPhone: ['', '55-12-34', '+7 916 123-45-67'],
    librarianEmail: ['', 'x', 'x@'],
    responsibleName: ['', 'Ерлан', 'Ерлан @'],
    responsiblePosition: ['', 'а'.repeat(121), 'Директор\u0007'],
    responsiblePhone: ['', '+7 799 123 4567'],
    responsibleEmail: ['', 'a b@c.kz'],
  };

  function collectKeys(): Set<string> {
    const keys = new Set<string>();
    const add = (errors: Partial<Record<string, string[]>>) => Object.values(errors).forEach((list) => list?.forEach((key) => keys.add(key)));
    for (const name of applicationFieldNames) {
      for (const bad of badValues[name]) {
        const submitted = checkForSubmit({ ...typed, orgType: 'nope', [name]: bad });
        if (!submitted.ok) add(submitted.errors);
        const draft = checkDraft({ ...typed, [name]: bad });
        add(draft.errors);
        add(draft.problems);
      }
    }
    return keys;
  }

  it('exercise every kind of refusal', () => {
    const keys = collectKeys();
    for (const key of [
      ...Object.values(requiredKeys),
      'orgTypeRequired',
      'fieldTooLong',
      'forbiddenCharacters',
      'nameTooLong',
      'nameCharacters',
      'nameIncomplete',
      'binFormat',
      'binLooksLikeIin',
      'binMonth',
      'binEntity',
      'binChecksum',
      'iinFormat',
      'iinCentury',
      'iinDate',
      'iinChecksum',
      'phoneFormat',
      'phoneNotKz',
      'postalFormat',
      'emailInvalid',
      'emailTooLong',
    ]) {
      expect(keys, key).toContain(key);
    }
  });

  it('all exist in the Errors namespace of both languages', () => {
    const keys = collectKeys();
    const kkErrors: Record<string, string> = kk.Errors;
    const ruErrors: Record<string, string> = ru.Errors;
    for (const key of keys) {
      expect(kkErrors[key]?.trim(), `kk Errors.${key}`).toBeTruthy();
      expect(ruErrors[key]?.trim(), `ru Errors.${key}`).toBeTruthy();
    }
  });
});
