import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, users, type OutboxRow, type User } from '@/db/schema';
import type { Locale } from '@/db/schema/enums';
import { openTemporaryAccount } from '@/lib/accounts/sign-up';
import { decryptSecret } from '@/lib/security/crypto';

export const CONSENT_TEXT = 'I agree to the processing of my personal data.';

export function signUpInput(email: string) {
  return { email, position: 'director' as const, positionOther: null, orgType: 'school' as const, consent: 'on' as const };
}

/** The newest outbox row for an address and template. */
export async function outboxRow(db: Db, to: string, template: string): Promise<OutboxRow> {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)))
    .orderBy(emailOutbox.createdAt);
  const row = rows.at(-1);
  if (!row) throw new Error(`no ${template} email to ${to}`);
  return row;
}

/**
 * Opens a temporary account as the sign-up form does and reads the generated password back the
 * only way it exists: by decrypting the queued email's secret.
 */
export async function openAccount(
  db: Db,
  email: string,
  opts: { now?: Date; locale?: Locale } = {},
): Promise<{ user: User; password: string; outbox: OutboxRow }> {
  await openTemporaryAccount(db, signUpInput(email), { locale: opts.locale ?? 'kk', consentText: CONSENT_TEXT, now: opts.now });
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no account for ${email}`);
  const outbox = await outboxRow(db, email, 'tempPassword');
  return { user, password: decryptSecret(outbox.secretEnc!), outbox };
}
