import { embeddedDir, migrateDb, openDb, type DbHandle } from '@/db/client';
import { defaultTransport } from '@/lib/email/transport';
import { deliverAllDue } from '@/lib/email/worker';

/** The database the app uses (DATABASE_URL, else the embedded one), migrated. */
export async function openCliDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL || undefined;
  const handle = await openDb(url, embeddedDir());
  await migrateDb(url, handle);
  return handle;
}

/** Sends what the command queued right away (the server's worker would otherwise do it). */
export async function deliverNow(handle: DbHandle): Promise<void> {
  await deliverAllDue(handle.db, defaultTransport(handle.db));
}
