import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('Common');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('backHome')}
      </Link>
    </div>
  );
}
