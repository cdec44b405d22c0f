import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReceivedEmail } from '../helpers/fake-resend';
import { portal, sleep, withBrowser } from './harness';
import { fillNewPassword, signIn, uniqueEmail, waitForEmail, waitForPath } from './flows';
import { field, LOCALES, texts, type Locale, type Texts } from './i18n';
import { signInAsManager } from './staff';

/** A valid BIN nobody registered. */
const UNKNOWN_BIN = '090640012348';

type Visitor = { name: string; position: string; email: string; message: string };

function visitor(locale: Locale): Visitor {
  return locale === 'kk'
    ? { name: 'Омарова Гүлнар', position: 'Кітапхана меңгерушісі', email: uniqueEmail('visitor-kk'), message: 'Бұрынғы кітапханашы кетіп қалды, құпиясөз белгісіз.' }
    : { name: 'Смирнова Елена Викторовна', position: 'Заведующая библиотекой', email: uniqueEmail('visitor-ru'), message: 'Прежний библиотекарь уволился, пароль никто не знает.' };
}

/** The public form: fills and sends it, and waits for the answer (the same for every BIN). */
async function requestRestore(page: Page, locale: Locale, t: Texts, bin: string, who: Visitor): Promise<void> {
  await page.goto(`/${locale}/restore`);
  await page.getByRole('heading', { level: 1, name: t('Restore.title') }).waitFor();
  await field(page, t('Restore.bin')).fill(bin);
  await field(page, t('Restore.name')).fill(who.name);
  await field(page, t('Restore.position')).fill(who.position);
  await field(page, t('Restore.email')).fill(who.email);
  await field(page, t('Restore.message')).fill(who.message);
  await page.getByRole('button', { name: t('Restore.submit'), exact: true }).click();
  await page.getByRole('status').getByText(t('Restore.sentText'), { exact: true }).waitFor();
  await page.getByRole('heading', { name: t('Restore.sentTitle') }).waitFor();
}

const RESET_LINK = /\/(kk|ru)\/reset-password\/([A-Za-z0-9_-]+)/;

function isRestoreEmail(m: ReceivedEmail): boolean {
  return LOCALES.some((l) => m.body.subject === texts(l)('Email.restoreAccess.subject'));
}

/**
 * «Our organisation already uses QAZAQMURA»: the public request (the same answer for any BIN), the
 * manager's restore email that goes only to the address on file, the link that sets a password,
 * and the bulk send from the list of registered organisations.
 */
