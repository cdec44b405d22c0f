import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { migrateDb, openDb, type Db, type DbHandle } from '@/db/client';

let handle: DbHandle | undefined;

/** The test database, migrated: the run's throwaway PostgreSQL database, or PGlite in memory. */
export async function testDb(): Promise<Db> {
  if (!handle) {
    const url = inject('testDatabaseUrl') || undefined;
    handle = await openDb(url, 'memory://');
    await migrateDb(url, handle);
  }
  return handle.db;
}

export function testDbKind(): 'postgres' | 'pglite' {
  return inject('testDatabaseUrl') ? 'postgres' : 'pglite';
}

/** Empties every table; call in beforeEach. */
export async function resetDb(db: Db): Promise<void> {
  await db.execute(
    sql`truncate table users, password_reset_tokens, email_outbox, dev_mailbox, rate_limits, login_throttles restart identity cascade`,
  );
}

export async function closeTestDb(): Promise<void> {
  await handle?.close();
  handle = undefined;
}
