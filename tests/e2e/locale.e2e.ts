import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { withBrowser } from './harness';
import { waitForPath } from './flows';
import { texts } from './i18n';

async function localeCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((c) => c.name === 'NEXT_LOCALE')?.value;
}

/** Kazakh by default, Russian for Russian browsers, and the visitor's own choice is remembered. */
export function localeTests() {
  describe('language', () => {
    test('the switcher opens the same page in the other language and the choice is remembered', { timeout: 60_000 }, async () => {
      const kk = texts('kk');
      const ru = texts('ru');
      await withBrowser({ locale: 'en-US' }, async (page, context) => {
        await page.goto('/kk/sign-in');
        await page.getByRole('heading', { level: 1, name: kk('SignIn.title') }).waitFor();
        await page.getByRole('link', { name: 'Русский', exact: true }).click();
        await waitForPath(page, '/ru/sign-in');
        await page.getByRole('heading', { level: 1, name: ru('SignIn.title') }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
        assert.equal(await localeCookie(context), 'ru');

        // Back at `/`, the choice wins over the browser's English (which would give Kazakh).
        await page.goto('/');
        await waitForPath(page, '/ru');
        await page.getByRole('heading', { level: 1, name: ru('Landing.title') }).waitFor();

        // And the other way round.
        await page.getByRole('link', { name: 'Қазақша', exact: true }).click();
        await waitForPath(page, '/kk');
        await page.getByRole('heading', { level: 1, name: kk('Landing.title') }).waitFor();
        assert.equal(await localeCookie(context), 'kk');
        await page.goto('/');
        await waitForPath(page, '/kk');
      });
    });

    test('`/` follows the browser language: Russian → /ru, others → /kk', { timeout: 60_000 }, async () => {
      for (const [browserLocale, expected] of [
        ['ru-RU', 'ru'],
        ['en-US', 'kk'],
        ['kk-KZ', 'kk'],
      ] as const) {
        await withBrowser({ locale: browserLocale }, async (page) => {
          await page.goto('/');
          await waitForPath(page, `/${expected}`);
          await page.getByRole('heading', { level: 1, name: texts(expected)('Landing.title') }).waitFor();
        });
      }
    });
  });
}
