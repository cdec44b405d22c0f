import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { GENERATED_LENGTH, generatePassword, PASSWORD_ALPHABET } from '@/lib/auth/generate-password';
import { hashPassword, verifyPassword } from '@/lib/auth/hash';
import { fieldErrors } from '@/lib/validation/fields';
import { changePasswordSchema, newPasswordField, newPasswordSchema, PASSWORD_MIN } from '@/lib/validation/password';
import { PASSWORD_MAX, signInSchema } from '@/lib/validation/sign-in';

const kazakhPassphrase = 'Менің кітапханам 2026 жылы ашылды';

function errorsFor(input: Record<string, unknown>): Record<string, string[]> | null {
  const result = newPasswordSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

describe('generatePassword', () => {
  const samples = Array.from({ length: 1000 }, () => generatePassword());

  it('makes passwords of the default length, at least 12', () => {
    expect(GENERATED_LENGTH).toBeGreaterThanOrEqual(12);
    for (const password of samples) expect(password).toHaveLength(GENERATED_LENGTH);
    expect(generatePassword(12)).toHaveLength(12);
    expect(generatePassword(40)).toHaveLength(40);
  });

  it('uses only the alphabet, which has no look-alike characters', () => {
    for (const c of '0Oo1lI') expect(PASSWORD_ALPHABET).not.toContain(c);
    for (const password of samples) {
      for (const c of password) expect(PASSWORD_ALPHABET).toContain(c);
      expect(password).not.toMatch(/[0Oo1lI]/);
    }
  });

  it('always has a lower-case letter, an upper-case letter and a digit', () => {
    for (const password of samples) {
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);
    }
  });

  it('never repeats itself in 1000 passwords', () => {
    expect(new Set(samples).size).toBe(samples.length);
  });

  it('uses the whole alphabet', () => {
    const seen = new Set(samples.join(''));
    expect(seen.size).toBe(new Set(PASSWORD_ALPHABET).size);
  });

  it('passes the rules for a chosen password', () => {
    for (const password of samples.slice(0, 100)) expect(newPasswordField.safeParse(password).success).toBe(true);
  });

  it.each([0, 8, 11])('refuses a length of %i', (length) => {
    expect(() => generatePassword(length)).toThrow(RangeError);
  });
});

describe('isCommonPassword', () => {
  it.each(['password1234', 'qwerty123456', '123qweasdzxc', 'aaaaaaaaaaaaaaaa', '121212121212', 'Qazaqmura2026!', 'PASSWORD1234', '!!password!!', 'qazaqmura'])(
    '%s is common',
    (password) => expect(isCommonPassword(password)).toBe(true),
  );

  it.each([kazakhPassphrase, 'correct horse battery staple', 'Kitap-Sorese-47-Zhuldyz'])('%s is not common', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});

describe('newPasswordSchema', () => {
  it(`requires at least ${PASSWORD_MIN} characters`, () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(errorsFor({ password: 'Kt7#mzQ2vLp', confirm: 'Kt7#mzQ2vLp' })).toEqual({ password: ['passwordTooShort'] });
    expect(errorsFor({ password: 'Kt7#mzQ2vLpX', confirm: 'Kt7#mzQ2vLpX' })).toBeNull();
  });

  it('requires a password', () => {
    expect(errorsFor({ password: '', confirm: '' })?.password).toContain('passwordRequired');
    expect(errorsFor({ confirm: 'x' })?.password).toEqual(['passwordRequired']);
  });

  it('rejects more than 128 characters', () => {
    const long = 'Кітап-'.repeat(22).slice(0, 129);
    expect(long).toHaveLength(129);
    expect(errorsFor({ password: long, confirm: long })?.password).toEqual(['passwordTooLong']);
    expect(errorsFor({ password: long.slice(0, 128), confirm: long.slice(0, 128) })).toBeNull();
  });

  it('rejects a confirmation that does not match, on the confirm field', () => {
    expect(errorsFor({ password: kazakhPassphrase, confirm: `${kazakhPassphrase}!` })).toEqual({ confirm: ['passwordMismatch'] });
    expect(errorsFor({ password: kazakhPassphrase })).toEqual({ confirm: ['passwordMismatch'] });
  });

  it('rejects common passwords', () => {
    expect(errorsFor({ password: 'password1234', confirm: 'password1234' })).toEqual({ password: ['passwordCommon'] });
    expect(errorsFor({ password: 'Qazaqmura2026!', confirm: 'Qazaqmura2026!' })).toEqual({ password: ['passwordCommon'] });
  });

  it('rejects control characters', () => {
    const withNul = 'Kt7#mzQ2\u0000vLpX';
    expect(errorsFor({ password: withNul, confirm: withNul })?.password).toEqual(['forbiddenCharacters']);
  });

  it('accepts Kazakh letters and spaces', () => {
    const result = newPasswordSchema.parse({ password: kazakhPassphrase, confirm: kazakhPassphrase });
    expect(result.password).toBe(kazakhPassphrase);
  });

  it('hashes the composed form: the NFD bytes alone would not verify', async () => {
    const nfc = 'Ескі үй — жаңа ёлка'.normalize('NFC');
    const hash = await hashPassword(newPasswordField.parse(nfc.normalize('NFD')));
    await expect(verifyPassword(hash, nfc)).resolves.toBe(true);
    await expect(verifyPassword(hash, nfc.normalize('NFD'))).resolves.toBe(false);
  });

  it('treats NFC and NFD forms of the same password as the same password', () => {
    const nfc = 'Жаңа құпиясөз ёлка Ә'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    for (const [password, confirm] of [
      [nfc, nfd],
      [nfd, nfc],
      [nfd, nfd],
    ]) {
      const result = newPasswordSchema.safeParse({ password, confirm });
      expect(result.success).toBe(true);
      // What gets hashed is always the composed form, so either way of typing signs in.
      expect(result.data?.password).toBe(nfc);
    }
  });

  it('changePasswordSchema asks for the current password too', () => {
    const result = changePasswordSchema.safeParse({ password: kazakhPassphrase, confirm: kazakhPassphrase });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ current: ['passwordRequired'] });
    expect(changePasswordSchema.safeParse({ current: 'old one', password: kazakhPassphrase, confirm: kazakhPassphrase.normalize('NFD') }).success).toBe(true);
  });
});

