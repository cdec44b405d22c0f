import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { requireUser } from '@/lib/auth/session';
import { listOpenRestoreRequests } from '@/lib/organisations/restore';
import { closeRequestAction } from './actions';
import { SendRestoreForm } from './send-restore-form';

export default async function RestoreQueuePage({ params, searchParams }: PageProps<'/[locale]/manager/restore'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  await requireUser(locale, { roles: ['manager'] });
  const { sent } = await searchParams;
  const requests = await listOpenRestoreRequests(await getDb());
  const t = await getTranslations('Manager');
  const format = await getFormatter();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('restoreTitle')}</h1>
      {sent === '1' ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3">
          {t('outcome_sent')}
        </p>
      ) : null}
      {requests.length === 0 ? <p>{t('restoreEmpty')}</p> : null}
      <ul className="space-y-3">
        {requests.map((r) => (
          <li key={r.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="restore-request">
            <p>
              <span className="font-mono">{r.bin}</span> · {format.dateTime(r.createdAt, { dateStyle: 'short', timeStyle: 'short' })} ·{' '}
              {t(`restoreSource_${r.source}`)}
            </p>
            <p>
              {t('restoreFrom')}: {[r.requesterName, r.requesterPosition, r.requesterEmail].filter(Boolean).join(', ')}
            </p>
            {r.message ? <p className="whitespace-pre-wrap text-sm text-slate-700">{r.message}</p> : null}
            {r.organisationId ? (
              <>
                <p className="font-medium">{t('restoreOrgFound', { name: r.organisationName ?? '' })}</p>
                <SendRestoreForm requestId={r.id} label={t('sendRestore')} names={{ [r.organisationId]: r.organisationName ?? '' }}>
                  <input type="hidden" name="organisationId" value={r.organisationId} />
                </SendRestoreForm>
              </>
            ) : (
              <p className="text-amber-800">{t('restoreOrgMissing')}</p>
            )}
            <form action={closeRequestAction} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="requestId" value={r.id} />
              <label className="grow">
                <span className="mb-1 block text-sm">{t('closeOutcome')}</span>
                <input name="outcome" required maxLength={500} className="w-full rounded-md border border-slate-300 px-2 py-1.5" />
              </label>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5">
                {t('closeRequest')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
