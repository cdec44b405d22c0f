import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignUpForm } from './sign-up-form';

export default async function SignUpPage({ params }: PageProps<'/[locale]/sign-up'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const t = await getTranslations('SignUp');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700">{t('lead')}</p>
      <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 font-semibold">{t('authorisedOnly')}</p>
      <SignUpForm />
    </div>
  );
}
