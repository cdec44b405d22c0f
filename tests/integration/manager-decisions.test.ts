import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { applicationEvents, applications, emailOutbox, registeredOrganisations, users, type Application, type User } from '@/db/schema';
import { authenticate } from '@/lib/accounts/sign-in';
import { decide, type DecisionResult } from '@/lib/applications/decisions';
import { saveDraft } from '@/lib/applications/service';
import { verifyPassword } from '@/lib/auth/hash';
import { tempPasswordHours } from '@/lib/env';
import { decryptSecret } from '@/lib/security/crypto';
import { VALID_BIN, VALID_IIN, eventsOf, insertUser, mustApplicationOf, statusEmailsTo, validApplicationInput } from '../helpers/applications';
import { closeTestDb, resetDb, testDb } from '../helpers/db';
import { binFor, failureOf, insertManager, managerSnapshot, startReview, submitThroughService } from '../helpers/manager';

const T0 = new Date('2026-03-02T05:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LIBRARIAN_EMAIL = 'library@school12.edu.kz';

let db: Db;
let applicant: User;
let m1: User;
let m2: User;

beforeEach(async () => {
  db = await testDb();
  await resetDb(db);
  applicant = await insertUser(db, 'applicant@mail.kz', { locale: 'ru' });
  m1 = await insertManager(db, 'aigerim.manager@qazaqmura.kz', 'Әйгерім Нұрланқызы');
  m2 = await insertManager(db, 'dmitry.manager@qazaqmura.kz', 'Дмитрий Ким');
});
afterAll(closeTestDb);

async function submittedApp(user: User = applicant, input = validApplicationInput()): Promise<Application> {
  return submitThroughService(db, user, input, T0);
}

async function inReviewApp(user: User = applicant, input = validApplicationInput()): Promise<Application> {
  return startReview(db, m1, await submittedApp(user, input), at(10));
}

function stepEvents(app: Application, from: string) {
  return eventsOf(db, app.id).then((rows) => rows.filter((e) => e.fromStatus === from));
}

async function organisationUsers() {
  return db.select().from(users).where(eq(users.role, 'organisation'));
}

describe('startReview', () => {
  it('takes a submitted application into review, assigned to the manager, with one history row and one email', async () => {
    const app = await submittedApp();
    expect(app.assignedTo).toBeNull();
    const result = await decide(db, m1, { applicationId: app.id, version: app.version, event: 'startReview' }, at(10));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.application).toMatchObject({ id: app.id, status: 'in_review', version: app.version + 1, assignedTo: m1.id, updatedAt: at(10), decidedAt: null, managerComment: null });
    expect(await mustApplicationOf(db, applicant.id)).toEqual(result.application);

    const events = await eventsOf(db, app.id);
    expect(events.map((e) => ({ from: e.fromStatus, to: e.toStatus, actor: e.actorId, role: e.actorRole, comment: e.comment, at: e.createdAt }))).toEqual([
      { from: 'draft', to: 'submitted', actor: applicant.id, role: 'applicant', comment: null, at: T0 },
      { from: 'submitted', to: 'in_review', actor: m1.id, role: 'manager', comment: null, at: at(10) },
    ]);
    const mails = await statusEmailsTo(db, applicant.email);
    expect(mails.map((m) => [m.locale, m.payload])).toEqual([
      ['ru', { status: 'submitted' }],
      ['ru', { status: 'in_review' }],
    ]);
    // Nothing goes to the manager.
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, m1.email))).toEqual([]);
  });

  it('refuses steps the workflow does not have from the current status, changing nothing', async () => {
    const app = await submittedApp();
    const before = await managerSnapshot(db);
    // Approve / reject / request changes need the application in review first.
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(5))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'reject', comment: 'Нет' }, at(5))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'requestChanges', comment: 'Адрес' }, at(5))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    // Applicant-only events.
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'submit' }, at(5))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'resubmit' }, at(5))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(await managerSnapshot(db)).toEqual(before);

    const inReview = await startReview(db, m1, app, at(10));
    const during = await managerSnapshot(db);
    expect(await decide(db, m2, { applicationId: app.id, version: inReview.version, event: 'startReview' }, at(11))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(await managerSnapshot(db)).toEqual(during);
  });
});

