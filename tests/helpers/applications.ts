import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applicationEvents, applications, emailOutbox, users, type Application, type User } from '@/db/schema';
import type { Locale, OrgType, UserRole } from '@/db/schema/enums';

/** Valid vectors: BIN and IIN with correct check digits, KZ phones, the new Kazpost postal code. */
export const VALID_BIN = '060340012341';
/** Two more valid BINs, for tests needing different organisations. */
export const OTHER_BIN = '070540001236';
export const THIRD_BIN = '101140005671';
export const VALID_IIN = '850315301235';
/** The valid IIN with its last (check) digit changed. */
export const WRONG_IIN = '850315301236';

/** A complete, valid application as the form posts it (typed forms, not normalised). */
export function validApplicationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orgType: 'school',
    orgName: '«№ 12 мектеп-гимназиясы» КММ',
    bin: '0603 4001 2341',
    orgPhone: '+7 701 123 45 67',
    orgEmail: 'Info@School12.edu.kz',
    legalAddress: 'Астана қ., Мәңгілік Ел даңғылы, 8',
    region: 'KZ-71',
    city: 'Астана',
    postalCode: 'A01 P3K4',
    librarianName: 'Сәрсенова Әйгерім',
    librarianIin: VALID_IIN,
    librarianPhone: '8 7172 55 12 34',
    librarianEmail: 'library@school12.edu.kz',
    responsibleName: 'Иванов Иван Иванович',
    responsiblePosition: 'Директор',
    responsiblePhone: '+7 701 123 45 67',
    responsibleEmail: 'director@school12.edu.kz',
    ...overrides,
  };
}

/** Inserts a user row directly (no password hashing: these tests never sign in). */
export async function insertUser(
  db: Db,
  email: string,
  opts: { role?: UserRole; locale?: Locale; orgType?: OrgType; now?: Date } = {},
): Promise<User> {
  const now = opts.now ?? new Date('2025-03-01T08:00:00Z');
  const [user] = await db
    .insert(users)
    .values({
      email,
      role: opts.role ?? 'applicant',
      passwordHash: 'not-a-real-hash',
      mustChangePassword: false,
      locale: opts.locale ?? 'kk',
      position: 'director',
      orgType: opts.orgType ?? 'school',
      consentText: 'consent text',
      consentAt: now,
      createdAt: now,
    })
    .returning();
  if (!user) throw new Error(`could not insert ${email}`);
  return user;
}

export async function applicationOf(db: Db, applicantId: string): Promise<Application | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.applicantId, applicantId));
  return row;
}

export async function mustApplicationOf(db: Db, applicantId: string): Promise<Application> {
  const row = await applicationOf(db, applicantId);
  if (!row) throw new Error(`no application for ${applicantId}`);
  return row;
}

/** Every history row of an application, oldest first. */
export function eventsOf(db: Db, applicationId: string) {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.createdAt));
}

/** Every 'applicationStatus' email to an address, oldest first. */
export async function statusEmailsTo(db: Db, to: string) {
  const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(asc(emailOutbox.createdAt));
  return rows.filter((row) => row.template === 'applicationStatus');
}

/** A snapshot of the tables an application change touches, to assert that nothing changed. */
export async function snapshot(db: Db) {
  const [apps, events, outbox] = await Promise.all([
    db.select().from(applications).orderBy(asc(applications.id)),
    db.select().from(applicationEvents).orderBy(asc(applicationEvents.id)),
    db.select().from(emailOutbox).orderBy(asc(emailOutbox.id)),
  ]);
  return { apps, events, outbox };
}
