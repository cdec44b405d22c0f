import { eq } from 'drizzle-orm';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { registeredOrganisations } from '@/db/schema';
import { getApplicationOfApplicant, listApplicationEvents } from '@/db/queries/applications';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { formatPhone } from '@/lib/validation/phone';
import { regionKey, type RegionCode } from '@/lib/validation/regions';
import { ApplicationStatusCard } from '../cabinet/application-status-card';

/** The organisation's own account: its registration data and a way to change the password. */
export default async function OrganisationPage({ params }: PageProps<'/[locale]/organisation'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const user = await requireUser(locale, { roles: ['organisation'] });
  const db = await getDb();
  const [org] = user.organisationId ? await db.select().from(registeredOrganisations).where(eq(registeredOrganisations.id, user.organisationId)) : [];
  // An account that was the applicant (the librarian applied herself) still sees the application's final status.
  const application = await getApplicationOfApplicant(db, user.id);
  const events = application ? await listApplicationEvents(db, application.id) : [];
  const t = await getTranslations('Organisation');
  const a = await getTranslations('Application');
  const regions = await getTranslations('Regions');
  const types = await getTranslations('OrgTypes');
  const cabinet = await getTranslations('Cabinet');
  const format = await getFormatter();
  const phone = (v: string | null | undefined) => (v ? formatPhone(v) : '');
  const rows: [string, string | null | undefined][] = org
    ? [
        [a('orgName'), org.name],
        [a('bin'), org.bin],
        [a('orgType'), org.orgType ? types(org.orgType) : ''],
        [a('orgPhone'), phone(org.phone)],
        [a('orgEmail'), org.email],
        [a('legalAddress'), org.legalAddress],
        [a('cityRegion'), `${org.region ? regions(regionKey(org.region as RegionCode) as 'r10') : ''}${org.city ? `, ${org.city}` : ''}`],
        [a('postalCode'), org.postalCode],
        [`${a('section2')}: ${a('librarianName')}`, org.librarianName],
        [`${a('section2')}: ${a('librarianEmail')}`, org.librarianEmail],
        [`${a('section3')}: ${a('responsibleName')}`, org.responsibleName],
        [`${a('section3')}: ${a('responsiblePosition')}`, org.responsiblePosition],
        [t('registeredAt'), format.dateTime(org.createdAt, { dateStyle: 'long' })],
      ]
    : [];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <dl className="grid gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]" data-testid="organisation-data">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {application ? <ApplicationStatusCard application={application} events={events} /> : null}
      <Link href="/cabinet/password" className="text-brand-700 underline">
        {cabinet('changePassword')}
      </Link>
    </div>
  );
}