describe('the password typed at sign-in', () => {
  it('only needs to be present and at most 128 characters (no strength rules for old passwords)', () => {
    expect(PASSWORD_MAX).toBe(128);
    const errors = (password: unknown) => {
      const result = signInSchema.safeParse({ email: 'a@b.kz', password });
      return result.success ? null : fieldErrors(result.error);
    };
    expect(errors('x')).toBeNull();
    expect(errors('x'.repeat(128))).toBeNull();
    expect(errors('x'.repeat(129))).toEqual({ password: ['passwordTooLong'] });
    expect(errors('')).toEqual({ password: ['passwordRequired'] });
    expect(errors(undefined)).toEqual({ password: ['passwordRequired'] });
  });

  it('signs in whether the chosen password is typed composed or decomposed', async () => {
    const chosen = 'Ескі үй — жаңа ёлка';
    const stored = await hashPassword(newPasswordSchema.parse({ password: chosen.normalize('NFD'), confirm: chosen }).password);
    for (const typed of [chosen.normalize('NFC'), chosen.normalize('NFD')]) {
      const { password } = signInSchema.parse({ email: 'a@b.kz', password: typed });
      await expect(verifyPassword(stored, password)).resolves.toBe(true);
    }
  });

  it('checks the current password of a change the same way', async () => {
    const chosen = 'Ескі үй — жаңа ёлка';
    const stored = await hashPassword(newPasswordField.parse(chosen));
    const { current } = changePasswordSchema.parse({ current: chosen.normalize('NFD'), password: kazakhPassphrase, confirm: kazakhPassphrase });
    await expect(verifyPassword(stored, current)).resolves.toBe(true);
  });
});

describe('password hashing', () => {
  it('produces an argon2id hash with m=19456, t=2, p=1 and a fresh salt', async () => {
    const [a, b] = await Promise.all([hashPassword(kazakhPassphrase), hashPassword(kazakhPassphrase)]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(kazakhPassphrase);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword(kazakhPassphrase);
    await expect(verifyPassword(hash, kazakhPassphrase)).resolves.toBe(true);
    await expect(verifyPassword(hash, `${kazakhPassphrase} `)).resolves.toBe(false);
    await expect(verifyPassword(hash, kazakhPassphrase.toUpperCase())).resolves.toBe(false);
    await expect(verifyPassword(hash, '')).resolves.toBe(false);
  });

  it('answers false, without throwing, when there is no hash', async () => {
    await expect(verifyPassword(null, 'dummy password that never matches')).resolves.toBe(false);
    await expect(verifyPassword(undefined, 'anything at all')).resolves.toBe(false);
  });

  it.each(['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$broken', '$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234'])(
    'answers false, without throwing, for the malformed hash %j',
    async (hash) => {
      await expect(verifyPassword(hash, 'anything at all')).resolves.toBe(false);
    },
  );
});
