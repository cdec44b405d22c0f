import { embeddedDir, migrateDb, openDb } from './client';

const url = process.env.DATABASE_URL || undefined;
const handle = await openDb(url, embeddedDir());
await migrateDb(url, handle);
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
