import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { portal, sleep, withBrowser } from './harness';
import { accounts, fillNewPassword, journeyAccount, signIn, uniqueEmail, waitForEmail, waitForPath } from './flows';
import { field, texts } from './i18n';

/** A reset link by email, the same answer for unknown addresses, and single use. */
export function forgotPasswordTests() {
  describe('forgot password', () => {
    test('/ru: request a link, set a new password with it, sign in; the link then is invalid', { timeout: 90_000 }, async () => {
      const t = texts('ru');
      const account = journeyAccount('ru');
      const unknown = uniqueEmail('unknown-ru');
      const newPassword = 'Новый пароль после сброса — 2026 жыл';
      await withBrowser({}, async (page) => {
        const requestLink = async (email: string) => {
          await page.goto('/ru/forgot-password');
          await page.getByRole('heading', { level: 1, name: t('ForgotPassword.title') }).waitFor();
          await field(page, t('ForgotPassword.email')).fill(email);
          await page.getByRole('button', { name: t('ForgotPassword.submit'), exact: true }).click();
          await page.getByText(t('ForgotPassword.sentText', { email, minutes: 60 }), { exact: true }).waitFor();
          await page.getByRole('heading', { name: t('ForgotPassword.sentTitle') }).waitFor();
        };
        const sentBefore = portal().fake.to(account.email).length;
        await requestLink(account.email);
        // An unknown address gets the very same answer (and no email).
        await requestLink(unknown);

        const mail = await waitForEmail(account.email, (m) => m.body.subject === t('Email.passwordReset.subject'));
        assert.ok(portal().fake.to(account.email).length > sentBefore);
        const link = new RegExp(`${portal().baseUrl}/ru/reset-password/[A-Za-z0-9_-]+`).exec(mail.body.text)?.[0];
        assert.ok(link, `no reset link built from APP_URL in:\n${mail.body.text}`);

        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: t('ResetPassword.title') }).waitFor();
        await fillNewPassword(page, { password: t('ResetPassword.password'), confirm: t('ResetPassword.confirm') }, newPassword);
        await page.getByRole('button', { name: t('ResetPassword.submit'), exact: true }).click();
        await waitForPath(page, '/ru/sign-in?reset=1');
        await page.getByText(t('SignIn.resetDone'), { exact: true }).waitFor();

        // The old password is gone, the new one works.
        await signIn(page, t, account.email, account.password);
        await page.getByRole('alert').getByText(t('Errors.invalidCredentials'), { exact: true }).waitFor();
        await signIn(page, t, account.email, newPassword);
        await waitForPath(page, '/ru/cabinet');
        accounts.ru = { email: account.email, password: newPassword };

        // A used link is refused.
        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: t('ResetPassword.invalidTitle') }).waitFor();
        assert.equal(await field(page, t('ResetPassword.password')).count(), 0, 'no password form on a used link');

        // A notice of the change is emailed; nothing ever went to the unknown address.
        await waitForEmail(account.email, (m) => m.body.subject === t('Email.passwordChanged.subject'));
        await sleep(300);
        assert.equal(portal().fake.to(unknown).length, 0);
      });
    });
  });
}
