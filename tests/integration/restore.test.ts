import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, emailOutbox, passwordResetTokens, registeredOrganisations, restoreRequests, users, type RegisteredOrganisation, type User } from '@/db/schema';
import type { Locale } from '@/db/schema/enums';
import { resetPassword, userForSession } from '@/lib/accounts/passwords';
import { authenticate } from '@/lib/accounts/sign-in';
import { closeRestoreRequest, createPublicRestoreRequest, findOrganisations, RESTORE_TOKEN_HOURS, sendRestoreEmails } from '@/lib/organisations/restore';
import { hashPassword } from '@/lib/auth/hash';
import { decryptSecret } from '@/lib/security/crypto';
import { OTHER_BIN, insertUser } from '../helpers/applications';
import { closeTestDb, resetDb, testDb } from '../helpers/db';
import { binFor, insertManager, managerSnapshot } from '../helpers/manager';

const T0 = new Date('2026-04-06T04:30:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const HOUR = 60;
const NEW_PASSWORD = 'Steppe-Library-2026';
const ORG_EMAIL = 'office@akbulak.edu.kz';

let db: Db;
let manager: User;

beforeEach(async () => {
  db = await testDb();
  await resetDb(db);
  manager = await insertManager(db, 'aigul.manager@qazaqmura.kz', 'Айгүл Сейітова');
});
afterAll(closeTestDb);

/** A registered organisation with (by default) its account, as an approval or an import leaves them. */
async function organisation(
  serial: number,
  opts: { name?: string; email?: string; accountEmail?: string | null; locale?: Locale; bin?: string; region?: string } = {},
): Promise<{ org: RegisteredOrganisation; account: User | null }> {
  const [org] = await db
    .insert(registeredOrganisations)
    .values({
      bin: opts.bin ?? binFor(serial),
      name: opts.name ?? `Мектеп № ${serial}`,
      email: opts.email ?? `office-${serial}@school.edu.kz`,
      region: opts.region ?? 'KZ-71',
      source: 'import',
      createdAt: T0,
      updatedAt: T0,
    })
    .returning();
  if (opts.accountEmail === null) return { org: org!, account: null };
  const [account] = await db
    .insert(users)
    .values({
      email: opts.accountEmail ?? org!.email,
      role: 'organisation',
      passwordHash: await hashPassword('Old-Password-2025'),
      mustChangePassword: false,
      organisationId: org!.id,
      locale: opts.locale ?? 'kk',
    })
    .returning();
  return { org: org!, account: account! };
}

async function tokensOf(userId: string) {
  return db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)).orderBy(passwordResetTokens.createdAt);
}

async function restoreMails() {
  return db.select().from(emailOutbox).where(eq(emailOutbox.template, 'restoreAccess')).orderBy(emailOutbox.createdAt);
}

/** The link token the newest restore email to `to` carries. */
async function tokenSentTo(to: string): Promise<string> {
  const rows = (await restoreMails()).filter((r) => r.toAddress === to);
  const row = rows.at(-1);
  if (!row?.secretEnc) throw new Error(`no restore email to ${to}`);
  return decryptSecret(row.secretEnc);
}

