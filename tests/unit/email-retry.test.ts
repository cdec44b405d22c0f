import { describe, expect, it } from 'vitest';
import { MAX_AGE_SECONDS, MAX_ATTEMPTS, retryDelaySeconds, shouldRetry } from '@/lib/email/retry';

const createdAt = new Date('2026-03-01T08:00:00Z');
const after = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);

describe('retryDelaySeconds', () => {
  it('starts at 30 seconds and doubles', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempts) => retryDelaySeconds(attempts))).toEqual([30, 60, 120, 240, 480, 960, 1920]);
  });

  it('treats zero attempts like the first', () => {
    expect(retryDelaySeconds(0)).toBe(30);
  });

  it('caps the delay at an hour', () => {
    expect(retryDelaySeconds(8)).toBe(3600);
    expect(retryDelaySeconds(9)).toBe(3600);
    expect(retryDelaySeconds(100)).toBe(3600);
    expect(retryDelaySeconds(10_000)).toBe(3600);
  });

  it('never shrinks as attempts grow', () => {
    for (let attempts = 0; attempts < 40; attempts++) {
      expect(retryDelaySeconds(attempts + 1)).toBeGreaterThanOrEqual(retryDelaySeconds(attempts));
    }
  });

  it('waits longer when the provider asks for it', () => {
    expect(retryDelaySeconds(1, 90)).toBe(90);
    expect(retryDelaySeconds(2, 600)).toBe(600);
  });

  it('keeps its own delay when the provider asks for less', () => {
    expect(retryDelaySeconds(3, 5)).toBe(120);
    expect(retryDelaySeconds(1, 0)).toBe(30);
  });

  it('does not let the provider push the delay past an hour', () => {
    expect(retryDelaySeconds(1, 86_400)).toBe(3600);
  });
});

describe('shouldRetry', () => {
  it('retries a young email with few attempts', () => {
    expect(shouldRetry(1, createdAt, after(30))).toBe(true);
    expect(shouldRetry(MAX_ATTEMPTS - 1, createdAt, after(3600))).toBe(true);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(shouldRetry(MAX_ATTEMPTS, createdAt, after(60))).toBe(false);
    expect(shouldRetry(MAX_ATTEMPTS + 5, createdAt, after(60))).toBe(false);
  });

  it('gives up when the next attempt would be 12 hours after queueing, well inside Resend’s 24-hour idempotency window', () => {
    expect(MAX_AGE_SECONDS).toBe(12 * 3600);
    expect(MAX_AGE_SECONDS).toBeLessThan(24 * 3600);
    expect(shouldRetry(1, createdAt, after(MAX_AGE_SECONDS - 1))).toBe(true);
    expect(shouldRetry(1, createdAt, after(MAX_AGE_SECONDS))).toBe(false);
    expect(shouldRetry(1, createdAt, after(MAX_AGE_SECONDS + 3600))).toBe(false);
  });

  it('with the real delays, every retry of a failing email happens inside the age limit', () => {
    // Attempt after attempt fails: the worker asks shouldRetry before scheduling each retry.
    let attempts = 0;
    let now = createdAt;
    const retries: Date[] = [];
    for (;;) {
      attempts++;
      const next = new Date(now.getTime() + retryDelaySeconds(attempts, 3600) * 1000);
      if (!shouldRetry(attempts, createdAt, next)) break;
      retries.push(next);
      now = next;
    }
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.length).toBeLessThan(MAX_ATTEMPTS);
    for (const at of retries) expect(at.getTime() - createdAt.getTime()).toBeLessThan(MAX_AGE_SECONDS * 1000);
  });
});
