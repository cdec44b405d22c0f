import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, registeredOrganisations, restoreRequests, users, type User } from '@/db/schema';
import type { Locale } from '@/db/schema/enums';
import { cancelResetTokens, findUserByEmail, insertResetToken } from '@/db/queries/users';
import { escapeLike } from '@/lib/applications/search';
import { queueEmail } from '@/lib/email/outbox';
import { hitRateLimit } from '@/lib/rate-limit/store';
import { newToken } from '@/lib/security/crypto';
import { normalizeIdNumber } from '@/lib/validation/kz-id';

export const RESTORE_TOKEN_HOURS = 24;

export type PublicRestoreInput = { bin: string; name: string; position: string; email: string; message: string | null };

/** Public form: stores the request for the managers whatever the BIN; the caller answers the same either way. */
export async function createPublicRestoreRequest(db: Db, input: PublicRestoreInput, now = new Date()): Promise<void> {
  await db.insert(restoreRequests).values({
    bin: input.bin,
    source: 'public',
    requesterEmail: input.email,
    requesterName: input.name,
    requesterPosition: input.position,
    message: input.message,
    createdAt: now,
  });
}

export type RestoreSendResult = { organisationId: string; outcome: 'sent' | 'rateLimited' | 'notFound' | 'forbidden' | 'emailTaken' };

/**
 * Sends a restore link to each organisation's email on file (never to an address typed by anyone):
 * a single-use link valid 24 hours, cancelling older ones; at most a few per organisation an hour;
 * every send recorded with the manager's name. Closes the restore request when one is given.
 */
export async function sendRestoreEmails(
  db: Db,
  manager: User,
  organisationIds: string[],
  options: { requestId?: string; locale: Locale },
  now = new Date(),
): Promise<RestoreSendResult[]> {
  if (manager.role !== 'manager') return organisationIds.map((organisationId) => ({ organisationId, outcome: 'forbidden' }));
  const results: RestoreSendResult[] = [];
  for (const organisationId of [...new Set(organisationIds)].slice(0, 100)) {
    const [org] = await db.select().from(registeredOrganisations).where(eq(registeredOrganisations.id, organisationId));
    if (!org) {
      results.push({ organisationId, outcome: 'notFound' });
      continue;
    }
    const limit = await hitRateLimit(db, 'restoreOrg', org.id, now);
    if (!limit.allowed) {
      results.push({ organisationId, outcome: 'rateLimited' });
      continue;
    }
    const [existing] = await db.select({ id: users.id }).from(users).where(and(eq(users.organisationId, org.id), eq(users.role, 'organisation')));
    if (!existing && (await findUserByEmail(db, org.email))) {
      // The email on file belongs to another account: nothing is sent; the manager sees why.
      results.push({ organisationId, outcome: 'emailTaken' });
      continue;
    }
    const { token, hash } = newToken();
    const sent = await db.transaction(async (tx) => {
      let [account] = await tx.select().from(users).where(and(eq(users.organisationId, org.id), eq(users.role, 'organisation')));
      if (!account) {
        [account] = await tx
          .insert(users)
          .values({ email: org.email, role: 'organisation', passwordHash: '!', mustChangePassword: true, organisationId: org.id, locale: options.locale })
          .onConflictDoNothing({ target: users.email })
          .returning();
        if (!account) return false;
      }
      await cancelResetTokens(tx, account!.id, now);
      await insertResetToken(tx, account!.id, hash, new Date(now.getTime() + RESTORE_TOKEN_HOURS * 3600_000), { createdBy: manager.id });
      await queueEmail(tx, { to: org.email, locale: account!.locale, template: 'restoreAccess', payload: { hours: String(RESTORE_TOKEN_HOURS), organisation: org.name }, secret: token });
      await tx.insert(auditLog).values({ actorId: manager.id, actorName: manager.fullName ?? manager.email, action: 'restoreSent', targetType: 'organisation', targetId: org.id, createdAt: now });
      if (options.requestId) {
        await tx
          .update(restoreRequests)
          .set({ status: 'closed', outcome: 'sent', closedBy: manager.id, closedAt: now })
          .where(and(eq(restoreRequests.id, options.requestId), eq(restoreRequests.status, 'open')));
      }
      return true;
    });
    results.push({ organisationId, outcome: sent ? 'sent' : 'emailTaken' });
  }
  return results;
}

/** Closes a request without sending (not registered, not authorised...), with the outcome noted. */
export async function closeRestoreRequest(db: Db, manager: User, requestId: string, outcome: string, now = new Date()): Promise<boolean> {
  if (manager.role !== 'manager') return false;
  const rows = await db
    .update(restoreRequests)
    .set({ status: 'closed', outcome, closedBy: manager.id, closedAt: now })
    .where(and(eq(restoreRequests.id, requestId), eq(restoreRequests.status, 'open')))
    .returning({ id: restoreRequests.id });
  return rows.length === 1;
}

/** Registered organisations by BIN (exact or prefix) or name (case-insensitive, wildcards literal). */
export function findOrganisations(db: Db, query: string, limit = 50) {
  const q = query.normalize('NFC').trim().slice(0, 100);
  const digits = normalizeIdNumber(q);
  const where = /^\d+$/.test(digits)
    ? sql`${registeredOrganisations.bin} like ${`${digits}%`}`
    : or(ilike(registeredOrganisations.name, `%${escapeLike(q)}%`), sql`lower(${registeredOrganisations.name}) like ${`%${escapeLike(q.toLocaleLowerCase('kk'))}%`}`);
  return db
    .select({ id: registeredOrganisations.id, bin: registeredOrganisations.bin, name: registeredOrganisations.name, email: registeredOrganisations.email, region: registeredOrganisations.region })
    .from(registeredOrganisations)
    .where(where)
    .orderBy(registeredOrganisations.name)
    .limit(limit);
}

export function listOpenRestoreRequests(db: Db) {
  return db
    .select({
      id: restoreRequests.id,
      bin: restoreRequests.bin,
      source: restoreRequests.source,
      requesterEmail: restoreRequests.requesterEmail,
      requesterName: restoreRequests.requesterName,
      requesterPosition: restoreRequests.requesterPosition,
      message: restoreRequests.message,
      createdAt: restoreRequests.createdAt,
      organisationId: registeredOrganisations.id,
      organisationName: registeredOrganisations.name,
    })
    .from(restoreRequests)
    .leftJoin(registeredOrganisations, eq(registeredOrganisations.bin, restoreRequests.bin))
    .where(eq(restoreRequests.status, 'open'))
    .orderBy(restoreRequests.createdAt)
    .limit(200);
}

/** The latest restore email sent to each organisation: when, and by which manager. */
export async function lastRestoreSends(db: Db, organisationIds: string[]): Promise<Map<string, { at: Date; by: string }>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ targetId: auditLog.targetId, actorName: auditLog.actorName, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'restoreSent'), inArray(auditLog.targetId, organisationIds)))
    .orderBy(desc(auditLog.createdAt));
  const latest = new Map<string, { at: Date; by: string }>();
  for (const row of rows) if (!latest.has(row.targetId)) latest.set(row.targetId, { at: row.createdAt, by: row.actorName ?? '' });
  return latest;
}
