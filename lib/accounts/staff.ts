import type { Db } from '@/db/client';
import type { Locale } from '@/db/schema/enums';
import { insertUserIfNew } from '@/db/queries/users';
import { generatePassword } from '@/lib/auth/generate-password';
import { hashPassword } from '@/lib/auth/hash';
import { queueEmail } from '@/lib/email/outbox';
import { tempPasswordHours } from '@/lib/env';
import { emailField } from '@/lib/validation/fields';
import { cleanName, personNameProblem } from '@/lib/validation/names';

export type CreateManagerResult = { ok: true; id: string } | { ok: false; error: 'emailInvalid' | 'nameInvalid' | 'emailTaken' };

/**
 * Opens a manager account: a generated password emailed like an applicant's, changed at first
 * login. There is no default or shared manager account.
 */
export async function createManager(db: Db, input: { email: string; name: string; locale?: Locale }, now = new Date()): Promise<CreateManagerResult> {
  const email = emailField.safeParse(input.email);
  if (!email.success) return { ok: false, error: 'emailInvalid' };
  if (personNameProblem(input.name)) return { ok: false, error: 'nameInvalid' };
  const locale = input.locale ?? 'kk';
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const hours = tempPasswordHours();
  return db.transaction(async (tx) => {
    const id = await insertUserIfNew(tx, {
      email: email.data as string,
      role: 'manager',
      fullName: cleanName(input.name),
      passwordHash,
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(now.getTime() + hours * 3600_000),
      locale,
    });
    if (!id) return { ok: false, error: 'emailTaken' } as const;
    await queueEmail(tx, { to: email.data as string, locale, template: 'tempPassword', payload: { hours: String(hours), kind: 'manager' }, secret: password });
    return { ok: true, id } as const;
  });
}
