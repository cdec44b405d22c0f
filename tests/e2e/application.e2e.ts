import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { portal, withBrowser } from './harness';
import { applicationsMade, assertFieldError, pathOf, signUpApplicant, waitForEmail, waitForPath, waitForTextOf } from './flows';
import {
  applicationControl,
  applicationData,
  assertApplicationValues,
  fillApplication,
  FIELDS,
  SECTIONS,
  waitForSaved,
  type ApplicationData,
} from './application-form';
import { texts, type Locale } from './i18n';

type Case = { locale: Locale; bin: string; orgName: string; orgType: 'school' | 'college'; position: 'director' | 'headOfLibrary' };

/** One BIN per language: a BIN may be in flight in one application only. */
const CASES: Case[] = [
  { locale: 'kk', bin: '060340012341', orgName: '«№ 12 мектеп-гимназиясы» КММ', orgType: 'school', position: 'director' },
  { locale: 'ru', bin: '120740001801', orgName: 'ГККП «Карагандинский политехнический колледж»', orgType: 'college', position: 'headOfLibrary' },
];

const WRONG_IIN = '850315301234';
const RIGHT_IIN = '850315301235';

/** The BINs the first test of each language submitted, for the second applicant. */
const submitted: Partial<Record<Locale, string>> = {};

