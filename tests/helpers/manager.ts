import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import {
  applicationEvents,
  applications,
  auditLog,
  emailOutbox,
  passwordResetTokens,
  registeredOrganisations,
  restoreRequests,
  users,
  type Application,
  type User,
} from '@/db/schema';
import type { ApplicationStatus, Locale, OrgType } from '@/db/schema/enums';
import { decide } from '@/lib/applications/decisions';
import { buildSearchText } from '@/lib/applications/search';
import { saveDraft, submitApplication } from '@/lib/applications/service';
import { checkDigit } from '@/lib/validation/kz-id';
import { insertUser, mustApplicationOf } from './applications';

/** A valid BIN (legal entity, March 2006) for each serial number; different serials, different BINs. */
export function binFor(serial: number): string {
  // Serials whose prefix has no check digit are skipped by moving the entity digit.
  for (const entity of ['40', '41', '50', '51', '60']) {
    const prefix = `0603${entity}${String(serial).padStart(5, '0')}`;
    const check = checkDigit(prefix);
    if (check !== null) return `${prefix}${check}`;
  }
  throw new Error(`no BIN for serial ${serial}`);
}

/** A valid IIN (born 15 March 1985) for each serial number. */
export function iinFor(serial: number): string {
  for (const century of ['3', '4']) {
    const prefix = `850315${century}${String(serial).padStart(4, '0')}`;
    const check = checkDigit(prefix);
    if (check !== null) return `${prefix}${check}`;
  }
  throw new Error(`no IIN for serial ${serial}`);
}

/** A valid Kazakh mobile number in E.164 for each serial number (never +77011234567). */
export function phoneFor(serial: number): string {
  return `+7702${String(serial).padStart(7, '0')}`;
}

/** A manager account inserted directly (these tests never sign in as the manager). */
export async function insertManager(db: Db, email: string, fullName: string | null, now?: Date): Promise<User> {
  const user = await insertUser(db, email, { role: 'manager', now });
  const [row] = await db.update(users).set({ fullName, orgType: null, position: null }).where(eq(users.id, user.id)).returning();
  return row!;
}

/** Saves a draft (version 1) and submits it through the applicant's service; returns the submitted row. */
export async function submitThroughService(db: Db, applicant: User, input: Record<string, unknown>, now: Date): Promise<Application> {
  const saved = await saveDraft(db, applicant, input, 1, now);
  expect(saved.ok).toBe(true);
  expect(await submitApplication(db, applicant, input, 1, now)).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
  return mustApplicationOf(db, applicant.id);
}

/** Takes a submitted application into review with decide(); returns the in_review row. */
export async function startReview(db: Db, manager: User, app: Application, now: Date): Promise<Application> {
  const result = await decide(db, manager, { applicationId: app.id, version: app.version, event: 'startReview' }, now);
  if (!result.ok) throw new Error(`startReview failed: ${result.reason}`);
  return result.application;
}

export type QueueFixture = {
  serial: number;
  status: ApplicationStatus;
  orgName: string;
  region: string | null;
  orgType: OrgType;
  submittedAt: Date | null;
  assignedTo?: string | null;
  bin?: string;
  librarianIin?: string;
  orgEmail?: string;
  orgPhone?: string;
  locale?: Locale;
};

/**
 * An application in any status, inserted directly with the values a submission stores (normalised)
 * and the same search text: the managers' queue only reads these columns.
 */
export async function insertQueueApplication(db: Db, f: QueueFixture): Promise<Application> {
  const applicant = await insertUser(db, `applicant-${String(f.serial).padStart(3, '0')}@mail.kz`, { locale: f.locale ?? 'kk', orgType: f.orgType });
  const values = {
    orgName: f.orgName,
    bin: f.bin ?? binFor(f.serial),
    orgPhone: f.orgPhone ?? phoneFor(f.serial),
    orgEmail: f.orgEmail ?? `office-${String(f.serial).padStart(3, '0')}@school.edu.kz`,
    legalAddress: 'Мекенжай, 1',
    region: f.region,
    city: 'Қала',
    postalCode: 'A01P3K4',
    librarianName: 'Сәрсенова Әйгерім',
    librarianIin: f.librarianIin ?? iinFor(f.serial),
    librarianPhone: phoneFor(5000 + f.serial),
    librarianEmail: `library-${String(f.serial).padStart(3, '0')}@school.edu.kz`,
    responsibleName: 'Иванов Иван',
    responsiblePosition: 'Директор',
    responsiblePhone: phoneFor(8000 + f.serial),
    responsibleEmail: `director-${String(f.serial).padStart(3, '0')}@school.edu.kz`,
  };
  const created = f.submittedAt ?? new Date('2026-01-05T04:00:00Z');
  const [row] = await db
    .insert(applications)
    .values({
      applicantId: applicant.id,
      status: f.status,
      orgType: f.orgType,
      ...values,
      searchText: buildSearchText(values),
      assignedTo: f.assignedTo ?? null,
      submittedAt: f.submittedAt,
      createdAt: created,
      updatedAt: created,
    })
    .returning();
  return row!;
}

/** Every table a manager's action may touch, to assert that nothing changed. */
export async function managerSnapshot(db: Db) {
  const [apps, events, outbox, orgs, people, tokens, audit, requests] = await Promise.all([
    db.select().from(applications).orderBy(asc(applications.id)),
    db.select().from(applicationEvents).orderBy(asc(applicationEvents.id)),
    db.select().from(emailOutbox).orderBy(asc(emailOutbox.id)),
    db.select().from(registeredOrganisations).orderBy(asc(registeredOrganisations.id)),
    db.select().from(users).orderBy(asc(users.id)),
    db.select().from(passwordResetTokens).orderBy(asc(passwordResetTokens.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
    db.select().from(restoreRequests).orderBy(asc(restoreRequests.id)),
  ]);
  return { apps, events, outbox, orgs, people, tokens, audit, requests };
}

/** The messages of an error and of its causes (drizzle wraps the driver's error). */
export function errorMessages(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) parts.push(String((e as { message?: unknown }).message ?? e));
  return parts.join(' <- ');
}

export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return errorMessages(error);
  }
  throw new Error('expected a failure');
}
