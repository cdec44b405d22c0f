import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findDuplicates, getApplicationForManager, listApplicationEvents, userNames } from '@/db/queries/applications';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { maskIin } from '@/lib/manager/queue-filters';
import { formatPhone } from '@/lib/validation/phone';
import { regionKey, type RegionCode } from '@/lib/validation/regions';
import { DecisionForms, IinReveal } from './decision-forms';

export default async function ManagerApplicationPage({ params }: PageProps<'/[locale]/manager/applications/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  await requireUser(locale, { roles: ['manager'] });
  const db = await getDb();
  const application = await getApplicationForManager(db, id);
  if (!application) notFound();
  const [events, duplicates] = await Promise.all([listApplicationEvents(db, application.id), findDuplicates(db, application)]);
  const names = await userNames(db, [...new Set([application.assignedTo, ...events.map((e) => e.actorId)].filter((v): v is string => Boolean(v)))]);
  const t = await getTranslations('Manager');
  const a = await getTranslations('Application');
  const status = await getTranslations('Status');
  const regions = await getTranslations('Regions');
  const types = await getTranslations('OrgTypes');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const phone = (v: string | null) => (v ? formatPhone(v) : '');
  const rows: [string, React.ReactNode][][] = [
    [
      [a('orgType'), types(application.orgType)],
      [a('orgName'), application.orgName],
      [a('bin'), <span key="bin" className="font-mono">{application.bin}</span>],
      [a('orgPhone'), phone(application.orgPhone)],
      [a('orgEmail'), application.orgEmail],
      [a('legalAddress'), application.legalAddress],
      [a('cityRegion'), `${application.region ? regions(regionKey(application.region as RegionCode) as 'r10') : ''}${application.city ? `, ${application.city}` : ''}`],
      [a('postalCode'), application.postalCode],
    ],
    [
      [a('librarianName'), application.librarianName],
      [a('librarianIin'), <IinReveal key="iin" id={application.id} masked={maskIin(application.librarianIin)} />],
      [a('librarianPhone'), phone(application.librarianPhone)],
      [a('librarianEmail'), application.librarianEmail],
    ],
    [
      [a('responsibleName'), application.responsibleName],
      [a('responsiblePosition'), application.responsiblePosition],
      [a('responsiblePhone'), phone(application.responsiblePhone)],
      [a('responsibleEmail'), application.responsibleEmail],
    ],
  ];
  const titles = [a('section1'), a('section2'), a('section3')];
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">
        {t('appTitle')}: {application.orgName ?? t('untitled')}
      </h1>
      <p>
        <strong data-testid="manager-status">{status(application.status)}</strong> · {t('holder')}:{' '}
        {application.assignedTo ? names.get(application.assignedTo) : t('nobody')}
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="decisions">
        <h2 id="decisions" className="mb-2 font-semibold">
          {t('decisions')}
        </h2>
        <DecisionForms key={`${application.status}-${application.version}`} id={application.id} version={application.version} status={application.status} />
      </section>
      {rows.map((section, index) => (
        <section key={titles[index]} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-2 font-semibold">{titles[index]}</h2>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {section.map(([label, value], i) => (
              <div key={i} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t('duplicates')}</h2>
        {duplicates.applications.length + duplicates.organisations.length === 0 ? (
          <p>{t('noDuplicates')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5" data-testid="duplicates">
            {duplicates.applications.map((d) => (
              <li key={d.id}>
                {t('dupApplication')}:{' '}
                <Link href={`/manager/applications/${d.id}`} className="underline">
                  {d.name ?? t('untitled')}
                </Link>{' '}
                ({status(d.status)}) — {d.matches.map((m) => t(`match_${m}` as 'match_bin')).join(', ')}
              </li>
            ))}
            {duplicates.organisations.map((d) => (
              <li key={d.id}>
                {t('dupOrganisation')}: {d.name} ({d.bin}) — {d.matches.map((m) => t(`match_${m}` as 'match_bin')).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t('history')}</h2>
        <ol className="space-y-2 border-l-2 border-slate-300 pl-4">
          {events.map((event) => (
            <li key={event.id}>
              <span className="font-medium">
                {status(event.fromStatus)} → {status(event.toStatus)}
              </span>{' '}
              · <time dateTime={event.createdAt.toISOString()}>{date(event.createdAt)}</time>
              {event.actorId ? <span className="text-slate-500"> · {names.get(event.actorId)}</span> : null}
              {event.comment ? <p className="whitespace-pre-wrap text-sm text-slate-700">{event.comment}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
