import { getFormatter, getTranslations } from 'next-intl/server';
import type { Application } from '@/db/schema';
import type { listApplicationEvents } from '@/db/queries/applications';
import { Link } from '@/lib/i18n/navigation';

type Events = Awaited<ReturnType<typeof listApplicationEvents>>;

const TONE: Record<Application['status'], string> = {
  draft: 'border-slate-200 bg-white',
  submitted: 'border-sky-200 bg-sky-50',
  in_review: 'border-sky-200 bg-sky-50',
  needs_changes: 'border-amber-300 bg-amber-50',
  approved: 'border-green-200 bg-green-50',
  rejected: 'border-red-200 bg-red-50',
};

/** The application's status, the manager's comment, what to do next, and the timeline with dates. */
export async function ApplicationStatusCard({ application, events }: { application: Application | null; events: Events }) {
  const t = await getTranslations('Application');
  const status = await getTranslations('Status');
  const cabinet = await getTranslations('Cabinet');
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });

  if (!application) {
    return (
      <section className="rounded-lg border border-brand-100 bg-brand-50 p-4" aria-labelledby="next-title">
        <h2 id="next-title" className="mb-2 font-semibold">
          {cabinet('nextTitle')}
        </h2>
        <p className="text-slate-700">{cabinet('nextText')}</p>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <Link href="/cabinet/application" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t('open')}
          </Link>
          <Link href={{ pathname: '/', hash: 'prepare' }} className="text-brand-700 underline">
            {cabinet('checklistLink')}
          </Link>
        </div>
      </section>
    );
  }

  const action = application.status === 'draft' ? 'continue' : application.status === 'needs_changes' ? 'fix' : 'view';
  return (
    <section className={`rounded-lg border p-4 ${TONE[application.status]}`} aria-labelledby="status-title">
      <h2 id="status-title" className="font-semibold">
        {t('title')}: <span data-testid="application-status">{status(application.status)}</span>
      </h2>
      <p className="mt-1 text-slate-700">{status(`${application.status}Text`)}</p>
      {application.managerComment && (application.status === 'needs_changes' || application.status === 'rejected') ? (
        <div className="mt-3 rounded-md border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-semibold">{status('managerComment')}</h3>
          <p className="whitespace-pre-wrap" data-testid="manager-comment">
            {application.managerComment}
          </p>
        </div>
      ) : null}
      <Link
        href="/cabinet/application"
        className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t(action)}
      </Link>
      <h3 className="mt-4 text-sm font-semibold">{status('timeline')}</h3>
      <ol className="mt-2 space-y-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
        <li>
          <span className="font-medium">{status('created')}</span> · <time dateTime={application.createdAt.toISOString()}>{date(application.createdAt)}</time>
        </li>
        {events.map((event) => (
          <li key={event.id}>
            <span className="font-medium">{status(event.toStatus)}</span> ·{' '}
            <time dateTime={event.createdAt.toISOString()}>{date(event.createdAt)}</time> ·{' '}
            <span className="text-slate-500">{event.actorRole === 'manager' ? status('byManager') : status('byApplicant')}</span>
            {event.comment ? <p className="whitespace-pre-wrap text-sm text-slate-700">{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