describe('requestChanges and reject', () => {
  it('requestChanges needs a comment, then stores it (trimmed) for the applicant', async () => {
    const app = await inReviewApp();
    const before = await managerSnapshot(db);
    for (const comment of [undefined, null, '', '   \n\t ']) {
      expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'requestChanges', comment }, at(20))).toEqual({ ok: false, reason: 'commentRequired' });
    }
    expect(await managerSnapshot(db)).toEqual(before);

    const comment = 'Укажите полный юридический адрес';
    const result = await decide(db, m1, { applicationId: app.id, version: app.version, event: 'requestChanges', comment: `  ${comment}  ` }, at(20));
    expect(result).toMatchObject({ ok: true, application: { status: 'needs_changes', managerComment: comment, version: app.version + 1, decidedAt: null, assignedTo: m1.id } });
    const steps = await stepEvents(app, 'in_review');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ toStatus: 'needs_changes', comment, actorId: m1.id, actorRole: 'manager', createdAt: at(20) });
    const mails = await statusEmailsTo(db, applicant.email);
    expect(mails.at(-1)).toMatchObject({ locale: 'ru', payload: { status: 'needs_changes', comment } });
    expect(mails).toHaveLength(3);
    // The applicant may edit again.
    expect(await saveDraft(db, applicant, validApplicationInput({ legalAddress: 'Астана қ., Есіл ауданы, 8' }), app.version + 1, at(30))).toMatchObject({ ok: true });
  });

  it('reject needs a comment; with one the application is rejected, decided and nothing is registered', async () => {
    const app = await inReviewApp();
    const before = await managerSnapshot(db);
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'reject' }, at(20))).toEqual({ ok: false, reason: 'commentRequired' });
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'reject', comment: '  ' }, at(20))).toEqual({ ok: false, reason: 'commentRequired' });
    expect(await managerSnapshot(db)).toEqual(before);

    const comment = 'Ұйым білім беру мекемесі емес';
    const result = await decide(db, m2, { applicationId: app.id, version: app.version, event: 'reject', comment }, at(20));
    expect(result).toMatchObject({ ok: true, application: { status: 'rejected', managerComment: comment, decidedAt: at(20), version: app.version + 1 } });
    expect(await stepEvents(app, 'in_review')).toEqual([expect.objectContaining({ toStatus: 'rejected', comment, actorId: m2.id })]);
    expect((await statusEmailsTo(db, applicant.email)).at(-1)).toMatchObject({ locale: 'ru', payload: { status: 'rejected', comment } });
    expect(await db.select().from(registeredOrganisations)).toEqual([]);
    expect(await organisationUsers()).toEqual([]);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'tempPassword'))).toEqual([]);

    // A rejected application is final.
    const after = await managerSnapshot(db);
    for (const event of ['approve', 'startReview', 'requestChanges', 'reject'] as const) {
      expect(await decide(db, m1, { applicationId: app.id, version: app.version + 1, event, comment: 'x' }, at(30))).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    }
    expect(await managerSnapshot(db)).toEqual(after);
  });
});

