import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { portal } from './harness';
import { fillNewPassword, passwordFromEmail, pathOf, signIn, waitForEmail, waitForPath } from './flows';
import { texts, type Locale } from './i18n';

/** The own passwords the CLI-created managers chose at their first sign-in. */
const managerPasswords: Partial<Record<Locale, string>> = {};

const OWN_PASSWORD: Record<Locale, string> = {
  kk: 'Менеджердің өз құпиясөзі — 2026 жыл!',
  ru: 'Свой пароль менеджера: Әлем 2026!',
};

/**
 * The first sign-in of the manager the CLI created for `locale`: the password from its email
 * (in that language), the forced change, then the queue at /<locale>/manager.
 */
export async function firstManagerSignIn(page: Page, locale: Locale): Promise<void> {
  assert.equal(managerPasswords[locale], undefined, `the ${locale} manager already chose a password`);
  const t = texts(locale);
  const { email } = portal().seed.managers[locale];
  const mail = await waitForEmail(email, () => true, 5_000);
  assert.ok(portal().fake.received.indexOf(mail) < portal().seed.emailsFromClis, 'the CLI itself delivered the email, before the server started');
  assert.equal(mail.body.subject, t('Email.tempPassword.subjectManager'), 'the CLI emailed the manager in the chosen language');
  assert.ok(mail.body.text.includes(`${portal().baseUrl}/${locale}/sign-in`), 'the CLI built the sign-in link from APP_URL');
  const tempPassword = passwordFromEmail(mail);

  await page.goto(`/${locale}/sign-in`);
  await signIn(page, t, email, tempPassword);
  await waitForPath(page, `/${locale}/set-password`);
  // The queue is not reachable before the password is changed.
  await page.goto(`/${locale}/manager`);
  await waitForPath(page, `/${locale}/set-password`);
  await fillNewPassword(page, { password: t('SetPassword.password'), confirm: t('SetPassword.confirm') }, OWN_PASSWORD[locale]);
  await page.getByRole('button', { name: t('SetPassword.submit'), exact: true }).click();
  await waitForPath(page, `/${locale}/manager`);
  managerPasswords[locale] = OWN_PASSWORD[locale];
  await page.getByRole('heading', { level: 1, name: t('Manager.queueTitle') }).waitFor();
}

/** Signs the `locale` manager in (doing the first sign-in if no test did it yet); ends on the queue. */
export async function signInAsManager(page: Page, locale: Locale): Promise<void> {
  const password = managerPasswords[locale];
  if (!password) return firstManagerSignIn(page, locale);
  const t = texts(locale);
  await page.goto(`/${locale}/sign-in`);
  await signIn(page, t, portal().seed.managers[locale].email, password);
  await waitForPath(page, `/${locale}/manager`);
  assert.equal(pathOf(page), `/${locale}/manager`);
}
