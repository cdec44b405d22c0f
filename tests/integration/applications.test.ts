import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { applicationEvents, applications, emailOutbox, registeredOrganisations, restoreRequests, type Application, type User } from '@/db/schema';
import { getApplicationOfApplicant, listApplicationEvents } from '@/db/queries/applications';
import { requestRestoreForBin, saveDraft, submitApplication, transition } from '@/lib/applications/service';
import type { ApplicationEvent } from '@/lib/workflow/application-status';
import {
  OTHER_BIN,
  THIRD_BIN,
  VALID_BIN,
  VALID_IIN,
  WRONG_IIN,
  applicationOf,
  eventsOf,
  insertUser,
  mustApplicationOf,
  snapshot,
  statusEmailsTo,
  validApplicationInput,
} from '../helpers/applications';
import { closeTestDb, resetDb, testDb } from '../helpers/db';

/**
 * The pre-check "another application holds this BIN" can be switched off, so that a second
 * submission of the same BIN reaches the database and the partial unique index must refuse it
 * (what happens when two submissions race past the pre-check).
 */
const binPrecheck = vi.hoisted(() => ({ skip: false, skipped: 0 }));
vi.mock('@/db/queries/applications', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/db/queries/applications')>();
  return {
    ...actual,
    isBinHeldByAnotherApplication: (db: Db, bin: string, applicationId: string) =>
      binPrecheck.skip ? Promise.resolve(false).finally(() => (binPrecheck.skipped += 1)) : actual.isBinHeldByAnotherApplication(db, bin, applicationId),
  };
});

const T0 = new Date('2025-03-03T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The messages of an error and of its causes (drizzle wraps the driver's error). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) parts.push(String((e as { message?: unknown }).message ?? e));
  return parts.join(' <- ');
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return messages(error);
  }
  throw new Error('expected a failure');
}

function managerStep(db: Db, app: Application, event: ApplicationEvent, manager: User, comment: string | null, now: Date) {
  return db.transaction((tx) => transition(tx, app, event, { id: manager.id, role: 'manager' }, comment, now));
}

/** Saves a draft (version 1) and submits it; returns the submitted row. */
async function submitted(db: Db, applicant: User, input: Record<string, unknown>, now: Date): Promise<Application> {
  const saved = await saveDraft(db, applicant, input, 1, now);
  expect(saved.ok).toBe(true);
  const result = await submitApplication(db, applicant, input, 1, now);
  expect(result).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
  return mustApplicationOf(db, applicant.id);
}

let db: Db;

beforeEach(async () => {
  db = await testDb();
  await resetDb(db);
});
afterEach(() => {
  binPrecheck.skip = false;
  binPrecheck.skipped = 0;
});
afterAll(closeTestDb);

