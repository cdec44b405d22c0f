import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { emailOutbox, users, type Application, type User } from '@/db/schema';
import { createManager } from '@/lib/accounts/staff';
import { authenticate } from '@/lib/accounts/sign-in';
import { decide } from '@/lib/applications/decisions';
import { verifyPassword } from '@/lib/auth/hash';
import { tempPasswordHours } from '@/lib/env';
import { decryptSecret } from '@/lib/security/crypto';
import { insertUser, validApplicationInput } from '../helpers/applications';
import { closeTestDb, resetDb, testDb } from '../helpers/db';
import { insertManager, managerSnapshot, startReview, submitThroughService } from '../helpers/manager';

const T0 = new Date('2026-02-02T05:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let db: Db;

beforeEach(async () => {
  db = await testDb();
  await resetDb(db);
});
afterAll(closeTestDb);

describe('createManager', () => {
  it('opens a manager account with a hashed generated password, emailed with kind "manager"', async () => {
    const result = await createManager(db, { email: '  Dinara.K@QazaqMura.kz ', name: '  Қасымова   Динара ', locale: 'ru' }, T0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [user] = await db.select().from(users).where(eq(users.id, result.id));
    expect(user).toMatchObject({
      email: 'dinara.k@qazaqmura.kz',
      role: 'manager',
      fullName: 'Қасымова Динара',
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(T0.getTime() + tempPasswordHours() * 3600_000),
      locale: 'ru',
      organisationId: null,
      sessionVersion: 1,
    });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);

    const mails = await db.select().from(emailOutbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: 'dinara.k@qazaqmura.kz', locale: 'ru', template: 'tempPassword', payload: { kind: 'manager', hours: String(tempPasswordHours()) }, status: 'pending' });
    const password = decryptSecret(mails[0]!.secretEnc!);
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(user!.passwordHash).not.toContain(password);
    expect(await verifyPassword(user!.passwordHash, password)).toBe(true);
    const signIn = await authenticate(db, { email: 'dinara.k@qazaqmura.kz', password, ip: '192.0.2.10' }, at(5));
    expect(signIn).toMatchObject({ ok: true, user: { id: result.id, role: 'manager' } });
  });

  it('defaults to Kazakh', async () => {
    const result = await createManager(db, { email: 'aidos@qazaqmura.kz', name: 'Сейітов Айдос' }, T0);
    expect(result.ok).toBe(true);
    expect(await db.select({ locale: users.locale }).from(users)).toEqual([{ locale: 'kk' }]);
    expect((await db.select().from(emailOutbox))[0]).toMatchObject({ locale: 'kk', payload: { kind: 'manager' } });
  });

  it('refuses an email already in use (any role, any case), changing nothing', async () => {
    expect((await createManager(db, { email: 'aidos@qazaqmura.kz', name: 'Сейітов Айдос' }, T0)).ok).toBe(true);
    const applicant = await insertUser(db, 'applicant@mail.kz');
    const before = await managerSnapshot(db);
    for (const email of ['aidos@qazaqmura.kz', ' AIDOS@qazaqmura.KZ ', 'applicant@mail.kz', 'Applicant@Mail.kz']) {
      expect(await createManager(db, { email, name: 'Басқа Адам' }, at(1)), email).toEqual({ ok: false, error: 'emailTaken' });
    }
    expect(await managerSnapshot(db)).toEqual(before);
    // The applicant stays an applicant.
    expect(await db.select().from(users).where(eq(users.id, applicant.id))).toEqual([applicant]);
  });

  it('refuses an invalid email or name, changing nothing', async () => {
    for (const email of ['not-an-email', '', '   ', 'a b@qazaqmura.kz', 'x@qazaqmura.kz, y@qazaqmura.kz', 'Aidos <aidos@qazaqmura.kz>', `${'a'.repeat(250)}@qazaqmura.kz`, 'aidos@qazaqmura.kz\u0000']) {
      expect(await createManager(db, { email, name: 'Сейітов Айдос' }, T0), JSON.stringify(email)).toEqual({ ok: false, error: 'emailInvalid' });
    }
    for (const name of ['', 'Айдос', 'Robert); DROP TABLE users;--', 'Сейітов\u202EАйдос']) {
      expect(await createManager(db, { email: 'aidos@qazaqmura.kz', name }, T0), JSON.stringify(name)).toEqual({ ok: false, error: 'nameInvalid' });
    }
    expect(await db.select().from(users)).toEqual([]);
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });
});

describe('decide by someone who is not a manager', () => {
  let applicant: User;
  let manager: User;
  let submitted: Application;

  beforeEach(async () => {
    applicant = await insertUser(db, 'applicant@mail.kz', { locale: 'ru' });
    manager = await insertManager(db, 'manager@qazaqmura.kz', 'Айгүл Сейітова');
    submitted = await submitThroughService(db, applicant, validApplicationInput(), T0);
  });

  async function expectRefused(actor: User, app: Application) {
    const before = await managerSnapshot(db);
    const steps = app.status === 'submitted' ? (['startReview'] as const) : (['approve', 'reject', 'requestChanges'] as const);
    for (const event of steps) {
      expect(await decide(db, actor, { applicationId: app.id, version: app.version, event, comment: 'Одобрено мной' }, at(30)), `${actor.role} ${event}`).toEqual({
        ok: false,
        reason: 'transitionForbidden',
      });
    }
    expect(await managerSnapshot(db)).toEqual(before);
  }

  it('refuses an applicant (another one, or the application own applicant) with no side effect', async () => {
    const other = await insertUser(db, 'other.applicant@mail.kz');
    await expectRefused(other, submitted);
    await expectRefused(applicant, submitted);
    const inReview = await startReview(db, manager, submitted, at(10));
    await expectRefused(other, inReview);
    await expectRefused(applicant, inReview);
  });

  it('refuses an organisation account with no side effect', async () => {
    const inReview = await startReview(db, manager, submitted, at(10));
    const other = await submitThroughService(db, await insertUser(db, 'second@mail.kz'), validApplicationInput({ bin: '070540001236', librarianEmail: 'lib2@school.edu.kz' }), T0);
    // An organisation account opened by an earlier approval.
    const otherInReview = await startReview(db, manager, other, at(11));
    expect(await decide(db, manager, { applicationId: otherInReview.id, version: otherInReview.version, event: 'approve' }, at(12))).toMatchObject({ ok: true });
    const [organisation] = await db.select().from(users).where(eq(users.role, 'organisation'));
    expect(organisation).toBeDefined();
    await expectRefused(organisation!, inReview);
  });

  it('the same call by a manager goes through (control)', async () => {
    const inReview = await startReview(db, manager, submitted, at(10));
    expect(await decide(db, manager, { applicationId: inReview.id, version: inReview.version, event: 'reject', comment: 'Ұйым тіркелмеген' }, at(20))).toMatchObject({
      ok: true,
      application: { status: 'rejected' },
    });
  });
});
