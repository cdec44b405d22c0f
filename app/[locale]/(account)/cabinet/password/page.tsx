import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { ChangePasswordForm } from './change-password-form';

export default async function ChangePasswordPage({ params }: PageProps<'/[locale]/cabinet/password'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  await requireUser(locale);
  const t = await getTranslations('ChangePassword');
  const rules = (await getTranslations('SetPassword'))('rules');
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ChangePasswordForm rules={rules} />
      <Link href="/cabinet" className="text-brand-700 underline">
        {t('back')}
      </Link>
    </div>
  );
}
