import 'server-only';
import { AuthError } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { signIn } from './index';

/**
 * After a password change the old session version no longer counts, so the user is signed in
 * afresh with the new password; this redirects (by throwing) to `path`.
 */
export async function signInAgain(email: string, password: string, path: string): Promise<never> {
  const locale = await getLocale();
  try {
    await signIn('credentials', { email, password, redirectTo: `/${locale}${path}` });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
  // Sign-in refused (for example rate limited): the user signs in by hand.
  return redirect(`/${locale}/sign-in`);
}