describe('approve', () => {
  it('registers the organisation and opens its account, with one history row and one email to the applicant', async () => {
    const app = await inReviewApp();
    const outboxBefore = await db.select().from(emailOutbox);
    const result = await decide(db, m2, { applicationId: app.id, version: app.version, event: 'approve' }, at(20));
    expect(result).toMatchObject({ ok: true, application: { status: 'approved', decidedAt: at(20), version: app.version + 1, managerComment: null } });
    expect(await mustApplicationOf(db, applicant.id)).toMatchObject({ status: 'approved', decidedAt: at(20), assignedTo: m1.id });

    const orgs = await db.select().from(registeredOrganisations);
    expect(orgs).toHaveLength(1);
    const org = orgs[0]!;
    expect(org).toMatchObject({
      bin: VALID_BIN,
      name: '«№ 12 мектеп-гимназиясы» КММ',
      orgType: 'school',
      region: 'KZ-71',
      city: 'Астана',
      legalAddress: 'Астана қ., Мәңгілік Ел даңғылы, 8',
      postalCode: 'A01P3K4',
      phone: '+77011234567',
      email: LIBRARIAN_EMAIL,
      librarianName: 'Сәрсенова Әйгерім',
      librarianIin: VALID_IIN,
      librarianPhone: '+77172551234',
      librarianEmail: LIBRARIAN_EMAIL,
      responsibleName: 'Иванов Иван Иванович',
      responsiblePosition: 'Директор',
      responsiblePhone: '+77011234567',
      responsibleEmail: 'director@school12.edu.kz',
      source: 'application',
      applicationId: app.id,
      createdAt: at(20),
      updatedAt: at(20),
    });

    const accounts = await organisationUsers();
    expect(accounts).toHaveLength(1);
    const account = accounts[0]!;
    expect(account).toMatchObject({
      email: LIBRARIAN_EMAIL,
      role: 'organisation',
      organisationId: org.id,
      mustChangePassword: true,
      locale: 'ru',
      orgType: 'school',
      sessionVersion: 1,
    });
    expect(account.tempPasswordExpiresAt?.getTime()).toBe(at(20).getTime() + tempPasswordHours() * 3600_000);
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);

    // Exactly two new emails: the status to the applicant and the password to the librarian.
    const outboxAfter = await db.select().from(emailOutbox);
    const added = outboxAfter.filter((row) => !outboxBefore.some((b) => b.id === row.id));
    expect(added).toHaveLength(2);
    const status = added.find((r) => r.template === 'applicationStatus');
    expect(status).toMatchObject({ toAddress: applicant.email, locale: 'ru', payload: { status: 'approved' }, secretEnc: null });
    const temp = added.find((r) => r.template === 'tempPassword');
    expect(temp).toMatchObject({ toAddress: LIBRARIAN_EMAIL, locale: 'ru', payload: { kind: 'organisation', hours: String(tempPasswordHours()) }, status: 'pending' });
    expect(temp!.secretEnc).toBeTruthy();

    // The emailed password is the account's password, and it signs in.
    const password = decryptSecret(temp!.secretEnc!);
    expect(temp!.secretEnc).not.toContain(password);
    expect(account.passwordHash).not.toContain(password);
    expect(await verifyPassword(account.passwordHash, password)).toBe(true);
    const signIn = await authenticate(db, { email: LIBRARIAN_EMAIL, password, ip: '203.0.113.7' }, at(21));
    expect(signIn.ok).toBe(true);
    if (signIn.ok) expect(signIn.user).toMatchObject({ id: account.id, role: 'organisation', organisationId: org.id });
    // ...until the temporary password expires.
    expect(await authenticate(db, { email: LIBRARIAN_EMAIL, password, ip: '203.0.113.7' }, new Date(account.tempPasswordExpiresAt!.getTime() + 1000))).toEqual({ ok: false, reason: 'expired' });

    const steps = await stepEvents(app, 'in_review');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ toStatus: 'approved', actorId: m2.id, actorRole: 'manager', comment: null, createdAt: at(20) });
    expect((await statusEmailsTo(db, applicant.email)).map((m) => m.payload.status)).toEqual(['submitted', 'in_review', 'approved']);
  });

  it('uses the applicant locale (kk) for both emails and passes an optional comment on', async () => {
    const kk = await insertUser(db, 'kk-applicant@mail.kz', { locale: 'kk' });
    const app = await inReviewApp(kk);
    const result = await decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve', comment: ' Құттықтаймыз! ' }, at(20));
    expect(result).toMatchObject({ ok: true, application: { status: 'approved', managerComment: 'Құттықтаймыз!' } });
    expect((await statusEmailsTo(db, kk.email)).at(-1)).toMatchObject({ locale: 'kk', payload: { status: 'approved', comment: 'Құттықтаймыз!' } });
    const [temp] = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'tempPassword'));
    expect(temp).toMatchObject({ toAddress: LIBRARIAN_EMAIL, locale: 'kk' });
    expect((await organisationUsers())[0]).toMatchObject({ locale: 'kk' });
  });

  it('refuses when the librarian email already belongs to another user (orgEmailTaken), changing nothing', async () => {
    const app = await inReviewApp();
    // The librarian already opened an applicant account of her own.
    const other = await insertUser(db, LIBRARIAN_EMAIL, { locale: 'kk' });
    const before = await managerSnapshot(db);
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20))).toEqual({ ok: false, reason: 'orgEmailTaken' });
    expect(await managerSnapshot(db)).toEqual(before);
    expect(await mustApplicationOf(db, applicant.id)).toMatchObject({ status: 'in_review', version: app.version, decidedAt: null });
    expect(await db.select().from(registeredOrganisations)).toEqual([]);
    expect(await organisationUsers()).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, other.id))).toEqual([other]);

    // The same version can still be decided otherwise.
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'requestChanges', comment: 'Укажите другой email библиотекаря' }, at(21))).toMatchObject({ ok: true });
  });

  it('when the librarian applied herself, her account becomes the organisation account: same password, no new one', async () => {
    const librarian = await insertUser(db, LIBRARIAN_EMAIL, { locale: 'kk' });
    const app = await inReviewApp(librarian);
    const result = await decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20));
    expect(result.ok).toBe(true);
    const [org] = await db.select().from(registeredOrganisations);
    const [account] = await db.select().from(users).where(eq(users.id, librarian.id));
    expect(account).toMatchObject({ role: 'organisation', organisationId: org!.id, passwordHash: librarian.passwordHash, sessionVersion: librarian.sessionVersion });
    expect(await organisationUsers()).toHaveLength(1);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, LIBRARIAN_EMAIL));
    expect(mails.map((m) => m.template).sort()).toEqual(['applicationStatus', 'applicationStatus', 'applicationStatus', 'organisationRegistered']);
    expect(mails.every((m) => m.secretEnc === null)).toBe(true);
    // She still sees her application, now approved.
    expect(await mustApplicationOf(db, librarian.id)).toMatchObject({ status: 'approved' });
  });

  it('refuses when the BIN was registered meanwhile (binRegistered), changing nothing', async () => {
    const app = await inReviewApp();
    await db.insert(registeredOrganisations).values({ bin: VALID_BIN, name: 'Imported earlier', email: 'old@school12.edu.kz', source: 'import' });
    const before = await managerSnapshot(db);
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20))).toEqual({ ok: false, reason: 'binRegistered' });
    expect(await managerSnapshot(db)).toEqual(before);
  });

  it('is one transaction: when the password email cannot be queued, status, history, organisation and account are undone', async () => {
    const app = await inReviewApp();
    const before = await managerSnapshot(db);
    await db.execute(sql`
      create function test_refuse_temp_password() returns trigger language plpgsql as $$
      begin
        if new.template = 'tempPassword' then raise exception 'test: temp password refused'; end if;
        return new;
      end $$`);
    await db.execute(sql`create trigger test_refuse_temp_password before insert on email_outbox for each row execute function test_refuse_temp_password()`);
    try {
      expect(await failureOf(decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20)))).toContain('test: temp password refused');
    } finally {
      await db.execute(sql`drop trigger if exists test_refuse_temp_password on email_outbox`);
      await db.execute(sql`drop function if exists test_refuse_temp_password()`);
    }
    expect(await managerSnapshot(db)).toEqual(before);
    // Then it goes through.
    expect(await decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(21))).toMatchObject({ ok: true });
    expect(await db.select().from(registeredOrganisations)).toHaveLength(1);
  });
});

