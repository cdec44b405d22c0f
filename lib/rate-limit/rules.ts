/** Fixed-window limits per action, per client IP and per email address. */
export type RateRule = { limit: number; windowSeconds: number };

export const rateRules = {
  signUpIp: { limit: 20, windowSeconds: 3600 },
  signUpEmail: { limit: 3, windowSeconds: 3600 },
  signInIp: { limit: 60, windowSeconds: 900 },
  signInEmail: { limit: 10, windowSeconds: 900 },
  forgotIp: { limit: 10, windowSeconds: 3600 },
  forgotEmail: { limit: 3, windowSeconds: 3600 },
  restoreIp: { limit: 10, windowSeconds: 3600 },
  restoreEmail: { limit: 3, windowSeconds: 3600 },
  /** Restore emails a manager may send to one organisation. */
  restoreOrg: { limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateRule>;

export type RateRuleName = keyof typeof rateRules;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether the `count`-th request of a window that began at `windowStart` may pass. */
export function decide(count: number, windowStart: Date, rule: RateRule, now: Date): RateDecision {
  if (count <= rule.limit) return { allowed: true };
  const endsAt = windowStart.getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Failed logins after which each further attempt waits, and the longest wait. */
export const LOGIN_FREE_FAILURES = 5;
export const LOGIN_MAX_DELAY_SECONDS = 300;
/** Failures older than this are forgotten. */
export const LOGIN_FAILURE_MEMORY_SECONDS = 3600;

/**
 * Seconds an account must wait after its last failed login: none for the first five failures,
 * then 15 s doubling to at most 5 minutes. Never a permanent lock-out; with the per-email limit
 * an attacker gets well under 100 guesses an hour.
 */
export function loginDelaySeconds(failures: number): number {
  if (failures < LOGIN_FREE_FAILURES) return 0;
  return Math.min(15 * 2 ** (failures - LOGIN_FREE_FAILURES), LOGIN_MAX_DELAY_SECONDS);
}

/** Seconds left before the next login attempt is accepted (0: go ahead). */
export function loginWaitSeconds(failures: number, lastFailureAt: Date, now: Date): number {
  const sinceLast = (now.getTime() - lastFailureAt.getTime()) / 1000;
  if (sinceLast >= LOGIN_FAILURE_MEMORY_SECONDS) return 0;
  return Math.max(0, Math.ceil(loginDelaySeconds(failures) - sinceLast));
}
