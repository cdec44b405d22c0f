import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { requireUser } from '@/lib/auth/session';
import { findOrganisations, lastRestoreSends } from '@/lib/organisations/restore';
import { hasForbiddenCharacters } from '@/lib/validation/text';
import { SendRestoreForm } from '../restore/send-restore-form';

export default async function OrganisationsPage({ params, searchParams }: PageProps<'/[locale]/manager/organisations'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  await requireUser(locale, { roles: ['manager'] });
  const { q } = await searchParams;
  const query = typeof q === 'string' && !hasForbiddenCharacters(q) ? q.slice(0, 100) : '';
  const db = await getDb();
  const orgs = query.trim() ? await findOrganisations(db, query) : [];
  const sends = await lastRestoreSends(db, orgs.map((o) => o.id));
  const t = await getTranslations('Manager');
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('organisationsTitle')}</h1>
      <form method="get" className="flex flex-wrap gap-2">
        <label className="grow">
          <span className="sr-only">{t('orgSearchHint')}</span>
          <input name="q" defaultValue={query} maxLength={100} placeholder={t('orgSearchHint')} className="w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          {t('orgFind')}
        </button>
      </form>
      {query && orgs.length === 0 ? <p>{t('orgNone')}</p> : null}
      {orgs.length > 0 ? (
        <SendRestoreForm label={t('orgSendSelected')} names={Object.fromEntries(orgs.map((o) => [o.id, o.name]))}>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {orgs.map((org) => (
              <li key={org.id} className="flex items-start gap-3 p-3">
                <input type="checkbox" name="organisationId" value={org.id} id={`org-${org.id}`} className="mt-1 h-4 w-4" aria-label={t('selectOrg', { name: org.name })} />
                <label htmlFor={`org-${org.id}`}>
                  <span className="block font-medium">{org.name}</span>
                  <span className="block text-sm text-slate-600">
                    <span className="font-mono">{org.bin}</span> · {t('orgEmail')}: {org.email}
                  </span>
                  {sends.get(org.id) ? (
                    <span className="block text-sm text-slate-500">
                      {t('lastRestore', { date: format.dateTime(sends.get(org.id)!.at, { dateStyle: 'short', timeStyle: 'short' }), name: sends.get(org.id)!.by })}
                    </span>
                  ) : null}
                </label>
              </li>
            ))}
          </ul>
        </SendRestoreForm>
      ) : null}
    </div>
  );
}
