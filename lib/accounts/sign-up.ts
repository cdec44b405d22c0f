import type { Db } from '@/db/client';
import type { Locale } from '@/db/schema/enums';
import { insertUserIfNew } from '@/db/queries/users';
import { generatePassword } from '@/lib/auth/generate-password';
import { hashPassword } from '@/lib/auth/hash';
import { queueEmail } from '@/lib/email/outbox';
import { tempPasswordHours } from '@/lib/env';
import type { SignUpInput } from '@/lib/validation/sign-up';

/**
 * Opens a temporary account and queues its password email, in one transaction. When the email
 * already has an account nothing changes but a different email is queued to its owner; the
 * caller cannot tell the two apart (same work, same answer).
 */
export async function openTemporaryAccount(
  db: Db,
  input: SignUpInput,
  ctx: { locale: Locale; consentText: string; now?: Date },
): Promise<void> {
  const now = ctx.now ?? new Date();
  const hours = tempPasswordHours();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const id = await insertUserIfNew(tx, {
      email: input.email,
      role: 'applicant',
      passwordHash,
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(now.getTime() + hours * 3600_000),
      locale: ctx.locale,
      position: input.position,
      positionOther: input.positionOther,
      orgType: input.orgType,
      consentText: ctx.consentText,
      consentAt: now,
    });
    if (id) {
      await queueEmail(tx, { to: input.email, locale: ctx.locale, template: 'tempPassword', payload: { hours: String(hours) }, secret: password });
    } else {
      await queueEmail(tx, { to: input.email, locale: ctx.locale, template: 'accountExists' });
    }
  });
}
