import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginThrottles, rateLimits } from '@/db/schema';
import { rateRules } from '@/lib/rate-limit/rules';
import { hitRateLimit, hitRateLimits, pruneRateLimits, recordLoginFailure } from '@/lib/rate-limit/store';
import { closeTestDb, resetDb, testDb } from '../helpers/db';

// Records the count the store hands to `decide` for every hit, so that the counter values
// produced by the upsert can be checked one by one.
const seen = vi.hoisted(() => ({ counts: [] as number[] }));
vi.mock('@/lib/rate-limit/rules', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/rate-limit/rules')>();
  return {
    ...original,
    decide: (...args: Parameters<typeof original.decide>) => {
      seen.counts.push(args[0]);
      return original.decide(...args);
    },
  };
});

const T0 = new Date('2030-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('hitRateLimit (fixed windows in the database)', () => {
  beforeEach(async () => {
    await resetDb(await testDb());
    seen.counts = [];
  });
  afterAll(closeTestDb);

  it('counts per rule and subject and refuses once the limit is passed', async () => {
    const db = await testDb();
    const { limit, windowSeconds } = rateRules.signUpEmail;
    for (let i = 1; i <= limit; i++) {
      expect(await hitRateLimit(db, 'signUpEmail', 'a@school.kz', at(i))).toEqual({ allowed: true });
    }
    const refused = await hitRateLimit(db, 'signUpEmail', 'a@school.kz', at(limit + 1));
    expect(refused.allowed).toBe(false);
    // The window began with the first hit (at 1 s), so it ends at windowSeconds + 1.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: windowSeconds + 1 - (limit + 1) });
    expect(seen.counts).toEqual(Array.from({ length: limit + 1 }, (_, i) => i + 1));

    // Another subject, and the same subject under another rule, have their own counters.
    expect(await hitRateLimit(db, 'signUpEmail', 'b@school.kz', at(10))).toEqual({ allowed: true });
    expect(await hitRateLimit(db, 'forgotEmail', 'a@school.kz', at(10))).toEqual({ allowed: true });
    expect(seen.counts.slice(-2)).toEqual([1, 1]);
    const rows = await db.select().from(rateLimits);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.count).sort()).toEqual([1, 1, limit + 1]);
  });

  it('keeps refusing inside the window and starts a new window after it', async () => {
    const db = await testDb();
    const { limit, windowSeconds } = rateRules.forgotIp;
    for (let i = 0; i < limit; i++) expect((await hitRateLimit(db, 'forgotIp', '198.51.100.7', at(0))).allowed).toBe(true);
    expect(await hitRateLimit(db, 'forgotIp', '198.51.100.7', at(windowSeconds - 1))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // At exactly the end of the window the counter starts over.
    expect(await hitRateLimit(db, 'forgotIp', '198.51.100.7', at(windowSeconds))).toEqual({ allowed: true });
    expect(seen.counts.at(-1)).toBe(1);
    const [row] = await db.select().from(rateLimits);
    expect(row!.count).toBe(1);
    expect(row!.windowStart.getTime()).toBe(at(windowSeconds).getTime());
  });

  it('hitRateLimits counts every rule and returns the first refusal', async () => {
    const db = await testDb();
    for (let i = 0; i < rateRules.signUpEmail.limit; i++) {
      expect(await hitRateLimits(db, [['signUpIp', '203.0.113.1'], ['signUpEmail', 'x@college.kz']], at(0))).toEqual({ allowed: true });
    }
    const refused = await hitRateLimits(db, [['signUpIp', '203.0.113.1'], ['signUpEmail', 'x@college.kz']], at(60));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: rateRules.signUpEmail.windowSeconds - 60 });
    const counts = (await db.select().from(rateLimits)).map((r) => r.count);
    expect(counts).toEqual([rateRules.signUpEmail.limit + 1, rateRules.signUpEmail.limit + 1]);
  });

  it('counts 30 parallel hits on one key atomically: each count 1..30 exactly once', async () => {
    const db = await testDb();
    const decisions = await Promise.all(
      Array.from({ length: 30 }, () => hitRateLimit(db, 'signUpEmail', 'burst@school.kz', at(5))),
    );
    expect([...seen.counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(rateRules.signUpEmail.limit);
    const rows = await db.select().from(rateLimits);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(30);
  });

  it('stores keyed hashes, never the raw subject', async () => {
    const db = await testDb();
    await hitRateLimit(db, 'signInEmail', 'Private.Person@school.kz', at(0));
    await hitRateLimit(db, 'signInIp', '192.0.2.55', at(0));
    const text = JSON.stringify(await db.select().from(rateLimits));
    expect(text).not.toContain('Private.Person');
    expect(text.toLowerCase()).not.toContain('private.person@school.kz');
    expect(text).not.toContain('192.0.2.55');
  });

  it('pruneRateLimits removes rows older than a day and keeps the rest', async () => {
    const db = await testDb();
    const dayAndASecond = 86_401;
    await hitRateLimit(db, 'signInIp', 'old-ip', at(0));
    await hitRateLimit(db, 'signInIp', 'new-ip', at(dayAndASecond - 60));
    await recordLoginFailure(db, 'old@school.kz', at(0));
    await recordLoginFailure(db, 'new@school.kz', at(dayAndASecond - 60));
    await pruneRateLimits(db, at(dayAndASecond));
    const limits = await db.select().from(rateLimits);
    expect(limits.map((r) => r.windowStart.getTime())).toEqual([at(dayAndASecond - 60).getTime()]);
    const throttles = await db.select().from(loginThrottles);
    expect(throttles.map((r) => r.lastFailureAt.getTime())).toEqual([at(dayAndASecond - 60).getTime()]);
    // A pruned subject starts a fresh window.
    await hitRateLimit(db, 'signInIp', 'old-ip', at(dayAndASecond));
    expect(seen.counts.at(-1)).toBe(1);
  });
});