/** The applicant's part: the application form with autosave, its errors, the submission and the rule «one BIN, one registration». */
export function applicationTests() {
  describe('application: autosave → wrong IIN kept → submitted → status and timeline', () => {
    for (const c of CASES) {
      test(`/${c.locale}: fill, autosave, reload, fix the IIN, submit`, { timeout: 120_000 }, async () => {
        const t = texts(c.locale);
        const data = applicationData(c.locale, { bin: c.bin, orgName: c.orgName, librarianIin: WRONG_IIN });
        await withBrowser({}, async (page) => {
          const applicant = await signUpApplicant(page, c.locale, t, `app-${c.locale}`, { orgType: c.orgType, position: c.position });

          // From the cabinet to the form.
          await page.getByRole('main').getByRole('link', { name: t('Application.open'), exact: true }).click();
          await waitForPath(page, `/${c.locale}/cabinet/application`);
          await page.getByRole('heading', { level: 1, name: t('Application.title') }).waitFor();
          assert.ok(await page.getByRole('radio', { name: t(`OrgTypes.${c.orgType}`), exact: true }).isChecked(), 'the type chosen at sign-up is preselected');

          // Part of section 1, then the autosave.
          const part: Partial<ApplicationData> = { orgName: data.orgName, bin: data.bin, orgPhone: data.orgPhone };
          await fillApplication(page, t, part);
          await waitForSaved(page, t);
          await waitForTextOf(page.getByTestId('section1-completeness'), t('Application.completeness', { done: 3, total: SECTIONS.section1.length }));

          // A reload shows what was saved.
          await page.reload();
          await page.getByRole('heading', { level: 1, name: t('Application.title') }).waitFor();
          await assertApplicationValues(page, t, part);
          await assertApplicationValues(page, t, { orgEmail: '', city: '', librarianIin: '' });
          await waitForSaved(page, t);
          await waitForTextOf(page.getByTestId('section1-completeness'), t('Application.completeness', { done: 3, total: SECTIONS.section1.length }));

          // Everything else, with an IIN whose check digit is wrong.
          const rest = Object.fromEntries(FIELDS.filter((name) => !(name in part)).map((name) => [name, data[name]]));
          await fillApplication(page, t, rest);
          await page.getByRole('button', { name: t('Application.submit'), exact: true }).click();

          const iin = applicationControl(page, t, 'librarianIin');
          await assertFieldError(page, iin, t('Errors.iinChecksum'));
          await page.getByText(t('Application.fixErrors'), { exact: true }).waitFor();
          assert.equal(pathOf(page), `/${c.locale}/cabinet/application`);
          await assertApplicationValues(page, t, data);
          assert.ok(await page.getByRole('radio', { name: t(`OrgTypes.${c.orgType}`), exact: true }).isChecked());
          for (const name of FIELDS.filter((n) => n !== 'librarianIin')) {
            assert.equal(await applicationControl(page, t, name).getAttribute('aria-invalid'), null, `only the IIN is marked wrong, not ${name}`);
          }
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'librarianIin', 'the wrong field gets the focus');

          // The right IIN → submitted: the cabinet with the status and the timeline.
          await iin.fill(RIGHT_IIN);
          await page.getByRole('button', { name: t('Application.submit'), exact: true }).click();
          await waitForPath(page, `/${c.locale}/cabinet`);
          await waitForTextOf(page.getByTestId('application-status'), t('Status.submitted'));
          const timeline = page.getByTestId('timeline').locator('li');
          assert.equal(await timeline.count(), 2, 'the timeline: created, then submitted');
          const entry = (await timeline.nth(1).innerText()).trim();
          assert.ok(entry.startsWith(t('Status.submitted')), `the timeline entry: ${entry}`);
          assert.ok(entry.includes(t('Status.byApplicant')), `the timeline entry names the applicant: ${entry}`);
          await page.getByRole('link', { name: t('Application.view'), exact: true }).waitFor();
          submitted[c.locale] = c.bin;
          applicationsMade.submitted.push({ bin: c.bin, orgName: c.orgName });

          // The status email, in the applicant's language.
          const subject = t('Email.applicationStatus.subject', { status: t('Email.status.submitted') });
          const mail = await waitForEmail(applicant.email, (m) => m.body.subject === subject);
          assert.ok(mail.body.text.includes(t('Email.applicationStatus.submitted')), mail.body.text);
          assert.ok(mail.body.text.includes(`${portal().baseUrl}/${c.locale}/cabinet`), 'the email links to the cabinet');

          // The submitted application can be read, not edited.
          await page.goto(`/${c.locale}/cabinet/application`);
          await page.getByRole('heading', { name: t('Application.lockedSummary') }).waitFor();
          assert.equal(await applicationControl(page, t, 'bin').count(), 0, 'no form once submitted');
          await page.getByText(RIGHT_IIN, { exact: true }).waitFor();
        });
      });

      test(`/${c.locale}: a second applicant with the same BIN is told it is in progress and asks for a restore`, { timeout: 120_000 }, async () => {
        const t = texts(c.locale);
        const bin = submitted[c.locale];
        if (!bin) throw new Error(`This test needs the application submitted by the ${c.locale} test above, which did not finish.`);
        // The same BIN typed the way people type it; every other field different.
        const spaced = `${bin.slice(0, 4)} ${bin.slice(4, 8)} ${bin.slice(8)}`;
        const data = applicationData(c.locale, { bin: spaced, orgName: c.locale === 'kk' ? 'Басқа мектеп' : 'Другая школа', librarianIin: '900612300451' });
        await withBrowser({}, async (page) => {
          await signUpApplicant(page, c.locale, t, `app2-${c.locale}`, { orgType: c.orgType });
          await page.goto(`/${c.locale}/cabinet/application`);
          await fillApplication(page, t, data);
          await page.getByRole('button', { name: t('Application.submit'), exact: true }).click();

          await page.getByText(t('Application.binInProgress', { bin }), { exact: true }).waitFor();
          assert.equal(pathOf(page), `/${c.locale}/cabinet/application`);
          await assertApplicationValues(page, t, data);

          await page.getByRole('button', { name: t('Application.askRestore'), exact: true }).click();
          await page.getByText(t('Application.restoreRequested'), { exact: true }).waitFor();
          applicationsMade.draftOrgNames.push(data.orgName);
          assert.equal(await page.getByRole('button', { name: t('Application.askRestore'), exact: true }).count(), 0);

          // Nothing was submitted: the cabinet still shows the draft.
          await page.goto(`/${c.locale}/cabinet`);
          await waitForTextOf(page.getByTestId('application-status'), t('Status.draft'));
        });
      });
    }
  });
}
