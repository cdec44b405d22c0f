import { Resend } from 'resend';
import type { Db } from '@/db/client';
import { devMailbox } from '@/db/schema';
import { emailFrom, resendApiKey } from '@/lib/env';
import type { RenderedEmail } from './templates';

export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; retryable: boolean; retryAfterSeconds?: number; error: string };

export type Transport = {
  name: string;
  send: (message: RenderedEmail & { id: string; to: string }) => Promise<SendResult>;
};

/** The only code that calls Resend. The outbox row id is the idempotency key. */
export function resendTransport(apiKey: string, from: string): Transport {
  const resend = new Resend(apiKey);
  return {
    name: 'resend',
    async send(message) {
      let response: Awaited<ReturnType<typeof resend.emails.send>>;
      try {
        response = await resend.emails.send(
          { from, to: [message.to], subject: message.subject, html: message.html, text: message.text },
          { idempotencyKey: `outbox-${message.id}` },
        );
      } catch (error) {
        return { ok: false, retryable: true, error: `network: ${(error as Error).message}` };
      }
      if (!response.error) return { ok: true, providerId: response.data?.id ?? null };
      const status = response.error.statusCode ?? null;
      const retryAfter = Number(response.headers?.['retry-after']);
      return {
        ok: false,
        // No status: the request did not complete. 409: an earlier attempt with this key is still in flight.
        retryable: status === null || status === 409 || status === 429 || status >= 500,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        error: `${status ?? 'no status'} ${response.error.name}: ${response.error.message}`,
      };
    },
  };
}

/** Development without RESEND_API_KEY: keeps the rendered email for the dev mailbox page. */
export function devMailboxTransport(db: Db): Transport {
  return {
    name: 'dev-mailbox',
    async send(message) {
      await db
        .insert(devMailbox)
        .values({ outboxId: message.id, toAddress: message.to, subject: message.subject, html: message.html, text: message.text })
        .onConflictDoNothing();
      return { ok: true, providerId: null };
    },
  };
}

export function defaultTransport(db: Db): Transport {
  const key = resendApiKey();
  return key ? resendTransport(key, emailFrom()) : devMailboxTransport(db);
}
