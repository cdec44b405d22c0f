import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { isResetTokenUsable } from '@/db/queries/users';
import { Link } from '@/lib/i18n/navigation';
import { hashToken } from '@/lib/security/crypto';
import { resetTokenField } from '@/lib/validation/password';
import { ResetPasswordForm } from './reset-password-form';

export default async function ResetPasswordPage({ params }: PageProps<'/[locale]/reset-password/[token]'>) {
  const { locale, token } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const t = await getTranslations('ResetPassword');
  const valid =
    resetTokenField.safeParse(token).success && (await isResetTokenUsable(await getDb(), hashToken(token), new Date()));
  if (!valid) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
        <p className="text-slate-700">{t('invalidText')}</p>
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t('requestNew')}
        </Link>
      </div>
    );
  }
  const rules = (await getTranslations('SetPassword'))('rules');
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ResetPasswordForm token={token} rules={rules} />
    </div>
  );
}
