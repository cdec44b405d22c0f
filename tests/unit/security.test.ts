import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/security/client-ip';
import { decryptSecret, encryptSecret, hashToken, keyedHash, newToken } from '@/lib/security/crypto';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { resetTokenField } from '@/lib/validation/password';

describe('encryptSecret / decryptSecret', () => {
  it.each(['Kt7mzQ2vLpXa9R', 'Менің кітапханам 2026 жылы ашылды — Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі', '', 'x'.repeat(10_000)])('round-trips %#', (plain) => {
    const sealed = encryptSecret(plain);
    expect(decryptSecret(sealed)).toBe(plain);
  });

  it('hides the plain text and uses URL-safe base64', () => {
    const sealed = encryptSecret('Kt7mzQ2vLpXa9R');
    expect(sealed).not.toContain('Kt7mzQ2vLpXa9R');
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    // 12-byte IV + 16-byte tag + 14 bytes of ciphertext.
    expect(Buffer.from(sealed, 'base64url')).toHaveLength(12 + 16 + 14);
  });

  it('gives a different output each time for the same text', () => {
    const a = encryptSecret('same text');
    const b = encryptSecret('same text');
    expect(a).not.toBe(b);
    expect(decryptSecret(a)).toBe(decryptSecret(b));
  });

  it('refuses a sealed value with any byte changed', () => {
    const raw = Buffer.from(encryptSecret('Kt7mzQ2vLpXa9R'), 'base64url');
    for (const index of [0, 11, 12, 27, 28, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[index]! ^= 0x01;
      expect(() => decryptSecret(tampered.toString('base64url')), `byte ${index}`).toThrow();
    }
  });

  it('refuses a truncated value', () => {
    const sealed = encryptSecret('Kt7mzQ2vLpXa9R');
    expect(() => decryptSecret(sealed.slice(0, -4))).toThrow();
    expect(() => decryptSecret('')).toThrow();
  });
});

describe('tokens', () => {
  it('newToken gives 256 random bits as base64url and its SHA-256', () => {
    const { token, hash } = newToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashToken is SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken().token));
    expect(tokens.size).toBe(1000);
  });

  it('passes the reset-link token format', () => {
    expect(resetTokenField.safeParse(newToken().token).success).toBe(true);
  });
});

describe('keyedHash', () => {
  it('is stable for the same input', () => {
    expect(keyedHash('director@school12.edu.kz')).toBe(keyedHash('director@school12.edu.kz'));
  });

  it('differs per input and hides it', () => {
    const a = keyedHash('director@school12.edu.kz');
    expect(a).not.toBe(keyedHash('director@school13.edu.kz'));
    expect(a).not.toBe(keyedHash('Director@school12.edu.kz'));
    expect(a).not.toContain('director');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is keyed: not the plain SHA-256 of the input', () => {
    const plain = Buffer.from(hashToken('10.0.0.1'), 'hex').toString('base64url');
    expect(keyedHash('10.0.0.1')).not.toBe(plain);
  });
});

describe('clientIp', () => {
  it('takes the last X-Forwarded-For entry, the one our proxy added', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': 'forged, 203.0.113.7 ', 'x-real-ip': '198.51.100.1' }))).toBe('203.0.113.7');
  });

  it('skips empty entries', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.7, ,' }))).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, then to "unknown"', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientIp(new Headers({ 'x-forwarded-for': ' , ', 'x-real-ip': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientIp(new Headers())).toBe('unknown');
  });

  it('keeps at most 64 characters', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': 'a'.repeat(500) }))).toHaveLength(64);
  });
});

describe('contentSecurityPolicy', () => {
  const nonce = 'bm9uY2UtZm9yLXRlc3Rz';
  const directives = (policy: string) =>
    new Map(
      policy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values];
      }),
    );
  const production = directives(contentSecurityPolicy(nonce, false));

  it('forbids framing, plugins, base changes and foreign form targets', () => {
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'self'"]);
    expect(production.get('form-action')).toEqual(["'self'"]);
    expect(production.get('default-src')).toEqual(["'self'"]);
  });

  it('runs scripts only with the nonce, no inline or eval', () => {
    const scripts = production.get('script-src')!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain('*');
  });

  it('uses this request’s nonce', () => {
    expect(contentSecurityPolicy('other-nonce', false)).toContain("'nonce-other-nonce'");
    expect(contentSecurityPolicy('other-nonce', false)).not.toContain(nonce);
  });

  it("adds 'unsafe-eval' (and websockets) in development only", () => {
    const dev = directives(contentSecurityPolicy(nonce, true));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('script-src')).not.toContain("'unsafe-inline'");
    expect(dev.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('connect-src')).toEqual(["'self'"]);
  });

  it('upgrades insecure requests only over HTTPS', () => {
    expect(contentSecurityPolicy(nonce, false, true)).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy(nonce, false, false)).not.toContain('upgrade-insecure-requests');
  });
});
