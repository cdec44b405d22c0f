import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, type OutboxRow } from '@/db/schema';
import { appUrl } from '@/lib/env';
import { decryptSecret } from '@/lib/security/crypto';
import { renderEmail, type TemplateName } from './templates';
import { retryDelaySeconds, shouldRetry } from './retry';
import type { Transport } from './transport';

const BATCH = 10;
/** Long enough for a whole batch of slow sends; a row whose lease ran out may be claimed again. */
const LEASE_SECONDS = 600;

/**
 * Claims due rows (pending ones, and those whose worker died mid-send) with FOR UPDATE SKIP LOCKED,
 * so that several app instances never take the same row.
 */
async function claim(db: Db, now: Date): Promise<OutboxRow[]> {
  // Dates in raw sql are passed as ISO strings: the postgres-js driver cannot bind a Date there.
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const rows = await db.execute(sql`
    update ${emailOutbox} set status = 'sending', locked_until = ${lease.toISOString()}, attempts = attempts + 1
    where id in (
      select id from ${emailOutbox}
      where (status = 'pending' and next_attempt_at <= ${now.toISOString()}) or (status = 'sending' and locked_until < ${now.toISOString()})
      order by next_attempt_at
      limit ${BATCH}
      for update skip locked
    )
    returning id`);
  const ids = (rows as unknown as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[]);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(emailOutbox)
    .where(sql`${emailOutbox.id} in (${sql.join(ids.map((r) => sql`${r.id}`), sql`, `)})`);
}

/** Delivers every email that is due now; returns how many were handled (sent or given up). */
export async function deliverDueEmails(db: Db, transport: Transport, now = new Date()): Promise<number> {
  const rows = await claim(db, now);
  for (const row of rows) await deliverOne(db, transport, row, now);
  return rows.length;
}

/** Delivers until nothing is due (a backlog is worked off in batches). */
export async function deliverAllDue(db: Db, transport: Transport): Promise<void> {
  while ((await deliverDueEmails(db, transport)) > 0) {
    // next batch
  }
}

async function deliverOne(db: Db, transport: Transport, row: OutboxRow, now: Date): Promise<void> {
  // The lease is the claim's token: a worker whose lease ran out (and whose row was claimed again)
  // no longer matches, so it cannot overwrite the newer worker's outcome.
  const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sending'), row.lockedUntil ? eq(emailOutbox.lockedUntil, row.lockedUntil) : undefined);
  let result;
  try {
    const secret = row.secretEnc ? decryptSecret(row.secretEnc) : null;
    const message = renderEmail(row.template as TemplateName, { locale: row.locale, to: row.toAddress, appUrl: appUrl(), payload: row.payload, secret });
    result = await transport.send({ ...message, id: row.id, to: row.toAddress });
  } catch (error) {
    result = { ok: false as const, retryable: false, error: `render: ${(error as Error).message}` };
  }
  if (result.ok) {
    await db
      .update(emailOutbox)
      .set({ status: 'sent', secretEnc: null, sentAt: now, providerId: result.providerId, lockedUntil: null, lastError: null })
      .where(mine);
    return;
  }
  const next = new Date(now.getTime() + retryDelaySeconds(row.attempts, result.retryAfterSeconds) * 1000);
  if (result.retryable && shouldRetry(row.attempts, row.createdAt, next)) {
    await db.update(emailOutbox).set({ status: 'pending', nextAttemptAt: next, lockedUntil: null, lastError: result.error }).where(mine);
    console.warn(`[email] ${row.template} ${row.id}: attempt ${row.attempts} failed (${result.error}); retry at ${next.toISOString()}`);
    return;
  }
  await db.update(emailOutbox).set({ status: 'failed', secretEnc: null, lockedUntil: null, lastError: result.error }).where(mine);
  console.error(`[email] ${row.template} ${row.id}: failed after ${row.attempts} attempt(s): ${result.error}`);
}
