import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { devMailbox, emailOutbox, type OutboxRow } from '@/db/schema';
import { queueEmail } from '@/lib/email/outbox';
import { MAX_AGE_SECONDS, MAX_ATTEMPTS } from '@/lib/email/retry';
import { devMailboxTransport, resendTransport, type Transport } from '@/lib/email/transport';
import { deliverDueEmails } from '@/lib/email/worker';
import { decryptSecret } from '@/lib/security/crypto';
import { openAccount } from '../helpers/accounts';
import { closeTestDb, resetDb, testDb, testDbKind } from '../helpers/db';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';

const FROM = 'QAZAQMURA <no-reply@portal.test>';
const serverError = { status: 500, body: { statusCode: 500, name: 'application_error', message: 'boom' } };

let fake: FakeResend;
let transport: Transport;

async function row(db: Db, id: string): Promise<OutboxRow> {
  const [r] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!r) throw new Error(`outbox row ${id} is gone`);
  return r;
}

/** A moment just after the row was queued, on the database's clock (rows are due from created_at). */
function justAfter(r: OutboxRow, seconds = 1): Date {
  return new Date(r.createdAt.getTime() + seconds * 1000);
}

const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

/** Runs the worker until nothing is due, as the runner does; returns how many rows it handled. */
async function drain(db: Db, t: Transport, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deliverDueEmails(db, t, now);
    if (n === 0) return total;
    total += n;
  }
}

async function queueTempPassword(db: Db, to: string, secret = 'Kq7mXr4tNp9vWa') {
  const id = await queueEmail(db, { to, locale: 'kk', template: 'tempPassword', payload: { hours: '72' }, secret });
  return { id, secret, row: await row(db, id) };
}

beforeEach(async () => resetDb(await testDb()));
afterAll(closeTestDb);

