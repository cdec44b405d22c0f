import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another (no 0/O/o, 1/l/I, 5/S, 2/Z...). */
export const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRTUVWXY346789';
export const GENERATED_LENGTH = 14;

/** A cryptographically random password for a new account, emailed once. */
export function generatePassword(length = GENERATED_LENGTH): string {
  if (length < 12) throw new RangeError('generated passwords have at least 12 characters');
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    // Require a lower-case letter, an upper-case letter and a digit so that no site rule rejects it.
    if (/[a-z]/.test(out) && /[A-Z]/.test(out) && /\d/.test(out)) return out;
  }
}
