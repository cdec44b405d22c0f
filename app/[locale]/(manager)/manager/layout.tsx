import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';

/** Managers only; every page and action below checks the role again itself. */
export default async function ManagerLayout({ children, params }: LayoutProps<'/[locale]/manager'>) {
  const { locale } = await params;
  await requireUser(locale, { roles: ['manager'] });
  const t = await getTranslations('Manager');
  const links = [
    ['/manager', t('navQueue')],
    ['/manager/restore', t('navRestore')],
    ['/manager/organisations', t('navOrganisations')],
    ['/manager/overview', t('navOverview')],
  ] as const;
  return (
    <div className="space-y-6">
      <nav aria-label={t('navQueue')} className="flex flex-wrap gap-2 text-sm">
        {links.map(([href, label]) => (
          <Link key={href} href={href} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
            {label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
