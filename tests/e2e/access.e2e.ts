import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { portal, withBrowser } from './harness';
import { applicationsMade, journeyAccount, pathOf, signIn, waitForPath } from './flows';
import { LOCALES, texts } from './i18n';
import { signInAsManager } from './staff';

type Download = { status: number; contentType: string; disposition: string; bytes: number[]; text: string };

/** GET from inside the page, so that the browser's own cookies (HttpOnly, __Secure-) go with it. */
function download(page: Page, path: string): Promise<Download> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { redirect: 'manual' });
    const buffer = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
      bytes: Array.from(buffer.slice(0, 3)),
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer),
    };
  }, path);
}

/** The manager console is for managers only; its CSV export too. */
export function accessTests() {
  describe('access to the manager console', () => {
    test('an applicant is sent away from /manager, and the export answers 404 without a manager session', { timeout: 60_000 }, async () => {
      const account = journeyAccount('kk');
      for (const locale of LOCALES) {
        const response = await fetch(`${portal().baseUrl}/${locale}/manager/export`, { redirect: 'manual' });
        assert.equal(response.status, 404, `signed out: /${locale}/manager/export`);
      }
      await withBrowser({}, async (page) => {
        await page.goto('/kk/sign-in');
        await signIn(page, texts('kk'), account.email, account.password);
        await waitForPath(page, '/kk/cabinet');
        for (const locale of LOCALES) {
          const t = texts(locale);
          for (const path of ['/manager', '/manager/restore', '/manager/organisations', '/manager/overview']) {
            await page.goto(`/${locale}${path}`);
            await waitForPath(page, `/${locale}`);
            assert.equal(await page.getByRole('heading', { name: t('Manager.queueTitle') }).count(), 0, `no queue for an applicant at ${path}`);
          }
          const csv = await download(page, `/${locale}/manager/export`);
          assert.equal(csv.status, 404, `an applicant's session: /${locale}/manager/export`);
          assert.doesNotMatch(csv.contentType, /text\/csv/);
        }
        // Still signed in as the applicant: being sent away did not end the session.
        await page.goto('/kk/cabinet');
        assert.equal(pathOf(page), '/kk/cabinet');
      });
    });

    test('a manager downloads the queue as UTF-8 CSV with a BOM', { timeout: 60_000 }, async () => {
      const t = texts('ru');
      await withBrowser({}, async (page) => {
        await signInAsManager(page, 'ru');
        const csv = await download(page, '/ru/manager/export');
        assert.equal(csv.status, 200);
        assert.match(csv.contentType, /^text\/csv\b/);
        assert.match(csv.contentType, /charset=utf-8/i);
        assert.match(csv.disposition, /^attachment; filename="qazaqmura-applications-\d{4}-\d{2}-\d{2}\.csv"$/);
        assert.deepEqual(csv.bytes, [0xef, 0xbb, 0xbf], 'the file starts with the UTF-8 BOM (Excel reads Cyrillic and Kazakh letters)');
        const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
        assert.ok(lines[0]!.startsWith(`${t('Manager.colName')},${t('Manager.colBin')},`), `the header row: ${lines[0]}`);
        // Every application the journeys above submitted is a row (with its BIN); drafts stay private.
        for (const { bin, orgName } of applicationsMade.submitted) {
          const row = lines.find((line) => line.includes(`,${bin},`));
          assert.ok(row, `no row for ${bin} in:\n${lines.join('\n')}`);
          assert.ok(row.includes(orgName.replace(/"/g, '""')), `the row names the organisation: ${row}`);
        }
        for (const name of applicationsMade.draftOrgNames) assert.ok(!csv.text.includes(name), `a draft (${name}) is not exported`);
        assert.equal(lines.length - 1, applicationsMade.submitted.length, 'one row per submitted application');
      });
    });
  });
}