async function userRow(id: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

describe('sendRestoreEmails', () => {
  it('sends a single-use 24-hour link to the email on file, stored only as its SHA-256, recorded with the manager name', async () => {
    const { org, account } = await organisation(1, { name: 'Ақбұлақ мектебі', email: ORG_EMAIL, locale: 'kk' });
    const results = await sendRestoreEmails(db, manager, [org.id], { locale: 'ru' }, T0);
    expect(results).toEqual([{ organisationId: org.id, outcome: 'sent' }]);

    const mails = await restoreMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      toAddress: ORG_EMAIL,
      // The account's language (the form's locale is only for a new account).
      locale: 'kk',
      payload: { hours: String(RESTORE_TOKEN_HOURS), organisation: 'Ақбұлақ мектебі' },
      status: 'pending',
    });
    const token = decryptSecret(mails[0]!.secretEnc!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(mails[0]!.payload)).not.toContain(token);

    const tokens = await tokensOf(account!.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({
      purpose: 'restore',
      createdBy: manager.id,
      expiresAt: new Date(T0.getTime() + 24 * 3600_000),
      usedAt: null,
      tokenHash: createHash('sha256').update(token).digest('hex'),
    });
    expect(tokens[0]!.tokenHash).not.toBe(token);
    expect(await db.select().from(passwordResetTokens)).toHaveLength(1);

    const audit = await db.select().from(auditLog);
    expect(audit).toEqual([
      expect.objectContaining({ actorId: manager.id, actorName: 'Айгүл Сейітова', action: 'restoreSent', targetType: 'organisation', targetId: org.id, createdAt: T0 }),
    ]);
    // Nothing else was emailed.
    expect(await db.select().from(emailOutbox)).toHaveLength(1);
  });

  it('records the manager email when the manager has no name', async () => {
    const nameless = await insertManager(db, 'nameless@qazaqmura.kz', null);
    const { org } = await organisation(1);
    await sendRestoreEmails(db, nameless, [org.id], { locale: 'kk' }, T0);
    expect(await db.select().from(auditLog)).toEqual([expect.objectContaining({ actorId: nameless.id, actorName: 'nameless@qazaqmura.kz' })]);
  });

  it('goes to the email on file only: not to the account email, not to the requester', async () => {
    // The account's login differs from the organisation's email on file.
    const { org, account } = await organisation(1, { email: ORG_EMAIL, accountEmail: 'librarian.personal@mail.kz' });
    const applicant = await insertUser(db, 'stranger@gmail.com');
    await db.insert(restoreRequests).values({ bin: org.bin, source: 'application', requesterId: applicant.id, requesterEmail: applicant.email, createdAt: T0 });
    const [request] = await db.select().from(restoreRequests);
    const results = await sendRestoreEmails(db, manager, [org.id], { locale: 'ru', requestId: request!.id }, at(1));
    expect(results).toEqual([{ organisationId: org.id, outcome: 'sent' }]);
    expect((await db.select().from(emailOutbox)).map((r) => r.toAddress)).toEqual([ORG_EMAIL]);
    // The link is for the organisation's account.
    expect(await tokensOf(account!.id)).toHaveLength(1);
  });

  it('opens the account of an organisation that has none, in the manager locale, and the link sets its first password', async () => {
    const { org } = await organisation(1, { email: ORG_EMAIL, accountEmail: null });
    expect(await sendRestoreEmails(db, manager, [org.id], { locale: 'ru' }, T0)).toEqual([{ organisationId: org.id, outcome: 'sent' }]);
    const [account] = await db.select().from(users).where(eq(users.organisationId, org.id));
    expect(account).toMatchObject({ email: ORG_EMAIL, role: 'organisation', locale: 'ru', mustChangePassword: true });
    expect((await restoreMails())[0]).toMatchObject({ toAddress: ORG_EMAIL, locale: 'ru' });
    // No password works before the link is used.
    expect((await authenticate(db, { email: ORG_EMAIL, password: '!', ip: '198.51.100.1' }, at(1))).ok).toBe(false);
    expect(await resetPassword(db, await tokenSentTo(ORG_EMAIL), NEW_PASSWORD, at(5))).toEqual({ ok: true });
    expect((await authenticate(db, { email: ORG_EMAIL, password: NEW_PASSWORD, ip: '198.51.100.1' }, at(6))).ok).toBe(true);
  });

  it('a second send cancels the first link', async () => {
    const { org, account } = await organisation(1, { email: ORG_EMAIL });
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, T0);
    const first = await tokenSentTo(ORG_EMAIL);
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(2));
    const second = await tokenSentTo(ORG_EMAIL);
    expect(second).not.toBe(first);
    const tokens = await tokensOf(account!.id);
    expect(tokens.map((t) => t.usedAt)).toEqual([at(2), null]);

    expect(await resetPassword(db, first, NEW_PASSWORD, at(3))).toEqual({ ok: false });
    expect(await userRow(account!.id)).toMatchObject({ sessionVersion: 1, passwordHash: account!.passwordHash });
    expect(await resetPassword(db, second, NEW_PASSWORD, at(4))).toEqual({ ok: true });
    expect(await db.select().from(auditLog)).toHaveLength(2);
  });

  it('the link sets the password, ends older sessions, tells the account, and works once only', async () => {
    const { org, account } = await organisation(1, { email: ORG_EMAIL, locale: 'ru' });
    expect(await userForSession(db, account!.id, 1)).not.toBeNull();
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, T0);
    const token = await tokenSentTo(ORG_EMAIL);

    expect(await resetPassword(db, token, NEW_PASSWORD, at(30))).toEqual({ ok: true });
    const after = await userRow(account!.id);
    expect(after).toMatchObject({ sessionVersion: 2, mustChangePassword: false, tempPasswordExpiresAt: null, passwordChangedAt: at(30) });
    expect(await userForSession(db, account!.id, 1)).toBeNull();
    expect(await userForSession(db, account!.id, 2)).toMatchObject({ id: account!.id });
    expect((await authenticate(db, { email: ORG_EMAIL, password: NEW_PASSWORD, ip: '198.51.100.2' }, at(31))).ok).toBe(true);
    expect((await authenticate(db, { email: ORG_EMAIL, password: 'Old-Password-2025', ip: '198.51.100.2' }, at(31))).ok).toBe(false);
    const notices = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'passwordChanged'));
    expect(notices).toEqual([expect.objectContaining({ toAddress: ORG_EMAIL, locale: 'ru', secretEnc: null })]);
    expect((await tokensOf(account!.id))[0]!.usedAt).toEqual(at(30));

    // Once only.
    expect(await resetPassword(db, token, 'Another-Password-2026', at(31))).toEqual({ ok: false });
    expect(await userRow(account!.id)).toEqual(after);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'passwordChanged'))).toHaveLength(1);
  });

  it('the link stops working after 24 hours', async () => {
    const { org, account } = await organisation(1, { email: ORG_EMAIL });
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, T0);
    const token = await tokenSentTo(ORG_EMAIL);
    expect(await resetPassword(db, token, NEW_PASSWORD, at(25 * HOUR))).toEqual({ ok: false });
    expect(await resetPassword(db, token, NEW_PASSWORD, at(24 * HOUR))).toEqual({ ok: false });
    expect(await userRow(account!.id)).toMatchObject({ sessionVersion: 1, passwordHash: account!.passwordHash });
    // A fresh link used just before its 24 hours are over still works.
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(25 * HOUR));
    expect(await resetPassword(db, await tokenSentTo(ORG_EMAIL), NEW_PASSWORD, at(49 * HOUR - 1))).toEqual({ ok: true });
  });

  it('sends at most 3 links per organisation an hour: the 4th is rateLimited with no token and no email', async () => {
    const { org, account } = await organisation(1, { email: ORG_EMAIL });
    const other = await organisation(2);
    for (let i = 0; i < 3; i += 1) {
      expect(await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(i))).toEqual([{ organisationId: org.id, outcome: 'sent' }]);
    }
    const third = await tokenSentTo(ORG_EMAIL);
    const before = await managerSnapshot(db);
    expect(await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(10))).toEqual([{ organisationId: org.id, outcome: 'rateLimited' }]);
    const after = await managerSnapshot(db);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.audit).toEqual(before.audit);
    expect(await tokensOf(account!.id)).toHaveLength(3);
    // The refused send did not cancel the last link; another organisation is not affected.
    expect(await sendRestoreEmails(db, manager, [other.org.id, org.id], { locale: 'kk' }, at(11))).toEqual([
      { organisationId: other.org.id, outcome: 'sent' },
      { organisationId: org.id, outcome: 'rateLimited' },
    ]);
    // Once the hour is over, it may be sent again.
    expect(await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(61))).toEqual([{ organisationId: org.id, outcome: 'sent' }]);
    expect(await resetPassword(db, third, NEW_PASSWORD, at(62))).toEqual({ ok: false });
    expect(await resetPassword(db, await tokenSentTo(ORG_EMAIL), NEW_PASSWORD, at(62))).toEqual({ ok: true });
  });

  it('sends to several organisations at once, with a result for each (notFound for an unknown one)', async () => {
    const a = await organisation(1);
    const b = await organisation(2, { locale: 'ru' });
    const unknown = '9b2f1c3e-5d6a-4b7c-8d9e-0f1a2b3c4d5e';
    const results = await sendRestoreEmails(db, manager, [a.org.id, b.org.id, unknown, a.org.id], { locale: 'kk' }, T0);
    expect(results).toEqual([
      { organisationId: a.org.id, outcome: 'sent' },
      { organisationId: b.org.id, outcome: 'sent' },
      { organisationId: unknown, outcome: 'notFound' },
    ]);
    const mails = await restoreMails();
    expect(mails.map((m) => [m.toAddress, m.locale]).sort()).toEqual([
      [a.org.email, 'kk'],
      [b.org.email, 'ru'],
    ]);
    expect(await tokensOf(a.account!.id)).toHaveLength(1);
    expect(await tokensOf(b.account!.id)).toHaveLength(1);
    expect((await db.select().from(auditLog)).map((r) => r.targetId).sort()).toEqual([a.org.id, b.org.id].sort());
    expect(await sendRestoreEmails(db, manager, [], { locale: 'kk' }, T0)).toEqual([]);
  });

  it('closes the restore request it answers, with outcome "sent"', async () => {
    const { org } = await organisation(1);
    await createPublicRestoreRequest(db, { bin: org.bin, name: 'Сәрсенова Әйгерім', position: 'Кітапханашы', email: 'aigerim@mail.kz', message: null }, T0);
    const [request] = await db.select().from(restoreRequests);
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk', requestId: request!.id }, at(5));
    const [closed] = await db.select().from(restoreRequests);
    expect(closed).toMatchObject({ id: request!.id, status: 'closed', outcome: 'sent', closedBy: manager.id, closedAt: at(5) });
    // A later send for the same request leaves the closure as it was.
    await sendRestoreEmails(db, manager, [org.id], { locale: 'kk', requestId: request!.id }, at(6));
    expect(await db.select().from(restoreRequests)).toEqual([closed]);
    expect(await restoreMails()).toHaveLength(2);
  });
});

