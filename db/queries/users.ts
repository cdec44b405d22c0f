import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { passwordResetTokens, users, type NewUser, type User } from '@/db/schema';

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

/** Inserts the user unless the email is taken; returns the new id or null. */
export async function insertUserIfNew(db: Db, user: NewUser): Promise<string | null> {
  const [row] = await db.insert(users).values(user).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  return row?.id ?? null;
}

/** Replaces the password, ends every other session (version bump) and clears the temporary state. */
export async function updatePassword(db: Db, userId: string, passwordHash: string, now: Date): Promise<number> {
  const [row] = await db
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
      passwordChangedAt: now,
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row!.sessionVersion;
}

export async function insertResetToken(
  db: Db,
  userId: string,
  tokenHash: string,
  expiresAt: Date,
  restore?: { createdBy: string },
): Promise<void> {
  await db.insert(passwordResetTokens).values({ userId, tokenHash, expiresAt, ...(restore ? { purpose: 'restore', createdBy: restore.createdBy } : {}) });
}

/** Older links stop working when a newer one is sent. */
export async function cancelResetTokens(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

/** Marks a valid token used and returns its user id; null when unknown, used or expired. */
export async function consumeResetToken(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)),
    )
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId ?? null;
}

export async function isResetTokenUsable(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(
      and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)),
    );
  return Boolean(row);
}
