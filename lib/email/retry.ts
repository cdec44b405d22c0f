/** Attempts after which an email is given up. */
export const MAX_ATTEMPTS = 10;
/** An email not delivered this long after it was queued is given up, well inside Resend's 24-hour idempotency window. */
export const MAX_AGE_SECONDS = 12 * 3600;
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 3600;

/** Seconds before the next attempt after `attempts` failed ones: 30 s doubling to an hour, or longer if the provider asks. */
export function retryDelaySeconds(attempts: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(BASE_DELAY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_SECONDS);
  return Math.max(backoff, Math.min(retryAfterSeconds ?? 0, MAX_DELAY_SECONDS));
}

/** Whether to try again, given the row's age at the next attempt. */
export function shouldRetry(attempts: number, createdAt: Date, nextAttemptAt: Date): boolean {
  return attempts < MAX_ATTEMPTS && nextAttemptAt.getTime() - createdAt.getTime() < MAX_AGE_SECONDS * 1000;
}
