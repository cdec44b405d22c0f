import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applicationEvents, applications, registeredOrganisations, restoreRequests, type Application } from '@/db/schema';
import { bindingStatuses } from '@/lib/workflow/application-status';

/** The applicant's own application; ownership is part of the query. */
export async function getApplicationOfApplicant(db: Db, applicantId: string): Promise<Application | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.applicantId, applicantId));
  return row;
}

export function listApplicationEvents(db: Db, applicationId: string) {
  return db
    .select({
      id: applicationEvents.id,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      actorRole: applicationEvents.actorRole,
      comment: applicationEvents.comment,
      createdAt: applicationEvents.createdAt,
    })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.createdAt));
}

export async function isBinRegistered(db: Db, bin: string): Promise<boolean> {
  const [row] = await db.select({ id: registeredOrganisations.id }).from(registeredOrganisations).where(eq(registeredOrganisations.bin, bin));
  return Boolean(row);
}

/** Whether another application holds this BIN (submitted, in review, changes requested, or approved). */
export async function isBinHeldByAnotherApplication(db: Db, bin: string, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.bin, bin), ne(applications.id, applicationId), inArray(applications.status, [...bindingStatuses])));
  return Boolean(row);
}

/** Stores a restore request unless the same person already has an open one for this BIN. */
export async function insertRestoreRequest(
  db: Db,
  request: { bin: string; source: 'application' | 'public'; requesterId: string | null; requesterEmail: string; requesterName?: string | null; requesterPosition?: string | null; message?: string | null },
): Promise<void> {
  const [open] = await db
    .select({ id: restoreRequests.id })
    .from(restoreRequests)
    .where(
      and(
        eq(restoreRequests.bin, request.bin),
        eq(restoreRequests.requesterEmail, request.requesterEmail),
        eq(restoreRequests.status, 'open'),
      ),
    );
  if (open) return;
  await db.insert(restoreRequests).values(request);
}

export const bumpVersion = sql`${applications.version} + 1`;