export function restoreTests() {
  describe('restore access of an organisation already in QAZAQMURA', () => {
    const sentFor: Partial<Record<Locale, Visitor>> = {};

    for (const locale of LOCALES) {
      test(`/${locale}/restore: a registered and an unknown BIN get the same answer`, { timeout: 60_000 }, async () => {
        const t = texts(locale);
        const who = visitor(locale);
        await withBrowser({}, async (page) => {
          await requestRestore(page, locale, t, portal().seed.organisation.bin, who);
          const known = await page.getByRole('main').innerText();
          await requestRestore(page, locale, t, UNKNOWN_BIN, who);
          assert.equal(await page.getByRole('main').innerText(), known, 'the answer does not tell which BIN is registered');
        });
        sentFor[locale] = who;
        await sleep(300);
        assert.equal(portal().fake.to(who.email).length, 0, 'nothing is emailed to the visitor');
      });
    }

    test('/ru: the manager sends the restore email; it goes only to the organisation, whose link sets a password', { timeout: 120_000 }, async () => {
      const t = texts('ru');
      const org = portal().seed.organisation;
      const who = sentFor.ru;
      if (!who) throw new Error('This test needs the /ru request of the test above, which did not finish.');
      assert.equal(portal().fake.to(org.email).length, 0, 'the import emailed nothing: an imported organisation gets in through a restore link');
      const before = portal().fake.received.length;

      let link = '';
      await withBrowser({}, async (page) => {
        await signInAsManager(page, 'ru');
        await page.getByRole('navigation').getByRole('link', { name: t('Manager.navRestore'), exact: true }).click();
        await waitForPath(page, '/ru/manager/restore');
        await page.getByRole('heading', { level: 1, name: t('Manager.restoreTitle') }).waitFor();

        // The visitor's two requests: the registered BIN is recognised, the unknown one is not.
        const requests = page.getByTestId('restore-request').filter({ hasText: who.email });
        const known = requests.filter({ hasText: org.bin });
        const unknown = requests.filter({ hasText: UNKNOWN_BIN });
        assert.equal(await known.count(), 1);
        assert.equal(await unknown.count(), 1);
        await known.getByText(t('Manager.restoreOrgFound', { name: org.name }), { exact: true }).waitFor();
        await known.getByText(who.message, { exact: true }).waitFor();
        await known.getByText(t('Manager.restoreSource_public'), { exact: false }).waitFor();
        await unknown.getByText(t('Manager.restoreOrgMissing'), { exact: true }).waitFor();
        assert.equal(await unknown.getByRole('button', { name: t('Manager.sendRestore'), exact: true }).count(), 0, 'no send button without a registered organisation');

        await known.getByRole('button', { name: t('Manager.sendRestore'), exact: true }).click();
        // The request is closed by the send and leaves the list of open requests.
        await known.waitFor({ state: 'detached' });
        assert.equal(await unknown.count(), 1, 'the other request stays open');
      });

      // The email goes to the address on file, never to the visitor's.
      const mail = await waitForEmail(org.email, isRestoreEmail);
      await sleep(300);
      const restoreEmails = portal().fake.received.slice(before).filter(isRestoreEmail);
      assert.deepEqual(restoreEmails.map((m) => m.body.to), [[org.email]], 'one restore email, to the organisation only');
      assert.equal(portal().fake.to(who.email).length, 0, 'nothing to the visitor');
      const match = RESET_LINK.exec(mail.body.text);
      assert.ok(match, `no reset link in:\n${mail.body.text}`);
      const linkLocale = match[1] as Locale;
      const lt = texts(linkLocale);
      // The email is in the organisation account's language (imported accounts have the default, kk).
      assert.equal(mail.body.subject, lt('Email.restoreAccess.subject'));
      assert.ok(mail.body.text.includes(lt('Email.restoreAccess.intro', { organisation: org.name })), mail.body.text);
      link = `${portal().baseUrl}${match[0]}`;
      assert.ok(mail.body.text.includes(link), 'the link is built from APP_URL');

      // The link sets a password; the organisation signs in with it.
      const password = 'Ескі мектептің жаңа құпиясөзі 2026';
      await withBrowser({}, async (page) => {
        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: lt('ResetPassword.title') }).waitFor();
        await fillNewPassword(page, { password: lt('ResetPassword.password'), confirm: lt('ResetPassword.confirm') }, password);
        await page.getByRole('button', { name: lt('ResetPassword.submit'), exact: true }).click();
        await waitForPath(page, `/${linkLocale}/sign-in?reset=1`);
        await signIn(page, lt, org.email, password);
        await waitForPath(page, `/${linkLocale}/organisation`);
        await page.getByRole('heading', { level: 1, name: lt('Organisation.title') }).waitFor();
        const shown = await page.getByTestId('organisation-data').innerText();
        assert.ok(shown.includes(org.name) && shown.includes(org.bin), `the imported organisation's data:\n${shown}`);
        assert.ok(shown.includes(org.city), `the imported city:\n${shown}`);

        // The link was single-use.
        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: lt('ResetPassword.invalidTitle') }).waitFor();
      });
    });

    test('/ru/manager/organisations: find by BIN prefix or name, tick, send: one result line per organisation', { timeout: 90_000 }, async () => {
      const t = texts('ru');
      const org = portal().seed.organisation;
      const before = portal().fake.to(org.email).filter(isRestoreEmail).length;
      await withBrowser({}, async (page) => {
        await signInAsManager(page, 'ru');
        await page.goto(`/ru/manager/organisations?q=${org.bin.slice(0, 6)}`);
        await page.getByRole('heading', { level: 1, name: t('Manager.organisationsTitle') }).waitFor();
        const checkbox = page.getByRole('checkbox', { name: t('Manager.selectOrg', { name: org.name }), exact: true });
        await checkbox.waitFor();
        await page.getByText(`${t('Manager.orgEmail')}: ${org.email}`, { exact: false }).waitFor();

        // The same organisation by a part of its name typed in another case, through the search form.
        const search = page.getByRole('textbox', { name: t('Manager.orgSearchHint') });
        await search.fill('МЕКТЕП-ЛИЦЕЙІ');
        await page.getByRole('button', { name: t('Manager.orgFind'), exact: true }).click();
        await page.waitForURL((url) => url.searchParams.get('q') === 'МЕКТЕП-ЛИЦЕЙІ');
        await checkbox.check();
        const ticked = await page.getByRole('checkbox', { checked: true }).count();
        await page.getByRole('button', { name: t('Manager.orgSendSelected'), exact: true }).click();

        const results = page.getByTestId('restore-results').locator('li');
        await results.first().waitFor();
        assert.equal(await results.count(), ticked, 'one result line per ticked organisation');
        assert.equal((await results.first().innerText()).trim(), `${org.name}: ${t('Manager.outcome_sent')}`);
      });
      const deadline = Date.now() + 20_000;
      while (portal().fake.to(org.email).filter(isRestoreEmail).length === before) {
        if (Date.now() > deadline) throw new Error('no restore email for the ticked organisation');
        await sleep(100);
      }
    });
  });
}
