import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { currentUser } from '@/lib/auth/session';
import { LocaleSwitcher } from './locale-switcher';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const t = await getTranslations('Common');
  const user = await currentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-lg font-bold tracking-wide text-brand-700">{t('brand')}</span>
          <span className="text-xs text-slate-500">{t('tagline')}</span>
        </Link>
        <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label={t('brand')}>
          {user ? (
            <>
              <Link href="/cabinet" className="rounded px-2 py-1 hover:bg-slate-100">
                {t('cabinet')}
              </Link>
              <SignOutButton label={t('signOut')} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="rounded px-2 py-1 hover:bg-slate-100">
                {t('signIn')}
              </Link>
              <Link href="/sign-up" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
                {t('signUp')}
              </Link>
            </>
          )}
          <LocaleSwitcher />
        </nav>
      </div>
    </header>
  );
}
