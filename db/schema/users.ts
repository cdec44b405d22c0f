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
  /** A code from the position list, or 'other' with positionOther filled. */
  position: text('position').notNull(),
  positionOther: text('position_other'),
  orgType: orgTypeEnum('org_type').notNull(),
  consentText: text('consent_text').notNull(),
  consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
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
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
