'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Common');
  return (
    <div className="space-y-3" role="alert">
      <h1 className="text-2xl font-bold">{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
        {t('tryAgain')}
      </button>
    </div>
  );
}