describe('closeRestoreRequest', () => {
  it('closes an open request once, with its outcome', async () => {
    await createPublicRestoreRequest(db, { bin: OTHER_BIN, name: 'Иванов Иван', position: 'Директор', email: 'ivanov@mail.kz', message: 'Забыли пароль' }, T0);
    const [request] = await db.select().from(restoreRequests);
    expect(await closeRestoreRequest(db, manager, request!.id, 'notRegistered', at(1))).toBe(true);
    const [closed] = await db.select().from(restoreRequests);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'notRegistered', closedBy: manager.id, closedAt: at(1) });
    expect(await closeRestoreRequest(db, manager, request!.id, 'other outcome', at(2))).toBe(false);
    expect(await db.select().from(restoreRequests)).toEqual([closed]);
    expect(await closeRestoreRequest(db, manager, '9b2f1c3e-5d6a-4b7c-8d9e-0f1a2b3c4d5e', 'x', at(2))).toBe(false);
    // Closing sends nothing.
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });
});

describe('non-managers', () => {
  it('sendRestoreEmails and closeRestoreRequest refuse an applicant or an organisation account, changing nothing', async () => {
    const { org, account } = await organisation(1, { email: ORG_EMAIL });
    const applicant = await insertUser(db, 'applicant@mail.kz');
    await createPublicRestoreRequest(db, { bin: org.bin, name: 'Иванов Иван', position: 'Директор', email: 'ivanov@mail.kz', message: null }, T0);
    const [request] = await db.select().from(restoreRequests);
    const before = await managerSnapshot(db);
    for (const who of [applicant, account!]) {
      expect(await sendRestoreEmails(db, who, [org.id], { locale: 'kk', requestId: request!.id }, at(1))).toEqual([{ organisationId: org.id, outcome: 'forbidden' }]);
      expect(await closeRestoreRequest(db, who, request!.id, 'done', at(1))).toBe(false);
    }
    expect(await managerSnapshot(db)).toEqual(before);
    // Nor did the refused sends count against the organisation's hourly limit.
    for (let i = 0; i < 3; i += 1) expect((await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(2 + i)))[0]!.outcome).toBe('sent');
  });
});

