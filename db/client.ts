import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** A database handle or a transaction: every query function takes one of these first. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = { db: Db; kind: 'postgres' | 'pglite'; close: () => Promise<void> };

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const MIGRATION_LOCK = 727071;

/**
 * Opens the database: the PostgreSQL server when a URL is given, else the embedded
 * PostgreSQL (PGlite) in `dir` (a folder, created if missing, or `memory://`).
 */
export async function openDb(url: string | undefined, dir: string): Promise<DbHandle> {
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      onnotice: () => {},
    });
    return { db: drizzle({ client, schema }) as unknown as Db, kind: 'postgres', close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  return { db: drizzle({ client, schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** Applies the committed drizzle-kit migrations; safe when several instances start at once. */
export async function migrateDb(url: string | undefined, handle: DbHandle): Promise<void> {
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
      await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await client.end();
    }
    return;
  }
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // The pglite migrator needs the pglite-typed handle; the runtime object is one.
  await migrate(handle.db as never, { migrationsFolder: MIGRATIONS });
}

export function embeddedDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

type Holder = { promise?: Promise<DbHandle> };
const holder = ((globalThis as { __qazaqmuraDb?: Holder }).__qazaqmuraDb ??= {});

/** The one database of this process, migrated on first use. */
export function getDb(): Promise<Db> {
  holder.promise ??= (async () => {
    const url = process.env.DATABASE_URL || undefined;
    const handle = await openDb(url, embeddedDir());
    await migrateDb(url, handle);
    return handle;
  })().catch((error: unknown) => {
    holder.promise = undefined;
    throw error;
  });
  return holder.promise.then((h) => h.db);
}
