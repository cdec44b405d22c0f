import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatPhone, parseKzPhone } from '@/lib/validation/phone';
import { portal, withBrowser } from './harness';
import {
  applicationsMade,
  fillNewPassword,
  passwordFromEmail,
  pathOf,
  signIn,
  signUpApplicant,
  uniqueEmail,
  waitForEmail,
  waitForPath,
  waitForTextOf,
} from './flows';
import { applicationControl, applicationData, assertApplicationValues, fillApplication } from './application-form';
import { field, texts, type Locale } from './i18n';
import { firstManagerSignIn } from './staff';

type Case = { locale: Locale; bin: string; orgName: string; iin: string; comment: string; fixedPhone: string; orgPassword: string };

const CASES: Case[] = [
  {
    locale: 'kk',
    bin: '070440012347',
    orgName: '«№ 34 жалпы білім беретін мектеп» КММ',
    iin: '900612300451',
    comment: 'Ұйымның телефоны қате: мектептің қабылдау бөлмесінің нөмірін көрсетіңіз.',
    fixedPhone: '+7 702 555 44 33',
    orgPassword: 'Мектептің жаңа құпиясөзі 2026!',
  },
  {
    locale: 'ru',
    bin: '080540012342',
    orgName: 'ГККП «Колледж связи № 2»',
    iin: '881122400567',
    comment: 'Неверный телефон организации: укажите номер приёмной.',
    fixedPhone: '8 (7272) 44 55 66',
    orgPassword: 'Новый пароль колледжа — 2026 жыл!',
  },
];

function masked(iin: string): string {
  return `${iin.slice(0, 2)}${'*'.repeat(iin.length - 4)}${iin.slice(-2)}`;
}

/**
 * The manager's side with the applicant's answer: the CLI-made manager's first sign-in, the queue
 * search, the masked IIN, a request for changes, the resubmission, the approval, and the
 * organisation's own account opened by it.
 */
