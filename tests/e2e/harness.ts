import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import type { Locale } from './i18n';

/**
 * The production build under test: `next start` on a free port with a throwaway database (a new
 * database on the DATABASE_URL server, else an embedded PGlite folder) and the fake Resend API.
 */
export type Portal = {
  baseUrl: string;
  port: number;
  fake: FakeResend;
  dbKind: 'postgres' | 'pglite';
  /** What the command-line tools put into the database before the server started. */
  seed: Seed;
  /** The last lines the server printed. */
  serverOutput: () => string;
};

/**
 * Accounts and data made by the README's command-line tools (`npm run manager -- create`,
 * `npm run orgs -- import`) before `next start`: one manager per language (its password email in
 * that language is already in the fake Resend) and one organisation that already uses QAZAQMURA.
 */
export type Seed = {
  /** A short id of this run, in every address the seed uses. */
  run: string;
  managers: Record<Locale, { email: string; name: string }>;
  /** The imported organisation; its account has no usable password until a restore link is used. */
  organisation: { bin: string; name: string; email: string; city: string };
  /** How many emails the fake Resend had received when the CLIs were done (the server not yet started). */
  emailsFromClis: number;
};

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const READY_TIMEOUT_MS = 60_000;
const CLI_TIMEOUT_MS = 90_000;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];

let current: Portal | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
let child: ChildProcess | undefined;
const output: string[] = [];

/** The running portal; only inside tests (after the `before` hook of run.ts). */
export function portal(): Portal {
  if (!current) throw new Error('The portal is not running: the e2e set-up failed (see above).');
  return current;
}

export async function startPortal(): Promise<Portal> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    throw new Error('No production build (.next/BUILD_ID is missing): run `npm run build` first, then `npm run test:e2e`.');
  }
  const fake = await startFakeResend();
  cleanups.push(() => fake.close());

  const db = await prepareDatabase();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    APP_URL: baseUrl,
    EMAIL_FROM: 'QAZAQMURA <no-reply@portal.test>',
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: fake.url,
    EMAIL_WORKER_INTERVAL_MS: '200',
    ...db.env,
  };
  if (!db.env.DATABASE_URL) delete env.DATABASE_URL;
  if (!db.env.PGLITE_DIR) delete env.PGLITE_DIR;

  // The CLIs first: the embedded database serves one process at a time, so they must be done
  // before the server opens it. They get the server's database, email settings and AUTH_SECRET.
  const seed = await seedWithClis(env, fake);

  const server = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it also stops any worker it forks.
    detached: true,
  });
  child = server;
  const record = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 400) output.splice(0, output.length - 400);
    if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
  };
  server.stdout?.on('data', record);
  server.stderr?.on('data', record);
  cleanups.push(() => stopServer(server));

  await waitUntilReady(server, `${baseUrl}/kk`);
  current = { baseUrl, port, fake, dbKind: db.kind, seed, serverOutput: () => output.slice(-60).join('\n') };
  return current;
}

/** Stops everything that startPortal started, newest first, even when a step fails. */
export async function stopPortal(): Promise<void> {
  current = undefined;
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
    } catch (error) {
      console.error('[e2e] clean-up step failed:', (error as Error).message);
    }
  }
}

// If the run is interrupted, the server (in its own process group) must not outlive it.
process.once('exit', () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopPortal().finally(() => process.exit(130));
  });
}

async function prepareDatabase(): Promise<{ kind: 'postgres' | 'pglite'; env: Record<string, string> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'qm-e2e-pglite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { kind: 'pglite', env: { PGLITE_DIR: dir } };
  }
  const host = new URL(serverUrl).hostname;
  if (!LOCAL_HOSTS.includes(host)) throw new Error(`Refusing to run the e2e tests against a non-local database (${host}).`);
  const name = `qm_e2e_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await drop.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await drop.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { kind: 'postgres', env: { DATABASE_URL: url.toString() } };
}

async function seedWithClis(env: NodeJS.ProcessEnv, fake: FakeResend): Promise<Seed> {
  const started = Date.now();
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const seed: Seed = {
    run,
    managers: {
      kk: { email: `manager-${run}@qazaqmura.test`, name: 'Серікова Айгүл' },
      ru: { email: `manager-ru-${run}@qazaqmura.test`, name: 'Ахметова Анна Сергеевна' },
    },
    organisation: { bin: '150941000770', name: '«№ 7 мектеп-лицейі» КММ', email: `old-school-${run}@edu.test`, city: 'Алматы' },
    emailsFromClis: 0,
  };
  for (const locale of ['kk', 'ru'] as const) {
    const { email, name } = seed.managers[locale];
    // Kazakh is the CLI's default language: the kk manager is created without --locale.
    const out = await runCli(['manager', '--', 'create', '--email', email, '--name', name, ...(locale === 'ru' ? ['--locale', 'ru'] : [])], env);
    if (!out.includes(`Manager account created for ${email}`)) throw new Error(`npm run manager did not report the account:\n${out}`);
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'qm-e2e-csv-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const csv = path.join(dir, 'organisations.csv');
  const org = seed.organisation;
  writeFileSync(
    csv,
    [
      'bin,name,org_type,region,city,legal_address,email',
      // Quoted fields with commas and «» quotes, as a spreadsheet exports them.
      `${org.bin},"${org.name}",school,KZ-75,${org.city},"Алматы қ., Абай даңғылы, 10",${org.email}`,
    ].join('\r\n') + '\r\n',
    'utf8',
  );
  const out = await runCli(['orgs', '--', 'import', csv], env);
  if (!out.includes('Inserted: 1, updated: 0, unchanged: 0, rejected: 0')) throw new Error(`npm run orgs did not import the organisation:\n${out}`);
  seed.emailsFromClis = fake.received.length;
  console.error(`[e2e] npm run manager (×2) and npm run orgs done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return seed;
}

/** `npm run <args>` in the project with `env`; resolves with its output, rejects when it fails. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    // Its own process group: on a time-out, npm and the tsx process under it go together.
    const cli = spawn('npm', ['run', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let text = '';
    const collect = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
    };
    cli.stdout?.on('data', collect);
    cli.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      try {
        process.kill(-cli.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, CLI_TIMEOUT_MS);
    cli.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    cli.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(text);
      else reject(new Error(`npm run ${args.join(' ')} failed (${code ?? signal}):\n${text}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(server: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`next start exited (${server.exitCode ?? server.signalCode}) before answering. Its output:\n${output.join('\n')}`);
    }
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`next start did not answer GET ${url} within ${READY_TIMEOUT_MS / 1000} s (${lastError}). Its output:\n${output.join('\n')}`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (!server.pid || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!stopped) {
    signalGroup('SIGKILL');
    await exited;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserOptions = { locale?: string; javaScriptEnabled?: boolean };

/**
 * A fresh browser profile (its own cookies), with `fn` given its first page; the profile is closed
 * and deleted afterwards, whatever happens.
 */
export async function withBrowser<T>(
  options: BrowserOptions,
  fn: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'qm-e2e-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL: portal().baseUrl,
      locale: options.locale ?? 'en-US',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
    });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    const page = context.pages()[0] ?? (await context.newPage());
    return await fn(page, context);
  } finally {
    await context?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
