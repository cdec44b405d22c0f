import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ForgotPasswordForm } from './forgot-password-form';

export default async function ForgotPasswordPage({ params }: PageProps<'/[locale]/forgot-password'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const t = await getTranslations('ForgotPassword');
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <ForgotPasswordForm />
    </div>
  );
}