describe('createPublicRestoreRequest', () => {
  it('stores the request whatever the BIN: registered, unknown or malformed', async () => {
    const { org } = await organisation(1);
    const input = { name: 'Сәрсенова Әйгерім', position: 'Кітапханашы', email: 'aigerim@mail.kz', message: 'Құпиясөзді ұмыттық' };
    for (const [i, bin] of [org.bin, OTHER_BIN, '123'].entries()) {
      await createPublicRestoreRequest(db, { ...input, bin }, at(i));
    }
    const rows = await db.select().from(restoreRequests).orderBy(restoreRequests.createdAt);
    expect(rows.map((r) => r.bin)).toEqual([org.bin, OTHER_BIN, '123']);
    for (const [i, row] of rows.entries()) {
      expect(row).toMatchObject({
        source: 'public',
        requesterId: null,
        requesterEmail: 'aigerim@mail.kz',
        requesterName: 'Сәрсенова Әйгерім',
        requesterPosition: 'Кітапханашы',
        message: 'Құпиясөзді ұмыттық',
        status: 'open',
        outcome: null,
        closedBy: null,
        closedAt: null,
        createdAt: at(i),
      });
    }
    // Nothing is sent to the requester.
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });
});

describe('findOrganisations', () => {
  beforeEach(async () => {
    await organisation(1, { name: 'Ақбұлақ мектебі' });
    await organisation(2, { name: 'АҚБҰЛАҚ КОЛЛЕДЖІ' });
    await organisation(3, { name: 'Мектеп 100% сапа' });
    await organisation(4, { name: 'Мектеп_1' });
    await organisation(5, { name: 'Мектеп-1' });
    await organisation(6, { name: 'Мектеп 11' });
    await organisation(7, { name: 'Школа №7', bin: OTHER_BIN });
  });
  const names = async (q: string, limit?: number) => (await findOrganisations(db, q, limit)).map((r) => r.name).sort();

  it('finds by BIN: exact or prefix, spaces allowed', async () => {
    expect(await names(binFor(3))).toEqual(['Мектеп 100% сапа']);
    expect(await names(`${binFor(3).slice(0, 4)} ${binFor(3).slice(4, 8)} ${binFor(3).slice(8)}`)).toEqual(['Мектеп 100% сапа']);
    expect((await names('0603')).length).toBe(6);
    expect(await names('0705')).toEqual(['Школа №7']);
    expect(await names('9999')).toEqual([]);
    const [row] = await findOrganisations(db, OTHER_BIN);
    expect(Object.keys(row!).sort()).toEqual(['bin', 'email', 'id', 'name', 'region']);
  });

  it('finds by name whatever the case, Kazakh letters included', async () => {
    for (const q of ['ақбұлақ', 'АҚБҰЛАҚ', 'Ақбұлақ', '  АҚБҰЛАҚ  ']) {
      expect(await names(q), q).toEqual(['АҚБҰЛАҚ КОЛЛЕДЖІ', 'Ақбұлақ мектебі']);
    }
    expect(await names('ақбұлақ МЕКТЕБІ')).toEqual(['Ақбұлақ мектебі']);
    expect(await names('колледжі')).toEqual(['АҚБҰЛАҚ КОЛЛЕДЖІ']);
    expect(await names('школа №')).toEqual(['Школа №7']);
  });

  it('takes % and _ literally', async () => {
    expect(await names('%')).toEqual(['Мектеп 100% сапа']);
    expect(await names('_')).toEqual(['Мектеп_1']);
    expect(await names('мектеп_1')).toEqual(['Мектеп_1']);
    expect(await names('%1%')).toEqual([]);
    expect(await names('\\')).toEqual([]);
  });

  it('orders by name and honours the limit', async () => {
    const rows = await findOrganisations(db, 'мектеп', 2);
    expect(rows).toHaveLength(2);
    const all = await findOrganisations(db, 'мектеп');
    expect(all.length).toBeGreaterThan(2);
    expect(rows).toEqual(all.slice(0, 2));
    expect(await findOrganisations(db, 'мектеп', 50)).toEqual(all);
    expect(all.map((r) => r.name).filter((n) => !n.toLocaleLowerCase('kk').includes('мектеп'))).toEqual([]);
  });
});

