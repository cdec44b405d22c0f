import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loginThrottles, rateLimits } from '@/db/schema';
import { authenticate } from '@/lib/accounts/sign-in';
import { rateRules } from '@/lib/rate-limit/rules';
import { openAccount } from '../helpers/accounts';
import { closeTestDb, resetDb, testDb } from '../helpers/db';

const T0 = new Date('2030-05-01T06:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const EMAIL = 'teacher@school7.edu.kz';
const IP = '203.0.113.10';
const INVALID = { ok: false, reason: 'invalid' };

describe('authenticate', () => {
  beforeEach(async () => resetDb(await testDb()));
  afterAll(closeTestDb);

  it('accepts the emailed password and answers wrong password and unknown email identically', async () => {
    const db = await testDb();
    const { user, password } = await openAccount(db, EMAIL, { now: T0 });

    const ok = await authenticate(db, { email: EMAIL, password, ip: IP }, at(60));
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.user.id).toBe(user.id);

    const wrong = await authenticate(db, { email: EMAIL, password: `${password}x`, ip: IP }, at(61));
    const unknown = await authenticate(db, { email: 'nobody@school7.edu.kz', password, ip: IP }, at(62));
    expect(wrong).toStrictEqual(INVALID);
    expect(unknown).toStrictEqual(INVALID);
    expect(JSON.stringify(wrong)).toBe(JSON.stringify(unknown));
  });

  it('says "expired" after 72 hours only to the holder of the right password', async () => {
    const db = await testDb();
    const { password } = await openAccount(db, EMAIL, { now: T0 });

    expect((await authenticate(db, { email: EMAIL, password, ip: IP }, at(71 * 3600))).ok).toBe(true);
    expect(await authenticate(db, { email: EMAIL, password, ip: IP }, at(73 * 3600))).toStrictEqual({ ok: false, reason: 'expired' });
    expect(await authenticate(db, { email: EMAIL, password: 'Wrong-password-1', ip: IP }, at(73 * 3600 + 1))).toStrictEqual(INVALID);
    expect(await authenticate(db, { email: 'nobody@school7.edu.kz', password, ip: IP }, at(73 * 3600 + 2))).toStrictEqual(INVALID);
  });

  it('slows an email down after 5 failures and lets it in again after the wait', async () => {
    const db = await testDb();
    const { password } = await openAccount(db, EMAIL, { now: T0 });
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db, { email: EMAIL, password: `bad-${i}`, ip: IP }, at(i))).toStrictEqual(INVALID);
    }
    // Even the right password waits: the attempt is not checked at all.
    const limited = await authenticate(db, { email: EMAIL, password, ip: IP }, at(5));
    expect(limited).toMatchObject({ ok: false, reason: 'rateLimited' });
    const wait = limited.ok === false && limited.reason === 'rateLimited' ? limited.retryAfterSeconds : 0;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15);
    expect(await authenticate(db, { email: EMAIL, password, ip: IP }, at(4 + 14))).toMatchObject({ reason: 'rateLimited' });

    const ok = await authenticate(db, { email: EMAIL, password, ip: IP }, at(5 + wait));
    expect(ok.ok).toBe(true);
  });

  it('throttles an unknown email exactly like a known one (no enumeration)', async () => {
    const db = await testDb();
    await openAccount(db, EMAIL, { now: T0 });
    const run = async (email: string, ip: string) => {
      const outcomes = [];
      for (let i = 0; i < 7; i++) outcomes.push(await authenticate(db, { email, password: `guess-${i}`, ip }, at(i)));
      return outcomes;
    };
    const known = await run(EMAIL, '198.51.100.1');
    const unknown = await run('ghost@school7.edu.kz', '198.51.100.2');
    expect(known.slice(0, 5)).toEqual(Array(5).fill(INVALID));
    expect(known[5]).toMatchObject({ ok: false, reason: 'rateLimited' });
    expect(unknown).toStrictEqual(known);
  });

  it('refuses an IP after rateRules.signInIp.limit attempts while other IPs go on', async () => {
    const db = await testDb();
    const { password } = await openAccount(db, EMAIL, { now: T0 });
    const { limit } = rateRules.signInIp;
    for (let i = 0; i < limit; i++) {
      expect(await authenticate(db, { email: `spray${i}@school.kz`, password: 'Guess-1234', ip: IP }, at(1))).toStrictEqual(INVALID);
    }
    const refused = await authenticate(db, { email: `spray${limit}@school.kz`, password: 'Guess-1234', ip: IP }, at(2));
    expect(refused).toMatchObject({ ok: false, reason: 'rateLimited' });
    expect(refused.ok === false && refused.reason === 'rateLimited' && refused.retryAfterSeconds).toBeGreaterThan(0);
    // The right password from that IP is refused too, unchecked...
    expect(await authenticate(db, { email: EMAIL, password, ip: IP }, at(3))).toMatchObject({ reason: 'rateLimited' });
    // ...while the same account from another IP is fine.
    expect((await authenticate(db, { email: EMAIL, password, ip: '192.0.2.99' }, at(4))).ok).toBe(true);
    expect(await authenticate(db, { email: `spray${limit}@school.kz`, password: 'Guess-1234', ip: '192.0.2.99' }, at(5))).toStrictEqual(INVALID);
    // A new window lets the first IP in again.
    expect((await authenticate(db, { email: EMAIL, password, ip: IP }, at(1 + rateRules.signInIp.windowSeconds))).ok).toBe(true);
  });

  it('caps attempts per email even when the slow-down is respected', async () => {
    const db = await testDb();
    const { password } = await openAccount(db, EMAIL, { now: T0 });
    const { limit, windowSeconds } = rateRules.signInEmail;
    // Five free failures, then attempts made during the wait still count against the email.
    for (let i = 0; i < 5; i++) await authenticate(db, { email: EMAIL, password: 'nope', ip: IP }, at(i));
    for (let i = 5; i < limit; i++) {
      expect(await authenticate(db, { email: EMAIL, password, ip: IP }, at(i))).toMatchObject({ reason: 'rateLimited' });
    }
    const capped = await authenticate(db, { email: EMAIL, password, ip: IP }, at(60));
    expect(capped).toStrictEqual({ ok: false, reason: 'rateLimited', retryAfterSeconds: windowSeconds - 60 });
    expect((await authenticate(db, { email: EMAIL, password, ip: IP }, at(windowSeconds))).ok).toBe(true);
  });

  it('forgets earlier failures after a successful login', async () => {
    const db = await testDb();
    const { password } = await openAccount(db, EMAIL, { now: T0 });
    for (let i = 0; i < 4; i++) expect(await authenticate(db, { email: EMAIL, password: 'nope', ip: IP }, at(i))).toStrictEqual(INVALID);
    expect((await db.select().from(loginThrottles))[0]?.failures).toBe(4);
    expect((await authenticate(db, { email: EMAIL, password, ip: IP }, at(4))).ok).toBe(true);
    expect(await db.select().from(loginThrottles)).toEqual([]);

    // A new rate window (so only the slow-down matters): five more failures are free again.
    const later = rateRules.signInEmail.windowSeconds + 10;
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db, { email: EMAIL, password: 'nope', ip: IP }, at(later + i))).toStrictEqual(INVALID);
    }
    expect(await authenticate(db, { email: EMAIL, password, ip: IP }, at(later + 5))).toMatchObject({ reason: 'rateLimited' });
  });

  it('keeps its counters in the database without any raw email or IP', async () => {
    const db = await testDb();
    await openAccount(db, EMAIL, { now: T0 });
    await authenticate(db, { email: EMAIL, password: 'nope', ip: IP }, at(0));
    await authenticate(db, { email: 'ghost@school7.edu.kz', password: 'nope', ip: '2001:db8::7' }, at(1));

    const limits = await db.select().from(rateLimits);
    const throttles = await db.select().from(loginThrottles);
    expect(limits).toHaveLength(4);
    expect(throttles).toHaveLength(2);
    const stored = JSON.stringify([limits, throttles]).toLowerCase();
    for (const raw of [EMAIL, 'teacher', 'ghost', 'school7', IP, '2001:db8::7', '203.0.113']) expect(stored).not.toContain(raw);
  });
});
