import { defineRouting } from 'next-intl/routing';
import { locales } from '@/db/schema/enums';

/** The only list of locales: Kazakh first and default, then Russian. */
export const routing = defineRouting({
  locales,
  defaultLocale: 'kk',
  localePrefix: 'always',
});
