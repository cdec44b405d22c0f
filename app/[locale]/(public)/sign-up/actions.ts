'use server';

import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { openTemporaryAccount } from '@/lib/accounts/sign-up';
import { tempPasswordHours } from '@/lib/env';
import { hitRateLimits } from '@/lib/rate-limit/store';
import { clientIp } from '@/lib/security/client-ip';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { signUpSchema } from '@/lib/validation/sign-up';

/** Public: anyone may open a temporary account. The answer never tells whether the email was known. */
export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed.state;
  const locale = (await getLocale()) as 'kk' | 'ru';
  const db = await getDb();
  const ip = clientIp(await headers());
  const limit = await hitRateLimits(db, [
    ['signUpIp', ip],
    ['signUpEmail', parsed.data.email],
  ]);
  if (!limit.allowed) return formFailure(formData, 'rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const t = await getTranslations({ locale, namespace: 'SignUp' });
  await openTemporaryAccount(db, parsed.data, { locale, consentText: `${t('consentText')}\n${t('consentLabel')}` });
  return { ok: true, result: { email: parsed.data.email, hours: tempPasswordHours() } };
}
