import { describe, expect, it } from 'vitest';
import {
  decide,
  LOGIN_FAILURE_MEMORY_SECONDS,
  LOGIN_FREE_FAILURES,
  LOGIN_MAX_DELAY_SECONDS,
  loginDelaySeconds,
  loginWaitSeconds,
  rateRules,
  type RateRule,
} from '@/lib/rate-limit/rules';

const t0 = new Date('2026-03-01T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('decide', () => {
  const rule: RateRule = { limit: 3, windowSeconds: 600 };

  it('allows every request up to the limit', () => {
    for (let count = 1; count <= rule.limit; count++) expect(decide(count, t0, rule, at(count))).toEqual({ allowed: true });
  });

  it('refuses the request after the limit until the window ends', () => {
    expect(decide(4, t0, rule, at(0))).toEqual({ allowed: false, retryAfterSeconds: 600 });
    expect(decide(4, t0, rule, at(100))).toEqual({ allowed: false, retryAfterSeconds: 500 });
    expect(decide(50, t0, rule, at(599))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('rounds the wait up and never answers less than one second', () => {
    expect(decide(4, t0, rule, new Date(t0.getTime() + 100_500))).toEqual({ allowed: false, retryAfterSeconds: 500 });
    expect(decide(4, t0, rule, new Date(t0.getTime() + 599_999))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // A clock a little past the window end (the counter has not been reset yet) still says "retry".
    expect(decide(4, t0, rule, at(700))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('counts down to the end of the window', () => {
    let previous = Infinity;
    for (let s = 0; s < rule.windowSeconds; s += 37) {
      const decision = decide(rule.limit + 1, t0, rule, at(s));
      if (decision.allowed) throw new Error('expected a refusal');
      expect(decision.retryAfterSeconds).toBe(rule.windowSeconds - s);
      expect(decision.retryAfterSeconds).toBeLessThan(previous);
      previous = decision.retryAfterSeconds;
    }
  });

  it('has sane limits for every rule', () => {
    for (const [name, r] of Object.entries(rateRules)) {
      expect(r.limit, name).toBeGreaterThan(0);
      expect(r.windowSeconds, name).toBeGreaterThan(0);
      expect(decide(r.limit, t0, r, t0).allowed, name).toBe(true);
      expect(decide(r.limit + 1, t0, r, t0).allowed, name).toBe(false);
    }
  });
});

describe('loginDelaySeconds', () => {
  it('lets the first five failures through without delay', () => {
    expect(LOGIN_FREE_FAILURES).toBe(5);
    for (let failures = 0; failures < 5; failures++) expect(loginDelaySeconds(failures)).toBe(0);
  });

  it('waits 15 s at five failures, doubling, capped at five minutes', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 20, 100, 10_000].map(loginDelaySeconds)).toEqual([15, 30, 60, 120, 240, 300, 300, 300, 300, 300]);
    expect(LOGIN_MAX_DELAY_SECONDS).toBe(300);
  });

  it('never decreases as failures grow', () => {
    for (let failures = 0; failures < 60; failures++) expect(loginDelaySeconds(failures + 1)).toBeGreaterThanOrEqual(loginDelaySeconds(failures));
  });
});

describe('loginWaitSeconds', () => {
  it('is the delay minus the time already waited', () => {
    expect(loginWaitSeconds(5, t0, t0)).toBe(15);
    expect(loginWaitSeconds(5, t0, at(10))).toBe(5);
    expect(loginWaitSeconds(5, t0, at(15))).toBe(0);
    expect(loginWaitSeconds(5, t0, at(20))).toBe(0);
    expect(loginWaitSeconds(8, t0, new Date(t0.getTime() + 500))).toBe(120);
    expect(loginWaitSeconds(4, t0, t0)).toBe(0);
  });

  it('forgets failures after an hour', () => {
    expect(LOGIN_FAILURE_MEMORY_SECONDS).toBe(3600);
    expect(loginWaitSeconds(1_000, t0, at(3599))).toBe(0); // the five-minute delay ran out long ago
    expect(loginWaitSeconds(1_000, t0, at(3600))).toBe(0);
    expect(loginWaitSeconds(1_000, t0, at(299))).toBe(1);
  });

  it('is never more than five minutes', () => {
    for (const failures of [0, 5, 9, 10, 50, 1e6]) {
      for (const elapsed of [-5, 0, 0.2, 1, 60, 299, 300, 3600]) {
        const wait = loginWaitSeconds(failures, t0, at(elapsed));
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(LOGIN_MAX_DELAY_SECONDS + (elapsed < 0 ? 5 : 0));
      }
    }
  });
});

/**
 * An attacker guessing one account's password from many addresses (so the per-IP rule never
 * bites), trying each second whether the next guess would be let through and guessing as soon as
 * it would. State changes as in lib/rate-limit/store.ts: a request counts against the fixed
 * window (reset once the window has passed), and a failure that passes is recorded (the count
 * starting again at 1 once the last failure is an hour old).
 */
function simulateAttack(seconds: number, hammer: boolean) {
  const rule = rateRules.signInEmail;
  let windowStart: Date | null = null;
  let count = 0;
  let failures = 0;
  let lastFailureAt: Date | null = null;
  const guesses: number[] = [];
  let longestLoginWait = 0;
  for (let s = 0; s < seconds; s++) {
    const now = at(s);
    const wait = lastFailureAt ? loginWaitSeconds(failures, lastFailureAt, now) : 0;
    longestLoginWait = Math.max(longestLoginWait, wait);
    const windowExpired = !windowStart || windowStart.getTime() <= now.getTime() - rule.windowSeconds * 1000;
    const nextCount = windowExpired ? 1 : count + 1;
    const wouldPass = decide(nextCount, windowExpired ? now : windowStart!, rule, now).allowed && wait === 0;
    // A careful attacker only sends requests that will be checked; a hammering one sends one every second.
    if (!hammer && !wouldPass) continue;
    if (windowExpired) windowStart = now;
    count = nextCount;
    if (!decide(count, windowStart!, rule, now).allowed || wait > 0) continue;
    const stale = lastFailureAt && lastFailureAt.getTime() <= now.getTime() - LOGIN_FAILURE_MEMORY_SECONDS * 1000;
    failures = stale ? 1 : failures + 1;
    lastFailureAt = now;
    guesses.push(s);
  }
  return { guesses, longestLoginWait };
}

describe('brute force against one account', () => {
  it.each([
    ['guessing as fast as allowed', false],
    ['hammering every second', true],
  ])('%s gets well under 100 guesses an hour', (_how, hammer) => {
    const { guesses, longestLoginWait } = simulateAttack(3600, hammer);
    expect(guesses.length).toBeLessThan(50);
    expect(guesses.length).toBeGreaterThan(0);
    expect(longestLoginWait).toBeLessThanOrEqual(LOGIN_MAX_DELAY_SECONDS);
  });

  it('never locks the account for good: the owner can always try again within the window', () => {
    const { guesses } = simulateAttack(4 * 3600, false);
    const gaps = guesses.slice(1).map((s, i) => s - guesses[i]!);
    // The login delay alone is at most five minutes; the per-email window (15 minutes) can add to it.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(Math.max(LOGIN_MAX_DELAY_SECONDS, rateRules.signInEmail.windowSeconds));
    // Guesses keep coming in every hour, the last one shortly before the end.
    for (let hour = 0; hour < 4; hour++) expect(guesses.some((s) => s >= hour * 3600 && s < (hour + 1) * 3600)).toBe(true);
    expect(guesses.at(-1)).toBeGreaterThan(4 * 3600 - rateRules.signInEmail.windowSeconds);
  });

  it('a legitimate user after five typos waits only 15 seconds', () => {
    expect(loginWaitSeconds(5, t0, at(1))).toBe(14);
    expect(decide(6, t0, rateRules.signInEmail, at(1))).toEqual({ allowed: true });
  });
});