describe('refusals', () => {
  it('refuses a stale (or future) version with versionConflict, changing nothing', async () => {
    const app = await inReviewApp();
    const before = await managerSnapshot(db);
    for (const version of [app.version - 1, app.version + 1, 0]) {
      for (const event of ['approve', 'reject', 'requestChanges'] as const) {
        expect(await decide(db, m1, { applicationId: app.id, version, event, comment: 'Комментарий' }, at(20))).toEqual({ ok: false, reason: 'versionConflict' });
      }
    }
    expect(await managerSnapshot(db)).toEqual(before);
  });

  it('answers notFound for a draft, an unknown id and a malformed id, changing nothing', async () => {
    await saveDraft(db, applicant, validApplicationInput(), 1, T0);
    const draft = await mustApplicationOf(db, applicant.id);
    expect(draft.status).toBe('draft');
    const before = await managerSnapshot(db);
    for (const event of ['startReview', 'approve', 'reject'] as const) {
      expect(await decide(db, m1, { applicationId: draft.id, version: draft.version, event, comment: 'x' }, at(1))).toEqual({ ok: false, reason: 'notFound' });
    }
    expect(await decide(db, m1, { applicationId: '3b241101-e2bb-4255-8caf-4136c566a962', version: 1, event: 'startReview' }, at(1))).toEqual({ ok: false, reason: 'notFound' });
    // The id comes from a form field: anything may arrive.
    for (const id of ['not-a-uuid', '', "' or 1=1 --", `${draft.id}x`]) {
      expect(await decide(db, m1, { applicationId: id, version: 1, event: 'startReview' }, at(1))).toEqual({ ok: false, reason: 'notFound' });
    }
    expect(await managerSnapshot(db)).toEqual(before);
  });
});

