import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

/**
 * With DATABASE_URL (the PostgreSQL server) the run gets a throwaway database of its own, dropped
 * at the end; without it the tests use the embedded PostgreSQL in memory. A server that cannot
 * be reached fails the run.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide('testDatabaseUrl', '');
    return;
  }
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
  const name = `qazaqmura_test_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  project.provide('testDatabaseUrl', testUrl.toString());
  return async () => {
    const drop = postgres(url, { max: 1, onnotice: () => {} });
    await drop.unsafe(`drop database if exists ${name} with (force)`);
    await drop.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}
