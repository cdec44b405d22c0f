import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listDevMail } from '@/db/queries/dev-mailbox';
import { isProduction } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';

/** Development only: the emails that would have been sent. Production answers 404. */
export default async function DevMailboxPage({ params }: PageProps<'/[locale]/dev/mailbox'>) {
  if (isProduction) notFound();
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const t = await getTranslations('DevMailbox');
  const format = await getFormatter();
  const mails = await listDevMail(await getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      {mails.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {mails.map((mail) => (
            <li key={mail.id} className="p-3">
              <Link href={`/dev/mailbox/${mail.id}`} className="block hover:bg-slate-50">
                <span className="block font-medium">{mail.subject}</span>
                <span className="block text-sm text-slate-600">
                  {t('to')}: {mail.toAddress} · {format.dateTime(mail.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
