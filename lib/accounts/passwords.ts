import type { Db } from '@/db/client';
import type { Locale } from '@/db/schema/enums';
import {
  cancelResetTokens,
  consumeResetToken,
  findUserByEmail,
  findUserById,
  insertResetToken,
  updatePassword,
} from '@/db/queries/users';
import { hashPassword, verifyPassword } from '@/lib/auth/hash';
import { queueEmail } from '@/lib/email/outbox';
import { hashToken, newToken } from '@/lib/security/crypto';

export const RESET_TOKEN_MINUTES = 60;

export type PasswordChange = { ok: true; sessionVersion: number } | { ok: false; field: 'current' | 'password'; error: string };

/** The first password the user chooses after logging in with the emailed one. */
export async function setOwnPassword(db: Db, userId: string, password: string, now = new Date()): Promise<PasswordChange> {
  const user = await findUserById(db, userId);
  if (!user?.mustChangePassword) return { ok: false, field: 'password', error: 'sessionExpired' };
  if (await verifyPassword(user.passwordHash, password)) return { ok: false, field: 'password', error: 'passwordSameAsOld' };
  const hash = await hashPassword(password);
  return { ok: true, sessionVersion: await updatePassword(db, userId, hash, now) };
}

/** Change from the cabinet: the current password is required; other sessions end; a notice is emailed. */
export async function changePassword(
  db: Db,
  userId: string,
  input: { current: string; password: string },
  now = new Date(),
): Promise<PasswordChange> {
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, field: 'current', error: 'sessionExpired' };
  if (!(await verifyPassword(user.passwordHash, input.current))) return { ok: false, field: 'current', error: 'currentPasswordWrong' };
  if (input.current === input.password) return { ok: false, field: 'password', error: 'passwordSameAsOld' };
  const hash = await hashPassword(input.password);
  const sessionVersion = await db.transaction(async (tx) => {
    const version = await updatePassword(tx, userId, hash, now);
    await queueEmail(tx, { to: user.email, locale: user.locale, template: 'passwordChanged' });
    return version;
  });
  return { ok: true, sessionVersion };
}

/** Emails a single-use reset link if the address has an account; the caller answers the same either way. */
export async function requestPasswordReset(db: Db, email: string, locale: Locale, now = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const { token, hash } = newToken();
  await db.transaction(async (tx) => {
    await cancelResetTokens(tx, user.id, now);
    await insertResetToken(tx, user.id, hash, new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000));
    await queueEmail(tx, {
      to: user.email,
      locale,
      template: 'passwordReset',
      payload: { minutes: String(RESET_TOKEN_MINUTES) },
      secret: token,
    });
  });
}

/** Uses a reset link once: sets the password, ends every session, emails a notice. */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<{ ok: boolean }> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const userId = await consumeResetToken(tx, hashToken(token), now);
    if (!userId) return { ok: false };
    const user = await findUserById(tx, userId);
    if (!user) return { ok: false };
    await updatePassword(tx, userId, hash, now);
    await queueEmail(tx, { to: user.email, locale: user.locale, template: 'passwordChanged' });
    return { ok: true };
  });
}

/** The user behind a session, or null when the session predates a password change. */
export async function userForSession(db: Db, userId: string, sessionVersion: number) {
  const user = await findUserById(db, userId);
  return user && user.sessionVersion === sessionVersion ? user : null;
}
