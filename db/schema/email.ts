import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { emailStatusEnum, localeEnum } from './enums';

/** Every email is a row here, written in the transaction that causes it. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    toAddress: text('to_address').notNull(),
    locale: localeEnum('locale').notNull(),
    template: text('template').notNull(),
    /** Non-secret template data (links, names). */
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    /** A secret (a generated password) encrypted with a key derived from AUTH_SECRET; wiped once handled. */
    secretEnc: text('secret_enc'),
    status: emailStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A claimed row is leased until then; a crashed worker's rows become claimable again. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Development only: what would have been sent, shown at /[locale]/dev/mailbox. */
export const devMailbox = pgTable('dev_mailbox', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  outboxId: uuid('outbox_id').notNull().unique(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  html: text('html').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type OutboxRow = typeof emailOutbox.$inferSelect;