describe('saveDraft', () => {
  it('creates the draft on first save, keeping what was typed and refusing hidden characters', async () => {
    const a = await insertUser(db, 'a@school.kz', { orgType: 'college', locale: 'ru' });
    const result = await saveDraft(
      db,
      a,
      { orgName: '  Колледж №3  ', librarianIin: '850315 301236', city: 'Аста\u0000на', bin: '0603 4001 2341' },
      1,
      T0,
    );
    expect(result).toEqual({
      ok: true,
      version: 1,
      savedAt: T0,
      errors: { city: ['forbiddenCharacters'] },
      problems: { librarianIin: ['iinChecksum'] },
    });
    const row = await mustApplicationOf(db, a.id);
    expect(row).toMatchObject({
      applicantId: a.id,
      status: 'draft',
      version: 1,
      orgType: 'college',
      orgName: 'Колледж №3',
      // Stored as typed (not normalised) while a draft.
      bin: '0603 4001 2341',
      librarianIin: '850315 301236',
      city: null,
      assignedTo: null,
      managerComment: null,
      submittedAt: null,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.select().from(applicationEvents)).toEqual([]);
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });

  it('takes orgType from the input when sent', async () => {
    const a = await insertUser(db, 'a@school.kz', { orgType: 'school' });
    await saveDraft(db, a, { orgType: 'college', orgName: 'Колледж' }, 1, T0);
    expect((await mustApplicationOf(db, a.id)).orgType).toBe('college');
    // An unknown orgType is ignored, the stored one stays.
    const saved = await saveDraft(db, a, { orgType: 'university', orgName: 'Колледж' }, 1, at(1));
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect((await mustApplicationOf(db, a.id)).orgType).toBe('college');
  });

  it('updates with the current version, keeps a refused field at its stored value, and clears emptied fields', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, { orgName: 'Мектеп', city: 'Астана', region: 'KZ-71' }, 1, T0);
    const result = await saveDraft(db, a, { orgName: 'Мектеп-гимназия', city: 'Алма\u202Eты', region: '' }, 1, at(1));
    expect(result).toEqual({ ok: true, version: 2, savedAt: at(1), errors: { city: ['forbiddenCharacters'] }, problems: {} });
    expect(await mustApplicationOf(db, a.id)).toMatchObject({
      version: 2,
      orgName: 'Мектеп-гимназия',
      city: 'Астана',
      region: null,
      updatedAt: at(1),
      createdAt: T0,
    });
  });

  it('refuses a save based on a stale version, changing nothing', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, { orgName: 'Мектеп' }, 1, T0);
    await saveDraft(db, a, { orgName: 'Мектеп 2' }, 1, at(1));
    const before = await snapshot(db);
    expect(await saveDraft(db, a, { orgName: 'From the old tab' }, 1, at(2))).toEqual({ ok: false, reason: 'versionConflict' });
    expect(await saveDraft(db, a, { orgName: 'From the future' }, 7, at(2))).toEqual({ ok: false, reason: 'versionConflict' });
    expect(await snapshot(db)).toEqual(before);
    expect((await mustApplicationOf(db, a.id)).orgName).toBe('Мектеп 2');
  });

  it('ignores status, version, applicantId, assignedTo and managerComment in the raw input', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    const manager = await insertUser(db, 'manager@qazaqmura.kz', { role: 'manager' });
    const sneaky = {
      status: 'approved',
      version: 41,
      applicantId: b.id,
      assignedTo: manager.id,
      managerComment: 'approved by me',
      submittedAt: T0,
      decidedAt: T0,
      id: '00000000-0000-4000-8000-000000000000',
    };
    const first = await saveDraft(db, a, { ...sneaky, orgName: 'Мектеп' }, 1, T0);
    expect(first).toMatchObject({ ok: true, version: 1 });
    const second = await saveDraft(db, a, { ...sneaky, status: 'submitted', orgName: 'Мектеп 2' }, 1, at(1));
    expect(second).toMatchObject({ ok: true, version: 2 });
    const row = await mustApplicationOf(db, a.id);
    expect(row).toMatchObject({
      applicantId: a.id,
      status: 'draft',
      version: 2,
      assignedTo: null,
      managerComment: null,
      submittedAt: null,
      decidedAt: null,
      orgName: 'Мектеп 2',
    });
    expect(row.id).not.toBe(sneaky.id);
    expect(await applicationOf(db, b.id)).toBeUndefined();
    expect(await db.select().from(applications)).toHaveLength(1);
  });

  it('refuses to save once submitted (notEditable)', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const app = await submitted(db, a, validApplicationInput(), T0);
    const before = await snapshot(db);
    expect(await saveDraft(db, a, { orgName: 'Changed after submit' }, app.version, at(1))).toEqual({ ok: false, reason: 'notEditable' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('submitApplication', () => {
  it('submits a complete application: normalised values, version, history row and email together', async () => {
    const a = await insertUser(db, 'a@school.kz', { locale: 'ru' });
    await saveDraft(db, a, { orgName: 'Мектеп' }, 1, T0);
    const result = await submitApplication(db, a, validApplicationInput(), 1, at(5));
    expect(result).toEqual({ ok: true, status: 'submitted', alreadyDone: false });

    const row = await mustApplicationOf(db, a.id);
    expect(row).toMatchObject({
      status: 'submitted',
      version: 2,
      orgType: 'school',
      orgName: '«№ 12 мектеп-гимназиясы» КММ',
      bin: VALID_BIN,
      orgPhone: '+77011234567',
      orgEmail: 'info@school12.edu.kz',
      region: 'KZ-71',
      city: 'Астана',
      postalCode: 'A01P3K4',
      librarianIin: VALID_IIN,
      librarianPhone: '+77172551234',
      responsiblePhone: '+77011234567',
      submittedAt: at(5),
      updatedAt: at(5),
      createdAt: T0,
      managerComment: null,
    });

    const events = await db.select().from(applicationEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      applicationId: row.id,
      actorId: a.id,
      actorRole: 'applicant',
      fromStatus: 'draft',
      toStatus: 'submitted',
      comment: null,
      createdAt: at(5),
    });

    const mails = await db.select().from(emailOutbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      toAddress: 'a@school.kz',
      locale: 'ru',
      template: 'applicationStatus',
      payload: { status: 'submitted' },
      secretEnc: null,
      status: 'pending',
    });
  });

  it('writes the status, the history row and the email in one transaction: a failing email insert undoes all', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    const before = await snapshot(db);
    await db.execute(sql`
      create function test_refuse_status_email() returns trigger language plpgsql as $$
      begin
        if new.template = 'applicationStatus' then raise exception 'test: outbox refused'; end if;
        return new;
      end $$`);
    await db.execute(sql`
      create trigger test_refuse_status_email before insert on email_outbox
      for each row execute function test_refuse_status_email()`);
    try {
      const failure = await failureOf(submitApplication(db, a, validApplicationInput(), 1, at(1)));
      expect(failure).toContain('test: outbox refused');
    } finally {
      await db.execute(sql`drop trigger if exists test_refuse_status_email on email_outbox`);
      await db.execute(sql`drop function if exists test_refuse_status_email()`);
    }
    expect(await snapshot(db)).toEqual(before);
    expect(await mustApplicationOf(db, a.id)).toMatchObject({ status: 'draft', version: 1, submittedAt: null });
    expect(await db.select().from(applicationEvents)).toEqual([]);

    // With the trigger gone the same submission goes through.
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(2))).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
  });

  it('refuses a wrong IIN with its reason, changing nothing', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    const before = await snapshot(db);
    const result = await submitApplication(db, a, validApplicationInput({ librarianIin: WRONG_IIN }), 1, at(1));
    expect(result).toEqual({ ok: false, reason: 'invalid', errors: { librarianIin: ['iinChecksum'] } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports every missing field and a missing orgType', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, { orgName: 'Мектеп' }, 1, T0);
    const result = await submitApplication(db, a, { orgName: 'Мектеп' }, 1, at(1));
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('expected invalid');
    expect(result.errors.orgType).toEqual(['orgTypeRequired']);
    expect(result.errors.bin).toEqual(['binRequired']);
    expect(result.errors.orgName).toBeUndefined();
    expect((await mustApplicationOf(db, a.id)).status).toBe('draft');
  });

  it('answers notFound without a draft, and versionConflict for a stale version', async () => {
    const a = await insertUser(db, 'a@school.kz');
    expect(await submitApplication(db, a, validApplicationInput(), 1, T0)).toEqual({ ok: false, reason: 'notFound' });
    expect(await db.select().from(applications)).toEqual([]);
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    await saveDraft(db, a, validApplicationInput(), 1, at(1));
    const before = await snapshot(db);
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(2))).toEqual({ ok: false, reason: 'versionConflict' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('double submit', () => {
  async function expectOneSubmission(a: User) {
    const row = await mustApplicationOf(db, a.id);
    expect(row).toMatchObject({ status: 'submitted', version: 2 });
    const events = await eventsOf(db, row.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([['draft', 'submitted']]);
    const mails = await statusEmailsTo(db, a.email);
    expect(mails.map((m) => m.payload)).toEqual([{ status: 'submitted' }]);
  }

  it('sequentially: the second call with the same version is alreadyDone and changes nothing', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(1))).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
    const before = await snapshot(db);
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(2))).toEqual({ ok: true, status: 'submitted', alreadyDone: true });
    expect(await snapshot(db)).toEqual(before);
    await expectOneSubmission(a);
  });

  it('in parallel: exactly one submission, the other alreadyDone or versionConflict', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    const results = await Promise.all([
      submitApplication(db, a, validApplicationInput(), 1, at(1)),
      submitApplication(db, a, validApplicationInput(), 1, at(1)),
    ]);
    const winners = results.filter((r) => r.ok && !r.alreadyDone);
    expect(winners).toEqual([{ ok: true, status: 'submitted', alreadyDone: false }]);
    const loser = results.find((r) => !(r.ok && !r.alreadyDone));
    expect([
      { ok: true, status: 'submitted', alreadyDone: true },
      { ok: false, reason: 'versionConflict' },
    ]).toContainEqual(loser);
    await expectOneSubmission(a);
  });

  it('in parallel, several at once: still one submission', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitApplication(db, a, validApplicationInput(), 1, at(1))));
    expect(results.filter((r) => r.ok && !r.alreadyDone)).toHaveLength(1);
    for (const r of results) {
      expect(r.ok ? r.status : r.reason).toMatch(/^(submitted|versionConflict)$/);
    }
    await expectOneSubmission(a);
  });
});

