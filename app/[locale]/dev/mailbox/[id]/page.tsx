import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getDevMail } from '@/db/queries/dev-mailbox';
import { isProduction } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function DevMailPage({ params }: PageProps<'/[locale]/dev/mailbox/[id]'>) {
  if (isProduction) notFound();
  const { locale, id } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  if (!UUID.test(id)) notFound();
  const mail = await getDevMail(await getDb(), id);
  if (!mail) notFound();
  const t = await getTranslations('DevMailbox');
  return (
    <div className="space-y-4">
      <Link href="/dev/mailbox" className="text-brand-700 underline">
        {t('back')}
      </Link>
      <h1 className="text-xl font-bold">{mail.subject}</h1>
      <p className="text-sm text-slate-600">
        {t('to')}: {mail.toAddress}
      </p>
      <iframe title={mail.subject} sandbox="" srcDoc={mail.html} className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white" />
      <details>
        <summary className="cursor-pointer">{t('textVersion')}</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="mail-text">
          {mail.text}
        </pre>
      </details>
    </div>
  );
}
