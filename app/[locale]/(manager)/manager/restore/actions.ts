'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { authorizedUser } from '@/lib/auth/session';
import { closeRestoreRequest, sendRestoreEmails, type RestoreSendResult } from '@/lib/organisations/restore';
import { hasForbiddenCharacters } from '@/lib/validation/text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RestoreActionState = { results?: RestoreSendResult[]; error?: string };

/** Managers only: restore emails to the selected organisations (to their emails on file), with the result for each. */
export async function sendRestoreAction(_prev: RestoreActionState, formData: FormData): Promise<RestoreActionState> {
  const manager = await authorizedUser({ roles: ['manager'] });
  if (!manager) return { error: 'transitionForbidden' };
  const ids = formData.getAll('organisationId').filter((v): v is string => typeof v === 'string' && UUID.test(v));
  const requestId = formData.get('requestId');
  if (ids.length === 0) return { results: [] };
  const locale = (await getLocale()) as 'kk' | 'ru';
  const results = await sendRestoreEmails(await getDb(), manager, ids, {
    requestId: typeof requestId === 'string' && UUID.test(requestId) ? requestId : undefined,
    locale,
  });
  revalidatePath(`/${locale}/manager/restore`);
  // From the request queue the request closes and leaves the list: say so on the page itself.
  if (typeof requestId === 'string' && results.every((r) => r.outcome === 'sent')) redirect(`/${locale}/manager/restore?sent=1`);
  return { results };
}

/** Managers only: closes a restore request with its outcome. */
export async function closeRequestAction(formData: FormData): Promise<void> {
  const manager = await authorizedUser({ roles: ['manager'] });
  if (!manager) return;
  const id = String(formData.get('requestId') ?? '');
  const outcome = String(formData.get('outcome') ?? '').normalize('NFC').trim().slice(0, 500);
  if (!UUID.test(id) || !outcome || hasForbiddenCharacters(outcome)) return;
  await closeRestoreRequest(await getDb(), manager, id, outcome);
  revalidatePath(`/${await getLocale()}/manager/restore`);
}