describe('one organisation, one registration', () => {
  it('refuses a BIN already registered in QAZAQMURA, changing nothing', async () => {
    const a = await insertUser(db, 'a@school.kz');
    await db.insert(registeredOrganisations).values({ bin: VALID_BIN, name: 'Школа №12', orgType: 'school', email: 'office@school12.edu.kz' });
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    const before = await snapshot(db);
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(1))).toEqual({ ok: false, reason: 'binRegistered' });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a BIN held by another applicant's submitted application, revealing nothing of it", async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    const other = await submitted(db, b, validApplicationInput({ orgName: 'Secret Name of B' }), T0);
    await saveDraft(db, a, validApplicationInput(), 1, at(1));
    const before = await snapshot(db);
    const result = await submitApplication(db, a, validApplicationInput(), 1, at(2));
    expect(result).toEqual({ ok: false, reason: 'binInProgress' });
    expect(JSON.stringify(result)).not.toContain(other.id);
    expect(JSON.stringify(result)).not.toContain('Secret');
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the BIN held while in review and after changes are requested, and frees it on rejection', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    const manager = await insertUser(db, 'manager@qazaqmura.kz', { role: 'manager' });
    let other = await submitted(db, b, validApplicationInput(), T0);
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    other = (await managerStep(db, other, 'startReview', manager, null, at(1)))!;
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(2))).toEqual({ ok: false, reason: 'binInProgress' });
    other = (await managerStep(db, other, 'requestChanges', manager, 'Укажите адрес', at(3)))!;
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(4))).toEqual({ ok: false, reason: 'binInProgress' });
    // Back to review, then rejected: the BIN is free again.
    const resubmitted = await submitApplication(db, b, validApplicationInput(), other.version, at(5));
    expect(resubmitted).toMatchObject({ ok: true, status: 'submitted' });
    other = await mustApplicationOf(db, b.id);
    other = (await managerStep(db, other, 'startReview', manager, null, at(6)))!;
    other = (await managerStep(db, other, 'reject', manager, 'Дубликат', at(7)))!;
    expect(other.status).toBe('rejected');
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(8))).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
  });

  it('lets two different applicants racing on the same BIN in parallel win exactly once', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    await saveDraft(db, b, validApplicationInput(), 1, T0);
    const results = await Promise.all([
      submitApplication(db, a, validApplicationInput(), 1, at(1)),
      submitApplication(db, b, validApplicationInput(), 1, at(1)),
    ]);
    expect(results).toContainEqual({ ok: true, status: 'submitted', alreadyDone: false });
    expect(results).toContainEqual({ ok: false, reason: 'binInProgress' });
    const rows = await db.select().from(applications);
    expect(rows.map((r) => r.status).sort()).toEqual(['draft', 'submitted']);
    expect(await db.select().from(applicationEvents)).toHaveLength(1);
    expect(await db.select().from(emailOutbox)).toHaveLength(1);
  });

  it('has the partial unique index catch a submission that got past the pre-check', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    await submitted(db, b, validApplicationInput(), T0);
    await saveDraft(db, a, validApplicationInput(), 1, at(1));
    const before = await snapshot(db);
    binPrecheck.skip = true;
    expect(await submitApplication(db, a, validApplicationInput(), 1, at(2))).toEqual({ ok: false, reason: 'binInProgress' });
    // The answer came from the database, not from the (skipped) pre-check.
    expect(binPrecheck.skipped).toBe(1);
    // The whole transaction was rolled back: no status change, no history row, no email.
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses, at the database, two in-flight applications with one BIN', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    await submitted(db, b, validApplicationInput(), T0);
    await saveDraft(db, a, validApplicationInput({ bin: VALID_BIN }), 1, at(1));
    const failure = await failureOf(db.update(applications).set({ status: 'in_review' }).where(eq(applications.applicantId, a.id)));
    expect(failure).toMatch(/applications_bin_in_flight_idx|duplicate key/);
  });

  it('lets drafts with the same BIN coexist, also next to a submitted one', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    const c = await insertUser(db, 'c@school.kz');
    expect(await saveDraft(db, a, { bin: VALID_BIN }, 1, T0)).toMatchObject({ ok: true });
    expect(await saveDraft(db, b, { bin: VALID_BIN }, 1, T0)).toMatchObject({ ok: true });
    await submitted(db, c, validApplicationInput(), at(1));
    expect(await saveDraft(db, a, { bin: VALID_BIN, orgName: 'Мектеп' }, 1, at(2))).toMatchObject({ ok: true, version: 2 });
    const rows = await db.select().from(applications).where(eq(applications.bin, VALID_BIN));
    expect(rows.map((r) => r.status).sort()).toEqual(['draft', 'draft', 'submitted']);
  });

  it('stores a restore request once per requester and BIN, and refuses an invalid BIN', async () => {
    const a = await insertUser(db, 'a@school.kz');
    // Only for a BIN the applicant could be refused: one already registered (or in flight).
    expect(await requestRestoreForBin(db, a, VALID_BIN)).toEqual({ ok: false });
    await db.insert(registeredOrganisations).values([
      { bin: VALID_BIN, name: 'Registered school', email: 'office@registered.kz', source: 'import' },
      { bin: OTHER_BIN, name: 'Another school', email: 'office@another.kz', source: 'import' },
    ]);
    expect(await db.select().from(restoreRequests)).toHaveLength(0);
    expect(await requestRestoreForBin(db, a, '0603 4001 2341')).toEqual({ ok: true });
    expect(await requestRestoreForBin(db, a, VALID_BIN)).toEqual({ ok: true });
    const rows = await db.select().from(restoreRequests);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      bin: VALID_BIN,
      source: 'application',
      requesterId: a.id,
      requesterEmail: 'a@school.kz',
      status: 'open',
      closedAt: null,
    });
    expect(await requestRestoreForBin(db, a, '060340012342')).toEqual({ ok: false });
    expect(await requestRestoreForBin(db, a, 'not a bin')).toEqual({ ok: false });
    expect(await requestRestoreForBin(db, a, VALID_IIN)).toEqual({ ok: false });
    expect(await db.select().from(restoreRequests)).toHaveLength(1);
    // Another BIN is another request.
    expect(await requestRestoreForBin(db, a, OTHER_BIN)).toEqual({ ok: true });
    expect((await db.select().from(restoreRequests)).map((r) => r.bin).sort()).toEqual([VALID_BIN, OTHER_BIN].sort());
    // At most three requests an hour per applicant.
    expect(await requestRestoreForBin(db, a, OTHER_BIN)).toEqual({ ok: false });
  });
});

