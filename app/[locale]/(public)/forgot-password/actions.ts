'use server';

import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { RESET_TOKEN_MINUTES, requestPasswordReset } from '@/lib/accounts/passwords';
import { hitRateLimits } from '@/lib/rate-limit/store';
import { clientIp } from '@/lib/security/client-ip';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { forgotPasswordSchema } from '@/lib/validation/sign-in';

/** Public. The same answer whether or not the email has an account. */
export async function forgotPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const db = await getDb();
  const limit = await hitRateLimits(db, [
    ['forgotIp', clientIp(await headers())],
    ['forgotEmail', parsed.data.email],
  ]);
  if (!limit.allowed) return formFailure(formData, 'rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  await requestPasswordReset(db, parsed.data.email, (await getLocale()) as 'kk' | 'ru');
  return { ok: true, result: { email: parsed.data.email, minutes: RESET_TOKEN_MINUTES } };
}
