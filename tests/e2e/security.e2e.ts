import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { portal, withBrowser } from './harness';
import { journeyAccount, signIn, waitForPath } from './flows';
import { texts } from './i18n';

function nonceOf(csp: string): string {
  const match = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
  assert.ok(match, `no nonce in the CSP: ${csp}`);
  return match[1]!;
}

/** The headers a browser relies on, checked on the production server. */
export function securityTests() {
  describe('security headers', () => {
    test('pages: CSP with a per-request nonce and no framing, nosniff, referrer policy', async () => {
      const response = await fetch(`${portal().baseUrl}/kk`);
      assert.equal(response.status, 200);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-eval/, 'production allows no eval');
      const nonce = nonceOf(csp);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(response.headers.get('referrer-policy'), 'a referrer-policy header');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('x-powered-by'), null);

      // Every script of the page carries this request's nonce, and the next request gets another.
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0, 'the page has scripts');
      for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `a script without the nonce: ${tag}`);
      const again = await fetch(`${portal().baseUrl}/kk`);
      assert.notEqual(nonceOf(again.headers.get('content-security-policy') ?? ''), nonce, 'a fresh nonce per request');
    });

    test('the developer mailbox does not exist in production', async () => {
      for (const path of ['/kk/dev/mailbox', '/ru/dev/mailbox', '/kk/dev/mailbox/1']) {
        const response = await fetch(`${portal().baseUrl}${path}`, { redirect: 'manual' });
        assert.equal(response.status, 404, path);
      }
    });

    test('the cabinet: a signed-out visitor is sent to sign in', async () => {
      const response = await fetch(`${portal().baseUrl}/kk/cabinet`, { redirect: 'manual' });
      assert.ok([303, 307, 308].includes(response.status), `status ${response.status}`);
      assert.equal(new URL(response.headers.get('location') ?? '', portal().baseUrl).pathname, '/kk/sign-in');
    });

    test('signed in: the cabinet is not cached and the session cookie is HttpOnly, SameSite=Lax, Secure', { timeout: 60_000 }, async () => {
      const account = journeyAccount('kk');
      const t = texts('kk');
      await withBrowser({}, async (page, context) => {
        await page.goto('/kk/sign-in');
        await signIn(page, t, account.email, account.password);
        await waitForPath(page, '/kk/cabinet');

        const response = await page.goto('/kk/cabinet');
        assert.ok(response, 'a response for the cabinet');
        assert.equal(response.status(), 200);
        const cacheControl = response.headers()['cache-control'] ?? '';
        assert.match(cacheControl, /\bprivate\b/, `cache-control: ${cacheControl}`);
        assert.match(cacheControl, /\bno-store\b/, `cache-control: ${cacheControl}`);
        assert.equal((await page.getByTestId('cabinet-email').textContent())?.trim(), account.email);

        const cookies = await context.cookies();
        const session = cookies.find((c) => /authjs\.session-token/.test(c.name));
        assert.ok(session, `a session cookie; cookies: ${cookies.map((c) => c.name).join(', ')}`);
        assert.equal(session.httpOnly, true, 'HttpOnly');
        assert.equal(session.sameSite, 'Lax', 'SameSite=Lax');
        assert.equal(session.secure, true, 'Secure (production)');
        assert.ok(session.name.startsWith('__Secure-'), session.name);
        assert.equal(await page.evaluate(() => document.cookie.includes('session-token')), false, 'not readable from scripts');
      });
    });
  });
}
