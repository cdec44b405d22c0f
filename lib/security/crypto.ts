import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/env';

function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'qazaqmura', purpose, 32));
}

/** AES-256-GCM with a key derived from AUTH_SECRET; output is base64url(iv | tag | ciphertext). */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key('outbox-secret'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function decryptSecret(sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key('outbox-secret'), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A keyed hash for rate-limit keys, so that no raw email or IP address is stored. */
export function keyedHash(value: string): string {
  return createHmac('sha256', key('rate-limit')).update(value).digest('base64url');
}

/** A URL-safe single-use token with 256 random bits, and its SHA-256 for storage. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
