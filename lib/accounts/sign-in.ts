import type { Db } from '@/db/client';
import type { User } from '@/db/schema';
import { findUserByEmail } from '@/db/queries/users';
import { verifyPassword } from '@/lib/auth/hash';
import { clearLoginFailures, hitRateLimits, loginWait, recordLoginFailure } from '@/lib/rate-limit/store';

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'expired' }
  | { ok: false; reason: 'rateLimited'; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown email and wrong password take the same time and give the
 * same answer; only the holder of the right password learns that it expired.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<SignInOutcome> {
  const limit = await hitRateLimits(db, [['signInIp', input.ip], ['signInEmail', input.email]], now);
  if (!limit.allowed) return { ok: false, reason: 'rateLimited', retryAfterSeconds: limit.retryAfterSeconds };
  const wait = await loginWait(db, input.email, now);
  if (wait > 0) return { ok: false, reason: 'rateLimited', retryAfterSeconds: wait };

  const user = await findUserByEmail(db, input.email);
  const matches = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !matches) {
    await recordLoginFailure(db, input.email, now);
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures(db, input.email);
  if (user.mustChangePassword && user.tempPasswordExpiresAt && user.tempPasswordExpiresAt <= now) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, user };
}