describe('corrections after changes were requested', () => {
  it('saves only valid, normalised corrections, and a BIN held by another application is refused, not a server error', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    const manager = await insertUser(db, 'manager@qazaqmura.kz', { role: 'manager' });
    await submitted(db, b, validApplicationInput({ bin: OTHER_BIN }), T0);
    let app = await submitted(db, a, validApplicationInput(), T0);
    app = (await managerStep(db, app, 'startReview', manager, null, at(1)))!;
    app = (await managerStep(db, app, 'requestChanges', manager, 'Телефон', at(2)))!;

    const fixed = await saveDraft(db, a, validApplicationInput({ orgPhone: '8 701 765 43 21', region: 'XX', librarianIin: WRONG_IIN }), app.version, at(3));
    expect(fixed).toMatchObject({ ok: true, problems: { region: ['regionRequired'], librarianIin: ['iinChecksum'] } });
    const row = await mustApplicationOf(db, a.id);
    expect(row).toMatchObject({ orgPhone: '+77017654321', region: app.region, librarianIin: app.librarianIin, status: 'needs_changes' });

    const before = await snapshot(db);
    expect(await saveDraft(db, a, validApplicationInput({ bin: OTHER_BIN }), row.version, at(4))).toEqual({
      ok: false,
      reason: 'binInProgress',
      errors: { bin: ['binInProgress'] },
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('changes requested and resubmission', () => {
  it('goes submitted -> in_review -> needs_changes -> submitted with a history row and an email for every step', async () => {
    const a = await insertUser(db, 'a@school.kz', { locale: 'ru' });
    const manager = await insertUser(db, 'manager@qazaqmura.kz', { role: 'manager' });
    let app = await submitted(db, a, validApplicationInput(), T0);

    const reviewed = await managerStep(db, app, 'startReview', manager, null, at(10));
    expect(reviewed).toMatchObject({ status: 'in_review', version: app.version + 1, updatedAt: at(10) });
    app = reviewed!;

    const comment = 'Укажите полный юридический адрес';
    const changes = await managerStep(db, app, 'requestChanges', manager, comment, at(20));
    expect(changes).toMatchObject({ status: 'needs_changes', managerComment: comment, version: app.version + 1 });
    app = changes!;
    expect(await mustApplicationOf(db, a.id)).toEqual(app);

    // The applicant edits again (the status stays needs_changes) and resubmits.
    const fixed = validApplicationInput({ legalAddress: 'Астана қ., Есіл ауданы, Мәңгілік Ел даңғылы, 8' });
    const saved = await saveDraft(db, a, fixed, app.version, at(30));
    expect(saved).toMatchObject({ ok: true, version: app.version + 1 });
    expect(await mustApplicationOf(db, a.id)).toMatchObject({ status: 'needs_changes', legalAddress: fixed.legalAddress });
    if (!saved.ok) throw new Error('save failed');
    expect(await submitApplication(db, a, fixed, saved.version, at(40))).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
    expect(await mustApplicationOf(db, a.id)).toMatchObject({ status: 'submitted', submittedAt: at(40), legalAddress: fixed.legalAddress });

    const events = await eventsOf(db, app.id);
    expect(events.map((e) => ({ from: e.fromStatus, to: e.toStatus, role: e.actorRole, actor: e.actorId, comment: e.comment, at: e.createdAt }))).toEqual([
      { from: 'draft', to: 'submitted', role: 'applicant', actor: a.id, comment: null, at: T0 },
      { from: 'submitted', to: 'in_review', role: 'manager', actor: manager.id, comment: null, at: at(10) },
      { from: 'in_review', to: 'needs_changes', role: 'manager', actor: manager.id, comment, at: at(20) },
      { from: 'needs_changes', to: 'submitted', role: 'applicant', actor: a.id, comment: null, at: at(40) },
    ]);
    const listed = await listApplicationEvents(db, app.id);
    expect(listed.map((e) => [e.fromStatus, e.toStatus])).toEqual(events.map((e) => [e.fromStatus, e.toStatus]));

    const mails = await statusEmailsTo(db, a.email);
    expect(mails.map((m) => [m.locale, m.payload])).toEqual([
      ['ru', { status: 'submitted' }],
      ['ru', { status: 'in_review' }],
      ['ru', { status: 'needs_changes', comment }],
      ['ru', { status: 'submitted' }],
    ]);
    // No email to the manager.
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, manager.email))).toEqual([]);
  });

  it('refuses requestChanges without a comment, and startReview by an applicant', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const manager = await insertUser(db, 'manager@qazaqmura.kz', { role: 'manager' });
    const app = await submitted(db, a, validApplicationInput(), T0);

    const before = await snapshot(db);
    expect(await failureOf(db.transaction((tx) => transition(tx, app, 'startReview', { id: a.id, role: 'applicant' }, null, at(1))))).toMatch(
      /transitionForbidden/,
    );
    expect(await snapshot(db)).toEqual(before);

    const inReview = (await managerStep(db, app, 'startReview', manager, null, at(2)))!;
    const during = await snapshot(db);
    expect(await failureOf(managerStep(db, inReview, 'requestChanges', manager, null, at(3)))).toMatch(/commentRequired/);
    expect(await failureOf(managerStep(db, inReview, 'requestChanges', manager, '   ', at(3)))).toMatch(/commentRequired/);
    expect(await failureOf(managerStep(db, inReview, 'reject', manager, null, at(3)))).toMatch(/commentRequired/);
    // A step the workflow does not have.
    expect(await failureOf(managerStep(db, inReview, 'submit', manager, null, at(3)))).toMatch(/transitionNotAllowed/);
    expect(await snapshot(db)).toEqual(during);
    expect(await mustApplicationOf(db, a.id)).toMatchObject({ status: 'in_review', managerComment: null });

    // While in review the applicant can neither save nor submit.
    expect(await saveDraft(db, a, validApplicationInput(), inReview.version, at(4))).toEqual({ ok: false, reason: 'notEditable' });
    expect(await submitApplication(db, a, validApplicationInput(), inReview.version, at(4))).toEqual({ ok: false, reason: 'notEditable' });
    expect(await snapshot(db)).toEqual(during);
  });
});

describe('parallel manager transitions', () => {
  it('lets exactly one of two concurrent transitions of the same loaded row through', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const m1 = await insertUser(db, 'm1@qazaqmura.kz', { role: 'manager' });
    const m2 = await insertUser(db, 'm2@qazaqmura.kz', { role: 'manager' });
    const app = await submitted(db, a, validApplicationInput(), T0);

    const results = await Promise.all([
      managerStep(db, app, 'startReview', m1, null, at(1)),
      managerStep(db, app, 'startReview', m2, null, at(1)),
    ]);
    const updated = results.filter((r) => r !== null);
    expect(updated).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(updated[0]).toMatchObject({ status: 'in_review', version: app.version + 1 });

    const steps = (await eventsOf(db, app.id)).filter((e) => e.toStatus === 'in_review');
    expect(steps).toHaveLength(1);
    expect([m1.id, m2.id]).toContain(steps[0]!.actorId);
    const mails = await statusEmailsTo(db, a.email);
    expect(mails.map((m) => m.payload)).toEqual([{ status: 'submitted' }, { status: 'in_review' }]);
    expect(await mustApplicationOf(db, a.id)).toEqual(updated[0]);
  });

  it('lets exactly one of two different concurrent decisions through', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const m1 = await insertUser(db, 'm1@qazaqmura.kz', { role: 'manager' });
    const m2 = await insertUser(db, 'm2@qazaqmura.kz', { role: 'manager' });
    const app = (await managerStep(db, await submitted(db, a, validApplicationInput(), T0), 'startReview', m1, null, at(1)))!;

    const results = await Promise.all([
      managerStep(db, app, 'requestChanges', m1, 'Исправьте адрес', at(2)),
      managerStep(db, app, 'reject', m2, 'Не школа', at(2)),
    ]);
    const winner = results.find((r) => r !== null);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    const events = await eventsOf(db, app.id);
    expect(events).toHaveLength(3);
    expect(events[2]!.toStatus).toBe(winner!.status);
    expect(events[2]!.comment).toBe(winner!.managerComment);
    expect(await statusEmailsTo(db, a.email)).toHaveLength(3);
  });
});

