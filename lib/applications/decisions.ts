import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications, registeredOrganisations, users, type Application, type User } from '@/db/schema';
import { findUserByEmail } from '@/db/queries/users';
import { generatePassword } from '@/lib/auth/generate-password';
import { hashPassword } from '@/lib/auth/hash';
import { queueEmail } from '@/lib/email/outbox';
import { tempPasswordHours } from '@/lib/env';
import { nextStatus, type ApplicationEvent } from '@/lib/workflow/application-status';
import { transition } from './service';

export type DecisionResult =
  | { ok: true; application: Application }
  | { ok: false; reason: 'notFound' | 'versionConflict' | 'transitionNotAllowed' | 'transitionForbidden' | 'commentRequired' | 'binRegistered' | 'orgEmailTaken' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Rollback extends Error {
  constructor(readonly reason: 'binRegistered' | 'orgEmailTaken') {
    super(reason);
  }
}

/**
 * A manager's decision on an application: take into review (assigns it to them), request
 * changes, approve (registers the organisation and opens its account) or reject. One transaction
 * with the history row and the applicant's email, guarded by the version the manager saw.
 */
export async function decide(
  db: Db,
  manager: User,
  input: { applicationId: string; version: number; event: ApplicationEvent; comment?: string | null },
  now = new Date(),
): Promise<DecisionResult> {
  // The id comes from a form field: anything that is not a uuid is no application (not a database error).
  if (!UUID.test(input.applicationId)) return { ok: false, reason: 'notFound' };
  const [current] = await db.select().from(applications).where(eq(applications.id, input.applicationId));
  if (!current || current.status === 'draft') return { ok: false, reason: 'notFound' };
  if (current.version !== input.version) return { ok: false, reason: 'versionConflict' };
  const comment = input.comment?.trim() || null;
  const step = nextStatus(current.status, input.event, manager.role, comment);
  if (!step.ok) return { ok: false, reason: step.reason };
  try {
    return await db.transaction(async (tx) => {
      const changes = input.event === 'startReview' ? { assignedTo: manager.id } : step.to === 'approved' || step.to === 'rejected' ? { decidedAt: now } : {};
      const row = await transition(tx, current, input.event, { id: manager.id, role: manager.role }, comment, now, changes);
      if (!row) return { ok: false, reason: 'versionConflict' } as const;
      if (input.event === 'approve') await registerOrganisation(tx, row, now);
      return { ok: true, application: row } as const;
    });
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** On approval: the registered organisation and its own account, whose password goes to the librarian's email. */
async function registerOrganisation(tx: Db, application: Application, now: Date): Promise<void> {
  const email = application.librarianEmail!;
  const [org] = await tx
    .insert(registeredOrganisations)
    .values({
      bin: application.bin!,
      name: application.orgName!,
      orgType: application.orgType,
      region: application.region,
      city: application.city,
      legalAddress: application.legalAddress,
      postalCode: application.postalCode,
      phone: application.orgPhone,
      email,
      librarianName: application.librarianName,
      librarianIin: application.librarianIin,
      librarianPhone: application.librarianPhone,
      librarianEmail: application.librarianEmail,
      responsibleName: application.responsibleName,
      responsiblePosition: application.responsiblePosition,
      responsiblePhone: application.responsiblePhone,
      responsibleEmail: application.responsibleEmail,
      source: 'application',
      applicationId: application.id,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: registeredOrganisations.bin })
    .returning({ id: registeredOrganisations.id });
  if (!org) throw new Rollback('binRegistered');
  const [applicant] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, application.applicantId));
  const locale = applicant?.locale ?? 'kk';
  const owner = await findUserByEmail(tx, email);
  if (owner?.id === application.applicantId) {
    // The librarian applied herself: her account becomes the organisation's (she keeps her password).
    await tx.update(users).set({ role: 'organisation', organisationId: org.id }).where(eq(users.id, owner.id));
    await queueEmail(tx, { to: email, locale, template: 'organisationRegistered', payload: { organisation: application.orgName ?? '' } });
    return;
  }
  if (owner) throw new Rollback('orgEmailTaken');
  const password = generatePassword();
  const hours = tempPasswordHours();
  const [account] = await tx
    .insert(users)
    .values({
      email,
      role: 'organisation',
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(now.getTime() + hours * 3600_000),
      locale,
      organisationId: org.id,
      orgType: application.orgType,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  // Someone opened an account with this email a moment ago.
  if (!account) throw new Rollback('orgEmailTaken');
  await queueEmail(tx, { to: email, locale, template: 'tempPassword', payload: { hours: String(hours), kind: 'organisation' }, secret: password });
}
