import { cache } from 'react';
import type { User } from '@/db/schema';
import type { Locale, UserRole } from '@/db/schema/enums';
import { getDb } from '@/db';
import { userForSession } from '@/lib/accounts/passwords';
import { redirect } from '@/lib/i18n/navigation';
import { auth } from './index';

/**
 * The signed-in user, read from the database (not only from the session token), or null. A session issued before
 * the latest password change (an older session version) counts as signed out. Read once per
 * request: the header, the layout and the page share it.
 */
export const currentUser = cache(async (): Promise<User | null> => {
  const session = await auth();
  if (!session?.uid || typeof session.sv !== 'number') return null;
  return userForSession(await getDb(), session.uid, session.sv);
});

type Options = { roles?: UserRole[]; allowPasswordChange?: boolean };

/**
 * For server actions: the user if signed in with one of `roles` and past the forced password
 * change (unless `allowPasswordChange`), else null.
 */
export async function authorizedUser({ roles, allowPasswordChange = false }: Options = {}): Promise<User | null> {
  const user = await currentUser();
  if (!user) return null;
  if (roles && !roles.includes(user.role)) return null;
  if (user.mustChangePassword && !allowPasswordChange) return null;
  return user;
}

/** For pages: the user, or a redirect to sign in (or to the forced password change first). */
export async function requireUser(locale: Locale | string, { roles, allowPasswordChange = false }: Options = {}): Promise<User> {
  const user = await currentUser();
  if (!user) return redirect({ href: '/sign-in', locale: locale as Locale });
  if (user.mustChangePassword && !allowPasswordChange) return redirect({ href: '/set-password', locale: locale as Locale });
  if (roles && !roles.includes(user.role)) return redirect({ href: '/', locale: locale as Locale });
  return user;
}
