import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { redirect } from '@/lib/i18n/navigation';
import { SetPasswordForm } from './set-password-form';

export default async function SetPasswordPage({ params }: PageProps<'/[locale]/set-password'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const user = await requireUser(locale, { allowPasswordChange: true });
  if (!user.mustChangePassword) redirect({ href: '/cabinet', locale: locale as 'kk' | 'ru' });
  const t = await getTranslations('SetPassword');
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <SetPasswordForm />
    </div>
  );
}
