'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

const LABELS: Record<(typeof routing.locales)[number], string> = { kk: 'Қазақша', ru: 'Русский' };

/** Links to the same page in the other language; next-intl remembers the choice in a cookie. */
export function LocaleSwitcher() {
  const t = useTranslations('Common');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1" aria-label={t('language')}>
      {routing.locales.map((l) => (
        <li key={l}>
          <Link
            href={pathname}
            locale={l}
            hrefLang={l}
            lang={l}
            aria-current={l === locale ? 'true' : undefined}
            className={`rounded px-2 py-1 ${l === locale ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {LABELS[l]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