describe('concurrent decisions', () => {
  function oneWinner(results: DecisionResult[]) {
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, reason: 'versionConflict' }]);
    return winners[0] as Extract<DecisionResult, { ok: true }>;
  }

  it('approve vs reject by two managers on the same version: exactly one goes through', async () => {
    // Several rounds, with the calls in both orders, so that either may win.
    for (let round = 0; round < 4; round += 1) {
      const person = await insertUser(db, `parallel-${round}@mail.kz`, { locale: 'kk' });
      const librarian = `library-${round}@school.edu.kz`;
      const app = await inReviewApp(person, validApplicationInput({ bin: binFor(round + 1), librarianEmail: librarian }));
      const orgsBefore = (await db.select().from(registeredOrganisations)).length;
      const approve = () => decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20));
      const reject = () => decide(db, m2, { applicationId: app.id, version: app.version, event: 'reject', comment: 'Не школа' }, at(20));
      const results = round % 2 === 0 ? await Promise.all([approve(), reject()]) : await Promise.all([reject(), approve()]);
      const winner = oneWinner(results);

      const row = await mustApplicationOf(db, person.id);
      expect(row).toEqual(winner.application);
      expect(row.version).toBe(app.version + 1);
      const steps = await stepEvents(app, 'in_review');
      expect(steps).toHaveLength(1);
      expect(steps[0]!.toStatus).toBe(row.status);
      expect((await statusEmailsTo(db, person.email)).map((m) => m.payload.status)).toEqual(['submitted', 'in_review', row.status]);

      const orgs = await db.select().from(registeredOrganisations).where(eq(registeredOrganisations.applicationId, app.id));
      const accounts = await db.select().from(users).where(eq(users.email, librarian));
      const temp = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, librarian));
      if (row.status === 'approved') {
        expect(steps[0]!.actorId).toBe(m1.id);
        expect(orgs).toHaveLength(1);
        expect(accounts).toEqual([expect.objectContaining({ role: 'organisation', organisationId: orgs[0]!.id })]);
        expect(temp.map((t) => t.template)).toEqual(['tempPassword']);
        expect((await db.select().from(registeredOrganisations)).length).toBe(orgsBefore + 1);
      } else {
        expect(row.status).toBe('rejected');
        expect(steps[0]!.actorId).toBe(m2.id);
        expect(orgs).toEqual([]);
        expect(accounts).toEqual([]);
        expect(temp).toEqual([]);
      }
    }
  });

  it('approve twice in parallel registers one organisation and one account', async () => {
    const app = await inReviewApp();
    const results = await Promise.all([
      decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20)),
      decide(db, m2, { applicationId: app.id, version: app.version, event: 'approve' }, at(20)),
    ]);
    oneWinner(results);
    expect(await db.select().from(registeredOrganisations)).toHaveLength(1);
    expect(await organisationUsers()).toHaveLength(1);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'tempPassword'))).toHaveLength(1);
    expect(await stepEvents(app, 'in_review')).toHaveLength(1);
    expect((await statusEmailsTo(db, applicant.email)).map((m) => m.payload.status)).toEqual(['submitted', 'in_review', 'approved']);
  });

  it('the loser that read the same version waits for the winner and finds the row changed (guarded update)', async () => {
    // The winner's transaction is held open after its update, so that the other decision has read
    // the same version and reaches its own guarded update while the first is still running.
    await db.execute(sql`
      create function test_slow_history() returns trigger language plpgsql as $$
      begin
        perform pg_sleep(0.3);
        return new;
      end $$`);
    await db.execute(sql`create trigger test_slow_history before insert on application_events for each row execute function test_slow_history()`);
    try {
      const app = await inReviewApp();
      const results = await Promise.all([
        decide(db, m1, { applicationId: app.id, version: app.version, event: 'approve' }, at(20)),
        decide(db, m2, { applicationId: app.id, version: app.version, event: 'reject', comment: 'Не школа' }, at(20)),
      ]);
      const winner = oneWinner(results);
      expect(await stepEvents(app, 'in_review')).toHaveLength(1);
      expect((await statusEmailsTo(db, applicant.email)).map((m) => m.payload.status)).toEqual(['submitted', 'in_review', winner.application.status]);
      expect(await db.select().from(registeredOrganisations)).toHaveLength(winner.application.status === 'approved' ? 1 : 0);
    } finally {
      await db.execute(sql`drop trigger if exists test_slow_history on application_events`);
      await db.execute(sql`drop function if exists test_slow_history()`);
    }
  });

  it('startReview twice in parallel: one manager gets the application, one history row, one email', async () => {
    const app = await submittedApp();
    const results = await Promise.all([
      decide(db, m1, { applicationId: app.id, version: app.version, event: 'startReview' }, at(10)),
      decide(db, m2, { applicationId: app.id, version: app.version, event: 'startReview' }, at(10)),
    ]);
    const winner = oneWinner(results);
    const row = await mustApplicationOf(db, applicant.id);
    expect(row).toEqual(winner.application);
    expect(row).toMatchObject({ status: 'in_review', version: app.version + 1 });
    expect([m1.id, m2.id]).toContain(row.assignedTo);
    const steps = await stepEvents(app, 'submitted');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.actorId).toBe(row.assignedTo);
    expect((await statusEmailsTo(db, applicant.email)).map((m) => m.payload.status)).toEqual(['submitted', 'in_review']);
    expect(await db.select().from(applicationEvents)).toHaveLength(2);
    expect(await db.select().from(applications)).toHaveLength(1);
  });
});
