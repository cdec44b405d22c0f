import { describe, expect, it } from 'vitest';
import { orgTypes } from '@/db/schema/enums';
import { EMAIL_MAX, emailField, fieldErrors } from '@/lib/validation/fields';
import { positionCodes } from '@/lib/validation/positions';
import { POSITION_OTHER_MAX, signUpSchema } from '@/lib/validation/sign-up';
import { cleanText, hasForbiddenCharacters, normalizeEmail } from '@/lib/validation/text';

const valid = { email: 'director@school12.edu.kz', position: 'director', orgType: 'school', consent: 'on' };

/** The field errors ({ field: [messageKey] }) the schema reports for an input, or null when it passes. */
function errorsFor(input: Record<string, unknown>): Record<string, string[]> | null {
  const result = signUpSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

function emailErrors(email: unknown): string[] {
  const result = emailField.safeParse(email);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('email field', () => {
  it('trims and lower-cases the address', () => {
    const result = signUpSchema.parse({ ...valid, email: '  Director@School12.EDU.kz ' });
    expect(result.email).toBe('director@school12.edu.kz');
    expect(emailField.parse('\tA.B@C.KZ\n')).toBe('a.b@c.kz');
  });

  it('composes the address to NFC', () => {
    expect(normalizeEmail('  Ä@b.kz ')).toBe('ä@b.kz'.normalize('NFC'));
    expect(normalizeEmail('A\u0308@b.kz')).toBe('\u00e4@b.kz');
    expect(normalizeEmail(42)).toBe(42);
  });

  it.each([
    ['two addresses separated by a comma', 'a@b.kz, c@d.kz'],
    ['two addresses separated by a comma without a space', 'a@b.kz,c@d.kz'],
    ['two addresses separated by a semicolon', 'a@b.kz;c@d.kz'],
    ['a display name', 'Name <a@b.kz>'],
    ['angle brackets', '<a@b.kz>'],
    ['no @', 'director.school12.edu.kz'],
    ['two @', 'a@b@c.kz'],
    ['no domain', 'a@'],
    ['no local part', '@b.kz'],
    ['a space inside', 'dir ector@school.kz'],
  ])('rejects %s as emailInvalid', (_what, email) => {
    expect(emailErrors(email)).toEqual(['emailInvalid']);
    expect(errorsFor({ ...valid, email })).toEqual({ email: ['emailInvalid'] });
  });

  it.each([
    ['a NUL byte', 'a\u0000@b.kz'],
    ['a right-to-left override', 'a\u202E@b.kz'],
    ['a zero-width space', 'dir\u200Bector@b.kz'],
    ['a newline (header injection)', 'a@b.kz\nBcc: x@y.kz'],
    ['a carriage return', 'a@b.kz\r\nBcc: x@y.kz'],
    ['a byte-order mark inside', 'a\uFEFF@b.kz'],
  ])('rejects %s as forbiddenCharacters', (_what, email) => {
    const errors = emailErrors(email);
    expect(errors).toContain('forbiddenCharacters');
    expect(errors.every((e) => e === 'forbiddenCharacters' || e === 'emailInvalid')).toBe(true);
    expect(signUpSchema.safeParse({ ...valid, email }).success).toBe(false);
  });

  it('accepts 254 characters and rejects longer addresses as emailTooLong', () => {
    // 64 + 1 + 63 + 1 + 63 + 1 + 58 + 3 = 254, every label within DNS limits.
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.kz`;
    expect(at254).toHaveLength(EMAIL_MAX);
    expect(emailErrors(at254)).toEqual([]);
    expect(emailErrors(`${at254}z`)).toEqual(['emailTooLong']);
    const long = `${'a'.repeat(250)}@b.kz`;
    expect(emailErrors(long)).toEqual(['emailTooLong']);
    expect(errorsFor({ ...valid, email: long })).toEqual({ email: ['emailTooLong'] });
  });

  it('requires an email', () => {
    expect(emailErrors('')).toEqual(['emailRequired']);
    expect(emailErrors('   ')).toEqual(['emailRequired']);
    expect(emailErrors(undefined)).toEqual(['emailRequired']);
    expect(errorsFor({ ...valid, email: undefined })).toEqual({ email: ['emailRequired'] });
  });
});

describe('forbidden characters', () => {
  const forbidden = [0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x9f, 0x61c, 0x200b, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060, 0x2066, 0x2069, 0xfeff];
  it.each(forbidden.map((code) => [code.toString(16).toUpperCase().padStart(4, '0'), code] as const))('flags U+%s', (_hex, code) => {
    expect(hasForbiddenCharacters(`ab${String.fromCodePoint(code)}cd`)).toBe(true);
  });

  it('lets ordinary Kazakh, Russian and Latin text through', () => {
    expect(hasForbiddenCharacters('Кітапхана меңгерушісі — Ә Ғ Қ Ң Ө Ұ Ү Һ І; Заместитель директора; Librarian №1 (50%)')).toBe(false);
  });

  it('cleanText trims and composes to NFC', () => {
    expect(cleanText('  е\u0308  ')).toBe('ё');
  });
});

describe('position', () => {
  it.each(positionCodes.filter((code) => code !== 'other'))('accepts %s and stores no free text', (position) => {
    const result = signUpSchema.parse({ ...valid, position, positionOther: 'ignored text' });
    expect(result.position).toBe(position);
    expect(result.positionOther).toBeNull();
  });

  it.each(['', 'astronaut', 'Director', 'director '])('rejects %j as positionRequired', (position) => {
    expect(errorsFor({ ...valid, position })).toEqual({ position: ['positionRequired'] });
  });

  it('requires a position', () => {
    expect(errorsFor({ ...valid, position: undefined })).toEqual({ position: ['positionRequired'] });
  });

  it("'other' requires the free text", () => {
    expect(errorsFor({ ...valid, position: 'other' })).toEqual({ positionOther: ['positionOtherRequired'] });
    expect(errorsFor({ ...valid, position: 'other', positionOther: '' })).toEqual({ positionOther: ['positionOtherRequired'] });
    expect(errorsFor({ ...valid, position: 'other', positionOther: '  \u00A0 ' })).toEqual({ positionOther: ['positionOtherRequired'] });
  });

  it(`'other' accepts ${POSITION_OTHER_MAX} characters and rejects more as positionOtherTooLong`, () => {
    expect(POSITION_OTHER_MAX).toBe(120);
    expect(signUpSchema.safeParse({ ...valid, position: 'other', positionOther: 'қ'.repeat(120) }).success).toBe(true);
    expect(errorsFor({ ...valid, position: 'other', positionOther: 'қ'.repeat(121) })).toEqual({ positionOther: ['positionOtherTooLong'] });
  });

  it('counts the length after NFC composition and trimming', () => {
    // 120 decomposed "й" (и + combining breve) are 240 code units but 120 characters once composed.
    const decomposed = 'и\u0306'.repeat(120);
    expect(decomposed).toHaveLength(240);
    const result = signUpSchema.parse({ ...valid, position: 'other', positionOther: `  ${decomposed}  ` });
    expect(result.positionOther).toBe('й'.repeat(120));
  });

  it.each([
    ['a NUL byte', 'Кітапханашы\u0000'],
    ['a newline', 'Кітапханашы\nекінші жол'],
    ['a bidi override', 'Кітап\u202Eханашы'],
    ['a zero-width space', 'Кітап\u200Bханашы'],
  ])("'other' rejects %s as forbiddenCharacters", (_what, positionOther) => {
    expect(errorsFor({ ...valid, position: 'other', positionOther })).toEqual({ positionOther: ['forbiddenCharacters'] });
  });

  it("'other' keeps Kazakh letters, trimmed and NFC", () => {
    const result = signUpSchema.parse({ ...valid, position: 'other', positionOther: '  Кітапхана меңгерушісінің орынбасары ' });
    expect(result.positionOther).toBe('Кітапхана меңгерушісінің орынбасары');
    expect(result.position).toBe('other');
  });

  it('ignores invalid free text when the position is not other', () => {
    const result = signUpSchema.parse({ ...valid, position: 'librarian', positionOther: 'x\u0000'.repeat(200) });
    expect(result.positionOther).toBeNull();
  });
});

describe('organisation type', () => {
  it.each(orgTypes)('accepts %s', (orgType) => {
    expect(signUpSchema.parse({ ...valid, orgType }).orgType).toBe(orgType);
  });

  it('is only school or college', () => {
    expect([...orgTypes].sort()).toEqual(['college', 'school']);
  });

  it.each(['', 'university', 'kindergarten', 'School', undefined])('rejects %j as orgTypeRequired', (orgType) => {
    expect(errorsFor({ ...valid, orgType })).toEqual({ orgType: ['orgTypeRequired'] });
  });
});

describe('consent', () => {
  it.each(['', 'off', 'true', 'yes', 'ON', undefined])('rejects %j as consentRequired', (consent) => {
    expect(errorsFor({ ...valid, consent })).toEqual({ consent: ['consentRequired'] });
  });

  it("accepts 'on' (an HTML checkbox's value)", () => {
    expect(signUpSchema.parse(valid)).toEqual({ ...valid, positionOther: null });
  });
});

describe('the whole form', () => {
  it('reports one key per invalid field', () => {
    expect(errorsFor({})).toEqual({
      email: ['emailRequired'],
      position: ['positionRequired'],
      orgType: ['orgTypeRequired'],
      consent: ['consentRequired'],
    });
  });
});
