import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { portal, withBrowser } from './harness';
import {
  accounts,
  assertFieldError,
  fillNewPassword,
  passwordFromEmail,
  pathOf,
  signIn,
  uniqueEmail,
  waitForEmail,
  waitForPath,
} from './flows';
import { field, texts, type Locale } from './i18n';

type Case = {
  locale: Locale;
  position: 'headOfLibrary' | 'chiefAccountant';
  orgType: 'school' | 'college';
  /** The user's own password: Kazakh letters and spaces must work. */
  ownPassword: string;
};

const CASES: Case[] = [
  { locale: 'kk', position: 'headOfLibrary', orgType: 'school', ownPassword: 'Менің құпия сөзім 2026 жыл!' },
  { locale: 'ru', position: 'chiefAccountant', orgType: 'college', ownPassword: 'Мой пароль: Әлем құпиясы 2026!' },
];

/**
 * The main requirement: sign up, receive the password by email, sign in, replace the emailed
 * password, see the cabinet, sign out, sign in again.
 */
export function journeyTests() {
  describe('journey: sign up → emailed password → own password → cabinet', () => {
    for (const c of CASES) {
      test(`/${c.locale}`, { timeout: 120_000 }, async () => {
        const t = texts(c.locale);
        const email = uniqueEmail(`journey-${c.locale}`);
        await withBrowser({}, async (page) => {
          // Landing → «Тіркелу» / «Регистрация».
          await page.goto(`/${c.locale}`);
          await page.getByRole('heading', { level: 1, name: t('Landing.title') }).waitFor();
          await page.getByRole('main').getByRole('link', { name: t('Common.signUp'), exact: true }).click();
          await waitForPath(page, `/${c.locale}/sign-up`);
          await page.getByRole('heading', { level: 1, name: t('SignUp.title') }).waitFor();

          // The sign-up form.
          await field(page, t('SignUp.email')).fill(email);
          await field(page, t('SignUp.position')).selectOption({ label: t(`Positions.${c.position}`) });
          await page.getByRole('radio', { name: t(`OrgTypes.${c.orgType}`), exact: true }).check();
          await page.getByRole('checkbox', { name: t('SignUp.consentLabel') }).check();
          await page.getByRole('button', { name: t('SignUp.submit'), exact: true }).click();

          await page.getByText(t('SignUp.sentText', { email, hours: 72 }), { exact: true }).waitFor();
          await page.getByRole('heading', { name: t('SignUp.sentTitle') }).waitFor();

          // The email, in the visitor's language, through the fake Resend.
          const mail = await waitForEmail(email);
          assert.equal(mail.body.subject, t('Email.tempPassword.subject'));
          assert.equal(mail.body.from, 'QAZAQMURA <no-reply@portal.test>');
          assert.equal(mail.authorization, 'Bearer re_test');
          assert.ok(mail.body.text.includes(`${portal().baseUrl}/${c.locale}/sign-in`), 'the email links to the sign-in page');
          const tempPassword = passwordFromEmail(mail);
          assert.ok(mail.body.html.includes(tempPassword), 'the HTML version shows the same password');

          // Sign in with the emailed password → the forced password change.
          await page.getByRole('link', { name: t('SignUp.goSignIn') }).click();
          await waitForPath(page, `/${c.locale}/sign-in`);
          await signIn(page, t, email, tempPassword);
          await waitForPath(page, `/${c.locale}/set-password`);
          await page.getByRole('heading', { level: 1, name: t('SetPassword.title') }).waitFor();

          // The emailed password may not be kept.
          const labels = { password: t('SetPassword.password'), confirm: t('SetPassword.confirm') };
          await fillNewPassword(page, labels, tempPassword);
          await page.getByRole('button', { name: t('SetPassword.submit'), exact: true }).click();
          await assertFieldError(page, field(page, labels.password), t('Errors.passwordSameAsOld'));
          assert.equal(pathOf(page), `/${c.locale}/set-password`);

          // An own password with Kazakh letters → the cabinet.
          await fillNewPassword(page, labels, c.ownPassword);
          await page.getByRole('button', { name: t('SetPassword.submit'), exact: true }).click();
          await waitForPath(page, `/${c.locale}/cabinet`);
          await assertCabinet(c, email);

          // Sign out → the landing page; the cabinet now sends to sign-in.
          await page.getByRole('button', { name: t('Common.signOut'), exact: true }).click();
          await waitForPath(page, `/${c.locale}`);
          await page.getByRole('heading', { level: 1, name: t('Landing.title') }).waitFor();
          await page.getByRole('banner').getByRole('link', { name: t('Common.signIn'), exact: true }).waitFor();
          await page.goto(`/${c.locale}/cabinet`);
          await waitForPath(page, `/${c.locale}/sign-in`);

          // The emailed password no longer works; the own one does.
          await signIn(page, t, email, tempPassword);
          await page.getByRole('alert').getByText(t('Errors.invalidCredentials'), { exact: true }).waitFor();
          await signIn(page, t, email, c.ownPassword);
          await waitForPath(page, `/${c.locale}/cabinet`);
          await assertCabinet(c, email);
          accounts[c.locale] = { email, password: c.ownPassword };

          async function assertCabinet(cc: Case, address: string) {
            await page.getByRole('heading', { level: 1, name: t('Cabinet.title') }).waitFor();
            assert.equal((await page.getByTestId('cabinet-email').textContent())?.trim(), address);
            assert.equal((await page.getByTestId('cabinet-position').textContent())?.trim(), t(`Positions.${cc.position}`));
            assert.equal((await page.getByTestId('cabinet-org-type').textContent())?.trim(), t(`OrgTypes.${cc.orgType}`));
            assert.equal(await page.locator('html').getAttribute('lang'), cc.locale);
          }
        });
      });
    }
  });
}