describe('access between applicants', () => {
  it("never lets applicant B read or change applicant A's application through the service", async () => {
    const a = await insertUser(db, 'a@school.kz');
    const b = await insertUser(db, 'b@school.kz');
    await saveDraft(db, a, validApplicationInput(), 1, T0);
    const aBefore = await mustApplicationOf(db, a.id);

    expect(await getApplicationOfApplicant(db, b.id)).toBeUndefined();
    // B has nothing to submit yet, even with A's version.
    expect(await submitApplication(db, b, validApplicationInput(), aBefore.version, at(1))).toEqual({ ok: false, reason: 'notFound' });

    // B's first save, even naming A's row and A as owner, creates B's own application.
    const sneaky = { id: aBefore.id, applicantId: a.id, orgName: 'B was here', bin: THIRD_BIN };
    expect(await saveDraft(db, b, sneaky, aBefore.version, at(2))).toMatchObject({ ok: true, version: 1 });
    expect(await saveDraft(db, b, { ...sneaky, orgName: 'B again' }, 1, at(3))).toMatchObject({ ok: true, version: 2 });
    const bRow = await getApplicationOfApplicant(db, b.id);
    expect(bRow).toMatchObject({ applicantId: b.id, orgName: 'B again', bin: THIRD_BIN });
    expect(bRow!.id).not.toBe(aBefore.id);

    // B submits: only B's row changes.
    const bInput = validApplicationInput({ bin: OTHER_BIN, orgName: 'Колледж Б', id: aBefore.id, applicantId: a.id });
    expect(await submitApplication(db, b, bInput, 2, at(4))).toEqual({ ok: true, status: 'submitted', alreadyDone: false });
    expect(await getApplicationOfApplicant(db, b.id)).toMatchObject({ applicantId: b.id, status: 'submitted', bin: OTHER_BIN });

    expect(await mustApplicationOf(db, a.id)).toEqual(aBefore);
    expect(await eventsOf(db, aBefore.id)).toEqual([]);
    expect(await statusEmailsTo(db, a.email)).toEqual([]);
    expect((await getApplicationOfApplicant(db, b.id))!.id).not.toBe(aBefore.id);
    expect(await getApplicationOfApplicant(db, a.id)).toEqual(aBefore);
  });
});

describe('history', () => {
  it('is append-only: UPDATE and DELETE of application_events raise an error', async () => {
    const a = await insertUser(db, 'a@school.kz');
    const app = await submitted(db, a, validApplicationInput(), T0);
    const [event] = await eventsOf(db, app.id);

    expect(await failureOf(db.update(applicationEvents).set({ comment: 'rewritten' }).where(eq(applicationEvents.id, event!.id)))).toContain(
      'application_events is append-only',
    );
    expect(await failureOf(db.execute(sql`update application_events set to_status = 'approved'`))).toContain('application_events is append-only');
    expect(await failureOf(db.delete(applicationEvents).where(eq(applicationEvents.id, event!.id)))).toContain('application_events is append-only');
    expect(await failureOf(db.execute(sql`delete from application_events`))).toContain('application_events is append-only');

    expect(await eventsOf(db, app.id)).toEqual([event]);
  });
});
