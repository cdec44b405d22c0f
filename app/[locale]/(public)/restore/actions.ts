'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { createPublicRestoreRequest } from '@/lib/organisations/restore';
import { hitRateLimits } from '@/lib/rate-limit/store';
import { clientIp } from '@/lib/security/client-ip';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { restoreRequestSchema } from '@/lib/validation/restore';

/** Public. The same answer whatever the BIN: nobody learns which organisations are registered. */
export async function restoreRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = parseForm(restoreRequestSchema, formData);
  if (!parsed.ok) return parsed.state;
  const db = await getDb();
  const limit = await hitRateLimits(db, [
    ['restoreIp', clientIp(await headers())],
    ['restoreEmail', parsed.data.email],
  ]);
  if (!limit.allowed) return formFailure(formData, 'rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  await createPublicRestoreRequest(db, parsed.data);
  return { ok: true, result: {} };
}
