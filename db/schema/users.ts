import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { localeEnum, orgTypeEnum, userRoleEnum } from './enums';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** Always stored trimmed and lower-cased. */
  email: text('email').notNull().unique(),
  role: userRoleEnum('role').notNull().default('applicant'),
  passwordHash: text('password_hash').notNull(),
  /** True while the user still holds an emailed (generated) password. */
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  /** When the emailed password stops working; null once the user has set their own. */
  tempPasswordExpiresAt: timestamp('temp_password_expires_at', { withTimezone: true }),
  /** Bumped on every password change; sessions carrying an older value are refused. */
  sessionVersion: integer('session_version').notNull().default(1),
  locale: localeEnum('locale').notNull().default('kk'),
  /** A manager's name (applicants give theirs in the application). */
  fullName: text('full_name'),
  /** Applicants: a code from the position list, or 'other' with positionOther filled. */
  position: text('position'),
  positionOther: text('position_other'),
  orgType: orgTypeEnum('org_type'),
  /** Applicants: the consent to the processing of personal data, as shown, and when it was given. */
  consentText: text('consent_text'),
  consentAt: timestamp('consent_at', { withTimezone: true }),
  /** Organisation accounts: the registered organisation this account belongs to. */
  organisationId: uuid('organisation_id'),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token sent by email; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** 'reset' (the user's own request, 60 minutes) or 'restore' (sent by a manager, 24 hours). */
    purpose: text('purpose').notNull().default('reset'),
    /** The manager who sent a restore link. */
    createdBy: uuid('created_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