describe('organisation accounts', () => {
  it('several sends to an organisation without an account open one account only', async () => {
    const { org } = await organisation(1, { accountEmail: null });
    for (let i = 0; i < 3; i += 1) await sendRestoreEmails(db, manager, [org.id], { locale: 'kk' }, at(i));
    expect(await db.select().from(users).where(and(eq(users.organisationId, org.id), eq(users.role, 'organisation')))).toHaveLength(1);
  });
});

describe('sendRestoreEmails when the email on file belongs to someone else', () => {
  it('sends nothing for that organisation, says why, and goes on with the others', async () => {
    const { org: orphan } = await organisation(1, { accountEmail: null, email: ORG_EMAIL });
    await insertUser(db, ORG_EMAIL);
    const { org: other } = await organisation(2);
    const results = await sendRestoreEmails(db, manager, [orphan.id, other.id], { locale: 'ru' }, T0);
    expect(results).toEqual([
      { organisationId: orphan.id, outcome: 'emailTaken' },
      { organisationId: other.id, outcome: 'sent' },
    ]);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'restoreAccess'));
    expect(mails.map((m) => m.toAddress)).toEqual([other.email]);
    expect(await db.select().from(users).where(and(eq(users.organisationId, orphan.id)))).toEqual([]);
  });
});
