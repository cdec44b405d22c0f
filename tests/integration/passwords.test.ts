import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { devMailbox, emailOutbox, passwordResetTokens, users } from '@/db/schema';
import { changePassword, requestPasswordReset, resetPassword, setOwnPassword, userForSession } from '@/lib/accounts/passwords';
import { authenticate } from '@/lib/accounts/sign-in';
import { devMailboxTransport } from '@/lib/email/transport';
import { deliverDueEmails } from '@/lib/email/worker';
import { decryptSecret } from '@/lib/security/crypto';
import { openAccount, outboxRow } from '../helpers/accounts';
import { closeTestDb, resetDb, testDb } from '../helpers/db';

const T0 = new Date('2030-06-01T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const MIN = 60;
const EMAIL = 'methodist@college3.edu.kz';
const NEW_PASSWORD = 'Steppe-Horizon-2030';
const OTHER_PASSWORD = 'Caspian-Breeze-77';

async function userRow(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u!;
}

async function templates(db: Db) {
  return (await db.select().from(emailOutbox).orderBy(emailOutbox.createdAt)).map((r) => r.template);
}

/** Asks for a reset link and returns the token that the email carries. */
async function requestToken(db: Db, now: Date): Promise<string> {
  const before = (await db.select().from(emailOutbox)).length;
  await requestPasswordReset(db, EMAIL, 'ru', now);
  expect((await db.select().from(emailOutbox)).length).toBe(before + 1);
  return decryptSecret((await outboxRow(db, EMAIL, 'passwordReset')).secretEnc!);
}

async function signsIn(db: Db, password: string, now: Date, ip = '203.0.113.5') {
  return (await authenticate(db, { email: EMAIL, password, ip }, now)).ok;
}

beforeEach(async () => resetDb(await testDb()));
afterAll(closeTestDb);

describe('setOwnPassword', () => {
  it('works only while the emailed password is held: afterwards a change needs the current password', async () => {
    const db = await testDb();
    const { user } = await openAccount(db, EMAIL, { now: T0 });
    expect(await setOwnPassword(db, user.id, NEW_PASSWORD, at(60))).toMatchObject({ ok: true });
    const before = await userRow(db, user.id);
    expect(await setOwnPassword(db, user.id, 'Another-Long-Password-2026', at(61))).toStrictEqual({ ok: false, field: 'password', error: 'sessionExpired' });
    expect(await userRow(db, user.id)).toEqual(before);
  });

  it('refuses the emailed password, then replaces it and ends older sessions', async () => {
    const db = await testDb();
    const { user, password } = await openAccount(db, EMAIL, { now: T0 });
    expect(user).toMatchObject({ mustChangePassword: true, sessionVersion: 1 });
    expect(user.tempPasswordExpiresAt).not.toBeNull();

    expect(await setOwnPassword(db, user.id, password, at(60))).toStrictEqual({ ok: false, field: 'password', error: 'passwordSameAsOld' });
    expect(await userRow(db, user.id)).toEqual(user);

    const result = await setOwnPassword(db, user.id, NEW_PASSWORD, at(120));
    expect(result).toStrictEqual({ ok: true, sessionVersion: 2 });
    const after = await userRow(db, user.id);
    expect(after).toMatchObject({ mustChangePassword: false, tempPasswordExpiresAt: null, sessionVersion: 2 });
    expect(after.passwordChangedAt?.getTime()).toBe(at(120).getTime());
    expect(after.passwordHash).not.toBe(user.passwordHash);

    // Old sessions are refused after a password change; the new one works.
    expect(await userForSession(db, user.id, 1)).toBeNull();
    expect((await userForSession(db, user.id, 2))?.id).toBe(user.id);

    // The own password does not expire with the temporary one; the emailed one is gone.
    expect(await signsIn(db, NEW_PASSWORD, at(100 * 3600))).toBe(true);
    expect(await signsIn(db, password, at(100 * 3600 + 1))).toBe(false);
  });

  it('answers sessionExpired for an account that no longer exists', async () => {
    const db = await testDb();
    const { user } = await openAccount(db, EMAIL, { now: T0 });
    await db.delete(users).where(eq(users.id, user.id));
    expect(await setOwnPassword(db, user.id, NEW_PASSWORD, at(1))).toMatchObject({ ok: false, error: 'sessionExpired' });
    expect(await userForSession(db, user.id, 1)).toBeNull();
  });
});

describe('changePassword', () => {
  it('changes nothing when the current password is wrong', async () => {
    const db = await testDb();
    const { user } = await openAccount(db, EMAIL, { now: T0 });
    await setOwnPassword(db, user.id, NEW_PASSWORD, at(60));
    const before = await userRow(db, user.id);

    const result = await changePassword(db, user.id, { current: 'Not-the-password-1', password: OTHER_PASSWORD }, at(120));
    expect(result).toStrictEqual({ ok: false, field: 'current', error: 'currentPasswordWrong' });
    expect(await userRow(db, user.id)).toEqual(before);
    expect(await templates(db)).toEqual(['tempPassword']);

    expect(await changePassword(db, user.id, { current: NEW_PASSWORD, password: NEW_PASSWORD }, at(121))).toMatchObject({
      ok: false,
      error: 'passwordSameAsOld',
    });
    expect(await userRow(db, user.id)).toEqual(before);
  });

  it('sets the new password, ends other sessions and queues a notice', async () => {
    const db = await testDb();
    const { user } = await openAccount(db, EMAIL, { now: T0, locale: 'ru' });
    const { sessionVersion } = (await setOwnPassword(db, user.id, NEW_PASSWORD, at(60))) as { sessionVersion: number };

    const result = await changePassword(db, user.id, { current: NEW_PASSWORD, password: OTHER_PASSWORD }, at(120));
    expect(result).toStrictEqual({ ok: true, sessionVersion: sessionVersion + 1 });
    expect(await userForSession(db, user.id, sessionVersion)).toBeNull();
    expect((await userForSession(db, user.id, sessionVersion + 1))?.id).toBe(user.id);
    expect((await userRow(db, user.id)).passwordChangedAt?.getTime()).toBe(at(120).getTime());

    const notice = await outboxRow(db, EMAIL, 'passwordChanged');
    expect(notice).toMatchObject({ locale: 'ru', status: 'pending', secretEnc: null });
    expect(await templates(db)).toEqual(['tempPassword', 'passwordChanged']);

    expect(await signsIn(db, OTHER_PASSWORD, at(180))).toBe(true);
    expect(await signsIn(db, NEW_PASSWORD, at(181))).toBe(false);
  });

  it('writes the password and its notice in one transaction', async () => {
    const db = await testDb();
    const { user } = await openAccount(db, EMAIL, { now: T0 });
    await setOwnPassword(db, user.id, NEW_PASSWORD, at(60));
    const before = await userRow(db, user.id);

    // Make the notice impossible to queue: the password change must roll back with it.
    await db.execute(sql`create or replace function qm_test_refuse_email() returns trigger language plpgsql as $$
      begin raise exception 'outbox unavailable'; end $$`);
    await db.execute(sql`create trigger qm_test_refuse_email before insert on email_outbox for each row execute function qm_test_refuse_email()`);
    try {
      await expect(changePassword(db, user.id, { current: NEW_PASSWORD, password: OTHER_PASSWORD }, at(120))).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger if exists qm_test_refuse_email on email_outbox`);
      await db.execute(sql`drop function if exists qm_test_refuse_email()`);
    }
    expect(await userRow(db, user.id)).toEqual(before);
    expect(await signsIn(db, NEW_PASSWORD, at(180))).toBe(true);
  });
});

describe('password reset', () => {
  it('queues nothing for an unknown email, without throwing', async () => {
    const db = await testDb();
    await openAccount(db, EMAIL, { now: T0 });
    await expect(requestPasswordReset(db, 'stranger@school.kz', 'kk', at(1))).resolves.toBeUndefined();
    expect(await templates(db)).toEqual(['tempPassword']);
    expect(await db.select().from(passwordResetTokens)).toEqual([]);
  });

  it('emails a token and stores only its SHA-256', async () => {
    const db = await testDb();
    const { user } = await openAccount(db, EMAIL, { now: T0, locale: 'kk' });
    await requestPasswordReset(db, EMAIL, 'ru', at(60));

    const mail = await outboxRow(db, EMAIL, 'passwordReset');
    expect(mail).toMatchObject({ locale: 'ru', payload: { minutes: '60' } });
    const token = decryptSecret(mail.secretEnc!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(mail.payload)).not.toContain(token);

    const tokens = await db.select().from(passwordResetTokens);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.userId).toBe(user.id);
    expect(tokens[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokens[0]!.tokenHash).not.toBe(token);
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(tokens[0]!.expiresAt.getTime()).toBe(at(60 + 60 * MIN).getTime());
    expect(tokens[0]!.usedAt).toBeNull();

    // The link in the delivered email carries the token.
    await deliverDueEmails(db, devMailboxTransport(db), new Date(Date.now() + 60_000));
    const [delivered] = await db.select().from(devMailbox).where(eq(devMailbox.outboxId, mail.id));
    expect(delivered!.text).toContain(`http://portal.test/ru/reset-password/${token}`);
  });

  it('cancels the earlier link when a new one is requested', async () => {
    const db = await testDb();
    await openAccount(db, EMAIL, { now: T0 });
    const first = await requestToken(db, at(60));
    const second = await requestToken(db, at(120));
    expect(second).not.toBe(first);

    expect(await resetPassword(db, first, NEW_PASSWORD, at(180))).toStrictEqual({ ok: false });
    expect(await signsIn(db, NEW_PASSWORD, at(181))).toBe(false);
    expect(await resetPassword(db, second, NEW_PASSWORD, at(240))).toStrictEqual({ ok: true });
    expect(await signsIn(db, NEW_PASSWORD, at(241))).toBe(true);
  });

  it('works once, ends every session, queues a notice and swaps the passwords', async () => {
    const db = await testDb();
    const { user, password } = await openAccount(db, EMAIL, { now: T0, locale: 'ru' });
    const token = await requestToken(db, at(60));

    expect(await resetPassword(db, token, NEW_PASSWORD, at(60 + 59 * MIN))).toStrictEqual({ ok: true });
    const after = await userRow(db, user.id);
    expect(after).toMatchObject({ sessionVersion: 2, mustChangePassword: false, tempPasswordExpiresAt: null });
    expect(await userForSession(db, user.id, 1)).toBeNull();
    expect((await userForSession(db, user.id, 2))?.id).toBe(user.id);
    expect(await outboxRow(db, EMAIL, 'passwordChanged')).toMatchObject({ locale: 'ru', secretEnc: null });
    expect(await templates(db)).toEqual(['tempPassword', 'passwordReset', 'passwordChanged']);

    // Used once: the same link does nothing the second time.
    expect(await resetPassword(db, token, OTHER_PASSWORD, at(60 + 59 * MIN + 1))).toStrictEqual({ ok: false });
    expect((await userRow(db, user.id)).sessionVersion).toBe(2);
    expect(await templates(db)).toHaveLength(3);

    const later = at(61 * MIN);
    expect(await signsIn(db, NEW_PASSWORD, later)).toBe(true);
    expect(await signsIn(db, password, later)).toBe(false);
    expect(await signsIn(db, OTHER_PASSWORD, later)).toBe(false);
  });

  it('refuses a link after 60 minutes and changes nothing', async () => {
    const db = await testDb();
    const { user, password } = await openAccount(db, EMAIL, { now: T0 });
    const token = await requestToken(db, at(60));
    const before = await userRow(db, user.id);

    expect(await resetPassword(db, token, NEW_PASSWORD, at(60 + 61 * MIN))).toStrictEqual({ ok: false });
    expect(await userRow(db, user.id)).toEqual(before);
    expect(await templates(db)).toEqual(['tempPassword', 'passwordReset']);
    expect(await signsIn(db, password, at(60 + 62 * MIN))).toBe(true);
  });

  it('refuses a made-up token', async () => {
    const db = await testDb();
    await openAccount(db, EMAIL, { now: T0 });
    await requestToken(db, at(60));
    expect(await resetPassword(db, 'A'.repeat(43), NEW_PASSWORD, at(120))).toStrictEqual({ ok: false });
    expect(await templates(db)).toEqual(['tempPassword', 'passwordReset']);
  });
});
