import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, users } from '@/db/schema';
import { openTemporaryAccount } from '@/lib/accounts/sign-up';
import { decryptSecret } from '@/lib/security/crypto';
import { closeTestDb, resetDb, testDb } from '../helpers/db';

const consent = { locale: 'kk' as const, consentText: 'consent text' };
const input = { email: 'director@school12.edu.kz', position: 'director' as const, positionOther: null, orgType: 'school' as const, consent: 'on' as const };

describe('openTemporaryAccount', () => {
  beforeEach(async () => resetDb(await testDb()));
  afterAll(closeTestDb);

  it('writes the account and its password email together, storing only a hash', async () => {
    const db = await testDb();
    await openTemporaryAccount(db, input, consent);
    const [user] = await db.select().from(users).where(eq(users.email, input.email));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user?.mustChangePassword).toBe(true);
    const mails = await db.select().from(emailOutbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe('tempPassword');
    const password = decryptSecret(mails[0]!.secretEnc!);
    expect(password).toHaveLength(14);
    expect(JSON.stringify(mails[0]!.payload)).not.toContain(password);
  });

  it('gives an existing email the same treatment but a different email, and changes nothing', async () => {
    const db = await testDb();
    await openTemporaryAccount(db, input, consent);
    const [before] = await db.select().from(users);
    await openTemporaryAccount(db, { ...input, orgType: 'college' }, { ...consent, locale: 'ru' });
    const all = await db.select().from(users);
    expect(all).toEqual([before]);
    const mails = await db.select().from(emailOutbox).orderBy(emailOutbox.createdAt);
    expect(mails.map((m) => [m.template, m.locale])).toEqual([
      ['tempPassword', 'kk'],
      ['accountExists', 'ru'],
    ]);
    expect(mails[1]!.secretEnc).toBeNull();
  });
});
