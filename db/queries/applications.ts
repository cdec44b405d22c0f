import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { applicationEvents, applications, auditLog, registeredOrganisations, restoreRequests, users, type Application } from '@/db/schema';
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
      actorId: applicationEvents.actorId,
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

/** For managers: any application that has left the draft stage. */
export async function getApplicationForManager(db: Db, id: string): Promise<Application | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await db.select().from(applications).where(and(eq(applications.id, id), ne(applications.status, 'draft')));
  return row;
}

/**
 * Possible duplicates of an application: other applications (drafts excluded) and registered
 * organisations sharing its BIN, IIN, an email or a phone.
 */
export async function findDuplicates(db: Db, application: Application) {
  const emails = [application.orgEmail, application.librarianEmail, application.responsibleEmail].filter((v): v is string => Boolean(v));
  const phones = [application.orgPhone, application.librarianPhone, application.responsiblePhone].filter((v): v is string => Boolean(v));
  const none = sql`false`;
  const inList = (column: AnyPgColumn, values: string[]) => (values.length ? inArray(column, values) : none);
  const others = await db
    .select({ id: applications.id, orgName: applications.orgName, bin: applications.bin, status: applications.status, librarianIin: applications.librarianIin, orgEmail: applications.orgEmail, librarianEmail: applications.librarianEmail, responsibleEmail: applications.responsibleEmail, orgPhone: applications.orgPhone, librarianPhone: applications.librarianPhone, responsiblePhone: applications.responsiblePhone })
    .from(applications)
    .where(
      and(
        ne(applications.id, application.id),
        ne(applications.status, 'draft'),
        or(
          application.bin ? eq(applications.bin, application.bin) : none,
          application.librarianIin ? eq(applications.librarianIin, application.librarianIin) : none,
          inList(applications.orgEmail, emails),
          inList(applications.librarianEmail, emails),
          inList(applications.responsibleEmail, emails),
          inList(applications.orgPhone, phones),
          inList(applications.librarianPhone, phones),
          inList(applications.responsiblePhone, phones),
        ),
      ),
    )
    .limit(20);
  const orgs = await db
    .select({ id: registeredOrganisations.id, name: registeredOrganisations.name, bin: registeredOrganisations.bin, email: registeredOrganisations.email, librarianIin: registeredOrganisations.librarianIin, phone: registeredOrganisations.phone })
    .from(registeredOrganisations)
    .where(
      or(
        application.bin ? eq(registeredOrganisations.bin, application.bin) : none,
        application.librarianIin ? eq(registeredOrganisations.librarianIin, application.librarianIin) : none,
        emails.length ? inArray(registeredOrganisations.email, emails) : none,
        phones.length ? inArray(registeredOrganisations.phone, phones) : none,
      ),
    )
    .limit(20);
  const matches = (row: Record<string, string | null>) => {
    const found: string[] = [];
    if (application.bin && row.bin === application.bin) found.push('bin');
    if (application.librarianIin && row.librarianIin === application.librarianIin) found.push('iin');
    if (['orgEmail', 'librarianEmail', 'responsibleEmail', 'email'].some((k) => row[k] && emails.includes(row[k]!))) found.push('email');
    if (['orgPhone', 'librarianPhone', 'responsiblePhone', 'phone'].some((k) => row[k] && phones.includes(row[k]!))) found.push('phone');
    return found;
  };
  return {
    applications: others.map((row) => ({ id: row.id, name: row.orgName, bin: row.bin, status: row.status, matches: matches(row) })),
    organisations: orgs.map((row) => ({ id: row.id, name: row.name, bin: row.bin, matches: matches(row) })),
  };
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, fullName: users.fullName, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.fullName ?? r.email]));
}

export async function recordAudit(db: Db, entry: { actorId: string; actorName: string; action: string; targetType: string; targetId: string }): Promise<void> {
  await db.insert(auditLog).values(entry);
}
