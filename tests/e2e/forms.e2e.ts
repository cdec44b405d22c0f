import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { portal, sleep, withBrowser } from './harness';
import { assertFieldError, journeyAccount, pathOf, signIn, uniqueEmail } from './flows';
import { field, LOCALES, texts } from './i18n';

/** Wrong input is explained next to its field, and what the user typed stays in the form. */
export function formTests() {
  describe('bad input keeps what was typed', () => {
    for (const locale of LOCALES) {
      test(`/${locale}/sign-up: invalid email, position «other», no consent`, { timeout: 60_000 }, async () => {
        const t = texts(locale);
        const otherText = locale === 'kk' ? 'Кітапхана маманы (ғылыми бөлім)' : 'Специалист библиотеки (научный отдел)';
        await withBrowser({}, async (page) => {
          await page.goto(`/${locale}/sign-up`);
          const email = field(page, t('SignUp.email'));
          await email.fill('not-an-email');
          await field(page, t('SignUp.position')).selectOption({ label: t('Positions.other') });
          const other = field(page, t('SignUp.positionOther'));
          await other.fill(otherText);
          await page.getByRole('radio', { name: t('OrgTypes.college'), exact: true }).check();
          const consent = page.getByRole('checkbox', { name: t('SignUp.consentLabel') });
          await page.getByRole('button', { name: t('SignUp.submit'), exact: true }).click();

          await assertFieldError(page, email, t('Errors.emailInvalid'));
          await assertFieldError(page, consent, t('Errors.consentRequired'));
          assert.equal(await page.getByText(t('Errors.positionOtherRequired'), { exact: true }).count(), 0);

          assert.equal(await email.inputValue(), 'not-an-email');
          assert.equal(await field(page, t('SignUp.position')).inputValue(), 'other');
          assert.equal(await other.inputValue(), otherText);
          assert.ok(await page.getByRole('radio', { name: t('OrgTypes.college'), exact: true }).isChecked());
          assert.equal(await consent.isChecked(), false);
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'email', 'the first wrong field gets the focus');
          assert.equal(pathOf(page), `/${locale}/sign-up`);
        });
      });
    }

    test('/kk/sign-up without JavaScript: the server answers with the errors and the typed values', { timeout: 60_000 }, async () => {
      const t = texts('kk');
      const sentBefore = portal().fake.received.length;
      await withBrowser({ javaScriptEnabled: false }, async (page) => {
        await page.goto('/kk/sign-up');
        await field(page, t('SignUp.email')).fill('not-an-email');
        await field(page, t('SignUp.position')).selectOption({ label: t('Positions.librarian') });
        await page.getByRole('radio', { name: t('OrgTypes.school'), exact: true }).check();
        await page.getByRole('button', { name: t('SignUp.submit'), exact: true }).click();
        await page.waitForLoadState('load');

        const email = field(page, t('SignUp.email'));
        await assertFieldError(page, email, t('Errors.emailInvalid'));
        await assertFieldError(page, page.getByRole('checkbox', { name: t('SignUp.consentLabel') }), t('Errors.consentRequired'));
        assert.equal(await email.inputValue(), 'not-an-email');
        assert.equal(await field(page, t('SignUp.position')).inputValue(), 'librarian');
        assert.ok(await page.getByRole('radio', { name: t('OrgTypes.school'), exact: true }).isChecked());
      });
      await sleep(500);
      assert.equal(portal().fake.received.length, sentBefore, 'no email goes out for a refused form');
    });

    for (const locale of LOCALES) {
      test(`/${locale}/sign-in: a wrong password shows invalidCredentials and keeps the email`, { timeout: 60_000 }, async () => {
        const t = texts(locale);
        const known = journeyAccount(locale).email;
        const unknown = uniqueEmail(`nobody-${locale}`);
        await withBrowser({}, async (page) => {
          for (const address of [known, unknown]) {
            await page.goto(`/${locale}/sign-in`);
            await signIn(page, t, address, 'Wrong password 123!');
            const alert = page.getByRole('alert').getByText(t('Errors.invalidCredentials'), { exact: true });
            await alert.waitFor();
            assert.equal(await field(page, t('SignIn.email')).inputValue(), address);
            assert.equal(pathOf(page), `/${locale}/sign-in`);
          }
        });
      });
    }
  });
}
