'use server';

import { getLocale } from 'next-intl/server';
import { signOut } from './index';

export async function signOutAction(): Promise<void> {
  const locale = await getLocale();
  await signOut({ redirectTo: `/${locale}` });
}