export function managerTests() {
  describe('manager round trip: review → changes → resubmit → approve → organisation account', () => {
    for (const c of CASES) {
      test(`/${c.locale}`, { timeout: 180_000 }, async () => {
        const t = texts(c.locale);
        const data = applicationData(c.locale, { bin: c.bin, orgName: c.orgName, librarianIin: c.iin, librarianEmail: uniqueEmail(`librarian-${c.locale}`) });
        const manager = portal().seed.managers[c.locale];

        await withBrowser({}, async (applicantPage) => {
          // The applicant submits a complete application.
          const applicant = await signUpApplicant(applicantPage, c.locale, t, `mgr-applicant-${c.locale}`);
          await applicantPage.goto(`/${c.locale}/cabinet/application`);
          await fillApplication(applicantPage, t, data);
          await applicantPage.getByRole('button', { name: t('Application.submit'), exact: true }).click();
          await waitForPath(applicantPage, `/${c.locale}/cabinet`);
          await waitForTextOf(applicantPage.getByTestId('application-status'), t('Status.submitted'));
          applicationsMade.submitted.push({ bin: c.bin, orgName: c.orgName });

          await withBrowser({}, async (page) => {
            // The manager made by `npm run manager`: emailed password → own password → the queue.
            await firstManagerSignIn(page, c.locale);

            // Search the queue by BIN, open the application.
            await field(page, t('Manager.search')).fill(c.bin);
            await page.getByRole('button', { name: t('Manager.apply'), exact: true }).click();
            await page.waitForURL((url) => url.searchParams.get('q') === c.bin);
            const rows = page.locator('tbody tr');
            assert.equal(await rows.count(), 1, 'the BIN finds exactly this application');
            await rows.getByRole('link', { name: c.orgName, exact: true }).click();
            await page.waitForURL((url) => new RegExp(`^/${c.locale}/manager/applications/[0-9a-f-]{36}$`).test(url.pathname));
            const applicationPath = pathOf(page);
            await page.getByRole('heading', { level: 1, name: `${t('Manager.appTitle')}: ${c.orgName}` }).waitFor();
            const status = page.getByTestId('manager-status');
            await waitForTextOf(status, t('Status.submitted'));

            // The IIN is masked, and not anywhere in the page, until «Show».
            const iin = page.getByTestId('iin');
            await waitForTextOf(iin, masked(c.iin));
            assert.ok(!(await page.content()).includes(c.iin), 'the full IIN is not in the page before it is asked for');
            await page.getByRole('button', { name: t('Manager.showIin'), exact: true }).click();
            await waitForTextOf(iin, c.iin);
            assert.equal(await page.getByRole('button', { name: t('Manager.showIin'), exact: true }).count(), 0);

            // Into review (assigned to this manager), then changes requested with a comment.
            await page.getByRole('button', { name: t('Manager.startReview'), exact: true }).click();
            await waitForTextOf(status, t('Status.in_review'));
            await page.getByText(manager.name).first().waitFor();
            await field(page, t('Manager.comment')).fill(c.comment);
            await page.getByRole('button', { name: t('Manager.requestChanges'), exact: true }).click();
            await waitForTextOf(status, t('Status.needs_changes'));

            // The applicant sees the status and the comment, in the cabinet and by email.
            await applicantPage.reload();
            await waitForTextOf(applicantPage.getByTestId('application-status'), t('Status.needs_changes'));
            await waitForTextOf(applicantPage.getByTestId('manager-comment'), c.comment);
            const changesMail = await waitForEmail(
              applicant.email,
              (m) => m.body.subject === t('Email.applicationStatus.subject', { status: t('Email.status.needs_changes') }),
            );
            assert.ok(changesMail.body.text.includes(`> ${c.comment}`), `the comment is quoted in the email:\n${changesMail.body.text}`);

            // The applicant fixes the phone and resubmits.
            await applicantPage.getByRole('link', { name: t('Application.fix'), exact: true }).click();
            await waitForPath(applicantPage, `/${c.locale}/cabinet/application`);
            await applicantPage.getByRole('note').getByText(c.comment, { exact: true }).waitFor();
            await assertApplicationValues(applicantPage, t, { orgName: c.orgName, bin: c.bin, librarianEmail: data.librarianEmail });
            await applicationControl(applicantPage, t, 'orgPhone').fill(c.fixedPhone);
            await applicantPage.getByRole('button', { name: t('Application.resubmit'), exact: true }).click();
            await waitForPath(applicantPage, `/${c.locale}/cabinet`);
            await waitForTextOf(applicantPage.getByTestId('application-status'), t('Status.submitted'));

            // The manager sees the new phone, takes the application again and approves it.
            await page.goto(applicationPath);
            await waitForTextOf(status, t('Status.submitted'));
            const phone = parseKzPhone(c.fixedPhone);
            assert.ok(phone.ok);
            await page.getByText(formatPhone(phone.e164), { exact: true }).waitFor();
            await page.getByRole('button', { name: t('Manager.startReview'), exact: true }).click();
            await waitForTextOf(status, t('Status.in_review'));
            await page.getByRole('button', { name: t('Manager.approve'), exact: true }).click();
            await waitForTextOf(status, t('Status.approved'));
            assert.equal(await page.getByRole('button', { name: t('Manager.approve'), exact: true }).count(), 0, 'no decisions after approval');
          });

          // The organisation's account: the password goes to the librarian's email, in the applicant's language.
          const orgMail = await waitForEmail(data.librarianEmail, (m) => m.body.subject === t('Email.tempPassword.subjectOrganisation'));
          assert.ok(orgMail.body.text.includes(`${portal().baseUrl}/${c.locale}/sign-in`));
          await withBrowser({}, async (orgPage) => {
            await orgPage.goto(`/${c.locale}/sign-in`);
            await signIn(orgPage, t, data.librarianEmail, passwordFromEmail(orgMail));
            await waitForPath(orgPage, `/${c.locale}/set-password`);
            await fillNewPassword(orgPage, { password: t('SetPassword.password'), confirm: t('SetPassword.confirm') }, c.orgPassword);
            await orgPage.getByRole('button', { name: t('SetPassword.submit'), exact: true }).click();
            await waitForPath(orgPage, `/${c.locale}/organisation`);
            await orgPage.getByRole('heading', { level: 1, name: t('Organisation.title') }).waitFor();
            const shown = await orgPage.getByTestId('organisation-data').innerText();
            assert.ok(shown.includes(c.orgName), `the organisation's name is shown:\n${shown}`);
            assert.ok(shown.includes(c.bin), `the BIN is shown:\n${shown}`);
          });

          // And the applicant's cabinet says approved.
          await applicantPage.reload();
          await waitForTextOf(applicantPage.getByTestId('application-status'), t('Status.approved'));
          await waitForEmail(applicant.email, (m) => m.body.subject === t('Email.applicationStatus.subject', { status: t('Email.status.approved') }));
        });
      });
    }
  });
}
