import { getTranslations, setRequestLocale } from 'next-intl/server';
import { RestoreForm } from './restore-form';

export default async function RestorePage({ params }: PageProps<'/[locale]/restore'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const t = await getTranslations('Restore');
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <RestoreForm />
    </div>
  );
}
