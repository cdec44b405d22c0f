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
  await db.execute(sql`
    do $$ declare tables text;
    begin
      select string_agg(format('%I', tablename), ', ') into tables from pg_tables where schemaname = 'public';
      if tables is not null then execute 'truncate table ' || tables || ' restart identity cascade'; end if;
    end $$`);
}

export async function closeTestDb(): Promise<void> {
  await handle?.close();
  handle = undefined;
}
