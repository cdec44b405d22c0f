import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { ReceivedEmail } from '../helpers/fake-resend';
import { portal, sleep } from './harness';
import { field, type Locale, type Texts } from './i18n';

/** An account a journey created, for the tests that build on it (sign-in errors, reset, headers). */
export type Account = { email: string; password: string };
export const accounts: Partial<Record<Locale, Account>> = {};

export function journeyAccount(locale: Locale): Account {
  const account = accounts[locale];
  if (!account) throw new Error(`This test needs the account of the ${locale} journey, which did not finish (see its failure above).`);
  return account;
}

/** Applications the journeys left behind: submitted ones (in the managers' queue) and drafts (private). */
export const applicationsMade: { submitted: { bin: string; orgName: string }[]; draftOrgNames: string[] } = { submitted: [], draftOrgNames: [] };

/** A work address nobody else uses, in lower case as the portal stores it. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@school12.edu.kz`;
}

/** Waits for the worker to hand an email for `to` (matching `match`) to the fake Resend. */
export async function waitForEmail(
  to: string,
  match: (email: ReceivedEmail) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = portal().fake.to(to).filter(match).at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = portal().fake.received.map((m) => `${m.body.to.join(',')}: ${m.body.subject}`);
      throw new Error(`No email for ${to} within ${timeoutMs / 1000} s. Emails received so far:\n${seen.join('\n') || '(none)'}`);
    }
    await sleep(100);
  }
}

/** The temporary password: the only line of the text body indented with four spaces. */
export function passwordFromEmail(email: ReceivedEmail): string {
  const lines = email.body.text.split('\n').filter((line) => /^ {4}\S/.test(line));
  assert.equal(lines.length, 1, `expected one indented password line in the email text:\n${email.body.text}`);
  return lines[0]!.slice(4);
}

/** A path (and query) of the page, e.g. `/kk/sign-in?reset=1`. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

export async function waitForPath(page: Page, path: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname + url.search === path, { timeout });
  } catch (error) {
    throw new Error(`expected to reach ${path}, but the page is at ${pathOf(page)}: ${(error as Error).message.split('\n')[0]}`);
  }
}

export async function signIn(page: Page, t: Texts, email: string, password: string): Promise<void> {
  await field(page, t('SignIn.email')).fill(email);
  await field(page, t('SignIn.password')).fill(password);
  await page.getByRole('button', { name: t('SignIn.submit'), exact: true }).click();
}

/** Fills a new password and its confirmation (set-password and reset-password forms). */
export async function fillNewPassword(page: Page, labels: { password: string; confirm: string }, password: string): Promise<void> {
  await field(page, labels.password).fill(password);
  await field(page, labels.confirm).fill(password);
}

/**
 * The texts a control's errors are announced with: the elements named by its aria-describedby, and
 * by that of the fieldset it sits in (radio groups and the consent checkbox).
 */
export async function describedTexts(control: Locator): Promise<string[]> {
  return control.evaluate((el) => {
    const ids = [el.getAttribute('aria-describedby'), el.closest('fieldset')?.getAttribute('aria-describedby')]
      .filter(Boolean)
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
  });
}

/** The field shows `message` as its error: visible, linked by aria-describedby, and aria-invalid. */
export async function assertFieldError(page: Page, control: Locator, message: string): Promise<void> {
  await page.getByText(message, { exact: true }).waitFor({ state: 'visible' });
  assert.equal(await control.getAttribute('aria-invalid'), 'true', `aria-invalid on the field with the error «${message}»`);
  const texts = await describedTexts(control);
  assert.ok(texts.includes(message), `the error «${message}» is not linked by aria-describedby; described by: ${JSON.stringify(texts)}`);
}

/** Waits until the element's trimmed text is exactly `expected` (statuses that a server action re-renders). */
export async function waitForTextOf(locator: Locator, expected: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  for (;;) {
    seen = (await locator.textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null))?.trim() ?? null;
    if (seen === expected) return;
    if (Date.now() > deadline) throw new Error(`expected the text «${expected}», but it is «${seen ?? '(no element)'}»`);
    await sleep(100);
  }
}

export type ApplicantOptions = {
  position?: 'director' | 'headOfLibrary' | 'librarian' | 'chiefAccountant' | 'deputyAcademic';
  orgType?: 'school' | 'college';
};

/**
 * A new applicant through the real forms: sign up, the emailed password, the own password; ends
 * signed in on the cabinet. Returns the account.
 */
export async function signUpApplicant(page: Page, locale: Locale, t: Texts, tag: string, options: ApplicantOptions = {}): Promise<Account> {
  const email = uniqueEmail(tag);
  const password = `Өз құпиясөзім ${randomBytes(3).toString('hex')} 2026!`;
  await page.goto(`/${locale}/sign-up`);
  await field(page, t('SignUp.email')).fill(email);
  await field(page, t('SignUp.position')).selectOption({ label: t(`Positions.${options.position ?? 'director'}`) });
  await page.getByRole('radio', { name: t(`OrgTypes.${options.orgType ?? 'school'}`), exact: true }).check();
  await page.getByRole('checkbox', { name: t('SignUp.consentLabel') }).check();
  await page.getByRole('button', { name: t('SignUp.submit'), exact: true }).click();
  await page.getByRole('heading', { name: t('SignUp.sentTitle') }).waitFor();
  const mail = await waitForEmail(email, (m) => m.body.subject === t('Email.tempPassword.subject'));

  await page.goto(`/${locale}/sign-in`);
  await signIn(page, t, email, passwordFromEmail(mail));
  await waitForPath(page, `/${locale}/set-password`);
  await fillNewPassword(page, { password: t('SetPassword.password'), confirm: t('SetPassword.confirm') }, password);
  await page.getByRole('button', { name: t('SetPassword.submit'), exact: true }).click();
  await waitForPath(page, `/${locale}/cabinet`);
  return { email, password };
}
