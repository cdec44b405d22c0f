'use server';

import { AuthError } from 'next-auth';
import { getLocale } from 'next-intl/server';
import { signIn, SignInFailed } from '@/lib/auth';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { signInSchema } from '@/lib/validation/sign-in';

const MESSAGES = { invalid: 'invalidCredentials', expired: 'tempPasswordExpired', rateLimited: 'rateLimited' } as const;

/** Public. Rate limits, the slow-down and the checks themselves run in the provider's authorize(). */
export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return parsed.state;
  const locale = await getLocale();
  try {
    // On success this redirects (by throwing), to the forced password change or the cabinet.
    await signIn('credentials', { ...parsed.data, redirectTo: `/${locale}/cabinet` });
  } catch (error) {
    if (error instanceof SignInFailed) {
      const code = (error.code in MESSAGES ? error.code : 'invalid') as keyof typeof MESSAGES;
      return formFailure(formData, MESSAGES[code], { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
    }
    if (error instanceof AuthError) return formFailure(formData, 'unexpected');
    throw error;
  }
  return {};
}
