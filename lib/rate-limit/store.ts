import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginThrottles, rateLimits } from '@/db/schema';
import { keyedHash } from '@/lib/security/crypto';
import { decide, LOGIN_FAILURE_MEMORY_SECONDS, loginWaitSeconds, rateRules, type RateDecision, type RateRuleName } from './rules';

/** Counts one request against a rule for a subject (an IP or an email) and says whether it may pass. */
export async function hitRateLimit(db: Db, rule: RateRuleName, subject: string, now = new Date()): Promise<RateDecision> {
  const { windowSeconds } = rateRules[rule];
  const key = `${rule}:${keyedHash(subject)}`;
  // Dates in raw sql are passed as ISO strings: the postgres-js driver cannot bind a Date there.
  const expired = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - windowSeconds * 1000).toISOString()}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return decide(row!.count, row!.windowStart, rateRules[rule], now);
}

/** Hits every rule and returns the first refusal, if any. */
export async function hitRateLimits(db: Db, hits: [RateRuleName, string][], now = new Date()): Promise<RateDecision> {
  let result: RateDecision = { allowed: true };
  for (const [rule, subject] of hits) {
    const decision = await hitRateLimit(db, rule, subject, now);
    if (!decision.allowed && result.allowed) result = decision;
  }
  return result;
}

function throttleKey(email: string): string {
  return `login:${keyedHash(email)}`;
}

/** Seconds this email must still wait before a login attempt is checked. */
export async function loginWait(db: Db, email: string, now = new Date()): Promise<number> {
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, throttleKey(email)));
  return row ? loginWaitSeconds(row.failures, row.lastFailureAt, now) : 0;
}

export async function recordLoginFailure(db: Db, email: string, now = new Date()): Promise<void> {
  const stale = sql`${loginThrottles.lastFailureAt} <= ${new Date(now.getTime() - LOGIN_FAILURE_MEMORY_SECONDS * 1000).toISOString()}`;
  await db
    .insert(loginThrottles)
    .values({ key: throttleKey(email), failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: { failures: sql`case when ${stale} then 1 else ${loginThrottles.failures} + 1 end`, lastFailureAt: now },
    });
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, throttleKey(email)));
}

/** Drops counters whose windows ended long ago. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, dayAgo));
  await db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, dayAgo));
}
