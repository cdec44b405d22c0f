/**
 * Browser tests against the production build (`npm run build` first), with node:test:
 * `npm run test:e2e`. One `next start` serves every test; the journeys run first because the
 * sign-in, header and password-reset tests use the accounts they create. Before the server starts,
 * the README's CLIs create the managers and import an organisation (see harness.ts).
 *
 * DATABASE_URL set: a throwaway database on that PostgreSQL server; unset: an embedded PGlite
 * folder. E2E_SERVER_LOG=1 streams the server's output.
 */
import { after, afterEach, before, describe } from 'node:test';
import { startPortal, stopPortal, portal } from './harness';
import { journeyTests } from './journey.e2e';
import { formTests } from './forms.e2e';
import { localeTests } from './locale.e2e';
import { securityTests } from './security.e2e';
import { forgotPasswordTests } from './forgot-password.e2e';
import { applicationTests } from './application.e2e';
import { managerTests } from './manager.e2e';
import { restoreTests } from './restore.e2e';
import { accessTests } from './access.e2e';

describe('QAZAQMURA portal (production build)', () => {
  before(
    async () => {
      const started = Date.now();
      const { baseUrl, dbKind } = await startPortal();
      console.error(`[e2e] next start at ${baseUrl} (${dbKind}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    { timeout: 120_000 },
  );
  after(stopPortal, { timeout: 60_000 });
  afterEach((t) => {
    if (!('passed' in t) || t.passed) return;
    try {
      console.error(`[e2e] «${t.name}» failed; the server's last output:\n${portal().serverOutput()}`);
    } catch {
      // the portal never started; startPortal's error says why
    }
  });

  journeyTests();
  formTests();
  localeTests();
  securityTests();
  forgotPasswordTests();
  applicationTests();
  managerTests();
  restoreTests();
  accessTests();
});
