import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { getApplicationOfApplicant, listApplicationEvents } from '@/db/queries/applications';
import { requireUser } from '@/lib/auth/session';
import { Link, redirect } from '@/lib/i18n/navigation';
import { ApplicationStatusCard } from './application-status-card';

export default async function CabinetPage({ params, searchParams }: PageProps<'/[locale]/cabinet'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const user = await requireUser(locale);
  if (user.role === 'manager') redirect({ href: '/manager', locale: locale as 'kk' | 'ru' });
  if (user.role === 'organisation') redirect({ href: '/organisation', locale: locale as 'kk' | 'ru' });
  const { changed } = await searchParams;
  const t = await getTranslations('Cabinet');
  const positions = await getTranslations('Positions');
  const types = await getTranslations('OrgTypes');
  const db = await getDb();
  const application = user.role === 'applicant' ? await getApplicationOfApplicant(db, user.id) : undefined;
  const events = application ? await listApplicationEvents(db, application.id) : [];
  const position = user.position === 'other' ? (user.positionOther ?? '') : user.position ? positions(user.position as 'director') : '';
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {changed === '1' ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3">
          {t('passwordChanged')}
        </p>
      ) : null}
      <p className="text-lg">{t('greeting')}</p>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="account-title">
        <h2 id="account-title" className="mb-3 font-semibold">
          {t('accountTitle')}
        </h2>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">{t('email')}</dt>
          <dd className="break-all" data-testid="cabinet-email">
            {user.email}
          </dd>
          <dt className="text-slate-500">{t('position')}</dt>
          <dd data-testid="cabinet-position">{position}</dd>
          <dt className="text-slate-500">{t('orgType')}</dt>
          <dd data-testid="cabinet-org-type">{user.orgType ? types(user.orgType) : ''}</dd>
        </dl>
      </section>
      <ApplicationStatusCard application={application ?? null} events={events} />
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="security-title">
        <h2 id="security-title" className="mb-2 font-semibold">
          {t('security')}
        </h2>
        <Link href="/cabinet/password" className="text-brand-700 underline">
          {t('changePassword')}
        </Link>
      </section>
    </div>
  );
}
