import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const isProduction = process.env.NODE_ENV === 'production';

let secret: string | undefined;

/**
 * AUTH_SECRET signs sessions and derives the outbox encryption key. Production refuses to
 * run without it; development creates one once and keeps it in .data/auth-secret.
 */
export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return (secret = fromEnv);
  if (isProduction) throw new ConfigError('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment.');
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  secret = readFileSync(file, 'utf8').trim();
  process.env.AUTH_SECRET = secret;
  return secret;
}

/** The public address of the portal; every link in an email is built from it. */
export function appUrl(): string {
  const url = process.env.APP_URL ?? (isProduction ? undefined : 'http://localhost:3000');
  if (!url) throw new ConfigError('APP_URL is not set (the public address of the portal, e.g. https://register.qazaqmura.kz).');
  return url.replace(/\/+$/, '');
}

export function emailFrom(): string {
  const from = process.env.EMAIL_FROM ?? (isProduction ? undefined : 'QAZAQMURA <no-reply@localhost>');
  if (!from) throw new ConfigError('EMAIL_FROM is not set (e.g. "QAZAQMURA <no-reply@qazaqmura.kz>").');
  return from;
}

/** Resend's API key; with none, development keeps emails in the dev mailbox instead. */
export function resendApiKey(): string | undefined {
  const key = process.env.RESEND_API_KEY || undefined;
  if (!key && isProduction) throw new ConfigError('RESEND_API_KEY is not set: production cannot send email without it.');
  return key;
}

export function tempPasswordHours(): number {
  const hours = Number(process.env.TEMP_PASSWORD_HOURS ?? 72);
  return Number.isFinite(hours) && hours > 0 ? hours : 72;
}

/** Checks every setting production needs; called once at start-up. */
export function assertProductionConfig(): void {
  if (!isProduction) return;
  authSecret();
  appUrl();
  emailFrom();
  resendApiKey();
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