describe('email worker with the Resend transport', () => {
  beforeEach(async () => {
    fake = await startFakeResend();
    // The Resend SDK reads its base URL when constructed.
    process.env.RESEND_BASE_URL = fake.url;
    transport = resendTransport('re_test', FROM);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fake.close();
    delete process.env.RESEND_BASE_URL;
  });

  it('sends the temporary password with the row id as idempotency key, then wipes the secret', async () => {
    const db = await testDb();
    const { password, outbox } = await openAccount(db, 'director@school12.edu.kz', { locale: 'ru' });
    const now = justAfter(outbox);

    expect(await deliverDueEmails(db, transport, now)).toBe(1);

    expect(fake.requests).toBe(1);
    expect(fake.received).toHaveLength(1);
    const mail = fake.received[0]!;
    expect(mail.idempotencyKey).toBe(`outbox-${outbox.id}`);
    expect(mail.authorization).toBe('Bearer re_test');
    expect(mail.body.from).toBe(FROM);
    expect(mail.body.to).toEqual(['director@school12.edu.kz']);
    expect(mail.body.subject).toBeTruthy();
    expect(mail.body.html).toMatch(/^<!doctype html>/);
    expect(mail.body.html).toContain(password);
    expect(mail.body.text).toContain(password);
    expect(mail.body.text).toContain('http://portal.test/ru/sign-in');

    const after = await row(db, outbox.id);
    expect(after).toMatchObject({ status: 'sent', secretEnc: null, providerId: 'fake-1', attempts: 1, lockedUntil: null, lastError: null });
    expect(after.sentAt?.getTime()).toBe(now.getTime());
    // Nothing in the row reveals the password any more.
    expect(JSON.stringify(after)).not.toContain(password);

    // A sent row is never picked up again.
    expect(await deliverDueEmails(db, transport, plus(now, 86_400))).toBe(0);
    expect(fake.requests).toBe(1);
  });

  it('sends only due rows', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'early@school.kz');
    expect(await deliverDueEmails(db, transport, new Date(queued.createdAt.getTime() - 1000))).toBe(0);
    expect(fake.requests).toBe(0);
    expect((await row(db, id)).status).toBe('pending');
  });

  it('puts a row back to pending after a 500, keeps the secret, and retries 30 s later', async () => {
    const db = await testDb();
    const { id, secret, row: queued } = await queueTempPassword(db, 'retry@school.kz');
    const now = justAfter(queued);
    fake.failNext(serverError);

    expect(await deliverDueEmails(db, transport, now)).toBe(1);
    expect(fake.requests).toBe(1);
    expect(fake.received).toHaveLength(0);
    const failed = await row(db, id);
    expect(failed.status).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt.getTime()).toBe(plus(now, 30).getTime());
    expect(failed.lockedUntil).toBeNull();
    expect(failed.lastError).toContain('500');
    expect(failed.lastError).toContain('boom');
    expect(failed.secretEnc).not.toBeNull();
    expect(decryptSecret(failed.secretEnc!)).toBe(secret);

    // Not before its time.
    expect(await deliverDueEmails(db, transport, now)).toBe(0);
    expect(await deliverDueEmails(db, transport, plus(now, 29))).toBe(0);
    expect(fake.requests).toBe(1);

    expect(await deliverDueEmails(db, transport, plus(now, 31))).toBe(1);
    expect(fake.requests).toBe(2);
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]!.idempotencyKey).toBe(`outbox-${id}`);
    expect(fake.received[0]!.body.text).toContain(secret);
    expect(await row(db, id)).toMatchObject({ status: 'sent', attempts: 2, secretEnc: null, providerId: 'fake-1' });
  });

  it('waits at least as long as a 429 retry-after asks', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'slow@school.kz');
    const now = justAfter(queued);
    fake.failNext({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'slow' },
    });

    expect(await deliverDueEmails(db, transport, now)).toBe(1);
    const limited = await row(db, id);
    expect(limited.status).toBe('pending');
    expect(limited.attempts).toBe(1);
    expect(limited.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(plus(now, 120).getTime());
    expect(limited.lastError).toContain('429');
    expect(limited.lastError).toContain('rate_limit_exceeded');
    expect(limited.secretEnc).not.toBeNull();

    // The normal 30 s back-off is not enough.
    expect(await deliverDueEmails(db, transport, plus(now, 31))).toBe(0);
    expect(await deliverDueEmails(db, transport, plus(now, 119))).toBe(0);
    expect(fake.requests).toBe(1);
    expect(await drain(db, transport, limited.nextAttemptAt)).toBe(1);
    expect(fake.received).toHaveLength(1);
    expect((await row(db, id)).status).toBe('sent');
  });

  it('gives up at once on a 422 validation error and wipes the secret', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'bad@school.kz');
    const now = justAfter(queued);
    fake.failNext({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } });

    expect(await deliverDueEmails(db, transport, now)).toBe(1);
    const failed = await row(db, id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, secretEnc: null, lockedUntil: null, providerId: null });
    expect(failed.lastError).toContain('422');
    expect(failed.lastError).toContain('validation_error');

    expect(await deliverDueEmails(db, transport, plus(now, 86_400))).toBe(0);
    expect(fake.requests).toBe(1);
    expect(fake.received).toHaveLength(0);
  });

  it('retries 500s with a doubling back-off and gives up after MAX_ATTEMPTS, never sooner', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'flaky@school.kz');
    // 30 s doubling, capped at an hour; all well inside MAX_AGE_SECONDS.
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => Math.min(30 * 2 ** i, 3600));
    expect(delays.reduce((a, b) => a + b, 0)).toBeLessThan(MAX_AGE_SECONDS);

    let now = justAfter(queued);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      fake.failNext(serverError);
      expect(await deliverDueEmails(db, transport, now)).toBe(1);
      const r = await row(db, id);
      expect(r.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(r.status).toBe('pending');
        expect(r.secretEnc).not.toBeNull();
        expect(r.nextAttemptAt.getTime()).toBe(plus(now, delays[attempt - 1]!).getTime());
        // Nothing happens one second early.
        expect(await deliverDueEmails(db, transport, plus(r.nextAttemptAt, -1))).toBe(0);
        now = r.nextAttemptAt;
      } else {
        expect(r).toMatchObject({ status: 'failed', secretEnc: null, lockedUntil: null });
        expect(r.lastError).toContain('500');
      }
    }
    expect(fake.requests).toBe(MAX_ATTEMPTS);
    expect(await deliverDueEmails(db, transport, plus(now, 86_400))).toBe(0);
    expect(fake.requests).toBe(MAX_ATTEMPTS);
    expect(fake.received).toHaveLength(0);
  });

  it('gives up once the next attempt would fall past MAX_AGE_SECONDS, but not before', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'old@school.kz');
    const now = justAfter(queued);
    // Queued 60 s short of the age limit: a retry in 30 s is still inside it, one 60 s later is not.
    const createdAt = plus(now, -(MAX_AGE_SECONDS - 60));
    await db.update(emailOutbox).set({ createdAt, nextAttemptAt: createdAt }).where(eq(emailOutbox.id, id));

    fake.failNext(serverError);
    expect(await deliverDueEmails(db, transport, now)).toBe(1);
    const first = await row(db, id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.nextAttemptAt.getTime()).toBe(plus(now, 30).getTime());

    fake.failNext(serverError);
    expect(await deliverDueEmails(db, transport, first.nextAttemptAt)).toBe(1);
    const second = await row(db, id);
    expect(second).toMatchObject({ status: 'failed', attempts: 2, secretEnc: null });
    expect(second.attempts).toBeLessThan(MAX_ATTEMPTS);
    expect(fake.requests).toBe(2);
  });

  it('retries when Resend cannot be reached at all', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'offline@school.kz');
    const closed = await startFakeResend();
    await closed.close();
    process.env.RESEND_BASE_URL = closed.url;
    const offline = resendTransport('re_test', FROM);

    const now = justAfter(queued);
    expect(await deliverDueEmails(db, offline, now)).toBe(1);
    const r = await row(db, id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.secretEnc).not.toBeNull();
    expect(r.nextAttemptAt.getTime()).toBe(plus(now, 30).getTime());

    expect(await deliverDueEmails(db, transport, plus(now, 30))).toBe(1);
    expect(fake.received).toHaveLength(1);
    expect((await row(db, id)).status).toBe('sent');
  });

  it('fails a row it cannot render without calling Resend', async () => {
    const db = await testDb();
    // A password email with no password in it must never go out.
    const id = await queueEmail(db, { to: 'nosecret@school.kz', locale: 'kk', template: 'tempPassword' });
    expect(await deliverDueEmails(db, transport, justAfter(await row(db, id)))).toBe(1);
    const r = await row(db, id);
    expect(r.status).toBe('failed');
    expect(r.lastError).toContain('render');
    expect(fake.requests).toBe(0);
  });

  it('sends no duplicate when a worker died after Resend accepted the email', async () => {
    const db = await testDb();
    const { id, secret, row: queued } = await queueTempPassword(db, 'crash@school.kz');
    const now = justAfter(queued);

    // This worker hands the email to Resend and then "dies": it never records the outcome.
    let handedOver!: () => void;
    const sent = new Promise<void>((resolve) => (handedOver = resolve));
    const dying: Transport = {
      name: 'dying',
      async send(message) {
        await transport.send(message);
        handedOver();
        return new Promise(() => {});
      },
    };
    void deliverDueEmails(db, dying, now);
    await sent;
    expect(fake.received).toHaveLength(1);
    const stuck = await row(db, id);
    expect(stuck.status).toBe('sending');
    expect(stuck.attempts).toBe(1);
    expect(stuck.lockedUntil!.getTime()).toBeGreaterThan(now.getTime());

    // While its lease runs nobody else takes the row.
    expect(await deliverDueEmails(db, transport, plus(now, 60))).toBe(0);
    expect(fake.requests).toBe(1);

    // After a restart, once the lease has run out, the row is sent again under the same key;
    // Resend (like the fake) answers with the first email and sends nothing new.
    const restart = new Date(stuck.lockedUntil!.getTime() + 1000);
    expect(await deliverDueEmails(db, transport, restart)).toBe(1);
    expect(fake.requests).toBe(2);
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]!.idempotencyKey).toBe(`outbox-${id}`);
    expect(fake.received[0]!.body.text).toContain(secret);
    expect(await row(db, id)).toMatchObject({ status: 'sent', attempts: 2, providerId: 'fake-1', secretEnc: null });
  });

  it('a slow worker whose lease ran out cannot overwrite the outcome of the worker that took the row over', async () => {
    const db = await testDb();
    const { id, row: queued } = await queueTempPassword(db, 'slow@school.kz');
    const now = justAfter(queued);
    // Worker A claims the row and hangs in send(); it will come back with a permanent failure.
    let finishSlow!: () => void;
    const slowDone = new Promise<void>((resolve) => (finishSlow = resolve));
    let claimed!: () => void;
    const isClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const slow: Transport = {
      name: 'slow',
      async send() {
        claimed();
        await slowDone;
        return { ok: false, retryable: false, error: '422 validation_error: late' };
      },
    };
    const workerA = deliverDueEmails(db, slow, now);
    await isClaimed;
    const stuck = await row(db, id);
    // Worker B takes it over once the lease has run out, and delivers it.
    expect(await deliverDueEmails(db, transport, new Date(stuck.lockedUntil!.getTime() + 1000))).toBe(1);
    expect((await row(db, id)).status).toBe('sent');
    // A finally returns: its outcome no longer applies.
    finishSlow();
    await workerA;
    expect(await row(db, id)).toMatchObject({ status: 'sent', secretEnc: null, lastError: null });
    expect(fake.received).toHaveLength(1);
  });

  it('lets two workers run at once without sending any email twice', async () => {
    const db = await testDb();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await queueTempPassword(db, `user${i}@school.kz`, `Secret-${i}-pass`)).id);
    const latest = await db.select({ at: sql<string>`max(${emailOutbox.createdAt})` }).from(emailOutbox);
    const now = plus(new Date(latest[0]!.at), 1);

    const [a, b] = await Promise.all([drain(db, transport, now), drain(db, transport, now)]);
    expect(a + b).toBe(20);
    // Every request, not just every distinct email: the fake would hide a repeated key.
    expect(fake.requests).toBe(20);
    expect(fake.received.map((m) => m.idempotencyKey).sort()).toEqual(ids.map((id) => `outbox-${id}`).sort());
    const rows = await db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1 && r.secretEnc === null)).toBe(true);
    for (let i = 0; i < 20; i++) expect(fake.to(`user${i}@school.kz`).map((m) => m.body.text.includes(`Secret-${i}-pass`))).toEqual([true]);
  });

  // PGlite has a single connection, so a second worker cannot run while a transaction is open.
  it.skipIf(testDbKind() !== 'postgres')('skips the rows another worker holds instead of waiting for them or taking them', async () => {
    const db = await testDb();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await queueTempPassword(db, `held${i}@school.kz`)).id);
    const latest = await db.select({ at: sql<string>`max(${emailOutbox.createdAt})` }).from(emailOutbox);
    const now = plus(new Date(latest[0]!.at), 1);

    // A second app instance on its own connection; lock_timeout turns "waits for the first
    // worker's rows" (no SKIP LOCKED) into an error instead of a deadlock with this test.
    const client = postgres(inject('testDatabaseUrl'), { max: 1, onnotice: () => {}, connection: { lock_timeout: 5000 } });
    const other = drizzle({ client, schema }) as unknown as Db;
    try {
      let otherHandled = -1;
      // Worker A claims its batch in a transaction that stays open while it sends; in the middle
      // of that, worker B runs to completion.
      await db.transaction(async (tx) => {
        const whileHolding: Transport = {
          name: 'holding',
          async send(message) {
            if (otherHandled < 0) otherHandled = await drain(other, transport, now);
            return transport.send(message);
          },
        };
        expect(await deliverDueEmails(tx, whileHolding, now)).toBe(10);
      });
      expect(otherHandled).toBe(10);
    } finally {
      await client.end();
    }
    expect(fake.requests).toBe(20);
    expect(fake.received.map((m) => m.idempotencyKey).sort()).toEqual(ids.map((id) => `outbox-${id}`).sort());
    const rows = await db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});

describe('email worker with the dev mailbox transport', () => {
  it('keeps the rendered email, password included, in dev_mailbox', async () => {
    const db = await testDb();
    const { password, outbox } = await openAccount(db, 'dev@college.kz');
    const mailbox = devMailboxTransport(db);

    expect(await deliverDueEmails(db, mailbox, justAfter(outbox))).toBe(1);
    const mails = await db.select().from(devMailbox);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.outboxId).toBe(outbox.id);
    expect(mail.toAddress).toBe('dev@college.kz');
    expect(mail.subject).toBeTruthy();
    expect(mail.html).toContain(password);
    expect(mail.text).toContain(password);
    expect(mail.text).toContain('http://portal.test/kk/sign-in');
    expect(await row(db, outbox.id)).toMatchObject({ status: 'sent', secretEnc: null, providerId: null });

    // Storing the same outbox row again keeps one copy.
    await mailbox.send({ id: outbox.id, to: 'dev@college.kz', subject: 's', html: 'h', text: 't' });
    expect(await db.select().from(devMailbox)).toHaveLength(1);
  });
});
