import type { Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import type { Locale } from '@/db/schema/enums';
import { encryptSecret } from '@/lib/security/crypto';
import type { TemplateName } from './templates';

export type QueuedEmail = {
  to: string;
  locale: Locale;
  template: TemplateName;
  payload?: Record<string, string>;
  /** A generated password or a link token: stored encrypted, wiped once handled. */
  secret?: string;
};

/** Queues an email; call it with the transaction that makes the change the email tells about. */
export async function queueEmail(tx: Db, email: QueuedEmail): Promise<string> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to,
      locale: email.locale,
      template: email.template,
      payload: email.payload ?? {},
      secretEnc: email.secret ? encryptSecret(email.secret) : null,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}
