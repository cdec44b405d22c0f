import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { getApplicationOfApplicant } from '@/db/queries/applications';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { applicationFieldNames, applicationFields } from '@/lib/validation/application';
import { formatPhone } from '@/lib/validation/phone';
import { regionKey, type RegionCode } from '@/lib/validation/regions';
import { isEditableByApplicant } from '@/lib/workflow/application-status';
import { ApplicationForm } from './application-form';

export default async function ApplicationPage({ params }: PageProps<'/[locale]/cabinet/application'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const user = await requireUser(locale, { roles: ['applicant', 'organisation'] });
  const application = await getApplicationOfApplicant(await getDb(), user.id);
  const t = await getTranslations('Application');
  const status = await getTranslations('Status');
  const regions = await getTranslations('Regions');
  const types = await getTranslations('OrgTypes');

  if (application && !isEditableByApplicant(application.status)) {
    const show = (name: (typeof applicationFieldNames)[number]) => {
      const value = application[name] ?? '';
      if (name === 'region' && value) return regions(regionKey(value as RegionCode) as 'r10');
      if (name.endsWith('Phone') && value) return formatPhone(value);
      return value;
    };
    const sections = [
      { title: t('section1'), fields: ['orgName', 'bin', 'orgPhone', 'orgEmail', 'legalAddress', 'region', 'city', 'postalCode'] as const },
      { title: t('section2'), fields: ['librarianName', 'librarianIin', 'librarianPhone', 'librarianEmail'] as const },
      { title: t('section3'), fields: ['responsibleName', 'responsiblePosition', 'responsiblePhone', 'responsibleEmail'] as const },
    ];
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="rounded-md border border-slate-200 bg-white p-3">
          <strong>{status(application.status)}.</strong> {status(`${application.status}Text`)}
        </p>
        <h2 className="text-lg font-semibold">{t('lockedSummary')}</h2>
        <p>
          {t('orgType')}: {types(application.orgType)}
        </p>
        {sections.map((section) => (
          <section key={section.title} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-semibold">{section.title}</h3>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              {section.fields.map((name) => (
                <div key={name} className="contents">
                  <dt className="text-slate-500">{t(name)}</dt>
                  <dd className="break-words">{show(name)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <Link href="/cabinet" className="text-brand-700 underline">
          {t('backToCabinet')}
        </Link>
      </div>
    );
  }

  const initial = Object.fromEntries(applicationFieldNames.map((name) => [name, application?.[name] ?? ''])) as Record<string, string>;
  initial.orgType = application?.orgType ?? user.orgType ?? '';
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {application?.status === 'needs_changes' && application.managerComment ? (
        <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 className="font-semibold">{status('managerComment')}</h2>
          <p className="mt-1 whitespace-pre-wrap">{application.managerComment}</p>
        </div>
      ) : null}
      <p className="text-slate-700">{t('lead')}</p>
      <ApplicationForm
        initial={initial}
        limits={Object.fromEntries(applicationFieldNames.map((name) => [name, applicationFields[name].max])) as Record<(typeof applicationFieldNames)[number], number>}
        version={application?.version ?? 0}
        status={application?.status ?? 'draft'}
        savedAt={application?.updatedAt.toISOString() ?? null}
      />
    </div>
  );
}
