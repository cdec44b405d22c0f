import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { SignInForm } from './sign-in-form';

export default async function SignInPage({ params, searchParams }: PageProps<'/[locale]/sign-in'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const { reset } = await searchParams;
  const t = await getTranslations('SignIn');
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {reset === '1' ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3">
          {t('resetDone')}
        </p>
      ) : null}
      <p className="text-slate-700">{t('lead')}</p>
      <SignInForm />
      <p className="text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t('forgot')}
        </Link>
      </p>
      <p className="text-sm text-slate-600">
        {t('noAccount')}{' '}
        <Link href="/sign-up" className="text-brand-700 underline">
          {(await getTranslations('Common'))('signUp')}
        </Link>
      </p>
    </div>
  );
}
